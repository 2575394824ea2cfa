import { MilvusError, normalizeField } from '@mvkit/core';
import { describe, expect, it } from 'vitest';
import { Engine } from '../src/index.js';
import { seededRandom } from './random.js';

const DIM = 8;
const ref = { collectionName: 'ranges' };
const PER_PARTITION = 900;

type Metric = 'L2' | 'IP' | 'COSINE';

/** An engine with partitions A and B of 900 rows each, sealed in segments of 300 (the last ones growing). */
async function collectionOf(metric: Metric, indexType: 'FLAT' | 'HNSW', seed: number) {
  const e = new Engine({ segmentMaxRows: 300 });
  e.createCollection({
    ...ref,
    fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true },
      { name: 'year', data_type: 'Int32' },
      { name: 'v', data_type: 'FloatVector', dim: DIM },
    ].map(normalizeField),
  });
  e.createIndex({ ...ref, fieldName: 'v', params: [{ key: 'index_type', value: indexType }, { key: 'metric_type', value: metric }, { key: 'params', value: '{"M":8,"efConstruction":64}' }] });
  e.createPartition({ ...ref, partitionName: 'A' });
  e.createPartition({ ...ref, partitionName: 'B' });
  e.loadCollection(ref);
  const random = seededRandom(seed);
  const rows = Array.from({ length: 2 * PER_PARTITION + 50 }, (_, i) => ({ id: BigInt(i), year: 1900 + (i % 100), v: Array.from({ length: DIM }, () => random() * 2 - 1) }));
  await e.insert({ ...ref, partitionName: 'A', rows: rows.slice(0, PER_PARTITION) });
  await e.insert({ ...ref, partitionName: 'B', rows: rows.slice(PER_PARTITION, 2 * PER_PARTITION) });
  await e.indexBuilder.drain();
  // 50 more rows stay in growing segments.
  await e.insert({ ...ref, partitionName: 'A', rows: rows.slice(2 * PER_PARTITION, 2 * PER_PARTITION + 25) });
  await e.insert({ ...ref, partitionName: 'B', rows: rows.slice(2 * PER_PARTITION + 25) });
  const queries = Array.from({ length: 4 }, () => Array.from({ length: DIM }, () => random() * 2 - 1));
  return { e, rows, queries };
}

/** The exact score of the metric (independent code, in doubles). */
function exactScore(metric: Metric, a: readonly number[], b: readonly number[]): number {
  let dot = 0, na = 0, nb = 0, l2 = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
    l2 += (a[i]! - b[i]!) ** 2;
  }
  return metric === 'L2' ? l2 : metric === 'IP' ? dot : dot / Math.sqrt(na * nb);
}

/** Scores closer than this to a bound may fall either side of it in float32; the check leaves them out. */
const EDGE = 1e-4;

