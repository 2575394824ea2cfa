import { DataType, MilvusError, halfBytesOf, normalizeField, roundToHalf, type FieldSchemaInput } from '@mvkit/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { Engine, Pacer, deleteRows, type Row } from '../src/index.js';
import { seededRandom as rng } from './random.js';

const DIM = 8;
const ref = { collectionName: 'books' };

function setup(engine: Engine, options: { metric?: string; indexType?: string; dynamic?: boolean } = {}): void {
  engine.createCollection({
    ...ref,
    enableDynamicField: options.dynamic ?? true,
    fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true },
      { name: 'title', data_type: 'VarChar', max_length: 32 },
      { name: 'year', data_type: 'Int32' },
      { name: 'vector', data_type: 'FloatVector', dim: DIM },
    ].map(normalizeField),
  });
  engine.createIndex({
    ...ref,
    fieldName: 'vector',
    params: [
      { key: 'index_type', value: options.indexType ?? 'HNSW' },
      { key: 'metric_type', value: options.metric ?? 'L2' },
      { key: 'params', value: JSON.stringify({ M: 8, efConstruction: 64 }) },
    ],
  });
  engine.createPartition({ ...ref, partitionName: 'A' });
  engine.createPartition({ ...ref, partitionName: 'B' });
}

function rows(from: number, count: number, random: () => number): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    id: from + i,
    title: `t${from + i}`,
    year: 1900 + ((from + i) % 120),
    vector: Array.from({ length: DIM }, () => random() * 2 - 1),
  }));
}

async function expectMilvusError(fn: () => unknown, code: number, reason: string | RegExp): Promise<void> {
  try {
    await fn();
  } catch (e) {
    expect(MilvusError.is(e)).toBe(true);
    const err = e as MilvusError;
    expect(err.code).toBe(code);
    if (typeof reason === 'string') expect(err.reason).toBe(reason);
    else expect(err.reason).toMatch(reason);
    return;
  }
  throw new Error('expected a MilvusError');
}

const l2 = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return s;
};

