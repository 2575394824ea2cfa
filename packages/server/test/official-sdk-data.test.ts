import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { roundToHalf } from '@mvkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine, startServer, type RunningServer } from '../src/index.js';

/**
 * The official Node SDK's data-plane calls against the reference server over gRPC: insert,
 * upsert, delete, flush, query, get, search and statistics, with the SDK's own request encoding
 * and result decoding.
 */
let server: RunningServer;
let client: MilvusClient;
const collection_name = 'sdk_data';

beforeAll(async () => {
  server = await startServer({ port: 0, engine: new Engine({ segmentMaxRows: 50 }) });
  client = new MilvusClient({ address: server.address, logLevel: 'error' });
  await client.connectPromise;
  const created = await client.createCollection({
    collection_name,
    enable_dynamic_field: true,
    fields: [
      { name: 'book_id', data_type: DataType.Int64, is_primary_key: true },
      { name: 'title', data_type: DataType.VarChar, max_length: 64 },
      { name: 'year', data_type: DataType.Int16 },
      { name: 'tags', data_type: DataType.Array, element_type: DataType.Int64, max_capacity: 4 },
      { name: 'info', data_type: DataType.JSON },
      { name: 'vec', data_type: DataType.FloatVector, dim: 4 },
    ],
  });
  expect(created.error_code).toBe('Success');
  await client.createIndex({ collection_name, field_name: 'vec', index_type: 'HNSW', metric_type: 'L2', params: { M: 8, efConstruction: 64 } });
  await client.createPartition({ collection_name, partition_name: 'novel' });
});
afterAll(async () => {
  await client.closeConnection();
  await server.close();
});

const row = (i: number) => ({
  book_id: i,
  title: `book ${i}`,
  year: 1900 + i,
  tags: [i, i + 1],
  info: { pages: i * 10 },
  vec: [i, 0, 0, 0],
  shelf: `s${i % 3}`,
});

