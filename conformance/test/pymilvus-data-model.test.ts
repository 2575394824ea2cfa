import { describe, expect, it } from 'vitest';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import { runPythonPage } from '../src/runners/python.js';
import { usePythonAndServer } from './python-fixture.js';

/**
 * The data model through pymilvus (the pinned 2.5 release) against the reference server: every
 * field and vector type, nullable and default values, partition keys, dynamic fields, as a
 * pymilvus program writes them. Each test is one program run by the Python runner; its asserts
 * are the checks.
 */
function block(languageIndex: number, code: string): CodeBlock {
  return { page: 'data-model.md', index: languageIndex, languageIndex, language: 'python', group: 0, code, documentedOutputs: documentedOutputs('python', code) };
}

describe('the data model through pymilvus', () => {
  const py = usePythonAndServer();
  const needsPython = () => py.needsPython();
  const run = async (page: string, code: string) => (await runPythonPage(page, [block(1, code)], { target: { uri: py.server.restUrl, token: 'root:Milvus' }, env: py.env, setup: async () => undefined, fixture: [], errata: [] }))[0];

  it('stores nulls and default values written through pymilvus, and reads them back as Milvus does', async () => {
    needsPython();
    const code = [
      'from pymilvus import MilvusClient, DataType',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'schema = MilvusClient.create_schema(auto_id=False)',
      'schema.add_field("id", DataType.INT64, is_primary=True)',
      'schema.add_field("v", DataType.FLOAT_VECTOR, dim=2)',
      'schema.add_field("f", DataType.FLOAT, nullable=True)',
      'schema.add_field("d", DataType.INT64, default_value=7)',
      'schema.add_field("s", DataType.VARCHAR, max_length=10, nullable=True, default_value="x")',
      'index_params = client.prepare_index_params()',
      'index_params.add_index(field_name="v", index_type="FLAT", metric_type="L2")',
      'client.create_collection("py_nullable", schema=schema, index_params=index_params)',
      'fields = {f["name"]: f for f in client.describe_collection("py_nullable")["fields"]}',
      // pymilvus hands the default back as the proto ValueField, as it does against Milvus.
      'assert (fields["f"].get("nullable"), fields["d"]["default_value"].long_data, fields["s"]["default_value"].string_data) == (True, 7, "x"), fields',
      'client.insert("py_nullable", [{"id": i, "v": [i, 1], "f": None if i % 2 else i / 2, **({"d": i} if i % 3 else {}), "s": f"s{i}" if i % 4 else None} for i in range(10)])',
      'rows = sorted(client.query("py_nullable", filter="id >= 0", output_fields=["f", "d", "s"]), key=lambda r: r["id"])',
      'got = [(r["id"], r["f"], r["d"], r["s"]) for r in rows]',
      'assert got == [(i, None if i % 2 else i / 2, i if i % 3 else 7, f"s{i}" if i % 4 else "x") for i in range(10)], got',
      'nulls = sorted(r["id"] for r in client.query("py_nullable", filter="f is null", output_fields=["id"]))',
      'assert nulls == [1, 3, 5, 7, 9], nulls',
    ].join('\n');
    const r = await run('nullable.md', code);
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 60_000);

  it('inserts, queries and searches sparse vectors written through pymilvus (dict and pair-list forms), with Milvus\'s row checks', async () => {
    needsPython();
    const code = [
      'from pymilvus import MilvusClient, DataType, MilvusException',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'schema = MilvusClient.create_schema(auto_id=False)',
      'schema.add_field("id", DataType.INT64, is_primary=True)',
      'schema.add_field("sv", DataType.SPARSE_FLOAT_VECTOR)',
      'index_params = client.prepare_index_params()',
      'index_params.add_index(field_name="sv", index_type="SPARSE_INVERTED_INDEX", metric_type="IP", params={"drop_ratio_build": 0.1})',
      'client.create_collection("py_sparse", schema=schema, index_params=index_params)',
      'client.insert("py_sparse", [{"id": 1, "sv": {2: 0.5, 40: 1.0}}, {"id": 2, "sv": {1: 3.0, 3: 0.25}}, {"id": 3, "sv": [(40, 2.0), (5, 1.0)]}])',
      'rows = sorted(client.query("py_sparse", filter="id > 0", output_fields=["sv"]), key=lambda r: r["id"])',
      'assert [(r["id"], r["sv"]) for r in rows] == [(1, {2: 0.5, 40: 1.0}), (2, {1: 3.0, 3: 0.25}), (3, {5: 1.0, 40: 2.0})], rows',
      'hits = client.search("py_sparse", data=[{40: 1.0, 1: 1.0}], limit=5, search_params={"metric_type": "IP", "params": {"drop_ratio_search": 0.0}})[0]',
      'assert [(h["id"], h["distance"]) for h in hits] == [(2, 3.0), (3, 2.0), (1, 1.0)], hits',
      'try:',
      '    client.insert("py_sparse", [{"id": 4, "sv": {3: -1.0}}])',
      '    raise AssertionError("a negative value was accepted")',
      'except MilvusException as e:',
      '    assert "negative value in sparse float vector" in e.message, e.message',
    ].join('\n');
    const r = await run('sparse.md', code);
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 60_000);

  it('runs a partition-key, multi-vector, dynamic collection through pymilvus: routing, repeated keys, each vector type, exact JSON int64, partial load', async () => {
    needsPython();
    const code = [
      'from pymilvus import MilvusClient, DataType, MilvusException',
      'import numpy as np',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=True)',
      'schema.add_field("id", DataType.INT64, is_primary=True)',
      'schema.add_field("tenant", DataType.VARCHAR, max_length=16, is_partition_key=True)',
      'schema.add_field("dense", DataType.FLOAT_VECTOR, dim=4)',
      'schema.add_field("half", DataType.FLOAT16_VECTOR, dim=4)',
      'schema.add_field("bits", DataType.BINARY_VECTOR, dim=16)',
      'schema.add_field("info", DataType.JSON)',
      'index_params = client.prepare_index_params()',
      'index_params.add_index(field_name="dense", index_type="HNSW", metric_type="L2", params={"M": 8, "efConstruction": 64})',
      'index_params.add_index(field_name="half", index_type="FLAT", metric_type="IP")',
      'index_params.add_index(field_name="bits", index_type="BIN_FLAT", metric_type="HAMMING")',
      'client.create_collection("py_model", schema=schema, index_params=index_params, num_partitions=4)',
      'desc = client.describe_collection("py_model")',
      'assert desc["num_partitions"] == 4 and desc["enable_dynamic_field"], desc',
      'assert [f["name"] for f in desc["fields"]] == ["id", "tenant", "dense", "half", "bits", "info"], desc["fields"]',
      'assert client.list_partitions("py_model") == ["_default_0", "_default_1", "_default_2", "_default_3"], client.list_partitions("py_model")',
      'rows = [{"id": i, "tenant": f"t{i % 3}", "dense": [float(i), 0.0, 0.0, 0.0], "half": np.array([1.0, float(i), 0.0, 0.0], dtype=np.float16),',
      '         "bits": bytes([i, 0]), "info": {"n": i, "big": 9007199254740993}, "color": ["red", "blue"][i % 2]} for i in range(12)]',
      'assert client.insert("py_model", rows)["insert_count"] == 12',
      '# primary keys are not unique: a second insert of key 0 adds a row, query returns the newest',
      'client.insert("py_model", [{**rows[0], "color": "green"}])',
      'assert client.query("py_model", filter="id == 0", output_fields=["count(*)"])[0]["count(*)"] == 2',
      'assert client.query("py_model", filter="id == 0", output_fields=["color"])[0]["color"] == "green"',
      'hits = client.search("py_model", data=[[3.2, 0, 0, 0]], anns_field="dense", limit=2, output_fields=["color", "tenant"])[0]',
      'assert [h["id"] for h in hits] == [3, 4] and hits[0]["entity"]["color"] == "blue" and hits[0]["entity"]["tenant"] == "t0", hits',
      'hits = client.search("py_model", data=[bytes([5, 0])], anns_field="bits", limit=1, search_params={"metric_type": "HAMMING"})[0]',
      'assert hits[0]["id"] == 5 and hits[0]["distance"] == 0, hits',
      'hits = client.search("py_model", data=[np.array([0, 1, 0, 0], dtype=np.float16)], anns_field="half", limit=1, search_params={"metric_type": "IP"})[0]',
      'assert hits[0]["id"] == 11, hits',
      'got = client.query("py_model", filter=\'tenant == "t1" and color == "blue" and info["big"] == 9007199254740993\', output_fields=["id"])',
      'assert sorted(r["id"] for r in got) == [1, 7], got',
      'res = client.delete("py_model", filter="id in [0, 1, 1, 99]")',
      'assert res["delete_count"] == 4, res',
      'assert client.query("py_model", filter="id in [0, 1]", output_fields=["id"]) == [], "deleted keys came back"',
      'try:',
      '    client.query("py_model", filter="id > 0", partition_names=["_default_0"])',
      '    raise AssertionError("a partition name was accepted in partition-key mode")',
      'except MilvusException as e:',
      '    assert e.code == 1100 and "not support manually specifying the partition names if partition key mode is used" in e.message, e',
      'client.release_collection("py_model")',
      'client.load_collection("py_model", load_fields=["id", "tenant", "dense"], skip_load_dynamic_field=True)',
      'assert [r["id"] for r in client.query("py_model", filter="id == 5", output_fields=["*"])] == [5]',
      'try:',
      '    client.query("py_model", filter="id == 5", output_fields=["info"])',
      '    raise AssertionError("an unloaded field was returned")',
      'except MilvusException as e:',
      '    assert "field info is not loaded" in e.message, e'
    ].join('\n');
    const r = await run('model.md', code);
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 60_000);
});
