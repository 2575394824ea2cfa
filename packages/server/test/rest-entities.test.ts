import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index.js';

// The RESTful v2 entities endpoints over real HTTP (Milvus 2.5 `handler_v2.go` / `utils.go`).

let server: RunningServer;
let n = 0;
let coll: string;

beforeAll(async () => {
  server = await startServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  coll = `c${++n}`;
});

interface Answer {
  status: number;
  text: string;
  json: Record<string, unknown>;
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const r = await fetch(`${server.restUrl}/v2/vectordb/${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

/** Posts and expects success; returns the parsed envelope. */
async function ok(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const a = await post(path, body, headers);
  expect(a.json, a.text).toMatchObject({ code: 0 });
  return a.json;
}

/** A loaded collection: Int64 `id`, FloatVector `vec` (dim 4, HNSW L2), VarChar `tag`, Float `f`, JSON `meta`, Int64 array `nums`, dynamic fields. */
async function makeCollection(name: string, extra: { autoID?: boolean; load?: boolean } = {}) {
  await ok('collections/create', {
    collectionName: name,
    schema: {
      autoID: extra.autoID ?? false,
      enableDynamicField: true,
      fields: [
        { fieldName: 'id', dataType: 'Int64', isPrimary: true },
        { fieldName: 'vec', dataType: 'FloatVector', elementTypeParams: { dim: 4 } },
        { fieldName: 'tag', dataType: 'VarChar', elementTypeParams: { max_length: 32 } },
        { fieldName: 'f', dataType: 'Float' },
        { fieldName: 'meta', dataType: 'JSON' },
        { fieldName: 'nums', dataType: 'Array', elementDataType: 'Int64', elementTypeParams: { max_capacity: 4 } },
      ],
    },
    ...(extra.load === false ? {} : { indexParams: [{ fieldName: 'vec', indexName: 'vec', metricType: 'L2', indexType: 'HNSW', params: { M: 8, efConstruction: 64 } }] }),
  });
}

const row = (id: number, x: number, more: Record<string, unknown> = {}) => ({ id, vec: [x, 0, 0, 0], tag: `t${id}`, f: 0.1, meta: { k: id }, nums: [id, 1], ...more });

describe('entities round trip', () => {
  it('insert → query → get → search → upsert → delete', async () => {
    await makeCollection(coll);
    const ins = await post('entities/insert', { collectionName: coll, data: [row(1, 1), row(2, 2), row(3, 3, { color: 'red' })] });
    expect(ins.json).toEqual({ code: 0, cost: 0, data: { insertCount: 3, insertIds: [1, 2, 3] } });

    const q = await ok('entities/query', { collectionName: coll, filter: 'id >= 2', outputFields: ['id', 'tag', 'f', 'meta', 'nums', 'color'] });
    expect(q).toEqual({
      code: 0,
      cost: 0,
      data: [
        { id: 2, tag: 't2', f: 0.1, meta: '{"k":2}', nums: { Data: { LongData: { data: [2, 1] } } } },
        { id: 3, tag: 't3', f: 0.1, meta: '{"k":3}', nums: { Data: { LongData: { data: [3, 1] } } }, color: 'red' },
      ],
    });
    // keys are written sorted, as Go marshals maps; Float keeps float32 digits (0.1, not 0.10000000149011612)
    const raw = await post('entities/query', { collectionName: coll, filter: 'id == 3', outputFields: ['*'] });
    expect(raw.text).toBe('{"code":0,"cost":0,"data":[{"color":"red","f":0.1,"id":3,"meta":"{\\"k\\":3}","nums":{"Data":{"LongData":{"data":[3,1]}}},"tag":"t3","vec":[3,0,0,0]}]}');

    const count = await ok('entities/query', { collectionName: coll, filter: '', outputFields: ['count(*)'] });
    expect(count.data).toEqual([{ 'count(*)': 3 }]);

    const got = await ok('entities/get', { collectionName: coll, id: [3, '1'], outputFields: ['tag'] });
    expect(got.data).toEqual([
      { id: 1, tag: 't1' },
      { id: 3, tag: 't3' },
    ]);
    const one = await ok('entities/get', { collectionName: coll, id: 2 });
    expect((one.data as Record<string, unknown>[])[0]).toMatchObject({ id: 2, vec: [2, 0, 0, 0], tag: 't2' });

    const s = await ok('entities/search', { collectionName: coll, data: [[2.9, 0, 0, 0]], limit: 2, outputFields: ['tag'] });
    expect(s).toEqual({ code: 0, cost: 0, topks: [2], data: [{ id: 3, tag: 't3', distance: expect.closeTo(0.01, 5) }, { id: 2, tag: 't2', distance: expect.closeTo(0.81, 5) }] });

    const up = await ok('entities/upsert', { collectionName: coll, data: [row(2, 20, { tag: 'new' }), row(4, 4)] });
    expect(up).toEqual({ code: 0, cost: 0, data: { upsertCount: 2, upsertIds: [2, 4] } });
    expect((await ok('entities/get', { collectionName: coll, id: 2, outputFields: ['tag'] })).data).toEqual([{ id: 2, tag: 'new' }]);

    const del = await post('entities/delete', { collectionName: coll, filter: 'id in [1, 4]' });
    expect(del.json).toEqual({ code: 0, data: { deleteCount: 2 } });
    // upsert re-inserted row 2 after row 3; a query with a limit (REST's default 100) answers in key order
    expect((await ok('entities/query', { collectionName: coll, filter: 'id > 0', outputFields: ['id'] })).data).toEqual([{ id: 2 }, { id: 3 }]);
  });

  it('search: several query vectors give consecutive rows and topks; ef and exprParams are applied', async () => {
    await makeCollection(coll);
    await ok('entities/insert', { collectionName: coll, data: [1, 2, 3, 4, 5].map((i) => row(i, i)) });
    const s = await ok('entities/search', {
      collectionName: coll,
      data: [
        [1, 0, 0, 0],
        [5, 0, 0, 0],
      ],
      annsField: 'vec',
      limit: 2,
      filter: 'id != {skip}',
      exprParams: { skip: 5 },
      searchParams: { params: { ef: 16 } },
    });
    expect(s.topks).toEqual([2, 2]);
    expect((s.data as { id: number }[]).map((r) => r.id)).toEqual([1, 2, 4, 3]);
    // ef below k on growing rows is accepted, as Milvus searches them by brute force (see search-strictness.test.ts)
    const small = await post('entities/search', { collectionName: coll, data: [[1, 0, 0, 0]], limit: 5, searchParams: { ef: 2 } });
    expect([small.json.code, (small.json.data as unknown[]).length]).toEqual([0, 5]);
    // default limit is 100: all five rows
    expect(((await ok('entities/search', { collectionName: coll, data: [[1, 0, 0, 0]] })).data as unknown[]).length).toBe(5);
  });

  it('query defaults: limit 100, outputFields ["*"], offset; limit 0 needs a filter', async () => {
    await makeCollection(coll);
    await ok('entities/insert', { collectionName: coll, data: Array.from({ length: 120 }, (_, i) => row(i, i)) });
    const all = await ok('entities/query', { collectionName: coll });
    expect((all.data as unknown[]).length).toBe(100);
    expect(Object.keys((all.data as Record<string, unknown>[])[0]!).sort()).toEqual(['f', 'id', 'meta', 'nums', 'tag', 'vec']);
    const paged = await ok('entities/query', { collectionName: coll, filter: 'id >= 0', limit: 2, offset: 5, outputFields: ['id'] });
    expect(paged.data).toEqual([{ id: 5 }, { id: 6 }]);
    const noLimit = await post('entities/query', { collectionName: coll, limit: 0 });
    expect(noLimit.json).toEqual({ code: 1100, message: 'empty expression should be used with limit: invalid parameter' });
  });
});

describe('partitions over REST', () => {
  it('keeps rows in their partition for insert, query, get, search and delete', async () => {
    await makeCollection(coll);
    await ok('partitions/create', { collectionName: coll, partitionName: 'p1' });
    await ok('entities/insert', { collectionName: coll, partitionName: 'p1', data: [row(10, 1)] });
    await ok('entities/insert', { collectionName: coll, data: [row(20, 1.1)] });
    const inP1 = await ok('entities/query', { collectionName: coll, filter: 'id > 0', partitionNames: ['p1'], outputFields: ['id'] });
    expect(inP1.data).toEqual([{ id: 10 }]);
    const inDefault = await ok('entities/query', { collectionName: coll, filter: 'id > 0', partitionNames: ['_default'], outputFields: ['id'] });
    expect(inDefault.data).toEqual([{ id: 20 }]);
    expect((await ok('entities/get', { collectionName: coll, id: [10, 20], partitionNames: ['p1'], outputFields: ['id'] })).data).toEqual([{ id: 10 }]);
    const s = await ok('entities/search', { collectionName: coll, data: [[1, 0, 0, 0]], partitionNames: ['_default'] });
    expect((s.data as { id: number }[]).map((r) => r.id)).toEqual([20]);
    // deleting in p1 leaves _default alone; a delete by keys counts the keys it names
    expect((await ok('entities/delete', { collectionName: coll, partitionName: 'p1', filter: 'id in [10, 20]' })).data).toEqual({ deleteCount: 2 });
    expect((await ok('entities/query', { collectionName: coll, filter: 'id > 0', outputFields: ['id'] })).data).toEqual([{ id: 20 }]);
    const missing = await post('entities/insert', { collectionName: coll, partitionName: 'nope', data: [row(30, 1)] });
    expect(missing.json).toEqual({ code: 200, message: 'partition not found[partition=nope]' });
    const unknown = await post('entities/query', { collectionName: coll, filter: 'id > 0', partitionNames: ['nope'] });
    expect(unknown.json).toEqual({ code: 65535, message: 'partition name nope not found' });
  });
});

describe('int64 exactness and Accept-Type-Allow-Int64', () => {
  it('round-trips 9007199254740993 exactly (numbers or strings in, digits out)', async () => {
    await makeCollection(coll);
    const big = '9007199254740993';
    const body = `{"collectionName":"${coll}","data":[{"id":${big},"vec":[1,0,0,0],"tag":"a","f":1,"meta":{},"nums":[${big}]},{"id":"9223372036854775807","vec":[2,0,0,0],"tag":"b","f":2,"meta":{},"nums":[]}]}`;
    const ins = await post('entities/insert', body);
    expect(ins.text).toBe(`{"code":0,"cost":0,"data":{"insertCount":2,"insertIds":[${big},9223372036854775807]}}`);
    const q = await post('entities/query', `{"collectionName":"${coll}","filter":"id == ${big}","outputFields":["id","nums"]}`);
    expect(q.text).toBe(`{"code":0,"cost":0,"data":[{"id":${big},"nums":{"Data":{"LongData":{"data":[${big}]}}}}]}`);
    const g = await post('entities/get', `{"collectionName":"${coll}","id":[${big}],"outputFields":["id"]}`);
    expect(g.text).toBe(`{"code":0,"cost":0,"data":[{"id":${big}}]}`);
    const s = await post('entities/search', { collectionName: coll, data: [[1, 0, 0, 0]], limit: 1 });
    expect(s.text).toBe(`{"code":0,"cost":0,"data":[{"distance":0,"id":${big}}],"topks":[1]}`);
    // an empty Array field: the proto's `data` is omitted
    const empty = await post('entities/get', { collectionName: coll, id: '9223372036854775807', outputFields: ['nums'] });
    expect(empty.text).toBe('{"code":0,"cost":0,"data":[{"id":9223372036854775807,"nums":{"Data":{"LongData":{}}}}]}');
  });

  it('keeps 9007199254740993 exact inside JSON and dynamic fields, in filters and answers', async () => {
    await makeCollection(coll);
    const big = '9007199254740993';
    await ok('entities/insert', `{"collectionName":"${coll}","data":[{"id":1,"vec":[1,0,0,0],"tag":"a","f":1,"meta":{"big":${big}},"nums":[],"dyn":${big}}]}`);
    const q = await post('entities/query', `{"collectionName":"${coll}","filter":"meta['big'] == ${big} and dyn == ${big}","outputFields":["meta","dyn"]}`);
    expect(q.text).toBe(`{"code":0,"cost":0,"data":[{"dyn":${big},"id":1,"meta":"{\\"big\\":${big}}"}]}`);
    expect((await ok('entities/query', { collectionName: coll, filter: `meta['big'] == ${BigInt(big) - 1n}`, outputFields: ['id'] })).data).toEqual([]);
  });

  it('answers int64 values as strings with Accept-Type-Allow-Int64: false', async () => {
    await makeCollection(coll);
    const h = { 'Accept-Type-Allow-Int64': 'false' };
    const ins = await post('entities/insert', `{"collectionName":"${coll}","data":[{"id":9007199254740993,"vec":[1,0,0,0],"tag":"a","f":1,"meta":1,"nums":[5]}]}`, h);
    expect(ins.text).toBe('{"code":0,"cost":0,"data":{"insertCount":1,"insertIds":["9007199254740993"]}}');
    const q = await post('entities/query', { collectionName: coll, filter: 'id > 0', outputFields: ['id', 'nums', 'count(*)'].slice(0, 2) }, h);
    // Int64 fields become strings; Int64 array elements stay numbers (a proto LongArray)
    expect(q.text).toBe('{"code":0,"cost":0,"data":[{"id":"9007199254740993","nums":{"Data":{"LongData":{"data":[5]}}}}]}');
    const c = await post('entities/query', { collectionName: coll, outputFields: ['count(*)'] }, h);
    expect(c.json.data).toEqual([{ 'count(*)': '1' }]);
    const s = await post('entities/search', { collectionName: coll, data: [[1, 0, 0, 0]] }, h);
    expect(s.json.data).toEqual([{ id: '9007199254740993', distance: 0 }]);
    // any other header value means the default (numbers)
    const d = await post('entities/upsert', { collectionName: coll, data: [row(7, 7)] }, { 'Accept-Type-Allow-Int64': 'maybe' });
    expect(d.text).toBe('{"code":0,"cost":0,"data":{"upsertCount":1,"upsertIds":[7]}}');
  });
});

describe('row decoding as Milvus 2.5 (checkAndSetData / anyToColumns)', () => {
  it('accepts numeric strings for numbers, moves extra keys to the dynamic field and VarChar/auto-ID rules', async () => {
    await makeCollection(coll, { autoID: true });
    const ins = await ok('entities/insert', { collectionName: coll, data: [{ vec: [1, 0, 0, 0], tag: 5, f: '2.5', meta: '{"a":[1,2]}', nums: [], extra: 1.5, on: true }] });
    const id = (ins.data as { insertIds: unknown[] }).insertIds[0];
    expect(typeof id).toBe('number');
    const q = await ok('entities/query', { collectionName: coll, filter: 'on == true', outputFields: ['tag', 'f', 'meta', 'extra', 'on'] });
    expect(q.data).toEqual([{ id, tag: '5', f: 2.5, meta: '{"a":[1,2]}', extra: 1.5, on: true }]);
    const withPk = await post('entities/insert', { collectionName: coll, data: [{ id: 1, vec: [1, 0, 0, 0], tag: 'a', f: 1, meta: {}, nums: [] }] });
    expect(withPk.json).toEqual({ code: 1804, message: 'invalid insert data, error: no need to pass pk field(id) when autoid==true in insert: invalid parameter' });
    const upNoPk = await post('entities/upsert', { collectionName: coll, data: [{ vec: [1, 0, 0, 0], tag: 'a', f: 1, meta: {}, nums: [] }] });
    expect(upNoPk.json).toEqual({ code: 1804, message: 'invalid insert data, error: row 0 does not has field id' });
  });

  it('refuses rows Milvus cannot convert with 1804 and upstream texts', async () => {
    await makeCollection(coll);
    const bad = async (r: Record<string, unknown>) => (await post('entities/insert', { collectionName: coll, data: [r] })).json;
    expect(await bad(row(1, 1, { id: 'abc' }))).toEqual({
      code: 1804,
      message: 'invalid insert data, error: strconv.ParseInt: parsing "abc": invalid syntax: invalid parameter[expected=Int64][actual=abc]',
    });
    expect(await bad(row(1, 1, { id: 1.5 }))).toEqual({
      code: 1804,
      message: 'invalid insert data, error: strconv.ParseInt: parsing "1.5": invalid syntax: invalid parameter[expected=Int64][actual=1.5]',
    });
    expect(await bad(row(1, 1, { f: 'x' }))).toEqual({
      code: 1804,
      message: 'invalid insert data, error: unable to cast "x" of type string to float32: invalid parameter[expected=Float][actual=x]',
    });
    expect(await bad(row(1, 1, { vec: undefined }))).toEqual({
      code: 1804,
      message: 'invalid insert data, error: missing vector field: vec: invalid parameter[expected=FloatVector][actual=]',
    });
    expect(await bad(row(1, 1, { vec: [1, 'a', 0, 0] }))).toEqual({
      code: 1804,
      message: 'invalid insert data, error: json: cannot unmarshal string into Go value of type float32: invalid parameter[expected=FloatVector][actual=[1,"a",0,0]]',
    });
    expect(await bad(row(1, 1, { vec: [1, 2, 3] }))).toEqual({
      code: 1804,
      message: "invalid insert data, error: []float32 size 3 doesn't equal to vector dimension 4 of FloatVector",
    });
    expect(await bad(row(1, 1, { nums: ['a'] }))).toEqual({
      code: 1804,
      message: 'invalid insert data, error: json: cannot unmarshal string into Go value of type int64: invalid parameter[expected=Array of Int64][actual=["a"]]',
    });
    expect(await bad(row(1, 1, { $meta: {} }))).toEqual({
      code: 1804,
      message: 'invalid insert data, error: use the invalid field name($meta) when enable dynamicField: invalid parameter',
    });
    expect((await post('entities/insert', { collectionName: coll, data: [] })).json).toEqual({ code: 1804, message: 'invalid insert data, error: missing required parameters' });
    // values that pass the REST conversion but not Milvus's checks are 1100 from Insert
    expect((await bad(row(1, 1, { tag: 'x'.repeat(40) }))).code).toBe(1100);
    // nothing was written by the refused batches
    expect((await ok('entities/query', { collectionName: coll, outputFields: ['count(*)'] })).data).toEqual([{ 'count(*)': 0 }]);
  });

  it('describes a collection with every index: vector and scalar, each with the metric it was created with', async () => {
    await makeCollection(coll);
    await ok('indexes/create', { collectionName: coll, indexParams: [{ fieldName: 'tag', indexName: 'tag_idx', indexType: 'INVERTED' }] });
    expect((await ok('collections/describe', { collectionName: coll })).data).toMatchObject({
      indexes: [
        { fieldName: 'vec', indexName: 'vec', metricType: 'L2' },
        { fieldName: 'tag', indexName: 'tag_idx', metricType: '' },
      ],
    });
  });

  it('takes sparse vectors as index → value objects or {indices, values}, and answers them as objects', async () => {
    await ok('collections/create', {
      collectionName: coll,
      schema: { fields: [{ fieldName: 'id', dataType: 'Int64', isPrimary: true }, { fieldName: 'sv', dataType: 'SparseFloatVector' }] },
      indexParams: [{ fieldName: 'sv', indexName: 'sv', metricType: 'IP', indexType: 'SPARSE_INVERTED_INDEX' }],
    });
    await ok('entities/insert', { collectionName: coll, data: [{ id: 1, sv: { '10': 0.1, '2': 0.5 } }, { id: 2, sv: { indices: [2, 7], values: [2, 1] } }] });
    expect((await ok('entities/query', { collectionName: coll, filter: 'id > 0', outputFields: ['sv'] })).data).toEqual([
      { id: 1, sv: { '2': 0.5, '10': 0.1 } },
      { id: 2, sv: { '2': 2, '7': 1 } },
    ]);
    expect((await ok('entities/search', { collectionName: coll, data: [{ '2': 1 }], limit: 5 })).data).toEqual([
      { id: 2, distance: 2 },
      { id: 1, distance: 0.5 },
    ]);
    const bad = await post('entities/insert', { collectionName: coll, data: [{ id: 3, sv: { x: 1 } }] });
    expect(bad.json).toEqual({ code: 1804, message: 'invalid insert data, error: invalid index in JSON: x: invalid parameter[expected=SparseFloatVector][actual={"x":1}]' });
    const negative = await post('entities/insert', { collectionName: coll, data: [{ id: 3, sv: { '1': -1 } }] });
    expect(negative.json.message).toContain('negative value in sparse float vector');
  });

  it('refuses keys outside the schema without the dynamic field', async () => {
    await ok('collections/create', { collectionName: coll, dimension: 2, params: { enableDynamicField: false } });
    const r = await post('entities/insert', { collectionName: coll, data: [{ id: 1, vector: [1, 2], other: 1 }] });
    expect(r.json).toEqual({ code: 1804, message: 'invalid insert data, error: has pass more field without dynamic schema, please check it: invalid parameter' });
  });
});

describe('errors', () => {
  it('binds bodies as Go does: missing data → 1802, malformed JSON → 1801, wrong types → 1801', async () => {
    await makeCollection(coll);
    expect((await post('entities/insert', { collectionName: coll })).json).toEqual({
      code: 1802,
      message: "missing required parameters, error: Key: 'CollectionDataReq.Data' Error:Field validation for 'Data' failed on the 'required' tag",
    });
    expect((await post('entities/search', { collectionName: coll })).json).toEqual({
      code: 1802,
      message: "missing required parameters, error: Key: 'SearchReqV2.Data' Error:Field validation for 'Data' failed on the 'required' tag",
    });
    expect((await post('entities/delete', { collectionName: coll })).json).toEqual({
      code: 1802,
      message: "missing required parameters, error: Key: 'CollectionFilterReq.Filter' Error:Field validation for 'Filter' failed on the 'required' tag",
    });
    expect((await post('entities/get', { collectionName: coll, id: 0 })).json).toEqual({
      code: 1802,
      message: "missing required parameters, error: Key: 'CollectionIDReq.ID' Error:Field validation for 'ID' failed on the 'required' tag",
    });
    expect((await post('entities/insert', `{"collectionName":"${coll}","data":[{"id":1,}]}`)).json).toEqual({
      code: 1801,
      message: `can only accept json format request, error: invalid character '}' looking for beginning of object key string`,
    });
    expect((await post('entities/insert', { collectionName: coll, data: [1] })).json).toEqual({
      code: 1801,
      message: 'can only accept json format request, error: json: cannot unmarshal number into Go struct field CollectionDataReq.data of type map[string]interface {}',
    });
    expect((await post('entities/query', { collectionName: coll, limit: 'x' })).json).toEqual({
      code: 1801,
      message: 'can only accept json format request, error: json: cannot unmarshal string into Go struct field QueryReqV2.limit of type int32',
    });
  });

  it('search and query on an unloaded collection → 101; missing collection → 100', async () => {
    await makeCollection(coll, { load: false });
    await ok('entities/insert', { collectionName: coll, data: [row(1, 1)] });
    const id = server.engine.describeCollection({ collectionName: coll }).id;
    await ok('indexes/create', { collectionName: coll, indexParams: [{ fieldName: 'vec', indexName: 'vec', metricType: 'L2' }] });
    const s = await post('entities/search', { collectionName: coll, data: [[1, 0, 0, 0]] });
    expect(s.json).toEqual({ code: 101, message: `failed to search: collection not loaded[collection=${id}]` });
    const q = await post('entities/query', { collectionName: coll, filter: 'id > 0' });
    expect(q.json).toEqual({ code: 101, message: `failed to query: collection not loaded[collection=${id}]` });
    const missing = await post('entities/search', { collectionName: 'nope', data: [[1, 0, 0, 0]] });
    expect(missing.json).toEqual({ code: 100, message: "can't find collection[database=default][collection=nope]" });
    const other = await post('entities/insert', { collectionName: coll, data: [row(1, 1)] }, { 'DB-Name': 'nodb' });
    expect(other.json.code).toBe(800);
  });

  it('search with a vector of the wrong dimension → 1801 with upstream text; bad filters → 1100', async () => {
    await makeCollection(coll);
    await ok('entities/insert', { collectionName: coll, data: [row(1, 1)] });
    const wrong = await post('entities/search', `{"collectionName":"${coll}","data":[[1, 0, 0]]}`);
    expect(wrong.json).toEqual({
      code: 1801,
      message: 'can only accept json format request, error: dimension: 4, but length of []float: 3: invalid parameter[expected=FloatVector][actual=[[1, 0, 0]]]',
    });
    const notVector = await post('entities/search', { collectionName: coll, data: [[1, 0, 0, 0]], annsField: 'tag' });
    expect(notVector.json).toEqual({ code: 1801, message: 'can only accept json format request, error: cannot find a vector field named: tag' });
    for (const path of ['entities/query', 'entities/search', 'entities/delete']) {
      const r = await post(path, { collectionName: coll, filter: 'id >>> 1', data: [[1, 0, 0, 0]] });
      expect(r.json.code, path).toBe(1100);
      expect(String(r.json.message), path).toContain('invalid parameter');
    }
    const missingParam = await post('entities/query', { collectionName: coll, filter: 'id > {x}' });
    expect(missingParam.json.code).toBe(1100);
    const badId = await post('entities/get', { collectionName: coll, id: ['x'] });
    expect(badId.json).toEqual({
      code: 1806,
      message: `please check the primary key and its' type can only in [int, string], error: unable to cast "x" of type string to int64`,
    });
    const level = await post('entities/search', { collectionName: coll, data: [[1, 0, 0, 0]], consistencyLevel: 'Weird' });
    expect(level.json).toEqual({
      code: 1100,
      message: "consistencyLevel can only be [Strong, Session, Bounded, Eventually, Customized], default: Bounded, err:parameter:'Weird' is incorrect, please check it: invalid parameter",
    });
    const ambiguous = await post('entities/search', { collectionName: coll, data: [[1, 0, 0, 0]], searchParams: { ef: 32, params: { ef: 64 } } });
    expect(ambiguous.json).toEqual({ code: 1100, message: 'ambiguous parameter: ef, in search_param: 32, in search_param.params: 64: invalid parameter' });
  });
});
