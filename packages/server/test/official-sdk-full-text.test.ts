import { DataType, FunctionType, HttpClient, MilvusClient, RRFRanker } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index.js';

/**
 * The official Node SDK 3.0.6's full-text search against the reference server: a collection with
 * a BM25 function (English analyzer on `text`, output `sparse`), rows inserted without the output,
 * search by raw text over gRPC and RESTful v2, hybrid search of text and a dense vector, and
 * Milvus's refusals.
 */
let server: RunningServer;
let client: MilvusClient;
let http: HttpClient;
const collection_name = 'sdk_full_text';

const DOCS = [
  { id: 1, text: 'Dogs are running in the park', dense: [1, 0] },
  { id: 2, text: 'A cat sleeps on the sofa', dense: [0, 1] },
  { id: 3, text: 'The dog runs after the cat', dense: [0.7, 0.7] },
  { id: 4, text: 'Vector databases power semantic search', dense: [0.1, 0.9] },
];

beforeAll(async () => {
  server = await startServer({ port: 0 });
  client = new MilvusClient({ address: server.address, logLevel: 'error' });
  await client.connectPromise;
  http = new HttpClient({ endpoint: server.restUrl, token: 'root:Milvus' });
  const created = await client.createCollection({
    collection_name,
    fields: [
      { name: 'id', data_type: DataType.Int64, is_primary_key: true },
      { name: 'text', data_type: DataType.VarChar, max_length: 1000, enable_analyzer: true, analyzer_params: { type: 'english' } },
      { name: 'sparse', data_type: DataType.SparseFloatVector },
      { name: 'dense', data_type: DataType.FloatVector, dim: 2 },
    ],
    functions: [{ name: 'text_bm25', description: 'bm25 of text', type: FunctionType.BM25, input_field_names: ['text'], output_field_names: ['sparse'], params: {} }],
  });
  expect(created.error_code).toBe('Success');
  await client.createIndex({ collection_name, field_name: 'sparse', index_type: 'SPARSE_INVERTED_INDEX', metric_type: 'BM25', params: { bm25_k1: 1.2, bm25_b: 0.75 } });
  await client.createIndex({ collection_name, field_name: 'dense', index_type: 'FLAT', metric_type: 'IP' });
  const inserted = await client.insert({ collection_name, data: DOCS });
  expect(inserted.status.reason).toBe("");
  await client.loadCollection({ collection_name });
});
afterAll(async () => {
  await client.closeConnection();
  await server.close();
});

describe('official Node SDK full-text search', () => {
  it('describes the function and its output field', async () => {
    const d = await client.describeCollection({ collection_name });
    expect(d.schema.functions).toMatchObject([{ name: 'text_bm25', type: 'BM25', input_field_names: ['text'], output_field_names: ['sparse'], id: '100' }]);
    expect(d.schema.fields.find((f) => f.name === 'sparse')).toMatchObject({ is_function_output: true });
  });

  it('searches by text over gRPC: the English analyzer stems "running dogs" to both dog documents', async () => {
    const res = await client.search({ collection_name, data: ['running dogs'], anns_field: 'sparse', limit: 3, output_fields: ['id', 'text'] });
    expect(res.status.error_code).toBe('Success');
    expect(res.results.map((r) => r.id)).toEqual(['1', '3']);
    expect(res.results[0]!.score).toBeGreaterThan(res.results[1]!.score);
    expect(res.results[0]!.text).toBe(DOCS[0]!.text);
    const two = await client.search({ collection_name, data: ['cat', 'semantic search'], anns_field: 'sparse', limit: 2, output_fields: ['id'] });
    expect((two.results as unknown as { id: string }[][]).map((list) => list.map((r) => r.id).sort())).toEqual([['2', '3'], ['4']]);
  });

  it('searches by text over RESTful v2', async () => {
    const res = await http.search({ collectionName: collection_name, data: ['running dogs'], annsField: 'sparse', limit: 3, outputFields: ['text'] });
    expect(res.code).toBe(0);
    expect((res.data as { id: number }[]).map((r) => String(r.id))).toEqual(['1', '3']);
  });

  it('creates and describes a BM25 collection over RESTful v2', async () => {
    const post = async (path: string, body: unknown) =>
      (await (await fetch(`${server.restUrl}/v2/vectordb/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer root:Milvus' }, body: JSON.stringify(body) })).json()) as {
        code: number;
        message?: string;
        data?: { fields: { name: string; isFunctionOutput?: boolean }[]; functions: unknown[] };
      };
    const schema = (type: string) => ({
      fields: [
        { fieldName: 'id', dataType: 'Int64', isPrimary: true },
        { fieldName: 'text', dataType: 'VarChar', elementTypeParams: { max_length: 200, enable_analyzer: true } },
        { fieldName: 'sparse', dataType: 'SparseFloatVector' },
      ],
      functions: [{ name: 'bm25', type, inputFieldNames: ['text'], outputFieldNames: ['sparse'], params: {} }],
    });
    expect(await post('collections/create', { collectionName: 'rest_fts', schema: schema('bm25') })).toEqual({
      code: 1100,
      message: 'function data type is invalid(case sensitive): invalid parameter[expected=FunctionType][actual=bm25]',
    });
    expect((await post('collections/create', { collectionName: 'rest_fts', schema: schema('BM25') })).code).toBe(0);
    const described = await post('collections/describe', { collectionName: 'rest_fts' });
    expect(described.data!.functions).toEqual([{ name: 'bm25', description: '', type: 1, id: 100, inputFieldNames: ['text'], outputFieldNames: ['sparse'], params: [] }]);
    expect(described.data!.fields.map((f) => [f.name, f.isFunctionOutput ?? false])).toEqual([['id', false], ['text', false], ['sparse', true]]);
  });

  it('fuses a BM25 sub-search with a dense one', async () => {
    const res = await client.hybridSearch({
      collection_name,
      data: [
        { data: ['cat'], anns_field: 'sparse', limit: 3 },
        { data: [0, 1], anns_field: 'dense', limit: 3 },
      ],
      rerank: RRFRanker(60),
      limit: 2,
      output_fields: ['id'],
    });
    expect(res.status.error_code).toBe('Success');
    // `cat`: id2, id3 by BM25; dense [0,1]: id2, id4, id3 → id2 first on both.
    expect(res.results.map((r) => r.id)).toEqual(['2', '3']);
  });

  it("answers Milvus's errors", async () => {
    const out = await client.query({ collection_name, filter: 'id > 0', output_fields: ['sparse'] });
    expect(out.status).toMatchObject({ code: 1100, reason: 'not allowed to retrieve raw data of field sparse: invalid parameter' });
    const metric = await client.search({ collection_name, data: ['cat'], anns_field: 'sparse', limit: 3, metric_type: 'IP' });
    expect(metric.status).toMatchObject({ code: 1100, reason: 'metric type not match: invalid parameter[expected=BM25][actual=IP]' });
    const bad = client.createCollection({
      collection_name: 'sdk_full_text_bad',
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'text', data_type: DataType.VarChar, max_length: 100 },
        { name: 'sparse', data_type: DataType.SparseFloatVector },
      ],
      functions: [{ name: 'f', type: FunctionType.BM25, input_field_names: ['text'], output_field_names: ['sparse'], params: {} }],
    });
    // The SDK throws the status of a failed CreateCollection.
    await expect(bad).rejects.toMatchObject({ code: 65535, reason: 'BM25 function input field must set enable_analyzer to true' });
  });
});