describe('data plane', () => {
  let engine: Engine;
  beforeEach(() => {
    engine = new Engine({ segmentMaxRows: 100 });
    setup(engine);
  });

  it('inserts into a partition, seals segments at the threshold and counts rows per partition and collection', async () => {
    const random = rng(1);
    const m = await engine.insert({ ...ref, partitionName: 'A', rows: rows(0, 250, random) });
    expect(m.ids).toHaveLength(250);
    expect(m.ids[0]).toBe(0n);
    await engine.insert({ ...ref, rows: rows(1000, 10, random) });
    expect(engine.getPartitionStatistics({ ...ref, partitionName: 'A' }).rowCount).toBe(250);
    expect(engine.getPartitionStatistics({ ...ref, partitionName: '_default' }).rowCount).toBe(10);
    expect(engine.getCollectionStatistics(ref).rowCount).toBe(260);
    const coll = engine.collectionOf(ref);
    const segs = [...coll.partitions.values()].flatMap((p) => coll.data.segmentsOf(p.id));
    // _default (10 rows, growing) first, then A: two sealed segments of 100 and a growing one of 50.
    expect(segs.map((s) => s.state)).toEqual(['Growing', 'Sealed', 'Sealed', 'Growing']);
  });

  it('matches brute force over growing and sealed (HNSW) segments, top-k merged', async () => {
    const random = rng(2);
    const data = rows(0, 450, random);
    await engine.insert({ ...ref, partitionName: 'A', rows: data });
    await engine.indexBuilder.drain();
    const coll = engine.collectionOf(ref);
    expect(coll.data.indexProgress('vector')).toEqual({ totalRows: 450, indexedRows: 400, pendingIndexRows: 50 });
    engine.loadCollection(ref);
    let found = 0;
    const queries = 30;
    for (let q = 0; q < queries; q++) {
      const query = Array.from({ length: DIM }, () => random() * 2 - 1);
      const out = await engine.search({ ...ref, vectors: [query], limit: 10, ef: 64 });
      const truth = data.map((r) => ({ id: BigInt(r.id as number), d: l2(r.vector as number[], query) })).sort((a, b) => a.d - b.d).slice(0, 10);
      const got = out.hits[0]!;
      expect(got).toHaveLength(10);
      for (let i = 1; i < got.length; i++) expect(got[i]!.score).toBeGreaterThanOrEqual(got[i - 1]!.score);
      const want = new Set(truth.map((t) => t.id));
      found += got.filter((h) => want.has(h.pk as bigint)).length;
    }
    expect(found / (queries * 10)).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps partitions isolated, and a dropped partition or deleted id never comes back', async () => {
    const random = rng(3);
    await engine.insert({ ...ref, partitionName: 'A', rows: rows(0, 120, random) });
    await engine.insert({ ...ref, partitionName: 'B', rows: rows(500, 120, random) });
    engine.loadCollection(ref);
    const query = Array.from({ length: DIM }, () => 0);
    const inA = (await engine.search({ ...ref, partitionNames: ['A'], vectors: [query], limit: 200 })).hits[0]!;
    expect(inA).toHaveLength(120);
    expect(inA.every((h) => (h.pk as bigint) < 500n)).toBe(true);
    const inB = (await engine.query({ ...ref, partitionNames: ['B'], filter: 'id >= 0', outputFields: ['id'] })).rows;
    expect(inB.every((r) => (r.id as bigint) >= 500n)).toBe(true);

    await engine.delete({ ...ref, filter: 'id in [3, 7, 503]' });
    const all = (await engine.search({ ...ref, vectors: [query], limit: 1000 })).hits[0]!.map((h) => h.pk);
    expect(all).not.toContain(3n);
    expect(all).not.toContain(503n);
    expect((await engine.get({ ...ref, ids: [3, 7, 8] })).rows.map((r) => r.id)).toEqual([8n]);

    engine.releasePartitions({ ...ref, partitionNames: ['B'] });
    engine.dropPartition({ ...ref, partitionName: 'B' });
    engine.createPartition({ ...ref, partitionName: 'B' });
    engine.loadCollection(ref);
    expect((await engine.query({ ...ref, filter: 'id >= 500', outputFields: ['count(*)'] })).rows[0]!['count(*)']).toBe(0n);
    // row_count counts every row inserted into the partitions there are: deleted rows stay counted (until a compaction, in Milvus).
    expect(engine.getCollectionStatistics(ref).rowCount).toBe(120);
  });

  it('upserts replace a key only in the partition written to: keys are not unique', async () => {
    const random = rng(4);
    await engine.insert({ ...ref, partitionName: 'A', rows: rows(0, 5, random) });
    const m = await engine.upsert({ ...ref, partitionName: 'B', rows: [{ id: 2, title: 'new', year: 2024, vector: new Array(DIM).fill(0.5) }, { id: 99, title: 'x', year: 2000, vector: new Array(DIM).fill(0) }] });
    expect(m.ids).toEqual([2n, 99n]);
    engine.loadCollection(ref);
    // Key 2 now has a row in A and a newer one in B: a query returns the newest, per partition its own.
    expect((await engine.query({ ...ref, filter: 'id in [2, 99]', outputFields: ['title'] })).rows).toEqual([
      { id: 2n, title: 'new' },
      { id: 99n, title: 'x' },
    ]);
    expect((await engine.query({ ...ref, partitionNames: ['A'], filter: 'id == 2', outputFields: ['title'] })).rows).toEqual([{ id: 2n, title: 't2' }]);
    expect((await engine.query({ ...ref, filter: 'id == 2', outputFields: ['count(*)'] })).rows).toEqual([{ 'count(*)': 2n }]);
    expect(engine.getPartitionStatistics({ ...ref, partitionName: 'A' }).rowCount).toBe(5);
    expect(engine.getPartitionStatistics({ ...ref, partitionName: 'B' }).rowCount).toBe(2);
    // Upserting into B again replaces B's row only; repeated keys in one batch are not refused (Milvus 2.5).
    await engine.upsert({ ...ref, partitionName: 'B', rows: [{ id: 2, title: 'newer', year: 2025, vector: new Array(DIM).fill(0.5) }, { id: 2, title: 'newest', year: 2026, vector: new Array(DIM).fill(0.5) }] });
    expect((await engine.query({ ...ref, filter: 'id == 2', outputFields: ['count(*)'] })).rows).toEqual([{ 'count(*)': 3n }]);
    expect((await engine.query({ ...ref, filter: 'id == 2', outputFields: ['title'] })).rows).toEqual([{ id: 2n, title: 'newest' }]);
  });

  it('keeps every row of a repeated key: count(*) and row_count count them, query, get and search reduce by key', async () => {
    const random = rng(5);
    await engine.insert({ ...ref, rows: rows(0, 10, random) });
    await engine.insert({ ...ref, rows: rows(0, 10, random).map((r) => ({ ...r, title: `again ${String(r.id)}` })) });
    expect(engine.getCollectionStatistics(ref).rowCount).toBe(20);
    // A delete by keys needs no load; it counts the keys it names and removes every row of them.
    const deleted = await engine.delete({ ...ref, filter: 'id in [1, 1, 42]' });
    expect([deleted.ids, deleted.deleteCount]).toEqual([[], 3]);
    expect((await engine.delete({ ...ref, filter: '(id == 2)' })).deleteCount).toBe(1);
    await expectMilvusError(() => engine.delete({ ...ref, filter: 'year > 0' }), 101, /^collection not loaded\[collection=\d+\]$/);
    engine.loadCollection(ref);
    expect((await engine.query({ ...ref, filter: 'id >= 0', outputFields: ['count(*)'] })).rows).toEqual([{ 'count(*)': 16n }]);
    const got = (await engine.query({ ...ref, filter: 'id >= 0', outputFields: ['title'] })).rows;
    expect(got.map((r) => r.id)).toEqual([0n, 3n, 4n, 5n, 6n, 7n, 8n, 9n]);
    expect(got.every((r) => String(r.title).startsWith('again'))).toBe(true);
    expect((await engine.query({ ...ref, filter: 'id >= 0', outputFields: ['title'], limit: 2, offset: 1 })).rows.map((r) => r.id)).toEqual([3n, 4n]);
    expect((await engine.get({ ...ref, ids: [3, 3, 4], outputFields: ['title'] })).rows.map((r) => r.title)).toEqual(['again 3', 'again 4']);
    const hits = (await engine.search({ ...ref, vectors: [new Array(DIM).fill(0)], limit: 16 })).hits[0]!;
    expect(new Set(hits.map((h) => h.pk)).size).toBe(hits.length);
    expect(hits).toHaveLength(8);
    // A filter other than by keys deletes (and counts) the rows that match.
    expect((await engine.delete({ ...ref, filter: 'id in [3, 4] and year > 0' })).deleteCount).toBe(4);
    expect(engine.getCollectionStatistics(ref).rowCount).toBe(20);
  });

  it('stores dynamic fields in $meta, projects output fields, pages with limit/offset and counts', async () => {
    await engine.insert({ ...ref, rows: rows(0, 20, rng(5)).map((r, i) => ({ ...r, color: i % 2 ? 'red' : 'blue', tags: { n: i } })) });
    engine.loadCollection(ref);
    const page = await engine.query({ ...ref, filter: 'color == "red"', outputFields: ['title', 'color'], limit: 3, offset: 2 });
    expect(page.rows).toEqual([
      { id: 5n, title: 't5', $meta: { color: 'red' } },
      { id: 7n, title: 't7', $meta: { color: 'red' } },
      { id: 9n, title: 't9', $meta: { color: 'red' } },
    ]);
    expect(page.outputFields).toEqual(['id', 'title', 'color']);
    expect((await engine.query({ ...ref, filter: 'tags["n"] >= 15 and year > 1900', outputFields: ['count(*)'] })).rows).toEqual([{ 'count(*)': 5n }]);
    const star = (await engine.query({ ...ref, filter: 'id == 1', outputFields: ['*'] })).rows[0]!;
    expect(Object.keys(star).sort()).toEqual(['$meta', 'id', 'title', 'vector', 'year']);
    expect(star.vector).toBeInstanceOf(Float32Array);
    await expectMilvusError(() => engine.query({ ...ref, filter: '' }), 1100, /empty expression should be used with limit/);
  });

  it('answers with Milvus errors for unloaded partitions, bad filters, wrong dimensions and bad parameters', async () => {
    await engine.insert({ ...ref, partitionName: 'A', rows: rows(0, 10, rng(6)) });
    const q = [new Array(DIM).fill(0)];
    const coll = engine.collectionOf(ref);
    await expectMilvusError(() => engine.search({ ...ref, vectors: q, limit: 3 }), 101, `failed to search: collection not loaded[collection=${coll.id}]`);
    await expectMilvusError(() => engine.query({ ...ref, filter: 'id > 0' }), 101, `failed to query: collection not loaded[collection=${coll.id}]`);
    engine.loadPartitions({ ...ref, partitionNames: ['A'] });
    const b = coll.partitions.get('B')!;
    await expectMilvusError(() => engine.search({ ...ref, partitionNames: ['B'], vectors: q, limit: 3 }), 201, `failed to search: partition not loaded[partition=${b.id}]`);
    await expectMilvusError(() => engine.search({ ...ref, partitionNames: ['nope'], vectors: q, limit: 3 }), 65535, 'partition name nope not found');
    expect((await engine.search({ ...ref, vectors: q, limit: 3 })).hits[0]).toHaveLength(3);
    await expectMilvusError(() => engine.search({ ...ref, vectors: [[1, 2, 3]], limit: 3 }), 2000, 'vector dimension mismatch, expected vector size(byte) 32, actual 12.: segcore error');
    await expectMilvusError(() => engine.search({ ...ref, vectors: q, limit: 3, filter: 'id >>> 3' }), 1100, /cannot parse expression/);
    await expectMilvusError(() => engine.search({ ...ref, vectors: q, limit: 3, metricType: 'IP' }), 1100, 'metric type not match: invalid parameter[expected=L2][actual=IP]');
    await expectMilvusError(() => engine.search({ ...ref, vectors: q, limit: 0 }), 65535, 'topk [0] is invalid, it should be in range [1, 16384], but got 0');
    await expectMilvusError(() => engine.search({ ...ref, vectors: q, limit: 16385 }), 65535, 'topk [16385] is invalid, it should be in range [1, 16384], but got 16385');
    await expectMilvusError(() => engine.search({ ...ref, vectors: q, limit: 10, offset: 16380 }), 65535, 'offset+topk [16390] is invalid, it should be in range [1, 16384], but got 16390');
    await expectMilvusError(() => engine.query({ ...ref, filter: 'id > 0', limit: 10, offset: 16380 }), 65535, 'invalid max query result window, (offset+limit) should be in range [1, 16384], but got 16390');
    await expectMilvusError(() => engine.query({ ...ref, filter: 'id > 0', limit: 0 }), 65535, 'invalid max query result window, limit [0] is invalid, should be greater than 0');
    await expectMilvusError(() => engine.insert({ ...ref, partitionName: 'C', rows: rows(0, 1, rng(1)) }), 200, 'partition not found[partition=C]');
    await expectMilvusError(() => engine.insert({ ...ref, rows: [{ id: 1, title: 'x', year: 1, vector: [1] }] }), 1100, 'the dim (1) of field data(vector) is not equal to schema dim (8): invalid parameter[expected=8][actual=1]');
    await expectMilvusError(() => engine.insert({ ...ref, rows: [{ id: 1, title: 'x'.repeat(40), year: 1, vector: q[0] }] }), 1100, /exceeds max length/);
    await expectMilvusError(() => engine.insert({ ...ref, rows: [{ id: 'one', title: 'x', year: 1, vector: q[0] }] }), 1100, /Int64/);
    // A rejected batch leaves nothing behind.
    expect(engine.getCollectionStatistics(ref).rowCount).toBe(10);
  });

  it('serves metrics as Milvus scores them (IP and COSINE larger-is-better, L2 squared)', async () => {
    for (const [metric, expected] of [
      ['L2', [0, 2]],
      ['IP', [1, 0]],
      ['COSINE', [1, 0]],
    ] as const) {
      const e = new Engine();
      setup(e, { metric, indexType: 'FLAT' });
      await e.insert({ ...ref, rows: [
        { id: 1, title: 'a', year: 1, vector: [1, 0, 0, 0, 0, 0, 0, 0] },
        { id: 2, title: 'b', year: 1, vector: [0, 1, 0, 0, 0, 0, 0, 0] },
      ] });
      e.loadCollection(ref);
      const hits = (await e.search({ ...ref, vectors: [[1, 0, 0, 0, 0, 0, 0, 0]], limit: 2 })).hits[0]!;
      expect(hits.map((h) => h.pk)).toEqual([1n, 2n]);
      expect(hits.map((h) => h.score)).toEqual(expected);
    }
  });

  it('searches binary vectors with HAMMING on FLAT', async () => {
    const e = new Engine();
    e.createCollection({ collectionName: 'bin', fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true },
      { name: 'bits', data_type: DataType.BinaryVector, dim: 16 },
    ].map(normalizeField) });
    e.createIndex({ collectionName: 'bin', fieldName: 'bits', params: [{ key: 'index_type', value: 'BIN_FLAT' }, { key: 'metric_type', value: 'HAMMING' }] });
    await e.insert({ collectionName: 'bin', rows: [{ id: 1, bits: [0b1111, 0] }, { id: 2, bits: [0, 0] }, { id: 3, bits: [0xff, 0xff] }] });
    e.loadCollection({ collectionName: 'bin' });
    const hits = (await e.search({ collectionName: 'bin', vectors: [new Uint8Array([0b0111, 0])], limit: 3 })).hits[0]!;
    expect(hits.map((h) => [h.pk, h.score])).toEqual([[1n, 1], [2n, 3], [3n, 13]]);
  });

  it('builds sealed indexes in the background without blocking reads', async () => {
    const random = rng(7);
    await engine.insert({ ...ref, partitionName: 'A', rows: rows(0, 300, random) });
    engine.loadCollection(ref);
    expect(engine.indexBuilder.pending).toBeGreaterThan(0);
    // Reads during the build are exact and complete.
    expect((await engine.search({ ...ref, vectors: [new Array(DIM).fill(0)], limit: 300 })).hits[0]).toHaveLength(300);
    while (engine.indexBuilder.pending) await new Promise((r) => setImmediate(r));
    expect(engine.collectionOf(ref).data.indexProgress('vector').indexedRows).toBe(300);
  });

  it('flush seals growing segments and reports them', async () => {
    await engine.insert({ ...ref, rows: rows(0, 10, rng(8)) });
    const out = engine.flush(undefined, ['books']).get('books')!;
    expect(out.segmentIds).toHaveLength(1);
    await expectMilvusError(() => engine.flush(undefined, ['nope']), 100, 'collection not found[database=default][collection=nope]');
  });

  it('lets other calls run while a large request works, and a delete does not take a row upserted meanwhile', async () => {
    const e = new Engine({ segmentMaxRows: 100_000 });
    setup(e);
    e.loadCollection(ref);
    const many = rows(0, 60_000, rng(11));
    let inserted = false;
    const insert = e.insert({ ...ref, rows: many }).then(() => (inserted = true));
    const count = await e.query({ ...ref, filter: '', outputFields: ['count(*)'] });
    expect(inserted).toBe(false); // the small query was answered while the insert was still running
    expect(Number(count.rows[0]!['count(*)'])).toBeLessThan(60_000);
    await insert;

    // A pacer with no slice pauses every few rows, so the upsert runs while the delete scans.
    const removal = deleteRows(e.collectionOf(ref), { filter: 'year >= 0' }, e.allocTimestamp(), new Pacer(0));
    await new Promise((resolve) => setImmediate(resolve)); // the delete has compiled its filter and begun its scan
    await e.upsert({ ...ref, rows: [{ ...many[59_999]!, title: 'kept' }] });
    const removed = await removal;
    expect(removed.ids).not.toContain(59_999n);
    const left = await e.query({ ...ref, filter: 'id >= 0', outputFields: ['title'] });
    expect(left.rows).toEqual([{ id: 59_999n, title: 'kept' }]);
  });
});

