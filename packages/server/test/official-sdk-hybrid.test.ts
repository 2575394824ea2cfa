import { DataType, HttpClient, MilvusClient, RRFRanker, WeightedRanker } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index.js';

/**
 * The official Node SDK's hybrid search against the reference server: `MilvusClient.hybridSearch`
 * over gRPC with `RRFRanker` and `WeightedRanker`, and `HttpClient.hybridSearch` over RESTful v2.
 * Two fields, `a` (IP) and `b` (L2); for a=[1,0] and b=[3,0] the ranks are
 *   a: id1, id2, id3, id4      b: id4 (d 0), id2 (d 4), id1 (d 9), id3 (d 13)
 * so RRF(60) gives id1 1/61 + 1/63, id2 2/62, id4 1/64 + 1/61, id3 1/63 + 1/64.
 */
let server: RunningServer;
let client: MilvusClient;
let http: HttpClient;
const collection_name = 'sdk_hybrid';
const f32 = Math.fround;
const rr = (rank: number) => f32(1 / (60 + rank));
const sum = (x: number, y: number) => f32(x + y);

beforeAll(async () => {
  server = await startServer({ port: 0 });
  client = new MilvusClient({ address: server.address, logLevel: 'error' });
  await client.connectPromise;
  http = new HttpClient({ endpoint: server.restUrl, token: 'root:Milvus' });
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
  await client.closeConnection();
  await server.close();
});

const subs = (limit = 4) => [
  { data: [1, 0], anns_field: 'a', limit },
  { data: [3, 0], anns_field: 'b', limit },
];

describe('official Node SDK hybridSearch (gRPC)', () => {
  it('fuses with RRFRanker: scores, order and output fields', async () => {
    const res = await client.hybridSearch({ collection_name, data: subs(), rerank: RRFRanker(60), limit: 3, output_fields: ['id', 'tag'] });
    expect(res.status.error_code).toBe('Success');
    // Milvus 2.5 returns the primary key as an output field only when asked for; the SDK reads the key from there.
    const bare = await client.hybridSearch({ collection_name, data: subs(), rerank: RRFRanker(60), limit: 1, output_fields: ['tag'] });
    expect(bare.results).toEqual([{ score: sum(rr(1), rr(3)), tag: 'one' }]);
    expect(res.results.map((r) => [r.id, r.tag])).toEqual([['1', 'one'], ['2', 'two'], ['4', 'four']]);
    expect(res.results.map((r) => r.score)).toEqual([sum(rr(1), rr(3)), sum(rr(2), rr(2)), sum(rr(4), rr(1))]);
  });

  it('fuses with WeightedRanker (normalised scores) and pages with offset', async () => {
    const res = await client.hybridSearch({ collection_name, data: subs(), rerank: WeightedRanker([0.7, 0.3]), limit: 4 });
    // id4 0.672208, id2 0.547131, id1 0.546134, id3 0.467972 (see hybrid-search.test.ts)
    expect(res.results.map((r) => r.id)).toEqual(['4', '2', '1', '3']);
    [0.672208, 0.547131, 0.546134, 0.467972].forEach((s, i) => expect(res.results[i]!.score).toBeCloseTo(s, 5));
    const paged = await client.hybridSearch({ collection_name, data: subs(), rerank: WeightedRanker([0.7, 0.3]), limit: 2, offset: 1 });
    expect(paged.results.map((r) => r.id)).toEqual(['2', '1']);
  });

  it('answers one list per query vector when each sub-request has two, and a filter per sub-request', async () => {
    const res = await client.hybridSearch({
      collection_name,
      data: [
        { data: [[1, 0], [0, 1]], anns_field: 'a', limit: 4 },
        { data: [[3, 0], [0, 0]], anns_field: 'b', limit: 4, expr: 'id != 4' },
      ],
      rerank: RRFRanker(),
      limit: 4,
    });
    const lists = res.results as unknown as { id: string }[][];
    expect(lists).toHaveLength(2);
    expect(lists.map((l) => l.map((r) => r.id))).toEqual([['1', '2', '3', '4'], ['1', '2', '3', '4']]);
  });

  it("answers Milvus's errors as a status", async () => {
    const count = await client.hybridSearch({ collection_name, data: subs(), rerank: WeightedRanker([0.5, 0.3, 0.2]), limit: 3 });
    expect([count.status.code, count.status.reason]).toEqual([1100, 'the length of weights param mismatch with ann search requests: invalid parameter[expected=2][actual=3]']);
    const k = await client.hybridSearch({ collection_name, data: subs(), rerank: RRFRanker(0), limit: 3 });
    expect([k.status.code, k.status.reason]).toEqual([65535, 'The rank params k should be in range (0, 16384)']);
    const nq = await client.hybridSearch({ collection_name, data: [subs()[0]!, { data: [[3, 0], [0, 0]], anns_field: 'b', limit: 4 }], rerank: RRFRanker(), limit: 3 });
    expect([nq.status.code, nq.status.reason]).toEqual([1100, 'sub search request nq should be the same: invalid parameter[expected=1][actual=2]']);
  });
});

