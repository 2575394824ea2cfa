import { HttpClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index.js';

/**
 * The official Node SDK's RESTful v2 client (`HttpClient`) against the reference server: a
 * collection using the 2.5 data model (nullable and default values, Float16 and sparse vectors, a
 * partition key, the dynamic field) created, written, read and searched as the SDK sends it.
 */
let server: RunningServer;
let client: HttpClient;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  client = new HttpClient({ endpoint: server.restUrl, token: 'root:Milvus' });
});
afterAll(async () => {
  await server.close();
});

describe('official Node SDK over RESTful v2: the data model', () => {
  it('creates, inserts, queries and searches nullable, default, float16, sparse, partition-key and dynamic fields', async () => {
    const collectionName = 'rest_model';
    const created = await client.createCollection({
      collectionName,
      schema: {
        enableDynamicField: true,
        fields: [
          { fieldName: 'id', dataType: 'Int64', isPrimary: true },
          { fieldName: 'tenant', dataType: 'VarChar', isPartitionKey: true, elementTypeParams: { max_length: 16 } },
          { fieldName: 'rating', dataType: 'Float', nullable: true },
          { fieldName: 'shelf', dataType: 'VarChar', defaultValue: 'A', elementTypeParams: { max_length: 8 } },
          { fieldName: 'half', dataType: 'Float16Vector', elementTypeParams: { dim: 2 } },
          { fieldName: 'sv', dataType: 'SparseFloatVector' },
        ],
      },
      params: { partitionsNum: 4 },
      indexParams: [
        { fieldName: 'half', indexName: 'half', metricType: 'L2', indexType: 'FLAT' },
        { fieldName: 'sv', indexName: 'sv', metricType: 'IP', indexType: 'SPARSE_INVERTED_INDEX' },
      ],
    } as never);
    expect(created.code).toBe(0);
    const described = await client.describeCollection({ collectionName });
    expect((described.data as { partitionsNum: number }).partitionsNum).toBe(4);
    const data = Array.from({ length: 6 }, (_, i) => ({
      id: i,
      tenant: `t${i % 2}`,
      ...(i % 2 ? { rating: null } : { rating: i / 2 }),
      ...(i % 3 ? { shelf: `s${i}` } : {}),
      half: [i, 1],
      sv: { [String(i + 1)]: 1 },
      color: i % 2 ? 'red' : 'blue',
    }));
    const inserted = await client.insert({ collectionName, data });
    expect([inserted.code, (inserted.data as { insertCount: number }).insertCount]).toEqual([0, 6]);
    expect((await client.loadCollection({ collectionName })).code).toBe(0);
    const rows = (await client.query({ collectionName, filter: 'tenant == "t1"', outputFields: ['rating', 'shelf', 'color'] })).data as Record<string, unknown>[];
    // The SDK sends `Accept-Type-Allow-Int64: false`: Int64 values come back as strings.
    expect(rows.map((r) => [r.id, r.rating, r.shelf, r.color]).sort()).toEqual([
      ['1', null, 's1', 'red'],
      ['3', null, 'A', 'red'],
      ['5', null, 's5', 'red'],
    ]);
    const nulls = (await client.query({ collectionName, filter: 'rating is null', outputFields: ['id'] })).data as Record<string, unknown>[];
    expect(nulls.map((r) => r.id).sort()).toEqual(['1', '3', '5']);
    const sparse = await client.search({ collectionName, annsField: 'sv', data: [{ '3': 2 }], limit: 3, outputFields: ['sv'] });
    expect((sparse.data as Record<string, unknown>[]).map((r) => [r.id, r.distance, r.sv])).toEqual([['2', 2, { '3': 1 }]]);
    const half = await client.search({ collectionName, annsField: 'half', data: [[4.2, 1]], limit: 2 });
    expect((half.data as Record<string, unknown>[]).map((r) => r.id)).toEqual(['4', '5']);
    const refused = await client.insert({ collectionName, partitionName: '_default_0', data: [data[0]!] } as never);
    expect([refused.code, refused.message]).toEqual([65535, 'not support manually specifying the partition names if partition key mode is used']);
  });
});

describe('official Node SDK over RESTful v2: aliases', () => {
  it('creates, describes, lists, alters and drops aliases', async () => {
    for (const collectionName of ['rest_alias_a', 'rest_alias_b']) expect((await client.createCollection({ collectionName, dimension: 2 } as never)).code).toBe(0);
    expect((await client.createAlias({ collectionName: 'rest_alias_a', aliasName: 'rest_current' })).code).toBe(0);
    const described = await client.describeAlias({ aliasName: 'rest_current' });
    expect(described).toEqual({ code: 0, data: { dbName: 'default', collectionName: 'rest_alias_a', aliasName: 'rest_current' } });
    expect((await client.listAliases({})).data).toEqual(['rest_current']);
    expect((await client.alterAlias({ collectionName: 'rest_alias_b', aliasName: 'rest_current' })).code).toBe(0);
    expect((await client.describeAlias({ aliasName: 'rest_current' })).data.collectionName).toBe('rest_alias_b');
    expect((await client.dropAlias({ aliasName: 'rest_current' })).code).toBe(0);
    const missing = (await client.describeAlias({ aliasName: 'rest_current' })) as unknown as { code: number; message: string };
    expect([missing.code, missing.message]).toEqual([1600, 'alias not found[database=default][alias=rest_current]']);
  });
});
