import { DataType, HttpClient, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index.js';

/**
 * The official Node SDK's grouping search against the reference server: `MilvusClient.search` with
 * `group_by_field`, `group_size` and `strict_group_size` over gRPC, and `HttpClient.search` with
 * `groupingField` over RESTful v2, on the grouping-search page's documents (chunks of docs).
 */
let server: RunningServer;
let client: MilvusClient;
let http: HttpClient;
const collection_name = 'sdk_group_by';
const rows = [
  { id: 0, vector: [0.358, -0.602, 0.184, -0.263, 0.903], chunk: 'pink_8682', docId: 1 },
  { id: 1, vector: [0.199, 0.06, 0.698, 0.261, 0.839], chunk: 'red_7025', docId: 5 },
  { id: 2, vector: [0.437, -0.56, 0.646, 0.789, 0.208], chunk: 'orange_6781', docId: 2 },
  { id: 3, vector: [0.317, 0.972, -0.37, -0.486, 0.958], chunk: 'pink_9298', docId: 3 },
  { id: 4, vector: [0.445, -0.876, 0.822, 0.464, 0.303], chunk: 'red_4794', docId: 3 },
  { id: 5, vector: [0.986, -0.814, 0.63, 0.121, -0.145], chunk: 'yellow_4222', docId: 4 },
  { id: 6, vector: [0.837, -0.016, -0.311, -0.563, -0.898], chunk: 'red_9392', docId: 1 },
  { id: 7, vector: [-0.334, -0.257, 0.899, 0.94, 0.538], chunk: 'grey_8510', docId: 2 },
  { id: 8, vector: [0.395, 0.4, -0.589, -0.865, -0.614], chunk: 'white_9381', docId: 5 },
  { id: 9, vector: [0.572, 0.241, -0.374, -0.067, -0.698], chunk: 'purple_4976', docId: 3 },
];
const query = [0.145, 0.915, 0.797, 0.701, 0.561];
const ip = (v: number[]) => v.reduce((s, x, i) => s + x * query[i]!, 0);
/** Rows best first (IP, larger is better). */
const ranked = [...rows].sort((a, b) => ip(b.vector) - ip(a.vector));
/** The first `n` docs in rank order, each with its best `size` rows' ids. */
const bestGroups = (n: number, size: number) => {
  const docs = [...new Set(ranked.map((r) => r.docId))].slice(0, n);
  return docs.map((d) => ranked.filter((r) => r.docId === d).slice(0, size).map((r) => String(r.id)));
};

beforeAll(async () => {
  server = await startServer({ port: 0 });
  client = new MilvusClient({ address: server.address, logLevel: 'error' });
  await client.connectPromise;
  http = new HttpClient({ endpoint: server.restUrl, token: 'root:Milvus' });
  await client.createCollection({
    collection_name,
    fields: [
      { name: 'id', data_type: DataType.Int64, is_primary_key: true },
      { name: 'vector', data_type: DataType.FloatVector, dim: 5 },
      { name: 'chunk', data_type: DataType.VarChar, max_length: 32 },
      { name: 'docId', data_type: DataType.Int64 },
      { name: 'bits', data_type: DataType.BinaryVector, dim: 8 },
    ],
  });
  await client.createIndex({ collection_name, field_name: 'vector', index_type: 'FLAT', metric_type: 'IP' });
  await client.createIndex({ collection_name, field_name: 'bits', index_type: 'BIN_FLAT', metric_type: 'HAMMING' });
  await client.insert({ collection_name, data: rows.map((r) => ({ ...r, bits: [r.id] })) });
  await client.loadCollection({ collection_name });
});
afterAll(async () => {
  await client.closeConnection();
  await server.close();
});

describe('official Node SDK grouping search (gRPC)', () => {
  it('returns one hit per docId, the best of each, for limit 3', async () => {
    const res = await client.search({ collection_name, anns_field: 'vector', data: [query], limit: 3, group_by_field: 'docId', output_fields: ['id', 'docId'] });
    expect(res.status.error_code).toBe('Success');
    expect(res.results.map((r) => String(r.id))).toEqual(bestGroups(3, 1).flat());
    expect(res.results.map((r) => String(r.docId))).toEqual(bestGroups(3, 1).map((g) => String(rows[Number(g[0])]!.docId)));
  });

  it('returns up to group_size hits per group, strict or not', async () => {
    for (const strict_group_size of [true, false]) {
      const res = await client.search({ collection_name, anns_field: 'vector', data: [query], limit: 3, group_by_field: 'docId', group_size: 2, strict_group_size, output_fields: ['id', 'docId', 'chunk'] });
      expect(res.status.error_code).toBe('Success');
      const ids = res.results.map((r) => String(r.id));
      if (strict_group_size) expect(ids).toEqual(bestGroups(3, 2).flat());
      // Not strict: the search stops once 3 groups exist, so a group holds only the rows met before.
      else for (const id of ids) expect(bestGroups(3, 2).flat()).toContain(id);
      expect(new Set(res.results.map((r) => String(r.docId))).size).toBe(3);
      expect(res.results.every((r) => typeof r.chunk === 'string')).toBe(true);
    }
  });

  it("answers Milvus's refusals: binary vector column, unknown field, bad group size", async () => {
    const status = async (req: Record<string, unknown>) => (await client.search({ collection_name, limit: 3, ...req } as never)).status;
    const bin = await status({ anns_field: 'bits', data: [[1]], group_by_field: 'docId' });
    expect([bin.code, bin.reason]).toEqual([65535, 'not support search_group_by operation based on binary vector column']);
    const unknown = await status({ anns_field: 'vector', data: [query], group_by_field: 'nope' });
    expect([unknown.code, unknown.reason]).toEqual([1700, 'groupBy field not found in schema: field not found[field=nope]']);
    const big = await status({ anns_field: 'vector', data: [query], group_by_field: 'docId', group_size: 11 });
    expect([big.code, big.reason]).toEqual([1100, 'input group size:11 exceeds configured max group size:10: invalid parameter']);
    const vec = await status({ anns_field: 'vector', data: [query], group_by_field: 'bits' });
    expect([vec.code, vec.reason]).toEqual([2001, 'unsupported data type VECTOR_BINARY for group by operator: segcore unsupported error']);
  });
});

describe('official Node SDK grouping search (RESTful v2 groupingField)', () => {
  it('groups with groupingField, groupSize and strictGroupSize', async () => {
    const one = await http.search({ collectionName: collection_name, annsField: 'vector', data: [query], limit: 3, groupingField: 'docId', outputFields: ['docId'] } as never);
    expect(one.code).toBe(0);
    expect((one.data as { id: unknown }[]).map((r) => String(r.id))).toEqual(bestGroups(3, 1).flat());
    const two = await http.search({ collectionName: collection_name, annsField: 'vector', data: [query], limit: 3, groupingField: 'docId', groupSize: 2, strictGroupSize: true, outputFields: ['docId'] } as never);
    expect((two.data as { id: unknown }[]).map((r) => String(r.id))).toEqual(bestGroups(3, 2).flat());
  });
});
