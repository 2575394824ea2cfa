import { MilvusError } from '@mvkit/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataType, LoadState } from '@mvkit/core';
import { Engine, type FieldInput } from '../src/engine/index.js';

/** Runs `fn` and returns the MilvusError it throws (fails the test if it does not throw one). */
function thrown(fn: () => unknown): MilvusError {
  try {
    fn();
  } catch (e) {
    expect(MilvusError.is(e)).toBe(true);
    return e as MilvusError;
  }
  throw new Error('expected a MilvusError');
}

function thrownFrom(fn: () => unknown): { code: number; reason: string } {
  const e = thrown(fn);
  return { code: e.code, reason: e.reason };
}

function expectError(fn: () => unknown, code: number, errorCode: string, reason: string): void {
  const e = thrown(fn);
  expect({ code: e.code, errorCode: e.errorCode, reason: e.reason }).toEqual({ code, errorCode, reason });
}

const base = { description: '', isPartitionKey: false, isDynamic: false, isClusteringKey: false, elementType: 0, nullable: false, autoID: false };
const bookFields: FieldInput[] = [
  { ...base, name: 'book_id', dataType: DataType.Int64, isPrimaryKey: true, typeParams: {} },
  { ...base, name: 'word_count', dataType: DataType.Int64, isPrimaryKey: false, typeParams: {} },
  { ...base, name: 'book_intro', dataType: DataType.FloatVector, isPrimaryKey: false, typeParams: { dim: '2' } },
];

let engine: Engine;
const book = { collectionName: 'book' };
beforeEach(() => {
  engine = new Engine();
  engine.createCollection({ ...book, fields: bookFields });
});
const index = (e: Engine = engine) => e.createIndex({ ...book, fieldName: 'book_intro', params: [{ key: 'index_type', value: 'IVF_FLAT' }, { key: 'metric_type', value: 'L2' }, { key: 'params', value: '{"nlist":1024}' }] });

describe('names', () => {
  it.each([
    ['', 'Invalid partition name: . Partition name should not be empty.'],
    ['   ', 'Invalid partition name: . Partition name should not be empty.'],
    ['a'.repeat(256), `Invalid partition name: ${'a'.repeat(256)}. The length of a partition name must be less than 255 characters.`],
    ['-p', 'Invalid partition name: -p. The first character of a partition name must be an underscore or letter.'],
    ['a b', 'Invalid partition name: a b. Partition name can only contain numbers, letters and underscores.'],
    ['p$', 'Invalid partition name: p$. Partition name can only contain numbers, letters and underscores.'],
  ])('rejects partition name %j with 65535', (name, reason) => {
    expectError(() => engine.createPartition({ ...book, partitionName: name }), 65535, 'UnexpectedError', reason);
  });

  it('accepts 255 characters, a leading digit and dashes (2.5 rules)', () => {
    for (const name of ['a'.repeat(255), '1st', 'with-dash', '_x']) {
      engine.createPartition({ ...book, partitionName: name });
      expect(engine.hasPartition({ ...book, partitionName: name })).toBe(true);
    }
  });

  it.each([
    ['', 'collection name should not be empty: invalid parameter'],
    ['1c', 'Invalid collection name: 1c. the first character of a collection name must be an underscore or letter: invalid parameter'],
    ['a-b', 'Invalid collection name: a-b. collection name can only contain numbers, letters and underscores: invalid parameter'],
    ['a'.repeat(256), `Invalid collection name: ${'a'.repeat(256)}. the length of a collection name must be less than 255 characters: invalid parameter`],
  ])('rejects collection name %j with 1100', (name, reason) => {
    expectError(() => engine.createPartition({ collectionName: name, partitionName: 'p' }), 1100, 'IllegalArgument', reason);
  });
});

