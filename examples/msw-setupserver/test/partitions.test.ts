/**
 * Example: test code that calls Milvus's RESTful API with the global fetch, served in-process by
 * msw's setupServer and @mvkit/msw — no Milvus, no port. The answers (envelopes, error codes and
 * messages) are the reference server's, i.e. Milvus's.
 */
import { createMilvusHandlers } from '@mvkit/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { MilvusRestError, ensurePartition, milvus } from '../src/partitions.js';

const baseUrl = 'http://localhost:19530';
const server = setupServer(...createMilvusHandlers({ baseUrl }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

it('creates the collection once and adds partitions', async () => {
  expect(await ensurePartition(baseUrl, 'books', 'novel')).toEqual(['_default', 'novel']);
  expect(await ensurePartition(baseUrl, 'books', 'poetry')).toEqual(['_default', 'novel', 'poetry']);
  const state = await milvus<{ loadState: string }>(baseUrl, 'collections/get_load_state', { collectionName: 'books' });
  expect(state.loadState).toBe('LoadStateLoaded');
});

it('sees Milvus errors as Milvus sends them', async () => {
  const refused = await milvus(baseUrl, 'partitions/drop', { collectionName: 'books', partitionName: 'novel' }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(MilvusRestError);
  expect(refused).toMatchObject({ code: 65535, message: 'partition cannot be dropped, partition is loaded, please release it first' });
  const missing = await milvus(baseUrl, 'partitions/list', {}).catch((e: unknown) => e);
  expect(missing).toMatchObject({ code: 1802 });
});
