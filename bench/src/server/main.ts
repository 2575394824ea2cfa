/**
 * Whole-server benchmark (issue 15, item 3): one pymilvus program (`workload.py`: a collection
 * with two partitions, 100,000 rows inserted in batches of 5,000, flush, an HNSW index, load,
 * 1,000 searches, 1,000 searches naming one partition, 1,000 filtered queries) run against
 * `mvkit serve`, a real Milvus 2.3.5 and milvus-lite 3.2.2's gRPC server, one after the other,
 * each started here on 127.0.0.1 and stopped after its run (`targets.ts`). The client is pymilvus
 * 2.3.7 for all three (the milvus-2.3 venv).
 *
 * Beside each run, the stall benchmark's probe (`../stall/probe.ts`, a worker thread sending a
 * GetVersion over gRPC every `--probe-interval` ms, open-loop) measures how long an unrelated
 * call waits while each phase runs: the concurrent-latency figure of the hardening issue (goal:
 * p99 < 100 ms), for every target alike.
 *
 * Prints Markdown tables: each phase's wall time (ops/s and per-op p50/p99 for the phases of
 * many operations) per target, with the ratios peer wall ÷ mvkit wall (= mvkit's throughput ÷
 * the peer's: above 1, mvkit is faster); each target's version, start time (spawn to the first
 * answered GetVersion), peak RSS (`VmHWM`) and answer checks (recall@10 against an exact scan);
 * the probe's p50/p99 per phase. Exits 1 when a target fails to start or run, or its answers are
 * wrong (`workloadProblems`).
 *
 * Usage: `node bench/dist/index.js server [--targets mvkit,milvus,milvus-lite] [--rows 100000]
 * [--batch 5000] [--searches 1000] [--queries 1000] [--recall-queries 100] [--probe-interval 10]
 * [--idle 2] [--mvkit-segment-max-rows <n>] [--json <file>]`. `mvkit serve` seals a segment every
 * 10,000 rows by default, Milvus 2.3.5 at 512 MiB (here: at the flush, one segment per partition);
 * `--mvkit-segment-max-rows 100000` gives mvkit the same layout.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { startProbe, stopProbe } from '../stall/probe-control.js';
import { now, splitSamples, windowStats, type ProbeResult, type WindowStats } from '../stall/samples.js';
import { ensureBenchPythonEnv } from './python-envs.js';
import { peakRssMiB, startTarget, TARGETS, type TargetName } from './targets.js';
import { MANY_OP_PHASES, PHASES, runWorkload, workloadProblems, type Phase, type WorkloadResult, type WorkloadSize } from './workload.js';

/** The stall benchmark's goal for a concurrent GetVersion's p99, ms. */
const PROBE_GOAL_MS = 100;
const LABELS: Record<TargetName, string> = { mvkit: 'mvkit', milvus: 'Milvus 2.3.5', 'milvus-lite': 'milvus-lite 3.2.2' };