describe('range search (radius, range_filter) against a brute-force filter of exact scores', () => {
  for (const indexType of ['FLAT', 'HNSW'] as const) {
    for (const metric of ['L2', 'IP', 'COSINE'] as const) {
      it(`${metric} on ${indexType}: every hit in the range, best first, with a filter and a partition, growing and sealed segments`, async () => {
        const { e, rows, queries } = await collectionOf(metric, indexType, metric.length * 7 + indexType.length);
        const smaller = metric === 'L2';
        for (const q of queries) {
          const scored = rows.map((r) => ({ id: r.id, year: r.year, inA: r.id < PER_PARTITION || (r.id >= 2 * PER_PARTITION && r.id < 2 * PER_PARTITION + 25), s: exactScore(metric, q, r.v) }));
          const byId = new Map(scored.map((r) => [r.id, r]));
          const order = [...scored].sort((a, b) => (smaller ? a.s - b.s : b.s - a.s));
          // A band from the 30th to the 400th best: range_filter excludes the best ones, radius the far ones.
          const rangeFilter = order[30]!.s;
          const radius = order[400]!.s;
          const inBand = (s: number) => (smaller ? rangeFilter <= s && s < radius : radius < s && s <= rangeFilter);
          const nearEdge = (s: number) => Math.abs(s - rangeFilter) < EDGE || Math.abs(s - radius) < EDGE;
          /** Checks the hits against the pool's band; returns the ids surely in it. */
          const check = (hits: { pk: unknown; score: number }[], pool: typeof scored, limit: number) => {
            for (const h of hits) {
              const s = byId.get(h.pk as bigint)!.s;
              expect(nearEdge(s) || inBand(s), `row ${h.pk} (score ${s}) is out of range`).toBe(true);
              expect(Math.abs(h.score - s)).toBeLessThan(1e-4);
            }
            for (let i = 1; i < hits.length; i++) expect(smaller ? hits[i]!.score >= hits[i - 1]!.score : hits[i]!.score <= hits[i - 1]!.score).toBe(true);
            const sure = pool.filter((r) => inBand(r.s) && !nearEdge(r.s)).map((r) => r.id);
            const got = new Set(hits.map((h) => h.pk));
            if (limit >= pool.filter((r) => inBand(r.s) || nearEdge(r.s)).length) {
              expect(sure.filter((id) => !got.has(id)), 'rows in range not found').toEqual([]);
            } else expect(hits.length).toBe(limit);
          };
          // All of the band (limit above its size).
          const all = await e.search({ ...ref, vectors: [q], limit: 1000, radius, rangeFilter, ef: 64 });
          check(all.hits[0]!, scored, 1000);
          // A limit below the band's size gives its best hits.
          const top = await e.search({ ...ref, vectors: [q], limit: 50, radius, rangeFilter, ef: 64 });
          check(top.hits[0]!, scored, 50);
          const bestIds = order.filter((r) => inBand(r.s)).slice(0, 45).map((r) => r.id);
          const topIds = new Set(top.hits[0]!.map((h) => h.pk));
          expect(bestIds.filter((id) => !topIds.has(id)).length).toBeLessThanOrEqual(2);
          // A filter and one partition.
          const pool = scored.filter((r) => r.inA && r.year > 1950);
          const some = await e.search({ ...ref, vectors: [q], limit: 1000, radius, rangeFilter, filter: 'year > 1950', partitionNames: ['A'], ef: 64 });
          check(some.hits[0]!, pool, 1000);
          expect(some.hits[0]!.every((h) => pool.some((r) => r.id === h.pk))).toBe(true);
          // Radius alone: everything better than it.
          const open = await e.search({ ...ref, vectors: [q], limit: 16384, radius, ef: 64 });
          const openWant = scored.filter((r) => (smaller ? r.s < radius - EDGE : r.s > radius + EDGE)).length;
          expect(open.hits[0]!.length).toBeGreaterThanOrEqual(openWant);
          expect(open.hits[0]!.length).toBeLessThanOrEqual(openWant + 2);
        }
      });
    }
  }

  it('HAMMING on BIN_FLAT and IP on SPARSE_INVERTED_INDEX keep the range too (integer distances: the bounds are exact)', async () => {
    const random = seededRandom(41);
    const bin = new Engine({ segmentMaxRows: 100 });
    bin.createCollection({ collectionName: 'bin', fields: [{ name: 'id', data_type: 'Int64', is_primary_key: true }, { name: 'bits', data_type: 'BinaryVector', dim: 32 }].map(normalizeField) });
    bin.createIndex({ collectionName: 'bin', fieldName: 'bits', params: [{ key: 'index_type', value: 'BIN_FLAT' }, { key: 'metric_type', value: 'HAMMING' }] });
    bin.loadCollection({ collectionName: 'bin' });
    const bytes = Array.from({ length: 250 }, () => Array.from({ length: 4 }, () => Math.floor(random() * 256)));
    await bin.insert({ collectionName: 'bin', rows: bytes.map((b, i) => ({ id: i, bits: b })) });
    await bin.indexBuilder.drain();
    const probe = [0x0f, 0xf0, 0x55, 0xaa];
    const popcount = (x: number) => x.toString(2).split('').filter((c) => c === '1').length;
    const hamming = (b: number[]) => b.reduce((s, x, i) => s + popcount(x ^ probe[i]!), 0);
    const want = bytes.map((b, i) => ({ id: BigInt(i), d: hamming(b) })).filter((r) => r.d >= 12 && r.d < 16);
    expect(want.length).toBeGreaterThan(20);
    const got = (await bin.search({ collectionName: 'bin', vectors: [new Uint8Array(probe)], limit: 16384, radius: 16, rangeFilter: 12 })).hits[0]!;
    expect(got.map((h) => h.pk).sort()).toEqual(want.map((r) => r.id).sort());
    expect(got.every((h, i) => i === 0 || h.score >= got[i - 1]!.score)).toBe(true);

    const sparse = new Engine({ segmentMaxRows: 100 });
    sparse.createCollection({ collectionName: 'sp', fields: [{ name: 'id', data_type: 'Int64', is_primary_key: true }, { name: 'sv', data_type: 'SparseFloatVector' }].map(normalizeField) });
    sparse.createIndex({ collectionName: 'sp', fieldName: 'sv', params: [{ key: 'index_type', value: 'SPARSE_INVERTED_INDEX' }, { key: 'metric_type', value: 'IP' }] });
    sparse.loadCollection({ collectionName: 'sp' });
    // Values are multiples of 1/4 on a few terms, so inner products are exact.
    const dicts = Array.from({ length: 250 }, () => Object.fromEntries(Array.from({ length: 3 }, () => [String(Math.floor(random() * 8)), Math.ceil(random() * 4) / 4])));
    await sparse.insert({ collectionName: 'sp', rows: dicts.map((sv, i) => ({ id: i, sv })) });
    await sparse.indexBuilder.drain();
    const query = { '1': 1, '3': 0.5, '6': 0.25 } as Record<string, number>;
    const ipOf = (d: Record<string, number>) => Object.entries(d).reduce((s, [k, v]) => s + v * (query[k] ?? 0), 0);
    const inRange = dicts.map((d, i) => ({ id: BigInt(i), s: ipOf(d) })).filter((r) => r.s > 0.5 && r.s <= 1);
    expect(inRange.length).toBeGreaterThan(20);
    const hits = (await sparse.search({ collectionName: 'sp', vectors: [query], limit: 16384, radius: 0.5, rangeFilter: 1 })).hits[0]!;
    expect(hits.map((h) => h.pk).sort()).toEqual(inRange.map((r) => r.id).sort());
  });

  it('takes radius and range_filter as decimal strings (flat gRPC search params), and a lone range_filter is no range search', async () => {
    const { e, queries } = await collectionOf('L2', 'FLAT', 3);
    const plain = await e.search({ ...ref, vectors: [queries[0]!], limit: 10 });
    expect((await e.search({ ...ref, vectors: [queries[0]!], limit: 10, rangeFilter: 100 })).hits).toEqual(plain.hits);
    const cut = plain.hits[0]![4]!.score;
    const ranged = await e.search({ ...ref, vectors: [queries[0]!], limit: 10, radius: String(cut), rangeFilter: '0' });
    expect(ranged.hits[0]!.map((h) => h.pk)).toEqual(plain.hits[0]!.slice(0, 4).map((h) => h.pk));
  });

  it('refuses what Milvus refuses, with its codes and messages', async () => {
    const { e, queries } = await collectionOf('L2', 'FLAT', 5);
    const fail = (input: { radius?: unknown; rangeFilter?: unknown }) =>
      e.search({ ...ref, vectors: [queries[0]!], limit: 10, ...input }).then(() => undefined, (err: MilvusError) => ({ code: err.code, reason: err.reason }));
    expect(await fail({ radius: 1, rangeFilter: 1 })).toEqual({ code: 1100, reason: 'range_filter must be less than radius for L2/HAMMING/JACCARD, range_filter:1.000000, radius:1.000000: invalid parameter' });
    expect(await fail({ radius: 0.5, rangeFilter: 2.25 })).toEqual({ code: 1100, reason: 'range_filter must be less than radius for L2/HAMMING/JACCARD, range_filter:2.250000, radius:0.500000: invalid parameter' });
    expect(await fail({ radius: null })).toEqual({ code: 1100, reason: 'pass invalid type for radius: invalid parameter' });
    expect(await fail({ radius: 'far' })).toEqual({ code: 1100, reason: 'must pass numpy type for radius: invalid parameter' });
    expect(await fail({ radius: 2, rangeFilter: null })).toEqual({ code: 1100, reason: 'pass invalid type for range_filter: invalid parameter' });
    expect(await fail({ radius: 2, rangeFilter: [0] })).toEqual({ code: 1100, reason: 'must pass numpy type for range_filter: invalid parameter' });
    const ip = await collectionOf('IP', 'HNSW', 6);
    await expect(ip.e.search({ ...ref, vectors: [ip.queries[0]!], limit: 10, radius: 0.8, rangeFilter: 0.2 })).rejects.toMatchObject({
      code: 1100,
      reason: 'range_filter must be greater than radius for IP/COSINE, range_filter:0.200000, radius:0.800000: invalid parameter',
    });
  });
});
