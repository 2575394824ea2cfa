import { DataType } from '@mvkit/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Engine, type FieldInput } from '../src/engine/index.js';
import { rejected } from './refusal.js';

const base = { description: '', isPartitionKey: false, isDynamic: false, isClusteringKey: false, elementType: 0, nullable: false, autoID: false };
const fields: FieldInput[] = [
  { ...base, name: 'id', dataType: DataType.Int64, isPrimaryKey: true, typeParams: {} },
  { ...base, name: 'title', dataType: DataType.VarChar, isPrimaryKey: false, typeParams: { max_length: '16' } },
  { ...base, name: 'tags', dataType: DataType.Array, elementType: DataType.VarChar, isPrimaryKey: false, typeParams: { max_length: '8', max_capacity: '4' } },
  { ...base, name: 'v', dataType: DataType.FloatVector, isPrimaryKey: false, typeParams: { dim: '2' } },
];
const kv = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value }));
const props = (list: readonly { key: string; value: string }[]) => Object.fromEntries(list.map((p) => [p.key, p.value]));

let engine: Engine;
beforeEach(() => {
  engine = new Engine();
  engine.createCollection({ collectionName: 'c', fields });
  engine.createIndex({ collectionName: 'c', fieldName: 'v', params: kv({ index_type: 'HNSW', metric_type: 'L2', M: '8', efConstruction: '16' }) });
});

describe('database properties (rootcoord alterDatabaseTask)', () => {
  it('sets, replaces and deletes properties; DescribeDatabase shows them', () => {
    engine.createDatabase('db1', kv({ 'database.replica.number': '1' }));
    engine.alterDatabase({ dbName: 'db1', properties: kv({ 'database.max.collections': '5', 'database.replica.number': '1' }) });
    expect(props(engine.describeDatabase('db1').properties)).toEqual({ 'database.replica.number': '1', 'database.max.collections': '5' });
    engine.alterDatabase({ dbName: 'db1', properties: [], deleteKeys: ['database.replica.number', 'absent'] });
    expect(props(engine.describeDatabase('db1').properties)).toEqual({ 'database.max.collections': '5' });
    expect(engine.describeDatabase('db1').createdTs).toBeGreaterThan(0n);
  });

  it('refuses empty, mixed and unknown-database requests with Milvus messages', async () => {
    expect(await rejected(() => engine.alterDatabase({ dbName: 'default', properties: [] }))).toEqual({
      code: 65535,
      reason: 'alter database requires either properties or deletekeys to modify or delete keys, both cannot be empty',
    });
    expect(await rejected(() => engine.alterDatabase({ dbName: 'default', properties: kv({ a: '1' }), deleteKeys: ['b'] }))).toEqual({
      code: 65535,
      reason: 'alter database operation cannot modify properties and delete keys at the same time',
    });
    expect(await rejected(() => engine.alterDatabase({ dbName: '%$#', properties: kv({ a: '1' }) }))).toEqual({ code: 800, reason: 'database not found[database=%$#]' });
    expect(await rejected(() => engine.alterDatabase({ dbName: '', properties: kv({ a: '1' }) }))).toEqual({ code: 65535, reason: 'alter database failed, database name does not exists' });
  });

  it('database.max.collections caps CreateCollection in that database', async () => {
    engine.createDatabase('db1');
    engine.alterDatabase({ dbName: 'db1', properties: kv({ 'database.max.collections': '1' }) });
    engine.createCollection({ dbName: 'db1', collectionName: 'a', fields });
    expect(await rejected(() => engine.createCollection({ dbName: 'db1', collectionName: 'b', fields }))).toEqual({
      code: 102,
      reason: 'exceeded the limit number of collections[dbName=db1][limit=1]',
    });
    engine.createCollection({ collectionName: 'b', fields }); // other databases are not capped
    engine.alterDatabase({ dbName: 'db1', properties: kv({ 'database.max.collections': 'x' }) });
    expect(await rejected(() => engine.createCollection({ dbName: 'db1', collectionName: 'b', fields }))).toEqual({
      code: 65535,
      reason: 'parse value of property fail, key:database.max.collections, value:x',
    });
  });

  it('database.replica.number and database.resource_groups apply to loads that name no replicas', async () => {
    engine.alterDatabase({ dbName: 'default', properties: kv({ 'database.replica.number': '2' }) });
    expect(await rejected(() => engine.loadCollection({ collectionName: 'c' }))).toEqual({
      code: 65535,
      reason: 'call query coordinator LoadCollection: failed to spawn replica for collection: resource group node not enough[rg=__default_resource_group][currentNodeNum=1][expectedNodeNum=2]',
    });
    engine.alterDatabase({ dbName: 'default', properties: kv({ 'database.replica.number': '1', 'database.resource_groups': 'rg1' }) });
    expect(await rejected(() => engine.loadCollection({ collectionName: 'c' }))).toEqual({
      code: 65535,
      reason: 'call query coordinator LoadCollection: failed to spawn replica for collection: resource group not found[rg=rg1]',
    });
    engine.loadCollection({ collectionName: 'c', replicaNumber: 1 }); // an explicit load config is used as given
    expect(engine.describeCollection({ collectionName: 'c' }).replicaNumber).toBe(1);
  });

  it('database.force.deny.writing / reading refuse writes / reads with code 9', async () => {
    engine.loadCollection({ collectionName: 'c' });
    const denied = { code: 9, reason: 'quota exceeded[reason=access has been disabled by the administrator]' };
    engine.alterDatabase({ dbName: 'default', properties: kv({ 'database.force.deny.writing': 'true' }) });
    expect(await rejected(() => engine.insert({ collectionName: 'c', rows: [{ id: 1, title: 'a', tags: [], v: [0, 0] }] }))).toEqual(denied);
    expect(await rejected(() => engine.delete({ collectionName: 'c', filter: 'id in [1]' }))).toEqual(denied);
    await engine.query({ collectionName: 'c', filter: 'id > 0' });
    engine.alterDatabase({ dbName: 'default', properties: kv({ 'database.force.deny.writing': 'false', 'database.force.deny.reading': 'true' }) });
    await engine.insert({ collectionName: 'c', rows: [{ id: 1, title: 'a', tags: [], v: [0, 0] }] });
    expect(await rejected(() => engine.query({ collectionName: 'c', filter: 'id > 0' }))).toEqual(denied);
    expect(await rejected(() => engine.search({ collectionName: 'c', vectors: [[0, 0]], limit: 1 }))).toEqual(denied);
    expect(await rejected(() => engine.get({ collectionName: 'c', ids: [1] }))).toEqual(denied);
  });
});

