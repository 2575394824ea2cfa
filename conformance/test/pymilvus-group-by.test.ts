import { describe, expect, it } from 'vitest';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import { runPythonPage } from '../src/runners/python.js';
import { usePythonAndServer } from './python-fixture.js';

/**
 * Grouping search through pymilvus (the pinned 2.5 release) against the reference server:
 * `MilvusClient.search` with `group_by_field`, `group_size` and `strict_group_size`, checked against
 * a brute-force grouping computed in the program; `hybrid_search` with `group_by_field`; and
 * Milvus's refusals as pymilvus raises them. The program's asserts are the checks.
 */
function block(code: string): CodeBlock {
  return { page: 'grouping-search.md', index: 1, languageIndex: 1, language: 'python', group: 0, code, documentedOutputs: documentedOutputs('python', code) };
}

describe('grouping search through pymilvus', () => {
  const py = usePythonAndServer();

  it('groups as brute force (strict, group size, nq 2, filter), groups hybrid search and raises Milvus errors', async () => {
    py.needsPython();
    const code = [
      'import numpy as np',
      'from pymilvus import MilvusClient, MilvusException, DataType, AnnSearchRequest, RRFRanker',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'schema = MilvusClient.create_schema(auto_id=False)',
      'schema.add_field("id", DataType.INT64, is_primary=True)',
      'schema.add_field("docId", DataType.INT64)',
      'schema.add_field("lang", DataType.VARCHAR, max_length=8)',
      'schema.add_field("v", DataType.FLOAT_VECTOR, dim=8)',
      'schema.add_field("w", DataType.FLOAT_VECTOR, dim=8)',
      'schema.add_field("bits", DataType.BINARY_VECTOR, dim=8)',
      'index = client.prepare_index_params()',
      'index.add_index(field_name="v", index_type="FLAT", metric_type="IP")',
      'index.add_index(field_name="w", index_type="FLAT", metric_type="L2")',
      'index.add_index(field_name="bits", index_type="BIN_FLAT", metric_type="HAMMING")',
      'client.create_collection("py_group", schema=schema, index_params=index)',
      'rng = np.random.default_rng(19530)',
      'V = rng.random((200, 8), dtype=np.float32)',
      'W = rng.random((200, 8), dtype=np.float32)',
      'docs = rng.integers(0, 15, 200)',
      'langs = ["en", "fr", "de"]',
      'rows = [{"id": i, "docId": int(docs[i]), "lang": langs[i % 3], "v": V[i].tolist(), "w": W[i].tolist(), "bits": bytes([i])} for i in range(200)]',
      'client.insert("py_group", rows)',
      'def brute(q, limit, size, keep=lambda i: True):',
      '    scores = V @ np.asarray(q, dtype=np.float32)',
      '    order = [i for i in sorted(range(200), key=lambda i: (-scores[i], i)) if keep(i)]',
      '    groups = []',
      '    for i in order:',
      '        if docs[i] not in groups: groups.append(docs[i])',
      '    return [[i for i in order if docs[i] == g][:size] for g in groups[:limit]]',
      'qs = rng.random((2, 8), dtype=np.float32).tolist()',
      'res = client.search("py_group", qs, anns_field="v", limit=4, group_by_field="docId", group_size=3, strict_group_size=True, output_fields=["docId"])',
      'assert len(res) == 2, res',
      'for q, hits in zip(qs, res):',
      '    want = brute(q, 4, 3)',
      '    assert [h["id"] for h in hits] == [i for g in want for i in g], (hits, want)',
      '    assert [h["entity"]["docId"] for h in hits] == [int(docs[i]) for g in want for i in g], hits',
      'res = client.search("py_group", qs[:1], anns_field="v", limit=5, group_by_field="docId", output_fields=["docId"])',
      'assert [h["id"] for h in res[0]] == [g[0] for g in brute(qs[0], 5, 1)], res',
      'res = client.search("py_group", qs[:1], anns_field="v", limit=5, group_by_field="docId", group_size=2, strict_group_size=True, filter="lang == \\"fr\\"", output_fields=["lang"])',
      'assert [h["id"] for h in res[0]] == [i for g in brute(qs[0], 5, 2, lambda i: i % 3 == 1) for i in g], res',
      'assert all(h["entity"]["lang"] == "fr" for h in res[0]), res',
      'res = client.search("py_group", qs[:1], anns_field="v", limit=2, group_by_field="lang", group_size=4, strict_group_size=True, output_fields=["lang"])',
      'assert len(res[0]) == 8 and len({h["entity"]["lang"] for h in res[0]}) == 2, res',
      'reqs = [AnnSearchRequest(data=qs[:1], anns_field="v", param={}, limit=20), AnnSearchRequest(data=qs[1:], anns_field="w", param={}, limit=20)]',
      'res = client.hybrid_search("py_group", reqs, RRFRanker(), limit=3, group_by_field="docId", group_size=2, output_fields=["docId"])',
      'groups = [h["entity"]["docId"] for h in res[0]]',
      'assert len(set(groups)) == 3 and all(groups.count(g) <= 2 for g in groups), res',
      'assert groups == sorted(groups, key=groups.index), res',
      'def fails(data=qs[:1], **kw):',
      '    try:',
      '        client.search("py_group", data, limit=3, **kw)',
      '    except MilvusException as e:',
      '        return (e.code, e.message)',
      '    raise AssertionError("accepted")',
      'assert fails(anns_field="bits", data=[bytes([1])], group_by_field="docId") == (65535, "not support search_group_by operation based on binary vector column"), fails(anns_field="bits", data=[bytes([1])], group_by_field="docId")',
      'assert fails(anns_field="v", group_by_field="nope") == (1700, "groupBy field not found in schema: field not found[field=nope]")',
      'assert fails(anns_field="v", group_by_field="docId", group_size=0) == (1100, "input group size:0 is negative, failed to do search_groupby: invalid parameter")',
      'assert fails(anns_field="v", group_by_field="docId", group_size=11) == (1100, "input group size:11 exceeds configured max group size:10: invalid parameter")',
      'assert fails(anns_field="v", group_by_field="w") == (2001, "unsupported data type VECTOR_FLOAT for group by operator: segcore unsupported error")',
      'assert fails(anns_field="v", data=[[0.5] * 4]) == (2000, "vector dimension mismatch, expected vector size(byte) 32, actual 16.: segcore error")',
    ].join('\n');
    const [r] = await runPythonPage('grouping-search.md', [block(code)], { target: { uri: py.server.restUrl, token: 'root:Milvus' }, env: py.env, setup: async () => undefined, fixture: [], errata: [] });
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 180_000);
});
