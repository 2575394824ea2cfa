import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataType, MilvusClient } from '../src/index.js';
import { TRANSPORTS, clientFor, rejection, type TransportKind } from './helpers.js';

/**
 * Text match through `MilvusClient` over gRPC and RESTful v2: a VarChar field with
 * `enable_analyzer` / `enable_match` (the Node SDK's shortcuts) and the english analyzer, filtered
 * with `TEXT_MATCH` / `PHRASE_MATCH` in query, search and delete. Filters are plain strings, so
 * this shows the schema shortcuts and the engine's answers arrive intact on both transports.
 */
const collection_name = 'text_match';

describe.each(TRANSPORTS)('MilvusClient text match over %s', (kind: TransportKind) => {
  let server: RunningServer;
  let client: MilvusClient;
  const ids = async (filter: string) =>
    ((await client.query({ collection_name, filter, output_fields: ['id'] })).data as { id: string }[]).map((r) => Number(r.id)).sort((a, b) => a - b);

  beforeAll(async () => {
    server = await startServer({ port: 0 });
    client = clientFor(kind, server, { token: 'root:Milvus' });
    await client.createCollection({
      collection_name,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'text', data_type: DataType.VarChar, max_length: 256, enable_analyzer: true, enable_match: true, analyzer_params: { type: 'english' } },
        { name: 'vec', data_type: DataType.FloatVector, dim: 2 },
      ],
    });
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
    await client.close();
    await server.close();
  });

  it('queries, searches and deletes with TEXT_MATCH and PHRASE_MATCH', async () => {
    expect(await ids("TEXT_MATCH(text, 'runs')")).toEqual([1]);
    expect(await ids("TEXT_MATCH(text, 'machine deep')")).toEqual([2, 3]);
    expect(await ids("PHRASE_MATCH(text, 'machine learning')")).toEqual([2]);
    expect(await ids("PHRASE_MATCH(text, 'machine learning', 2)")).toEqual([2, 3]);
    const res = await client.search({ collection_name, data: [1, 0], limit: 5, filter: "TEXT_MATCH(text, 'learning')" });
    expect(res.results.map((r) => r.id)).toEqual(['2', '3']);
    await client.delete({ collection_name, filter: "TEXT_MATCH(text, 'boost')" });
    expect(await ids("TEXT_MATCH(text, 'machine')")).toEqual([3]);
  });

  it('refuses a field without enable_match and an unknown function as Milvus', async () => {
    const err = await rejection(client.query({ collection_name, filter: "TEXT_MATCH(id, 'x')", output_fields: ['id'] }));
    expect(err).toMatchObject({ code: 1100, reason: expect.stringContaining('error: field 100 does not enable text match') });
    const fn = await rejection(client.query({ collection_name, filter: 'starts_with(id, 1)', output_fields: ['id'] }));
    expect(fn).toMatchObject({ code: 2028, reason: 'function starts_with(int64_t, int64_t) not found. ' });
  });
});
