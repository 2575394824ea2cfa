/**
 * Runs `workload.py` (the one pymilvus program of the server benchmark) against a target and
 * parses the JSON object it prints.
 *
 * @packageDocumentation
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** `workload.py` (the same path from `src/server/` and `dist/server/`). */
export const WORKLOAD = fileURLToPath(new URL('../../src/server/workload.py', import.meta.url));

/** The phases of the workload, in the order they run. */
export const PHASES = ['create', 'insert', 'flush', 'index', 'load', 'search', 'search_partition', 'query'] as const;
/** One phase of {@link PHASES}. */
export type Phase = (typeof PHASES)[number];
/** The phases made of many timed operations (per-op latencies, ops/s). */
export const MANY_OP_PHASES: readonly Phase[] = ['insert', 'search', 'search_partition', 'query'];

/** Sizes of one workload run (`workload.py` flags). */
export interface WorkloadSize {
  /** Rows inserted (default 100,000). */
  rows: number;
  /** Rows per insert batch (default 5,000); batches alternate between the two partitions. */
  batch: number;
  /** Searches of each search phase (default 1,000). */
  searches: number;
  /** Queries (default 1,000). */
  queries: number;
  /** Searches whose recall@10 is checked against an exact scan (default 100). */
  recallQueries: number;
}

/** The sizes of issue 15: 100k rows in batches of 5,000, 1,000 searches of each kind, 1,000 queries. */
export const FULL_SIZE: WorkloadSize = { rows: 100_000, batch: 5_000, searches: 1_000, queries: 1_000, recallQueries: 100 };

/** Timing of one phase, ms; the latency fields only for {@link MANY_OP_PHASES}. */
export interface PhaseTiming {
  wall_ms: number;
  ops?: number;
  p50_ms?: number;
  p99_ms?: number;
  ops_per_s?: number;
  /** Insert only: rows per second over the phase. */
  rows_per_s?: number;
}

/** What `workload.py` prints. */
export interface WorkloadResult {
  /** The client's pymilvus version. */
  pymilvus: string;
  /** `utility.get_server_version()` of the target. */
  server_version: string;
  config: Record<string, unknown>;
  phases: Record<Phase, PhaseTiming>;
  /** Each phase's [start, end], epoch ms (the caller's `performance.timeOrigin + performance.now()` clock). */
  clock: Record<Phase, [number, number]>;
  checks: {
    entities_after_flush: number;
    index_progress: { indexed_rows?: number; total_rows?: number };
    /** Fewest hits of a search without partition (10 when every search filled its top 10). */
    search_hits_min: number;
    search_hits_total: number;
    search_partition_hits_min: number;
    /** Hits of the partition searches that are not rows of the named partition (0 when right). */
    search_partition_foreign_ids: number;
    query_rows_total: number;
    /** Query rows whose category is not the one filtered on (0 when right). */
    query_rows_wrong_category: number;
    recall_at_10: number | null;
    recall_at_10_partition: number | null;
    recall_queries: number;
  };
}

/**
 * What is wrong with a run's answers, empty when nothing: a search without a full top 10, a
 * partition search returning another partition's row, a query row of another category, or a
 * row count after flush other than the rows inserted.
 */
export function workloadProblems(r: WorkloadResult, size: WorkloadSize): string[] {
  const c = r.checks;
  const problems: string[] = [];
  if (c.entities_after_flush !== size.rows) problems.push(`${c.entities_after_flush} entities after flush, expected ${size.rows}`);
  if (c.search_hits_min < 10) problems.push(`a search returned ${c.search_hits_min} hits`);
  if (c.search_partition_hits_min < 10) problems.push(`a partition search returned ${c.search_partition_hits_min} hits`);
  if (c.search_partition_foreign_ids > 0) problems.push(`${c.search_partition_foreign_ids} partition-search hits from the other partition`);
  if (c.query_rows_wrong_category > 0) problems.push(`${c.query_rows_wrong_category} query rows of another category`);
  return problems;
}

/**
 * Runs `python workload.py --host <host> --port <port> …` and resolves to its JSON. The
 * program's stderr (progress lines) goes to `log`. Killed after `timeoutMs` (default 30 min).
 *
 * @param python - an interpreter that imports pymilvus (the milvus-2.3 venv's, pymilvus 2.3.7).
 * @throws Error when the program exits non-zero (with its last stderr lines) or prints no JSON.
 */
export function runWorkload(python: string, target: { host: string; port: number }, size: WorkloadSize, options: { log?: (line: string) => void; timeoutMs?: number } = {}): Promise<WorkloadResult> {
  const args = [WORKLOAD, '--host', target.host, '--port', String(target.port), '--rows', String(size.rows), '--batch', String(size.batch), '--searches', String(size.searches), '--queries', String(size.queries), '--recall-queries', String(size.recallQueries)];
  const child = spawn(python, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' } });
  const log = options.log ?? (() => undefined);
  let out = '';
  const err: string[] = [];
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  let partial = '';
  child.stderr.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      err.push(line);
      log(line);
    }
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 1_800_000);
  return new Promise((resolve, reject) => {
    child.once('error', (e) => reject(new Error(`cannot run ${python} ${WORKLOAD}: ${e.message}`)));
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (partial) err.push(partial);
      if (code !== 0) return reject(new Error(`workload.py exited with ${signal ?? `code ${code}`}: ${err.slice(-5).join(' | ')}`));
      try {
        resolve(JSON.parse(out) as WorkloadResult);
      } catch {
        reject(new Error(`workload.py printed no JSON object: ${out.slice(0, 200)}`));
      }
    });
  });
}
