import { describe, expect, it } from 'vitest';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import { runPythonPage } from '../src/runners/python.js';
import { usePythonAndServer } from './python-fixture.js';

/**
 * Database, collection, field and index properties through pymilvus (the pinned 2.5 release)
 * against the reference server, collection TTL included. Each test is one program run by the
 * Python runner; its asserts are the checks.
 */
function block(code: string): CodeBlock {
  return { page: 'properties.md', index: 1, languageIndex: 1, language: 'python', group: 0, code, documentedOutputs: documentedOutputs('python', code) };
}

describe('properties through pymilvus', () => {
  const py = usePythonAndServer();
  const needsPython = () => py.needsPython();
  const run = async (code: string) =>
    (await runPythonPage('properties.md', [block(code)], { target: { uri: py.server.restUrl, token: 'root:Milvus' }, env: py.env, setup: async () => undefined, fixture: [], errata: [] }))[0];

  it('alters, describes and drops database and collection properties; a TTL expires rows', async () => {
    needsPython();
    const code = [
      'import time',
      'from pymilvus import MilvusClient, DataType, MilvusException',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'client.create_database("py_props_db")',
      'client.alter_database_properties("py_props_db", properties={"database.max.collections": 5, "database.replica.number": 1})',
      'd = client.describe_database("py_props_db")',
      'assert d["database.max.collections"] == "5" and d["database.replica.number"] == "1", d',
      'client.drop_database_properties("py_props_db", property_keys=["database.replica.number"])',
      'd = client.describe_database("py_props_db")',
      'assert "database.replica.number" not in d and d["database.max.collections"] == "5", d',
      'client.create_collection("py_props", dimension=2, consistency_level="Strong")',
      'try:',
      '    client.alter_collection_properties("py_props", properties={"mmap.enabled": True})',
      '    raise AssertionError("accepted")',
      'except MilvusException as e:',
      '    assert e.code == 104 and e.message == "can not alter mmap properties if collection loaded: collection already loaded[collection=py_props]", (e.code, e.message)',
      'client.insert("py_props", [{"id": i, "vector": [i, 1]} for i in range(3)])',
      'client.alter_collection_properties("py_props", properties={"collection.ttl.seconds": 1})',
      'assert client.describe_collection("py_props")["properties"] == {"collection.ttl.seconds": "1"}, client.describe_collection("py_props")["properties"]',
      'time.sleep(1.2)',
      'res = client.query("py_props", filter="", output_fields=["count(*)"])',
      'assert res[0]["count(*)"] == 0, res',
      'client.drop_collection_properties("py_props", property_keys=["collection.ttl.seconds"])',
      'assert client.describe_collection("py_props")["properties"] == {}, client.describe_collection("py_props")["properties"]',
      'res = client.query("py_props", filter="", output_fields=["count(*)"])',
      'assert res[0]["count(*)"] == 3, res',
    ].join('\n');
    const r = await run(code);
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 90_000);

  it('alters field and index properties', async () => {
    needsPython();
    const code = [
      'from pymilvus import MilvusClient, DataType, MilvusException',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'schema = MilvusClient.create_schema(auto_id=False)',
      'schema.add_field("id", DataType.INT64, is_primary=True)',
      'schema.add_field("title", DataType.VARCHAR, max_length=16)',
      'schema.add_field("v", DataType.FLOAT_VECTOR, dim=2)',
      'index_params = client.prepare_index_params()',
      'index_params.add_index(field_name="v", index_type="HNSW", metric_type="L2", params={"M": 8, "efConstruction": 16})',
      'client.create_collection("py_field_props", schema=schema, index_params=index_params)',
      'client.release_collection("py_field_props")',
      'client.alter_collection_field("py_field_props", field_name="title", field_params={"max_length": 8, "mmap.enabled": True})',
      'title = [f for f in client.describe_collection("py_field_props")["fields"] if f["name"] == "title"][0]',
      'assert title["params"] == {"max_length": 8, "mmap_enabled": True}, title  # pymilvus reports the mmap.enabled type param as mmap_enabled',
      'try:',
      '    client.alter_collection_field("py_field_props", field_name="v", field_params={"max_length": 8})',
      '    raise AssertionError("accepted")',
      'except MilvusException as e:',
      '    assert e.code == 1100 and e.message == " can not modify the maxlength for non-string types: invalid parameter", (e.code, e.message)',
      'client.alter_index_properties("py_field_props", index_name="v", properties={"mmap.enabled": True})',
      'idx = client.describe_index("py_field_props", index_name="v")',
      'assert idx["mmap.enabled"] == "True", idx',
      'client.drop_index_properties("py_field_props", index_name="v", property_keys=["mmap.enabled"])',
      'assert "mmap.enabled" not in client.describe_index("py_field_props", index_name="v")',
      'client.load_collection("py_field_props")',
      'try:',
      '    client.alter_index_properties("py_field_props", index_name="v", properties={"mmap.enabled": True})',
      '    raise AssertionError("accepted")',
      'except MilvusException as e:',
      '    assert e.code == 104 and e.message == "can\'t alter index on loaded collection, please release the collection first: collection already loaded[collection=py_field_props]", (e.code, e.message)',
    ].join('\n');
    const r = await run(code);
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 90_000);
});
