import { MilvusClient } from '@mvkit/client';
import { Engine } from '@mvkit/server';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlersFetch, createMilvusHandlers } from '../src/index.js';

const baseUrl = 'http://milvus.test:19530';

describe('createMilvusHandlers through getResponse (no interception)', () => {
  it('serves the REST v2 routes from the engine, with Milvus envelopes, 404s and CORS preflight', async () => {
    const engine = new Engine();
    const fetchMilvus = createHandlersFetch(createMilvusHandlers({ engine, baseUrl }));
    const post = (path: string, body: unknown) => fetchMilvus(`${baseUrl}/v2/vectordb/${path}`, { method: 'POST', body: JSON.stringify(body) });
    expect(await (await post('collections/create', { collectionName: 'c', dimension: 3 })).json()).toEqual({ code: 0, data: {} });
    expect(engine.getLoadState({ collectionName: 'c' })).toBe(3);
    expect(await (await post('partitions/has', { collectionName: 'c' })).json()).toMatchObject({ code: 1802 });
    const missing = await post('partitions/nope', {});
    expect([missing.status, await missing.text()]).toEqual([404, '404 page not found']);
    const preflight = await fetchMilvus(`${baseUrl}/v2/vectordb/collections/list`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetchMilvus('http://elsewhere.test/x')).status).toBe(404);
  });

  it('applies the auth option as the reference server does', async () => {
    const fetchMilvus = createHandlersFetch(createMilvusHandlers({ baseUrl, auth: { users: { root: 'Milvus' } } }));
    const call = (authorization?: string) =>
      fetchMilvus(`${baseUrl}/v2/vectordb/collections/list`, { method: 'POST', body: '{}', headers: authorization ? { authorization } : {} });
    expect((await call()).status).toBe(401);
    expect(await (await call('Bearer root:Milvus')).json()).toEqual({ code: 0, data: [] });
  });
});

describe('createMilvusHandlers with setupServer (global fetch)', () => {
  const server = setupServer(...createMilvusHandlers({ baseUrl }));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('answers global fetch calls in-process', async () => {
    const r = await fetch(`${baseUrl}/v2/vectordb/databases/list`, { method: 'POST', body: '{}' });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ code: 0, data: ['default'] });
  });

  it("intercepts MilvusClient({ transport: 'rest' }) with no extra wiring (its default fetch follows the patched global one)", async () => {
    const client = new MilvusClient({ address: baseUrl, transport: 'rest' });
    await client.createCollection({ collection_name: 'books', dimension: 2 });
    await client.insert({ collection_name: 'books', data: [{ id: 1, vector: [1, 0] }, { id: 2, vector: [0, 1] }] });
    const { results } = await client.search({ collection_name: 'books', data: [0.1, 0.9], limit: 1 });
    expect(results.map((r) => String(r.id))).toEqual(['2']);
    await expect(client.describeCollection({ collection_name: 'missing' })).rejects.toMatchObject({ code: 100 });
    await client.close();
  });
});