describe('Float16Vector and BFloat16Vector', () => {
  for (const [type, format] of [['Float16Vector', 'float16'], ['BFloat16Vector', 'bfloat16']] as const) {
    for (const metric of ['L2', 'IP', 'COSINE']) {
      it(`stores ${type} in its precision and finds its nearest neighbours (${metric}, HNSW on sealed segments, recall@10 against brute force)`, async () => {
        const dim = 16;
        const e = new Engine({ segmentMaxRows: 1000 });
        e.createCollection({
          collectionName: 'h',
          fields: [
            { name: 'id', data_type: 'Int64', is_primary_key: true },
            { name: 'v', data_type: type, dim },
          ].map(normalizeField),
        });
        e.createIndex({ collectionName: 'h', fieldName: 'v', params: [{ key: 'index_type', value: 'HNSW' }, { key: 'metric_type', value: metric }, { key: 'params', value: '{"M":16,"efConstruction":100}' }] });
        e.loadCollection({ collectionName: 'h' });
        const random = rng(metric.length + dim);
        const vectors = Array.from({ length: 2500 }, () => Array.from({ length: dim }, () => random() * 2 - 1));
        await e.insert({ collectionName: 'h', rows: vectors.map((v, i) => ({ id: BigInt(i), v })) });
        await e.indexBuilder.drain();
        // Stored (and returned) as the format holds them.
        const stored = (await e.query({ collectionName: 'h', filter: 'id < 3', outputFields: ['v'] })).rows.map((r) => Array.from(r.v as Float32Array));
        expect(stored).toEqual(vectors.slice(0, 3).map((v) => Array.from(roundToHalf(v, format))));
        // Bytes as the wire carries them are taken too.
        await e.insert({ collectionName: 'h', rows: [{ id: 9999n, v: halfBytesOf(vectors[0]!, format) }] });
        await expect(e.insert({ collectionName: 'h', rows: [{ id: 10_000n, v: new Uint8Array(dim) }] })).rejects.toMatchObject({ code: 1100 });
        await e.delete({ collectionName: 'h', filter: 'id == 9999' });
        const held = vectors.map((v) => roundToHalf(v, format));
        const score = (a: ArrayLike<number>, b: ArrayLike<number>) => {
          let dot = 0, na = 0, nb = 0, l2 = 0;
          for (let i = 0; i < dim; i++) {
            dot += a[i]! * b[i]!;
            na += a[i]! * a[i]!;
            nb += b[i]! * b[i]!;
            l2 += (a[i]! - b[i]!) ** 2;
          }
          return metric === 'L2' ? -l2 : metric === 'IP' ? dot : dot / Math.sqrt(na * nb);
        };
        const queries = Array.from({ length: 40 }, () => Array.from({ length: dim }, () => random() * 2 - 1));
        const out = await e.search({ collectionName: 'h', vectors: queries, limit: 10, ef: 64 });
        let found = 0;
        queries.forEach((q, i) => {
          const rq = roundToHalf(q, format);
          const truth = new Set(held.map((v, id) => [id, score(rq, v)] as const).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([id]) => BigInt(id)));
          found += out.hits[i]!.filter((h) => truth.has(h.pk as bigint)).length;
        });
        expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.95);
      });
    }
  }
});