describe('collection properties (proxy alterCollectionTask, rootcoord alterCollectionTask)', () => {
  it('alters and drops properties, no-op when unchanged', () => {
    engine.alterCollectionProperties({ collectionName: 'c', properties: kv({ 'mmap.enabled': 'True', 'collection.ttl.seconds': '100' }) });
    engine.alterCollectionProperties({ collectionName: 'c', properties: kv({ 'collection.ttl.seconds': '200' }) });
    expect(props(engine.describeCollection({ collectionName: 'c' }).properties)).toEqual({ 'mmap.enabled': 'True', 'collection.ttl.seconds': '200' });
    engine.alterCollectionProperties({ collectionName: 'c', properties: [], deleteKeys: ['mmap.enabled', 'collection.ttl.seconds'] });
    expect(engine.describeCollection({ collectionName: 'c' }).properties).toEqual([]);
  });

  it('refuses mmap and lazy load changes while loaded (104), other keys pass', async () => {
    engine.loadCollection({ collectionName: 'c' });
    for (const key of ['mmap.enabled', 'lazyload.enabled']) {
      expect(await rejected(() => engine.alterCollectionProperties({ collectionName: 'c', properties: kv({ [key]: 'true' }) }))).toEqual({
        code: 104,
        reason: 'can not alter mmap properties if collection loaded: collection already loaded[collection=c]',
      });
      expect(await rejected(() => engine.alterCollectionProperties({ collectionName: 'c', properties: [], deleteKeys: [key] }))).toEqual({
        code: 104,
        reason: 'can not delete mmap properties if collection loaded: collection already loaded[collection=c]',
      });
    }
    engine.alterCollectionProperties({ collectionName: 'c', properties: [], deleteKeys: ['collection.ttl.seconds'] });
    engine.alterCollectionProperties({ collectionName: 'c', properties: kv({ 'collection.ttl.seconds': '5' }) });
  });

  it('checks collection.ttl.seconds, empty and mixed requests', async () => {
    expect(await rejected(() => engine.alterCollectionProperties({ collectionName: 'c', properties: kv({ 'collection.ttl.seconds': 'abc' }) }))).toEqual({
      code: 1100,
      reason: 'collection TTL is not a valid positive integer: invalid parameter',
    });
    expect(await rejected(() => engine.alterCollectionProperties({ collectionName: 'c', properties: kv({ 'collection.ttl.seconds': '-2' }) }))).toEqual({
      code: 1100,
      reason: 'collection TTL is out of range, expect [-1, 3155760000], got -2: invalid parameter',
    });
    expect(await rejected(() => engine.createCollection({ collectionName: 'd', fields, properties: kv({ 'collection.ttl.seconds': '1.5' }) }))).toEqual({
      code: 1100,
      reason: 'collection TTL is not a valid positive integer: invalid parameter',
    });
    expect(await rejected(() => engine.alterCollectionProperties({ collectionName: 'c', properties: [] }))).toEqual({
      code: 65535,
      reason: 'The collection properties to alter and keys to delete must not be empty at the same time',
    });
    expect(await rejected(() => engine.alterCollectionProperties({ collectionName: 'c', properties: kv({ a: '1' }), deleteKeys: ['b'] }))).toEqual({
      code: 65535,
      reason: 'can not provide properties and deletekeys at the same time',
    });
    expect((await rejected(() => engine.alterCollectionProperties({ collectionName: 'nope', properties: kv({ a: '1' }) }))).code).toBe(100);
  });

  it('partitionkey.isolation needs partition-key mode and no vector index', async () => {
    expect(await rejected(() => engine.alterCollectionProperties({ collectionName: 'c', properties: kv({ 'partitionkey.isolation': 'true' }) }))).toEqual({
      code: 105,
      reason: 'partition key isolation mode is enabled but no partition key field is set. Please set the partition key first: illegal collection schema[collection=c]',
    });
    const pk: FieldInput[] = [fields[0]!, { ...fields[1]!, isPartitionKey: true }, fields[3]!];
    engine.createCollection({ collectionName: 'p', fields: pk });
    engine.alterCollectionProperties({ collectionName: 'p', properties: kv({ 'partitionkey.isolation': 'true' }) });
    engine.alterCollectionProperties({ collectionName: 'p', properties: kv({ 'partitionkey.isolation': 'false' }) });
    engine.createIndex({ collectionName: 'p', fieldName: 'v', params: kv({ index_type: 'FLAT', metric_type: 'L2' }) });
    expect(await rejected(() => engine.alterCollectionProperties({ collectionName: 'p', properties: kv({ 'partitionkey.isolation': 'true' }) }))).toEqual({
      code: 702,
      reason: 'can not alter partition key isolation mode if the collection already has a vector index. Please drop the index first: index duplicates[indexName=v]',
    });
    expect(await rejected(() => engine.alterCollectionProperties({ collectionName: 'p', properties: kv({ 'partitionkey.isolation': 'maybe' }) }))).toEqual({
      code: 65535,
      reason: 'failed to parse partition key isolation: strconv.ParseBool: parsing "maybe": invalid syntax',
    });
  });
});

