import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataType, MilvusClient, RRFRanker, WeightedRanker } from '../src/index.js';
import { TRANSPORTS, clientFor, rejection, type TransportKind } from './helpers.js';

/**
 * `MilvusClient.hybridSearch` over gRPC and RESTful v2. Two fields, `a` (IP) and `b` (L2); for
 * a=[1,0] and b=[3,0] the ranks are a: 1, 2, 3, 4 and b: 4 (d 0), 2 (d 4), 1 (d 9), 3 (d 13), so
 * RRF(60) orders 1, 2, 4, 3 and WeightedRanker([0.7, 0.3]) 4, 2, 1, 3.
 */
const collection_name = 'hybrid';
const f32 = Math.fround;
const rr = (rank: number) => f32(1 / (60 + rank));

describe.each(TRANSPORTS)('MilvusClient.hybridSearch over %s', (kind: TransportKind) => {
  let server: RunningServer;
  let client: MilvusClient;

  beforeAll(async () => {
    server = await startServer({ port: 0 });
    client = clientFor(kind, server, { token: 'root:Milvus' });
    await client.createCollection({
      collection_name,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'tag', data_type: DataType.VarChar, max_length: 16 },
        { name: 'a', data_type: DataType.FloatVector, dim: 2 },
        { name: 'b', data_type: DataType.FloatVector, dim: 2 },
      ],
    });
    await client.createIndex({ collection_name, field_name: 'a', index_type: 'FLAT', metric_type: 'IP' });
    await client.createIndex({ collection_name, field_name: 'b', index_type: 'FLAT', metric_type: 'L2' });
    await client.insert({
      collection_name,
      data: [
        { id: 1, tag: 'one', a: [1, 0], b: [0, 0] },
        { id: 2, tag: 'two', a: [0.8, 0], b: [1, 0] },
        { id: 3, tag: 'three', a: [0.5, 0], b: [0, 2] },
        { id: 4, tag: 'four', a: [0.1, 0], b: [3, 0] },
      ],
    });
    await client.loadCollection({ collection_name });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  const subs = [
    { data: [1, 0], anns_field: 'a', limit: 4 },
    { data: [3, 0], anns_field: 'b', limit: 4 },
  ];

  it('fuses with RRFRanker (the default) and WeightedRanker, pages, and projects the output fields', async () => {
    const rrf = await client.hybridSearch({ collection_name, data: subs, limit: 3, output_fields: ['tag'] });
    // RESTful v2 writes scores as float32 in their shortest form (0.03226646): compared as float32.
    const asF32 = (rows: unknown) => (rows as { score: number }[]).map((h) => ({ ...h, score: f32(h.score) }));
    expect(asF32(rrf.results)).toEqual([
      { score: f32(rr(1) + rr(3)), id: '1', tag: 'one' },
      { score: f32(rr(2) + rr(2)), id: '2', tag: 'two' },
      { score: f32(rr(4) + rr(1)), id: '4', tag: 'four' },
    ]);
    expect(asF32((await client.hybridSearch({ collection_name, data: subs, rerank: RRFRanker(1), limit: 1, output_fields: ['tag'] })).results)).toEqual([{ score: 0.75, id: '1', tag: 'one' }]);
    const weighted = await client.hybridSearch({ collection_name, data: subs, rerank: WeightedRanker([0.7, 0.3]), limit: 4, output_fields: ['tag'] });
    const hits = weighted.results as { id: string; score: number }[];
    expect(hits.map((h) => h.id)).toEqual(['4', '2', '1', '3']);
    expect(hits[0]!.score).toBeCloseTo(0.672208, 5);
    const raw = await client.hybridSearch({ collection_name, data: subs, rerank: WeightedRanker([0.7, 0.3], false), limit: 1, output_fields: ['tag'] });
    expect((raw.results as { id: string; score: number }[]).map((h) => [h.id, Number(h.score.toFixed(4))])).toEqual([['3', 4.25]]);
    const paged = await client.hybridSearch({ collection_name, data: subs, limit: 2, offset: 1, output_fields: ['tag'] });
    expect((paged.results as { id: string }[]).map((h) => h.id)).toEqual(['2', '4']);
  });

  it('answers one list per query vector and applies a filter per sub-search', async () => {
    const res = await client.hybridSearch({
      collection_name,
      data: [
        { data: [[1, 0], [0, 1]], anns_field: 'a', limit: 4 },
        { data: [[3, 0], [0, 0]], anns_field: 'b', limit: 4, filter: 'id != 4' },
      ],
      limit: 4,
      output_fields: ['tag'],
    });
    const lists = res.results as { id: string }[][];
    expect(lists.map((l) => l.map((h) => h.id))).toEqual([['1', '2', '3', '4'], ['1', '2', '3', '4']]);
  });

  it("throws Milvus's errors", async () => {
    expect(await rejection(client.hybridSearch({ collection_name, data: subs, rerank: WeightedRanker([0.5]), limit: 3 }))).toMatchObject({
      code: 1100,
      reason: 'the length of weights param mismatch with ann search requests: invalid parameter[expected=2][actual=1]',
    });
    expect(await rejection(client.hybridSearch({ collection_name, data: subs, rerank: { strategy: 'bm25', params: {} }, limit: 3 }))).toMatchObject({ code: 65535, reason: 'unsupported rank type bm25' });
    expect(await rejection(client.hybridSearch({ collection_name, data: subs, limit: 16384, offset: 1 }))).toMatchObject({
      code: 65535,
      reason: 'invalid max query result window, (offset+limit) should be in range [1, 16384], but got 16385',
    });
  });
});
