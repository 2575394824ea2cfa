import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DataType, MilvusClient, MilvusError } from '../src/index.js';

let server: RunningServer;
let client: MilvusClient;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  client = new MilvusClient({ address: server.address, token: 'root:Milvus' });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

async function rejection(p: Promise<unknown>): Promise<MilvusError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(MilvusError.is(e), `expected a MilvusError, got ${String(e)}`).toBe(true);
  return e as MilvusError;
}

const book = { collection_name: 'book' };
const bookSchema = {
  ...book,
  fields: [
    { name: 'book_id', data_type: DataType.Int64, is_primary_key: true },
    { name: 'word_count', data_type: 'Int64' as const },
    { name: 'book_intro', data_type: DataType.FloatVector, dim: 2 },
  ],
};

beforeEach(async () => {
  await client.dropCollection(book);
  await client.dropCollection({ collection_name: 'my_collection' });
});

describe('MilvusClient over gRPC', () => {
  it('runs the manage-partitions flow with drop-in result shapes', async () => {
    await client.createCollection({ collection_name: 'my_collection', dimension: 5 });
    let res = await client.listPartitions({ collection_name: 'my_collection' });
    expect(res.partition_names).toEqual(['_default']);
    expect(res.status).toEqual({ error_code: 'Success', reason: '', code: 0, retriable: false, detail: '', extra_info: {} });
    await client.createPartition({ collection_name: 'my_collection', partition_name: 'partitionA' });
    res = await client.listPartitions({ collection_name: 'my_collection' });
    expect(res.partition_names).toEqual(['_default', 'partitionA']);
    expect(res.data.map((d) => d.name)).toEqual(['_default', 'partitionA']);
    expect(res.partitionIDs.every((id) => /^\d+$/.test(id) && BigInt(id) > 2n ** 40n)).toBe(true);
    expect(Number(res.created_utc_timestamps[1])).toBeGreaterThan(Date.now() - 60_000);
    expect(BigInt(res.created_timestamps[1]!) >> 18n).toBe(BigInt(res.created_utc_timestamps[1]!));
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
    await client.createIndex({ ...book, field_name: 'book_intro', index_type: 'IVF_FLAT', metric_type: 'L2', params: { nlist: 1024 } });
    const idx = await client.describeIndex(book);
    expect(idx.index_descriptions.map((i) => [i.index_name, i.field_name, i.state])).toEqual([['book_intro', 'book_intro', 'Finished']]);
    expect(Object.fromEntries(idx.index_descriptions[0]!.params.map((p) => [p.key, p.value]))).toEqual({ index_type: 'IVF_FLAT', metric_type: 'L2', nlist: '1024' });
    expect((await client.getLoadState(book)).state).toBe('LoadStateNotLoad');
    await client.loadPartitionsSync({ ...book, partition_names: ['_default'] });
    expect((await client.getLoadingProgress(book)).progress).toBe('100');
    expect((await client.getPartitionStatistics({ ...book, partition_name: '_default' })).data.row_count).toBe('0');
    expect((await client.showCollections()).collection_names).toContain('book');
  });

  it('throws Milvus errors with code, legacy error code and reason', async () => {
    let e = await rejection(client.createPartition({ collection_name: 'nope', partition_name: 'p' }));
    expect([e.code, e.errorCode, e.reason]).toEqual([100, 'CollectionNotExists', 'collection not found[database=default][collection=nope]']);
    e = await rejection(client.describeCollection({ collection_name: 'nope' }));
    expect([e.code, e.errorCode]).toEqual([100, 'UnexpectedError']);
    await client.createCollection(bookSchema);
    e = await rejection(client.loadCollection(book));
    expect([e.code, e.errorCode, e.reason]).toEqual([700, 'IndexNotExist', 'index not found[collection=book]']);
    e = await rejection(client.createPartition({ ...book, partition_name: 'bad name' }));
    expect([e.code, e.errorCode, e.reason]).toEqual([65535, 'UnexpectedError', 'Invalid partition name: bad name. Partition name can only contain numbers, letters and underscores.']);
    e = await rejection(client.dropPartition({ ...book, partition_name: '_default' }));
    expect(e.reason).toBe('default partition cannot be deleted');
    expect(e.retriable).toBe(false);
  });

  it('supports databases through db_name and the client database option', async () => {
    await client.createDatabase({ db_name: 'mvkit_db' });
    expect((await client.listDatabases()).db_names).toEqual(['default', 'mvkit_db']);
    const scoped = new MilvusClient({ address: server.address, database: 'mvkit_db' });
    try {
      await scoped.createCollection({ collection_name: 'only_here', dimension: 4 });
      expect((await scoped.hasCollection({ collection_name: 'only_here' })).value).toBe(true);
      expect((await client.hasCollection({ collection_name: 'only_here' })).value).toBe(false);
      await scoped.dropCollection({ collection_name: 'only_here' });
    } finally {
      await scoped.close();
    }
    await client.dropDatabase({ db_name: 'mvkit_db' });
    const ghost = new MilvusClient({ address: server.address, database: 'ghost' });
    const e = await rejection(ghost.connect());
    expect([e.code, e.reason]).toEqual([800, 'database not found[database=ghost]']);
    await ghost.close();
  });

  it('honours per-call signal and timeout, and maps transport faults', async () => {
    const aborted = AbortSignal.abort();
    let e = await rejection(client.hasCollection(book, { signal: aborted }));
    expect(e.code).toBe(10000);
    expect(e.origin).toBe('grpc');
    const lazy = new MilvusClient({ address: '127.0.0.1:1', timeout: 2000 });
    e = await rejection(lazy.hasCollection(book));
    expect([e.code, e.retriable, e.origin]).toEqual([2, true, 'grpc']);
    await lazy.close();
    await lazy.close();
  });

  it('connect and close are idempotent and the client reconnects after close', async () => {
    const c = new MilvusClient({ address: server.address });
    await Promise.all([c.connect(), c.connect()]);
    await c.close();
    await c.close();
    expect((await c.checkHealth()).isHealthy).toBe(true);
    expect((await c.getVersion()).version).toMatch(/^v2\.5\./);
    await c.close();
  });
});

describe('authentication', () => {
  it('sends token or user/password credentials and maps UNAUTHENTICATED to 1400', async () => {
    const secured = await startServer({ port: 0, auth: { users: { root: 'Milvus' } } });
    const anonymous = new MilvusClient({ address: secured.address });
    const wrong = new MilvusClient({ address: secured.address, token: 'root:nope' });
    const withToken = new MilvusClient({ address: secured.address, token: 'root:Milvus' });
    const withUser = new MilvusClient({ address: secured.address, username: 'root', password: 'Milvus' });
    try {
      let e = await rejection(anonymous.connect());
      expect([e.code, e.transportStatus, e.reason]).toEqual([1400, 16, 'not authenticated: missing authorization in header']);
      e = await rejection(wrong.hasCollection(book));
      expect(e.reason).toBe('not authenticated: auth check failure, please check username and password are correct');
      expect((await withToken.hasCollection(book)).value).toBe(false);
      expect((await withUser.hasCollection(book)).value).toBe(false);
    } finally {
      await Promise.all([anonymous, wrong, withToken, withUser].map((c) => c.close()));
      await secured.close();
    }
  });
});
