/**
 * A real Milvus beside the reference server: the embedded Milvus 2.3.5 of PyPI (`milvus==2.3.5`,
 * binary `v2.3.5-lite`), installed into `conformance/.cache/milvus-2.3` on first use and run on
 * 127.0.0.1 only, every port chosen free, every component registering 127.0.0.1.
 *
 * @packageDocumentation
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePythonEnv } from './runners/python.js';

/** The Milvus release the real-server target runs (the newest with a Linux x86_64 wheel). */
export const REAL_MILVUS_VERSION = '2.3.5';
/** Where the milvus-2.3 environment keeps the unpacked binaries (`bin/milvus`, its libraries). */
const BASE = fileURLToPath(new URL('../.cache/milvus-2.3/', import.meta.url));
/** How long the server may take to answer `/healthz` and a first RPC, ms (2.6–2.8 s measured). */
const START_MS = 120_000;
/** How long SIGTERM may take before SIGKILL, ms (2.3.5 can hang in "stop node" with a loaded collection). */
const STOP_MS = 30_000;

/** A running real Milvus. */
export interface RealMilvus {
  /** `127.0.0.1:<port>`: the proxy's gRPC port (RESTful v1 is on it too). */
  readonly address: string;
  /** `http://127.0.0.1:<port>` of {@link address}. */
  readonly uri: string;
  /** `http://127.0.0.1:<port>`: the metrics port, `/healthz` and the legacy `/api/v1` HTTP API. */
  readonly legacyUri: string;
  /** {@link REAL_MILVUS_VERSION}. */
  readonly version: string;
  /** The interpreter of its environment, which imports pymilvus {@link pymilvus}. */
  readonly python: string;
  /** The pymilvus version of that environment (2.3.7). */
  readonly pymilvus: string;
  /** The run directory (configs, logs, data), removed by {@link close}. */
  readonly dir: string;
  /** SIGTERM, then SIGKILL after 30 s; removes {@link dir}. Idempotent. */
  close(): Promise<void>;
}

/** The ports the template names (`{{ <name>_port(int): default }}`), plus the etcd peer and metrics ports. */
const PORT_KEYS = ['etcd_port', 'root_coord_port', 'proxy_port', 'proxy_internal_port', 'query_coord_port', 'query_node_port', 'index_coord_port', 'index_node_port', 'data_coord_port', 'data_node_port'] as const;

/** `n` distinct free TCP ports on 127.0.0.1 (bound together, then released). */
async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const s = createServer();
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => resolve(s));
    })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/**
 * Milvus's config for this run: the package's template with every `{{ key(type): default }}`
 * filled, every component's `ip` set to 127.0.0.1, `localhost` endpoints replaced by 127.0.0.1,
 * and `etcd.config.path` pointing at an embed-etcd file that binds its client and peer ports on
 * loopback (without it the embedded etcd listens on 2379/2380 whatever `etcd_port` says).
 * @throws Error when the template names a key not filled here (a different package version).
 */
