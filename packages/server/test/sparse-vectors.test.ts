import { normalizeField, sparseBytesOf, type SparseRow } from '@mvkit/core';
import { describe, expect, it } from 'vitest';
import { Engine } from '../src/index.js';
import { seededRandom as rng } from './random.js';

/** A collection with a sparse vector field `sv`, indexed and loaded. */
function sparseEngine(segmentMaxRows = 1000, indexType = 'SPARSE_INVERTED_INDEX'): Engine {
  const e = new Engine({ segmentMaxRows });
  e.createCollection({
    collectionName: 's',
    fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true },
      { name: 'sv', data_type: 'SparseFloatVector' },
    ].map(normalizeField),
  });
  e.createIndex({ collectionName: 's', fieldName: 'sv', params: [{ key: 'index_type', value: indexType }, { key: 'metric_type', value: 'IP' }] });
  e.loadCollection({ collectionName: 's' });
  return e;
}

/** A random sparse vector as the SDKs' dict form over `terms` terms. */
function randomDict(random: () => number, terms: number, nnz: number): Record<string, number> {
  const out: Record<string, number> = {};
  const n = 1 + Math.floor(random() * nnz);
  for (let i = 0; i < n; i++) out[String(Math.floor(random() * terms))] = Math.fround(random());
  return out;
}

const ip = (a: Record<string, number>, b: Record<string, number>) => Object.entries(a).reduce((s, [k, v]) => s + v * (b[k] ?? 0), 0);