describe('collections', () => {
  it('checks default values as Milvus 2.5 does: not on the primary key, vectors, JSON or Array; of the field type; in range', () => {
    const fresh = new Engine();
    const withDefault = (f: Partial<FieldInput>) => () =>
      fresh.createCollection({ collectionName: 'd', fields: [...bookFields, { ...base, name: 'x', dataType: DataType.Int64, isPrimaryKey: false, typeParams: {}, ...f }] });
    const pk = () => fresh.createCollection({ collectionName: 'd', fields: bookFields.map((f, i) => (i === 0 ? { ...f, defaultValue: { case: 'longData' as const, value: 1n } } : f)) });
    expectError(pk, 1100, 'IllegalArgument', 'primary field not support default_value: invalid parameter');
    expectError(withDefault({ dataType: DataType.FloatVector, typeParams: { dim: '2' }, defaultValue: { case: 'floatData', value: 2 } }), 1100, 'IllegalArgument', 'type (FloatVector) not support default_value: invalid parameter');
    expectError(withDefault({ dataType: DataType.JSON, defaultValue: { case: 'stringData', value: '{}' } }), 1100, 'IllegalArgument', 'type (JSON) not support default_value: invalid parameter');
    expectError(withDefault({ dataType: DataType.Array, elementType: DataType.Int64, typeParams: { max_capacity: '4' }, defaultValue: { case: 'longData', value: 1n } }), 1100, 'IllegalArgument', 'type (Array) not support default_value: invalid parameter');
    expectError(withDefault({ dataType: DataType.VarChar, typeParams: { max_length: '100' }, defaultValue: { case: 'intData', value: 2 } }), 1100, 'IllegalArgument', 'type (VarChar) of field (x) is not equal to the type(DataType_Int) of default_value: invalid parameter');
    expectError(withDefault({ dataType: DataType.Int32, defaultValue: { case: 'longData', value: 2n } }), 1100, 'IllegalArgument', 'type (Int32) of field (x) is not equal to the type(DataType_Int64) of default_value: invalid parameter');
    expectError(withDefault({ dataType: DataType.Int8, defaultValue: { case: 'intData', value: 128 } }), 1100, 'IllegalArgument', 'default value out of range: invalid parameter[128 out of range -128 <= value <= 127]');
    expectError(withDefault({ dataType: DataType.Int16, defaultValue: { case: 'intData', value: -32769 } }), 1100, 'IllegalArgument', 'default value out of range: invalid parameter[-32769 out of range -32768 <= value <= 32767]');
    expectError(
      withDefault({ dataType: DataType.VarChar, typeParams: { max_length: '2' }, defaultValue: { case: 'stringData', value: 'defaultaaaaaaaaa' } }),
      1100,
      'IllegalArgument',
      'the length (16) of string exceeds max length (2): invalid parameter[expected=valid length string][actual=string length exceeds max length]',
    );
    expect(fresh.showCollections().length).toBe(0);
  });

  it('fills an absent or null value with the default, keeps null for a nullable field, and refuses a missing field with neither', async () => {
    const fresh = new Engine();
    fresh.createCollection({
      collectionName: 'd',
      fields: [
        ...bookFields,
        { ...base, name: 'n', dataType: DataType.Int16, isPrimaryKey: false, typeParams: {}, nullable: true },
        { ...base, name: 'x', dataType: DataType.Int16, isPrimaryKey: false, typeParams: {}, defaultValue: { case: 'intData', value: 5 } },
        { ...base, name: 'y', dataType: DataType.VarChar, isPrimaryKey: false, typeParams: { max_length: '4' }, nullable: true, defaultValue: { case: 'stringData', value: 'zz' } },
      ],
    });
    const ref = { collectionName: 'd' };
    await fresh.insert({ ...ref, rows: [{ book_id: 1n, word_count: 1n, book_intro: [1, 2] }, { book_id: 2n, word_count: 2n, book_intro: [1, 2], n: 3, x: null, y: null }, { book_id: 3n, word_count: 3n, book_intro: [1, 2], n: null, x: 9, y: 'ab' }] });
    fresh.createIndex({ ...ref, fieldName: 'book_intro', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'L2' }] });
    fresh.loadCollection(ref);
    const rows = (await fresh.query({ ...ref, filter: 'book_id > 0', outputFields: ['n', 'x', 'y'] })).rows;
    expect(rows).toEqual([
      { book_id: 1n, n: null, x: 5, y: 'zz' },
      { book_id: 2n, n: 3, x: 5, y: 'zz' },
      { book_id: 3n, n: null, x: 9, y: 'ab' },
    ]);
    await expect(fresh.insert({ ...ref, rows: [{ book_id: 4n, book_intro: [1, 2] }] })).rejects.toMatchObject({
      code: 1100,
      reason: 'Insert missed an field `word_count` to collection without set nullable==true or set default_value: invalid parameter',
    });
  });

  it('refuses nullable primary keys, partition keys and vector fields, as Milvus 2.5 does', () => {
    const fresh = new Engine();
    const create = (fields: FieldInput[]) => () => fresh.createCollection({ collectionName: 'n', fields });
    const nullable = (i: number, extra: Partial<FieldInput> = {}) => bookFields.map((f, j) => (j === i ? { ...f, nullable: true, ...extra } : f));
    expectError(create(nullable(0)), 1100, 'IllegalArgument', 'primary field not support null: invalid parameter');
    expectError(create(nullable(1, { isPartitionKey: true })), 1100, 'IllegalArgument', 'partition key field not support nullable: invalid parameter');
    expectError(create(nullable(2)), 1100, 'IllegalArgument', 'vector type not support null, type:FloatVector, name:book_intro: invalid parameter');
    const binary: FieldInput = { ...base, name: 'bits', dataType: DataType.BinaryVector, isPrimaryKey: false, typeParams: { dim: '16' }, nullable: true };
    expectError(create([...bookFields, binary]), 1100, 'IllegalArgument', 'vector type not support null, type:BinaryVector, name:bits: invalid parameter');
    // A nullable scalar field is a schema Milvus accepts.
    expect(fresh.createCollection({ collectionName: 'n', fields: nullable(1) }).schema.fields[1]!.nullable).toBe(true);
  });

  it('creates _default with every collection and lists partitions in creation order', () => {
    engine.createPartition({ ...book, partitionName: 'novel' });
    expect(engine.showPartitions(book).map((s) => s.item.name)).toEqual(['_default', 'novel']);
  });

  it('treats a repeated create with the same schema as a no-op and a different schema as an error', () => {
    const first = engine.describeCollection(book).id;
    expect(engine.createCollection({ ...book, fields: bookFields }).id).toBe(first);
    expectError(
      () => engine.createCollection({ ...book, fields: bookFields.slice(0, 1).concat(bookFields[2]!) }),
      65535,
      'UnexpectedError',
      'create duplicate collection with different parameters, collection: book',
    );
  });

  it('describes a missing collection with code 100 and legacy UnexpectedError', () => {
    expectError(() => engine.describeCollection({ collectionName: 'nope' }), 100, 'UnexpectedError', "can't find collection[database=default][collection=nope]");
  });

  it('reports missing collections to partition RPCs with 100 / CollectionNotExists', () => {
    const reason = 'collection not found[database=default][collection=nope]';
    const ref = { collectionName: 'nope', partitionName: 'p' };
    for (const fn of [
      () => engine.createPartition(ref),
      () => engine.dropPartition(ref),
      () => engine.hasPartition(ref),
      () => engine.showPartitions(ref),
      () => engine.loadPartitions({ ...ref, partitionNames: ['p'] }),
      () => engine.releasePartitions({ ...ref, partitionNames: ['p'] }),
      () => engine.getPartitionStatistics(ref),
      () => engine.getLoadingProgress(ref),
    ]) {
      expectError(fn, 100, 'CollectionNotExists', reason);
    }
  });

  it('has / drop of a missing collection are false / no-op', () => {
    expect(engine.hasCollection({ collectionName: 'nope' })).toBe(false);
    engine.dropCollection({ collectionName: 'nope' });
    engine.dropCollection(book);
    expect(engine.hasCollection(book)).toBe(false);
  });

  it('enforces the collection limit with 102', () => {
    const small = new Engine({ maxCollections: 2 });
    small.createCollection({ collectionName: 'a', fields: bookFields });
    small.createCollection({ collectionName: 'b', fields: bookFields });
    expectError(() => small.createCollection({ collectionName: 'c', fields: bookFields }), 102, 'UnexpectedError', 'exceeded the limit number of collections[dbName=default][limit=2]');
  });

  it('validates schemas: primary key and vector field are required', () => {
    expectError(() => engine.createCollection({ collectionName: 'x', fields: bookFields.slice(1) }), 65535, 'UnexpectedError', 'primary key is not specified');
    expectError(() => engine.createCollection({ collectionName: 'x', fields: bookFields.slice(0, 2) }), 1100, 'IllegalArgument', 'schema does not contain vector field: invalid parameter');
  });

  it('checks fields in the order and words of the proxy (createCollectionTask.PreExecute, then rootcoord)', () => {
    const fresh = new Engine();
    const field = (name: string, dataType: number, extra: Partial<FieldInput> = {}): FieldInput => ({ ...base, name, dataType: dataType as FieldInput['dataType'], isPrimaryKey: false, typeParams: {}, ...extra });
    const pk = field('id', DataType.Int64, { isPrimaryKey: true });
    const vec = field('v', DataType.FloatVector, { typeParams: { dim: '4' } });
    const create = (...fields: FieldInput[]) => () => fresh.createCollection({ collectionName: 'c', fields });
    const cases: [FieldInput[], number, string][] = [
      [[pk, vec, field('v', DataType.Int64)], 65535, 'duplicated field name'],
      [[pk, field('id2', DataType.Int64, { isPrimaryKey: true }), vec], 65535, 'there are more than one primary key, field name = id, id2'],
      [[field('id', DataType.Float, { isPrimaryKey: true }), vec], 65535, 'the data type of primary key should be Int64 or VarChar'],
      [[pk, vec, field('$meta', DataType.JSON, { isDynamic: true })], 65535, 'cannot explicitly set a field as a dynamic field'],
      [[{ ...pk, autoID: true }, vec, field('n', DataType.Int64, { autoID: true })], 65535, 'only one field can speficy AutoID with true, field name = id, n'],
      [[pk, vec, field('n', DataType.Int64, { autoID: true })], 65535, 'only primary field can speficy AutoID with true, field name = n'],
      [[pk, vec, field('n', DataType.None)], 65535, 'data type None is not valid'],
      [[pk, vec, field('n', DataType.String)], 65535, 'string data type not supported yet, please use VarChar type instead'],
      [[pk, vec, field('a', DataType.Array, { elementType: DataType.JSON, typeParams: { max_capacity: '4' } })], 65535, 'element type JSON is not supported'],
      [[pk, vec, field('a', DataType.Array, { elementType: DataType.None, typeParams: { max_capacity: '4' } })], 65535, 'element data type None is not valid'],
      [[pk, vec, field('p', DataType.Int64, { isPartitionKey: true }), field('q', DataType.Int64, { isPartitionKey: true })], 65535, 'there are more than one partition key, field name = p, q'],
      [[{ ...pk, isPartitionKey: true }, vec], 65535, 'the partition key field must not be primary field'],
      [[pk, vec, field('p', DataType.Double, { isPartitionKey: true })], 65535, 'the data type of partition key should be Int64 or VarChar'],
      [[pk, vec, field('(mn)', DataType.Int64)], 1701, 'Invalid field name: (mn). The first character of a field name must be an underscore or letter.: field name invalid[field=(mn)]'],
      [[pk, vec, field('m-n', DataType.Int64)], 1701, 'Invalid field name: m-n. Field name can only contain numbers, letters, and underscores.: field name invalid[field=m-n]'],
      [[pk, vec, field('like', DataType.Int64)], 1701, 'Invalid field name: like. like is keyword in milvus.: field name invalid[field=like]'],
      [[pk, vec, field('TRUE', DataType.Int64)], 1701, 'Invalid field name: TRUE. TRUE is keyword in milvus.: field name invalid[field=TRUE]'],
      [[pk, vec, field('$meta', DataType.Int64)], 1701, 'Invalid field name: $meta. The first character of a field name must be an underscore or letter.: field name invalid[field=$meta]'],
      [[pk, field('v', DataType.FloatVector, { typeParams: { dim: '1' } })], 65535, 'invalid dimension: 1. should be in range 2 ~ 32768'],
      [[pk, field('v', DataType.FloatVector, { typeParams: { dim: '32769' } })], 65535, 'invalid dimension: 32769. float vector dimension should be in range 2 ~ 32768'],
      [[pk, field('v', DataType.FloatVector, { typeParams: { dim: 'x' } })], 65535, 'strconv.ParseInt: parsing "x": invalid syntax'],
      [[pk, field('v', DataType.FloatVector)], 65535, 'dimension is not defined in field type params of field v, check type param `dim` for vector field'],
      [[pk, field('b', DataType.BinaryVector, { typeParams: { dim: '12' } })], 65535, 'invalid dimension: 12. binary vector dimension should be multiple of 8. '],
      [[pk, field('b', DataType.BinaryVector, { typeParams: { dim: '262152' } })], 65535, 'invalid dimension: 262152. binary vector dimension should be in range 2 ~ 262144'],
      [[pk, vec, field('s', DataType.SparseFloatVector, { typeParams: { dim: '4' } })], 65535, 'dim should not be specified for sparse vector field s(0)'],
      [[pk, vec, field('a', DataType.Array, { elementType: DataType.VarChar, typeParams: { max_capacity: '4' } })], 65535, 'type param(max_length) should be specified for the field(a) of collection c'],
    ];
    for (const [fields, code, reason] of cases) expect(thrownFrom(create(...fields)), reason).toMatchObject({ code, reason });
    expect(fresh.showCollections()).toEqual([]);
    // Checked in this order: the AutoID rule before the field type, the field name before its dim.
    expect(thrownFrom(create({ ...pk, autoID: true }, vec, field('n', DataType.None, { autoID: true }))).reason).toMatch(/^only one field/);
    expect(thrownFrom(create(pk, field('(v)', DataType.FloatVector, { typeParams: { dim: '1' } }))).code).toBe(1701);
  });

  it('quick setup creates id + vector, an AUTOINDEX index named after the field, and loads', () => {
    engine.createCollectionQuick({ collection_name: 'quick', dimension: 5 });
    const coll = engine.describeCollection({ collectionName: 'quick' });
    expect(coll.schema.fields.map((f) => [f.name, f.dataType])).toEqual([['id', DataType.Int64], ['vector', DataType.FloatVector], ['$meta', DataType.JSON]]);
    const [idx] = engine.describeIndex({ collectionName: 'quick' });
    expect(idx?.indexName).toBe('vector');
    expect(Object.fromEntries(idx!.params.map((p) => [p.key, p.value]))).toEqual({ index_type: 'AUTOINDEX', metric_type: 'COSINE' });
    expect(engine.getLoadState({ collectionName: 'quick' })).toBe(LoadState.LoadStateLoaded);
  });
});