describe('read pre-checks come before the load check, as in the proxy', () => {
  it('reports partition names, paging, output fields and the filter of a query or search on an unloaded collection', async () => {
    const e = new Engine();
    setup(e, { dynamic: false });
    const q = (input: Partial<Parameters<Engine['query']>[0]>) => e.query({ ...ref, filter: 'id > 0', ...input }).then(() => undefined, (err: MilvusError) => ({ code: err.code, reason: err.reason }));
    expect(await q({ partitionNames: [''] })).toEqual({ code: 65535, reason: 'Invalid partition name: . Partition name should not be empty.' });
    expect(await q({ partitionNames: ['nope'] })).toEqual({ code: 65535, reason: 'partition name nope not found' });
    expect(await q({ outputFields: ['count(*)'], limit: 5 })).toEqual({ code: 1100, reason: 'count entities with pagination is not allowed: invalid parameter' });
    expect(await q({ filter: '  ' })).toEqual({ code: 1100, reason: 'empty expression should be used with limit: invalid parameter' });
    expect((await q({ outputFields: ['nope'] }))?.code).toBe(1100);
    expect((await q({ filter: 'id >' }))?.reason).toMatch(/^failed to create query plan: cannot parse expression/);
    expect((await q({}))?.code).toBe(101);
    const s = (input: Partial<Parameters<Engine['search']>[0]>) => e.search({ ...ref, vectors: [Array(DIM).fill(0)], limit: 3, ...input }).then(() => undefined, (err: MilvusError) => ({ code: err.code, reason: err.reason }));
    expect(await s({ partitionNames: ['nope'] })).toEqual({ code: 65535, reason: 'partition name nope not found' });
    expect((await s({ filter: 'id >' }))?.reason).toMatch(/^failed to create query plan: cannot parse expression/);
    expect((await s({ limit: 0 }))?.code).toBe(65535);
    expect((await s({}))?.code).toBe(101);
    e.loadCollection(ref);
    expect(await q({ outputFields: ['count(*)'] })).toBeUndefined();
  });
});

