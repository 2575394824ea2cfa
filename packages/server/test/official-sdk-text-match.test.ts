import { DataType, HttpClient, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index.js';

/**
 * Text match with the official Node SDK against the reference server: a VarChar field with the
 * SDK's `enable_analyzer` / `enable_match` / `analyzer_params` shortcuts (sent as type params),
 * `TEXT_MATCH` and `PHRASE_MATCH` filters in query, search and delete over gRPC, query over
 * RESTful v2 (`HttpClient`), and Milvus's refusals as the SDK reports them.
 */
let server: RunningServer;
let client: MilvusClient;
let http: HttpClient;
const collection_name = 'sdk_text_match';

beforeAll(async () => {
  server = await startServer({ port: 0 });
  client = new MilvusClient({ address: server.address, logLevel: 'error' });
  await client.connectPromise;
  http = new HttpClient({ endpoint: server.restUrl, token: 'root:Milvus' });
  const created = await client.createCollection({
    collection_name,
    fields: [
      { name: 'id', data_type: DataType.Int64, is_primary_key: true },
      { name: 'text', data_type: DataType.VarChar, max_length: 256, enable_analyzer: true, enable_match: true, analyzer_params: { type: 'english' } },
      { name: 'vec', data_type: DataType.FloatVector, dim: 2 },
    ],
  });
  expect(created.error_code).toBe('Success');
  await client.createIndex({ collection_name, field_name: 'vec', index_type: 'FLAT', metric_type: 'L2' });
  await client.insert({
    collection_name,
    data: [
      { id: 1, text: 'The runners were running', vec: [1, 0] },
      { id: 2, text: 'Machine learning boosts efficiency', vec: [0.9, 0.1] },
      { id: 3, text: 'Learning about machines and deep learning', vec: [0, 1] },
    ],
  });
  await client.loadCollection({ collection_name });
});
afterAll(async () => {
  await client.closeConnection();
  await server.close();
});

const ids = async (filter: string) =>
  (await client.query({ collection_name, filter, output_fields: ['id'] })).data.map((r) => Number(r.id)).sort((a, b) => a - b);

describe('official Node SDK text match (gRPC)', () => {
  it('creates the field with its type params and describes them back', async () => {
    const d = await client.describeCollection({ collection_name });
    const text = d.schema.fields.find((f) => f.name === 'text')!;
    const params = Object.fromEntries(text.type_params.map((p) => [p.key, p.value]));
    expect(params).toMatchObject({ enable_analyzer: 'true', enable_match: 'true', analyzer_params: '{"type":"english"}' });
  });

  it('filters query, search and delete with TEXT_MATCH and PHRASE_MATCH', async () => {
    expect(await ids("TEXT_MATCH(text, 'runs')")).toEqual([1]);
    expect(await ids("TEXT_MATCH(text, 'machine deep')")).toEqual([2, 3]);
    expect(await ids("PHRASE_MATCH(text, 'machine learning')")).toEqual([2]);
    expect(await ids("PHRASE_MATCH(text, 'machine learning', 2)")).toEqual([2, 3]);
    const res = await client.search({ collection_name, data: [1, 0], limit: 5, filter: "TEXT_MATCH(text, 'learning')" });
    expect(res.results.map((r) => r.id)).toEqual(['2', '3']);
  });

  it('reports Milvus 2.5 refusals', async () => {
    const bad = await client.query({ collection_name, filter: "TEXT_MATCH(id, 'x')", output_fields: ['id'] });
    expect(bad.status).toMatchObject({ code: 1100, reason: expect.stringContaining('error: field 100 does not enable text match') });
    const fn = await client.query({ collection_name, filter: "json_contains_aby(text, 2)", output_fields: ['id'] });
    expect(fn.status).toMatchObject({ code: 2028, reason: 'function json_contains_aby(varChar, int64_t) not found. ' });
    const isNull = await client.query({ collection_name, filter: 'text is NOT null', output_fields: ['id'] });
    expect(isNull.status).toMatchObject({ code: 1100, reason: expect.stringContaining("mismatched input 'is'") });
    // The SDK's createCollection throws the status it receives.
    const created = client.createCollection({
      collection_name: 'sdk_text_bad',
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'text', data_type: DataType.VarChar, max_length: 16, enable_match: true },
        { name: 'vec', data_type: DataType.FloatVector, dim: 2 },
      ],
    });
    await expect(created).rejects.toMatchObject({ code: 65535, reason: 'field text is set to enable match or bm25 function but not enable analyzer' });
  });
});

describe('official Node SDK text match (RESTful v2)', () => {
  it('queries with TEXT_MATCH and deletes by it', async () => {
    const q = await http.query({ collectionName: collection_name, filter: "TEXT_MATCH(text, 'efficiency')", outputFields: ['id'] });
    expect(q.data).toEqual([{ id: '2' }]);
    await http.delete({ collectionName: collection_name, filter: "TEXT_MATCH(text, 'efficiency')" });
    expect(await ids("TEXT_MATCH(text, 'machine')")).toEqual([3]);
  });
});
