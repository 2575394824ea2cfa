// Tests against the server of the globalSetup (inject('milvusAddress')), reset before each test;
// also type-checked: `inject` knows the keys @mvkit/server/vitest provides.
import { MilvusClient } from '@mvkit/client';
import { resetTestServer } from '@mvkit/server/vitest';
import { afterAll, beforeEach, expect, inject, it } from 'vitest';

const address: string = inject('milvusAddress');
const client = new MilvusClient({ address });
afterAll(() => client.close());
beforeEach(() => resetTestServer(inject('milvusUri')));

it('creates a collection, inserts and searches over RESTful v2 on the same port', async () => {
  const rest = new MilvusClient({ address: inject('milvusUri'), transport: 'rest' });
  await rest.createCollection({ collection_name: 'books', dimension: 2 });
  await rest.insert({ collection_name: 'books', data: [{ id: 1, vector: [1, 0] }, { id: 2, vector: [0, 1] }] });
  const { results } = await client.search({ collection_name: 'books', data: [0.1, 0.9], limit: 1 });
  expect(String(results[0]?.id)).toBe('2');
  await rest.close();
});

it('starts from an empty server: the previous test’s collection is gone', async () => {
  expect((await client.hasCollection({ collection_name: 'books' })).value).toBe(false);
});
