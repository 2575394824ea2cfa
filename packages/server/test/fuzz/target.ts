import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fromBinary } from '@bufbuild/protobuf';
import { MilvusService, methodPath } from '@mvkit/proto';
import { FIXTURE_COLLECTIONS, FIXTURE_DB, createBodyOf, fixtureRows, restRow, type FixtureCollection } from './fixture.js';
import { REPLY_DEADLINE_MS } from './checks.js';
import { Rng } from './rng.js';
import { RawGrpc, assertLoopback, httpCall, postJson } from './wire.js';

/**
 * Fuzz targets: a server the fuzzers talk to (in this process or a child process), how to put it
 * into the fixture state, and how to tell that it still serves.
 *
 * @packageDocumentation
 */

/** A running server to fuzz. */
export interface FuzzTarget {
  readonly host: string;
  readonly port: number;
  /** `127.0.0.1:port`: gRPC and RESTful v2. */
  readonly address: string;
  /** `http://127.0.0.1:port`. */
  readonly restUrl: string;
  /** `http://127.0.0.1:port` of the legacy `/api/v1` API. */
  readonly legacyUrl: string;
  /** Resident set size of the server's process, in bytes. */
  rssBytes(): number;
  /** Why the server is gone (a child that exited), or `undefined` while it runs. */
  death(): string | undefined;
  close(): Promise<void>;
}

