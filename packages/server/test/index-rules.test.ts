import { normalizeField } from '@mvkit/core';
import { describe, expect, it } from 'vitest';
import { Engine, indexPlanOf, servedAs } from '../src/index.js';
import { refusal } from './refusal.js';

const ref = { collectionName: 'c' };

function engine(dynamic = false): Engine {
  const e = new Engine({ segmentMaxRows: 10 });
  e.createCollection({
    ...ref,
    enableDynamicField: dynamic,
    fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true },
      { name: 'v', data_type: 'FloatVector', dim: 8 },
      { name: 'b', data_type: 'BinaryVector', dim: 16 },
      { name: 'title', data_type: 'VarChar', max_length: 16 },
      { name: 'score', data_type: 'Float' },
      { name: 'meta', data_type: 'JSON' },
      { name: 'tags', data_type: 'Array', element_type: 'Float', max_capacity: 4 },
    ].map(normalizeField),
  });
  return e;
}

const kv = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value }));


const WRAP = ': invalid parameter[expected=valid index params][actual=invalid index params]';

describe('CreateIndex and DescribeIndex as Milvus', () => {
  it('describes an index with the parameters as sent; a vector AUTOINDEX as index_type and metric_type only', () => {
    const e = engine();
    e.createIndex({ ...ref, fieldName: 'v', params: kv({ index_type: 'HNSW', metric_type: 'IP', params: '{"M":16,"efConstruction":200}' }) });
    expect(e.describeIndex({ ...ref, indexName: 'v' })[0]!.userParams).toEqual(kv({ index_type: 'HNSW', metric_type: 'IP', params: '{"M":16,"efConstruction":200}' }));
    expect(servedAs(indexPlanOf(e.describeIndex({ ...ref, indexName: 'v' })[0]!))).toBe('HNSW (M=16, efConstruction=200) on sealed segments; growing segments searched exactly');
    e.createIndex({ ...ref, fieldName: 'b', params: [] });
    expect(e.describeIndex({ ...ref, indexName: 'b' })[0]!.userParams).toEqual(kv({ index_type: 'AUTOINDEX', metric_type: 'HAMMING' }));
    const f = engine();
    f.createIndex({ ...ref, fieldName: 'v', params: kv({ index_type: 'AUTOINDEX', metric_type: 'l2' }) });
    expect(f.describeIndex(ref)[0]!.userParams).toEqual(kv({ index_type: 'AUTOINDEX', metric_type: 'L2' }));
    expect(refusal(() => f.createIndex({ ...ref, fieldName: 'b', params: kv({ index_type: 'AUTOINDEX', params: '{"nlist":8}' }) }))).toEqual({
      code: 65535,
      message: 'only metric type can be passed when use AutoIndex',
    });
  });

  it('words a miss by index name or by collection', () => {
    const e = engine();
    expect(refusal(() => e.describeIndex({ ...ref, indexName: 'nope' }))).toEqual({ code: 700, message: 'index not found[indexName=nope]' });
    expect(refusal(() => e.describeIndex(ref))).toEqual({ code: 700, message: 'index not found[collection=c]' });
  });

  it('checks index types against field types, metrics against vector families and build parameters against their ranges', () => {
    const e = engine();
    const create = (fieldName: string, params: Record<string, string>) => refusal(() => e.createIndex({ ...ref, fieldName, params: kv(params) }));
    expect(create('v', { index_type: 'FOO', metric_type: 'L2' })).toEqual({ code: 1100, message: 'invalid parameter[expected=valid index][actual=invalid index type: FOO]' });
    expect(create('title', { index_type: 'HNSW', metric_type: 'L2' })).toEqual({ code: 1100, message: `index HNSW only supports vector data type${WRAP}` });
    expect(create('b', { index_type: 'HNSW', metric_type: 'L2' })).toEqual({ code: 65535, message: "data type BinaryVector can't build with this index HNSW" });
    expect(create('v', { index_type: 'HNSW', metric_type: 'HAMMING' })).toEqual({ code: 1100, message: `float vector index does not support metric type: HAMMING${WRAP}` });
    expect(create('b', { index_type: 'BIN_FLAT', metric_type: 'L2' })).toEqual({ code: 1100, message: `binary vector index does not support metric type: L2${WRAP}` });
    expect(create('v', { index_type: 'HNSW', metric_type: 'L2', params: '{"M":3000}' })).toEqual({ code: 1100, message: `Out of range in json: param 'M' (3000) should be in range [2, 2048]${WRAP}` });
    expect(create('v', { index_type: 'HNSW', metric_type: 'L2', efConstruction: '0' })).toEqual({ code: 1100, message: `Out of range in json: param 'efConstruction' (0) should be in range [1, 2147483647]${WRAP}` });
    expect(create('v', { index_type: 'HNSW', metric_type: 'L2', M: 'many' })).toEqual({ code: 1100, message: `invalid integer value, key: 'M', value: 'many'${WRAP}` });
    expect(create('v', { index_type: 'IVF_FLAT', metric_type: 'L2', nlist: '0' })).toEqual({ code: 1100, message: `Out of range in json: param 'nlist' (0) should be in range [1, 65536]${WRAP}` });
    expect(create('v', { index_type: 'IVF_PQ', metric_type: 'L2', nlist: '8', m: '3' })).toEqual({
      code: 1100,
      message: `The dimension of a vector (dim) should be a multiple of the number of subquantizers (m)${WRAP}`,
    });
    expect(create('title', { index_type: 'STL_SORT' })).toEqual({ code: 1100, message: `STL_SORT are only supported on numeric field${WRAP}` });
    expect(create('score', { index_type: 'Trie' })).toEqual({ code: 1100, message: `TRIE are only supported on varchar field${WRAP}` });
    expect(create('id', { index_type: 'BITMAP' })).toEqual({ code: 1100, message: `create bitmap index on primary key not supported${WRAP}` });
    expect(create('score', { index_type: 'BITMAP' })).toEqual({ code: 1100, message: `bitmap index are only supported on bool, int, string and array field${WRAP}` });
    expect(create('tags', { index_type: 'BITMAP' })).toEqual({ code: 1100, message: `bitmap index are only supported on bool, int, string for array field${WRAP}` });
    expect(create('meta', { index_type: 'INVERTED' })).toEqual({ code: 1100, message: `json index must specify cast type: missing parameter[missing_param=json_cast_type]${WRAP}` });
    expect(create('meta', { index_type: 'INVERTED', json_cast_type: 'DOUBLE' })).toEqual({ code: 1100, message: `json index must specify json path: missing parameter[missing_param=json_path]${WRAP}` });
    expect(create('meta', { index_type: 'INVERTED', json_cast_type: 'INT', json_path: "meta['a']" })).toEqual({ code: 1100, message: `json_cast_type INT is not supported: invalid parameter${WRAP}` });
    e.createIndex({ ...ref, fieldName: 'score', params: kv({ index_type: 'STL_SORT' }) });
    e.createIndex({ ...ref, fieldName: 'title', params: kv({ index_type: 'Trie' }) });
    expect(e.describeIndex(ref).map((i) => i.indexName)).toEqual(['score', 'title']);
  });

  it('keeps one index per field (a repeat is a no-op) and one per path of a JSON field', () => {
    const e = engine(true);
    const create = (fieldName: string, params: Record<string, string>, indexName?: string) => e.createIndex({ ...ref, fieldName, params: kv(params), ...(indexName ? { indexName } : {}) });
    const hnsw = { index_type: 'HNSW', metric_type: 'L2', M: '8', efConstruction: '64' };
    const first = create('v', hnsw);
    expect(create('v', hnsw)).toBe(first);
    expect(refusal(() => create('v', { ...hnsw, M: '16' }))).toEqual({ code: 65535, message: 'CreateIndex failed: at most one distinct index is allowed per field' });
    expect(refusal(() => create('v', hnsw, 'other'))).toEqual({ code: 65535, message: 'CreateIndex failed: creating multiple indexes on same field is not supported' });
    const path = (p: string) => ({ index_type: 'INVERTED', json_cast_type: 'DOUBLE', json_path: p });
    create('meta', path("meta['a']['b']"));
    create('meta', path('meta["c"]'));
    create('meta', path('meta'));
    create('k', path("k['x']"));
    expect(e.describeIndex(ref).map((i) => [i.indexName, i.fieldName, i.jsonPath])).toEqual([
      ['v', 'v', undefined],
      ['meta/a/b', 'meta', '/a/b'],
      ['meta/c', 'meta', '/c'],
      ['meta/', 'meta', '/'],
      ['$meta/k/x', '$meta', '/k/x'],
    ]);
    expect(create('meta', path("meta['a']['b']"))).toBe(e.describeIndex({ ...ref, indexName: 'meta/a/b' })[0]);
    expect(refusal(() => create('meta', path("meta['c']"), 'again'))).toEqual({ code: 65535, message: 'CreateIndex failed: creating multiple indexes on same field is not supported' });
    expect(refusal(() => create('meta', path("title['c']")))).toMatchObject({ code: 1100, message: expect.stringContaining('fieldID not match with field name: title') });
    expect(refusal(() => create('nope', { index_type: 'INVERTED' }))).toEqual({ code: 1700, message: 'cannot create index on non-exist field: nope' });
  });

  it('searches BIN_FLAT by SUBSTRUCTURE and SUPERSTRUCTURE as filters at distance 0, on growing and sealed segments', async () => {
    // As a real Milvus 2.3.5 answers: SUBSTRUCTURE finds the stored vectors that contain the query.
    for (const [metric, want] of [['SUBSTRUCTURE', [2n, 3n]], ['SUPERSTRUCTURE', [1n, 3n]]] as const) {
      const e = engine();
      e.createIndex({ ...ref, fieldName: 'b', params: kv({ index_type: 'BIN_FLAT', metric_type: metric }) });
      e.createIndex({ ...ref, fieldName: 'v', params: kv({ index_type: 'FLAT', metric_type: 'L2' }) });
      e.loadCollection(ref);
      // query 0b0110_0000 0x00: 1 is contained in it, 2 contains it, 3 is equal, 4 neither.
      const bits = [[0x20, 0], [0x70, 0], [0x60, 0], [0x81, 0]];
      const rows = (from: number) => bits.map((b, i) => ({ id: from + i + 1, v: new Array(8).fill(0), b, title: 't', score: 0, meta: {}, tags: [] }));
      await e.insert({ ...ref, rows: rows(0) });
      const out = await e.search({ ...ref, annsField: 'b', vectors: [[0x60, 0]], limit: 10 });
      expect(out.hits[0]!.map((h) => h.pk).sort()).toEqual(want);
      expect(out.hits[0]!.every((h) => h.score === 0)).toBe(true);
      for (const from of [10, 20, 30]) await e.insert({ ...ref, rows: rows(from) });
      await e.indexBuilder.drain();
      expect(e.indexProgress(ref, 'b').indexedRows).toBe(10);
      expect((await e.search({ ...ref, annsField: 'b', vectors: [[0x60, 0]], limit: 10 })).hits[0]!).toHaveLength(8);
    }
    expect(refusal(() => engine().createIndex({ ...ref, fieldName: 'b', params: kv({ index_type: 'BIN_IVF_FLAT', metric_type: 'SUBSTRUCTURE', nlist: '4' }) }))).toEqual({
      code: 1100,
      message: `binary vector index does not support metric type: SUBSTRUCTURE${WRAP}`,
    });
  });

  it('counts a scalar index as built on sealed segments', async () => {
    const e = engine();
    e.createIndex({ ...ref, fieldName: 'score', params: kv({ index_type: 'STL_SORT' }) });
    await e.insert({ ...ref, rows: Array.from({ length: 15 }, (_, i) => ({ id: i, v: new Array(8).fill(i), b: [0, 0], title: 't', score: i, meta: {}, tags: [] })) });
    expect(e.indexProgress(ref, 'score')).toEqual({ totalRows: 15, indexedRows: 10, pendingIndexRows: 5 });
  });
});
