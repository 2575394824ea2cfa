"""Differential steps for partitions, load/release orders and databases (pymilvus 2.3.7).

Usage: python partition-steps.py <host> <port>  -> one JSON object per step, as data-model-steps.py.
Reads use Strong consistency and are repeated until two answers agree (a real Milvus may answer once
from the partition set before a load or release; ../../shared/research/real-milvus.md).
"""
import json
import sys
import time

from pymilvus import Collection, CollectionSchema, DataType, FieldSchema, MilvusException, Partition, connections, db, utility

host, port = sys.argv[1], sys.argv[2]
connections.connect(host=host, port=port)
for name in utility.list_collections():
    utility.drop_collection(name)


def answer(fn):
    try:
        return {"ok": True, "value": fn()}
    except MilvusException as e:
        return {"ok": False, "code": e.code, "message": e.message}
    except Exception as e:  # noqa: BLE001
        return {"ok": False, "code": "python", "message": f"{type(e).__name__}: {e}"}


def out(step, fn, read=False):
    a = answer(fn)
    if read:  # a read: repeat until two answers in a row agree
        for _ in range(20):
            time.sleep(0.1)
            b = answer(fn)
            if b == a:
                break
            a = b
    print(json.dumps({"step": step, **a}, default=str, sort_keys=True))
    sys.stdout.flush()


def vec(i):
    return [float(i % 7), float(i % 5), 1.0, 0.5]


def book(name):
    fields = [FieldSchema("id", DataType.INT64, is_primary=True), FieldSchema("v", DataType.FLOAT_VECTOR, dim=4)]
    c = Collection(name, CollectionSchema(fields), consistency_level="Strong")
    for p in ("p1", "p2"):
        c.create_partition(p)
    base = 0
    for p, n in (("_default", 3), ("p1", 5), ("p2", 7)):
        c.insert([list(range(base, base + n)), [vec(i) for i in range(n)]], partition_name=p)
        base += n
    c.flush()
    c.create_index("v", {"index_type": "FLAT", "metric_type": "L2", "params": {}})
    return c


# 1. partition management
c = book("parts")
out("parts.list", lambda: sorted(p.name for p in c.partitions))
out("parts.has_p1", lambda: c.has_partition("p1"))
out("parts.has_missing", lambda: c.has_partition("nope"))
out("parts.create_dup", lambda: c.create_partition("p1").name)
out("parts.create_default", lambda: c.create_partition("_default").name)
for label, name in [("empty", ""), ("digit_first", "1abc"), ("space", "a b"), ("dollar", "a$b"), ("long", "p" * 256), ("ok_underscore", "_p3")]:
    out(f"parts.create_{label}", lambda name=name: c.create_partition(name).name)
out("parts.drop_default", lambda: c.drop_partition("_default"))
out("parts.drop_missing", lambda: c.drop_partition("nope"))
out("parts.num_entities", lambda: {p.name: p.num_entities for p in c.partitions})
out("parts.missing_collection_create", lambda: Partition(Collection("parts"), "p9").name)
out("parts.has_partition_missing_collection", lambda: utility.has_partition("no_such_collection", "p1"))
c.load(partition_names=["p1"])
out("parts.drop_loaded", lambda: c.drop_partition("p1"))
out("parts.release_then_drop", lambda: (c.release(), c.drop_partition("p1"))[1])
out("parts.list_after_drop", lambda: sorted(p.name for p in c.partitions))

# 2. load and release orders: after each operation, the load state of the collection and of
# every partition, and the row count of a query on each partition.
SEQUENCES = [
    ["load", "release"],
    ["load:p1", "load:p2", "release:p1", "release"],
    ["load:p1", "load", "release:p2"],
    ["load", "load:p1", "release:p1", "release:p2"],
    ["load:p1,p2", "release:p1,p2"],
    ["load:p2", "release", "load:p1"],
    ["release", "load:_default", "release:_default"],
    ["load", "release:_default", "load:_default"],
    ["load:p1", "load:p1", "release:p1"],
    ["load:nope", "load:p1,nope"],
    ["release:nope", "load", "release:nope"],
]


def apply(c, op):
    try:
        return apply_now(c, op)
    finally:
        time.sleep(1.0)  # a real Milvus serves a newly loaded partition's segments a moment after LoadPartitions returns


def apply_now(c, op):
    if op == "load":
        return c.load()
    if op == "release":
        return c.release()
    verb, names = op.split(":")
    names = names.split(",")
    return c.load(partition_names=names) if verb == "load" else c.release(partition_names=names)


def count_in(c, p):
    return c.query("", output_fields=["count(*)"], partition_names=[p])[0]["count(*)"]


for i, seq in enumerate(SEQUENCES):
    c = book(f"seq{i}")
    for j, op in enumerate(seq):
        tag = f"seq{i}.{j}.{op}"
        out(f"{tag}", lambda op=op, c=c: str(apply(c, op)))
        out(f"{tag}.state", lambda c=c: str(utility.load_state(c.name)), read=True)
        for p in ("_default", "p1", "p2"):
            out(f"{tag}.state_{p}", lambda c=c, p=p: str(utility.load_state(c.name, partition_names=[p])), read=True)
            out(f"{tag}.count_{p}", lambda c=c, p=p: count_in(c, p), read=True)
    out(f"seq{i}.search_all", lambda c=c: len(c.search([vec(0)], "v", {"metric_type": "L2"}, limit=20)[0]), read=True)
    utility.drop_collection(c.name)

# 3. databases
out("db.list", lambda: sorted(db.list_database()))
out("db.create", lambda: db.create_database("books"))
out("db.create_dup", lambda: db.create_database("books"))
for label, name in [("empty", ""), ("digit_first", "1db"), ("dash", "a-b"), ("long", "d" * 256)]:
    out(f"db.create_{label}", lambda name=name: db.create_database(name))
out("db.list_after", lambda: sorted(db.list_database()))
db.using_database("books")
out("db.collection_in_db", lambda: book("in_books").name)
out("db.list_collections_books", lambda: utility.list_collections())
db.using_database("default")
out("db.list_collections_default", lambda: sorted(utility.list_collections()))
out("db.drop_nonempty", lambda: db.drop_database("books"))
out("db.drop_default", lambda: db.drop_database("default"))
out("db.drop_missing", lambda: db.drop_database("nope"))
out("db.using_missing", lambda: db.using_database("nope"))
