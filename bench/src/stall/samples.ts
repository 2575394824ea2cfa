/**
 * Probe samples of the stall benchmark: the worker's input and output, the clock both threads
 * share, and the split of samples into the idle baseline and the request window.
 *
 * @packageDocumentation
 */
import { percentile } from '../stats.js';

/** What the probe worker is started with. */
export interface ProbeInput {
  /** gRPC address `host:port`. */
  address: string;
  /** Milliseconds between probe departures. */
  intervalMs: number;
}

/** Samples of one probe run. */
export interface ProbeResult {
  /** Departure times, ms on the shared clock ({@link now}). */
  starts: number[];
  /** Latencies, ms, index-aligned with `starts`. */
  latencies: number[];
  /** Probes that failed (their latencies are recorded too: the time until the failure). */
  errors: number;
  /** The first failure's message, if any. */
  firstError?: string;
}

/** Milliseconds on a clock shared by all threads of the process (`performance.timeOrigin + performance.now()`). */
export const now = (): number => performance.timeOrigin + performance.now();

/** Distribution of probe latencies in one window, ms. */
export interface WindowStats {
  /** Number of probes in the window. */
  n: number;
  p50: number;
  p99: number;
  max: number;
}

/** p50 / p99 (nearest rank, `stats.ts`) and max of a sample of latencies. */
export function windowStats(latencies: readonly number[]): WindowStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN };
}

/**
 * Splits probe samples around a request that ran from `t0` to `t1` (shared clock): `idle` holds
 * the probes that left at or after `idleStart` and were answered before `t0`; `during` every
 * probe whose flight overlapped the request (left before `t1`, answered after `t0`), so a probe
 * sent just before the request and held up by it counts.
 */
export function splitSamples(r: ProbeResult, idleStart: number, t0: number, t1: number): { idle: number[]; during: number[] } {
  const idle: number[] = [];
  const during: number[] = [];
  r.starts.forEach((start, i) => {
    const end = start + r.latencies[i]!;
    if (start >= idleStart && end < t0) idle.push(r.latencies[i]!);
    else if (start < t1 && end > t0) during.push(r.latencies[i]!);
  });
  return { idle, during };
}
