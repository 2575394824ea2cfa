// CommonJS consumer of the installed tarballs (require, as Jest in CJS mode loads them).
// Prints one JSON line for scripts/test/packages.test.ts to check.
const { MilvusClient, MilvusError } = require('@mvkit/client');
const { startServer } = require('@mvkit/server');
const { Engine, createRestHandler } = require('@mvkit/server/rest');
const { HnswIndex } = require('@mvkit/hnsw');

(async () => {
  const server = await startServer({ port: 0 });
  const client = new MilvusClient({ address: server.address });
  await client.createCollection({ collection_name: 'books', dimension: 2 });
  await client.insert({ collection_name: 'books', data: [{ id: 7, vector: [1, 0] }] });
  const { results } = await client.search({ collection_name: 'books', data: [1, 0], limit: 1 });
  const error = await client.hasPartition({ collection_name: 'missing', partition_name: 'p' }).catch((e) => e);
  await client.close();
  await server.close();
  const handle = createRestHandler(new Engine(), {});
  const answer = await handle({ method: 'POST', path: '/v2/vectordb/collections/list', headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode('{}') });
  const index = new HnswIndex({ dim: 2, metric: 'IP' });
  index.add([1, 0], 3);
  console.log(JSON.stringify({ nearest: String(results[0]?.id), missingCode: error instanceof MilvusError ? error.code : String(error), restList: JSON.parse(answer.body), hnsw: index.search([1, 0], 1)[0]?.label }));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
