import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataType, MilvusClient } from '../src/index.js';
import { TRANSPORTS, clientFor, per, rejection, type TransportKind } from './helpers.js';

/** Property and rename operations over both transports. */
describe.each(TRANSPORTS)('MilvusClient properties over %s', (kind: TransportKind) => {
  let server: RunningServer;
  let client: MilvusClient;
  const db = `props_${kind}`;
  const coll = { db_name: db, collection_name: 'c' };

  beforeAll(async () => {
    server = await startServer({ port: 0 });
    client = clientFor(kind, server);
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('alters, describes and drops database properties', async () => {
    await client.createDatabase({ db_name: db });
    await client.alterDatabaseProperties({ db_name: db, properties: { 'database.max.collections': 2, 'database.force.deny.reading': false } });
    const d = await client.describeDatabase({ db_name: db });
    expect(d.db_name).toBe(db);
    expect(d.properties).toEqual([
      { key: 'database.max.collections', value: '2' },
      { key: 'database.force.deny.reading', value: 'false' },
    ]);
    expect(BigInt(d.dbID)).toBeGreaterThan(0n);
    expect(BigInt(d.created_timestamp) > 0n).toBe(per(kind, { grpc: true, rest: false }));
    await client.dropDatabaseProperties({ db_name: db, properties: ['database.force.deny.reading'] });
    expect((await client.describeDatabase({ db_name: db })).properties).toEqual([{ key: 'database.max.collections', value: '2' }]);
    const e = await rejection(client.alterDatabase({ db_name: 'nope_db', properties: { a: 1 } }));
    expect({ code: e.code, reason: e.reason }).toEqual({ code: 800, reason: 'database not found[database=nope_db]' });
  });

  it('alters collection, field and index properties and renames', async () => {
    await client.createCollection({
      ...coll,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'title', data_type: DataType.VarChar, max_length: 16 },
        { name: 'v', data_type: DataType.FloatVector, dim: 2 },
      ],
    });
    await client.createIndex({ ...coll, field_name: 'v', index_type: 'HNSW', metric_type: 'L2', params: { M: 8, efConstruction: 16 } });
    await client.alterCollectionProperties({ ...coll, properties: { 'collection.ttl.seconds': 60 } });
    await client.alterCollection({ ...coll, properties: { 'mmap.enabled': true } });
    expect((await client.describeCollection(coll)).properties).toEqual([
      { key: 'collection.ttl.seconds', value: '60' },
      { key: 'mmap.enabled', value: 'true' },
    ]);
    await client.dropCollectionProperties({ ...coll, properties: ['mmap.enabled'] });
    expect((await client.describeCollection(coll)).properties).toEqual([{ key: 'collection.ttl.seconds', value: '60' }]);
    await client.alterCollectionFieldProperties({ ...coll, field_name: 'title', properties: { max_length: 8 } });
    const title = (await client.describeCollection(coll)).schema.fields.find((f) => f.name === 'title')!;
    expect(title.type_params).toContainEqual({ key: 'max_length', value: '8' });
    await client.alterIndexProperties({ ...coll, index_name: 'v', params: { 'mmap.enabled': true } });
    // RESTful v2 indexes/describe shows only the index type, metric and `params` JSON, not mmap.enabled (handler_v2's describeIndex).
    const params = (await client.describeIndex(coll)).index_descriptions[0]!.params;
    expect(params.some((p) => p.key === 'mmap.enabled' && p.value === 'true')).toBe(per(kind, { grpc: true, rest: false }));
    await client.dropIndexProperties({ ...coll, index_name: 'v', properties: ['mmap.enabled'] });
    expect((await client.describeIndex(coll)).index_descriptions[0]!.params).not.toContainEqual({ key: 'mmap.enabled', value: 'true' });
    await client.loadCollection(coll);
    const loaded = await rejection(client.alterIndexProperties({ ...coll, index_name: 'v', params: { 'mmap.enabled': true } }));
    expect({ code: loaded.code, reason: loaded.reason }).toEqual({
      code: 104,
      reason: "can't alter index on loaded collection, please release the collection first: collection already loaded[collection=c]",
    });
    await client.renameCollection({ ...coll, new_collection_name: 'c2' });
    expect((await client.hasCollection({ db_name: db, collection_name: 'c2' })).value).toBe(true);
  });
});