describe('collection TTL expires rows at read time', () => {
  afterEach(() => vi.useRealTimers());

  it('rows older than collection.ttl.seconds vanish from query, count(*), get and search; statistics still count them', async () => {
    // The TSO never goes back, so the fake clock starts after every timestamp already issued.
    const t0 = Date.now() + 86_400_000;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t0);
    engine.alterCollectionProperties({ collectionName: 'c', properties: kv({ 'collection.ttl.seconds': '10' }) });
    engine.loadCollection({ collectionName: 'c' });
    await engine.insert({ collectionName: 'c', rows: [1, 2].map((id) => ({ id, title: 'old', tags: [], v: [id, 0] })) });
    vi.setSystemTime(t0 + 6_000);
    await engine.insert({ collectionName: 'c', rows: [3].map((id) => ({ id, title: 'new', tags: [], v: [id, 0] })) });
    const count = async () => (await engine.query({ collectionName: 'c', outputFields: ['count(*)'] })).rows[0]!['count(*)'];
    expect(await count()).toBe(3n);
    vi.setSystemTime(t0 + 10_000); // the first rows are now exactly 10 s old: still visible
    expect(await count()).toBe(3n);
    vi.setSystemTime(t0 + 10_001);
    expect(await count()).toBe(1n);
    expect((await engine.query({ collectionName: 'c', filter: 'id > 0', outputFields: ['title'] })).rows).toEqual([{ id: 3n, title: 'new' }]);
    expect((await engine.get({ collectionName: 'c', ids: [1, 2, 3] })).rows.map((r) => r.id)).toEqual([3n]);
    expect((await engine.search({ collectionName: 'c', vectors: [[1, 0]], limit: 3 })).hits[0]!.map((h) => h.pk)).toEqual([3n]);
    expect(engine.getCollectionStatistics({ collectionName: 'c' }).rowCount).toBe(3);
    engine.releaseCollection({ collectionName: 'c' });
    engine.alterCollectionProperties({ collectionName: 'c', properties: [], deleteKeys: ['collection.ttl.seconds'] });
    engine.loadCollection({ collectionName: 'c' });
    expect(await count()).toBe(3n); // dropping the TTL brings the rows back (compaction has not run)
    vi.setSystemTime(t0 + 16_001);
    engine.alterCollectionProperties({ collectionName: 'c', properties: kv({ 'collection.ttl.seconds': '10' }) });
    expect(await count()).toBe(0n);
  });
});