describe('official Node SDK data plane against the reference server', () => {
  it('describes a dynamic collection as Milvus does: $meta is not listed, enable_dynamic_field is set', async () => {
    const d = await client.describeCollection({ collection_name });
    expect(d.schema.fields.map((f) => f.name)).toEqual(['book_id', 'title', 'year', 'tags', 'info', 'vec']);
    expect(d.schema.enable_dynamic_field).toBe(true);
  });

  it('inserts rows (with dynamic keys) into a partition and reports the ids', async () => {
    const res = await client.insert({ collection_name, partition_name: 'novel', data: Array.from({ length: 120 }, (_, i) => row(i)) });
    expect(res.status.error_code).toBe('Success');
    expect(res.insert_cnt).toBe('120');
    expect(res.IDs.int_id?.data.slice(0, 3)).toEqual(['0', '1', '2']);
    const stats = await client.getPartitionStatistics({ collection_name, partition_name: 'novel' });
    expect(stats.data.row_count).toBe('120');
  });

  it('refuses search before load with code 101, then searches the loaded collection', async () => {
    const before = await client.search({ collection_name, data: [1, 0, 0, 0], limit: 3 });
    expect(before.status.code).toBe(101);
    await client.loadCollectionSync({ collection_name });
    // As Milvus 2.5, the primary key is among a search's output fields only when asked for; this
    // SDK takes a hit's ID from them, so without it the hits carry none (as against Milvus 2.5).
    const bare = await client.search({ collection_name, data: [10.2, 0, 0, 0], limit: 3, output_fields: ['title'] });
    expect(bare.results.map((r) => [r.book_id, r.title])).toEqual([[undefined, 'book 10'], [undefined, 'book 11'], [undefined, 'book 9']]);
    const res = await client.search({ collection_name, data: [10.2, 0, 0, 0], limit: 3, output_fields: ['book_id', 'title', 'shelf', 'info', 'tags'] });
    expect(res.status.error_code).toBe('Success');
    expect(res.results.map((r) => r.book_id)).toEqual(['10', '11', '9']);
    expect(res.results[0]).toMatchObject({ title: 'book 10', shelf: 's1', info: { pages: 100 }, tags: ['10', '11'] });
    expect(res.results[0]!.score).toBeCloseTo(0.04, 4);
  });

  it('searches several vectors with a filter and partition names', async () => {
    const res = await client.search({
      collection_name,
      partition_names: ['novel'],
      data: [
        [0, 0, 0, 0],
        [100, 0, 0, 0],
      ],
      filter: 'year >= 1950 and shelf == "s0"',
      limit: 2,
      output_fields: ['book_id', 'year'],
    });
    expect(res.results).toHaveLength(2);
    expect((res.results[0] as { book_id: string }[]).map((r) => r.book_id)).toEqual(['51', '54']);
    expect((res.results[1] as { book_id: string }[]).map((r) => r.book_id)).toEqual(['99', '102']);
  });

  it('queries with filters, output fields, limit/offset, count(*) and get by ids', async () => {
    const q = await client.query({ collection_name, filter: 'info["pages"] < 30', output_fields: ['title', 'info'] });
    expect(q.data).toEqual([
      { book_id: '0', title: 'book 0', info: { pages: 0 } },
      { book_id: '1', title: 'book 1', info: { pages: 10 } },
      { book_id: '2', title: 'book 2', info: { pages: 20 } },
    ]);
    const paged = await client.query({ collection_name, filter: 'book_id > 10', output_fields: ['book_id'], limit: 2, offset: 3 });
    expect(paged.data.map((r) => r.book_id)).toEqual(['14', '15']);
    const count = await client.count({ collection_name, expr: 'array_contains(tags, 5)' });
    expect(count.data).toBe(2);
    const got = await client.get({ collection_name, ids: ['7', '300'], output_fields: ['title'] });
    expect(got.data).toEqual([{ book_id: '7', title: 'book 7' }]);
  });

  it('upserts, deletes, flushes and keeps statistics right', async () => {
    const up = await client.upsert({ collection_name, data: [{ ...row(5), title: 'rewritten' }] });
    expect(up.upsert_cnt).toBe('1');
    const del = await client.delete({ collection_name, filter: 'book_id in [1, 2, 3]' });
    expect(del.delete_cnt).toBe('3');
    const flushed = await client.flushSync({ collection_names: [collection_name] });
    expect(flushed.status.error_code).toBe('Success');
    const stats = await client.getCollectionStatistics({ collection_name });
    // 120 rows inserted and 1 upserted: deleted and replaced rows stay counted, as in Milvus until a compaction.
    expect(stats.data.row_count).toBe('121');
    const q = await client.query({ collection_name, filter: 'book_id in [1, 5]', output_fields: ['title'] });
    expect(q.data).toEqual([{ book_id: '5', title: 'rewritten' }]);
  });

  it('describes each index with the parameters it was created with, and how many rows it covers', async () => {
    await server.engine.indexBuilder.drain();
    const { index_descriptions } = await client.describeIndex({ collection_name, field_name: 'vec' });
    const params = Object.fromEntries(index_descriptions[0]!.params.map((p) => [p.key, p.value]));
    expect(params).toEqual({ index_type: 'HNSW', metric_type: 'L2', params: '{"M":8,"efConstruction":64}' });
    expect(index_descriptions[0]).toMatchObject({ total_rows: '121', indexed_rows: '121', pending_index_rows: '0', state: 'Finished' });
  });

  it('gets Milvus errors for bad filters and wrong dimensions, and the server keeps serving', async () => {
    const bad = await client.query({ collection_name, filter: 'title ==== 3', output_fields: ['title'] });
    expect(bad.status.code).toBe(1100);
    const dim = await client.insert({ collection_name, data: [{ ...row(999), vec: [1, 2] }] });
    expect(dim.status.code).not.toBe(0);
    expect((await client.hasCollection({ collection_name })).value).toBe(true);
  });
});

