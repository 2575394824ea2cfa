/**
 * Event-loop stall benchmark: how long one large request holds up unrelated calls on the server.
 *
 * For each scenario, a fresh `mvkit serve` child process (loopback, `--segment-max-rows 10000`);
 * a probe worker thread (`probe.ts`) sends GetVersion over gRPC every `--interval` ms, open-loop;
 * the main thread sets the scenario up (not measured), lets the probe run `--idle` s on the idle
 * server (the baseline), then performs the large request (the window). Printed per scenario: the
 * request's own duration, the probe's p50/p99/max during it, the idle p99, the ratio
 * p99(during)/p99(idle), and PASS/FAIL against the goal p99(during) < `--goal` ms (100).
 *
 * Scenarios: (a) a 200k-row insert over REST (one JSON body, built before the window);
 * (b) the same rows in one gRPC insert (`@mvkit/client`, its encoding in the window);
 * (c) a gRPC query `id in [0, …, 999999]` over 200k rows; (d) a gRPC query with a 100k-string
 * IN list on the VarChar field; (e) 12,000 rows at dim 4096 in gRPC batches of 500 into a
 * collection with an HNSW index, across the seal at 10,000 rows, each batch timed, the window
 * running on until the sealed segment's index is built in the background (or until 10 s before
 * the limit, reporting the progress then).
 *
 * Bounded: a scenario (setup included) that exceeds `--limit` s is a FAIL "timed out", its server
 * killed; the run then goes on with the next one. Exits 1 when any scenario fails.
 *
 * Usage: `node bench/dist/index.js stall [--only a,c] [--limit 120] [--interval 10] [--idle 2] [--goal 100] [--rows 200000]`
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { Worker } from 'node:worker_threads';
import { MilvusClient, type RowData } from '@mvkit/client';
import { startChildServer, type ChildServer } from '../child-server.js';
import { startProbe, stopProbe, within } from './probe-control.js';
import { now, splitSamples, windowStats, type WindowStats } from './samples.js';

/** What a scenario works with. */
interface Env {
  server: ChildServer;
  /** gRPC client of the load side (main thread). */
  client: MilvusClient;
  rows: number;
  /** When the scenario's time limit ends, ms on the shared clock ({@link now}). */
  deadline: number;
  /** Prints a detail line of the scenario at once (so a timed-out run still shows its progress). */
  log(line: string): void;
}

/** One scenario: a setup outside the measured window, then the large request inside it. */
interface Scenario {
  key: string;
  title: string;
  /** Creates collections and data; returns the request to measure. */
  setup(env: Env): Promise<() => Promise<void>>;
}

const COLLECTION = 'stall';
/** `--segment-max-rows` of every scenario's server. */
const SEGMENT_ROWS = 10_000;
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** int64 pk `id`, FloatVector `vector` of `dim`, VarChar `tag`. */
async function createCollection(client: MilvusClient, dim: number): Promise<void> {
  await client.createCollection({
    collection_name: COLLECTION,
    fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true },
      { name: 'vector', data_type: 'FloatVector', dim },
      { name: 'tag', data_type: 'VarChar', max_length: 64 },
    ],
  });
}

/** Rows `from … from+count-1`: `{ id, vector, tag: 't<id>' }`, dim-8 vectors with 4 decimals (short JSON). */
function smallRows(from: number, count: number): RowData[] {
  return Array.from({ length: count }, (_, i) => ({
    id: from + i,
    vector: Array.from({ length: 8 }, () => Math.round(Math.random() * 1e4) / 1e4),
    tag: `t${from + i}`,
  }));
}

/**
 * Waits until the vector field's index covers `sealedRows` rows (DescribeIndex `indexed_rows`:
 * rows of sealed segments whose index is built; growing segments are never indexed), or until
 * `until` (shared clock); returns whether it got there and the last `indexed_rows`/`total_rows`.
 */