/** What one target's run gave. */
interface TargetRun {
  name: TargetName;
  /** Why the target did not start or the workload failed. */
  failure?: string;
  startMs?: number;
  peakRssMiB?: number;
  result?: WorkloadResult;
  /** Probe latencies on the idle server before the workload, and during each phase. */
  probe?: { idle: WindowStats; phases: Record<Phase, WindowStats>; errors: number; firstError?: string };
  problems: string[];
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

function positiveInt(value: string): number {
  const n = nonNegativeInt(value);
  if (n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function targetList(value: string): TargetName[] {
  const names = value.split(',').map((s) => s.trim());
  for (const n of names) if (!(TARGETS as readonly string[]).includes(n)) throw new InvalidArgumentError(`unknown target ${n} (one of ${TARGETS.join(', ')})`);
  return names as TargetName[];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const fmt = (n: number | undefined | null, digits = 1) => (n === undefined || n === null || !Number.isFinite(n) ? '—' : n.toFixed(digits));
const int = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '—' : Math.round(n).toLocaleString('en-US'));

/** The probe's samples split by the workload's phases (each phase: every probe whose flight overlapped it). */
function probeByPhase(samples: ProbeResult, idleStart: number, result: WorkloadResult): NonNullable<TargetRun['probe']> {
  const first = result.clock.create[0];
  const phases = Object.fromEntries(PHASES.map((p) => [p, windowStats(splitSamples(samples, idleStart, ...result.clock[p]).during)])) as Record<Phase, WindowStats>;
  return { idle: windowStats(splitSamples(samples, idleStart, first, first).idle), phases, errors: samples.errors, ...(samples.firstError ? { firstError: samples.firstError } : {}) };
}

/** Starts one target, runs the workload with the probe beside it, stops the target. */
async function runTarget(name: TargetName, python: string, size: WorkloadSize, opts: { probeIntervalMs: number; idleMs: number; mvkitArgs: readonly string[] }): Promise<TargetRun> {
  const log = (line: string) => console.error(`[${name}] ${line}`);
  let target;
  try {
    target = await startTarget(name, log, opts.mvkitArgs);
  } catch (e) {
    return { name, failure: `did not start: ${(e as Error).message}`, problems: [] };
  }
  log(`ready on ${target.address} in ${fmt(target.startMs / 1000, 2)} s`);
  const run: TargetRun = { name, startMs: target.startMs, problems: [] };
  try {
    const probe = opts.probeIntervalMs > 0 ? await startProbe({ address: target.address, intervalMs: opts.probeIntervalMs }) : undefined;
    const idleStart = now();
    if (probe) await sleep(opts.idleMs);
    try {
      run.result = await runWorkload(python, target, size, { log });
      run.problems = workloadProblems(run.result, size);
    } catch (e) {
      run.failure = (e as Error).message;
    }
    run.peakRssMiB = peakRssMiB(target.pid);
    if (probe) {
      const { samples } = await stopProbe(probe, 30_000, () => target.stop());
      if (samples && run.result) run.probe = probeByPhase(samples, idleStart, run.result);
    }
  } finally {
    await target.stop();
  }
  return run;
}

/** A phase's cell: rows/s or ops/s with per-op p50/p99 for the phases of many operations, else the wall time. */
function phaseCell(run: TargetRun, phase: Phase): string {
  const t = run.result?.phases[phase];
  if (!t) return '—';
  if (!MANY_OP_PHASES.includes(phase)) return `${int(t.wall_ms)} ms`;
  const rate = phase === 'insert' ? `${int(t.rows_per_s)} rows/s` : `${int(t.ops_per_s)} ops/s`;
  return `${rate} (p50 ${fmt(t.p50_ms, 2)} / p99 ${fmt(t.p99_ms, 2)} ms)`;
}

/** Peer wall ÷ mvkit wall for a phase (or the sum of all phases): above 1, mvkit is faster. */
function ratioCell(mvkit: TargetRun | undefined, peer: TargetRun | undefined, phase: Phase | 'total'): string {
  const wall = (r: TargetRun | undefined) => (phase === 'total' ? totalMs(r) : r?.result?.phases[phase].wall_ms);
  const [m, p] = [wall(mvkit), wall(peer)];
  return m && p ? `${fmt(p / m, 2)}×` : '—';
}

function totalMs(r: TargetRun | undefined): number | undefined {
  return r?.result ? PHASES.reduce((sum, p) => sum + r.result!.phases[p].wall_ms, 0) : undefined;
}

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/** The Markdown report of the runs. */
function report(runs: readonly TargetRun[], size: WorkloadSize, probeIntervalMs: number): string {
  const by = (n: TargetName) => runs.find((r) => r.name === n);
  const mvkit = by('mvkit');
  const peers = runs.filter((r) => r.name !== 'mvkit');
  const lines: string[] = [];
  lines.push(`### Phases (${int(size.rows)} rows in batches of ${int(size.batch)}, ${int(size.searches)} searches of each kind, ${int(size.queries)} queries; one pymilvus client, sequential calls)`, '');
  lines.push(row(['phase', ...runs.map((r) => LABELS[r.name]), ...(mvkit ? peers.map((p) => `mvkit vs ${LABELS[p.name]}`) : [])]));
  lines.push(row(Array(1 + runs.length + (mvkit ? peers.length : 0)).fill('---')));
  for (const phase of PHASES) lines.push(row([phase, ...runs.map((r) => phaseCell(r, phase)), ...(mvkit ? peers.map((p) => ratioCell(mvkit, p, phase)) : [])]));
  lines.push(row(['**total**', ...runs.map((r) => `${int(totalMs(r))} ms`), ...(mvkit ? peers.map((p) => ratioCell(mvkit, p, 'total')) : [])]));
  lines.push('', `Ratios: the peer's wall time ÷ mvkit's for the phase (= mvkit's throughput ÷ the peer's). Above 1×, mvkit is faster; below, slower. insert: rows/s, p50/p99 per batch.`, '');
  lines.push('### Targets', '');
  lines.push(row(['', ...runs.map((r) => LABELS[r.name])]));
  lines.push(row(Array(1 + runs.length).fill('---')));
  lines.push(row(['server version (GetVersion)', ...runs.map((r) => r.result?.server_version ?? '—')]));
  lines.push(row(['start: spawn → first GetVersion answered', ...runs.map((r) => (r.startMs === undefined ? '—' : `${fmt(r.startMs / 1000, 2)} s`))]));
  lines.push(row(['peak RSS of the server process (VmHWM)', ...runs.map((r) => (r.peakRssMiB === undefined ? '—' : `${int(r.peakRssMiB)} MiB`))]));
  lines.push(row(['recall@10, exact L2 (all / partition p1)', ...runs.map((r) => (r.result ? `${fmt(r.result.checks.recall_at_10, 3)} / ${fmt(r.result.checks.recall_at_10_partition, 3)} (${r.result.checks.recall_queries} searches)` : '—'))]));
  lines.push(row(['answers checked', ...runs.map((r) => (r.failure ? `FAILED: ${r.failure.replace(/\|/g, '/')}` : r.problems.length ? `WRONG: ${r.problems.join('; ')}` : 'ok'))]));
  if (probeIntervalMs > 0) {
    lines.push('', `### Concurrent GetVersion while each phase runs (the stall benchmark's probe: every ${probeIntervalMs} ms, open-loop, own thread; p50 / p99 / max ms; goal p99 < ${PROBE_GOAL_MS} ms)`, '');
    lines.push(row(['window', ...runs.map((r) => LABELS[r.name])]));
    lines.push(row(Array(1 + runs.length).fill('---')));
    const cell = (s: WindowStats | undefined) => (s && s.n ? `${fmt(s.p50, 1)} / **${fmt(s.p99, 1)}** / ${fmt(s.max, 1)} (n ${s.n})` : '—');
    lines.push(row(['idle, before the workload', ...runs.map((r) => cell(r.probe?.idle))]));
    for (const phase of PHASES) lines.push(row([phase, ...runs.map((r) => cell(r.probe?.phases[phase]))]));
    lines.push(row(['worst phase p99 vs goal', ...runs.map((r) => {
      if (!r.probe) return '—';
      const worst = Math.max(...PHASES.map((p) => r.probe!.phases[p].p99).filter(Number.isFinite));
      return `${fmt(worst, 1)} ms: ${worst < PROBE_GOAL_MS ? 'PASS' : 'FAIL'}${r.probe.errors ? `, ${r.probe.errors} probe errors (${r.probe.firstError})` : ''}`;
    })]));
  }
  return lines.join('\n');
}

function commit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return dirty ? `${hash} (with uncommitted changes)` : hash;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const program = new Command('server')
    .description('the pymilvus workload against mvkit serve, Milvus 2.3.5 and milvus-lite, with ratios')
    .addOption(new Option('--targets <list>', `comma-separated targets (${TARGETS.join(', ')})`).default([...TARGETS], TARGETS.join(',')).argParser(targetList))
    .addOption(new Option('--rows <n>', 'rows inserted').default(100_000).argParser(positiveInt))
    .addOption(new Option('--batch <n>', 'rows per insert batch').default(5_000).argParser(positiveInt))
    .addOption(new Option('--searches <n>', 'searches of each kind').default(1_000).argParser(positiveInt))
    .addOption(new Option('--queries <n>', 'filtered queries').default(1_000).argParser(positiveInt))
    .addOption(new Option('--recall-queries <n>', 'searches checked against an exact scan').default(100).argParser(nonNegativeInt))
    .addOption(new Option('--mvkit-segment-max-rows <n>', "mvkit serve's --segment-max-rows (default: its own, 10,000)").argParser(positiveInt))
    .addOption(new Option('--probe-interval <ms>', 'ms between probe GetVersions (0: no probe)').default(10).argParser(nonNegativeInt))
    .addOption(new Option('--idle <s>', 'seconds of idle probe baseline before the workload').default(2).argParser(nonNegativeInt))
    .option('--json <file>', 'also write every figure as JSON to this file');
  program.parse(process.argv.slice(3), { from: 'user' });
  const o = program.opts<{ targets: TargetName[]; rows: number; batch: number; searches: number; queries: number; recallQueries: number; probeInterval: number; idle: number; mvkitSegmentMaxRows?: number; json?: string }>();
  const size: WorkloadSize = { rows: o.rows, batch: o.batch, searches: o.searches, queries: o.queries, recallQueries: o.recallQueries };
  const mvkitArgs = o.mvkitSegmentMaxRows === undefined ? [] : ['--segment-max-rows', String(o.mvkitSegmentMaxRows)];
  const env = await ensureBenchPythonEnv('milvus-2.3');
  const started = new Date();
  const header = `# server bench — ${started.toISOString()} — commit ${commit()} — node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} — client pymilvus ${env.pymilvus} — mvkit serve ${mvkitArgs.join(' ') || '(default flags)'}`;
  console.log(header);
  const runs: TargetRun[] = [];
  for (const name of o.targets) {
    runs.push(await runTarget(name, env.python, size, { probeIntervalMs: o.probeInterval, idleMs: o.idle * 1000, mvkitArgs }));
    console.error(`[${name}] done; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  }
  console.log(`\n${report(runs, size, o.probeInterval)}\n\nfinished ${new Date().toISOString()}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  if (o.json) writeFileSync(o.json, `${JSON.stringify({ header, size, runs }, null, 2)}\n`);
  process.exit(runs.every((r) => !r.failure && r.problems.length === 0) ? 0 : 1);
}

await main();
