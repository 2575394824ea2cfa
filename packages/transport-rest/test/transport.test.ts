import { createServer } from 'node:net';
import { MilvusClient } from '@mvkit/client';
import { MilvusError } from '@mvkit/core';
import { Engine, createRestHandler, startServer } from '@mvkit/server';
import { describe, expect, it } from 'vitest';
import { RestTransport } from '../src/index.js';
import { fetchFor } from './helpers.js';

async function failure(p: Promise<unknown>): Promise<MilvusError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(MilvusError.is(e), `expected a MilvusError, got ${String(e)}`).toBe(true);
  return e as MilvusError;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('RestTransport', () => {
  it('sends credentials, database and int64 headers, and JSON bodies to /v2/vectordb', async () => {
    const engine = new Engine();
    engine.createDatabase('db1');
    const seen: Request[] = [];
    const transport = new RestTransport({ address: 'milvus.test', token: 'root:Milvus', database: 'db1', fetch: fetchFor(createRestHandler(engine, { auth: { users: { root: 'Milvus' } } }), (r) => seen.push(r.clone())) });
    expect(transport.baseUrl).toBe('http://milvus.test:19530');
    await transport.call('createPartition', { collection_name: 'c', partition_name: 'p' }).catch(() => undefined);
    const last = seen[seen.length - 1]!;
    expect(last.url).toBe('http://milvus.test:19530/v2/vectordb/partitions/create');
    expect(last.method).toBe('POST');
    expect(last.headers.get('authorization')).toBe('Bearer root:Milvus');
    expect(last.headers.get('db-name')).toBe('db1');
    expect(last.headers.get('accept-type-allow-int64')).toBe('false');
    expect(await last.json()).toEqual({ collectionName: 'c', partitionName: 'p' });
    expect(seen[0]!.url).toMatch(/collections\/list$/); // connect() probe
  });

  it('turns REST business errors into MilvusErrors with the merr code, legacy name and retriable flag', async () => {
    const transport = new RestTransport({ address: 'http://x', fetch: fetchFor(createRestHandler(new Engine())) });
    const e = await failure(transport.call('hasPartition', { collection_name: 'nope', partition_name: 'p' }));
    expect(e).toMatchObject({ code: 100, errorCode: 'CollectionNotExists', reason: 'collection not found[database=default][collection=nope]', retriable: false, origin: 'server' });
    expect(e.transportStatus).toBeUndefined();
  });

  it('reports bad credentials (401, 1800), an unknown database (800) at connect, and 408 as 10001', async () => {
    const engine = new Engine();
    const secured = fetchFor(createRestHandler(engine, { auth: { users: { root: 'Milvus' } } }));
    const bad = await failure(new RestTransport({ address: 'x', username: 'root', password: 'nope', fetch: secured }).connect());
    expect(bad).toMatchObject({ code: 1800, reason: "user hasn't authenticated", transportStatus: 401 });
    const nodb = await failure(new RestTransport({ address: 'x', database: 'nope', fetch: fetchFor(createRestHandler(engine)) }).connect());
    expect(nodb).toMatchObject({ code: 800, reason: 'database not found[database=nope]' });
    const slow = new RestTransport({ address: 'x', fetch: async () => json(408, { code: 10001, message: 'request timeout' }) });
    expect(await failure(slow.connect())).toMatchObject({ code: 10001, retriable: true, transportStatus: 408 });
  });

  it('maps HTTP faults: 404 → 10, 502 → 2 (retriable), other non-JSON answers → 65535, legacy code 200 success', async () => {
    const notRest = new RestTransport({ address: 'x', fetch: async () => new Response('404 page not found', { status: 404 }) });
    expect(await failure(notRest.connect())).toMatchObject({ code: 10, transportStatus: 404, origin: 'rest' });
    const gateway = new RestTransport({ address: 'x', fetch: async () => new Response('<html>bad gateway</html>', { status: 502 }) });
    expect(await failure(gateway.connect())).toMatchObject({ name: 'MilvusConnectionError', code: 2, retriable: true, transportStatus: 502 });
    const broken = new RestTransport({ address: 'x', fetch: async () => new Response('<html>internal error</html>', { status: 500 }) });
    expect(await failure(broken.connect())).toMatchObject({ code: 65535, retriable: false, transportStatus: 500 });
    const old = new RestTransport({ address: 'x', fetch: async () => json(200, { code: 200, data: { has: true } }) });
    expect((await old.call('hasCollection', { collection_name: 'c' })).value).toBe(true);
  });

  it('parses IDs beyond 2^53 losslessly', async () => {
    const id = 470646013875191808n + 1n;
    const fake = new RestTransport({
      address: 'x',
      fetch: async (input) =>
        String(input).endsWith('databases/describe')
          ? new Response(`{"code":0,"data":{"dbID":${id},"dbName":"default","properties":[]}}`)
          : new Response(String(input).endsWith('databases/list') ? '{"code":0,"data":["default"]}' : '{"code":0,"data":[]}'),
    });
    expect((await fake.call('listDatabases', {})).db_ids).toEqual([id.toString()]);
  });

  it('honours per-call timeout (10001) and AbortSignal (10000), clearing its timer', async () => {
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        if (init?.signal?.aborted) reject(init.signal.reason as Error);
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
      });
    const transport = new RestTransport({ address: 'x', fetch: hang });
    const started = Date.now();
    const timedOut = await failure(transport.post('/v2/vectordb/collections/list', {}, { timeout: 50 }));
    expect(timedOut).toMatchObject({ code: 10001, retriable: true, origin: 'rest' });
    expect(Date.now() - started).toBeLessThan(2000);
    const controller = new AbortController();
    const pending = transport.post('/v2/vectordb/collections/list', {}, { signal: controller.signal });
    controller.abort();
    expect(await failure(pending)).toMatchObject({ code: 10000 });
    let calls = 0;
    const counted = new RestTransport({ address: 'x', fetch: async () => (calls++, json(200, { code: 0, data: [] })) });
    expect(await failure(counted.post('/v2/vectordb/collections/list', {}, { signal: AbortSignal.abort() }))).toMatchObject({ code: 10000 });
    expect(calls).toBe(0);
    // settled calls leave no timer behind
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const quick = new RestTransport({ address: 'x', timeout: 60_000, fetch: async () => json(200, { code: 0, data: [] }) });
    await quick.connect();
    const before = timers();
    for (let i = 0; i < 5; i++) await quick.call('showPartitions', { collection_name: 'c' }, { timeout: 60_000 });
    expect(timers()).toBe(before);
  });

  it('reports an unreachable server as code 2 through the default undici pool, and closes it', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port: p } = probe.address() as { port: number };
        probe.close(() => resolve(p));
      });
    });
    const transport = new RestTransport({ address: `127.0.0.1:${port}` });
    expect(await failure(transport.connect())).toMatchObject({ code: 2, retriable: true, origin: 'rest' });
    await transport.close();
    await transport.close();
  });

  it('talks to the one-port reference server over HTTP/1.1 with undici by default', async () => {
    const server = await startServer({ port: 0 });
    const transport = new RestTransport({ address: server.address });
    try {
      await transport.call('createDatabase', { db_name: 'over_http' });
      expect((await transport.call('listDatabases', {})).db_names).toEqual(['default', 'over_http']);
    } finally {
      await transport.close();
      await server.close();
    }
  });
});

