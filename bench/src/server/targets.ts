/**
 * The three servers of the server benchmark, each started on 127.0.0.1 by the benchmark and
 * stopped after its run: `mvkit serve` (a child process, `../child-server.ts`), a real Milvus
 * 2.3.5 (`startRealMilvus` of `conformance/src/real-milvus.ts`) and milvus-lite's gRPC server
 * (`milvus-lite server`, from its own venv).
 *
 * @packageDocumentation
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { MilvusClient } from '@mvkit/client';
import { superviseChild } from '../child-process.js';
import { startChildServer } from '../child-server.js';
import { ensureBenchPythonEnv } from './python-envs.js';

/** The targets, in the order the benchmark runs them. */
export const TARGETS = ['mvkit', 'milvus', 'milvus-lite'] as const;
/** One of {@link TARGETS}. */
export type TargetName = (typeof TARGETS)[number];

/** A running target. */
export interface Target {
  name: TargetName;
  /** `127.0.0.1`. */
  host: string;
  /** Its gRPC port. */
  port: number;
  /** `host:port`. */
  address: string;
  /** From the spawn to the first answered RPC, ms (installs excluded). */
  startMs: number;
  /** The server process, when known (for {@link peakRssMiB}). */
  pid: number | undefined;
  /** Stops the server and removes its data; idempotent. */
  stop(): Promise<void>;
}

/** How long a target may take to answer its first RPC, ms. */
const START_MS = 120_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Peak resident set size of a process so far (`VmHWM` of `/proc/<pid>/status`), MiB; undefined
 * when it cannot be read (no pid, the process is gone, not Linux).
 */
export function peakRssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Polls GetVersion (`@mvkit/client`) until the server at `address` answers; throws when `exited()` says why it cannot, or after {@link START_MS}. */
async function waitAnswering(address: string, exited: () => string | undefined = () => undefined): Promise<void> {
  const deadline = Date.now() + START_MS;
  for (;;) {
    const why = exited();
    if (why) throw new Error(why);
    if (Date.now() > deadline) throw new Error(`${address} did not answer GetVersion within ${START_MS / 1000} s`);
    const client = new MilvusClient({ address, timeout: 2_000 });
    try {
      await client.getVersion();
      return;
    } catch {
      await sleep(100);
    } finally {
      await client.close().catch(() => undefined);
    }
  }
}

/** A free TCP port on 127.0.0.1 (bound, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** `host:port` as a {@link Target}'s fields. */
function hostPort(address: string): { host: string; port: number; address: string } {
  const i = address.lastIndexOf(':');
  return { host: address.slice(0, i), port: Number(address.slice(i + 1)), address };
}

/**
 * `mvkit serve` (default profile) as a child process.
 *
 * @param serveArgs - extra `serve` flags, e.g. `['--segment-max-rows', '100000']`.
 */
export async function startMvkit(serveArgs: readonly string[] = []): Promise<Target> {
  const t0 = performance.now();
  const server = await startChildServer(serveArgs);
  await waitAnswering(server.address);
  return { name: 'mvkit', ...hostPort(server.address), startMs: performance.now() - t0, pid: server.pid, stop: () => server.stop() };
}

/** `conformance/dist/real-milvus.js` (built by `pnpm build`; the same path from `src/server/` and `dist/server/`). */
const REAL_MILVUS = new URL('../../../conformance/dist/real-milvus.js', import.meta.url);

/** The part of `real-milvus.ts` used here. */
interface RealMilvusModule {
  startRealMilvus(options?: { log?: (line: string) => void }): Promise<{ address: string; dir: string; close(): Promise<void> }>;
}

/** The pid of the `milvus` process whose working directory is `dir` (how `startRealMilvus` runs it), if any. */
function milvusPid(dir: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) === dir && basename(readlinkSync(`/proc/${entry}/exe`)) === 'milvus') return Number(entry);
    } catch {
      // a process that ended, or one of another user
    }
  }
  return undefined;
}

/** A real Milvus 2.3.5 (`startRealMilvus`; its venv installed first and its checks before the spawn, all outside {@link Target.startMs}). */
export async function startMilvus(log: (line: string) => void): Promise<Target> {
  await ensureBenchPythonEnv('milvus-2.3', log);
  const { startRealMilvus } = (await import(REAL_MILVUS.href)) as RealMilvusModule;
  // startRealMilvus logs "starting on …" right after spawning the binary: the start is timed
  // from there, not from its own venv and config checks before it.
  let t0 = performance.now();
  const milvus = await startRealMilvus({
    log: (line) => {
      if (/: starting on /.test(line)) t0 = performance.now();
      log(line);
    },
  });
  await waitAnswering(milvus.address);
  return { name: 'milvus', ...hostPort(milvus.address), startMs: performance.now() - t0, pid: milvusPid(milvus.dir), stop: () => milvus.close() };
}

/**
 * milvus-lite's gRPC server, `milvus-lite server --data-dir <tmp> --host 127.0.0.1 --port
 * <free>`, from the `milvus-lite` venv (installed first, outside {@link Target.startMs}). Stopped
 * with SIGINT (its graceful shutdown), SIGKILL after 10 s; its data directory is removed.
 */
export async function startMilvusLite(log: (line: string) => void): Promise<Target> {
  const env = await ensureBenchPythonEnv('milvus-lite', log);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'mvkit-milvus-lite-'));
  const t0 = performance.now();
  const child = spawn(join(dirname(env.python), 'milvus-lite'), ['server', '--data-dir', join(dataDir, 'data'), '--host', '127.0.0.1', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const supervised = superviseChild(child, 'SIGINT');
  let stderr = '';
  child.stdout.resume();
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await supervised.stop(10_000);
      rmSync(dataDir, { recursive: true, force: true });
    })());
  try {
    await waitAnswering(`127.0.0.1:${port}`, () => {
      const why = supervised.why();
      return why && `milvus-lite ${why}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`;
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { name: 'milvus-lite', host: '127.0.0.1', port, address: `127.0.0.1:${port}`, startMs: performance.now() - t0, pid: child.pid, stop };
}

/** Starts the named target; `mvkitArgs` are extra `mvkit serve` flags. */
export function startTarget(name: TargetName, log: (line: string) => void, mvkitArgs: readonly string[] = []): Promise<Target> {
  if (name === 'mvkit') return startMvkit(mvkitArgs);
  if (name === 'milvus') return startMilvus(log);
  return startMilvusLite(log);
}