/**
 * A loaded collection `name`: Int64 key `id`, a FloatVector `v` of dim 2 under a FLAT L2 index,
 * then `fields`.
 */
function loadedCollection(name: string, fields: FieldSchemaInput[], enableDynamicField = false): Engine {
  const e = new Engine();
  e.createCollection({
    collectionName: name,
    enableDynamicField,
    fields: [{ name: 'id', data_type: 'Int64', is_primary_key: true }, { name: 'v', data_type: 'FloatVector', dim: 2 }, ...fields].map(normalizeField),
  });
  e.createIndex({ collectionName: name, fieldName: 'v', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'L2' }] });
  e.loadCollection({ collectionName: name });
  return e;
}

describe('JSON values', () => {
  it('stores a JSON value as given: the string "6" stays a string, bytes are JSON text', async () => {
    const e = loadedCollection('j', [{ name: 'j', data_type: 'JSON' }]);
    const text = new TextEncoder();
    await e.insert({ collectionName: 'j', rows: [{ id: 1n, v: [0, 0], j: '6' }, { id: 2n, v: [0, 0], j: 6 }, { id: 3n, v: [0, 0], j: text.encode('{"a":"6"}') }, { id: 4n, v: [0, 0], j: text.encode('not json') }] });
    const all = (await e.query({ collectionName: 'j', filter: 'id > 0', outputFields: ['j'] })).rows.map((r) => r.j);
    expect(all).toEqual(['6', 6, { a: '6' }, 'not json']);
    expect((await e.query({ collectionName: 'j', filter: 'j == "6"', outputFields: ['id'] })).rows.map((r) => r.id)).toEqual([1n]);
    expect((await e.query({ collectionName: 'j', filter: 'j == 6', outputFields: ['id'] })).rows.map((r) => r.id)).toEqual([2n]);
  });
});

