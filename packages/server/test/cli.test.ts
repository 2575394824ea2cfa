import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentials } from '@grpc/grpc-js';
import { MilvusService } from '@mvkit/proto';
import { createGrpcStub } from '@mvkit/transport-grpc';
import { describe, expect, it } from 'vitest';
import { SHUTDOWN_DEADLINE_MS } from '../src/shutdown.js';
import { CLI, serveCli } from './cli-process.js';


describe('mvkit serve', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('prints its address, serves, and exits 0 on %s', async (signal) => {
    const s = serveCli(['--port', '0', '--log-level', 'debug']);
    const address = await s.address;
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
    const stub = createGrpcStub(address, credentials.createInsecure());
    const created = await stub.unary(MilvusService.method.createPartition, { collectionName: 'ghost', partitionName: 'p' });
    expect(created.code).toBe(100);
    const has = await stub.unary(MilvusService.method.hasCollection, { collectionName: 'ghost' });
    expect(has.value).toBe(false);
    stub.close();
    s.child.kill(signal);
    expect(await s.exited).toBe(0);
    expect(s.stderr()).toContain(`${signal}, shutting down`);
    expect(s.stderr()).toContain('DEBUG HasCollection ok');
    expect(s.stderr()).toContain('DEBUG CreatePartition failed: 100 collection not found');
  });

  it('stops within a few seconds of SIGTERM while a large request holds the server', async () => {
    const s = serveCli(['--port', '0']);
    const address = await s.address;
    const url = `http://${address}/v2/vectordb`;
    await fetch(`${url}/collections/create`, { method: 'POST', body: JSON.stringify({ collectionName: 'big', dimension: 8 }) });
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ id: i, vector: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, i], title: `row ${i}` }));
    const insert = fetch(`${url}/entities/insert`, { method: 'POST', body: JSON.stringify({ collectionName: 'big', data: rows }) }).then(
      () => 'answered',
      () => 'cut off',
    );
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the body is on the server, being parsed
    const signalled = performance.now();
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(SHUTDOWN_DEADLINE_MS + 2000);
    expect(s.stderr()).toContain('SIGTERM, shutting down');
    await insert;
  }, 60_000);

  it('rejects a bad port with a clear message and a non-zero exit', async () => {
    const s = serveCli(['--port', 'abc']);
    await expect(s.address).rejects.toThrow(/must be an integer from 0 to 65535/);
    expect(await s.exited).not.toBe(0);
  });

  it('rejects a bad --segment-max-rows with a clear message and a non-zero exit', async () => {
    const s = serveCli(['--port', '0', '--segment-max-rows', '0']);
    await expect(s.address).rejects.toThrow(/--segment-max-rows.*expected a positive integer/);
    expect(await s.exited).not.toBe(0);
  });

  it('serves the profile of --profile, and rejects an unknown one listing the valid ones', async () => {
    const s = serveCli(['--port', '0', '--profile', '2.2']);
    const stub = createGrpcStub(await s.address, credentials.createInsecure());
    expect((await stub.unary(MilvusService.method.getVersion, {})).version).toBe('v2.2.16');
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    const bad = serveCli(['--port', '0', '--profile', '2.4']);
    await expect(bad.address).rejects.toThrow(/--profile <version>' argument '2\.4' is invalid\. Allowed choices are 2\.2, 2\.3, 2\.5/);
    expect(await bad.exited).not.toBe(0);
  });

  it('bulk-imports files of --import-dir, and rejects a missing directory with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mvkit-cli-import-'));
    writeFileSync(join(dir, 'rows.json'), JSON.stringify([{ id: 1, vector: [1, 0] }]));
    const s = serveCli(['--port', '0', '--import-dir', dir]);
    const url = `http://${await s.address}/v2/vectordb`;
    const post = async (path: string, body: object) => (await fetch(`${url}/${path}`, { method: 'POST', body: JSON.stringify(body) })).json() as Promise<{ code: number; data: { jobId: string; state: string; importedRows: number } }>;
    await post('collections/create', { collectionName: 'c', dimension: 2 });
    const { jobId } = (await post('jobs/import/create', { collectionName: 'c', files: [['rows.json']] })).data;
    let progress = await post('jobs/import/get_progress', { jobId });
    for (let i = 0; i < 100 && progress.data.state !== 'Completed'; i++) progress = await post('jobs/import/get_progress', { jobId });
    expect([progress.data.state, progress.data.importedRows]).toEqual(['Completed', 1]);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    const bad = serveCli(['--port', '0', '--import-dir', join(dir, 'missing')]);
    await expect(bad.address).rejects.toThrow(/--import-dir.*cannot read it: ENOENT/);
    expect(await bad.exited).not.toBe(0);
  }, 30_000);

  it('loads the jieba tokenizer from the bundle on the first chinese RunAnalyzer', async () => {
    const s = serveCli(['--port', '0']);
    const stub = createGrpcStub(await s.address, credentials.createInsecure());
    const res = await stub.unary(MilvusService.method.runAnalyzer, { placeholder: [new TextEncoder().encode('我来到北京清华大学')], analyzerParams: JSON.stringify({ type: 'chinese' }) });
    expect(res.status?.code).toBe(0);
    expect(res.results[0]?.tokens.map((t) => t.token)).toEqual(['我', '来到', '北京', '清华', '华大', '大学', '清华大学']);
    stub.close();
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  }, 30_000);

  it('runs worker threads from the bin: a 1 MiB insert is decoded in the decode worker, and its sealed segments are indexed', async () => {
    const s = serveCli(['--port', '0', '--segment-max-rows', '5000']);
    const url = `http://${await s.address}/v2/vectordb`;
    const post = async (path: string, body: object) => (await fetch(`${url}/${path}`, { method: 'POST', body: JSON.stringify(body) })).json() as Promise<{ code: number; data: unknown }>;
    expect(await post('collections/create', { collectionName: 'w', dimension: 8 })).toMatchObject({ code: 0 });
    const data = Array.from({ length: 20_000 }, (_, i) => ({ id: i, vector: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, i / 20_000] }));
    const body = JSON.stringify({ collectionName: 'w', data });
    // From 1 MiB a body is decoded in the worker only (a worker that cannot start fails the insert).
    expect(body.length).toBeGreaterThan(1024 * 1024);
    expect(await (await fetch(`${url}/entities/insert`, { method: 'POST', body })).json()).toMatchObject({ code: 0, data: { insertCount: 20_000 } });
    // Four segments of 5,000 rows sealed: their HNSW graphs are built in the index worker (the
    // same bin started in another role), or in this thread if it stopped.
    await expect
      .poll(async () => ((await post('indexes/describe', { collectionName: 'w', indexName: 'vector' })).data as { indexedRows: number }[])[0]?.indexedRows, { timeout: 20_000, interval: 200 })
      .toBe(20_000);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.stderr()).not.toContain('Error');
  }, 60_000);

  it('fails cleanly when the port is taken', async () => {
    const first = serveCli(['--port', '0']);
    const port = (await first.address).split(':')[1]!;
    const second = serveCli(['--port', port]);
    await expect(second.address).rejects.toThrow(/mvkit: .*(EADDRINUSE|No address added|bind)/i);
    first.child.kill('SIGTERM');
    await first.exited;
  });

  it('logs every REST request at --log-level debug: method, path, HTTP status, Milvus code, ms', async () => {
    const s = serveCli(['--port', '0', '--log-level', 'debug']);
    const url = `http://${await s.address}`;
    await fetch(`${url}/v2/vectordb/collections/describe`, { method: 'POST', body: JSON.stringify({ collectionName: 'ghost' }) });
    await fetch(`${url}/v2/vectordb/collections/list`, { method: 'POST', body: '{}' });
    await fetch(`${url}/nowhere`);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    const lines = s.stderr().split('\n').filter((l) => l.includes(' DEBUG REST '));
    expect(lines.map((l) => l.replace(/^\S+ /, '').replace(/ [\d.]+ ms$/, ' <ms>'))).toEqual([
      'DEBUG REST POST /v2/vectordb/collections/describe 200 code 100 <ms>',
      'DEBUG REST POST /v2/vectordb/collections/list 200 code 0 <ms>',
      'DEBUG REST GET /nowhere 404 <ms>',
    ]);
  });

  it('serves the test kit\'s POST /_mvkit/reset with --reset-route, and not without', async () => {
    for (const [args, status] of [[['--reset-route'], 200], [[], 404]] as const) {
      const s = serveCli(['--port', '0', ...args]);
      const url = `http://${await s.address}`;
      const post = (path: string, body: object) => fetch(`${url}/v2/vectordb${path}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());
      await post('/collections/create', { collectionName: 'books', dimension: 2 });
      const reset = await fetch(`${url}/_mvkit/reset`, { method: 'POST' });
      expect(reset.status, args.join(' ')).toBe(status);
      expect(await post('/collections/list', {}), args.join(' ')).toEqual({ code: 0, data: status === 200 ? [] : ['books'] });
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    }
  });

  it('logs no REST request below debug', async () => {
    const s = serveCli(['--port', '0', '--log-level', 'info']);
    await fetch(`http://${await s.address}/v2/vectordb/collections/list`, { method: 'POST', body: '{}' });
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.stderr()).not.toContain('REST ');
  });
});