describe('MilvusClient over the REST transport', () => {
  it('runs the manage-partitions flow with drop-in result shapes', async () => {
    const transport = new RestTransport({ address: 'http://milvus.test:19530', fetch: fetchFor(createRestHandler(new Engine())) });
    const client = new MilvusClient({ address: 'http://milvus.test:19530', transport, pollInterval: 1 });
    await client.createCollection({ collection_name: 'my_collection', dimension: 5 });
    let res = await client.listPartitions({ collection_name: 'my_collection' });
    expect(res.partition_names).toEqual(['_default']);
    expect(res.status).toEqual({ error_code: 'Success', reason: '', code: 0, retriable: false, detail: '', extra_info: {} });
    await client.createPartition({ collection_name: 'my_collection', partition_name: 'partitionA' });
    res = await client.listPartitions({ collection_name: 'my_collection' });
    expect(res.partition_names).toEqual(['_default', 'partitionA']);
    expect(res.data.map((d) => d.name)).toEqual(['_default', 'partitionA']);
    expect((await client.hasPartition({ collection_name: 'my_collection', partition_name: 'partitionA' })).value).toBe(true);
    await client.releasePartitions({ collection_name: 'my_collection', partition_names: ['partitionA'] });
    expect((await client.getLoadState({ collection_name: 'my_collection', partition_name: 'partitionA' })).state).toBe('LoadStateNotLoad');
    expect((await client.getLoadState({ collection_name: 'my_collection' })).state).toBe('LoadStateLoaded');
    await client.loadPartitionsSync({ collection_name: 'my_collection', partition_names: ['partitionA'] });
    expect((await client.getLoadState({ collection_name: 'my_collection', partition_name: 'partitionA' })).state).toBe('LoadStateLoaded');
    const refused = await failure(client.dropPartition({ collection_name: 'my_collection', partition_name: 'partitionA' }));
    expect(refused).toMatchObject({ code: 65535, reason: 'partition cannot be dropped, partition is loaded, please release it first' });
    await client.close();
  });
});
