/**
 * The mock-server test kit: `createTestServer`, the reset route and `resetTestServer`, and the
 * vitest and Jest globalSetup helpers (`@mvkit/server/vitest`, `@mvkit/server/jest`).
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestServer, resetTestServer, startServer, type TestServer } from '../src/index.js';
import { mvkitGlobalSetup } from '../src/vitest.js';
import jestSetup, { jestGlobalSetup } from '../src/jest/index.js';
import jestTeardown from '../src/jest/teardown.js';

/** One RESTful v2 call; returns the JSON answer. */
async function rest(uri: string, path: string, body: object, token?: string): Promise<{ code: number; data?: unknown; message?: string }> {
  const response = await fetch(`${uri}/v2/vectordb${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return (await response.json()) as { code: number; data?: unknown };
}

/** Whether something accepts TCP connections at `address`. */
function accepts(address: string): Promise<boolean> {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const socket = connect(Number(port), host!, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

const started: TestServer[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) await s.close();
});
const testServer = async (...args: Parameters<typeof createTestServer>) => {
  const s = await createTestServer(...args);
  started.push(s);
  return s;
};

describe('createTestServer', () => {
  it('starts on a free loopback port and answers address and uri of the same port', async () => {
    const [a, b] = [await testServer(), await testServer()];
    expect(a.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(a.address).not.toBe(b.address);
    expect(a.uri).toBe(`http://${a.address}`);
    expect(await rest(a.uri, '/collections/list', {})).toEqual({ code: 0, data: [] });
  });

  it('reset() empties the server in place; close() is idempotent and frees the port', async () => {
    const milvus = await testServer();
    expect(await rest(milvus.uri, '/collections/create', { collectionName: 'books', dimension: 2 })).toMatchObject({ code: 0 });
    expect(await rest(milvus.uri, '/collections/list', {})).toEqual({ code: 0, data: ['books'] });
    milvus.reset();
    expect(await rest(milvus.uri, '/collections/list', {})).toEqual({ code: 0, data: [] });
    await Promise.all([milvus.close(), milvus.close()]);
    await milvus.close();
    expect(await accepts(milvus.address)).toBe(false);
  });

  it('takes the options of startServer (profile, auth)', async () => {
    const milvus = await testServer({ profile: '2.3', auth: { users: { root: 'Secret1' } } });
    expect(await rest(milvus.uri, '/collections/list', {})).toMatchObject({ code: 1800 });
    expect(milvus.server.engine.limits.version).toBe('v2.3.5');
    expect(await rest(milvus.uri, '/collections/list', {}, 'root:Secret1')).toEqual({ code: 0, data: [] });
  });
});

describe('resetTestServer (the reset route, for tests in other processes)', () => {
  it('resets the server behind the uri', async () => {
    const milvus = await testServer();
    await rest(milvus.uri, '/collections/create', { collectionName: 'books', dimension: 2 });
    await resetTestServer(milvus.uri);
    expect(await rest(milvus.uri, '/collections/list', {})).toEqual({ code: 0, data: [] });
  });

  it('under auth, only root may reset: 401 without credentials, 403 for another user', async () => {
    const milvus = await testServer({ auth: { users: { root: 'Secret1', alice: 'Secret2' } } });
    await rest(milvus.uri, '/collections/create', { collectionName: 'books', dimension: 2 }, 'root:Secret1');
    await expect(resetTestServer(milvus.uri)).rejects.toThrow(`resetting the test server at ${milvus.uri} failed: HTTP 401 {"code":1800,"message":"user hasn't authenticated"}`);
    await expect(resetTestServer(milvus.uri, { token: 'alice:Secret2' })).rejects.toThrow('HTTP 403 {"code":65535,"message":"only root may reset the server, not alice"}');
    expect(await rest(milvus.uri, '/collections/list', {}, 'root:Secret1')).toEqual({ code: 0, data: ['books'] });
    await resetTestServer(milvus.uri, { token: 'root:Secret1' });
    expect(await rest(milvus.uri, '/collections/list', {}, 'root:Secret1')).toEqual({ code: 0, data: [] });
  });

  it('a server started without resetRoute (as a real Milvus) answers 404', async () => {
    const server = await startServer({ port: 0 });
    try {
      await expect(resetTestServer(server.restUrl)).rejects.toThrow('HTTP 404 404 page not found');
    } finally {
      await server.close();
    }
  });
});

describe('globalSetup helpers', () => {
  it('vitest: provides milvusAddress and milvusUri of a running server; the teardown closes it', async () => {
    const provided: Record<string, string> = {};
    const teardown = await mvkitGlobalSetup({ profile: '2.2' })({ provide: (key, value) => void (provided[key] = value) });
    expect(Object.keys(provided).sort()).toEqual(['milvusAddress', 'milvusUri']);
    expect(provided.milvusUri).toBe(`http://${provided.milvusAddress}`);
    expect(await rest(provided.milvusUri!, '/collections/list', {})).toEqual({ code: 0, data: [] });
    await teardown();
    expect(await accepts(provided.milvusAddress!)).toBe(false);
  });

  it('Jest: sets MILVUS_ADDRESS and MILVUS_URI of a running server; the globalTeardown closes it', async () => {
    const saved = { address: process.env.MILVUS_ADDRESS, uri: process.env.MILVUS_URI };
    try {
      await jestSetup();
      const address = process.env.MILVUS_ADDRESS!;
      expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(process.env.MILVUS_URI).toBe(`http://${address}`);
      await rest(process.env.MILVUS_URI!, '/collections/create', { collectionName: 'books', dimension: 2 });
      await resetTestServer(process.env.MILVUS_URI!);
      expect(await rest(process.env.MILVUS_URI!, '/collections/list', {})).toEqual({ code: 0, data: [] });
      await jestTeardown();
      expect(await accepts(address)).toBe(false);
      await jestTeardown();
      // A setup with options.
      await jestGlobalSetup({ auth: { users: { root: 'Secret1' } } })();
      expect(await rest(process.env.MILVUS_URI!, '/collections/list', {})).toMatchObject({ code: 1800 });
      await jestTeardown();
    } finally {
      for (const [key, value] of [['MILVUS_ADDRESS', saved.address], ['MILVUS_URI', saved.uri]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
