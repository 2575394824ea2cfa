import { beforeEach, describe, expect, it } from 'vitest';
import { Engine, createRestHandler, type RestHandler } from '../src/index.js';

let engine: Engine;
let rest: RestHandler;

beforeEach(() => {
  engine = new Engine();
  rest = createRestHandler(engine);
});

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const r = await rest({ method: 'POST', path: `/v2/vectordb/${path}`, headers: {}, body: JSON.stringify(body) });
  return JSON.parse(r.body) as Record<string, unknown>;
}

describe('RESTful v2 properties endpoints', () => {
  it('databases/alter and databases/drop_properties', async () => {
    expect(await post('databases/create', { dbName: 'db1' })).toEqual({ code: 0, data: {} });
    expect(await post('databases/alter', { dbName: 'db1', properties: { 'database.max.collections': 3, 'database.force.deny.writing': true } })).toEqual({ code: 0, data: {} });
    expect(((await post('databases/describe', { dbName: 'db1' })).data as { properties: unknown }).properties).toEqual([
      { key: 'database.max.collections', value: '3' },
      { key: 'database.force.deny.writing', value: 'true' },
    ]);
    expect(await post('databases/drop_properties', { dbName: 'db1', propertyKeys: ['database.force.deny.writing'] })).toEqual({ code: 0, data: {} });
    expect(((await post('databases/describe', { dbName: 'db1' })).data as { properties: unknown }).properties).toEqual([{ key: 'database.max.collections', value: '3' }]);
    expect(await post('databases/drop_properties', { dbName: 'db1' })).toEqual({
      code: 65535,
      message: 'alter database requires either properties or deletekeys to modify or delete keys, both cannot be empty',
    });
    expect(await post('databases/alter', { properties: {} })).toMatchObject({ code: 1802 });
  });

  it('collections/alter_properties, drop_properties, fields/alter_properties and rename', async () => {
    await post('collections/create', { collectionName: 'c', dimension: 2 }); // quick setup loads it
    expect(await post('collections/alter_properties', { collectionName: 'c', properties: { 'mmap.enabled': true } })).toEqual({
      code: 104,
      message: 'can not alter mmap properties if collection loaded: collection already loaded[collection=c]',
    });
    expect(await post('collections/alter_properties', { collectionName: 'c', properties: { 'collection.ttl.seconds': 60 } })).toEqual({ code: 0, data: {} });
    expect(engine.describeCollection({ collectionName: 'c' }).properties).toEqual([{ key: 'collection.ttl.seconds', value: '60' }]);
    expect(await post('collections/drop_properties', { collectionName: 'c', propertyKeys: ['collection.ttl.seconds'] })).toEqual({ code: 0, data: {} });
    expect(engine.describeCollection({ collectionName: 'c' }).properties).toEqual([]);
    expect(await post('collections/fields/alter_properties', { collectionName: 'c', fieldName: 'vector', fieldParams: { max_length: 5 } })).toEqual({
      code: 1100,
      message: ' can not modify the maxlength for non-string types: invalid parameter',
    });
    expect(await post('collections/fields/alter_properties', { collectionName: 'c', fieldName: 'vector' })).toMatchObject({ code: 1802 });
    expect(await post('collections/rename', { collectionName: 'c', newCollectionName: 'd' })).toEqual({ code: 0, data: {} });
    expect(engine.hasCollection({ collectionName: 'd' })).toBe(true);
  });

  it('indexes/alter_properties and indexes/drop_properties', async () => {
    await post('collections/create', { collectionName: 'c', dimension: 2 });
    expect(await post('indexes/alter_properties', { collectionName: 'c', indexName: 'vector', properties: { 'mmap.enabled': true } })).toEqual({
      code: 104,
      message: "can't alter index on loaded collection, please release the collection first: collection already loaded[collection=c]",
    });
    await post('collections/release', { collectionName: 'c' });
    expect(await post('indexes/alter_properties', { collectionName: 'c', indexName: 'vector', properties: { 'mmap.enabled': true } })).toEqual({ code: 0, data: {} });
    expect(engine.describeIndex({ collectionName: 'c' })[0]!.userParams).toContainEqual({ key: 'mmap.enabled', value: 'true' });
    expect(await post('indexes/drop_properties', { collectionName: 'c', indexName: 'vector', propertyKeys: ['mmap.enabled'] })).toEqual({ code: 0, data: {} });
    expect(engine.describeIndex({ collectionName: 'c' })[0]!.userParams).not.toContainEqual({ key: 'mmap.enabled', value: 'true' });
  });
});
