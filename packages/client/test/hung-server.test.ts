import { createServer, type Socket } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS, MilvusClient, MilvusTimeoutError } from '../src/index.js';
import { TRANSPORTS, rejection } from './helpers.js';

/** A TCP server that accepts connections and never answers a byte, counting its connections. */
async function silentServer() {
  const open = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted += 1;
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as { port: number }).port}`,
    accepted: () => accepted,
    /** Connections still open, once the count has dropped to `atMost` or 1 s has passed (closes reach the server asynchronously). */
    async openSettled(atMost: number): Promise<number> {
      for (let waited = 0; open.size > atMost && waited < 1000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      return open.size;
    },
    close() {
      for (const socket of open) socket.destroy();
      server.close();
    },
  };
}

/** Runs `call` and returns its MilvusError, its code and how long it took to fail, in ms. */
async function timedFailure(call: () => Promise<unknown>): Promise<{ code: number; elapsed: number; error: Error }> {
  const start = performance.now();
  const e = await rejection(call());
  return { code: e.code, elapsed: performance.now() - start, error: e };
}

// The client imports the gRPC transport (grpc-js, the protobuf-es codecs) on its first gRPC call;
// loading it here first keeps that import, slow from sources under a loaded machine, out of the
// timings below, which are of the calls' deadlines.
beforeAll(async () => {
  await import('@mvkit/transport-grpc');
});

// The tests run side by side (each has its own silent server): the 200 calls take ~6 s per
// transport, the default-deadline test DEFAULT_TIMEOUT_MS (15 s).
describe.concurrent('MilvusClient against a server that accepts connections and never answers', () => {
  it.each(TRANSPORTS)('%s: fails 200 calls with timeout 30 ms as 10001 holding a bounded number of connections, and close() leaves none', async (kind) => {
    const server = await silentServer();
    const client = new MilvusClient({ address: server.address, transport: kind });
    try {
      for (let i = 0; i < 200; i++) expect((await rejection(client.hasCollection({ collection_name: 'book' }, { timeout: 30 }))).code).toBe(10001);
      expect(server.accepted()).toBeGreaterThan(0);
      // Bounded, not one per call (the gRPC transport used to leave every timed-out connect open): gRPC holds
      // at most its one pending connect, REST a few idle keep-alive connections.
      expect(await server.openSettled(1)).toBeLessThanOrEqual(4);
      await client.close();
      expect(await server.openSettled(0)).toBe(0);
    } finally {
      server.close();
    }
  });

  it.each(TRANSPORTS)(
    `%s: with no timeout set, a call and a waiting load reject at the default deadline (${DEFAULT_TIMEOUT_MS} ms) with MilvusTimeoutError 10001`,
    async (kind) => {
      const server = await silentServer();
      const client = new MilvusClient({ address: server.address, transport: kind });
      try {
        const [call, load] = await Promise.all([
          timedFailure(() => client.hasCollection({ collection_name: 'book' })),
          timedFailure(() => client.loadCollectionSync({ collection_name: 'book' })),
        ]);
        for (const { code, elapsed, error } of [call, load]) {
          expect(error).toBeInstanceOf(MilvusTimeoutError);
          expect(code).toBe(10001);
          expect(elapsed).toBeGreaterThanOrEqual(DEFAULT_TIMEOUT_MS - 2);
          expect(elapsed).toBeLessThan(DEFAULT_TIMEOUT_MS + 1000);
        }
      } finally {
        await client.close();
        server.close();
      }
    },
    DEFAULT_TIMEOUT_MS + 10_000,
  );

  it.each(TRANSPORTS)('%s: fails at the constructor timeout and at a per-call timeout, not earlier, with 10001', async (kind) => {
    const server = await silentServer();
    const client = new MilvusClient({ address: server.address, transport: kind, timeout: 800 });
    try {
      for (let i = 0; i < 3; i++) {
        const { code, elapsed } = await timedFailure(() => client.hasCollection({ collection_name: 'book' }));
        expect(code).toBe(10001);
        expect(elapsed).toBeGreaterThanOrEqual(798);
        expect(elapsed).toBeLessThan(1100);
      }
      const { code, elapsed } = await timedFailure(() => client.hasCollection({ collection_name: 'book' }, { timeout: 1200 }));
      expect(code).toBe(10001);
      expect(elapsed).toBeGreaterThanOrEqual(1198);
      expect(elapsed).toBeLessThan(1500);
    } finally {
      await client.close();
      server.close();
    }
  });
});