describe('official Node SDK: nullable fields and default values', () => {
  it('inserts nulls and absent values, which come back as null or as the default, and filters on is null', async () => {
    const name = 'sdk_nullable';
    const created = await client.createCollection({
      collection_name: name,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'v', data_type: DataType.FloatVector, dim: 2 },
        { name: 'f', data_type: DataType.Float, nullable: true },
        { name: 'd', data_type: DataType.Int64, default_value: 7 },
        { name: 's', data_type: DataType.VarChar, max_length: 10, nullable: true, default_value: 'x' },
      ],
    });
    expect(created.error_code).toBe('Success');
    const described = await client.describeCollection({ collection_name: name });
    const byName = Object.fromEntries(described.schema.fields.map((f) => [f.name, f]));
    expect([byName.f!.nullable, byName.d!.nullable, byName.s!.nullable]).toEqual([true, false, true]);
    expect([byName.d!.default_value, byName.s!.default_value]).toEqual(['7', 'x']);
    const rows = Array.from({ length: 10 }, (_, i) => ({ id: i, v: [i, 1], f: i % 2 ? null : i / 2, ...(i % 3 ? { d: i } : {}), s: i % 4 ? `s${i}` : null }));
    const inserted = await client.insert({ collection_name: name, data: rows });
    expect(inserted.status.error_code).toBe('Success');
    expect(Number(inserted.insert_cnt)).toBe(10);
    await client.createIndex({ collection_name: name, field_name: 'v', index_type: 'FLAT', metric_type: 'L2' });
    await client.loadCollectionSync({ collection_name: name });
    const all = await client.query({ collection_name: name, filter: 'id >= 0', output_fields: ['f', 'd', 's'] });
    const got = [...all.data].sort((a, b) => Number(a.id) - Number(b.id)).map((r) => [Number(r.id), r.f, String(r.d), r.s]);
    expect(got).toEqual(rows.map((r, i) => [i, r.f, String(i % 3 ? i : 7), r.s ?? 'x']));
    const nulls = await client.query({ collection_name: name, filter: 'f is null', output_fields: ['id'] });
    expect(nulls.data.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual([1, 3, 5, 7, 9]);
    const found = await client.search({ collection_name: name, data: [[0, 1]], limit: 2, output_fields: ['id', 'f', 's'] });
    expect(found.results.map((r) => [Number(r.id), r.f, r.s])).toEqual([[0, 0, 'x'], [1, null, 's1']]);
  });
});

describe('official Node SDK: Float16Vector and BFloat16Vector', () => {
  for (const [type, format] of [[DataType.Float16Vector, 'float16'], [DataType.BFloat16Vector, 'bfloat16']] as const) {
    it(`inserts, queries and searches a ${format} field as the SDK encodes it`, async () => {
      const name = `sdk_${format}`;
      expect((await client.createCollection({ collection_name: name, fields: [{ name: 'id', data_type: DataType.Int64, is_primary_key: true }, { name: 'v', data_type: type, dim: 4 }] })).error_code).toBe('Success');
      const data = Array.from({ length: 20 }, (_, i) => ({ id: i, v: [i / 3, 1, 0.1, -i] }));
      expect((await client.insert({ collection_name: name, data })).status.error_code).toBe('Success');
      expect((await client.createIndex({ collection_name: name, field_name: 'v', index_type: 'HNSW', metric_type: 'L2', params: { M: 8, efConstruction: 32 } })).error_code).toBe('Success');
      await client.loadCollectionSync({ collection_name: name });
      const got = await client.query({ collection_name: name, filter: 'id < 2', output_fields: ['v'] });
      expect(got.data.map((r) => [Number(r.id), r.v])).toEqual([0, 1].map((i) => [i, Array.from(roundToHalf(data[i]!.v, format))]));
      const found = await client.search({ collection_name: name, data: [[1, 1, 0.1, -3]], limit: 2, output_fields: ['id', 'v'] });
      expect(found.results.map((r) => Number(r.id))).toEqual([3, 4]);
      expect(found.results[0]!.score).toBe(0);
    });
  }
});

