import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index.js';
import { seededRandom } from './random.js';

/**
 * The official Node SDK 3.0.6's iterators and range search against the reference server (gRPC):
 * `queryIterator` (pages of `<pk> > last` with the batch size as limit), `searchIterator` (search
 * iterator v2: token and last bound) and `search` with `radius` / `range_filter`. 103 rows with
 * shuffled keys in two partitions, over sealed segments of 25 rows and a growing one; every fifth
 * row has the same vector (tied scores).
 */
let server: RunningServer;
let client: MilvusClient;
const collection_name = 'sdk_iterators';
const TOTAL = 103;
const DIM = 4;
const random = seededRandom(29);
const keys = Array.from({ length: TOTAL }, (_, i) => i * 5 + 2);
for (let i = keys.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [keys[i], keys[j]] = [keys[j]!, keys[i]!];
}
const shared = [0.25, 0.5, -0.75, 1];
const rows = keys.map((id, i) => ({ id, v: i % 5 === 1 ? shared : Array.from({ length: DIM }, () => random() * 2 - 1) }));
const sortedKeys = [...keys].sort((a, b) => a - b).map(String);
const l2 = (a: number[], b: number[]) => a.reduce((s, x, i) => s + (x - b[i]!) ** 2, 0);

beforeAll(async () => {
  server = await startServer({ port: 0, segmentMaxRows: 25 });
  client = new MilvusClient({ address: server.address, logLevel: 'error' });
  await client.connectPromise;
  await client.createCollection({
    collection_name,
    fields: [
      { name: 'id', data_type: DataType.Int64, is_primary_key: true },
      { name: 'v', data_type: DataType.FloatVector, dim: DIM },
    ],
  });
  await client.createPartition({ collection_name, partition_name: 'p1' });
  await client.createIndex({ collection_name, field_name: 'v', index_type: 'HNSW', metric_type: 'L2', params: { M: 8, efConstruction: 64 } });
  await client.loadCollection({ collection_name });
  await client.insert({ collection_name, partition_name: 'p1', data: rows.slice(0, 60) });
  await client.insert({ collection_name, data: rows.slice(60, 100) });
  await client.flush({ collection_names: [collection_name] });
  await client.insert({ collection_name, partition_name: 'p1', data: rows.slice(100) });
});
afterAll(async () => {
  await client.closeConnection();
  await server.close();
});

describe('official Node SDK queryIterator', () => {
  for (const batchSize of [1, 7, TOTAL, TOTAL + 50]) {
    it(`returns every row exactly once in key order (batchSize ${batchSize})`, async () => {
      const iterator = await client.queryIterator({ collection_name, batchSize, output_fields: ['id'] });
      const seen: string[] = [];
      for await (const batch of iterator) {
        expect(batch.length).toBeLessThanOrEqual(batchSize);
        seen.push(...batch.map((r: { id: string }) => String(r.id)));
      }
      expect(seen).toEqual(sortedKeys);
    });
  }

  it('stops at its limit and keeps the filter', async () => {
    const iterator = await client.queryIterator({ collection_name, batchSize: 7, limit: 30, filter: 'id > 100', output_fields: ['id'] });
    const seen: string[] = [];
    for await (const batch of iterator) seen.push(...batch.map((r: { id: string }) => String(r.id)));
    expect(seen).toEqual(sortedKeys.filter((k) => Number(k) > 100).slice(0, 30));
    // limit -1 (NO_LIMIT): every row.
    let all = 0;
    for await (const batch of await client.queryIterator({ collection_name, batchSize: 10, limit: -1 })) all += batch.length;
    expect(all).toBe(TOTAL);
  });
});

