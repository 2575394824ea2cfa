"""pymilvus executor of the soak benchmark (bench/src/soak/main.ts).

Started as `python pymilvus_client.py <uri>` with the conformance venv's interpreter. Prints
`{"ready": true, "pymilvus": "<version>"}`, then reads one JSON request a line from stdin and
answers each with one JSON line on stdout: `{"ok": true, "result": ...}` or
`{"ok": false, "error": "..."}`. The TypeScript side decides every operation and keeps the
expected state; this process only performs the calls through pymilvus's MilvusClient. Exits at
the end of stdin.
"""

import json
import sys

import pymilvus
from pymilvus import MilvusClient

TIMEOUT = 30  # seconds per call


def row_out(row):
    return {"id": int(row["id"]), "vector": [float(x) for x in row["vector"]], "tag": row["tag"]}


def perform(client, req):
    op, coll = req["op"], req["collection"]
    if op == "insert":
        return client.insert(coll, req["rows"], timeout=TIMEOUT)["insert_count"]
    if op == "upsert":
        return client.upsert(coll, req["rows"], timeout=TIMEOUT)["upsert_count"]
    if op == "delete":
        client.delete(coll, ids=req["ids"], timeout=TIMEOUT)
        return None
    if op == "get":
        rows = client.query(coll, filter="id in %s" % json.dumps(req["ids"]), output_fields=["id", "vector", "tag"], limit=len(req["ids"]), timeout=TIMEOUT)
        return [row_out(r) for r in rows]
    if op == "search":
        hits = client.search(coll, data=[req["vector"]], filter=req["filter"], limit=req["limit"], output_fields=["id"], anns_field="vector", timeout=TIMEOUT)
        return [int(h["id"]) for h in hits[0]]
    if op == "count":
        rows = client.query(coll, filter=req["filter"], output_fields=["count(*)"], timeout=TIMEOUT)
        return int(rows[0]["count(*)"])
    raise ValueError("unknown op %r" % op)


def main():
    client = MilvusClient(uri=sys.argv[1])
    out = sys.stdout
    out.write(json.dumps({"ready": True, "pymilvus": pymilvus.__version__}) + "\n")
    out.flush()
    for line in sys.stdin:
        try:
            answer = {"ok": True, "result": perform(client, json.loads(line))}
        except Exception as e:  # every failure goes back to the TypeScript side as data
            answer = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
        out.write(json.dumps(answer) + "\n")
        out.flush()
    client.close()


if __name__ == "__main__":
    main()
