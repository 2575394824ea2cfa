/**
 * `@mvkit/server/jest`: a Jest `globalSetup` that starts one reference server for the whole run
 * (`createTestServer`) and tells the tests its address in `process.env.MILVUS_ADDRESS`
 * (`127.0.0.1:<port>`) and `process.env.MILVUS_URI` (`http://127.0.0.1:<port>`); the
 * `globalTeardown` `@mvkit/server/jest/teardown` closes it.
 *
 * ```js
 * // jest.config.js
 * module.exports = { globalSetup: '@mvkit/server/jest', globalTeardown: '@mvkit/server/jest/teardown' };
 * // a test
 * const { resetTestServer } = require('@mvkit/server/jest');
 * const client = new MilvusClient({ address: process.env.MILVUS_ADDRESS });
 * beforeEach(() => resetTestServer(process.env.MILVUS_URI));
 * ```
 *
 * Options (profile, auth, …): a globalSetup file of your own,
 * `module.exports = require('@mvkit/server/jest').jestGlobalSetup({ profile: '2.3' })`.
 *
 * @packageDocumentation
 * @module @mvkit/server/jest
 */
import type { ServerOptions, TestServer } from '@mvkit/server';

// The test-side helper is this entry's own code, and the server is imported only when the setup
// runs: tests that import this entry for resetTestServer (in Jest's or vitest's workers) load nothing
// of the server (Jest's module system cannot require its ESM-only dependencies before Node 24.9).
export { resetTestServer, type ResetTestServerOptions } from '../reset-test-server.js';

/**
 * Where the globalSetup leaves its server for the globalTeardown: Jest runs both in its main
 * process, and the two entry points are separate modules (each CommonJS build has its own copy).
 */
const SERVER = Symbol.for('@mvkit/server/jest test server');
type Holder = { [SERVER]?: TestServer };

/**
 * A Jest globalSetup function: starts a test server with `options` (see `createTestServer`)
 * and sets `MILVUS_ADDRESS` and `MILVUS_URI` in `process.env` (Jest's workers inherit them).
 * @throws Error when the server cannot start (Jest then fails the run).
 */
export function jestGlobalSetup(options: ServerOptions = {}): () => Promise<void> {
  return async () => {
    const { createTestServer } = await import('@mvkit/server');
    const milvus = await createTestServer(options);
    (globalThis as Holder)[SERVER] = milvus;
    process.env.MILVUS_ADDRESS = milvus.address;
    process.env.MILVUS_URI = milvus.uri;
  };
}

/** A Jest globalTeardown function: closes the server of the globalSetup (none: nothing to do). */
export async function jestGlobalTeardown(): Promise<void> {
  const milvus = (globalThis as Holder)[SERVER];
  delete (globalThis as Holder)[SERVER];
  await milvus?.close();
}

/** The globalSetup of `globalSetup: '@mvkit/server/jest'`: a test server with the default options. */
export default jestGlobalSetup();