/** Resident set size of process `pid` from `/proc` (Linux), in bytes; 0 when unknown. */
function rssOfPid(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** A target for a server started in this process (`startServer`), closed by `close`. */
export function inProcessTarget(server: { host: string; port: number; address: string; restUrl: string; legacyUrl: string | undefined; close(): Promise<void> }): FuzzTarget {
  assertLoopback(server.host);
  if (!server.legacyUrl) throw new Error('start the server with legacyHttpPort to fuzz the legacy API');
  return {
    host: server.host,
    port: server.port,
    address: server.address,
    restUrl: server.restUrl,
    legacyUrl: server.legacyUrl,
    rssBytes: () => process.memoryUsage().rss,
    death: () => undefined,
    close: () => server.close(),
  };
}

/**
 * Spawns `node <args...> serve --host 127.0.0.1 --port 0 --legacy-http-port 0` (the `mvkit` CLI,
 * e.g. `packages/server/dist/mvkit.cjs`) and waits for its `mvkit listening on` and legacy lines.
 * A crash shows as {@link FuzzTarget.death}; `close` sends SIGTERM, then SIGKILL after 3 s.
 *
 * @param nodeArgs - node options and the CLI script, e.g. `['--max-old-space-size=512', cli]`.
 * @throws Error when the server does not start within 20 s.
 */
export async function childTarget(nodeArgs: readonly string[]): Promise<FuzzTarget> {
  const child = spawn(process.execPath, [...nodeArgs, 'serve', '--host', '127.0.0.1', '--port', '0', '--legacy-http-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const lines = createInterface({ input: child.stdout });
  const { address, legacyUrl } = await new Promise<{ address: string; legacyUrl: string }>((resolve, reject) => {
    let address: string | undefined;
    const timer = setTimeout(() => reject(new Error(`mvkit did not start within 20 s: ${stderr}`)), 20_000);
    child.once('exit', (code, signal) => reject(new Error(`mvkit exited (${code ?? signal}) before listening: ${stderr}`)));
    lines.on('line', (line) => {
      const grpc = /^mvkit listening on (\S+)/.exec(line);
      if (grpc) address = grpc[1];
      const legacy = /^mvkit legacy HTTP API on (\S+)/.exec(line);
      if (legacy && address) {
        clearTimeout(timer);
        resolve({ address, legacyUrl: legacy[1]! });
      }
    });
  });
  const host = address.slice(0, address.lastIndexOf(':'));
  assertLoopback(host);
  return {
    host,
    port: Number(address.slice(address.lastIndexOf(':') + 1)),
    address,
    restUrl: `http://${address}`,
    legacyUrl,
    rssBytes: () => rssOfPid(child.pid!),
    death: () => (child.exitCode !== null || child.signalCode !== null ? `server process exited (${child.exitCode ?? child.signalCode}); stderr: ${stderr.slice(-1500)}` : undefined),
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const V2 = '/v2/vectordb';

/** Runs one fixture step; anything but code 0 is an error (the fixture must be reachable). */
async function step(restUrl: string, path: string, body: unknown): Promise<void> {
  const r = await postJson(restUrl, V2 + path, body);
  if (r.code !== 0) throw new Error(`fixture ${path} failed: ${r.code} ${r.message ?? ''}`);
}

/** Creates fixture collection `c` (index, partitions, rows, load) from scratch. */
async function createFixtureCollection(restUrl: string, c: FixtureCollection, rng: Rng): Promise<void> {
  await step(restUrl, '/collections/create', createBodyOf(c));
  await step(restUrl, '/indexes/create', { collectionName: c.name, indexParams: [{ fieldName: c.vectorField, indexName: c.vectorField, indexType: c.index.indexType, metricType: c.index.metricType, ...(c.index.params ? { params: c.index.params } : {}) }] });
  for (const p of c.partitions) await step(restUrl, '/partitions/create', { collectionName: c.name, partitionName: p });
  for (const [i, partitionName] of ['_default', ...c.partitions].entries()) {
    const rows = fixtureRows(c, i * 1000, Math.ceil(c.rows / (c.partitions.length + 1)), rng).map(restRow);
    await step(restUrl, '/entities/insert', { collectionName: c.name, partitionName, data: rows });
  }
  if (c.loaded) await step(restUrl, '/collections/load', { collectionName: c.name });
}

/** Whether fixture collection `c` is as created: fields, index, partitions and load state. */
async function intact(restUrl: string, c: FixtureCollection): Promise<boolean> {
  const d = await postJson(restUrl, `${V2}/collections/describe`, { collectionName: c.name });
  if (d.code !== 0) return false;
  const desc = d.data as { fields: { name: string }[]; indexes: { fieldName: string }[] };
  const partitionNames = ['_default', ...c.partitions];
  const parts = (await postJson(restUrl, `${V2}/partitions/list`, { collectionName: c.name })).data as string[] | undefined;
  // with every partition named, a partly released collection is not `LoadStateLoaded`
  const load = (await postJson(restUrl, `${V2}/collections/get_load_state`, { collectionName: c.name, partitionNames })).data as { loadState?: string } | undefined;
  return (
    desc.fields.length === c.fields.length &&
    desc.indexes.some((i) => i.fieldName === c.vectorField) &&
    load?.loadState === (c.loaded ? 'LoadStateLoaded' : 'LoadStateNotLoad') &&
    partitionNames.every((p) => parts?.includes(p))
  );
}

/**
 * Puts `target` into the fixture state over REST. `fresh`: drops every database and collection
 * first, whatever the previous batch did, and recreates the fixture (the start of a batch).
 * Otherwise only repairs: recreates the fixture database and any fixture collection that was
 * dropped, renamed, released, lost its index or a partition (between the RPCs and routes of a
 * batch, so that one drop does not turn every later case into "collection not found").
 *
 * @throws Error when a fixture step fails.
 */
export async function seedFixture(target: FuzzTarget, seed: number, fresh = true): Promise<void> {
  const rng = new Rng(seed);
  const { restUrl } = target;
  const dbs = ((await postJson(restUrl, `${V2}/databases/list`, {})).data as string[] | undefined) ?? [];
  if (fresh) {
    for (const db of dbs) {
      for (const c of ((await postJson(restUrl, `${V2}/collections/list`, { dbName: db })).data as string[] | undefined) ?? []) await postJson(restUrl, `${V2}/collections/drop`, { dbName: db, collectionName: c });
      if (db !== 'default') await postJson(restUrl, `${V2}/databases/drop`, { dbName: db });
    }
  }
  if (fresh || !dbs.includes(FIXTURE_DB)) await step(restUrl, '/databases/create', { dbName: FIXTURE_DB });
  for (const c of FIXTURE_COLLECTIONS) {
    if (!fresh) {
      if (await intact(restUrl, c)) continue;
      await postJson(restUrl, `${V2}/collections/release`, { collectionName: c.name });
      await postJson(restUrl, `${V2}/collections/drop`, { collectionName: c.name });
    }
    await createFixtureCollection(restUrl, c, rng);
  }
}

/**
 * Whether `target` still serves: GetVersion over gRPC, `collections/list` over REST and
 * `/api/v1/health` on the legacy port must each answer within 5 s.
 *
 * @returns the problems found (empty when healthy).
 */
export async function probe(target: FuzzTarget, grpc: RawGrpc): Promise<string[]> {
  const problems: string[] = [];
  const death = target.death();
  if (death) return [death];
  const version = await grpc.call(methodPath(MilvusService.method.getVersion), new Uint8Array(0), {}, REPLY_DEADLINE_MS);
  if (!version.ok) problems.push(`GetVersion failed: gRPC ${version.code} ${version.details}`);
  else if (fromBinary(MilvusService.method.getVersion.output, version.bytes).status?.code !== 0) problems.push('GetVersion answered a non-zero status');
  const list = await httpCall(target.restUrl, { method: 'POST', path: `${V2}/collections/list`, headers: {}, body: '{}' }, REPLY_DEADLINE_MS);
  if (!list.ok || list.status !== 200 || !/^\{"code":0,/.test(list.body)) problems.push(`REST collections/list failed: ${list.ok ? `${list.status} ${list.body.slice(0, 200)}` : list.error}`);
  const health = await httpCall(target.legacyUrl, { method: 'GET', path: '/api/v1/health', headers: {}, body: '' }, REPLY_DEADLINE_MS);
  if (!health.ok || health.status !== 200) problems.push(`legacy /api/v1/health failed: ${health.ok ? health.status : health.error}`);
  return problems;
}