export function renderConfig(template: string, values: Readonly<Record<string, string | number | boolean>>, etcdConfigPath: string): string {
  const filled = template.replace(/\{\{([^}]*)\}\}/g, (_, body: string) => {
    const [head, fallback] = body.split(/:(.*)/s).map((x) => x.trim());
    const key = head!.replace(/\(.*\)/, '').trim();
    if (key in values) return String(values[key]);
    if (fallback !== undefined && fallback !== '') return fallback;
    throw new Error(`the Milvus config template names {{ ${body.trim()} }}, which has no value here`);
  });
  return filled
    .replace(/^(\s+)ip:[^\n]*$/gm, '$1ip: 127.0.0.1')
    .replace(/\blocalhost:/g, '127.0.0.1:')
    .replace(/^etcd:\n/m, `etcd:\n  config:\n    path: ${etcdConfigPath}\n`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The last lines of a log file, for an error message. */
function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Installs (first use: pip, ~45 s; then cached) and starts a real Milvus 2.3.5 on free loopback
 * ports with authorization off, waits for `/healthz` and a first answered ListDatabases, and
 * returns it. Its data lives in a fresh temporary directory, so every start is an empty server.
 * The process is killed if this Node process exits first.
 *
 * @throws Error when the environment cannot be installed, the binary exits, or it does not
 *   answer within 120 s (with the tail of its log).
 */
export async function startRealMilvus(options: { log?: (line: string) => void } = {}): Promise<RealMilvus> {
  const env = await ensurePythonEnv({ name: 'milvus-2.3' });
  const bin = join(BASE, 'bin');
  const dataDir = await locatePackageData(env.python);
  const dir = mkdtempSync(join(tmpdir(), 'mvkit-milvus-'));
  for (const sub of ['configs', 'logs', 'data', 'run']) mkdirSync(join(dir, sub), { recursive: true });
  const [etcdPeer, metrics, ...ports] = await freePorts(PORT_KEYS.length + 2);
  const values: Record<string, string | number | boolean> = Object.fromEntries(PORT_KEYS.map((k, i) => [k, ports[i]!]));
  Object.assign(values, {
    etcd_log_level: 'warn',
    etcd_log_path: join(dir, 'logs', 'etcd.log'),
    etcd_data_dir: join(dir, 'data', 'etcd.data'),
    local_storage_dir: join(dir, 'data'),
    rocksmq_data_dir: join(dir, 'data', 'rocksmq'),
    system_log_path: join(dir, 'logs'),
    authorization_enabled: false,
    tls_mode: 0,
  });
  const etcdConfig = join(dir, 'configs', 'embed-etcd.yaml');
  const client = `http://127.0.0.1:${values.etcd_port}`;
  const peer = `http://127.0.0.1:${etcdPeer}`;
  writeFileSync(etcdConfig, [`listen-client-urls: ${client}`, `advertise-client-urls: ${client}`, `listen-peer-urls: ${peer}`, `initial-advertise-peer-urls: ${peer}`, `initial-cluster: default=${peer}`, ''].join('\n'));
  writeFileSync(join(dir, 'configs', 'milvus.yaml'), renderConfig(readFileSync(join(dataDir, 'config.yaml.template'), 'utf8'), values, etcdConfig));
  copyFileSync(join(dataDir, 'glog.conf'), join(dir, 'configs', 'glog.conf'));
  const stdout = openSync(join(dir, 'logs', 'milvus-stdout.log'), 'w');
  const stderr = openSync(join(dir, 'logs', 'milvus-stderr.log'), 'w');
  const proc: ChildProcess = spawn(join(bin, 'milvus'), ['run', 'standalone'], {
    cwd: dir,
    stdio: ['ignore', stdout, stderr],
    env: { ...process.env, LD_LIBRARY_PATH: [bin, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'), DEPLOY_MODE: 'STANDALONE', METRICS_PORT: String(metrics), MILVUS_RUN_DIR: join(dir, 'run') },
  });
  closeSync(stdout);
  closeSync(stderr);
  let exited: string | undefined;
  const gone = new Promise<void>((resolve) => proc.once('exit', (code, signal) => ((exited = `exited (${signal ?? `code ${code}`})`), resolve())));
  proc.once('error', (e) => (exited = `could not start: ${e.message}`));
  const killOnExit = () => proc.kill('SIGKILL');
  process.once('exit', killOnExit);
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      process.removeListener('exit', killOnExit);
      if (exited === undefined) {
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_MS);
        await gone;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    })());
  const address = `127.0.0.1:${values.proxy_port}`;
  const legacyUri = `http://127.0.0.1:${metrics}`;
  const log = options.log ?? (() => undefined);
  log(`real Milvus ${REAL_MILVUS_VERSION}: starting on ${address} (health ${legacyUri}, run dir ${dir})`);
  const t0 = Date.now();
  try {
    await waitReady(address, legacyUri, () => exited);
  } catch (e) {
    const why = `${(e as Error).message}\n--- ${join(dir, 'logs')} ---\n${tail(join(dir, 'logs', 'milvus-stderr.log'))}\n${tail(join(dir, 'logs', 'milvus-stdout.log'), 5)}`;
    await close();
    throw new Error(`real Milvus ${REAL_MILVUS_VERSION} did not start: ${why}`);
  }
  log(`real Milvus ${REAL_MILVUS_VERSION}: ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { address, uri: `http://${address}`, legacyUri, version: REAL_MILVUS_VERSION, python: env.python, pymilvus: env.pymilvus, dir, close };
}

/** The `milvus` package's `data/` directory (config template, glog.conf) in the venv. */
function locatePackageData(python: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(python, ['-c', 'import os, milvus; print(os.path.join(os.path.dirname(milvus.__file__), "data"))'], (error, out, err) => (error ? reject(new Error(`cannot locate the milvus package: ${err.trim()}`)) : resolve(out.trim()))),
  );
}

/** Polls `/healthz` until it answers `OK`, then ListDatabases through @mvkit/client until it answers. */
async function waitReady(address: string, healthUri: string, exited: () => string | undefined): Promise<void> {
  const deadline = Date.now() + START_MS;
  const check = () => {
    const why = exited();
    if (why) throw new Error(`the milvus process ${why}`);
    if (Date.now() > deadline) throw new Error(`no answer within ${START_MS / 1000} s`);
  };
  for (;;) {
    check();
    const ok = await fetch(`${healthUri}/healthz`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.text(), () => '');
    if (ok.includes('OK')) break;
    await sleep(100);
  }
  const { MilvusClient } = await import('@mvkit/client');
  for (;;) {
    check();
    const client = new MilvusClient({ address });
    try {
      await client.listDatabases({});
      return;
    } catch {
      await sleep(200);
    } finally {
      await client.close().catch(() => undefined);
    }
  }
}
