/** Latency summary of a sample of durations in milliseconds. */
export interface LatencySummary {
  /** Median, ms. */
  p50: number;
  /** 99th percentile, ms. */
  p99: number;
  /** Completed operations per second over the whole run. */
  opsPerSec: number;
}

/** Percentile (0–100) of a sorted sample, nearest-rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Summarises per-operation latencies (ms) and the wall time (ms) they took together. */
export function summarise(latencies: number[], wallMs: number): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), opsPerSec: (latencies.length / wallMs) * 1000 };
}

/**
 * Runs `op` `calls` times with `concurrency` in flight, after a warm-up of `warmup` sequential
 * calls (default min(500, calls)); returns the latency summary.
 */
export async function measure(op: () => Promise<unknown>, calls: number, concurrency: number, warmup = Math.min(500, calls)): Promise<LatencySummary> {
  for (let i = 0; i < warmup; i++) await op();
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < calls) {
        const t = performance.now();
        await op();
        latencies.push(performance.now() - t);
      }
    }),
  );
  return summarise(latencies, performance.now() - start);
}
