import { RESET_PATH } from './reset-path.js';

/** Options of {@link resetTestServer}. */
export interface ResetTestServerOptions {
  /** Credentials of `root` when the server runs with `auth`: `root:<password>` (sent as `Authorization: Bearer`). */
  token?: string;
}

/**
 * Resets a test server from another process (a vitest or Jest worker) through its reset route
 * (`POST <uri>/_mvkit/reset`, served by {@link createTestServer} and the globalSetup helpers): the
 * server drops everything back to its state at start ({@link Engine.reset}). Uses the global `fetch`.
 *
 * @param uri - the server's `http://host:port` (`TestServer.uri`, vitest `inject('milvusUri')`, Jest `process.env.MILVUS_URI`).
 * @throws Error with the HTTP status and body when the server refuses (401 without, 403 with another user's credentials under `auth`; 404 from a server without the reset route, e.g. a real Milvus).
 */
export async function resetTestServer(uri: string, options: ResetTestServerOptions = {}): Promise<void> {
  const response = await fetch(new URL(RESET_PATH, uri), { method: 'POST', headers: options.token ? { authorization: `Bearer ${options.token}` } : {} });
  const body = await response.text();
  if (!response.ok) throw new Error(`resetting the test server at ${uri} failed: HTTP ${response.status} ${body}`);
}
