/**
 * Example: start the mvkit reference server (`mvkit serve`, here in-process via `startServer`) on
 * a free port, then use @mvkit/client over Milvus's RESTful v2 API (`transport: 'rest'`,
 * `POST /v2/vectordb/...` on the gRPC port): create a collection, insert, search, query, count.
 * Point `address` at a real Milvus 2.4+ (e.g. `http://localhost:19530`) and the same code runs there.
 * Exits non-zero (an AssertionError) when an answer is not the one Milvus gives.
 */
import assert from 'node:assert/strict';
import { MilvusClient } from '@mvkit/client';
import { startServer } from '@mvkit/server';

/** Runs the example; `log` receives what it prints. */
export async function run(log: (line: string) => void = console.log): Promise<void> {
  const server = await startServer({ port: 0 });
  // server.restUrl is `http://<host>:<port>`: RESTful v2 shares the gRPC port, as in Milvus.
  const client = new MilvusClient({ address: server.restUrl, transport: 'rest' });
  try {
    // Quick setup: an Int64 primary key `id`, a 4-dimensional FloatVector `vector` (COSINE,
    // AUTOINDEX), the dynamic field on, and the collection loaded.
    await client.createCollection({ collection_name: 'books', dimension: 4 });
    const { insert_cnt } = await client.insert({
      collection_name: 'books',
      data: [
        { id: 1, vector: [1, 0, 0, 0], genre: 'novel' },
        { id: 2, vector: [0, 1, 0, 0], genre: 'poetry' },
        { id: 3, vector: [0.9, 0.1, 0, 0], genre: 'novel' },
      ],
    });
    assert.equal(insert_cnt, '3');
    log(`inserted: ${insert_cnt}`);

    const { results } = await client.search({ collection_name: 'books', data: [1, 0, 0, 0], limit: 2, filter: 'genre == "novel"', output_fields: ['genre'] });
    // Int64 keys come back as decimal strings, as from the official Node SDK.
    assert.deepEqual(
      results.map((hit) => hit.id),
      ['1', '3'],
    );
    log(`search: ${results.map((hit) => `${hit.id} ${hit.genre} ${hit.score.toFixed(3)}`).join(', ')}`);

    const { data } = await client.query({ collection_name: 'books', filter: 'id in [2]', output_fields: ['genre'] });
    assert.deepEqual(data, [{ id: '2', genre: 'poetry' }]);
    log(`query: ${JSON.stringify(data)}`);

    const { data: count } = await client.count({ collection_name: 'books', filter: 'genre == "novel"' });
    assert.equal(count, 2);
    log(`count novel: ${count}`);
  } finally {
    await client.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
