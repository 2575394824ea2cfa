import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index.js';

/** The official Node SDK's property operations against the reference server (gRPC). */
let server: RunningServer;
let client: MilvusClient;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  client = new MilvusClient({ address: server.address, token: 'root:Milvus', logLevel: 'error' });
  await client.connectPromise;
});
afterAll(async () => {
  await client.closeConnection();
  await server.close();
});

describe('official Node SDK: properties', () => {
  it('database properties', async () => {
    expect((await client.createDatabase({ db_name: 'sdk_db' })).error_code).toBe('Success');
    expect((await client.alterDatabaseProperties({ db_name: 'sdk_db', properties: { 'database.max.collections': 1 } })).error_code).toBe('Success');
    const d = await client.describeDatabase({ db_name: 'sdk_db' });
    expect(d.properties).toEqual([{ key: 'database.max.collections', value: '1' }]);
    await client.createCollection({ db_name: 'sdk_db', collection_name: 'a', fields: [{ name: 'id', data_type: DataType.Int64, is_primary_key: true }, { name: 'v', data_type: DataType.FloatVector, dim: 2 }] });
    // The SDK's createCollection throws the failed status.
    await expect(
      client.createCollection({ db_name: 'sdk_db', collection_name: 'b', fields: [{ name: 'id', data_type: DataType.Int64, is_primary_key: true }, { name: 'v', data_type: DataType.FloatVector, dim: 2 }] }),
    ).rejects.toMatchObject({ code: 102, reason: 'exceeded the limit number of collections[dbName=sdk_db][limit=1]' });
    expect((await client.dropDatabaseProperties({ db_name: 'sdk_db', properties: ['database.max.collections'] })).error_code).toBe('Success');
    expect((await client.describeDatabase({ db_name: 'sdk_db' })).properties).toEqual([]);
  });

  it('collection, field and index properties', async () => {
    const c = { collection_name: 'sdk_props' };
    await client.createCollection({
      ...c,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'title', data_type: DataType.VarChar, max_length: 16 },
        { name: 'v', data_type: DataType.FloatVector, dim: 2 },
      ],
    });
    await client.createIndex({ ...c, field_name: 'v', index_name: 'v_idx', index_type: 'HNSW', metric_type: 'L2', params: { M: 8, efConstruction: 16 } });
    expect((await client.alterCollectionProperties({ ...c, properties: { 'collection.ttl.seconds': 30 } })).error_code).toBe('Success');
    expect((await client.describeCollection(c)).properties).toEqual([{ key: 'collection.ttl.seconds', value: '30' }]);
    expect((await client.dropCollectionProperties({ ...c, properties: ['collection.ttl.seconds'] })).error_code).toBe('Success');
    expect((await client.describeCollection(c)).properties).toEqual([]);
    expect((await client.alterCollectionFieldProperties({ ...c, field_name: 'title', properties: { max_length: 8 } })).error_code).toBe('Success');
    const title = (await client.describeCollection(c)).schema.fields.find((f) => f.name === 'title')!;
    expect(title.max_length).toBe('8');
    expect((await client.alterIndexProperties({ ...c, index_name: 'v_idx', params: { 'mmap.enabled': true } })).error_code).toBe('Success');
    expect((await client.describeIndex(c)).index_descriptions[0]!.params).toContainEqual({ key: 'mmap.enabled', value: 'true' });
    expect((await client.dropIndexProperties({ ...c, index_name: 'v_idx', properties: ['mmap.enabled'] })).error_code).toBe('Success');
    await client.loadCollectionSync(c);
    const mmap = await client.alterCollectionProperties({ ...c, properties: { 'mmap.enabled': true } });
    expect({ code: mmap.code, reason: mmap.reason }).toEqual({ code: 104, reason: 'can not alter mmap properties if collection loaded: collection already loaded[collection=sdk_props]' });
    const idx = await client.alterIndexProperties({ ...c, index_name: 'v_idx', params: { 'mmap.enabled': true } });
    expect(idx.code).toBe(104);
    expect((await client.renameCollection({ ...c, new_collection_name: 'sdk_props2' })).error_code).toBe('Success');
  });
});
