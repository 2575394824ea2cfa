import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBenchPythonEnv, type BenchPythonEnv } from '../src/server/python-envs.js';
import { peakRssMiB, startMvkit, type Target } from '../src/server/targets.js';
import { MANY_OP_PHASES, PHASES, runWorkload, workloadProblems, type WorkloadResult, type WorkloadSize } from '../src/server/workload.js';

// The server benchmark's pymilvus workload (bench/src/server/workload.py) at a tiny size against
// `mvkit serve` only, with the benchmark's client (pymilvus 2.3.7, the milvus-2.3 environment,
// which the first use installs: up to ~3 min, outside the test's own 60 s).
const TINY: WorkloadSize = { rows: 2_000, batch: 500, searches: 20, queries: 20, recallQueries: 20 };

describe('the server benchmark workload against mvkit serve', () => {
  let env: BenchPythonEnv;
  let target: Target;
  let result: WorkloadResult;
  beforeAll(async () => {
    env = await ensureBenchPythonEnv('milvus-2.3', () => undefined);
    target = await startMvkit();
  }, 600_000);
  afterAll(async () => {
    await target?.stop();
  });

  it('runs every phase and prints one JSON object of their timings', async () => {
    result = await runWorkload(env.python, target, TINY);
    expect(result.pymilvus).toBe('2.3.7');
    expect(result.config).toMatchObject({ rows: 2_000, batch: 500, searches: 20, queries: 20, dim: 128, top_k: 10 });
    expect(Object.keys(result.phases)).toEqual([...PHASES]);
    for (const phase of PHASES) {
      const t = result.phases[phase];
      expect(t.wall_ms, phase).toBeGreaterThan(0);
      const [start, end] = result.clock[phase];
      expect(end, phase).toBeGreaterThanOrEqual(start);
      if (MANY_OP_PHASES.includes(phase)) {
        expect(t.ops, phase).toBe(phase === 'insert' ? 4 : 20);
        expect(t.p50_ms!, phase).toBeGreaterThan(0);
        expect(t.p99_ms!, phase).toBeGreaterThanOrEqual(t.p50_ms!);
        expect(t.ops_per_s!, phase).toBeCloseTo((t.ops! / t.wall_ms) * 1000, 6);
      }
    }
    // The phases ran in order, on the caller's clock (epoch ms).
    const starts = PHASES.map((p) => result.clock[p][0]);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(Math.abs(starts[0]! - Date.now())).toBeLessThan(60_000);
    expect(peakRssMiB(target.pid)).toBeGreaterThan(10);
  }, 60_000);

  it('got full top-10 hits from the right partition, the right query rows and a near-exact recall', () => {
    expect(result, 'the workload did not run').toBeDefined();
    const c = result.checks;
    expect(workloadProblems(result, TINY)).toEqual([]);
    expect(c.entities_after_flush).toBe(2_000);
    expect(c.search_hits_total).toBe(200);
    expect(c.search_partition_hits_min).toBe(10);
    expect(c.search_partition_foreign_ids).toBe(0);
    expect(c.query_rows_total).toBe(200);
    expect(c.query_rows_wrong_category).toBe(0);
    expect(c.recall_queries).toBe(20);
    expect(c.recall_at_10!).toBeGreaterThan(0.9);
    expect(c.recall_at_10_partition!).toBeGreaterThan(0.9);
  });

  it('names what is wrong with a run whose answers are wrong', () => {
    const wrong: WorkloadResult = { ...result, checks: { ...result.checks, entities_after_flush: 1_999, search_hits_min: 3, search_partition_foreign_ids: 2, query_rows_wrong_category: 1 } };
    expect(workloadProblems(wrong, TINY)).toEqual(['1999 entities after flush, expected 2000', 'a search returned 3 hits', '2 partition-search hits from the other partition', '1 query rows of another category']);
  });
});