describe('null checks and search hints as Milvus 2.5', () => {
  it('treats a JSON key holding null as absent, refuses null checks on vectors and array elements, and checks hints', async () => {
    const e = loadedCollection('n', [{ name: 'a', data_type: 'Array', element_type: 'Int64', max_capacity: 4 }, { name: 'j', data_type: 'JSON' }]);
    await e.insert({ collectionName: 'n', rows: [{ id: 1, v: [0, 0], a: [1], j: { k: null } }, { id: 2, v: [0, 0], a: [1], j: {} }, { id: 3, v: [0, 0], a: [1], j: { k: 1 } }] });
    const ids = async (filter: string) => (await e.query({ collectionName: 'n', filter, outputFields: ['id'] })).rows.map((r) => r.id);
    expect(await ids("j['k'] is null")).toEqual([1n, 2n]);
    expect(await ids("j['k'] is not null")).toEqual([3n]);
    await expect(ids('v is null')).rejects.toMatchObject({ code: 1100, message: expect.stringContaining('unsupported data type: VECTOR_FLOAT') });
    await expect(ids('a[0] is not null')).rejects.toMatchObject({ code: 1100, message: expect.stringContaining('unsupported data type: ARRAY') });
    const search = (hints: string) => e.search({ collectionName: 'n', vectors: [[0, 0]], limit: 1, hints });
    expect((await search('iterative_filter')).hits[0]).toHaveLength(1);
    await expect(search('not_supported_hints')).rejects.toMatchObject({ code: 65535, message: 'hints: not_supported_hints not supported' });
  });

  it('plans the filter before it looks up the anns field, and words both as a query plan error', async () => {
    const e = new Engine();
    e.createCollection({
      collectionName: 'm',
      fields: [
        { name: 'id', data_type: 'Int64', is_primary_key: true },
        { name: 'a', data_type: 'FloatVector', dim: 2 },
        { name: 'b', data_type: 'FloatVector', dim: 3 },
      ].map(normalizeField),
    });
    for (const f of ['a', 'b']) e.createIndex({ collectionName: 'm', fieldName: f, params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'L2' }] });
    e.loadCollection({ collectionName: 'm' });
    const search = (input: { annsField?: string; filter?: string; vectors?: number[][] }) => e.search({ collectionName: 'm', vectors: input.vectors ?? [[0, 0]], limit: 1, ...input });
    await expect(search({})).rejects.toMatchObject({ code: 65535, message: 'multiple anns_fields exist, please specify a anns_field in search_params' });
    await expect(search({ annsField: 'nope' })).rejects.toMatchObject({ code: 1100, message: 'failed to create query plan: failed to get field schema by name: fieldName(nope) not found: invalid parameter' });
    await expect(search({ annsField: 'nope', filter: 'id' })).rejects.toMatchObject({ code: 1100, message: expect.stringContaining('predicate is not a boolean expression') });
    await expect(search({ annsField: 'id' })).rejects.toMatchObject({ code: 1100, message: 'failed to create query plan: field (id) to search is not of vector data type: invalid parameter' });
    // The filter is planned before the query vectors are checked against the field's dim.
    await expect(search({ annsField: 'b', filter: 'id', vectors: [[0, 0]] })).rejects.toMatchObject({ message: expect.stringContaining('predicate is not a boolean expression') });
    expect((await search({ annsField: 'b', vectors: [[0, 0, 0]] })).annsField).toBe('b');
  });
});