describe('SparseFloatVector', () => {
  it('takes the dict, {indices, values}, COO and wire-byte forms and returns the row as index → value', async () => {
    const e = sparseEngine();
    await e.insert({
      collectionName: 's',
      rows: [
        { id: 1n, sv: { '7': 0.5, '2': 0.25 } },
        { id: 2n, sv: { indices: [3, 1], values: [1, 2] } },
        { id: 3n, sv: [{ index: 9, value: 1.5 }] },
        { id: 4n, sv: sparseBytesOf({ indices: [0, 4294967294], values: [1, 3] }) },
        { id: 5n, sv: {} },
      ],
    });
    const { rows } = await e.query({ collectionName: 's', filter: 'id > 0', outputFields: ['sv'] });
    const shown = Object.fromEntries(rows.map((r) => [String(r.id), r.sv as SparseRow]).map(([id, v]) => [id, [Array.from((v as SparseRow).indices), Array.from((v as SparseRow).values)]]));
    expect(shown).toEqual({ '1': [[2, 7], [0.25, 0.5]], '2': [[1, 3], [2, 1]], '3': [[9], [1.5]], '4': [[0, 4294967294], [1, 3]], '5': [[], []] });
  });

  it('refuses rows as ValidateSparseFloatRows does, with its messages', async () => {
    const e = sparseEngine();
    const bytes = (indices: number[], values: number[]) => sparseBytesOf({ indices, values });
    const cases: [unknown, number, string][] = [
      [new Uint8Array(12), 65535, 'invalid data length in sparse float vector: 12'],
      [bytes([4294967295], [1]), 65535, 'invalid index in sparse float vector: must be less than 2^32-1'],
      [bytes([2, 10, 2], [0.4, 0.5, 0.6]), 65535, 'unsorted or same indices in sparse float vector'],
      [bytes([1, 1], [0.4, 0.5]), 65535, 'unsorted or same indices in sparse float vector'],
      [bytes([1], [Number.NaN]), 1100, "value 'NaN' is not a number or infinity: invalid parameter"],
      [bytes([1], [Number.POSITIVE_INFINITY]), 1100, "value '+Inf' is not a number or infinity: invalid parameter"],
      [bytes([1, 2], [0.5, -0.5]), 65535, 'negative value in sparse float vector'],
      [{ '-1': 0.5 }, 65535, 'invalid index in JSON: -1'],
      [{ '4294967295': 0.5 }, 65535, 'index too large in JSON: 4294967295'],
      [{ '1': 'x' }, 65535, 'invalid value type in JSON: string'],
      [{ indices: [1, 2], values: [1] }, 65535, 'indices and values length mismatch'],
      [{ indices: [1, 2] }, 65535, 'invalid JSON input'],
      ['1:0.5', 1100, 'a sparse float vector must be an object of index to value, got string: invalid parameter'],
    ];
    for (const [sv, code, message] of cases) {
      await expect(e.insert({ collectionName: 's', rows: [{ id: 1n, sv }] }), message).rejects.toMatchObject({ code, message });
    }
    expect((await e.query({ collectionName: 's', outputFields: ['count(*)'] })).rows[0]!['count(*)']).toBe(0n);
  });

  it('is refused a dim at CreateCollection', () => {
    const e = new Engine();
    expect(() =>
      e.createCollection({ collectionName: 'd', fields: [{ name: 'id', data_type: 'Int64', is_primary_key: true }, { name: 'sv', data_type: 'SparseFloatVector', dim: 8 }].map(normalizeField) }),
    ).toThrow('dim should not be specified for sparse vector field sv(0)');
  });

  for (const indexType of ['SPARSE_INVERTED_INDEX', 'SPARSE_WAND', 'AUTOINDEX']) {
    it(`finds the exact inner-product top k over growing and sealed segments (${indexType}; recall@10 against brute force is 1)`, async () => {
      const e = sparseEngine(300, indexType);
      const random = rng(indexType.length);
      const docs = Array.from({ length: 1000 }, () => randomDict(random, 200, 15));
      await e.insert({ collectionName: 's', rows: docs.map((sv, i) => ({ id: BigInt(i), sv })) });
      await e.indexBuilder.drain();
      await e.delete({ collectionName: 's', filter: 'id in [0, 1, 2]' });
      const queries = Array.from({ length: 30 }, () => randomDict(random, 200, 10));
      const out = await e.search({ collectionName: 's', vectors: queries, limit: 10, outputFields: ['sv'] });
      queries.forEach((q, i) => {
        const want = docs
          .map((d, id) => ({ id, score: Math.fround(ip(q, d)) }))
          .filter((h) => h.id > 2 && h.score > 0)
          .sort((a, b) => b.score - a.score)
          .slice(0, 10);
        const got = out.hits[i]!;
        expect(got.map((h) => h.score)).toEqual(want.map((h) => expect.closeTo(h.score, 5)));
        for (const h of got) expect(h.score).toBeCloseTo(ip(q, docs[Number(h.pk)]!), 5);
      });
      expect(out.metric).toBe('IP');
    });
  }

  it('returns only rows sharing a term with the query, and checks query vectors as rows', async () => {
    const e = sparseEngine();
    await e.insert({ collectionName: 's', rows: [{ id: 1n, sv: { '1': 1 } }, { id: 2n, sv: { '2': 1 } }, { id: 3n, sv: { '1': 0.5, '2': 3 } }] });
    const out = await e.search({ collectionName: 's', vectors: [{ '1': 2 }], limit: 10 });
    expect(out.hits[0]!.map((h) => [h.pk, h.score])).toEqual([[1n, 2], [3n, 1]]);
    await expect(e.search({ collectionName: 's', vectors: [sparseBytesOf({ indices: [3, 1], values: [1, 1] })], limit: 1 })).rejects.toMatchObject({
      message: 'unsorted or same indices in sparse float vector',
    });
  });
});

describe('sparse vector indexes', () => {
  it('take IP (or BM25) only, and refuse float-vector index types', () => {
    const e = new Engine();
    e.createCollection({ collectionName: 'i', fields: [{ name: 'id', data_type: 'Int64', is_primary_key: true }, { name: 'sv', data_type: 'SparseFloatVector' }].map(normalizeField) });
    expect(() => e.createIndex({ collectionName: 'i', fieldName: 'sv', params: [{ key: 'index_type', value: 'SPARSE_WAND' }, { key: 'metric_type', value: 'L2' }] })).toThrow(
      'only IP&BM25 is the supported metric type for sparse index: invalid parameter[expected=valid index params][actual=invalid index params]',
    );
    expect(() => e.createIndex({ collectionName: 'i', fieldName: 'sv', params: [{ key: 'index_type', value: 'HNSW' }, { key: 'metric_type', value: 'IP' }] })).toThrow("data type SparseFloatVector can't build with this index HNSW");
    e.createIndex({ collectionName: 'i', fieldName: 'sv', params: [{ key: 'index_type', value: 'SPARSE_WAND' }] });
    expect(e.describeIndex({ collectionName: 'i' })[0]!.params).toContainEqual({ key: 'metric_type', value: 'IP' });
    expect(e.describeIndex({ collectionName: 'i' })[0]!.userParams).toEqual([{ key: 'index_type', value: 'SPARSE_WAND' }]);
  });
});