describe('partitions', () => {
  it('create of an existing name (and _default) is a no-op; drop of a missing one too', () => {
    engine.createPartition({ ...book, partitionName: 'novel' });
    engine.createPartition({ ...book, partitionName: 'novel' });
    engine.createPartition({ ...book, partitionName: '_default' });
    engine.dropPartition({ ...book, partitionName: 'ghost' });
    expect(engine.showPartitions(book).map((s) => s.item.name)).toEqual(['_default', 'novel']);
  });

  it('refuses to drop _default', () => {
    expectError(() => engine.dropPartition({ ...book, partitionName: '_default' }), 65535, 'UnexpectedError', 'default partition cannot be deleted');
  });

  it('refuses to drop a loaded partition until it is released', () => {
    engine.createPartition({ ...book, partitionName: 'novel' });
    index();
    engine.loadPartitions({ ...book, partitionNames: ['novel'] });
    expectError(() => engine.dropPartition({ ...book, partitionName: 'novel' }), 65535, 'UnexpectedError', 'partition cannot be dropped, partition is loaded, please release it first');
    engine.releasePartitions({ ...book, partitionNames: ['novel'] });
    engine.dropPartition({ ...book, partitionName: 'novel' });
    expect(engine.hasPartition({ ...book, partitionName: 'novel' })).toBe(false);
  });

  it('allows 1024 partitions including _default and refuses the 1025th', () => {
    for (let i = 1; i < 1024; i++) engine.createPartition({ ...book, partitionName: `p${i}` });
    expect(engine.showPartitions(book)).toHaveLength(1024);
    expectError(() => engine.createPartition({ ...book, partitionName: 'one_too_many' }), 65535, 'UnexpectedError', 'partition number (1024) exceeds max configuration (1024), collection: book');
  });

  it('honours a configured partition limit', () => {
    const small = new Engine({ maxPartitionsPerCollection: 2 });
    small.createCollection({ ...book, fields: bookFields });
    small.createPartition({ ...book, partitionName: 'a' });
    expectError(() => small.createPartition({ ...book, partitionName: 'b' }), 65535, 'UnexpectedError', 'partition number (2) exceeds max configuration (2), collection: book');
  });

  it('reports unknown partitions with 200 / MetaFailed', () => {
    index();
    expectError(() => engine.loadPartitions({ ...book, partitionNames: ['ghost'] }), 200, 'MetaFailed', 'partition not found[partition=ghost]');
    expectError(() => engine.releasePartitions({ ...book, partitionNames: ['ghost'] }), 200, 'MetaFailed', 'partition not found[partition=ghost]');
    expectError(() => engine.getPartitionStatistics({ ...book, partitionName: 'ghost' }), 200, 'MetaFailed', 'partition not found[partition=ghost]');
    expectError(() => engine.getLoadState({ ...book, partitionNames: ['ghost'] }), 200, 'MetaFailed', 'partition not found[partition=ghost]');
  });

  it('refuses partition DDL in partition-key mode', () => {
    const fields = bookFields.map((f) => (f.name === 'word_count' ? { ...f, isPartitionKey: true } : f));
    engine.createCollection({ collectionName: 'pk', fields });
    expectError(() => engine.createPartition({ collectionName: 'pk', partitionName: 'p' }), 65535, 'UnexpectedError', 'disable create partition if partition key mode is used');
  });
});