async function waitIndexed(client: MilvusClient, sealedRows: number, until = Number.POSITIVE_INFINITY): Promise<{ built: boolean; progress: string }> {
  for (;;) {
    const [d] = (await client.describeIndex({ collection_name: COLLECTION, field_name: 'vector' })).index_descriptions;
    const built = Number(d?.indexed_rows) >= sealedRows;
    if (built || now() >= until) return { built, progress: `${d?.indexed_rows}/${d?.total_rows} rows indexed` };
    await sleep(100);
  }
}

/** A loaded dim-8 collection with a FLAT index and `rows` rows inserted in gRPC batches of 10,000, the sealed segments' indexes built. */
async function loadedSmallCollection(env: Env): Promise<void> {
  await createCollection(env.client, 8);
  await env.client.createIndex({ collection_name: COLLECTION, field_name: 'vector', index_type: 'FLAT', metric_type: 'L2' });
  await env.client.loadCollectionSync({ collection_name: COLLECTION });
  for (let from = 0; from < env.rows; from += SEGMENT_ROWS) await env.client.insert({ collection_name: COLLECTION, data: smallRows(from, Math.min(SEGMENT_ROWS, env.rows - from)) });
  await waitIndexed(env.client, env.rows - (env.rows % SEGMENT_ROWS));
}

/** Throws unless `actual` equals `expected`. */
function expectCount(what: string, actual: unknown, expected: number): void {
  if (Number(actual) !== expected) throw new Error(`${what}: ${String(actual)}, expected ${expected}`);
}

