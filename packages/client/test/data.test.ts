import { MilvusError } from '@mvkit/core';
import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MilvusClient } from '../src/index.js';

/**
 * The data-plane methods of MilvusClient over both transports, each against its own reference
 * server prepared the same way; results are compared between the transports at the end.
 */
const TRANSPORTS = ['grpc', 'rest'] as const;
const collection_name = 'library';
const results: Record<string, Record<string, unknown>> = { grpc: {}, rest: {} };

const row = (i: number) => ({ id: i, title: `book ${i}`, year: 1950 + i, vector: [i, 1, 0, 0], genre: i % 2 ? 'poetry' : 'novel' });

describe.each(TRANSPORTS)('data plane over %s', (transport) => {
  let server: RunningServer;
  let client: MilvusClient;
  const seen = results[transport]!;

  beforeAll(async () => {
    server = await startServer({ port: 0 });
    client = new MilvusClient({ address: transport === 'rest' ? server.restUrl : server.address, transport });
    await client.createCollection({
      collection_name,
      enable_dynamic_field: true,
      fields: [
        { name: 'id', data_type: 'Int64', is_primary_key: true },
        { name: 'title', data_type: 'VarChar', max_length: 32 },
        { name: 'year', data_type: 'Int32' },
        { name: 'vector', data_type: 'FloatVector', dim: 4 },
      ],
    });
    await client.createIndex({ collection_name, field_name: 'vector', index_type: 'HNSW', metric_type: 'L2', params: { M: 8, efConstruction: 64 } });
    await client.createPartition({ collection_name, partition_name: 'shelf' });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('inserts and upserts rows and reports their primary keys', async () => {
    const ins = await client.insert({ collection_name, partition_name: 'shelf', data: Array.from({ length: 20 }, (_, i) => row(i)) });
    expect(ins.insert_cnt).toBe('20');
    expect(ins.IDs.int_id?.data).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    const up = await client.upsert({ collection_name, partition_name: 'shelf', data: [{ ...row(3), title: 'rewritten' }] });
    expect(up.upsert_cnt).toBe('1');
    // Index progress counts the segments' rows (the upserted-over row too); growing segments are not indexed (as in Milvus).
    const [idx] = (await client.describeIndex({ collection_name, field_name: 'vector' })).index_descriptions;
    expect([idx!.total_rows, idx!.indexed_rows, idx!.pending_index_rows]).toEqual(['21', '0', '21']);
    seen.insert = { insert_cnt: ins.insert_cnt, IDs: ins.IDs.int_id?.data };
  });

  it('refuses reads before load with code 101', async () => {
    const err = await client.query({ collection_name, filter: 'id > 0' }).catch((e: unknown) => e);
    expect(MilvusError.is(err) && err.code).toBe(101);
    await client.loadCollectionSync({ collection_name });
  });

  it('queries, gets and counts with filters on fields and dynamic keys', async () => {
    const q = await client.query({ collection_name, filter: 'genre == "poetry" and year < 1960', output_fields: ['title', 'genre'] });
    // Query order is unspecified (the upserted row lives in a later position), as in Milvus.
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => Number(a.id) - Number(b.id);
    expect([...q.data].sort(byId)).toEqual([1, 3, 5, 7, 9].map((i) => ({ id: String(i), title: i === 3 ? 'rewritten' : `book ${i}`, genre: 'poetry' })));
    const got = await client.get({ collection_name, ids: [2, 4, 99], output_fields: ['year'] });
    expect(got.data).toEqual([
      { id: '2', year: 1952 },
      { id: '4', year: 1954 },
    ]);
    const counted = await client.count({ collection_name, filter: 'year >= 1960' });
    expect(counted.data).toBe(10);
    seen.query = [...q.data].sort(byId);
    seen.get = got.data;
    seen.count = counted.data;
  });

  it('searches one and several vectors with limit, filter and output fields', async () => {
    const one = await client.search({ collection_name, data: [4.2, 1, 0, 0], limit: 3, output_fields: ['title'] });
    const hits = one.results as { id: string; score: number; title: string }[];
    expect(hits.map((h) => h.id)).toEqual(['4', '5', '3']);
    expect(hits[0]!.score).toBeCloseTo(0.04, 4);
    expect(hits[2]!.title).toBe('rewritten');
    const two = await client.search({ collection_name, data: [[0, 1, 0, 0], [19, 1, 0, 0]], limit: 2, filter: 'genre == "novel"', output_fields: ['genre'] });
    const lists = two.results as { id: string; genre: string }[][];
    expect(lists.map((l) => l.map((h) => h.id))).toEqual([['0', '2'], ['18', '16']]);
    expect(lists.flat().every((h) => h.genre === 'novel')).toBe(true);
    seen.search = hits.map((h) => ({ id: h.id, score: h.score.toFixed(4), title: h.title }));
  });

  it('deletes by filter and by ids, and the rows stay gone', async () => {
    const byFilter = await client.delete({ collection_name, filter: 'id in [0, 1]' });
    expect(byFilter.delete_cnt).toBe('2');
    await client.delete({ collection_name, ids: [2] });
    const left = await client.count({ collection_name, filter: 'id < 5' });
    expect(left.data).toBe(2);
    // Deleted rows stay counted, as in Milvus until a compaction: 20 inserted + 1 upserted.
    const stats = await client.getCollectionStatistics({ collection_name });
    expect(stats.data.row_count).toBe('21');
    seen.afterDelete = stats.data.row_count;
  });

  it('reports bad filters (1100) and wrong dimensions as Milvus does on each API', async () => {
    const bad = await client.query({ collection_name, filter: 'title ==== 1' }).catch((e: unknown) => e);
    expect(MilvusError.is(bad) && bad.code).toBe(1100);
    const dim = await client.search({ collection_name, data: [1, 2], limit: 1 }).catch((e: unknown) => e);
    // Milvus checks the vector against the schema in different places: segcore when it parses the
    // query vectors for gRPC (2000), the REST handler's JSON decoding for RESTful v2 (1801, handler_v2.go).
    if (transport === 'grpc') {
      expect(MilvusError.is(dim) && [dim.code, dim.reason]).toEqual([2000, 'vector dimension mismatch, expected vector size(byte) 16, actual 8.: segcore error']);
    } else {
      expect(MilvusError.is(dim) && dim.code).toBe(1801);
      expect(MilvusError.is(dim) && dim.reason).toMatch(/^can only accept json format request, error: dimension: 4, but length of \[\]float: 2/);
    }
  });
});

describe('data plane results', () => {
  it('are identical over gRPC and REST', () => {
    expect(results.rest).toEqual(results.grpc);
    expect(Object.keys(results.grpc!)).toEqual(['insert', 'query', 'get', 'count', 'search', 'afterDelete']);
  });
});
