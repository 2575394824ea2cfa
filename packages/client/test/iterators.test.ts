import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataType, MilvusClient } from '../src/index.js';
import { TRANSPORTS, clientFor, rejection, type TransportKind } from './helpers.js';

/**
 * `MilvusClient.queryIterator`, `searchIterator` and range search (`params.radius` /
 * `params.range_filter`) over gRPC and RESTful v2. 61 rows with shuffled keys in two partitions,
 * sealed segments of 20 and a growing one; every fourth row has the query's vector (tied scores).
 */
const collection_name = 'iter';
const TOTAL = 61;
const DIM = 3;
let seed = 17;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const keys = Array.from({ length: TOTAL }, (_, i) => i * 7 + 5);
for (let i = keys.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [keys[i], keys[j]] = [keys[j]!, keys[i]!];
}
const q = [0.5, 0.25, -1];
const rows = keys.map((id, i) => ({ id, v: i % 4 === 0 ? q : Array.from({ length: DIM }, () => random() * 2 - 1) }));
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const ties = rows.filter((r) => r.v === q).length;

describe.each(TRANSPORTS)('MilvusClient iterators and range search over %s', (kind: TransportKind) => {
  let server: RunningServer;
  let client: MilvusClient;

  beforeAll(async () => {
    server = await startServer({ port: 0, segmentMaxRows: 20 });
    client = clientFor(kind, server, { token: 'root:Milvus' });
    await client.createCollection({
      collection_name,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'v', data_type: DataType.FloatVector, dim: DIM },
      ],
    });
    await client.createPartition({ collection_name, partition_name: 'p' });
    await client.createIndex({ collection_name, field_name: 'v', index_type: 'HNSW', metric_type: 'IP', params: { M: 8, efConstruction: 64 } });
    await client.loadCollection({ collection_name });
    await client.insert({ collection_name, partition_name: 'p', data: rows.slice(0, 30) });
    await client.insert({ collection_name, data: rows.slice(30, 60) });
    await client.insert({ collection_name, partition_name: 'p', data: rows.slice(60) });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  for (const batchSize of [1, 7, TOTAL, TOTAL + 9]) {
    it(`queryIterator and searchIterator give every row once, in order (batchSize ${batchSize})`, async () => {
      const seen: string[] = [];
      for await (const batch of client.queryIterator({ collection_name, batchSize, output_fields: ['id'] })) {
        expect(batch.length).toBeLessThanOrEqual(batchSize);
        seen.push(...batch.map((r) => String(r.id)));
      }
      expect(seen).toEqual([...keys].sort((a, b) => a - b).map(String));
      const hits: { id: unknown; score: number }[] = [];
      for await (const batch of await client.searchIterator({ collection_name, data: q, batchSize })) {
        expect(batch.length).toBeLessThanOrEqual(batchSize);
        hits.push(...batch);
      }
      expect(hits.map((h) => String(h.id)).sort()).toEqual(keys.map(String).sort());
      for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
      const byScore = [...rows].filter((r) => r.v !== q).sort((a, b) => dot(b.v, q) - dot(a.v, q));
      expect(hits.slice(ties).map((h) => String(h.id))).toEqual(byScore.map((r) => String(r.id)));
    });
  }

  it('iterators stop at their limit and keep the filter', async () => {
    const seen: string[] = [];
    for await (const batch of client.queryIterator({ collection_name, batchSize: 4, limit: 10, filter: 'id > 100' })) seen.push(...batch.map((r) => String(r.id)));
    expect(seen).toEqual(keys.filter((k) => k > 100).sort((a, b) => a - b).slice(0, 10).map(String));
    let n = 0;
    for await (const batch of client.searchIterator({ collection_name, data: q, batchSize: 4, limit: 10, filter: 'id > 100' })) {
      expect(batch.every((h) => Number(h.id) > 100)).toBe(true);
      n += batch.length;
    }
    expect(n).toBe(10);
    let all = 0;
    for await (const batch of client.searchIterator({ collection_name, data: q, batchSize: 16, limit: -1 })) all += batch.length;
    expect(all).toBe(TOTAL);
    expect((await rejection(client.searchIterator({ collection_name, data: [q, q], batchSize: 4 }).next())).code).toBe(1100);
  });

  it('range search keeps radius < score <= range_filter for IP, best first', async () => {
    const scored = rows.map((r) => ({ id: String(r.id), s: dot(r.v, q) })).sort((a, b) => b.s - a.s);
    const radius = (scored[40]!.s + scored[41]!.s) / 2;
    const range_filter = (scored[20]!.s + scored[21]!.s) / 2;
    const res = await client.search({ collection_name, data: q, limit: 100, params: { radius, range_filter } });
    expect((res.results as { id: unknown }[]).map((h) => String(h.id))).toEqual(scored.slice(21, 41).map((r) => r.id));
    const err = await rejection(client.search({ collection_name, data: q, limit: 10, params: { radius: 0.5, range_filter: 0.1 } }));
    expect({ code: err.code, reason: err.reason }).toEqual({ code: 1100, reason: 'range_filter must be greater than radius for IP/COSINE, range_filter:0.100000, radius:0.500000: invalid parameter' });
  });
});