describe('load and release', () => {
  it('requires an index before load', () => {
    expectError(() => engine.loadCollection(book), 700, 'IndexNotExist', 'index not found[collection=book]');
    expectError(() => engine.loadPartitions({ ...book, partitionNames: ['_default'] }), 700, 'IndexNotExist', 'index not found[collection=book]');
  });

  it('requires an index on every vector field', () => {
    const fields = [...bookFields, { ...base, name: 'v2', dataType: DataType.FloatVector, isPrimaryKey: false, typeParams: { dim: '4' } }];
    engine.createCollection({ collectionName: 'two', fields });
    engine.createIndex({ collectionName: 'two', fieldName: 'book_intro', params: [] });
    expectError(() => engine.loadCollection({ collectionName: 'two' }), 65535, 'UnexpectedError', 'there is no vector index on field: [v2], please create index firstly');
  });

  it('rejects an empty partition list on load (65535) and release (1100)', () => {
    index();
    expectError(() => engine.loadPartitions({ ...book, partitionNames: [] }), 65535, 'UnexpectedError', 'failed to load partition, due to no partition specified');
    expectError(() => engine.releasePartitions({ ...book, partitionNames: [] }), 1100, 'IllegalArgument', 'invalid parameter[expected=any partition][actual=empty partition list]');
  });

  it('loads partitions incrementally and reports per-partition state', () => {
    engine.createPartition({ ...book, partitionName: 'a' });
    engine.createPartition({ ...book, partitionName: 'b' });
    index();
    expect(engine.getLoadState(book)).toBe(LoadState.LoadStateNotLoad);
    engine.loadPartitions({ ...book, partitionNames: ['a'] });
    engine.loadPartitions({ ...book, partitionNames: ['b'] });
    engine.loadPartitions({ ...book, partitionNames: ['a', 'b'] });
    expect(engine.getLoadState({ ...book, partitionNames: ['a', 'b'] })).toBe(LoadState.LoadStateLoaded);
    expect(engine.getLoadState({ ...book, partitionNames: ['_default'] })).toBe(LoadState.LoadStateNotLoad);
    expect(engine.getLoadState({ ...book, partitionNames: ['a', '_default'] })).toBe(LoadState.LoadStateNotLoad);
    expect(engine.getLoadState(book)).toBe(LoadState.LoadStateLoaded);
    expect(engine.getLoadingProgress({ ...book, partitionNames: ['a'] }).progress).toBe(100);
    const defaultId = engine.describeCollection(book).partitions.get('_default')!.id;
    expectError(() => engine.getLoadingProgress({ ...book, partitionNames: ['_default'] }), 201, 'UnexpectedError', `partition not loaded[partition=${defaultId}]`);
  });

  it('releasing the last loaded partition releases the collection', () => {
    engine.createPartition({ ...book, partitionName: 'a' });
    index();
    engine.loadPartitions({ ...book, partitionNames: ['a'] });
    engine.releasePartitions({ ...book, partitionNames: ['a'] });
    expect(engine.getLoadState(book)).toBe(LoadState.LoadStateNotLoad);
    const id = engine.describeCollection(book).id;
    expectError(() => engine.getLoadingProgress(book), 101, 'UnexpectedError', `collection not loaded[collection=${id}]`);
  });

  it('auto-loads partitions created after LoadCollection, not after LoadPartitions', () => {
    index();
    engine.loadCollection(book);
    engine.createPartition({ ...book, partitionName: 'later' });
    expect(engine.getLoadState({ ...book, partitionNames: ['later'] })).toBe(LoadState.LoadStateLoaded);
    engine.releasePartitions({ ...book, partitionNames: ['later'] });
    expect(engine.getLoadState({ ...book, partitionNames: ['later'] })).toBe(LoadState.LoadStateNotLoad);
    expect(engine.getLoadState(book)).toBe(LoadState.LoadStateLoaded);
    engine.createPartition({ ...book, partitionName: 'later2' });
    expect(engine.getLoadState({ ...book, partitionNames: ['later2'] })).toBe(LoadState.LoadStateLoaded);

    engine.releaseCollection(book);
    engine.loadPartitions({ ...book, partitionNames: ['_default'] });
    engine.createPartition({ ...book, partitionName: 'later3' });
    expect(engine.getLoadState({ ...book, partitionNames: ['later3'] })).toBe(LoadState.LoadStateNotLoad);
  });

  it('LoadCollection after LoadPartitions loads the rest; release of unloaded things is a no-op', () => {
    engine.createPartition({ ...book, partitionName: 'a' });
    index();
    engine.releasePartitions({ ...book, partitionNames: ['a'] });
    engine.releaseCollection(book);
    engine.loadPartitions({ ...book, partitionNames: ['a'] });
    engine.loadCollection(book);
    expect(engine.getLoadState({ ...book, partitionNames: ['a', '_default'] })).toBe(LoadState.LoadStateLoaded);
  });

  it('refuses a different replica number for loaded partitions (1100)', () => {
    const e = new Engine({ queryNodes: 2 });
    e.createCollection({ ...book, fields: bookFields });
    index(e);
    e.loadPartitions({ ...book, partitionNames: ['_default'], replicaNumber: 1 });
    const err = thrown(() => e.loadPartitions({ ...book, partitionNames: ['_default'], replicaNumber: 2 }));
    expect([err.code, err.errorCode, err.reason]).toEqual([1100, 'IllegalArgument', "can't change the replica number for loaded partitions: invalid parameter[expected=1][actual=2]"]);
    expect(err.detail).toBe("failed to load partitions: can't change the replica number for loaded partitions: invalid parameter[expected=1][actual=2]");
    e.loadPartitions({ ...book, partitionNames: ['_default'], replicaNumber: 0 });
  });

  it('refuses more replicas than query nodes (LoadCollection 65535 through the proxy, LoadPartitions 304)', () => {
    index();
    expectError(
      () => engine.loadCollection({ ...book, replicaNumber: 3 }),
      65535,
      'UnexpectedError',
      'call query coordinator LoadCollection: failed to spawn replica for collection: resource group node not enough[rg=__default_resource_group][currentNodeNum=1][expectedNodeNum=3]',
    );
    expectError(
      () => engine.loadPartitions({ ...book, partitionNames: ['_default'], replicaNumber: 2 }),
      304,
      'UnexpectedError',
      'failed to spawn replica for collection: resource group node not enough[rg=__default_resource_group][currentNodeNum=1][expectedNodeNum=2]',
    );
    expect(engine.getLoadState(book)).toBe(LoadState.LoadStateNotLoad);
  });

  it('GetLoadState of a missing collection is NotExist; a bad name is 1100', () => {
    expect(engine.getLoadState({ collectionName: 'nope' })).toBe(LoadState.LoadStateNotExist);
    expect(thrown(() => engine.getLoadState({ collectionName: '9' })).code).toBe(1100);
  });

  it('ShowPartitions InMemory lists only loaded partitions and rejects unloaded names with 201', () => {
    engine.createPartition({ ...book, partitionName: 'a' });
    index();
    expect(engine.showPartitions({ ...book, type: 1 })).toEqual([]);
    engine.loadPartitions({ ...book, partitionNames: ['a'] });
    expect(engine.showPartitions({ ...book, type: 1 }).map((s) => [s.item.name, s.inMemoryPercentage])).toEqual([['a', 100]]);
    expect(thrown(() => engine.showPartitions({ ...book, type: 1, partitionNames: ['_default'] })).code).toBe(201);
  });
});

