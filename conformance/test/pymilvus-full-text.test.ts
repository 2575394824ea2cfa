import { describe, expect, it } from 'vitest';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import { runPythonPage } from '../src/runners/python.js';
import { usePythonAndServer } from './python-fixture.js';

/**
 * Full-text search through pymilvus (the pinned 2.5 release) against the reference server, as the
 * Milvus 2.5 full-text-search page does it: a schema with a BM25 `Function` (VarChar `text` with
 * `enable_analyzer`, output `sparse`), an index with metric BM25, rows of text only, search by raw
 * text, hybrid search with a dense field, and Milvus's errors as pymilvus raises them. The
 * program's asserts are the checks.
 */
function block(code: string): CodeBlock {
  return { page: 'full-text-search.md', index: 1, languageIndex: 1, language: 'python', group: 0, code, documentedOutputs: documentedOutputs('python', code) };
}

describe('full-text search through pymilvus', () => {
  const py = usePythonAndServer();

  it('creates a BM25 collection, inserts text, searches it by text, fuses it with a dense search and raises Milvus errors', async () => {
    py.needsPython();
    const code = [
      'from pymilvus import MilvusClient, MilvusException, DataType, Function, FunctionType, AnnSearchRequest, RRFRanker',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'schema = MilvusClient.create_schema(auto_id=False)',
      'schema.add_field("id", DataType.INT64, is_primary=True)',
      'schema.add_field("text", DataType.VARCHAR, max_length=1000, enable_analyzer=True, analyzer_params={"type": "english"})',
      'schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)',
      'schema.add_field("dense", DataType.FLOAT_VECTOR, dim=2)',
      'schema.add_function(Function(name="text_bm25", function_type=FunctionType.BM25, input_field_names=["text"], output_field_names=["sparse"]))',
      'index = client.prepare_index_params()',
      'index.add_index(field_name="sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25", params={"inverted_index_algo": "DAAT_MAXSCORE", "bm25_k1": 1.2, "bm25_b": 0.75})',
      'index.add_index(field_name="dense", index_type="FLAT", metric_type="IP")',
      'client.create_collection("py_fts", schema=schema, index_params=index)',
      'client.insert("py_fts", [',
      '    {"id": 1, "text": "Dogs are running in the park", "dense": [1, 0]},',
      '    {"id": 2, "text": "A cat sleeps on the sofa", "dense": [0, 1]},',
      '    {"id": 3, "text": "The dog runs after the cat", "dense": [0.7, 0.7]},',
      '    {"id": 4, "text": "Vector databases power semantic search", "dense": [0.1, 0.9]},',
      '])',
      'd = client.describe_collection("py_fts")',
      'assert [(f["name"], f["type"], f["input_field_names"], f["output_field_names"]) for f in d["functions"]] == [("text_bm25", FunctionType.BM25, ["text"], ["sparse"])], d["functions"]',
      'assert [f.get("is_function_output", False) for f in d["fields"] if f["name"] == "sparse"] == [True], d["fields"]',
      'res = client.search("py_fts", data=["running dogs"], anns_field="sparse", limit=3, search_params={"params": {"drop_ratio_search": 0.0}}, output_fields=["text"])',
      'assert [h["id"] for h in res[0]] == [1, 3], res',
      'assert res[0][0]["distance"] > res[0][1]["distance"] > 0, res',
      'assert res[0][0]["entity"]["text"] == "Dogs are running in the park", res',
      'res = client.search("py_fts", data=["cat", "semantic search"], anns_field="sparse", limit=2)',
      'assert sorted(h["id"] for h in res[0]) == [2, 3] and [h["id"] for h in res[1]] == [4], res',
      'reqs = [AnnSearchRequest(data=["cat"], anns_field="sparse", param={}, limit=3), AnnSearchRequest(data=[[0, 1]], anns_field="dense", param={}, limit=3)]',
      'res = client.hybrid_search("py_fts", reqs, RRFRanker(60), limit=2)',
      'assert [h["id"] for h in res[0]] == [2, 3], res',
      'def fails(call):',
      '    try:',
      '        call()',
      '    except MilvusException as e:',
      '        return (e.code, e.message)',
      '    raise AssertionError("accepted")',
      'got = fails(lambda: client.query("py_fts", filter="id > 0", output_fields=["sparse"]))',
      'assert got == (1100, "not allowed to retrieve raw data of field sparse: invalid parameter"), got',
      'got = fails(lambda: client.search("py_fts", data=[[0.5, 0.5]], anns_field="sparse", limit=3))',
      'assert got[0] == 1100 and got[1].startswith("please provide varchar/text for BM25 Function based search"), got',
      'rows = client.query("py_fts", filter="id == 1", output_fields=["*"])',
      'assert sorted(rows[0].keys()) == ["dense", "id", "text"], rows',
      'bad = MilvusClient.create_schema(auto_id=False)',
      'bad.add_field("id", DataType.INT64, is_primary=True)',
      'bad.add_field("text", DataType.VARCHAR, max_length=100)',
      'bad.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)',
      'bad.add_function(Function(name="f", function_type=FunctionType.BM25, input_field_names=["text"], output_field_names=["sparse"]))',
      'got = fails(lambda: client.create_collection("py_fts_bad", schema=bad))',
      'assert got == (65535, "BM25 function input field must set enable_analyzer to true"), got',
      'plain = MilvusClient.create_schema(auto_id=False)',
      'plain.add_field("id", DataType.INT64, is_primary=True)',
      'plain.add_field("sv", DataType.SPARSE_FLOAT_VECTOR)',
      'client.create_collection("py_fts_plain", schema=plain)',
      'idx = client.prepare_index_params()',
      'idx.add_index(field_name="sv", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")',
      'got = fails(lambda: client.create_index("py_fts_plain", idx))',
      'assert got == (1100, "only BM25 Function output field support BM25 metric type: invalid parameter"), got',
    ].join('\n');
    const [r] = await runPythonPage('full-text-search.md', [block(code)], { target: { uri: py.server.restUrl, token: 'root:Milvus' }, env: py.env, setup: async () => undefined, fixture: [], errata: [] });
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 180_000);
});
