import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { Engine, MAX_BODY_BYTES, REST_ROUTES, createRestHandler, restListener, scanGoJson, startServer, type RestHandler, type RestResponse } from '../src/index.js';

let engine: Engine;
let rest: RestHandler;

beforeEach(() => {
  engine = new Engine();
  rest = createRestHandler(engine);
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}, handler: RestHandler = rest): Promise<RestResponse & { json: Record<string, unknown> }> {
  const r = await handler({ method: 'POST', path: `/v2/vectordb/${path}`, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { ...r, json: r.headers['content-type']?.startsWith('application/json') ? (JSON.parse(r.body) as Record<string, unknown>) : {} };
}

const quick = (name = 'my_collection') => post('collections/create', { collectionName: name, dimension: 5 });

describe('RESTful v2 envelope', () => {
  it('answers success as HTTP 200 {code:0,data} and business errors as HTTP 200 {code,message}', async () => {
    expect((await quick()).body).toBe('{"code":0,"data":{}}');
    const list = await post('partitions/list', { collectionName: 'my_collection' });
    expect(list.status).toBe(200);
    expect(list.body).toBe('{"code":0,"data":["_default"]}');
    const missing = await post('partitions/has', { collectionName: 'nope', partitionName: 'p' });
    expect(missing.status).toBe(200);
    expect(missing.json).toEqual({ code: 100, message: 'collection not found[database=default][collection=nope]' });
    const loaded = await post('partitions/drop', { collectionName: 'my_collection', partitionName: '_default' });
    expect(loaded.json).toEqual({ code: 65535, message: 'partition cannot be dropped, partition is loaded, please release it first' });
    expect(list.headers['access-control-allow-origin']).toBe('*');
    expect(list.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('writes int64 IDs as exact JSON numbers, also past 2^53', async () => {
    await quick();
    const r = await post('collections/describe', { collectionName: 'my_collection' });
    const id = /"collectionID":(\d+)/.exec(r.body)?.[1];
    expect(id).toBeDefined();
    expect(BigInt(id!)).toBe(engine.describeCollection({ collectionName: 'my_collection' }).id);
    expect(BigInt(id!) > 2n ** 53n).toBe(true);
    // the header only affects entity IDs in Milvus; management answers keep numbers
    const asked = await post('collections/describe', { collectionName: 'my_collection' }, { 'Accept-Type-Allow-Int64': 'false' });
    expect(asked.body).toContain(`"collectionID":${id}`);
  });

  it('serves every path of the OpenAPI document', () => {
    expect(REST_ROUTES.map((r) => r.path).sort()).toEqual(
      [
        'aliases/alter', 'aliases/create', 'aliases/describe', 'aliases/drop', 'aliases/list',
        'collections/alter_properties', 'collections/create', 'collections/describe', 'collections/drop', 'collections/drop_properties',
        'collections/fields/alter_properties', 'collections/get_load_state', 'collections/get_stats', 'collections/has',
        'collections/list', 'collections/load', 'collections/release', 'collections/rename', 'databases/alter', 'databases/create', 'databases/describe',
        'databases/drop', 'databases/drop_properties', 'databases/list',
        'entities/advanced_search', 'entities/delete', 'entities/get', 'entities/hybrid_search', 'entities/insert', 'entities/query', 'entities/search', 'entities/upsert',
        'indexes/alter_properties', 'indexes/create', 'indexes/describe', 'indexes/drop', 'indexes/drop_properties', 'indexes/list', 'jobs/import/create', 'jobs/import/describe', 'jobs/import/get_progress', 'jobs/import/list', 'partitions/create', 'partitions/drop', 'partitions/get_stats',
        'partitions/has', 'partitions/list', 'partitions/load', 'partitions/release',
        'privilege_groups/add_privileges_to_group', 'privilege_groups/create', 'privilege_groups/drop', 'privilege_groups/list',
        'privilege_groups/remove_privileges_from_group', 'roles/create', 'roles/describe', 'roles/drop', 'roles/grant_privilege',
        'roles/grant_privilege_v2', 'roles/list', 'roles/revoke_privilege', 'roles/revoke_privilege_v2', 'users/create', 'users/describe',
        'users/drop', 'users/grant_role', 'users/list', 'users/revoke_role', 'users/update_password',
        'resource_groups/alter', 'resource_groups/create', 'resource_groups/describe', 'resource_groups/drop', 'resource_groups/list',
        'resource_groups/transfer_replica',
      ].map((p) => `/v2/vectordb/${p}`).sort(),
    );
  });
});

describe('body binding (1801 / 1802)', () => {
  it('refuses an empty body with 1801', async () => {
    for (const body of ['', '  \n ']) {
      expect((await post('partitions/list', body)).json).toEqual({
        code: 1801,
        message: 'can only accept json format request, the request body should be nil, however {} is valid',
      });
    }
  });

  it('reports JSON syntax errors as Go does', async () => {
    const cases: [string, string][] = [
      ['collectionName=c', `invalid character 'c' looking for beginning of value`],
      ['{"collectionName": "c"', 'unexpected EOF'],
      ['{collectionName: "c"}', `invalid character 'c' looking for beginning of object key string`],
      ['{"collectionName" "c"}', `invalid character '"' after object key`],
      ['{"collectionName": "c" "x"}', `invalid character '"' after object key:value pair`],
      ['{"partitionNames": ["a" "b"]}', `invalid character '"' after array element`],
      ['{"collectionName": tru}', `invalid character '}' in literal true (expecting 'e')`],
      ['{"collectionName": "a\\qb"}', `invalid character 'q' in string escape code`],
      ['{"collectionName": -x}', `invalid character 'x' in numeric literal`],
    ];
    for (const [body, detail] of cases) {
      expect((await post('partitions/list', body)).json, body).toEqual({ code: 1801, message: `can only accept json format request, error: ${detail}` });
    }
  });

  it('ignores text after the first JSON value, as json.Decoder', async () => {
    await quick();
    expect((await post('partitions/list', '{"collectionName":"my_collection"} trailing garbage')).json).toEqual({ code: 0, data: ['_default'] });
    expect(scanGoJson('  {"a":[1,2.5e3,"x\\u00e9"]} {')).toEqual({ kind: 'value', end: 27 });
  });

  it('names the Go struct, JSON field path and Go type of a mistyped field (first in document order)', async () => {
    const cases: [string, unknown, string][] = [
      ['partitions/has', { collectionName: 1, partitionName: 'p' }, 'json: cannot unmarshal number into Go struct field PartitionReq.collectionName of type string'],
      ['partitions/has', { partitionName: ['x'], collectionName: 1 }, 'json: cannot unmarshal array into Go struct field PartitionReq.partitionName of type string'],
      ['partitions/load', { collectionName: 'c', partitionNames: 'p' }, 'json: cannot unmarshal string into Go struct field PartitionsReq.partitionNames of type []string'],
      ['partitions/load', { collectionName: 'c', partitionNames: ['p', 2] }, 'json: cannot unmarshal number into Go struct field PartitionsReq.partitionNames of type string'],
      ['indexes/create', { collectionName: 'c', indexParams: ['x'] }, 'json: cannot unmarshal string into Go struct field IndexParamReq.indexParams of type httpserver.IndexParam'],
      ['indexes/create', { collectionName: 'c', indexParams: [{ fieldName: 7 }] }, 'json: cannot unmarshal number into Go struct field IndexParam.indexParams.fieldName of type string'],
      ['collections/create', { collectionName: 'c', dimension: '5' }, 'json: cannot unmarshal string into Go struct field CollectionReq.dimension of type int32'],
      ['collections/create', { collectionName: 'c', dimension: 1.5 }, 'json: cannot unmarshal number 1.5 into Go struct field CollectionReq.dimension of type int32'],
      ['collections/create', { collectionName: 'c', schema: { fields: [{ fieldName: 'a', isPrimary: 'yes' }] } }, 'json: cannot unmarshal string into Go struct field FieldSchema.schema.fields.isPrimary of type bool'],
      ['collections/create', { collectionName: 'c', schema: [] }, 'json: cannot unmarshal array into Go struct field CollectionReq.schema of type httpserver.CollectionSchema'],
      ['databases/create', { dbName: 'd', properties: 'x' }, 'json: cannot unmarshal string into Go struct field DatabaseReqWithProperties.properties of type map[string]interface {}'],
    ];
    for (const [path, body, detail] of cases) {
      expect((await post(path, body)).json, JSON.stringify(body)).toEqual({ code: 1801, message: `can only accept json format request, error: ${detail}` });
    }
    expect((await post('partitions/list', '[1]')).json).toEqual({
      code: 1801,
      message: 'can only accept json format request, error: json: cannot unmarshal array into Go value of type httpserver.CollectionNameReq',
    });
  });

  it('reports missing or empty required fields with 1802, one line per field in struct order', async () => {
    const line = (s: string, f: string) => `Key: '${s}.${f}' Error:Field validation for '${f}' failed on the 'required' tag`;
    expect((await post('partitions/create', { collectionName: 'c' })).json).toEqual({
      code: 1802,
      message: `missing required parameters, error: ${line('PartitionReq', 'PartitionName')}`,
    });
    expect((await post('partitions/create', { partitionName: 'p', collectionName: '' })).json).toEqual({
      code: 1802,
      message: `missing required parameters, error: ${line('PartitionReq', 'CollectionName')}`,
    });
    expect((await post('partitions/create', 'null')).json).toEqual({
      code: 1802,
      message: `missing required parameters, error: ${line('PartitionReq', 'CollectionName')}\n${line('PartitionReq', 'PartitionName')}`,
    });
    expect((await post('partitions/load', { collectionName: 'c', partitionNames: null })).json.message).toBe(`missing required parameters, error: ${line('PartitionsReq', 'PartitionNames')}`);
    expect((await post('indexes/describe', { collectionName: 'c' })).json.message).toBe(`missing required parameters, error: ${line('IndexReq', 'IndexName')}`);
    expect((await post('databases/drop', {})).json.message).toBe(`missing required parameters, error: ${line('DatabaseReqRequiredName', 'DbName')}`);
  });

  it('accepts an empty partitionNames list (the binding passes; the engine refuses it)', async () => {
    await quick();
    expect((await post('partitions/load', { collectionName: 'my_collection', partitionNames: [] })).json).toEqual({
      code: 65535,
      message: 'failed to load partition, due to no partition specified',
    });
  });

  it('matches keys case-insensitively, ignores unknown keys and treats null as unset', async () => {
    await quick();
    expect((await post('partitions/has', { COLLECTIONNAME: 'my_collection', PartitionName: '_default', extra: { deep: [1] } })).json).toEqual({ code: 0, data: { has: true } });
    expect((await post('partitions/list', { collectionName: 'my_collection', dbName: null })).json).toEqual({ code: 0, data: ['_default'] });
  });
});

describe('HTTP layer', () => {
  it('answers unknown paths and other methods with gin 404, OPTIONS with 204 + CORS, and redirects a trailing slash', async () => {
    const notFound = await rest({ method: 'POST', path: '/v2/vectordb/partitions/nope', headers: {}, body: '{}' });
    expect(notFound).toMatchObject({ status: 404, body: '404 page not found' });
    expect(notFound.headers['content-type']).toBe('text/plain');
    expect((await rest({ method: 'GET', path: '/v2/vectordb/partitions/list', headers: {}, body: '' })).status).toBe(404);
    const options = await rest({ method: 'OPTIONS', path: '/anything', headers: {}, body: '' });
    expect(options.status).toBe(204);
    expect(options.headers['access-control-allow-methods']).toBe('GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH');
    const slash = await rest({ method: 'POST', path: '/v2/vectordb/partitions/list/', headers: {}, body: '{}' });
    expect(slash).toMatchObject({ status: 307, headers: { location: '/v2/vectordb/partitions/list' } });
  });

  it('authenticates Bearer user:password and Basic when auth is on, else 401 code 1800', async () => {
    const secured = createRestHandler(engine, { auth: { users: { root: 'Milvus' } } });
    const body = { collectionName: 'c' };
    const denied = { code: 1800, message: "user hasn't authenticated" };
    for (const authorization of [undefined, 'Bearer root:wrong', 'Bearer apikey-without-colon', 'Bearer root:', `Basic ${btoa('root:nope')}`]) {
      const r = await post('collections/has', body, authorization ? { authorization } : {}, secured);
      expect(r.status, authorization).toBe(401);
      expect(r.json).toEqual(denied);
    }
    for (const authorization of ['Bearer root:Milvus', `Basic ${btoa('root:Milvus')}`, 'root:Milvus']) {
      expect((await post('collections/has', body, { Authorization: authorization }, secured)).json, authorization).toEqual({ code: 0, data: { has: false } });
    }
    expect((await secured({ method: 'OPTIONS', path: '/v2/vectordb/collections/has', headers: {}, body: '' })).status).toBe(204);
    expect((await secured({ method: 'POST', path: '/nope', headers: {}, body: '' })).status).toBe(401);
  });

  it('answers 408 {code:10001} when Request-Timeout is exceeded, and ignores a malformed header', async () => {
    await quick();
    const timedOut = await post('partitions/create', { collectionName: 'my_collection', partitionName: 'late' }, { 'Request-Timeout': '0' });
    expect(timedOut.status).toBe(408);
    expect(timedOut.json).toEqual({ code: 10001, message: 'request timeout' });
    // as in Milvus, the operation itself still ran
    expect(engine.hasPartition({ collectionName: 'my_collection', partitionName: 'late' })).toBe(true);
    expect((await post('partitions/list', { collectionName: 'my_collection' }, { 'Request-Timeout': 'soon' })).status).toBe(200);
    expect((await post('partitions/list', { collectionName: 'my_collection' }, { 'Request-Timeout': '5' })).status).toBe(200);
  });

  it('takes the database from the body, else DB-Name, else default', async () => {
    engine.createDatabase('db1');
    await post('collections/create', { collectionName: 'c1', dimension: 2 }, { 'DB-Name': 'db1' });
    expect(engine.hasCollection({ dbName: 'db1', collectionName: 'c1' })).toBe(true);
    expect((await post('collections/list', {}, { 'DB-Name': 'db1' })).json).toEqual({ code: 0, data: ['c1'] });
    expect((await post('collections/list', { dbName: 'default' }, { 'DB-Name': 'db1' })).json).toEqual({ code: 0, data: [] });
    expect((await post('collections/list', {}, { 'DB-Name': 'nope' })).json).toEqual({ code: 800, message: 'database not found[database=nope]' });
  });
});

describe('collections', () => {
  it('quick setup creates id + vector, an AUTOINDEX COSINE index named after the field, and loads', async () => {
    await quick();
    const c = engine.describeCollection({ collectionName: 'my_collection' });
    expect(c.schema.fields.map((f) => [f.name, f.dataType])).toEqual([['id', 5], ['vector', 101], ['$meta', 23]]);
    expect(engine.describeIndex({ collectionName: 'my_collection' })[0]).toMatchObject({ indexName: 'vector', fieldName: 'vector' });
    expect((await post('collections/get_load_state', { collectionName: 'my_collection' })).body).toBe('{"code":0,"data":{"loadProgress":100,"loadState":"LoadStateLoaded"},"message":""}');
    const d = (await post('collections/describe', { collectionName: 'my_collection' })).json.data as Record<string, unknown>;
    expect(d).toMatchObject({ indexes: [{ fieldName: 'vector', indexName: 'vector', metricType: 'COSINE' }], load: 'LoadStateLoaded', enableDynamicField: true, consistencyLevel: 'Bounded', shardsNum: 1, partitionsNum: 1, autoId: false });
    expect((d.fields as { name: string }[]).map((f) => f.name)).toEqual(['id', 'vector']);
  });

  it('quick setup errors are REST-specific and worded as Milvus', async () => {
    expect((await post('collections/create', { collectionName: 'c' })).json).toEqual({
      code: 1100,
      message: 'dimension is required for quickly create collection(default metric type: COSINE): invalid parameter[expected=collectionName & dimension][actual=collectionName]',
    });
    expect((await post('collections/create', { collectionName: 'c', dimension: 4, idType: 'UUID' })).json).toEqual({
      code: 1100,
      message: 'idType can only be [Int64, VarChar], default: Int64: invalid parameter[expected=Int64, Varchar][actual=UUID]',
    });
    expect((await post('collections/create', { collectionName: 'c', dimension: 4, params: { consistencyLevel: 'Eventual' } })).json).toEqual({
      code: 1100,
      message: 'consistencyLevel can only be [Strong, Session, Bounded, Eventually, Customized], default: Bounded: invalid parameter[expected=Strong, Session, Bounded, Eventually, Customized][actual=Eventual]',
    });
    expect((await post('collections/create', { collectionName: 'c', dimension: 4, params: { enableDynamicField: 'maybe' } })).json).toEqual({
      code: 65535,
      message: 'parse enableDynamicField fail, err:strconv.ParseBool: parsing "maybe": invalid syntax',
    });
    expect(engine.hasCollection({ collectionName: 'c' })).toBe(false);
    await post('collections/create', { collectionName: 'v', dimension: 4, idType: 'VarChar', params: { max_length: 32, shardsNum: 2, ttlSeconds: 60 } });
    const v = engine.describeCollection({ collectionName: 'v' });
    expect(v.schema.fields[0]).toMatchObject({ dataType: 21, typeParams: { max_length: '32' } });
    expect(v.shardsNum).toBe(2);
    expect(v.properties).toEqual([{ key: 'collection.ttl.seconds', value: '60' }]);
  });

  it('schema create: no index → created only; with indexParams → indexes + load; unknown index field → 1802 after creation', async () => {
    const schema = {
      autoID: true,
      fields: [
        { fieldName: 'book_id', dataType: 'Int64', isPrimary: true },
        { fieldName: 'tags', dataType: 'Array', elementDataType: 'VarChar', elementTypeParams: { max_capacity: 4, max_length: 16 } },
        { fieldName: 'book_intro', dataType: 'FloatVector', elementTypeParams: { dim: 2 } },
      ],
    };
    expect((await post('collections/create', { collectionName: 'a', schema })).json).toEqual({ code: 0, data: {} });
    expect((await post('collections/get_load_state', { collectionName: 'a' })).body).toBe('{"code":0,"data":{"loadState":"LoadStateNotLoad"}}');
    const described = await post('collections/describe', { collectionName: 'a' });
    expect(described.json.message).toBe('index not found[collection=a];');
    expect((described.json.data as { fields: unknown[] }).fields[1]).toEqual({
      autoId: false, clusteringKey: false, description: '', elementType: 'VarChar', id: 101, name: 'tags', nullable: false, params: [{ key: 'max_capacity', value: '4' }, { key: 'max_length', value: '16' }], partitionKey: false, primaryKey: false, type: 'Array',
    });
    expect(engine.describeCollection({ collectionName: 'a' }).schema.fields[0]!.autoID).toBe(true);

    const indexParams = [{ fieldName: 'book_intro', indexName: 'intro', metricType: 'L2', indexType: 'HNSW', params: { efConstruction: 64, M: 8 } }];
    expect((await post('collections/create', { collectionName: 'b', schema, indexParams })).json).toEqual({ code: 0, data: {} });
    expect(engine.getLoadState({ collectionName: 'b' })).toBe(3);
    expect(engine.describeIndex({ collectionName: 'b' })[0]!.params).toEqual([
      { key: 'index_type', value: 'HNSW' },
      { key: 'metric_type', value: 'L2' },
      { key: 'M', value: '8' },
      { key: 'efConstruction', value: '64' },
    ]);
    expect((await post('collections/create', { collectionName: 'x', schema, indexParams: [{ fieldName: 'nope', metricType: 'L2' }] })).json).toEqual({
      code: 1802,
      message: 'missing required parameters, error: `nope` hasn\'t defined in schema',
    });
    expect(engine.hasCollection({ collectionName: 'x' })).toBe(true);
    expect((await post('collections/create', { collectionName: 'y', schema: { fields: [{ fieldName: 'id', dataType: 'int64' }] } })).json).toEqual({
      code: 1100,
      message: 'invalid parameter, data type int64 is invalid(case sensitive).',
    });
  });

  it('get_load_state keeps Milvus quirks: collection-level state, progress -1 with the error in message', async () => {
    await quick();
    await post('partitions/create', { collectionName: 'my_collection', partitionName: 'p' });
    await post('collections/release', { collectionName: 'my_collection' });
    await post('partitions/load', { collectionName: 'my_collection', partitionNames: ['_default'] });
    const pid = engine.describeCollection({ collectionName: 'my_collection' }).partitions.get('p')!.id;
    expect((await post('collections/get_load_state', { collectionName: 'my_collection', partitionNames: ['p'] })).body).toBe(
      `{"code":0,"data":{"loadProgress":-1,"loadState":"LoadStateLoading"},"message":"partition not loaded[partition=${pid}]."}`,
    );
    expect((await post('collections/get_load_state', { collectionName: 'my_collection', partitionNames: ['zz'] })).json.message).toBe('partition not found[partition=zz].');
    expect((await post('collections/get_load_state', { collectionName: 'nope' })).json).toEqual({ code: 100, message: 'collection not found[collection=nope]' });
  });
});

describe('indexes and databases', () => {
  it('lists, describes and drops indexes', async () => {
    await quick();
    expect((await post('indexes/list', { collectionName: 'my_collection' })).json).toEqual({ code: 0, data: ['vector'] });
    expect((await post('indexes/describe', { collectionName: 'my_collection', indexName: 'vector' })).body).toBe(
      '{"code":0,"data":[{"failReason":"","fieldName":"vector","indexName":"vector","indexState":"Finished","indexType":"AUTOINDEX","indexedRows":0,"metricType":"COSINE","pendingRows":0,"totalRows":0}]}',
    );
    expect((await post('indexes/describe', { collectionName: 'my_collection', indexName: 'nope' })).json).toEqual({ code: 700, message: 'index not found[indexName=nope]' });
    expect((await post('indexes/drop', { collectionName: 'my_collection', indexName: 'vector' })).json.code).toBe(65535);
    await post('collections/release', { collectionName: 'my_collection' });
    expect((await post('indexes/drop', { collectionName: 'my_collection', indexName: 'vector' })).json).toEqual({ code: 0, data: {} });
    expect((await post('indexes/list', { collectionName: 'my_collection' })).json).toEqual({ code: 0, data: [] });
    expect((await post('indexes/create', { collectionName: 'my_collection', indexParams: [{ fieldName: 'vector', metricType: 'IP' }] })).json).toEqual({ code: 0, data: {} });
    expect(engine.describeIndex({ collectionName: 'my_collection' })[0]!.params).toEqual([{ key: 'metric_type', value: 'IP' }, { key: 'index_type', value: 'AUTOINDEX' }]);
  });

  it('creates, describes, lists, alters and drops aliases', async () => {
    await quick('c1');
    await quick('c2');
    expect((await post('aliases/create', { collectionName: 'c1', aliasName: 'a' })).json).toEqual({ code: 0, data: {} });
    expect((await post('aliases/describe', { aliasName: 'a' })).body).toBe('{"code":0,"data":{"aliasName":"a","collectionName":"c1","dbName":"default"}}');
    expect((await post('aliases/list', { collectionName: 'c1' })).json).toEqual({ code: 0, data: ['a'] });
    expect((await post('aliases/list', { collectionName: 'c2' })).json).toEqual({ code: 0, data: [] });
    expect((await post('aliases/list', { collectionName: 'nope' })).json).toEqual({ code: 100, message: 'collection not found[collection=nope]' });
    expect((await post('collections/describe', { collectionName: 'a' })).json.data).toMatchObject({ collectionName: 'c1', aliases: ['a'] });
    expect((await post('aliases/alter', { collectionName: 'c2', aliasName: 'a' })).json).toEqual({ code: 0, data: {} });
    expect((await post('aliases/create', { collectionName: 'c1', aliasName: 'a' })).json).toEqual({
      code: 1602,
      message: 'a is alias to another collection: c2: alias already exist[database=default][alias=a]',
    });
    expect((await post('aliases/create', { collectionName: 'c1' })).json).toEqual({
      code: 1802,
      message: "missing required parameters, error: Key: 'AliasCollectionReq.AliasName' Error:Field validation for 'AliasName' failed on the 'required' tag",
    });
    expect((await post('aliases/drop', { aliasName: 'a' })).json).toEqual({ code: 0, data: {} });
    expect((await post('aliases/describe', { aliasName: 'a' })).json).toEqual({ code: 1600, message: 'alias not found[database=default][alias=a]' });
    expect((await post('aliases/list', {})).json).toEqual({ code: 0, data: [] });
  });

  it('creates, describes, lists and drops databases', async () => {
    expect((await post('databases/create', { dbName: 'db1', properties: { 'database.replica.number': 1 } })).json).toEqual({ code: 0, data: {} });
    expect((await post('databases/list', {})).json).toEqual({ code: 0, data: ['default', 'db1'] });
    const d = await post('databases/describe', { dbName: 'db1' });
    expect(d.body).toMatch(/^\{"code":0,"data":\{"dbID":\d+,"dbName":"db1","properties":\[\{"key":"database.replica.number","value":"1"\}\]\}\}$/);
    expect((await post('databases/drop', { dbName: 'default' })).json).toEqual({ code: 65535, message: 'can not drop default database' });
    expect((await post('databases/drop', { dbName: 'db1' })).json).toEqual({ code: 0, data: {} });
  });
});

describe('node:http', () => {
  it('takes a body up to 64 MiB on the one-port server (read whole, unknown keys ignored), answers a larger one 413 code 1102, and keeps serving', async () => {
    const server = await startServer({ port: 0 });
    try {
      const envelope = '{"collectionName":"c","pad":""}';
      const pad = 'a'.repeat(MAX_BODY_BYTES - envelope.length);
      const big = await fetch(`${server.restUrl}/v2/vectordb/collections/has`, { method: 'POST', body: `{"collectionName":"c","pad":"${pad}"}` });
      expect(big.status).toBe(200);
      expect(await big.json()).toEqual({ code: 0, data: { has: false } });
      const over = await fetch(`${server.restUrl}/v2/vectordb/collections/has`, { method: 'POST', body: `{"collectionName":"c","pad":"${pad}a"}` });
      expect(over.status).toBe(413);
      expect(((await over.json()) as { code: number }).code).toBe(1102);
      const next = await fetch(`${server.restUrl}/v2/vectordb/databases/list`, { method: 'POST', body: '{}' });
      expect(await next.json()).toEqual({ code: 0, data: ['default'] });
    } finally {
      await server.close();
    }
  }, 60_000);

  it('answers a body over the listener limit with 413 and keeps the connection usable', async () => {
    const small: Server = createServer(restListener(createRestHandler(new Engine()), { maxBodyBytes: 1024 }));
    await new Promise<void>((resolve) => small.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(small.address() as AddressInfo).port}/v2/vectordb/databases/list`;
    try {
      const r = await fetch(url, { method: 'POST', body: 'x'.repeat(4096) });
      expect(r.status).toBe(413);
      expect(((await r.json()) as { code: number }).code).toBe(1102);
      expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => small.close(() => resolve()));
    }
  });
});

describe('goJsonPaced', () => {
  it('writes the text goJson writes, pausing between slices of long arrays', async () => {
    const { goJson, goJsonPaced } = await import('../src/gojson.js');
    const rows = Array.from({ length: 50_000 }, (_, i) => ({ id: 2n ** 60n + BigInt(i), z: `<${i}&>`, a: [i / 3, { b: undefined, c: null }], u: undefined }));
    const values: unknown[] = [
      { code: 0, data: rows, cost: 0 },
      { data: { insertCount: 3, insertIds: [1n, 2n, 3n] }, code: 0 },
      [],
      [[], [[]], {}],
      'plain\u2028text',
      { b: [], a: { d: 1, c: [2n] } },
      rows.slice(0, 70),
    ];
    for (const value of values) {
      let pauses = 0;
      const pause = async () => {
        pauses++;
        await new Promise((resolve) => setImmediate(resolve));
      };
      expect(await goJsonPaced(value, pause)).toBe(goJson(value));
      expect(await goJsonPaced(value, pause, { sortKeys: false, int64AsString: true })).toBe(goJson(value, { sortKeys: false, int64AsString: true }));
      if (value === values[0]) expect(pauses).toBeGreaterThan(4);
    }
  });
});

describe('RESTful v2 default values', () => {
  it('creates fields with defaultValue, describes them, fills them on insert and refuses a mismatched one', async () => {
    const schema = (extra: Record<string, unknown>) => ({
      collectionName: 'dv',
      schema: {
        fields: [
          { fieldName: 'id', dataType: 'Int64', isPrimary: true },
          { fieldName: 'vec', dataType: 'FloatVector', elementTypeParams: { dim: 2 } },
          { fieldName: 'n', dataType: 'Int32', defaultValue: 3 },
          { fieldName: 's', dataType: 'VarChar', elementTypeParams: { max_length: 8 }, nullable: true, defaultValue: 'abc', ...extra },
        ],
      },
    });
    const bad = await post('collections/create', { ...schema({}), schema: { fields: [...schema({}).schema.fields.slice(0, 2), { fieldName: 'n', dataType: 'Int64', defaultValue: 'x' }] } });
    expect(bad.json).toEqual({ code: 1100, message: 'type (Int64) of field (n) is not equal to the type(DataType_VarChar) of default_value: invalid parameter' });
    expect((await post('collections/create', schema({}))).json.code).toBe(0);
    const described = (await post('collections/describe', { collectionName: 'dv' })).json.data as { fields: Record<string, unknown>[] };
    expect(described.fields.map((f) => [f.name, f.nullable, f.defaultValue])).toEqual([['id', false, undefined], ['vec', false, undefined], ['n', false, 3], ['s', true, 'abc']]);
    const inserted = await post('entities/insert', { collectionName: 'dv', data: [{ id: 1, vec: [1, 2] }, { id: 2, vec: [1, 2], n: 9, s: null }, { id: 3, vec: [1, 2], s: 'z' }] });
    expect(inserted.json.code).toBe(0);
    await post('indexes/create', { collectionName: 'dv', indexParams: [{ fieldName: 'vec', indexName: 'vec', metricType: 'L2', indexType: 'FLAT' }] });
    await post('collections/load', { collectionName: 'dv' });
    const got = await post('entities/query', { collectionName: 'dv', filter: 'id > 0', outputFields: ['n', 's'] });
    expect(got.json.data).toEqual([{ id: 1, n: 3, s: 'abc' }, { id: 2, n: 9, s: 'abc' }, { id: 3, n: 3, s: 'z' }]);
  });
});

describe('bulk import (jobs/import/*)', () => {
  it('binds, refuses and answers import jobs as Milvus 2.5', async () => {
    await quick();
    expect((await post('jobs/import/create', {})).json).toEqual({
      code: 1802,
      message:
        "missing required parameters, error: Key: 'ImportReq.CollectionName' Error:Field validation for 'CollectionName' failed on the 'required' tag\nKey: 'ImportReq.Files' Error:Field validation for 'Files' failed on the 'required' tag",
    });
    expect((await post('jobs/import/get_progress', {})).json).toEqual({
      code: 1802,
      message: "missing required parameters, error: Key: 'JobIDReq.JobID' Error:Field validation for 'JobID' failed on the 'required' tag",
    });
    expect((await post('jobs/import/get_progress', { jobId: 'x1' })).json).toEqual({ code: 2100, message: 'parse job id failed, err=%wstrconv.ParseInt: parsing "x1": invalid syntax: importing data failed' });
    expect((await post('jobs/import/create', { collectionName: 'my_collection', files: [['a.json']] })).json).toEqual({
      code: 2100,
      message: 'the server has no import directory (start it with --import-dir): importing data failed',
    });
    expect((await post('jobs/import/list', {})).body).toBe('{"code":0,"data":{"records":[]}}');
  });

  it('creates a job and reports its progress, details and list record', async () => {
    const text = new TextEncoder().encode('[{"id": 1, "vector": [1, 0, 0, 0, 0]}]');
    engine = new Engine({ importSource: { size: async () => text.length, read: async () => text } });
    rest = createRestHandler(engine);
    await quick();
    const created = await post('jobs/import/create', { collectionName: 'my_collection', files: [['rows.json']], options: { timeout: '10s' } });
    const jobId = (created.json.data as { jobId: string }).jobId;
    expect(created.body).toBe(`{"code":0,"data":{"jobId":"${jobId}"}}`);
    await engine.importsIdle();
    const progress = await post('jobs/import/describe', { jobId });
    const done = engine.importJob(jobId).completeTime;
    expect(progress.body).toBe(
      `{"code":0,"data":{"collectionName":"my_collection","completeTime":"${done}","details":[{"completeTime":"${done}","fileName":"[rows.json]","fileSize":${text.length},"importedRows":1,"progress":100,"state":"Completed","totalRows":1}],"fileSize":${text.length},"importedRows":1,"jobId":"${jobId}","progress":100,"state":"Completed","totalRows":1}}`,
    );
    expect((await post('jobs/import/list', { collectionName: 'my_collection' })).json).toEqual({ code: 0, data: { records: [{ jobId, collectionName: 'my_collection', state: 'Completed', progress: 100 }] } });
    expect((await post('jobs/import/list', { collectionName: 'nope' })).json).toEqual({ code: 100, message: 'collection not found[database=default][collection=nope]' });
  });
});