describe('official Node SDK: SparseFloatVector', () => {
  it('inserts, queries and searches a sparse field in the SDK\'s dict, array and CSR forms', async () => {
    const name = 'sdk_sparse';
    expect((await client.createCollection({ collection_name: name, fields: [{ name: 'id', data_type: DataType.Int64, is_primary_key: true }, { name: 'sv', data_type: DataType.SparseFloatVector }] })).error_code).toBe('Success');
    const data = [
      { id: 1, sv: { '2': 0.5, '40': 1 } },
      { id: 2, sv: [undefined, 3, undefined, 0.25] },
      { id: 3, sv: { indices: [5, 40], values: [1, 2] } },
    ];
    const inserted = await client.insert({ collection_name: name, data });
    expect(inserted.status.error_code).toBe('Success');
    expect((await client.createIndex({ collection_name: name, field_name: 'sv', index_type: 'SPARSE_INVERTED_INDEX', metric_type: 'IP', params: { drop_ratio_build: 0.2 } })).error_code).toBe('Success');
    await client.loadCollectionSync({ collection_name: name });
    const got = await client.query({ collection_name: name, filter: 'id > 0', output_fields: ['sv'] });
    expect(Object.fromEntries(got.data.map((r) => [Number(r.id), r.sv]))).toEqual({ 1: { '2': 0.5, '40': 1 }, 2: { '1': 3, '3': 0.25 }, 3: { '5': 1, '40': 2 } });
    const found = await client.search({ collection_name: name, data: { '40': 1, '1': 1 }, limit: 5, output_fields: ['id'] });
    expect(found.results.map((r) => [Number(r.id), r.score])).toEqual([[2, 3], [3, 2], [1, 1]]);
    const bad = await client.insert({ collection_name: name, data: [{ id: 4, sv: { '3': -1 } }] });
    expect([bad.status.code, bad.status.reason]).toEqual([65535, 'negative value in sparse float vector']);
  });
});

describe('official Node SDK: partition key', () => {
  it('creates the _default_<i> partitions, routes rows by key and refuses partition names', async () => {
    const name = 'sdk_partition_key';
    const created = await client.createCollection({
      collection_name: name,
      num_partitions: 4,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'tenant', data_type: DataType.VarChar, max_length: 16, is_partition_key: true },
        { name: 'v', data_type: DataType.FloatVector, dim: 2 },
      ],
    });
    expect(created.error_code).toBe('Success');
    const described = await client.describeCollection({ collection_name: name });
    expect(described.num_partitions).toBe('4');
    expect(described.schema.fields.find((f) => f.name === 'tenant')!.is_partition_key).toBe(true);
    expect((await client.showPartitions({ collection_name: name })).partition_names).toEqual(['_default_0', '_default_1', '_default_2', '_default_3']);
    const data = Array.from({ length: 12 }, (_, i) => ({ id: i, tenant: `t${i % 3}`, v: [i, 1] }));
    expect((await client.insert({ collection_name: name, data })).status.error_code).toBe('Success');
    const refused = await client.insert({ collection_name: name, partition_name: '_default_0', data: [data[0]!] });
    expect([refused.status.code, refused.status.reason]).toEqual([65535, 'not support manually specifying the partition names if partition key mode is used']);
    await client.createIndex({ collection_name: name, field_name: 'v', index_type: 'FLAT', metric_type: 'L2' });
    await client.loadCollectionSync({ collection_name: name });
    const got = await client.query({ collection_name: name, filter: 'tenant == "t1"', output_fields: ['id'] });
    expect(got.data.map((r) => Number(r.id))).toEqual([1, 4, 7, 10]);
    const rows = await Promise.all([0, 1, 2, 3].map((p) => client.getPartitionStatistics({ collection_name: name, partition_name: `_default_${p}` })));
    expect(rows.reduce((n, r) => n + Number(r.data.row_count), 0)).toBe(12);
  });
});

describe('official Node SDK: JSON values', () => {
  it('keeps a JSON string a string ("6" is not 6)', async () => {
    const name = 'sdk_json';
    await client.createCollection({ collection_name: name, fields: [{ name: 'id', data_type: DataType.Int64, is_primary_key: true }, { name: 'v', data_type: DataType.FloatVector, dim: 2 }, { name: 'j', data_type: DataType.JSON }] });
    await client.insert({ collection_name: name, data: [{ id: 1, v: [0, 0], j: '6' }, { id: 2, v: [0, 0], j: 6 }, { id: 3, v: [0, 0], j: { k: '6' } }] });
    await client.createIndex({ collection_name: name, field_name: 'v', index_type: 'FLAT', metric_type: 'L2' });
    await client.loadCollectionSync({ collection_name: name });
    const all = await client.query({ collection_name: name, filter: 'id > 0', output_fields: ['j'] });
    expect(all.data.map((r) => r.j)).toEqual(['6', 6, { k: '6' }]);
    const strings = await client.query({ collection_name: name, filter: 'j == "6" or j["k"] == "6"', output_fields: ['id'] });
    expect(strings.data.map((r) => Number(r.id))).toEqual([1, 3]);
  });
});
