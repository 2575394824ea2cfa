"""Differential steps for the data-model rules Milvus 2.3 shares with 2.5 (pymilvus 2.3.7).

Usage: python data-model-steps.py <host> <port> (pymilvus 2.3.7; see RESULTS.md)  -> prints one JSON object per step: {"step", "ok", "value"} or {"step", "ok": false, "code", "message"}.
"""
import json
import sys
import time

from pymilvus import Collection, CollectionSchema, DataType, FieldSchema, MilvusException, connections, utility

host, port = sys.argv[1], sys.argv[2]
connections.connect(host=host, port=port)
for name in utility.list_collections():
    utility.drop_collection(name)


def out(step, fn):
    try:
        value = fn()
        print(json.dumps({"step": step, "ok": True, "value": value}, default=str, sort_keys=True))
    except MilvusException as e:
        print(json.dumps({"step": step, "ok": False, "code": e.code, "message": e.message}, sort_keys=True))
    except Exception as e:  # noqa: BLE001
        print(json.dumps({"step": step, "ok": False, "code": "python", "message": f"{type(e).__name__}: {e}"}, sort_keys=True))
    sys.stdout.flush()


def vec(i, dim=4):
    return [float(i % 7), float(i % 5), 1.0, 0.5][:dim]


# 1. partition key routing (Int64 and VarChar keys)
def pk_collection(name, key_type):
    fields = [
        FieldSchema("id", DataType.INT64, is_primary=True),
        FieldSchema("k", key_type, is_partition_key=True, **({"max_length": 32} if key_type == DataType.VARCHAR else {})),
        FieldSchema("v", DataType.FLOAT_VECTOR, dim=4),
    ]
    return Collection(name, CollectionSchema(fields), num_partitions=16)


for name, key_type, keyf in [("pk_int", DataType.INT64, lambda i: i * 7 - 50), ("pk_str", DataType.VARCHAR, lambda i: f"tenant-{i}")]:
    c = pk_collection(name, key_type)
    out(f"{name}.partitions", lambda c=c: [p.name for p in c.partitions])
    rows = [[i for i in range(200)], [keyf(i) for i in range(200)], [vec(i) for i in range(200)]]
    out(f"{name}.insert", lambda c=c, rows=rows: c.insert(rows).insert_count)
    c.flush()
    out(f"{name}.per_partition", lambda c=c: {p.name: p.num_entities for p in c.partitions})
    out(f"{name}.insert_named", lambda c=c: c.insert([[1000], [keyf(1)], [vec(1)]], partition_name="_default_0").insert_count)
    out(f"{name}.create_partition", lambda c=c: c.create_partition("p1").name)

# 2. primary keys are not unique
fields = [FieldSchema("id", DataType.INT64, is_primary=True), FieldSchema("tag", DataType.VARCHAR, max_length=16), FieldSchema("v", DataType.FLOAT_VECTOR, dim=4)]
c = Collection("dups", CollectionSchema(fields))
for n in range(3):
    c.insert([[1, 2, 3], [f"t{n}"] * 3, [vec(i) for i in range(3)]])
    time.sleep(0.05)
c.flush()
out("dups.num_entities", lambda: c.num_entities)
out("dups.delete_unloaded_by_keys", lambda: c.delete("id in [1, 1, 99]").delete_count)
out("dups.delete_unloaded_by_filter", lambda: c.delete('tag == "t0"').delete_count)
c.create_index("v", {"index_type": "FLAT", "metric_type": "L2", "params": {}})
c.load()
out("dups.count", lambda: c.query("", output_fields=["count(*)"])[0]["count(*)"])
out("dups.query_2", lambda: c.query("id == 2", output_fields=["tag"]))
out("dups.search_unique", lambda: sorted(h.id for h in c.search([vec(0)], "v", {"metric_type": "L2"}, limit=10)[0]))
out("dups.delete_loaded_by_filter", lambda: c.delete('tag == "t2"').delete_count)
c.flush()
out("dups.num_entities_after", lambda: c.num_entities)

# 3. indexes: verbatim params, names, checker errors
fields = [
    FieldSchema("id", DataType.INT64, is_primary=True),
    FieldSchema("s", DataType.VARCHAR, max_length=16),
    FieldSchema("n", DataType.INT64),
    FieldSchema("f", DataType.FLOAT),
    FieldSchema("v", DataType.FLOAT_VECTOR, dim=8),
]
c = Collection("idx", CollectionSchema(fields))
b = Collection("bidx", CollectionSchema([FieldSchema("id", DataType.INT64, is_primary=True), FieldSchema("b", DataType.BINARY_VECTOR, dim=16)]))
for label, field, params, coll in [
    ("hnsw_M_3000", "v", {"index_type": "HNSW", "metric_type": "L2", "params": {"M": 3000, "efConstruction": 64}}, c),
    ("hnsw_ef_0", "v", {"index_type": "HNSW", "metric_type": "L2", "params": {"M": 8, "efConstruction": 0}}, c),
    ("ivf_nlist_0", "v", {"index_type": "IVF_FLAT", "metric_type": "L2", "params": {"nlist": 0}}, c),
    ("ivfpq_m_3", "v", {"index_type": "IVF_PQ", "metric_type": "L2", "params": {"nlist": 8, "m": 3}}, c),
    ("float_hamming", "v", {"index_type": "HNSW", "metric_type": "HAMMING", "params": {"M": 8, "efConstruction": 64}}, c),
    ("hnsw_on_scalar", "n", {"index_type": "HNSW", "metric_type": "L2", "params": {"M": 8, "efConstruction": 64}}, c),
    ("stl_sort_varchar", "s", {"index_type": "STL_SORT"}, c),
    ("trie_int", "n", {"index_type": "Trie"}, c),
    ("unknown_type", "v", {"index_type": "FOO", "metric_type": "L2", "params": {}}, c),
    ("binary_l2", "b", {"index_type": "BIN_FLAT", "metric_type": "L2", "params": {}}, b),
    ("bin_ivf_substructure", "b", {"index_type": "BIN_IVF_FLAT", "metric_type": "SUBSTRUCTURE", "params": {"nlist": 4}}, b),
]:
    out(f"idx.{label}", lambda field=field, params=params, coll=coll: str(coll.create_index(field, params)))