describe('indexes', () => {
  it('records, describes and drops an index; repeated create is a no-op', () => {
    const a = index();
    expect(index().indexID).toBe(a.indexID);
    expect(engine.describeIndex(book).map((i) => i.indexName)).toEqual(['book_intro']);
    expectError(
      () => engine.createIndex({ ...book, fieldName: 'book_intro', params: [{ key: 'index_type', value: 'HNSW' }] }),
      65535,
      'UnexpectedError',
      'CreateIndex failed: at most one distinct index is allowed per field',
    );
    engine.dropIndex({ ...book, indexName: 'book_intro' });
    expectError(() => engine.describeIndex(book), 700, 'IndexNotExist', 'index not found[collection=book]');
  });

  it('refuses to drop the vector index of a loaded collection', () => {
    index();
    engine.loadCollection(book);
    expectError(() => engine.dropIndex({ ...book, indexName: 'book_intro' }), 65535, 'UnexpectedError', 'index cannot be dropped, collection is loaded, please release it first');
  });

  it('rejects unknown index and metric types with 1100', () => {
    expect(thrown(() => engine.createIndex({ ...book, fieldName: 'book_intro', params: [{ key: 'index_type', value: 'NOPE' }] })).code).toBe(1100);
    expect(thrown(() => engine.createIndex({ ...book, fieldName: 'book_intro', params: [{ key: 'metric_type', value: 'HAMMING' }] })).code).toBe(1100);
  });
});

