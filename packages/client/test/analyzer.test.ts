import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MilvusClient } from '../src/index.js';
import { rejection } from './helpers.js';

/** MilvusClient.runAnalyzer: over gRPC against the reference server (params or a field's analyzer), refused over RESTful v2. */
describe('runAnalyzer', () => {
  let server: RunningServer;
  let client: MilvusClient;
  const collection_name = 'texts';

  beforeAll(async () => {
    server = await startServer({ port: 0 });
    client = new MilvusClient({ address: server.address, transport: 'grpc' });
    await client.createCollection({
      collection_name,
      fields: [
        { name: 'id', data_type: 'Int64', is_primary_key: true },
        { name: 'v', data_type: 'FloatVector', dim: 2 },
        { name: 'english', data_type: 'VarChar', max_length: 100, type_params: { enable_analyzer: 'true', analyzer_params: '{"type": "english"}' } },
        { name: 'plain', data_type: 'VarChar', max_length: 100, type_params: { enable_analyzer: 'True' } },
        { name: 'raw', data_type: 'VarChar', max_length: 100 },
        { name: 'multi', data_type: 'VarChar', max_length: 100, type_params: { enable_analyzer: 'true', multi_analyzer_params: '{"by_field": "lang", "analyzers": {"default": {"type": "standard"}}}' } },
      ],
    });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('analyzes texts with analyzer_params, with detail and hashes when asked', async () => {
    const r = await client.runAnalyzer({ text: ['Héllo wörld', '東京 😀'], analyzer_params: { tokenizer: 'standard', filter: ['lowercase'] }, with_detail: true, with_hash: true });
    expect(r.status.code).toBe(0);
    expect(r.results).toEqual([
      {
        tokens: [
          { token: 'héllo', start_offset: 0, end_offset: 6, position: 0, position_length: 1, hash: 2654700086 },
          { token: 'wörld', start_offset: 7, end_offset: 13, position: 1, position_length: 1, hash: 3853197891 },
        ],
      },
      { tokens: [{ token: '東京', start_offset: 0, end_offset: 6, position: 0, position_length: 1, hash: 2451981039 }] },
    ]);
    const plain = await client.runAnalyzer({ text: 'Hello World' });
    expect(plain.results).toEqual([{ tokens: ['hello', 'world'].map((token) => ({ token, start_offset: 0, end_offset: 0, position: 0, position_length: 0, hash: 0 })) }]);
  });

  it("uses a field's analyzer, the standard one when the field names none", async () => {
    const tokens = async (field_name: string) => (await client.runAnalyzer({ text: 'The Runners', collection_name, field_name })).results[0]!.tokens.map((t) => t.token);
    expect(await tokens('english')).toEqual(['runner']);
    expect(await tokens('plain')).toEqual(['the', 'runners']);
  });

  it("refuses bad params, unknown collections and fields, and fields without an analyzer, with Milvus's codes", async () => {
    expect(await rejection(client.runAnalyzer({ text: 'x', analyzer_params: { tokenizer: 'lindera' } }))).toMatchObject({ code: 2000, reason: 'unsupported tokenizer: lindera' });
    expect(await rejection(client.runAnalyzer({ text: 'x', collection_name: 'nope', field_name: 'english' }))).toMatchObject({ code: 100 });
    expect(await rejection(client.runAnalyzer({ text: 'x', collection_name, field_name: 'nope' }))).toMatchObject({ code: 1700, reason: 'field not found[field=nope]' });
    expect(await rejection(client.runAnalyzer({ text: 'x', collection_name, field_name: 'raw' }))).toMatchObject({
      code: 1100,
      reason: 'field raw is not a VarChar field with enable_analyzer: invalid parameter',
    });
    expect(await rejection(client.runAnalyzer({ text: 'x', collection_name, field_name: 'id' }))).toMatchObject({ code: 1100 });
    expect(await rejection(client.runAnalyzer({ text: 'x', collection_name, field_name: 'multi', analyzer_names: ['default'] }))).toMatchObject({
      code: 1100,
      reason: 'multi analyzer field multi is not supported: invalid parameter',
    });
  });

  it('is refused over RESTful v2 with code 10', async () => {
    const rest = new MilvusClient({ address: server.restUrl, transport: 'rest' });
    expect(await rejection(rest.runAnalyzer({ text: 'x' }))).toMatchObject({ code: 10, reason: 'service unimplemented: RunAnalyzer is not available over RESTful v2' });
    await rest.close();
  });
});
