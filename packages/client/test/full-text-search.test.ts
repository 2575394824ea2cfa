import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataType, FunctionType, MilvusClient } from '../src/index.js';
import { TRANSPORTS, clientFor, rejection, type TransportKind } from './helpers.js';

/**
 * Full-text search with `@mvkit/client` over gRPC and RESTful v2: a collection with a BM25
 * function (standard analyzer on `text`, output `sparse`), rows of text, search by one text and by
 * several, the function in DescribeCollection, and the refusal to return the output field.
 */
const collection_name = 'full_text';

describe.each(TRANSPORTS)('MilvusClient full-text search over %s', (kind: TransportKind) => {
  let server: RunningServer;
  let client: MilvusClient;

  beforeAll(async () => {
    server = await startServer({ port: 0 });
    client = clientFor(kind, server, { token: 'root:Milvus' });
    await client.createCollection({
      collection_name,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'text', data_type: DataType.VarChar, max_length: 500, enable_analyzer: true, analyzer_params: { tokenizer: 'standard', filter: ['lowercase'] } },
        { name: 'sparse', data_type: DataType.SparseFloatVector },
      ],
      functions: [{ name: 'bm25', type: FunctionType.BM25, input_field_names: ['text'], output_field_names: ['sparse'] }],
    });
    await client.createIndex({ collection_name, field_name: 'sparse', index_type: 'SPARSE_WAND', metric_type: 'BM25' });
    await client.insert({
      collection_name,
      data: [
        { id: 1, text: 'Red apples and green apples' },
        { id: 2, text: 'A green pear' },
        { id: 3, text: 'Bananas are yellow' },
      ],
    });
    await client.loadCollection({ collection_name });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('describes the function and marks its output field', async () => {
    const d = await client.describeCollection({ collection_name });
    expect(d.schema.functions).toMatchObject([{ name: 'bm25', id: '100', type: 'BM25', input_field_names: ['text'], output_field_names: ['sparse'] }]);
    expect(d.schema.fields.map((f) => [f.name, f.is_function_output])).toEqual([['id', false], ['text', false], ['sparse', true]]);
  });

  it('searches by text, one query or several', async () => {
    const one = await client.search({ collection_name, data: 'green apples', anns_field: 'sparse', limit: 3, output_fields: ['text'] });
    const ids = (rows: unknown) => (rows as { id: string }[]).map((r) => r.id);
    expect(ids(one.results)).toEqual(['1', '2']);
    const two = await client.search({ collection_name, data: ['pear', 'yellow bananas'], anns_field: 'sparse', limit: 3 });
    expect((two.results as unknown[][]).map(ids)).toEqual([['2'], ['3']]);
  });

  it('refuses to return the output field', async () => {
    expect(await rejection(client.query({ collection_name, filter: 'id > 0', output_fields: ['sparse'] }))).toMatchObject({
      code: 1100,
      reason: 'not allowed to retrieve raw data of field sparse: invalid parameter',
    });
  });
});