describe('databases', () => {
  it('creates, lists and drops databases; default cannot be dropped', () => {
    engine.createDatabase('analytics');
    expect(engine.listDatabases().map((d) => d.name)).toEqual(['default', 'analytics']);
    engine.createCollection({ dbName: 'analytics', ...book, fields: bookFields });
    expect(engine.hasCollection({ dbName: 'analytics', ...book })).toBe(true);
    expect(thrown(() => engine.dropDatabase('analytics')).code).toBe(65535);
    engine.dropCollection({ dbName: 'analytics', ...book });
    engine.dropDatabase('analytics');
    expectError(() => engine.dropDatabase('default'), 65535, 'UnexpectedError', 'can not drop default database');
    expectError(() => engine.connect('analytics'), 800, 'UnexpectedError', 'database not found[database=analytics]');
    expect(engine.connect().identifier).toBeGreaterThan(0n);
  });

  it('names why a database name is invalid, as ValidateDatabaseName does, without trimming it', () => {
    const reason = (why: string, name: string) => `${why}: invalid database name[database=${name}]`;
    for (const op of [(n: string) => engine.createDatabase(n), (n: string) => engine.dropDatabase(n)]) {
      expectError(() => op(''), 802, 'UnexpectedError', reason("database name couldn't be empty", ''));
      expectError(() => op('  '), 802, 'UnexpectedError', reason('the first character of a database name must be an underscore or letter', '  '));
      expectError(() => op('1db'), 802, 'UnexpectedError', reason('the first character of a database name must be an underscore or letter', '1db'));
      expectError(() => op('db-1'), 802, 'UnexpectedError', reason('database name can only contain numbers, letters and underscores', 'db-1'));
      expectError(() => op(`d${'é'.repeat(128)}`), 802, 'UnexpectedError', reason('the length of a database name must be less than 255 characters', `d${'é'.repeat(128)}`));
    }
    engine.createDatabase(`_${'a'.repeat(254)}`);
  });
});

