/**
 * Retries of `MilvusClient`: which failures are retried, and the backoff between attempts.
 *
 * @packageDocumentation
 */
import { Merr, MilvusError, timeLeft } from '@mvkit/core';
import { sleep } from './sleep.js';

/** Retries of a call when none are given: 2, so 3 attempts (see {@link RetryBackoff}). */
export const DEFAULT_MAX_RETRIES = 2;

/**
 * The backoff between attempts: exponential with full jitter, the AWS SDK's "standard" scheme.
 * Before retry `n` (1, 2, …) the client waits `random() * min(maxDelay, baseDelay * 2^(n-1))`
 * milliseconds, so retries of many clients spread out instead of arriving together.
 */
export interface RetryBackoff {
  /** Cap of the first retry's delay, in ms; default 500 (the openai-node / Stainless SDKs' initial delay). */
  baseDelay?: number;
  /** Largest delay cap, in ms; default 8000 (the Stainless SDKs' maximum). */
  maxDelay?: number;
  /** Source of jitter in [0, 1); default `Math.random`. */
  random?: () => number;
}

/** How one call is retried: its attempts, backoff, deadline and signal. */
export interface RetryPlan {
  /** Whether the operation may be sent again (`OPERATIONS[op].idempotent`). */
  idempotent: boolean;
  maxRetries: number;
  backoff: Required<RetryBackoff>;
  /** Absolute deadline (epoch ms) of the whole call; no retry starts after it. */
  deadline: number | undefined;
  signal: AbortSignal | undefined;
}

/** The default backoff, completed with the client's overrides. */
export function backoffOf(options: RetryBackoff = {}): Required<RetryBackoff> {
  return { baseDelay: options.baseDelay ?? 500, maxDelay: options.maxDelay ?? 8000, random: options.random ?? Math.random };
}

/**
 * Whether a failure may succeed on a new attempt of the same call: a MilvusError with `retriable`
 * set (the server's status, e.g. 8 rate limit, 1 not ready; or a `MilvusConnectionError`: refused,
 * reset, gRPC UNAVAILABLE, HTTP 502/503/504; or HTTP 429), except a timeout or an abort of this
 * call (its deadline covers every attempt, its signal every wait).
 */
export function isRetriable(error: unknown): boolean {
  return MilvusError.is(error) && error.retriable && !(error.origin !== 'server' && (error.code === Merr.Timeout.code || error.code === Merr.Canceled.code));
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retriable error, the retries are spent, or
 * the next retry could not start before the deadline (then the last failure is thrown). Each
 * attempt gets the time left before the deadline as its `timeout`.
 * @throws the last attempt's error; MilvusAbortError (10000) when `signal` aborts during a backoff.
 */
export async function withRetries<T>(plan: RetryPlan, attempt: (timeout: number) => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt(timeLeft(plan.deadline, retry === 0 ? 'the call' : `retry ${retry}`));
    } catch (e) {
      if (!plan.idempotent || retry >= plan.maxRetries || !isRetriable(e)) throw e;
      const cap = Math.min(plan.backoff.maxDelay, plan.backoff.baseDelay * 2 ** retry);
      const delay = plan.backoff.random() * cap;
      if (plan.deadline !== undefined && Date.now() + delay >= plan.deadline) throw e;
      await sleep(delay, plan.signal, 'retry backoff');
    }
  }
}
