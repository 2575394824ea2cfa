"""Runs the Python blocks of one documentation page, in order, in one shared namespace.

Protocol (used by conformance/src/runners/python.ts): one JSON object per line on stdin,
``{"code": "...", "filename": "page.md#python-3"}``; one JSON object per line back on the
process's original stdout. The first line sent is ``{"ready": true, "python": ..., "pymilvus": ...}``.
Each block is ``exec``'d in the same globals dict (what a reader running the page top to bottom
has); what it prints goes to a buffer, not to the protocol stream (file descriptor 1 is pointed at
stderr, so stray writes of native code cannot corrupt the protocol either).

A result is ``{"ok": bool, "stdout": str, "printed": [{"value", "text"}], "error": {...}}``:
``printed`` holds one entry per ``print()`` call to stdout, its argument as JSON (see ``to_json``)
and the text it wrote. ``error`` holds the exception ``type`` and ``message``; for pymilvus's
``MilvusException`` also its ``code`` and ``milvus_message``; for a ``NameError`` the ``name``; and
``api`` when the exception says the block uses an API the installed pymilvus does not have (an
import, attribute or call signature of pymilvus that does not exist).

The SDK is pymilvus (2.x), or, in the pymilvus 1.x environment where no ``pymilvus`` module exists,
pymilvus 1.x's ``milvus`` module; the ready line reports its version either way.
"""

import builtins
import contextlib
import enum
import io
import json
import os
import re
import sys
import traceback

PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
os.dup2(2, 1)
sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", buffering=0), encoding="utf-8", write_through=True)

def import_sdk():
    """(module, its import name, error): pymilvus, else pymilvus 1.x (``milvus``)."""
    try:
        import pymilvus

        return pymilvus, "pymilvus", None
    except ModuleNotFoundError as e:
        if e.name != "pymilvus":
            return None, None, f"{type(e).__name__}: {e}"
    except Exception as e:
        return None, None, f"{type(e).__name__}: {e}"
    try:
        import milvus

        return milvus, "milvus", None
    except Exception as e:
        return None, None, f"{type(e).__name__}: {e}"


SDK, SDK_NAME, IMPORT_ERROR = import_sdk()
PYMILVUS_VERSION = SDK.__version__ if SDK is not None else None

MAX_SAFE_INTEGER = 2**53 - 1


def to_json(value, top=False, depth=0):
    """A printed value as JSON: containers as arrays and objects, enums and other objects by
    ``repr`` (as Python shows them inside a container) or, printed on their own, by ``str``."""
    if depth > 20:
        return repr(value)
    if isinstance(value, enum.Enum):
        return str(value) if top else repr(value)
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if abs(value) <= MAX_SAFE_INTEGER else str(value)
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else repr(value)
    if isinstance(value, dict):
        return {str(k): to_json(v, False, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v, False, depth + 1) for v in value]
    return str(value) if top else repr(value)


class Recorder:
    def __init__(self):
        self.printed = []

    def print(self, *args, sep=" ", end="\n", file=None, flush=False):
        if file is None or file is sys.stdout:
            value = args[0] if len(args) == 1 else list(args)
            self.printed.append({"value": to_json(value, top=True), "text": (sep if sep is not None else " ").join(str(a) for a in args)})
        builtins.print(*args, sep=sep, end=end, file=file, flush=flush)


SIGNATURE_ERROR = re.compile(r"^([\w.]+)\(\) (missing \d+ required|got an unexpected keyword|takes \d+|takes from|got multiple values)")


def in_pymilvus(obj):
    module = getattr(obj, "__module__", None) if not isinstance(obj, type(sys)) else obj.__name__
    if module is None:
        module = getattr(type(obj), "__module__", "")
    return isinstance(module, str) and module.split(".")[0] == SDK_NAME


def pymilvus_qualname(qualname):
    """Whether ``Partition.__init__`` / ``MilvusClient.get_load_state`` names a pymilvus callable."""
    if SDK is None:
        return False
    head, *rest = qualname.split(".")
    obj = getattr(SDK, head, None)
    if obj is None:
        return False
    for part in rest:
        obj = getattr(obj, part, None)
        if obj is None:
            return False
    return True


def api_mismatch(e, filename):
    """Why the exception means the block uses an API this pymilvus does not have, or None."""
    if isinstance(e, ImportError) and SDK_NAME and (e.name or "").split(".")[0] == SDK_NAME:
        return str(e)
    if isinstance(e, ModuleNotFoundError) and (e.name or "") in ("milvus", "pymilvus_orm", "milvus_orm"):
        return str(e)
    # An AttributeError or TypeError is an API mismatch only when the block's own line raised it:
    # one raised inside pymilvus (e.g. reading an answer it did not expect) is a failure.
    frames = traceback.extract_tb(e.__traceback__)
    raised_in_block = bool(frames) and frames[-1].filename == filename
    if isinstance(e, AttributeError) and raised_in_block and getattr(e, "obj", None) is not None and in_pymilvus(e.obj):
        return str(e)
    if isinstance(e, TypeError):
        m = SIGNATURE_ERROR.match(str(e))
        if raised_in_block and m and pymilvus_qualname(m.group(1)):
            return str(e)
    return None


def describe(e, filename):
    error = {"type": type(e).__name__, "message": str(e)}
    milvus_exception = getattr(SDK, "MilvusException", None)
    if milvus_exception is not None and isinstance(e, milvus_exception):
        error["code"] = e.code
        error["milvus_message"] = e.message
    if isinstance(e, NameError) and getattr(e, "name", None):
        error["name"] = e.name
    why = api_mismatch(e, filename)
    if why:
        error["api"] = why
    frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == filename]
    if frames:
        error["line"] = frames[-1].lineno
    return error


def main():
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    PROTOCOL.write(json.dumps({"ready": True, "python": sys.version.split()[0], "pymilvus": PYMILVUS_VERSION, "importError": IMPORT_ERROR}) + "\n")
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        filename = request.get("filename", "<block>")
        recorder = Recorder()
        namespace["print"] = recorder.print
        buffer = io.StringIO()
        result = {"ok": True}
        try:
            with contextlib.redirect_stdout(buffer):
                exec(compile(request["code"], filename, "exec"), namespace)
        except BaseException as e:  # SystemExit, KeyboardInterrupt: report, keep serving
            result = {"ok": False, "error": describe(e, filename)}
        result["stdout"] = buffer.getvalue()
        result["printed"] = recorder.printed
        PROTOCOL.write(json.dumps(result, default=repr) + "\n")


if __name__ == "__main__":
    main()