describe('field properties (proxy alterCollectionFieldTask)', () => {
  it('changes max_length (checked by later inserts) and mmap.enabled, shown in the schema', async () => {
    engine.alterCollectionField({ collectionName: 'c', fieldName: 'title', properties: kv({ max_length: '4', 'mmap.enabled': 'true' }) });
    engine.alterCollectionField({ collectionName: 'c', fieldName: 'tags', properties: kv({ max_length: '3', max_capacity: '2' }) });
    const schema = engine.describeCollection({ collectionName: 'c' }).schema;
    expect(schema.fields.find((f) => f.name === 'title')!.typeParams).toEqual({ max_length: '4', 'mmap.enabled': 'true' });
    expect(schema.fields.find((f) => f.name === 'tags')!.typeParams).toEqual({ max_length: '3', max_capacity: '2' });
    const e = await rejected(() => engine.insert({ collectionName: 'c', rows: [{ id: 1, title: 'abcde', tags: [], v: [0, 0] }] }));
    expect(e.code).toBe(1100);
    expect(e.reason).toContain('title');
    await engine.insert({ collectionName: 'c', rows: [{ id: 1, title: 'abcd', tags: ['abc'], v: [0, 0] }] });
    engine.alterCollectionField({ collectionName: 'c', fieldName: 'title', properties: [], deleteKeys: ['mmap.enabled'] });
    expect(engine.describeCollection({ collectionName: 'c' }).schema.fields.find((f) => f.name === 'title')!.typeParams).toEqual({ max_length: '4' });
  });

  it('refuses keys, types and values as Milvus', async () => {
    const alter = (fieldName: string, p: Record<string, string>, deleteKeys: string[] = []) => () =>
      engine.alterCollectionField({ collectionName: 'c', fieldName, properties: kv(p), deleteKeys });
    expect(await rejected(alter('title', { dim: '4' }))).toEqual({ code: 1100, reason: 'dim does not allow update in collection field param: invalid parameter' });
    expect(await rejected(alter('v', { max_length: '4' }))).toEqual({ code: 1100, reason: ' can not modify the maxlength for non-string types: invalid parameter' });
    expect(await rejected(alter('title', { max_length: 'x' }))).toEqual({ code: 1100, reason: 'max_length should be an integer, but got string: invalid parameter' });
    expect(await rejected(alter('title', { max_length: '65536' }))).toEqual({ code: 1100, reason: '65536 exceeds the maximum allowed value 65535: invalid parameter' });
    expect(await rejected(alter('title', { max_capacity: '4' }))).toEqual({ code: 1100, reason: ' can not modify the maxcapacity for non-array types: invalid parameter' });
    expect(await rejected(alter('tags', { max_capacity: '5000' }))).toEqual({ code: 1100, reason: 'the maximum capacity specified for a Array should be in (0, 4096]: invalid parameter' });
    expect(await rejected(alter('title', {}, ['max_length']))).toEqual({ code: 1100, reason: 'max_length is not allowed to drop in collection field param: invalid parameter' });
    expect(await rejected(alter('title', {}))).toEqual({ code: 65535, reason: 'only support alter collection properties, but collection field properties is empty' });
    expect(await rejected(alter('nope', { 'mmap.enabled': 'true' }))).toEqual({ code: 1100, reason: 'field nope does not exist in collection: invalid parameter' });
    engine.loadCollection({ collectionName: 'c' });
    expect(await rejected(alter('title', { 'mmap.enabled': 'true' }))).toEqual({
      code: 104,
      reason: 'can not alter collection field properties if collection loaded: collection already loaded[collection=c]',
    });
    expect(await rejected(alter('title', {}, ['mmap.enabled']))).toEqual({
      code: 104,
      reason: 'can not drop collection field properties if collection loaded: collection already loaded[collection=c]',
    });
    engine.alterCollectionField({ collectionName: 'c', fieldName: 'title', properties: kv({ max_length: '32' }) }); // max_length may change while loaded
  });
});

