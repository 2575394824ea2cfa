// Tests against the server of the globalSetup (MILVUS_ADDRESS), reset before each test.
const { MilvusClient } = require('@mvkit/client');
const { resetTestServer } = require('@mvkit/server/jest');

let client;
beforeAll(() => {
  client = new MilvusClient({ address: process.env.MILVUS_ADDRESS });
});
afterAll(() => client.close());
beforeEach(() => resetTestServer(process.env.MILVUS_URI));

test('creates a collection, inserts and searches over gRPC', async () => {
  expect(process.env.MILVUS_ADDRESS).toMatch(/^127\.0\.0\.1:\d+$/);
  await client.createCollection({ collection_name: 'books', dimension: 2 });
  await client.insert({ collection_name: 'books', data: [{ id: 1, vector: [1, 0] }, { id: 2, vector: [0, 1] }] });
  const { results } = await client.search({ collection_name: 'books', data: [0.1, 0.9], limit: 1 });
  expect(String(results[0].id)).toBe('2');
});

test('starts from an empty server: the previous test’s collection is gone', async () => {
  expect((await client.hasCollection({ collection_name: 'books' })).value).toBe(false);
  await client.createCollection({ collection_name: 'books', dimension: 2 });
});
