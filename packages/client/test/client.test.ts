import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { halfBytesOf, roundToHalf } from '@mvkit/core';
import { DataType, MilvusClient } from '../src/index.js';
import { TRANSPORTS, clientFor, per, rejection, type TransportKind } from './helpers.js';

/**
 * The client test matrix: every test runs over the gRPC transport and over the REST transport
 * (RESTful v2 over real HTTP to the same one-port server). Where RESTful v2 does not expose a
 * field of the gRPC answer (REST_MAPPINGS' notes), the expected value is written per transport.
 */
const book = { collection_name: 'book' };
const bookSchema = {
  ...book,
  fields: [
    { name: 'book_id', data_type: DataType.Int64, is_primary_key: true },
    { name: 'word_count', data_type: 'Int64' as const },
    { name: 'book_intro', data_type: DataType.FloatVector, dim: 2 },
  ],
};

describe.each(TRANSPORTS)('MilvusClient over %s', (kind: TransportKind) => {
  let server: RunningServer;
  let client: MilvusClient;

  const importDir = mkdtempSync(join(tmpdir(), 'mvkit-client-import-'));

  beforeAll(async () => {
    server = await startServer({ port: 0, importDir });
    client = clientFor(kind, server, { token: 'root:Milvus' });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });
  beforeEach(async () => {
    await client.dropCollection(book);
    await client.dropCollection({ collection_name: 'my_collection' });
  });

  it('uses the transport it was asked for', () => {
    expect(client.transport.kind).toBe(kind);
  });

  it('runs the manage-partitions flow with drop-in result shapes', async () => {
    await client.createCollection({ collection_name: 'my_collection', dimension: 5 });
    let res = await client.listPartitions({ collection_name: 'my_collection' });
    expect(res.partition_names).toEqual(['_default']);
    expect(res.status).toEqual({ error_code: 'Success', reason: '', code: 0, retriable: false, detail: '', extra_info: {} });
    await client.createPartition({ collection_name: 'my_collection', partition_name: 'partitionA' });
    res = await client.listPartitions({ collection_name: 'my_collection' });
    expect(res.partition_names).toEqual(['_default', 'partitionA']);
    expect(res.data.map((d) => d.name)).toEqual(['_default', 'partitionA']);
    if (kind === 'grpc') {
      expect(res.partitionIDs.length).toBe(2);
      expect(res.partitionIDs.every((id) => /^\d+$/.test(id) && BigInt(id) > 2n ** 40n)).toBe(true);
      expect(res.data.map((d) => d.id)).toEqual(res.partitionIDs);
      expect(Number(res.created_utc_timestamps[1])).toBeGreaterThan(Date.now() - 60_000);
      expect(BigInt(res.created_timestamps[1]!) >> 18n).toBe(BigInt(res.created_utc_timestamps[1]!));
    } else {
      // RESTful v2 `partitions/list` gives names only: no partition IDs, no creation times.
      expect([res.partitionIDs, res.created_timestamps, res.created_utc_timestamps]).toEqual([[], [], []]);
      expect(res.data.map((d) => [d.id, d.timestamp])).toEqual([
        ['', ''],
        ['', ''],
      ]);
    }
    expect((await client.hasPartition({ collection_name: 'my_collection', partition_name: 'partitionA' })).value).toBe(true);
    await client.loadPartitions({ collection_name: 'my_collection', partition_names: ['partitionA'] });
    expect((await client.getLoadState({ collection_name: 'my_collection', partition_name: 'partitionA' })).state).toBe('LoadStateLoaded');
    await client.releasePartitions({ collection_name: 'my_collection', partition_names: ['partitionA'] });
    expect((await client.getLoadState({ collection_name: 'my_collection', partition_name: 'partitionA' })).state).toBe('LoadStateNotLoad');
    expect((await client.getLoadState({ collection_name: 'my_collection' })).state).toBe('LoadStateLoaded');
    await client.dropPartition({ collection_name: 'my_collection', partition_name: 'partitionA' });
    expect((await client.listPartitions({ collection_name: 'my_collection' })).partition_names).toEqual(['_default']);
  });

  it('creates a schema collection, indexes it, and describes both', async () => {
    await client.createCollection(bookSchema);
    const d = await client.describeCollection(book);
    expect(d.schema.fields.map((f) => [f.name, f.data_type, f.is_primary_key])).toEqual([
      ['book_id', 'Int64', true],
      ['word_count', 'Int64', false],
      ['book_intro', 'FloatVector', false],
    ]);
    expect(d.schema.fields[2]!.type_params).toEqual([{ key: 'dim', value: '2' }]);
    expect(d.consistency_level).toBe('Bounded');
    expect(BigInt(d.collectionID)).toBeGreaterThan(2n ** 40n);
    // RESTful v2 `collections/describe` has no channel names and no creation time.
    expect(d.virtual_channel_names.length).toBe(per(kind, { grpc: 1, rest: 0 }));
    expect(BigInt(d.created_timestamp) > 0n).toBe(per(kind, { grpc: true, rest: false }));
    await client.createIndex({ ...book, field_name: 'book_intro', index_type: 'IVF_FLAT', metric_type: 'L2', params: { nlist: 1024 } });
    const idx = await client.describeIndex(book);
    expect(idx.index_descriptions.map((i) => [i.index_name, i.field_name, i.state])).toEqual([['book_intro', 'book_intro', 'Finished']]);
    // DescribeIndex answers the parameters as sent (`params` as its JSON text); RESTful v2 `indexes/describe` shows the index and metric type only.
    expect(Object.fromEntries(idx.index_descriptions[0]!.params.map((p) => [p.key, p.value]))).toEqual(
      per(kind, {
        grpc: { index_type: 'IVF_FLAT', metric_type: 'L2', params: '{"nlist":1024}' },
        rest: { index_type: 'IVF_FLAT', metric_type: 'L2' },
      }),
    );
    expect(idx.index_descriptions[0]!.indexID !== '0').toBe(per(kind, { grpc: true, rest: false }));
    expect((await client.getLoadState(book)).state).toBe('LoadStateNotLoad');
    await client.loadPartitionsSync({ ...book, partition_names: ['_default'] });
    expect((await client.getLoadingProgress(book)).progress).toBe('100');
    expect((await client.getPartitionStatistics({ ...book, partition_name: '_default' })).data.row_count).toBe('0');
    expect((await client.showCollections()).collection_names).toContain('book');
  });

  it('stores nulls and fills default values on insert', async () => {
    await client.createCollection({
      ...book,
      fields: [
        { name: 'book_id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'book_intro', data_type: DataType.FloatVector, dim: 2 },
        { name: 'rating', data_type: DataType.Double, nullable: true },
        { name: 'pages', data_type: DataType.Int32, default_value: 100 },
        { name: 'shelf', data_type: DataType.VarChar, max_length: 8, nullable: true, default_value: 'A' },
      ],
    });
    const d = await client.describeCollection(book);
    expect(d.schema.fields.map((f) => [f.name, f.nullable])).toEqual([['book_id', false], ['book_intro', false], ['rating', true], ['pages', false], ['shelf', true]]);
    const rows = Array.from({ length: 6 }, (_, i) => ({ book_id: i, book_intro: [i, 0], rating: i % 2 ? null : i + 0.5, ...(i % 3 ? { pages: i } : {}), ...(i % 2 ? {} : { shelf: i ? `s${i}` : null }) }));
    expect(Number((await client.insert({ ...book, data: rows })).insert_cnt)).toBe(6);
    await client.createIndex({ ...book, field_name: 'book_intro', index_type: 'FLAT', metric_type: 'L2' });
    await client.loadCollectionSync(book);
    const got = await client.query({ ...book, filter: 'book_id >= 0', output_fields: ['rating', 'pages', 'shelf'], limit: 10 });
    const sorted = [...got.data].sort((a, b) => Number(a.book_id) - Number(b.book_id)).map((r) => [Number(r.book_id), r.rating, r.pages, r.shelf]);
    expect(sorted).toEqual([
      [0, 0.5, 100, 'A'],
      [1, null, 1, 'A'],
      [2, 2.5, 2, 's2'],
      [3, null, 100, 'A'],
      [4, 4.5, 4, 's4'],
      [5, null, 5, 'A'],
    ]);
    const nulls = await client.query({ ...book, filter: 'rating is null', output_fields: ['book_id'], limit: 10 });
    expect(nulls.data.map((r) => Number(r.book_id)).sort()).toEqual([1, 3, 5]);
  });

  it('inserts, queries and searches Float16Vector and BFloat16Vector fields', async () => {
    for (const [type, format] of [['Float16Vector', 'float16'], ['BFloat16Vector', 'bfloat16']] as const) {
      await client.dropCollection(book);
      await client.createCollection({ ...book, fields: [{ name: 'book_id', data_type: DataType.Int64, is_primary_key: true }, { name: 'book_intro', data_type: type, dim: 4 }] });
      const vectors = Array.from({ length: 10 }, (_, i) => [i / 3, 1, 0.1, -i]);
      expect(Number((await client.insert({ ...book, data: vectors.map((v, i) => ({ book_id: i, book_intro: v })) })).insert_cnt)).toBe(10);
      await client.createIndex({ ...book, field_name: 'book_intro', index_type: 'FLAT', metric_type: 'L2' });
      await client.loadCollectionSync(book);
      const got = await client.query({ ...book, filter: 'book_id == 1', output_fields: ['book_intro'] });
      const rounded = roundToHalf(vectors[1]!, format);
      // Over gRPC the vector comes back decoded; RESTful v2 sends its bytes in base64 (`[]byte`), which the REST transport passes on.
      expect(got.data[0]!.book_intro).toEqual(per(kind, { grpc: Array.from(rounded), rest: Buffer.from(halfBytesOf(rounded, format)).toString('base64') }));
      const found = await client.search({ ...book, data: [1, 1, 0.1, -3], limit: 2 });
      // Hits carry the primary key under its field name over gRPC, as `id` in RESTful v2 rows.
      const pk = per(kind, { grpc: 'book_id', rest: 'id' });
      expect(found.results.map((r) => Number((r as Record<string, unknown>)[pk]))).toEqual([3, 4]);
    }
  });

  it('inserts, queries and searches SparseFloatVector fields as index → value objects', async () => {
    await client.createCollection({ ...book, fields: [{ name: 'book_id', data_type: DataType.Int64, is_primary_key: true }, { name: 'book_intro', data_type: DataType.SparseFloatVector }] });
    const data = [
      { book_id: 1, book_intro: { '3': 0.5, '10': 1.5 } },
      { book_id: 2, book_intro: { indices: [1, 3], values: [2, 0.25] } },
      { book_id: 3, book_intro: { '7': 4 } },
    ];
    expect(Number((await client.insert({ ...book, data })).insert_cnt)).toBe(3);
    await client.createIndex({ ...book, field_name: 'book_intro', index_type: 'SPARSE_INVERTED_INDEX', metric_type: 'IP' });
    await client.loadCollectionSync(book);
    const got = await client.query({ ...book, filter: 'book_id in [1, 2]', output_fields: ['book_intro'] });
    expect(Object.fromEntries(got.data.map((r) => [Number(r.book_id), r.book_intro]))).toEqual({ 1: { '3': 0.5, '10': 1.5 }, 2: { '1': 2, '3': 0.25 } });
    const pk = per(kind, { grpc: 'book_id', rest: 'id' });
    const one = await client.search({ ...book, data: { '3': 2 }, limit: 5 });
    expect((one.results as Record<string, unknown>[]).map((r) => [Number(r[pk]), r.score])).toEqual([[1, 1], [2, 0.5]]);
    const several = await client.search({ ...book, data: [{ '7': 1 }, { '1': 1, '10': 1 }], limit: 5 });
    expect((several.results as Record<string, unknown>[][]).map((hits) => hits.map((r) => Number(r[pk])))).toEqual([[3], [2, 1]]);
    const e = await rejection(client.insert({ ...book, data: [{ book_id: 4, book_intro: { '1': -1 } }] }));
    expect(e.reason).toContain('negative value in sparse float vector');
  });

  it('creates partition-key collections with num_partitions and routes rows by key', async () => {
    await client.createCollection({
      ...book,
      num_partitions: 3,
      fields: [
        { name: 'book_id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'word_count', data_type: DataType.Int64, is_partition_key: true },
        { name: 'book_intro', data_type: DataType.FloatVector, dim: 2 },
      ],
    });
    expect((await client.showPartitions(book)).partition_names).toEqual(['_default_0', '_default_1', '_default_2']);
    await client.insert({ ...book, data: Array.from({ length: 9 }, (_, i) => ({ book_id: i, word_count: i % 3, book_intro: [i, 0] })) });
    const e = await rejection(client.insert({ ...book, partition_name: '_default_1', data: [{ book_id: 9, word_count: 0, book_intro: [0, 0] }] }));
    expect(e.reason).toBe('not support manually specifying the partition names if partition key mode is used');
    const counts = await Promise.all([0, 1, 2].map((p) => client.getPartitionStatistics({ ...book, partition_name: `_default_${p}` })));
    expect(counts.reduce((n, r) => n + Number(r.data.row_count), 0)).toBe(9);
  });

  it('loads only the fields asked for (gRPC); RESTful v2 cannot say a partial load', async () => {
    await client.createCollection({ ...book, enable_dynamic_field: true, fields: [...bookSchema.fields] });
    await client.createIndex({ ...book, field_name: 'book_intro', index_type: 'FLAT', metric_type: 'L2' });
    await client.insert({ ...book, data: [{ book_id: 1, word_count: 10, book_intro: [1, 0], color: 'red' }] });
    const partial = client.loadCollection({ ...book, load_fields: ['book_id', 'book_intro'], skip_load_dynamic_field: true });
    if (kind === 'rest') {
      expect((await rejection(partial)).code).toBe(10);
      return;
    }
    await partial;
    const e = await rejection(client.query({ ...book, filter: 'book_id > 0', output_fields: ['word_count'] }));
    expect([e.code, e.reason]).toEqual([65535, 'field word_count is not loaded']);
    expect((await client.query({ ...book, filter: 'book_id > 0', output_fields: ['*'] })).data).toEqual([{ book_id: '1', book_intro: [1, 0] }]);
  });

  it('manages aliases and resolves them as collection names', async () => {
    await client.createCollection({ collection_name: 'my_collection', dimension: 2 });
    await client.createCollection(bookSchema);
    await client.createAlias({ collection_name: 'book', alias: 'library' });
    const described = await client.describeAlias({ alias: 'library' });
    expect({ db_name: described.db_name, alias: described.alias, collection: described.collection }).toEqual({ db_name: 'default', alias: 'library', collection: 'book' });
    expect((await client.listAliases()).aliases).toEqual(['library']);
    expect((await client.listAliases({ collection_name: 'book' })).aliases).toEqual(['library']);
    expect((await client.describeCollection({ collection_name: 'library' })).aliases).toEqual(['library']);
    expect((await client.hasCollection({ collection_name: 'library' })).value).toBe(true);
    await client.alterAlias({ collection_name: 'my_collection', alias: 'library' });
    expect((await client.describeAlias({ alias: 'library' })).collection).toBe('my_collection');
    expect(await rejection(client.createAlias({ collection_name: 'book', alias: 'library' }))).toMatchObject({
      code: 1602,
      reason: 'library is alias to another collection: my_collection: alias already exist[database=default][alias=library]',
    });
    expect(await rejection(client.dropCollection({ collection_name: 'library' }))).toMatchObject({ code: 65535, reason: 'cannot drop the collection via alias = library' });
    await client.dropAlias({ alias: 'library' });
    expect(await rejection(client.describeAlias({ alias: 'library' }))).toMatchObject({ code: 1600, reason: 'alias not found[database=default][alias=library]' });
    expect((await client.listAliases()).aliases).toEqual([]);
  });

  it('bulk-imports a JSON file as an asynchronous job and reports its state', async () => {
    await client.createCollection(bookSchema);
    writeFileSync(join(importDir, 'books.json'), JSON.stringify({ rows: [{ book_id: 1, word_count: 10, book_intro: [1, 0] }, { book_id: 2, word_count: 20, book_intro: [0, 1] }] }));
    const { tasks } = await client.bulkInsert({ ...book, files: ['books.json'] });
    expect(tasks).toHaveLength(1);
    let state = await client.getImportState({ task: tasks[0]! });
    for (let i = 0; i < 100 && state.state !== 'ImportCompleted'; i++) state = await client.getImportState({ task: tasks[0]! });
    expect([state.state, state.row_count, state.id]).toEqual(['ImportCompleted', '2', tasks[0]]);
    expect(state.infos).toEqual(expect.arrayContaining([{ key: 'collection', value: 'book' }, { key: 'failed_reason', value: '' }, { key: 'progress_percent', value: '100' }]));
    const listed = await client.listImportTasks({ ...book, limit: 1 });
    expect(listed.tasks.map((t) => [t.id, t.state, t.row_count])).toEqual([[tasks[0], 'ImportCompleted', '2']]);
    expect((await client.getCollectionStatistics(book)).data.row_count).toBe('2');
    expect(await rejection(client.getImportState({ task: 7 }))).toMatchObject({ code: 2100, reason: 'import job does not exist, jobID=7: importing data failed' });
    expect(await rejection(client.bulkInsert({ collection_name: 'nope', files: ['books.json'] }))).toMatchObject({ code: 100, reason: 'collection not found[database=default][collection=nope]' });
    expect(await rejection(client.bulkInsert({ ...book, files: ['a.json', 'b.json'] }))).toMatchObject({ code: 2100, reason: 'for JSON or parquet file, each task only accepts one file: importing data failed' });
  });

  it('throws Milvus errors with code, legacy error code and reason', async () => {
    let e = await rejection(client.createPartition({ collection_name: 'nope', partition_name: 'p' }));
    expect([e.code, e.errorCode, e.reason]).toEqual([100, 'CollectionNotExists', 'collection not found[database=default][collection=nope]']);
    e = await rejection(client.describeCollection({ collection_name: 'nope' }));
    expect([e.code, e.errorCode, e.reason]).toEqual([100, 'UnexpectedError', "can't find collection[database=default][collection=nope]"]);
    await client.createCollection(bookSchema);
    e = await rejection(client.loadCollection(book));
    expect([e.code, e.errorCode, e.reason]).toEqual([700, 'IndexNotExist', 'index not found[collection=book]']);
    e = await rejection(client.createPartition({ ...book, partition_name: 'bad name' }));
    expect([e.code, e.errorCode, e.reason]).toEqual([65535, 'UnexpectedError', 'Invalid partition name: bad name. Partition name can only contain numbers, letters and underscores.']);
    e = await rejection(client.dropPartition({ ...book, partition_name: '_default' }));
    expect([e.code, e.errorCode, e.reason]).toEqual([65535, 'UnexpectedError', 'default partition cannot be deleted']);
    expect(e.retriable).toBe(false);
    // A business error is the server's status on both transports: origin `server`.
    expect(e.origin).toBe('server');
  });

  it('supports databases through db_name and the client database option', async () => {
    await client.createDatabase({ db_name: 'mvkit_db' });
    expect((await client.listDatabases()).db_names).toEqual(['default', 'mvkit_db']);
    const scoped = clientFor(kind, server, { database: 'mvkit_db' });
    try {
      await scoped.createCollection({ collection_name: 'only_here', dimension: 4 });
      expect((await scoped.hasCollection({ collection_name: 'only_here' })).value).toBe(true);
      expect((await client.hasCollection({ collection_name: 'only_here' })).value).toBe(false);
      expect((await client.hasCollection({ collection_name: 'only_here', db_name: 'mvkit_db' })).value).toBe(true);
      expect((await scoped.describeCollection({ collection_name: 'only_here' })).db_name).toBe('mvkit_db');
      await scoped.dropCollection({ collection_name: 'only_here' });
    } finally {
      await scoped.close();
    }
    await client.dropDatabase({ db_name: 'mvkit_db' });
    const ghost = clientFor(kind, server, { database: 'ghost' });
    const e = await rejection(ghost.connect());
    expect([e.code, e.reason]).toEqual([800, 'database not found[database=ghost]']);
    await ghost.close();
  });

  it('honours per-call signal and timeout, and maps transport faults', async () => {
    const aborted = AbortSignal.abort();
    let e = await rejection(client.hasCollection(book, { signal: aborted }));
    expect([e.code, e.origin]).toEqual([10000, kind]);
    const lazy = new MilvusClient({ address: per(kind, { grpc: '127.0.0.1:1', rest: 'http://127.0.0.1:1' }), transport: kind, timeout: 2000 });
    e = await rejection(lazy.hasCollection(book));
    expect([e.code, e.retriable, e.origin]).toEqual([2, true, kind]);
    await lazy.close();
    await lazy.close();
  });

  it('connect and close are idempotent and the client reconnects after close', async () => {
    const c = clientFor(kind, server);
    await Promise.all([c.connect(), c.connect()]);
    await c.close();
    await c.close();
    expect((await c.checkHealth()).isHealthy).toBe(true);
    if (kind === 'grpc') {
      expect((await c.getVersion()).version).toMatch(/^v2\.5\./);
    } else {
      // RESTful v2 has no version endpoint: the REST transport says so rather than guessing.
      const e = await rejection(c.getVersion());
      expect([e.code, e.origin]).toEqual([10, 'client']);
    }
    await c.close();
  });

  it('sends token or user/password credentials and maps authentication failures', async () => {
    const secured = await startServer({ port: 0, auth: { users: { root: 'Milvus' } } });
    const anonymous = clientFor(kind, secured);
    const wrong = clientFor(kind, secured, { token: 'root:nope' });
    const withToken = clientFor(kind, secured, { token: 'root:Milvus' });
    const withUser = clientFor(kind, secured, { username: 'root', password: 'Milvus' });
    try {
      // gRPC: status UNAUTHENTICATED (16) → 1400; RESTful v2: HTTP 401 with merr 1800 (ErrNeedAuthenticate), as Milvus answers.
      let e = await rejection(anonymous.connect());
      expect([e.code, e.transportStatus, e.reason]).toEqual(
        per(kind, { grpc: [1400, 16, 'not authenticated: missing authorization in header'], rest: [1800, 401, "user hasn't authenticated"] }),
      );
      e = await rejection(wrong.hasCollection(book));
      expect([e.code, e.reason]).toEqual(
        per(kind, { grpc: [1400, 'not authenticated: auth check failure, please check username and password are correct'], rest: [1800, "user hasn't authenticated"] }),
      );
      expect((await withToken.hasCollection(book)).value).toBe(false);
      expect((await withUser.hasCollection(book)).value).toBe(false);
    } finally {
      await Promise.all([anonymous, wrong, withToken, withUser].map((c) => c.close()));
      await secured.close();
    }
  });
});

describe('MilvusClient options', () => {
  it('builds the transport named by `transport`; an http:// address alone stays gRPC', () => {
    expect(new MilvusClient({ address: 'localhost:19530' }).transport.kind).toBe('grpc');
    expect(new MilvusClient({ address: 'http://localhost:19530' }).transport.kind).toBe('grpc');
    const rest = new MilvusClient({ address: 'http://localhost:19530', transport: 'rest' });
    expect(rest.transport.kind).toBe('rest');
    expect((rest.transport as unknown as { baseUrl: string }).baseUrl).toBe('http://localhost:19530');
    expect((new MilvusClient({ address: 'milvus:19531', transport: 'rest', ssl: true }).transport as unknown as { baseUrl: string }).baseUrl).toBe('https://milvus:19531');
  });

  it('sends REST calls through the `fetch` option', async () => {
    const paths: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      const path = new URL(String(input)).pathname;
      paths.push(path);
      const data = path.endsWith('/collections/has') ? { has: true } : [];
      return new Response(JSON.stringify({ code: 0, data }), { headers: { 'content-type': 'application/json' } });
    };
    const client = new MilvusClient({ address: 'http://nowhere.invalid:19530', transport: 'rest', fetch });
    expect((await client.hasCollection({ collection_name: 'books' })).value).toBe(true);
    expect(paths).toEqual(['/v2/vectordb/collections/list', '/v2/vectordb/collections/has']);
  });
});
