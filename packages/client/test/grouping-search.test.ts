import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataType, MilvusClient } from '../src/index.js';
import { TRANSPORTS, clientFor, rejection, type TransportKind } from './helpers.js';

/**
 * Grouping search through `MilvusClient.search` and `hybridSearch` over gRPC and RESTful v2:
 * `group_by_field`, `group_size`, `strict_group_size`. Six rows in three docs; for the query
 * [1, 0] (IP) the rows rank 1 (doc a), 2 (a), 3 (b), 4 (a), 5 (c), 6 (b).
 */
const collection_name = 'grouping';

describe.each(TRANSPORTS)('MilvusClient grouping search over %s', (kind: TransportKind) => {
  let server: RunningServer;
  let client: MilvusClient;

  beforeAll(async () => {
    server = await startServer({ port: 0 });
    client = clientFor(kind, server, { token: 'root:Milvus' });
    await client.createCollection({
      collection_name,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'doc', data_type: DataType.VarChar, max_length: 8 },
        { name: 'v', data_type: DataType.FloatVector, dim: 2 },
        { name: 'w', data_type: DataType.FloatVector, dim: 2 },
      ],
    });
    await client.createIndex({ collection_name, field_name: 'v', index_type: 'FLAT', metric_type: 'IP' });
    await client.createIndex({ collection_name, field_name: 'w', index_type: 'FLAT', metric_type: 'L2' });
    const docs = ['a', 'a', 'b', 'a', 'c', 'b'];
    await client.insert({ collection_name, data: docs.map((doc, i) => ({ id: i + 1, doc, v: [1 - i / 10, 0], w: [i, 0] })) });
    await client.loadCollection({ collection_name });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  const ids = (rows: unknown) => (rows as { id: string }[]).map((r) => r.id);

  it('groups search hits by a field: limit groups, group_size hits each, strict or not', async () => {
    const one = await client.search({ collection_name, anns_field: 'v', data: [1, 0], limit: 2, group_by_field: 'doc', output_fields: ['id', 'doc'] });
    expect(ids(one.results)).toEqual(['1', '3']);
    // Not strict: the search stops at the first row of the second group (3), so doc a holds 1 and 2.
    const loose = await client.search({ collection_name, anns_field: 'v', data: [1, 0], limit: 2, group_by_field: 'doc', group_size: 2, output_fields: ['id'] });
    expect(ids(loose.results)).toEqual(['1', '2', '3']);
    const strict = await client.search({ collection_name, anns_field: 'v', data: [1, 0], limit: 2, group_by_field: 'doc', group_size: 2, strict_group_size: true, output_fields: ['id'] });
    expect(ids(strict.results)).toEqual(['1', '2', '3', '6']);
  });

  it('groups the fused hits of a hybrid search', async () => {
    const res = await client.hybridSearch({
      collection_name,
      data: [
        { data: [1, 0], anns_field: 'v', limit: 6 },
        { data: [0, 0], anns_field: 'w', limit: 6 },
      ],
      limit: 2,
      group_by_field: 'doc',
      group_size: 2,
      output_fields: ['id', 'doc'],
    });
    const rows = res.results as { id: string; doc: string }[];
    // Both fields rank rows 1, 2, 3, … alike: doc a (1, 2) then doc b (3, 6).
    expect(rows.map((r) => [r.id, r.doc])).toEqual([['1', 'a'], ['2', 'a'], ['3', 'b'], ['6', 'b']]);
  });

  it("answers Milvus's refusals", async () => {
    const err = await rejection(client.search({ collection_name, anns_field: 'v', data: [1, 0], limit: 2, group_by_field: 'nope' }));
    expect([err.code, err.reason]).toEqual([1700, 'groupBy field not found in schema: field not found[field=nope]']);
  });
});