const SCENARIOS: Scenario[] = [
  {
    key: 'a',
    title: 'REST insert of 200k rows (dim 8 + varchar), one JSON body',
    async setup(env) {
      await createCollection(env.client, 8);
      const body = JSON.stringify({ collectionName: COLLECTION, data: smallRows(0, env.rows) });
      env.log(`${env.rows} rows, body ${fmt(Buffer.byteLength(body) / 2 ** 20)} MiB`);
      return async () => {
        const res = await fetch(`${env.server.restUrl}/v2/vectordb/entities/insert`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const answer = (await res.json()) as { code: number; message?: string; data?: { insertCount: number } };
        if (answer.code !== 0) throw new Error(`REST insert: code ${answer.code} ${answer.message ?? ''}`);
        expectCount('REST insertCount', answer.data?.insertCount, env.rows);
      };
    },
  },
  {
    key: 'b',
    title: 'gRPC insert of 200k rows (dim 8 + varchar), one request',
    async setup(env) {
      await createCollection(env.client, 8);
      const data = smallRows(0, env.rows);
      env.log(`${env.rows} rows (the client's protobuf encoding is inside the window)`);
      return async () => {
        const res = await env.client.insert({ collection_name: COLLECTION, data });
        expectCount('gRPC insert_cnt', res.insert_cnt, env.rows);
      };
    },
  },
  {
    key: 'c',
    title: 'gRPC query id in [0, …, 999999] (1M int64 values) over 200k rows',
    async setup(env) {
      await loadedSmallCollection(env);
      const filter = `id in [${Array.from({ length: 1_000_000 }, (_, i) => i).join(',')}]`;
      const expected = Math.min(env.rows, 1_000_000);
      env.log(`filter ${fmt(filter.length / 2 ** 20)} MiB, output_fields ['id'], expecting ${expected} rows`);
      return async () => {
        const res = await env.client.query({ collection_name: COLLECTION, filter, output_fields: ['id'] });
        expectCount('rows returned', res.data.length, expected);
      };
    },
  },
  {
    key: 'd',
    title: 'gRPC query tag in ["t0", …, "t99999"] (100k strings) over 200k rows',
    async setup(env) {
      await loadedSmallCollection(env);
      const strings = Math.min(100_000, env.rows);
      const filter = `tag in [${Array.from({ length: strings }, (_, i) => `"t${i}"`).join(',')}]`;
      env.log(`filter ${fmt(filter.length / 2 ** 20)} MiB, output_fields ['id'], expecting ${strings} rows`);
      return async () => {
        const res = await env.client.query({ collection_name: COLLECTION, filter, output_fields: ['id'] });
        expectCount('rows returned', res.data.length, strings);
      };
    },
  },
  {
    key: 'e',
    title: 'gRPC inserts at dim 4096 across a segment seal (12,000 rows, batches of 500, HNSW, seal at 10,000)',
    async setup(env) {
      const dim = 4096;
      await createCollection(env.client, dim);
      await env.client.createIndex({ collection_name: COLLECTION, field_name: 'vector', index_type: 'HNSW', metric_type: 'L2', params: { M: 16, efConstruction: 64 } });
      await env.client.loadCollectionSync({ collection_name: COLLECTION });
      const batch = (from: number): RowData[] =>
        Array.from({ length: 500 }, (_, i) => ({ id: from + i, vector: Float32Array.from({ length: dim }, () => Math.random()), tag: `t${from + i}` }));
      return async () => {
        const times: number[] = [];
        for (let from = 0; from < 12_000; from += 500) {
          const data = batch(from); // generated inside the window, between timed batches
          const t = performance.now();
          await env.client.insert({ collection_name: COLLECTION, data });
          times.push(performance.now() - t);
          env.log(`insert batch #${times.length} (rows ${from}-${from + 499}${from + 500 === SEGMENT_ROWS ? `, reaching ${SEGMENT_ROWS}: the seal` : ''}): ${fmt(times.at(-1)!)} ms`);
        }
        const sorted = [...times].sort((x, y) => x - y);
        env.log(`insert batches: total ${fmt(times.reduce((sum, x) => sum + x, 0))} ms, median ${fmt(sorted[sorted.length >> 1]!)} ms, max ${fmt(sorted.at(-1)!)} ms`);
        const t = performance.now();
        const { built, progress } = await waitIndexed(env.client, SEGMENT_ROWS, env.deadline - 10_000);
        const buildMs = fmt(performance.now() - t);
        env.log(built ? `then ${buildMs} ms until the sealed segment's HNSW index (M 16, efConstruction 64) was built` : `then ${buildMs} ms waiting for the HNSW index build (M 16, efConstruction 64), stopped 10 s before the limit: ${progress}`);
      };
    },
  },
];

/** Outcome of one scenario. */
interface Outcome {
  /** Why the scenario did not complete (an error, or the time limit), when it did not. */
  failure?: string;
  /** Duration of the request, ms (up to the failure when it did not complete); unset when it never started. */
  requestMs?: number;
  /** Probe latencies on the idle server before the request. */
  idle?: WindowStats;
  /** Probe latencies overlapping the request. */
  during?: WindowStats;
  /** The server was killed with probes in flight: their latencies (to the kill) are lower bounds. */
  probesCutShort?: boolean;
  /** Probes that failed (e.g. the connection dropped); their latencies are the time to the failure. */
  probeErrors: number;
  firstProbeError?: string;
}

/**
 * Runs one scenario on a fresh server within `limitMs`. After the request (or its failure) the
 * probes in flight are waited for until the limit; at the limit the server is killed, which ends
 * the probes stuck on it, and the samples so far are kept.
 */
async function runScenario(s: Scenario, opts: { limitMs: number; intervalMs: number; idleMs: number; rows: number }): Promise<Outcome> {
  const deadline = now() + opts.limitMs;
  const timedOut = (phase: string) => `timed out after ${opts.limitMs / 1000} s (in ${phase})`;
  const server = await startChildServer(['--segment-max-rows', String(SEGMENT_ROWS)]);
  const client = new MilvusClient({ address: server.address, timeout: opts.limitMs });
  const log = (line: string) => console.log(`  ${line}`);
  let phase = 'setup';
  let probe: Worker | undefined;
  let idleStart = 0;
  let t0: number | undefined;
  let t1: number | undefined;
  const work = (async () => {
    const request = await s.setup({ server, client, rows: opts.rows, deadline, log });
    phase = 'idle baseline';
    probe = await startProbe({ address: server.address, intervalMs: opts.intervalMs });
    idleStart = now();
    await sleep(opts.idleMs);
    phase = 'request';
    t0 = now();
    await request();
    t1 = now();
  })();
  const settled = await within(
    work.then(
      () => ({ failure: undefined }),
      (e: unknown) => ({ failure: `error in ${phase}${t0 !== undefined ? ` after ${fmt((now() - t0) / 1000)} s` : ''}: ${e instanceof Error ? e.message : String(e)}` }),
    ),
    deadline - now(),
  );
  let failure = settled ? settled.failure : timedOut(phase);
  t1 ??= now();
  const stopped = probe ? await stopProbe(probe, Math.max(0, deadline - now()), () => server.stop(0)) : undefined;
  if (stopped?.killed) failure ??= timedOut('probe drain: the server still had not answered probes sent during the request');
  await server.stop(0);
  await client.close();
  const samples = stopped?.samples;
  const outcome: Outcome = { probeErrors: samples?.errors ?? 0, ...(failure !== undefined ? { failure } : {}), ...(samples?.firstError ? { firstProbeError: samples.firstError } : {}) };
  if (t0 === undefined) return outcome;
  outcome.requestMs = t1 - t0;
  if (samples) {
    const { idle, during } = splitSamples(samples, idleStart, t0, t1);
    outcome.idle = windowStats(idle);
    outcome.during = windowStats(during);
    outcome.probesCutShort = stopped.killed;
  }
  return outcome;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: {
      only: { type: 'string', default: SCENARIOS.map((s) => s.key).join(',') },
      limit: { type: 'string', default: '120' },
      interval: { type: 'string', default: '10' },
      idle: { type: 'string', default: '2' },
      goal: { type: 'string', default: '100' },
      rows: { type: 'string', default: '200000' },
    },
  });
  const keys = values.only.split(',');
  const opts = { limitMs: Number(values.limit) * 1000, intervalMs: Number(values.interval), idleMs: Number(values.idle) * 1000, rows: Number(values.rows) };
  const goal = Number(values.goal);
  console.log(`node ${process.version}, ${availableParallelism()} CPUs; mvkit serve in a child process; probe: GetVersion over gRPC every ${opts.intervalMs} ms (open-loop, worker thread)`);
  console.log(`goal: probe p99 during the request < ${goal} ms; limit ${values.limit} s per scenario`);
  const verdicts: string[] = [];
  let failed = false;
  for (const s of SCENARIOS.filter((x) => keys.includes(x.key))) {
    console.log(`\n(${s.key}) ${s.title}`);
    const o = await runScenario(s, opts);
    if (o.requestMs !== undefined) console.log(`  request ${fmt(o.requestMs)} ms${o.failure ? ' (did not complete)' : ''}`);
    if (o.during && o.idle) {
      console.log(`  probe during (n=${o.during.n}): p50 ${fmt(o.during.p50, 2)} ms  p99 ${fmt(o.during.p99, 2)} ms  max ${fmt(o.during.max, 2)} ms${o.probesCutShort || o.probeErrors ? ' (lower bounds: failed probes count the time to their failure; probes still waiting at the limit ended when the server was killed)' : ''}`);
      console.log(`  probe idle   (n=${o.idle.n}): p50 ${fmt(o.idle.p50, 2)} ms  p99 ${fmt(o.idle.p99, 2)} ms  max ${fmt(o.idle.max, 2)} ms`);
      console.log(`  ratio p99(during)/p99(idle): ${fmt(o.during.p99 / o.idle.p99, 1)}x`);
    }
    if (o.probeErrors) console.log(`  probe errors: ${o.probeErrors} (first: ${o.firstProbeError})`);
    const pass = !o.failure && o.during !== undefined && o.during.p99 < goal && o.probeErrors === 0;
    failed ||= !pass;
    const p99 = o.during ? `p99 ${fmt(o.during.p99)} ms ${o.during.p99 < goal ? '<' : '>='} ${goal} ms` : 'no probe samples';
    const verdict = `${pass ? 'PASS' : 'FAIL'} (${[o.failure, p99, o.probeErrors && !o.failure ? `${o.probeErrors} probe errors` : undefined].filter(Boolean).join('; ')})`;
    console.log(`  ${verdict}`);
    verdicts.push(`  (${s.key}) ${verdict}`);
  }
  console.log(`\nsummary (goal p99 < ${goal} ms):\n${verdicts.join('\n')}`);
  process.exit(failed ? 1 : 0);
}

await main();
