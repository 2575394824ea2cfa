import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../src/index.js';

/**
 * The official Node SDK (@zilliz/milvus2-sdk-node, pinned) against the reference server: it must
 * connect without warnings and behave as against Milvus for the calls the docs use.
 */
let server: RunningServer;
let client: MilvusClient;
const logged: string[] = [];

beforeAll(async () => {
  server = await startServer({ port: 0 });
  const capture = (...args: unknown[]) => {
    logged.push(args.map(String).join(' '));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    client = new MilvusClient({ address: server.address, token: 'root:Milvus' });
    await client.connectPromise;
    await client.hasCollection({ collection_name: 'warmup' });
  } finally {
    vi.restoreAllMocks();
  }
});
afterAll(async () => {
  await client.closeConnection();
  await server.close();
});

describe('official Node SDK against the reference server', () => {
  it('connects with a nonzero identifier and no warning or error output', () => {
    expect(client.connectStatus).toBe(1);
    expect(logged.filter((l) => /warn|error/i.test(l))).toEqual([]);
  });

  it('hasCollection is false for a missing collection and true after createCollection', async () => {
    expect((await client.hasCollection({ collection_name: 'sdk_c' })).value).toBe(false);
    const created = await client.createCollection({
      collection_name: 'sdk_c',
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true, autoID: false },
        { name: 'vec', data_type: DataType.FloatVector, dim: 8 },
      ],
    });
    expect(created.error_code).toBe('Success');
    expect((await client.hasCollection({ collection_name: 'sdk_c' })).value).toBe(true);
  });

  it('refuses to load without an index, then loadCollectionSync loads and getLoadState reports it', async () => {
    const failed = await client.loadCollectionAsync({ collection_name: 'sdk_c' });
    expect([failed.code, failed.error_code, failed.reason]).toEqual([700, 'IndexNotExist', 'index not found[collection=sdk_c]']);
    const idx = await client.createIndex({ collection_name: 'sdk_c', field_name: 'vec', index_type: 'HNSW', metric_type: 'L2', params: { M: 16, efConstruction: 200 } });
    expect(idx.error_code).toBe('Success');
    await client.loadCollectionSync({ collection_name: 'sdk_c' });
    expect((await client.getLoadState({ collection_name: 'sdk_c' })).state).toBe('LoadStateLoaded');
    await client.releaseCollection({ collection_name: 'sdk_c' });
    expect((await client.getLoadState({ collection_name: 'sdk_c' })).state).toBe('LoadStateNotLoad');
    expect((await client.getLoadState({ collection_name: 'no_such' })).state).toBe('LoadStateNotExist');
  });

  it('loadPartitionsSync loads only the named partitions', async () => {
    await client.createPartition({ collection_name: 'sdk_c', partition_name: 'p1' });
    await client.loadPartitionsSync({ collection_name: 'sdk_c', partition_names: ['p1'] });
    expect((await client.getLoadState({ collection_name: 'sdk_c', partition_names: ['p1'] })).state).toBe('LoadStateLoaded');
    expect((await client.getLoadState({ collection_name: 'sdk_c', partition_names: ['_default'] })).state).toBe('LoadStateNotLoad');
    const parts = await client.showPartitions({ collection_name: 'sdk_c' });
    expect(parts.partition_names).toEqual(['_default', 'p1']);
    const dropLoaded = await client.dropPartition({ collection_name: 'sdk_c', partition_name: 'p1' });
    expect(dropLoaded.reason).toBe('partition cannot be dropped, partition is loaded, please release it first');
  });

  it('describeCollection returns the schema the SDK sent', async () => {
    const d = await client.describeCollection({ collection_name: 'sdk_c' });
    expect(d.status.error_code).toBe('Success');
    expect(d.schema.fields.map((f) => [f.name, f.data_type])).toEqual([
      ['id', 'Int64'],
      ['vec', 'FloatVector'],
    ]);
    const missing = await client.describeCollection({ collection_name: 'no_such' });
    expect([missing.status.code, missing.status.error_code]).toEqual([100, 'UnexpectedError']);
  });

  it('renames a collection and alters its properties', async () => {
    await client.createCollection({ collection_name: 'sdk_r', fields: [{ name: 'id', data_type: DataType.Int64, is_primary_key: true }, { name: 'v', data_type: DataType.FloatVector, dim: 2 }] });
    await client.alterCollectionProperties({ collection_name: 'sdk_r', properties: { 'collection.ttl.seconds': 60 } });
    const renamed = await client.renameCollection({ collection_name: 'sdk_r', new_collection_name: 'sdk_r2' });
    expect(renamed.error_code).toBe('Success');
    expect((await client.hasCollection({ collection_name: 'sdk_r' })).value).toBe(false);
    const d = await client.describeCollection({ collection_name: 'sdk_r2' });
    expect(d.properties).toEqual([{ key: 'collection.ttl.seconds', value: '60' }]);
    const taken = await client.renameCollection({ collection_name: 'sdk_r2', new_collection_name: 'sdk_c' });
    expect([taken.code, taken.reason]).toEqual([65535, 'duplicated new collection name default:sdk_c with other collection name or alias']);
  });

  it('creates, describes, lists, alters and drops aliases, and resolves an alias as a collection name', async () => {
    await client.createCollection({ collection_name: 'sdk_alias_a', fields: [{ name: 'id', data_type: DataType.Int64, is_primary_key: true }, { name: 'v', data_type: DataType.FloatVector, dim: 2 }] });
    await client.createCollection({ collection_name: 'sdk_alias_b', fields: [{ name: 'id', data_type: DataType.Int64, is_primary_key: true }, { name: 'v', data_type: DataType.FloatVector, dim: 2 }] });
    expect((await client.createAlias({ collection_name: 'sdk_alias_a', alias: 'sdk_current' })).error_code).toBe('Success');
    const described = await client.describeAlias({ collection_name: 'sdk_alias_a', alias: 'sdk_current' });
    expect([described.db_name, described.alias, described.collection]).toEqual(['default', 'sdk_current', 'sdk_alias_a']);
    expect((await client.listAliases({ collection_name: 'sdk_alias_a' })).aliases).toEqual(['sdk_current']);
    expect((await client.describeCollection({ collection_name: 'sdk_current' })).collection_name).toBe('sdk_alias_a');
    expect((await client.alterAlias({ collection_name: 'sdk_alias_b', alias: 'sdk_current' })).error_code).toBe('Success');
    expect((await client.describeCollection({ collection_name: 'sdk_current' })).aliases).toEqual(['sdk_current']);
    const conflict = await client.createAlias({ collection_name: 'sdk_alias_a', alias: 'sdk_alias_b' });
    expect([conflict.code, conflict.reason]).toEqual([1601, 'alias and collection name conflict[database=default][alias=sdk_alias_b]']);
    const refused = await client.dropCollection({ collection_name: 'sdk_alias_b' });
    expect([refused.code, refused.reason]).toEqual([
      65535,
      'unable to drop the collection [sdk_alias_b] because it has associated aliases [sdk_current], please remove all aliases before dropping the collection',
    ]);
    expect((await client.dropAlias({ alias: 'sdk_current' })).error_code).toBe('Success');
    expect((await client.dropCollection({ collection_name: 'sdk_alias_b' })).error_code).toBe('Success');
  });
});