describe("the bin's compile cache", () => {
  const listCollections = async (address: string) => (await fetch(`http://${address}/v2/vectordb/collections/list`, { method: 'POST', body: '{}' })).json();
  const cacheFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.v8cache'));

  it('writes V8 code cache to MVKIT_CACHE_DIR a second after start, and serves from it; a corrupt cache is replaced, an unwritable directory ignored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mvkit-cache-'));
    const first = serveCli(['--port', '0'], { MVKIT_CACHE_DIR: dir });
    expect(await listCollections(await first.address)).toEqual({ code: 0, data: [] });
    await expect.poll(() => cacheFiles(dir), { timeout: 5000 }).toHaveLength(1);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const [name] = cacheFiles(dir);
    expect(name).toMatch(new RegExp(`^bin-[0-9a-f]{32}-${process.version}-${process.arch}\\.v8cache$`));
    const written = statSync(join(dir, name!)).mtimeMs;

    // Served from the cache: the file is accepted, so it is not written again.
    const cached = serveCli(['--port', '0'], { MVKIT_CACHE_DIR: dir });
    expect(await listCollections(await cached.address)).toEqual({ code: 0, data: [] });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(statSync(join(dir, name!)).mtimeMs).toBe(written);
    cached.child.kill('SIGTERM');
    expect(await cached.exited).toBe(0);

    // Garbage of the same name: V8 rejects it, the bin compiles as usual and writes a good cache.
    writeFileSync(join(dir, name!), Buffer.alloc(4096, 7));
    const corrupt = serveCli(['--port', '0'], { MVKIT_CACHE_DIR: dir });
    expect(await listCollections(await corrupt.address)).toEqual({ code: 0, data: [] });
    await expect.poll(() => statSync(join(dir, name!)).size, { timeout: 5000 }).toBeGreaterThan(100_000);
    corrupt.child.kill('SIGTERM');
    expect(await corrupt.exited).toBe(0);

    // A cache directory that cannot be made (a file is in the way): the bin serves without one.
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, '');
    const uncached = serveCli(['--port', '0'], { MVKIT_CACHE_DIR: join(blocked, 'cache') });
    expect(await listCollections(await uncached.address)).toEqual({ code: 0, data: [] });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    uncached.child.kill('SIGTERM');
    expect(await uncached.exited).toBe(0);
    expect(uncached.stderr()).not.toContain('Error');
  }, 30_000);
});

describe('mvkit --version and --help', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(run('--version')).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('--help says that RESTful v2 is served on the same port as gRPC', () => {
    const top = run('--help');
    expect(top.status).toBe(0);
    expect(top.stdout.replace(/\s+/g, ' ')).toContain('the Milvus gRPC API and RESTful v2 (/v2/vectordb/...) on the same port');
    expect(top.stdout).toContain('npx @mvkit/server serve');
    expect(run('serve', '--help').stdout.replace(/\s+/g, ' ')).toContain('serve the Milvus gRPC API and RESTful v2 (same port)');
  });
});
