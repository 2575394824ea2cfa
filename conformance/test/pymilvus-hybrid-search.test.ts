import { describe, expect, it } from 'vitest';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import { runPythonPage } from '../src/runners/python.js';
import { usePythonAndServer } from './python-fixture.js';

/**
 * Hybrid search through pymilvus (the pinned 2.5 release) against the reference server:
 * `MilvusClient.hybrid_search` with `AnnSearchRequest`s, `RRFRanker` and `WeightedRanker`, and
 * Milvus's errors as pymilvus raises them. Two fields, `a` (IP) and `b` (L2); for a=[1,0] and
 * b=[3,0] the ranks are a: 1, 2, 3, 4 and b: 4 (d 0), 2 (d 4), 1 (d 9), 3 (d 13). The program's
 * asserts are the checks.
 */
function block(code: string): CodeBlock {
  return { page: 'hybrid-search.md', index: 1, languageIndex: 1, language: 'python', group: 0, code, documentedOutputs: documentedOutputs('python', code) };
}

describe('hybrid search through pymilvus', () => {
  const py = usePythonAndServer();

  it('fuses with RRFRanker and WeightedRanker, pages, filters per request, answers nq > 1 and raises Milvus errors', async () => {
    py.needsPython();
    const code = [
      'import math',
      'import numpy as np',
      'from pymilvus import MilvusClient, MilvusException, DataType, AnnSearchRequest, RRFRanker, WeightedRanker',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'schema = MilvusClient.create_schema(auto_id=False)',
      'schema.add_field("id", DataType.INT64, is_primary=True)',
      'schema.add_field("tag", DataType.VARCHAR, max_length=16)',
      'schema.add_field("a", DataType.FLOAT_VECTOR, dim=2)',
      'schema.add_field("b", DataType.FLOAT_VECTOR, dim=2)',
      'index = client.prepare_index_params()',
      'index.add_index(field_name="a", index_type="FLAT", metric_type="IP")',
      'index.add_index(field_name="b", index_type="FLAT", metric_type="L2")',
      'client.create_collection("py_hybrid", schema=schema, index_params=index)',
      'client.insert("py_hybrid", [',
      '    {"id": 1, "tag": "one", "a": [1, 0], "b": [0, 0]},',
      '    {"id": 2, "tag": "two", "a": [0.8, 0], "b": [1, 0]},',
      '    {"id": 3, "tag": "three", "a": [0.5, 0], "b": [0, 2]},',
      '    {"id": 4, "tag": "four", "a": [0.1, 0], "b": [3, 0]},',
      '])',
      'reqs = [AnnSearchRequest(data=[[1, 0]], anns_field="a", param={}, limit=4), AnnSearchRequest(data=[[3, 0]], anns_field="b", param={}, limit=4)]',
      'f = np.float32',
      'res = client.hybrid_search("py_hybrid", reqs, RRFRanker(60), limit=3, output_fields=["tag"])',
      'assert [(h["id"], h["entity"]["tag"]) for h in res[0]] == [(1, "one"), (2, "two"), (4, "four")], res',
      'assert math.isclose(res[0][0]["distance"], f(f(1 / f(61)) + f(1 / f(63))), rel_tol=1e-6), res[0][0]',
      'res = client.hybrid_search("py_hybrid", reqs, WeightedRanker(0.7, 0.3), limit=4)',
      'assert [h["id"] for h in res[0]] == [4, 2, 1, 3], res',
      'assert [round(h["distance"], 5) for h in res[0]] == [0.67221, 0.54713, 0.54613, 0.46797], res',
      'res = client.hybrid_search("py_hybrid", reqs, WeightedRanker(0.7, 0.3, norm_score=False), limit=2)',
      'assert [h["id"] for h in res[0]] == [3, 1] and math.isclose(res[0][0]["distance"], 4.25, rel_tol=1e-6), res',
      'res = client.hybrid_search("py_hybrid", reqs, RRFRanker(), limit=2, offset=1)',
      'assert [h["id"] for h in res[0]] == [2, 4], res',
      'filtered = [reqs[0], AnnSearchRequest(data=[[3, 0]], anns_field="b", param={}, limit=4, expr="id != 4")]',
      'res = client.hybrid_search("py_hybrid", filtered, RRFRanker(), limit=4)',
      'assert [h["id"] for h in res[0]] == [1, 2, 3, 4], res',
      'two = [AnnSearchRequest(data=[[1, 0], [0, 1]], anns_field="a", param={}, limit=4), AnnSearchRequest(data=[[3, 0], [0, 0]], anns_field="b", param={}, limit=4)]',
      'res = client.hybrid_search("py_hybrid", two, RRFRanker(), limit=4)',
      'assert len(res) == 2 and [h["id"] for h in res[1]] == [1, 2, 3, 4], res',
      'def fails(reqs, ranker, **kw):',
      '    try:',
      '        client.hybrid_search("py_hybrid", reqs, ranker, **kw)',
      '    except MilvusException as e:',
      '        return (e.code, e.message)',
      '    raise AssertionError("accepted")',
      'assert fails(reqs, WeightedRanker(0.5, 0.3, 0.2)) == (1100, "the length of weights param mismatch with ann search requests: invalid parameter[expected=2][actual=3]"), fails(reqs, WeightedRanker(0.5, 0.3, 0.2))',
      'assert fails(reqs, WeightedRanker(0.5, 1.5)) == (65535, "rank param weight should be in range [0, 1]")',
      'assert fails(reqs, RRFRanker(20000)) == (65535, "The rank params k should be in range (0, 16384)")',
      'assert fails(reqs, RRFRanker(), limit=16384, offset=1) == (65535, "invalid max query result window, (offset+limit) should be in range [1, 16384], but got 16385")',
      'assert fails([reqs[0]] * 1025, RRFRanker()) == (65535, "maximum of ann search requests is 1024")',
      'assert fails([reqs[0], two[1]], RRFRanker()) == (1100, "sub search request nq should be the same: invalid parameter[expected=1][actual=2]")',
      'client.release_collection("py_hybrid")',
      'code, message = fails(reqs, RRFRanker())',
      'assert code == 101 and message.startswith("failed to search: collection not loaded"), (code, message)',
    ].join('\n');
    const [r] = await runPythonPage('hybrid-search.md', [block(code)], { target: { uri: py.server.restUrl, token: 'root:Milvus' }, env: py.env, setup: async () => undefined, fixture: [], errata: [] });
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 180_000);
});
