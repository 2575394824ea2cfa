import { describe, expect, it } from 'vitest';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import { runPythonPage } from '../src/runners/python.js';
import { usePythonAndServer } from './python-fixture.js';

/**
 * Iterators and range search through pymilvus (the pinned 2.5 release) against the reference
 * server: `MilvusClient.query_iterator` (`iterator`, `reduce_stop_for_best`, pages of `<pk> > last`),
 * `MilvusClient.search_iterator` (search iterator v2: token, batch size, last bound), the ORM's
 * `Collection.search_iterator` (v1, paging by range search), and `search` with `radius` /
 * `range_filter`. 123 rows with shuffled keys over two partitions and several segments, every sixth
 * one with the query's own vector (tied scores). The program's asserts are the checks.
 */
function block(code: string): CodeBlock {
  return { page: 'iterators.md', index: 1, languageIndex: 1, language: 'python', group: 0, code, documentedOutputs: documentedOutputs('python', code) };
}

describe('iterators and range search through pymilvus', () => {
  const py = usePythonAndServer({ segmentMaxRows: 30 });

  it('query_iterator, search_iterator (v2 and v1) return every row exactly once in order; range search keeps the band', async () => {
    py.needsPython();
    const code = [
      'import random',
      'from pymilvus import MilvusClient, MilvusException, DataType, Collection, connections',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'schema = MilvusClient.create_schema(auto_id=False)',
      'schema.add_field("id", DataType.INT64, is_primary=True)',
      'schema.add_field("v", DataType.FLOAT_VECTOR, dim=4)',
      'index = client.prepare_index_params()',
      'index.add_index(field_name="v", index_type="HNSW", metric_type="L2", params={"M": 8, "efConstruction": 64})',
      'client.create_collection("py_iter", schema=schema, index_params=index)',
      'client.create_partition("py_iter", "p1")',
      'rnd = random.Random(7)',
      'TOTAL = 123',
      'keys = [i * 4 + 3 for i in range(TOTAL)]',
      'rnd.shuffle(keys)',
      'q = [0.5, -0.5, 0.25, 1.0]',
      'rows = [{"id": k, "v": q if i % 6 == 2 else [rnd.uniform(-1, 1) for _ in range(4)]} for i, k in enumerate(keys)]',
      'client.insert("py_iter", rows[:70], partition_name="p1")',
      'client.insert("py_iter", rows[70:110])',
      'client.flush("py_iter")',
      'client.insert("py_iter", rows[110:], partition_name="p1")',
      'def dist(v): return sum((a - b) ** 2 for a, b in zip(v, q))',
      'by_dist = sorted(rows, key=lambda r: dist(r["v"]))',
      'ties = sum(1 for r in rows if r["v"] is q)',
      // query_iterator
      'for batch in (1, 7, TOTAL, TOTAL + 40):',
      '    it = client.query_iterator("py_iter", batch_size=batch, output_fields=["id"])',
      '    seen = []',
      '    while True:',
      '        page = it.next()',
      '        if not page:',
      '            it.close()',
      '            break',
      '        assert len(page) <= batch, (batch, len(page))',
      '        seen.extend(r["id"] for r in page)',
      '    assert seen == sorted(keys), (batch, seen[:10])',
      'it = client.query_iterator("py_iter", batch_size=7, limit=40, filter="id > 100", output_fields=["id"])',
      'seen = []',
      'while True:',
      '    page = it.next()',
      '    if not page:',
      '        break',
      '    seen.extend(r["id"] for r in page)',
      'assert seen == sorted(k for k in keys if k > 100)[:40], seen',
      // search_iterator v2
      'for batch in (1, 7, TOTAL, TOTAL + 40):',
      '    it = client.search_iterator("py_iter", data=[q], batch_size=batch, output_fields=["id"])',
      '    assert type(it).__name__ == "SearchIteratorV2", type(it)',
      '    got = []',
      '    while True:',
      '        page = it.next()',
      '        if not page:',
      '            it.close()',
      '            break',
      '        assert len(page) <= batch',
      '        got.extend((h["id"], h["distance"]) for h in page)',
      '    assert sorted(i for i, _ in got) == sorted(keys), (batch, len(got))',
      '    assert all(got[i][1] <= got[i + 1][1] for i in range(len(got) - 1))',
      '    assert [i for i, _ in got[ties:]] == [r["id"] for r in by_dist[ties:]]',
      'it = client.search_iterator("py_iter", data=[q], batch_size=7, limit=30)',
      'n = 0',
      'while True:',
      '    page = it.next()',
      '    if not page:',
      '        break',
      '    n += len(page)',
      'assert n == 30, n',
      // search_iterator v1 (the ORM's, range search based)
      'connections.connect(uri="http://localhost:19530", token="root:Milvus")',
      'coll = Collection("py_iter")',
      'for batch in (7, TOTAL):',
      '    it = coll.search_iterator(data=[q], anns_field="v", param={"metric_type": "L2", "params": {}}, batch_size=batch, output_fields=["id"])',
      '    got = []',
      '    while True:',
      '        page = it.next()',
      '        if not page:',
      '            it.close()',
      '            break',
      '        got.extend(h.id for h in page)',
      '    assert sorted(got) == sorted(keys), (batch, len(got), len(set(got)))',
      // range search
      'radius = (dist(by_dist[80]["v"]) + dist(by_dist[81]["v"])) / 2',
      'range_filter = (dist(by_dist[30]["v"]) + dist(by_dist[31]["v"])) / 2',
      'res = client.search("py_iter", data=[q], limit=100, search_params={"metric_type": "L2", "params": {"radius": radius, "range_filter": range_filter}})',
      'assert [h["id"] for h in res[0]] == [r["id"] for r in by_dist[31:81]], [h["id"] for h in res[0]]',
      'try:',
      '    client.search("py_iter", data=[q], limit=10, search_params={"params": {"radius": 1.0, "range_filter": 2.0}})',
      '    raise AssertionError("accepted")',
      'except MilvusException as e:',
      '    assert (e.code, e.message) == (1100, "range_filter must be less than radius for L2/HAMMING/JACCARD, range_filter:2.000000, radius:1.000000: invalid parameter"), (e.code, e.message)',
    ].join('\n');
    const [r] = await runPythonPage('iterators.md', [block(code)], { target: { uri: py.server.restUrl, token: 'root:Milvus' }, env: py.env, setup: async () => undefined, fixture: [], errata: [] });
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 180_000);
});