describe('official Node SDK searchIterator (search iterator v2)', () => {
  const expected = [...rows].sort((a, b) => l2(a.v, shared) - l2(b.v, shared));
  for (const batchSize of [1, 7, TOTAL, TOTAL + 50]) {
    it(`returns every row exactly once, nearest first (batchSize ${batchSize})`, async () => {
      const iterator = await client.searchIterator({ collection_name, data: shared, batchSize, output_fields: ['id'] });
      const got: { id: string; score: number }[] = [];
      for await (const batch of iterator) {
        expect(batch.length).toBeLessThanOrEqual(batchSize);
        got.push(...batch);
      }
      expect(got.map((h) => String(h.id)).sort()).toEqual(rows.map((r) => String(r.id)).sort());
      expect(new Set(got.map((h) => h.id)).size).toBe(TOTAL);
      for (let i = 1; i < got.length; i++) expect(got[i]!.score).toBeGreaterThanOrEqual(got[i - 1]!.score);
      // The 21 rows at distance 0 come first, then the rest by distance.
      expect(got.slice(0, 21).every((h) => h.score === 0)).toBe(true);
      expect(got.slice(21).map((h) => String(h.id))).toEqual(expected.slice(21).map((r) => String(r.id)));
    });
  }

  it('stops at its limit', async () => {
    const iterator = await client.searchIterator({ collection_name, data: shared, batchSize: 7, limit: 30 });
    let n = 0;
    for await (const batch of iterator) n += batch.length;
    expect(n).toBe(30);
  });
});

describe('official Node SDK range search', () => {
  it('returns the rows with range_filter <= distance < radius, nearest first', async () => {
    const distances = rows.map((r) => ({ id: String(r.id), d: l2(r.v, shared) })).sort((a, b) => a.d - b.d);
    const radius = (distances[60]!.d + distances[61]!.d) / 2;
    const rangeFilter = (distances[25]!.d + distances[26]!.d) / 2;
    const res = await client.search({ collection_name, data: shared, limit: 100, params: { radius, range_filter: rangeFilter } });
    expect(res.status.error_code).toBe('Success');
    expect(res.results.map((h: { id: string }) => String(h.id))).toEqual(distances.slice(26, 61).map((d) => d.id));
    const bad = await client.search({ collection_name, data: shared, limit: 10, params: { radius: 1, range_filter: 2 } });
    expect(bad.status).toMatchObject({ code: 1100, reason: 'range_filter must be less than radius for L2/HAMMING/JACCARD, range_filter:2.000000, radius:1.000000: invalid parameter' });
  });
});

describe('official Node SDK iterators with batches above 16384', () => {
  const big = 'sdk_iterators_big';
  const N = 20_000;
  let bigServer: RunningServer;
  let bigClient: MilvusClient;
  beforeAll(async () => {
    bigServer = await startServer({ port: 0 });
    bigClient = new MilvusClient({ address: bigServer.address, logLevel: 'error' });
    await bigClient.connectPromise;
    await bigClient.createCollection({
      collection_name: big,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'v', data_type: DataType.FloatVector, dim: 2 },
      ],
    });
    await bigClient.createIndex({ collection_name: big, field_name: 'v', index_type: 'FLAT', metric_type: 'L2' });
    await bigClient.loadCollection({ collection_name: big });
    // Keys descending as inserted; vectors on a line, so row i is at distance i² from [0, 0].
    const data = Array.from({ length: N }, (_, i) => ({ id: N - i, v: [i, 0] }));
    for (let i = 0; i < N; i += 5000) await bigClient.insert({ collection_name: big, data: data.slice(i, i + 5000) });
  }, 60_000);
  afterAll(async () => {
    await bigClient.closeConnection();
    await bigServer.close();
  });

  it('queryIterator with batchSize 20000 pages by 16384, every key once, ascending', async () => {
    const sizes: number[] = [];
    let expected = 1;
    for await (const batch of await bigClient.queryIterator({ collection_name: big, batchSize: 20_000, output_fields: ['id'] })) {
      sizes.push(batch.length);
      for (const r of batch) expect(Number(r.id)).toBe(expected++);
    }
    expect(sizes).toEqual([16384, N - 16384]);
  }, 60_000);

  it('searchIterator with batchSize 20000 pages by 16384, every row once, nearest first', async () => {
    const sizes: number[] = [];
    let expected = N;
    for await (const batch of await bigClient.searchIterator({ collection_name: big, data: [0, 0], batchSize: 20_000, output_fields: ['id'] })) {
      sizes.push(batch.length);
      for (const h of batch) expect(Number(h.id)).toBe(expected--);
    }
    expect(sizes).toEqual([16384, N - 16384]);
  }, 60_000);
});