describe('official Node SDK hybridSearch (RESTful v2, HttpClient)', () => {
  it('fuses with rrf and weighted rerankers; rows carry id, distance and the output fields', async () => {
    const search = [
      { data: [[1, 0]], annsField: 'a', limit: 4 },
      { data: [[3, 0]], annsField: 'b', limit: 4 },
    ];
    const res = await http.hybridSearch({ collectionName: collection_name, search, rerank: { strategy: 'rrf', params: { k: 60 } }, limit: 3, outputFields: ['tag'] } as never);
    expect(res.code).toBe(0);
    const rows = res.data as { id: string; distance: number; tag: string }[];
    expect(rows.map((r) => [r.id, r.tag])).toEqual([['1', 'one'], ['2', 'two'], ['4', 'four']]);
    expect(rows[0]!.distance).toBeCloseTo(sum(rr(1), rr(3)), 7);
    const weighted = await http.hybridSearch({ collectionName: collection_name, search, rerank: { strategy: 'weighted', params: { weights: [0.7, 0.3] } }, limit: 4 } as never);
    expect((weighted.data as { id: string }[]).map((r) => r.id)).toEqual(['4', '2', '1', '3']);
    expect((weighted as { topks?: number[] }).topks).toEqual([4]);
    const paged = await http.hybridSearch({ collectionName: collection_name, search, rerank: { strategy: 'rrf', params: { k: 60 } }, limit: 2, offset: 1 } as never);
    expect((paged.data as { id: string }[]).map((r) => r.id)).toEqual(['2', '4']);
  });

  it('answers entities/advanced_search, the backward-compatible path, as entities/hybrid_search', async () => {
    const body = JSON.stringify({
      collectionName: collection_name,
      search: [
        { data: [[1, 0]], annsField: 'a', limit: 4 },
        { data: [[3, 0]], annsField: 'b', limit: 4 },
      ],
      rerank: { strategy: 'weighted', params: { weights: [0.7, 0.3] } },
      limit: 4,
      outputFields: ['tag'],
    });
    const post = async (path: string) =>
      (await fetch(`${server.restUrl}/v2/vectordb/entities/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer root:Milvus' }, body })).json();
    const advanced = (await post('advanced_search')) as { code: number; data: { id: number }[] };
    expect(advanced.code).toBe(0);
    expect(advanced.data.map((r) => r.id)).toEqual([4, 2, 1, 3]);
    expect(advanced).toEqual(await post('hybrid_search'));
  });

  it("answers Milvus's errors with code and message", async () => {
    const search = [{ data: [[1, 0]], annsField: 'a', limit: 4 }];
    const strategy = await http.hybridSearch({ collectionName: collection_name, search, rerank: { strategy: 'weightedRanker', params: { weights: [1] } }, limit: 3 } as never);
    expect([strategy.code, (strategy as { message?: string }).message]).toEqual([65535, 'unsupported rank type weightedRanker']);
    const noLimit = await http.hybridSearch({ collectionName: collection_name, search, rerank: { strategy: 'rrf', params: { k: 60 } } } as never);
    expect([noLimit.code, (noLimit as { message?: string }).message]).toEqual([65535, 'invalid max query result window, limit [0] is invalid, should be greater than 0']);
    const noTopk = await http.hybridSearch({ collectionName: collection_name, search: [{ data: [[1, 0]], annsField: 'a' }], rerank: { strategy: 'rrf', params: { k: 60 } }, limit: 3 } as never);
    expect([noTopk.code, (noTopk as { message?: string }).message]).toEqual([65535, 'topk [0] is invalid, it should be in range [1, 16384], but got 0']);
    const noRerank = await http.hybridSearch({ collectionName: collection_name, search, limit: 3 } as never);
    expect([noRerank.code, (noRerank as { message?: string }).message]).toEqual([65535, 'unsupported rank type ']);
  });
});
