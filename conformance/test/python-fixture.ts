import { startServer, type RunningServer, type ServerOptions } from '@mvkit/server';
import { afterAll, beforeAll, expect } from 'vitest';
import { ensurePythonEnv, type PythonEnv } from '../src/runners/python.js';

/** What a describe block gets from {@link usePythonAndServer}, valid inside its tests. */
export interface PythonAndServer {
  /** The pinned venv (set once `needsPython()` passed). */
  readonly env: PythonEnv;
  /** An embedded reference server on a free port. */
  readonly server: RunningServer;
  /** Fails the test with the reason when the Python environment could not be set up: never a skip. */
  needsPython(): void;
}

/**
 * Registers, in the calling describe block, the hooks that create the pinned Python venv (cold:
 * a pip install of the pinned requirements, ~20 s) and start an embedded reference server, and
 * close it afterwards.
 *
 * @param options - server options besides the port (e.g. `queryNodes` for multi-replica tests, `auth`, `importDir`).
 */
export function usePythonAndServer(options: Omit<ServerOptions, 'port'> = {}): PythonAndServer {
  let env: PythonEnv | undefined;
  let envError: string | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    await ensurePythonEnv().then((e) => (env = e), (e: Error) => (envError = e.message));
  }, 300_000);
  beforeAll(async () => {
    server = await startServer({ ...options, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get env() {
      return env!;
    },
    get server() {
      return server!;
    },
    needsPython: () => expect(envError, `the Python environment could not be set up: ${envError}`).toBeUndefined(),
  };
}