describe('JSON values keep int64 exact', () => {
  it('stores, filters and answers integers beyond 2^53 in JSON and dynamic fields exactly; missing paths as Milvus', async () => {
    const e = loadedCollection('j', [{ name: 'j', data_type: 'JSON' }], true);
    const text = new TextEncoder().encode('{"big": 9007199254740993, "arr": [1, 2]}');
    await e.insert({ collectionName: 'j', rows: [{ id: 1, v: [0, 0], j: text, d: 9007199254740993n }, { id: 2, v: [0, 0], j: { big: 9007199254740992n }, d: 1 }] });
    const rows = (await e.query({ collectionName: 'j', filter: 'id > 0', outputFields: ['j', 'd'] })).rows;
    expect(rows.map((r) => [(r.j as { big: bigint }).big, (r.$meta as { d: unknown }).d])).toEqual([[9007199254740993n, 9007199254740993n], [9007199254740992n, 1]]);
    const ids = async (filter: string) => (await e.query({ collectionName: 'j', filter, outputFields: ['id'] })).rows.map((r) => r.id);
    expect(await ids("j['big'] == 9007199254740993")).toEqual([1n]);
    expect(await ids("j['big'] == 9007199254740992")).toEqual([2n]);
    expect(await ids('d == 9007199254740993')).toEqual([1n]);
    expect(await ids("array_length(j['nope']) == 0")).toEqual([1n, 2n]);
    expect(await ids("j['nope'] == [1, 2]")).toEqual([]);
    expect(await ids("j['nope'] != [1, 2]")).toEqual([]);
    expect(await ids("j['arr'] == [1, 2]")).toEqual([1n]);
    await expect(e.insert({ collectionName: 'j', rows: [{ id: 3, v: [0, 0], j: {}, $meta: { $meta: 1 } }] })).rejects.toMatchObject({ code: 65535, message: 'cannot set json key to: $meta' });
    await expect(e.insert({ collectionName: 'j', rows: [{ id: 3, v: [0, 0], j: {}, $meta: { v: 1 } }] })).rejects.toMatchObject({
      code: 65535,
      message: 'dynamic field name cannot include the static field name: v',
    });
  });
});