describe('rename and alter', () => {
  let e: Engine;
  beforeEach(() => {
    e = new Engine();
    e.createCollection({ ...book, fields: bookFields });
    e.createPartition({ ...book, partitionName: 'novel' });
  });

  it('renames a collection, also into another database, keeping its ID and partitions', () => {
    const id = e.describeCollection(book).id;
    e.renameCollection({ ...book, newName: 'tome' });
    expect(e.hasCollection(book)).toBe(false);
    expect(e.describeCollection({ collectionName: 'tome' })).toMatchObject({ id, name: 'tome', schema: { name: 'tome' } });
    expect(e.hasPartition({ collectionName: 'tome', partitionName: 'novel' })).toBe(true);
    e.createDatabase('db2');
    e.renameCollection({ collectionName: 'tome', newName: 'tome', newDbName: 'db2' });
    expect(e.describeCollection({ dbName: 'db2', collectionName: 'tome' }).id).toBe(id);
    expect(e.hasCollection({ collectionName: 'tome' })).toBe(false);
  });

  it('refuses a taken name, a missing collection and a bad new name as Milvus does', () => {
    e.createCollection({ collectionName: 'other', fields: bookFields });
    expectError(() => e.renameCollection({ ...book, newName: 'other' }), 65535, 'UnexpectedError', 'duplicated new collection name default:other with other collection name or alias');
    // Rootcoord names the database by its ID; only the new name is validated, first.
    const dbId = e.catalog.database('default').id;
    expectError(() => e.renameCollection({ collectionName: 'nope', newName: 'x' }), 100, 'CollectionNotExists', `collection not found[database=${dbId}][collection=nope]`);
    expectError(() => e.renameCollection({ collectionName: '1 bad old', newName: 'x' }), 100, 'CollectionNotExists', `collection not found[database=${dbId}][collection=1 bad old]`);
    expect(thrown(() => e.renameCollection({ ...book, newName: '1bad name' })).code).toBe(1100);
    expect(thrown(() => e.renameCollection({ collectionName: 'nope', newName: '1bad name' })).code).toBe(1100);
  });

  it('sets and deletes collection properties', () => {
    e.alterCollectionProperties({ ...book, properties: [{ key: 'collection.ttl.seconds', value: '60' }, { key: 'mmap.enabled', value: 'true' }] });
    // Milvus takes properties or delete keys, never both at once (rootcoord's alterCollectionTask).
    expectError(
      () => e.alterCollectionProperties({ ...book, properties: [{ key: 'collection.ttl.seconds', value: '120' }], deleteKeys: ['mmap.enabled'] }),
      65535,
      'UnexpectedError',
      'can not provide properties and deletekeys at the same time',
    );
    e.alterCollectionProperties({ ...book, properties: [{ key: 'collection.ttl.seconds', value: '120' }] });
    e.alterCollectionProperties({ ...book, properties: [], deleteKeys: ['mmap.enabled'] });
    expect(e.describeCollection(book).properties).toEqual([{ key: 'collection.ttl.seconds', value: '120' }]);
  });
});

describe('partition names in load and release', () => {
  it('are looked up, not validated: an invalid name is a missing partition (200)', () => {
    index();
    for (const op of [(n: string) => engine.loadPartitions({ ...book, partitionNames: [n] }), (n: string) => engine.releasePartitions({ ...book, partitionNames: [n] })]) {
      expectError(() => op('-p'), 200, 'MetaFailed', 'partition not found[partition=-p]');
      expectError(() => op('nope'), 200, 'MetaFailed', 'partition not found[partition=nope]');
    }
  });
});