out("idx.hnsw_ok", lambda: str(c.create_index("v", {"index_type": "HNSW", "metric_type": "L2", "params": {"M": 16, "efConstruction": 200}})))
out("idx.describe_v", lambda: [(i.field_name, i.index_name, i.params) for i in c.indexes])
out("idx.same_again", lambda: str(c.create_index("v", {"index_type": "HNSW", "metric_type": "L2", "params": {"M": 16, "efConstruction": 200}})))
out("idx.different_params", lambda: str(c.create_index("v", {"index_type": "HNSW", "metric_type": "L2", "params": {"M": 8, "efConstruction": 200}})))
out("idx.other_name", lambda: str(c.create_index("v", {"index_type": "HNSW", "metric_type": "L2", "params": {"M": 16, "efConstruction": 200}}, index_name="other")))
out("idx.scalar", lambda: str(c.create_index("n", {"index_type": "STL_SORT"}, index_name="n_idx")))
out("idx.describe_miss_named", lambda: utility.index_building_progress("idx", index_name="nope"))
out("idx.bin_flat_substructure", lambda: str(b.create_index("b", {"index_type": "BIN_FLAT", "metric_type": "SUBSTRUCTURE", "params": {}})))

# 4. substructure search
b.insert([[1, 2, 3, 4], [bytes([0x20, 0]), bytes([0x70, 0]), bytes([0x60, 0]), bytes([0x81, 0])]])
b.load()
out("bidx.substructure", lambda: sorted((h.id, h.distance) for h in b.search([bytes([0x60, 0])], "b", {"metric_type": "SUBSTRUCTURE"}, limit=10)[0]))

# 5. JSON int64 exactness and missing paths
fields = [FieldSchema("id", DataType.INT64, is_primary=True), FieldSchema("j", DataType.JSON), FieldSchema("v", DataType.FLOAT_VECTOR, dim=4)]
c = Collection("js", CollectionSchema(fields, enable_dynamic_field=True))
c.insert([{"id": 1, "j": {"big": 9007199254740993, "arr": [1, 2]}, "v": vec(1), "d": 9007199254740993}, {"id": 2, "j": {"big": 9007199254740992}, "v": vec(2)}])
c.create_index("v", {"index_type": "FLAT", "metric_type": "L2", "params": {}})
c.load()
for label, expr in [
    ("big_eq", 'j["big"] == 9007199254740993'),
    ("big_eq_minus_1", 'j["big"] == 9007199254740992'),
    ("dyn_big", "d == 9007199254740993"),
    ("missing_array_eq", 'j["nope"] == [1, 2]'),
    ("missing_array_ne", 'j["nope"] != [1, 2]'),
    ("missing_scalar_ne", 'j["nope"] != 1'),
    ("array_length_missing", 'array_length(j["nope"]) == 0'),
]:
    out(f"js.{label}", lambda expr=expr: sorted(r["id"] for r in c.query(expr, output_fields=["id"])))

# 6. schema rules 2.3 shares
for label, fields in [
    ("keyword_like", [FieldSchema("id", DataType.INT64, is_primary=True), FieldSchema("like", DataType.INT64), FieldSchema("v", DataType.FLOAT_VECTOR, dim=4)]),
    ("two_partition_keys", [FieldSchema("id", DataType.INT64, is_primary=True), FieldSchema("a", DataType.INT64, is_partition_key=True), FieldSchema("b", DataType.INT64, is_partition_key=True), FieldSchema("v", DataType.FLOAT_VECTOR, dim=4)]),
    ("float_partition_key", [FieldSchema("id", DataType.INT64, is_primary=True), FieldSchema("a", DataType.FLOAT, is_partition_key=True), FieldSchema("v", DataType.FLOAT_VECTOR, dim=4)]),
]:
    out(f"schema.{label}", lambda fields=fields, label=label: Collection(f"s_{label}", CollectionSchema(fields)).name)
out("schema.num_partitions_without_key", lambda: Collection("s_np", CollectionSchema([FieldSchema("id", DataType.INT64, is_primary=True), FieldSchema("v", DataType.FLOAT_VECTOR, dim=4)]), num_partitions=4).name)
out("schema.num_partitions_2000", lambda: Collection("s_np2", CollectionSchema([FieldSchema("id", DataType.INT64, is_primary=True), FieldSchema("a", DataType.INT64, is_partition_key=True), FieldSchema("v", DataType.FLOAT_VECTOR, dim=4)]), num_partitions=2000).name)
