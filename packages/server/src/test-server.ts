import { startServer, type RunningServer, type ServerOptions } from './server.js';

/** A reference server for one test run, from {@link createTestServer}. */
export interface TestServer {
  /** `127.0.0.1:<port>`: what gRPC clients take (`new MilvusClient({ address })`, pymilvus `uri` without a scheme, the Go SDK's `Address`). */
  readonly address: string;
  /** `http://127.0.0.1:<port>` (`https://` with `tls`): the RESTful v2 API on the same port, and what URI-taking clients take. */
  readonly uri: string;
  /** The server itself (its engine, port, legacy URL). */
  readonly server: RunningServer;
  /** Back to an empty server, as started ({@link Engine.reset}); tests in other processes reset with {@link resetTestServer}. */
  reset(): void;
  /** Stops the server (see {@link RunningServer.close}). Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts a reference server for tests: on a free loopback port unless `options` say otherwise,
 * with the test kit's reset route (`POST /_mvkit/reset`, see {@link ServerOptions.resetRoute}) so
 * that tests in worker processes can reset it. Takes every option of {@link startServer}
 * (`profile`, `auth`, `segmentMaxRows`, …).
 *
 * ```ts
 * const milvus = await createTestServer();
 * const client = new MilvusClient({ address: milvus.address });
 * // … between tests: milvus.reset();
 * await milvus.close();
 * ```
 *
 * @throws Error when the port cannot be bound.
 */
export async function createTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const server = await startServer({ port: 0, resetRoute: true, ...options });
  return {
    address: server.address,
    uri: server.restUrl,
    server,
    reset: () => server.engine.reset(),
    close: () => server.close(),
  };
}
