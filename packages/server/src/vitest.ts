/**
 * `@mvkit/server/vitest`: a vitest `globalSetup` that starts one reference server for the whole
 * run (`createTestServer`) and provides its address to the tests:
 *
 * ```ts
 * // vitest.config.ts
 * export default defineConfig({ test: { globalSetup: ['@mvkit/server/vitest'] } });
 * // a test
 * import { inject } from 'vitest';
 * import { resetTestServer } from '@mvkit/server/vitest';
 * const client = new MilvusClient({ address: inject('milvusAddress') });
 * beforeEach(() => resetTestServer(inject('milvusUri')));
 * ```
 *
 * Options (profile, auth, …): a globalSetup file of your own,
 * `export default mvkitGlobalSetup({ profile: '2.3' })`.
 *
 * @packageDocumentation
 * @module @mvkit/server/vitest
 */
import type {} from 'vitest';
import type { ServerOptions } from '@mvkit/server';

// The test-side helper is this entry's own code, and the server is imported only when the setup
// runs: tests that import this entry for resetTestServer (in Jest's or vitest's workers) load nothing
// of the server (Jest's module system cannot require its ESM-only dependencies before Node 24.9).
export { resetTestServer, type ResetTestServerOptions } from './reset-test-server.js';

declare module 'vitest' {
  /** What `@mvkit/server/vitest` provides to `inject()`. */
  export interface ProvidedContext {
    /** The test server's `127.0.0.1:<port>` (gRPC and REST). */
    milvusAddress: string;
    /** The test server's `http://127.0.0.1:<port>`. */
    milvusUri: string;
  }
}

/** The part of vitest's `TestProject` (vitest 3+; `GlobalSetupContext` in vitest 2) a globalSetup uses. */
export interface VitestGlobalSetupContext {
  provide(key: 'milvusAddress' | 'milvusUri', value: string): void;
}

/**
 * A vitest globalSetup function: starts a test server with `options` (see `createTestServer`),
 * provides `milvusAddress` and `milvusUri`, and returns the teardown that closes the server.
 * @throws Error when the server cannot start (vitest then fails the run).
 */
export function mvkitGlobalSetup(options: ServerOptions = {}): (project: VitestGlobalSetupContext) => Promise<() => Promise<void>> {
  return async (project) => {
    const { createTestServer } = await import('@mvkit/server');
    const milvus = await createTestServer(options);
    project.provide('milvusAddress', milvus.address);
    project.provide('milvusUri', milvus.uri);
    return () => milvus.close();
  };
}

/** The globalSetup of `globalSetup: ['@mvkit/server/vitest']`: a test server with the default options. */
export default mvkitGlobalSetup();
