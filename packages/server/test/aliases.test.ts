import { DataType } from '@mvkit/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { Engine, type FieldInput } from '../src/engine/index.js';
import { refused } from './refusal.js';

const base = { description: '', isPartitionKey: false, isDynamic: false, isClusteringKey: false, elementType: 0, nullable: false, autoID: false };
const fields: FieldInput[] = [
  { ...base, name: 'id', dataType: DataType.Int64, isPrimaryKey: true, typeParams: {} },
  { ...base, name: 'v', dataType: DataType.FloatVector, isPrimaryKey: false, typeParams: { dim: '2' } },
];

let engine: Engine;
beforeEach(() => {
  engine = new Engine();
  engine.createCollection({ collectionName: 'c1', fields });
  engine.createCollection({ collectionName: 'c2', fields });
});

describe('aliases (rootcoord meta_table rules, proxy name checks first)', () => {
  it('creates, describes, lists, alters and drops an alias', () => {
    engine.createAlias({ alias: 'a1', collectionName: 'c1' });
    engine.createAlias({ alias: 'a1', collectionName: 'c1' }); // the same pair again is a success
    engine.createAlias({ alias: 'a2', collectionName: 'c1' });
    expect(engine.describeAlias({ alias: 'a1' })).toEqual({ dbName: 'default', alias: 'a1', collectionName: 'c1' });
    expect(engine.listAliases({})).toEqual(['a1', 'a2']);
    expect(engine.listAliases({ collectionName: 'c1' })).toEqual(['a1', 'a2']);
    expect(engine.listAliases({ collectionName: 'c2' })).toEqual([]);
    engine.alterAlias({ alias: 'a1', collectionName: 'c2' });
    expect(engine.describeAlias({ alias: 'a1' }).collectionName).toBe('c2');
    expect(engine.listAliases({ collectionName: 'c2' })).toEqual(['a1']);
    engine.dropAlias({ alias: 'a1' });
    engine.dropAlias({ alias: 'a1' }); // a missing alias drops without error, as in Milvus
    expect(engine.listAliases({})).toEqual(['a2']);
  });

  it('answers Milvus codes and messages for each refusal', () => {
    engine.createAlias({ alias: 'a1', collectionName: 'c1' });
    expect(refused(() => engine.createAlias({ alias: '1a', collectionName: 'c1' }))).toEqual({
      code: 1100,
      reason: 'Invalid collection alias: 1a. the first character of a collection alias must be an underscore or letter: invalid parameter',
    });
    // the alias is checked before the collection name
    expect(refused(() => engine.createAlias({ alias: '', collectionName: '1c' }))).toEqual({ code: 1100, reason: 'collection alias should not be empty: invalid parameter' });
    expect(refused(() => engine.createAlias({ alias: 'b', collectionName: '1c' })).code).toBe(1100);
    expect(refused(() => engine.createAlias({ alias: 'a'.repeat(256), collectionName: 'c1' })).reason).toContain('the length of a collection alias must be less than 255 characters');
    expect(refused(() => engine.createAlias({ alias: 'c2', collectionName: 'c1' }))).toEqual({ code: 1601, reason: 'alias and collection name conflict[database=default][alias=c2]' });
    expect(refused(() => engine.createAlias({ alias: 'b', collectionName: 'nope' }))).toEqual({ code: 100, reason: 'collection not found[database=default][collection=nope]' });
    // an alias does not name the target of another alias
    expect(refused(() => engine.createAlias({ alias: 'b', collectionName: 'a1' })).code).toBe(100);
    expect(refused(() => engine.createAlias({ alias: 'a1', collectionName: 'c2' }))).toEqual({
      code: 1602,
      reason: 'a1 is alias to another collection: c1: alias already exist[database=default][alias=a1]',
    });
    expect(refused(() => engine.createAlias({ dbName: 'nodb', alias: 'b', collectionName: 'c1' }))).toEqual({ code: 800, reason: 'database not found[database=nodb]' });
    expect(refused(() => engine.alterAlias({ alias: 'zz', collectionName: 'c2' }))).toEqual({ code: 1600, reason: 'alias not found[database=default][alias=zz]' });
    expect(refused(() => engine.alterAlias({ alias: 'a1', collectionName: 'nope' }))).toEqual({ code: 100, reason: 'collection not found[collection=nope]' });
    expect(refused(() => engine.alterAlias({ alias: 'c1', collectionName: 'c1' }))).toEqual({ code: 1601, reason: 'alias and collection name conflict[database=default][alias=c1]' });
    expect(refused(() => engine.describeAlias({ alias: 'zz' }))).toEqual({ code: 1600, reason: 'alias not found[database=default][alias=zz]' });
    expect(refused(() => engine.listAliases({ collectionName: 'nope' }))).toEqual({ code: 100, reason: 'collection not found[collection=nope]' });
    expect(refused(() => engine.dropAlias({ alias: '%$#' })).code).toBe(1100);
  });

  it('keeps aliases per database', () => {
    engine.createDatabase('db2');
    engine.createCollection({ dbName: 'db2', collectionName: 'c1', fields });
    engine.createAlias({ alias: 'a', collectionName: 'c1' });
    engine.createAlias({ dbName: 'db2', alias: 'a', collectionName: 'c1' });
    expect(engine.describeAlias({ dbName: 'db2', alias: 'a' }).dbName).toBe('db2');
    expect(engine.describeCollection({ dbName: 'db2', collectionName: 'a' }).dbName).toBe('db2');
    engine.dropAlias({ dbName: 'db2', alias: 'a' });
    expect(engine.listAliases({ dbName: 'db2' })).toEqual([]);
    expect(engine.listAliases({})).toEqual(['a']);
  });

  it('resolves an alias wherever a collection name is accepted', async () => {
    engine.createAlias({ alias: 'books', collectionName: 'c1' });
    expect(engine.hasCollection({ collectionName: 'books' })).toBe(true);
    expect(engine.describeCollection({ collectionName: 'books' }).name).toBe('c1');
    engine.createPartition({ collectionName: 'books', partitionName: 'p' });
    expect(engine.hasPartition({ collectionName: 'c1', partitionName: 'p' })).toBe(true);
    engine.createIndex({ collectionName: 'books', fieldName: 'v', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'L2' }] });
    const ins = await engine.insert({ collectionName: 'books', rows: [{ id: 1n, v: [0, 1] }, { id: 2n, v: [1, 0] }] });
    expect(ins.ids).toEqual([1n, 2n]);
    engine.loadCollection({ collectionName: 'books' });
    expect(engine.getLoadState({ collectionName: 'c1' })).toBe(engine.getLoadState({ collectionName: 'books' }));
    const { rows } = await engine.query({ collectionName: 'books', filter: 'id > 0', outputFields: ['id'] });
    expect(rows.map((r) => r.id)).toEqual([1n, 2n]);
    engine.releaseCollection({ collectionName: 'books' });
    expect(engine.showCollections('default', 0).length).toBe(2);
  });

  it('refuses collection names that clash with aliases, and drops that would orphan them', () => {
    engine.createAlias({ alias: 'a', collectionName: 'c1' });
    expect(refused(() => engine.createCollection({ collectionName: 'a', fields }))).toEqual({
      code: 65535,
      reason: 'collection name [a] conflicts with an existing alias, please choose a unique name',
    });
    expect(refused(() => engine.dropCollection({ collectionName: 'a' }))).toEqual({ code: 65535, reason: 'cannot drop the collection via alias = a' });
    engine.createAlias({ alias: 'b', collectionName: 'c1' });
    expect(refused(() => engine.dropCollection({ collectionName: 'c1' }))).toEqual({
      code: 65535,
      reason: 'unable to drop the collection [c1] because it has associated aliases [a b], please remove all aliases before dropping the collection',
    });
    expect(refused(() => engine.renameCollection({ collectionName: 'c2', newName: 'a' }))).toEqual({
      code: 65535,
      reason: 'duplicated new collection name default:a with other collection name or alias',
    });
    engine.createDatabase('db2');
    expect(refused(() => engine.renameCollection({ collectionName: 'c1', newName: 'x', newDbName: 'db2' }))).toEqual({
      code: 65535,
      reason: 'fail to rename db name, must drop all aliases of this collection before rename',
    });
    // renamed in its database, the collection keeps its aliases
    engine.renameCollection({ collectionName: 'c1', newName: 'c3' });
    expect(engine.describeAlias({ alias: 'a' }).collectionName).toBe('c3');
    engine.dropAlias({ alias: 'a' });
    engine.dropAlias({ alias: 'b' });
    engine.dropCollection({ collectionName: 'c3' });
    expect(engine.hasCollection({ collectionName: 'c3' })).toBe(false);
  });
});