describe('index properties (proxy alterIndexTask, datacoord AlterIndex)', () => {
  it('sets and drops mmap.enabled, shown by DescribeIndex', () => {
    engine.alterIndex({ indexName: 'v', collectionName: 'c', params: kv({ 'mmap.enabled': 'True' }) });
    expect(props(engine.describeIndex({ collectionName: 'c', indexName: 'v' })[0]!.userParams)).toEqual({
      index_type: 'HNSW',
      metric_type: 'L2',
      M: '8',
      efConstruction: '16',
      'mmap.enabled': 'True',
    });
    engine.alterIndex({ indexName: 'v', collectionName: 'c', params: [], deleteKeys: ['mmap.enabled'] });
    expect(props(engine.describeIndex({ collectionName: 'c', indexName: 'v' })[0]!.userParams)['mmap.enabled']).toBeUndefined();
  });

  it('refuses as Milvus', async () => {
    const alter = (indexName: string, p: Record<string, string>, deleteKeys: string[] = []) => () =>
      engine.alterIndex({ collectionName: 'c', indexName, params: kv(p), deleteKeys });
    expect(await rejected(alter('v', { M: '4' }))).toEqual({ code: 1100, reason: 'M is not a configable index proptery: invalid parameter' });
    expect(await rejected(alter('v', { 'mmap.enabled': 'true' }, ['mmap.enabled']))).toEqual({ code: 1100, reason: 'cannot provide both DeleteKeys and ExtraParams: invalid parameter' });
    expect(await rejected(alter('', { 'mmap.enabled': 'true' }))).toEqual({ code: 1100, reason: 'index name is empty: invalid parameter' });
    expect(await rejected(alter('nope', { 'mmap.enabled': 'true' }))).toEqual({ code: 700, reason: 'index not found[indexName=nope]' });
    expect(await rejected(alter('v', { 'mmap.enabled': 'yes' }))).toEqual({
      code: 1100,
      reason: 'invalid mmap index params%!(EXTRA string=invalid mmap.enabled value: yes, expected: true, false): invalid parameter',
    });
    engine.createCollection({ collectionName: 'd', fields });
    engine.createIndex({ collectionName: 'd', fieldName: 'v', params: kv({ index_type: 'DISKANN', metric_type: 'L2' }) });
    expect(await rejected(() => engine.alterIndex({ collectionName: 'd', indexName: 'v', params: kv({ 'mmap.enabled': 'true' }) }))).toEqual({
      code: 1100,
      reason: 'invalid mmap index params%!(EXTRA string=index type DISKANN does not support mmap): invalid parameter',
    });
    engine.alterIndex({ collectionName: 'd', indexName: 'v', params: kv({ 'mmap.enabled': 'false' }) });
    engine.loadCollection({ collectionName: 'c' });
    const loaded = { code: 104, reason: "can't alter index on loaded collection, please release the collection first: collection already loaded[collection=c]" };
    expect(await rejected(alter('v', { 'mmap.enabled': 'true' }))).toEqual(loaded);
    expect(await rejected(alter('v', {}, ['mmap.enabled']))).toEqual(loaded);
  });
});
