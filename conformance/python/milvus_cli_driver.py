"""Runs milvus_cli commands non-interactively, one at a time, in one CLI session.

Used by conformance/src/runners/milvus-cli.ts. milvus_cli's own prompt loop
(``milvus_cli.scripts.helper_client_cli.runCliPrompt``) reads a line with prompt_toolkit, splits it
with ``shlex.split`` and calls its click group ``cli`` with the words; this driver does the same
without the terminal: the words come from the protocol, and the group keeps its session (the
connection made by ``connect``) from command to command, as in the prompt loop.

Protocol: one JSON object per line on stdin, ``{"line": "release partition -c book -p novel"}``;
one JSON object per line back on the process's original stdout. The first line sent is
``{"ready": true, "milvus_cli": ..., "pymilvus": ..., "python": ...}`` (or ``importError``). A
result is ``{"ok": bool, "stdout": str, "stderr": str, "error": {"type", "message"}}``: ``ok`` when
the command raised nothing and wrote nothing to stderr (milvus_cli reports some failures, such as a
refused ``connect``, only there). While a command runs, its stdin is empty, so a confirmation
prompt is answered by end of input (click aborts) instead of reading the protocol.
"""

import contextlib
import io
import json
import os
import shlex
import sys

PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
os.dup2(2, 1)
sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", buffering=0), encoding="utf-8", write_through=True)


def send(obj):
    PROTOCOL.write(json.dumps(obj) + "\n")
    PROTOCOL.flush()


try:
    import importlib.metadata

    import click
    import pymilvus
    from milvus_cli.scripts.milvus_client_cli import cli

    READY = {
        "ready": True,
        "milvus_cli": importlib.metadata.version("milvus-cli"),
        "pymilvus": pymilvus.__version__,
        "python": sys.version.split()[0],
        "importError": None,
    }
except Exception as e:  # reported in the ready line; every command fails with it
    READY = {"ready": True, "milvus_cli": None, "pymilvus": None, "python": sys.version.split()[0], "importError": f"{type(e).__name__}: {e}"}


def run(line):
    out, err = io.StringIO(), io.StringIO()
    error = None
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO("")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            cli.main(args=shlex.split(line), prog_name="milvus_cli", standalone_mode=False)
    except click.exceptions.ClickException as e:
        error = {"type": type(e).__name__, "message": e.format_message()}
    except click.exceptions.Abort:
        error = {"type": "Abort", "message": "the command asked for confirmation and got end of input"}
    except SystemExit as e:
        error = {"type": "SystemExit", "message": f"exit {e.code}"}
    except Exception as e:  # what the prompt loop prints as "Error occurred!"
        error = {"type": type(e).__name__, "message": str(e)}
    finally:
        sys.stdin = saved_stdin
    stderr = err.getvalue()
    return {"ok": error is None and not stderr.strip(), "stdout": out.getvalue(), "stderr": stderr, "error": error}


def main():
    send(READY)
    for raw in sys.stdin:
        if not raw.strip():
            continue
        request = json.loads(raw)
        if READY["importError"]:
            send({"ok": False, "stdout": "", "stderr": "", "error": {"type": "ImportError", "message": READY["importError"]}})
            continue
        send(run(request["line"]))


if __name__ == "__main__":
    main()
