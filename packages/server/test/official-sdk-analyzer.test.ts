import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index.js';

/** The official Node SDK's runAnalyzer (@zilliz/milvus2-sdk-node, pinned) against the reference server. */
let server: RunningServer;
let client: MilvusClient;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  client = new MilvusClient({ address: server.address, token: 'root:Milvus' });
  await client.connectPromise;
});
afterAll(async () => {
  await client.closeConnection();
  await server.close();
});

describe('official Node SDK runAnalyzer', () => {
  it('analyzes with analyzer_params, with detail and hashes', async () => {
    const r = await client.runAnalyzer({ text: ['The Runners, 東京 café😀'], analyzer_params: { type: 'english' }, with_detail: true, with_hash: true });
    expect(r.status.code).toBe(0);
    expect(r.results[0]!.tokens.map((t) => [t.token, Number(t.start_offset), Number(t.end_offset), Number(t.position), Number(t.position_length), t.hash])).toEqual([
      ['runner', 4, 11, 1, 1, 4180380478],
      ['東京', 13, 19, 2, 1, 2451981039],
      ['café', 20, 25, 3, 1, 2561491637],
    ]);
  });

  it("answers Milvus's status for bad params and uses a field's analyzer", async () => {
    const bad = await client.runAnalyzer({ text: 'x', analyzer_params: { tokenizer: 'standard', filter: [{ type: 'length' }] } });
    expect([bad.status.code, bad.status.reason]).toEqual([2000, 'lenth max param was none or not uint']);
    await client.createCollection({
      collection_name: 'sdk_texts',
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'v', data_type: DataType.FloatVector, dim: 2 },
        { name: 'body', data_type: DataType.VarChar, max_length: 100, enable_analyzer: true, analyzer_params: { tokenizer: 'whitespace', filter: ['lowercase'] } },
      ],
    });
    const r = await client.runAnalyzer({ text: 'Hello, World!', collection_name: 'sdk_texts', field_name: 'body' });
    expect(r.results[0]!.tokens.map((t) => t.token)).toEqual(['hello,', 'world!']);
  });
});
