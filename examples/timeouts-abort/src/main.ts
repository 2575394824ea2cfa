/**
 * Example: deadlines and cancellation with @mvkit/client, against a server that accepts
 * connections and never answers (a hung Milvus, a black-holed load balancer).
 *
 * - The client's `timeout` is the default deadline of every call (unset: `DEFAULT_TIMEOUT_MS`,
 *   15 s, as the official Node SDK); it covers the whole call, connect and retries included.
 * - A per-call `{ timeout }` wins over it.
 * - A per-call `{ signal }` (an `AbortSignal`) cancels the call.
 *
 * A call past its deadline rejects with `MilvusTimeoutError` (merr code 10001 `context deadline
 * exceeded`), a cancelled one with `MilvusAbortError` (10000 `context canceled`); neither is
 * retried. Both transports behave the same. Exits non-zero (an AssertionError) when a call fails
 * otherwise, or much earlier or later than its deadline.
 */
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { DEFAULT_TIMEOUT_MS, MilvusAbortError, MilvusClient, MilvusError, MilvusTimeoutError } from '@mvkit/client';

/** The client's default deadline in this example, in ms. */
const CLIENT_TIMEOUT_MS = 1_000;
/** Slack allowed past a deadline before the example calls it late, in ms (timers on a busy machine). */
const LATE_MS = 800;

/** A TCP server that accepts connections and never answers a byte. */
async function startSilentServer(): Promise<{ address: string; close(): void }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as { port: number }).port}`,
    close() {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

/** Runs `call`, which must fail with a MilvusError; returns it and how long the call took, in ms. */
async function failure(call: () => Promise<unknown>): Promise<{ error: MilvusError; elapsed: number }> {
  const start = performance.now();
  try {
    await call();
  } catch (error) {
    if (!(error instanceof MilvusError)) throw error;
    return { error, elapsed: performance.now() - start };
  }
  throw new assert.AssertionError({ message: 'the call succeeded against a server that never answers' });
}

/** Runs the example; `log` receives what it prints. */
export async function run(log: (line: string) => void = console.log): Promise<void> {
  log(`default deadline: ${DEFAULT_TIMEOUT_MS} ms`);
  const server = await startSilentServer();
  try {
    for (const transport of ['grpc', 'rest'] as const) {
      // Every call of this client has a 1 s deadline unless it says otherwise.
      const client = new MilvusClient({ address: server.address, transport, timeout: CLIENT_TIMEOUT_MS });
      try {
        // 1. The client's deadline.
        const byClient = await failure(() => client.hasCollection({ collection_name: 'books' }));
        assert.ok(byClient.error instanceof MilvusTimeoutError);
        assert.ok(byClient.elapsed >= CLIENT_TIMEOUT_MS - 5 && byClient.elapsed < CLIENT_TIMEOUT_MS + LATE_MS, `failed after ${byClient.elapsed} ms`);
        log(`${transport}: client timeout ${CLIENT_TIMEOUT_MS} ms -> ${byClient.error.name} ${byClient.error.code}, retriable ${byClient.error.retriable}`);

        // `retriable` is Milvus's merr flag (true for 10001: a new call may succeed); the client
        // itself never retries a timeout, whose deadline covered every attempt already.

        // 2. A per-call timeout wins over the client's.
        const byCall = await failure(() => client.listCollections({}, { timeout: 100 }));
        assert.ok(byCall.error instanceof MilvusTimeoutError);
        assert.ok(byCall.elapsed >= 95 && byCall.elapsed < CLIENT_TIMEOUT_MS - 5, `failed after ${byCall.elapsed} ms`);
        log(`${transport}: call timeout 100 ms -> ${byCall.error.name} ${byCall.error.code}`);

        // 3. An AbortSignal cancels the call: here 50 ms in, long before its 10 s deadline.
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 50);
        const aborted = await failure(() => client.describeCollection({ collection_name: 'books' }, { signal: controller.signal, timeout: 10_000 }));
        assert.ok(aborted.error instanceof MilvusAbortError);
        assert.ok(aborted.elapsed >= 45 && aborted.elapsed < 50 + LATE_MS, `failed after ${aborted.elapsed} ms`);
        log(`${transport}: aborted after 50 ms -> ${aborted.error.name} ${aborted.error.code}, retriable ${aborted.error.retriable}`);

        // 4. A signal aborted before the call: the call fails at once, nothing is sent.
        const early = await failure(() => client.hasCollection({ collection_name: 'books' }, { signal: AbortSignal.abort() }));
        assert.ok(early.error instanceof MilvusAbortError);
        log(`${transport}: already aborted -> ${early.error.name} ${early.error.code}`);
      } finally {
        await client.close();
      }
    }
  } finally {
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
