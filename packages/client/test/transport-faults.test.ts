import { connect as tcpConnect, createServer, type Socket } from 'node:net';
import { startServer, type RunningServer } from '@mvkit/server';
import { RestTransport } from '@mvkit/transport-rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MilvusAbortError, MilvusClient, MilvusConnectionError, MilvusError, MilvusTimeoutError } from '../src/index.js';
import { TRANSPORTS, clientFor, rejection } from './helpers.js';

/**
 * A TCP proxy to `target` that resets (RST) its first `resets` connections and pipes the later
 * ones, counting every connection: a server that drops connections, then recovers.
 */
async function resettingProxy(target: { host: string; port: number }, resets: number) {
  let accepted = 0;
  const open = new Set<Socket>();
  const proxy = createServer((socket) => {
    accepted += 1;
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    if (accepted <= resets) {
      socket.resetAndDestroy();
      return;
    }
    const upstream = tcpConnect(target.port, target.host);
    open.add(upstream);
    upstream.once('close', () => open.delete(upstream));
    socket.pipe(upstream).pipe(socket);
    socket.once('error', () => upstream.destroy());
    upstream.once('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as { port: number }).port;
  return {
    address: (kind: (typeof TRANSPORTS)[number]) => (kind === 'grpc' ? `127.0.0.1:${port}` : `http://127.0.0.1:${port}`),
    accepted: () => accepted,
    close() {
      for (const s of open) s.destroy();
      proxy.close();
    },
  };
}

/** A TCP server that accepts connections and never answers. */
async function silentServer() {
  const open = new Set<Socket>();
  const server = createServer((socket) => {
    open.add(socket);
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close() {
      for (const s of open) s.destroy();
      server.close();
    },
  };
}

const book = { collection_name: 'book' };
const fast = { baseDelay: 5, maxDelay: 5 };

describe.each(TRANSPORTS)('%s transport faults', (kind) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0 });
    const setup = clientFor(kind, server);
    await setup.createCollection({ collection_name: 'book', dimension: 2 });
    await setup.close();
  });
  afterAll(async () => {
    await server.close();
  });

  it('throws the subclasses, keeping the Milvus code: connection (2), timeout (10001), abort (10000)', async () => {
    const unreachable = new MilvusClient({ address: kind === 'grpc' ? '127.0.0.1:1' : 'http://127.0.0.1:1', transport: kind, maxRetries: 0 });
    const refused = await rejection(unreachable.hasCollection(book));
    expect(refused).toBeInstanceOf(MilvusConnectionError);
    expect(refused).toBeInstanceOf(MilvusError);
    expect([refused.name, refused.code, refused.errorCode, refused.retriable, refused.origin]).toEqual(['MilvusConnectionError', 2, 'UnexpectedError', true, kind]);
    await unreachable.close();

    const silent = await silentServer();
    const stalled = new MilvusClient({ address: kind === 'grpc' ? `127.0.0.1:${silent.port}` : `http://127.0.0.1:${silent.port}`, transport: kind });
    try {
      const late = await rejection(stalled.hasCollection(book, { timeout: 100 }));
      expect(late).toBeInstanceOf(MilvusTimeoutError);
      expect([late.name, late.code, late.origin]).toEqual(['MilvusTimeoutError', 10001, kind]);
    } finally {
      await stalled.close();
      silent.close();
    }

    const client = clientFor(kind, server);
    const cancelled = await rejection(client.hasCollection(book, { signal: AbortSignal.abort() }));
    expect(cancelled).toBeInstanceOf(MilvusAbortError);
    expect([cancelled.name, cancelled.code, cancelled.retriable, cancelled.origin]).toEqual(['MilvusAbortError', 10000, false, kind]);
    // A Milvus status stays a plain MilvusError.
    const missing = await rejection(client.describeCollection({ collection_name: 'nope' }));
    expect([missing.name, missing.code, missing instanceof MilvusConnectionError]).toEqual(['MilvusError', 100, false]);
    await client.close();
  });

  it('retries an idempotent call over connections reset by the server, each attempt a new connection, then succeeds', async () => {
    const proxy = await resettingProxy(server, 2);
    const client = new MilvusClient({ address: proxy.address(kind), transport: kind, retryBackoff: fast });
    try {
      expect((await client.hasCollection(book)).value).toBe(true);
      // Two reset connections (two failed attempts), then gRPC's one channel; the REST pool may open
      // a second keep-alive connection for the call after its connect check.
      if (kind === 'grpc') expect(proxy.accepted()).toBe(3);
      else expect([3, 4]).toContain(proxy.accepted());
    } finally {
      await client.close();
      proxy.close();
    }
  });

  it('gives up after maxRetries resets with MilvusConnectionError, and never retries an insert', async () => {
    const proxy = await resettingProxy(server, 100);
    const client = new MilvusClient({ address: proxy.address(kind), transport: kind, maxRetries: 3, retryBackoff: fast });
    try {
      expect(await rejection(client.search({ ...book, data: [0.1, 0.2] }))).toBeInstanceOf(MilvusConnectionError);
      expect(proxy.accepted()).toBe(4);
      expect(await rejection(client.insert({ ...book, data: [{ id: 1, vector: [0.1, 0.2] }] }))).toBeInstanceOf(MilvusConnectionError);
      expect(proxy.accepted()).toBe(5);
    } finally {
      await client.close();
      proxy.close();
    }
  });
});

describe('REST answers of a gateway in front of Milvus', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  /** A fetch that calls the server, except that after `fail(n)` the next `n` requests get `status` with a plain-text body. */
  function gatewayFetch(status: number) {
    let failing = 0;
    let failed = 0;
    let passed = 0;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (failing > 0) {
        failing -= 1;
        failed += 1;
        return new Response('upstream unavailable', { status });
      }
      passed += 1;
      return globalThis.fetch(input, init);
    };
    return { fetch, fail: (n: number) => void (failing = n), failed: () => failed, passed: () => passed };
  }

  it.each([502, 503, 504])('HTTP %i is a retriable MilvusConnectionError: retried for a read, not for an insert', async (status) => {
    const gateway = gatewayFetch(status);
    const client = new MilvusClient({ address: server.restUrl, transport: new RestTransport({ address: server.restUrl, fetch: gateway.fetch }), retryBackoff: fast });
    await client.connect();
    gateway.fail(2);
    expect((await client.hasCollection(book)).value).toBe(false);
    expect([gateway.failed(), gateway.passed()]).toEqual([2, 2]);

    gateway.fail(1);
    const e = await rejection(client.insert({ ...book, data: [{ id: 1 }] }));
    expect(e).toBeInstanceOf(MilvusConnectionError);
    expect([e.code, e.transportStatus, e.retriable]).toEqual([2, status, true]);
    expect([gateway.failed(), gateway.passed()]).toEqual([3, 2]);
    await client.close();
  });

  it('HTTP 429 is 8 rate limit exceeded, retriable and retried', async () => {
    const gateway = gatewayFetch(429);
    const transport = new RestTransport({ address: server.restUrl, fetch: gateway.fetch });
    gateway.fail(1);
    const e = await rejection(transport.connect());
    expect([e.code, e.transportStatus, e.retriable]).toEqual([8, 429, true]);
    const client = new MilvusClient({ address: server.restUrl, transport, retryBackoff: fast });
    gateway.fail(1);
    expect((await client.hasCollection(book)).value).toBe(false);
    expect(gateway.failed()).toBe(2);
    await client.close();
  });
});
