/**
 * Call deadlines: the default, and the arithmetic every transport and the client share so that
 * one deadline covers a whole call (its connect, its schema lookup, its retries, its waits).
 *
 * @packageDocumentation
 */
import { Merr } from './merr.js';
import { MilvusError, MilvusTimeoutError } from './milvus-error.js';

/**
 * Default deadline of one call, in milliseconds: 15 s, the official Node SDK's default
 * (`DEFAULT_CONNECT_TIMEOUT`, applied there to every gRPC call). Long enough for any unary Milvus
 * call on a healthy server (a search of millions of vectors answers in well under a second),
 * short enough that a server that accepts connections and never answers fails the call instead
 * of hanging it.
 */
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The absolute deadline (epoch ms) of a call that starts now: `timeout` ms away, else `fallback`
 * ms away; `undefined` (no deadline) when the chosen value is `0` or `Infinity`.
 * @throws MilvusError 1100 (origin `client`) for a negative or non-numeric timeout.
 */
export function callDeadline(timeout: number | undefined, fallback: number | undefined = DEFAULT_TIMEOUT_MS): number | undefined {
  const ms = timeout ?? fallback ?? DEFAULT_TIMEOUT_MS;
  if (typeof ms !== 'number' || Number.isNaN(ms) || ms < 0) {
    throw MilvusError.parameterInvalid('timeout must be a number of milliseconds, 0 or Infinity for none', { expected: '>= 0', actual: String(ms) }, { origin: 'client' });
  }
  return ms === 0 || ms === Infinity ? undefined : Date.now() + ms;
}

/**
 * Milliseconds left before `deadline`, as a `timeout` for the next step of the call: `Infinity`
 * for no deadline (which {@link callDeadline} reads as none again).
 * @param what - what was being done, for the message (`connect`, `retry`, `waiting for load`).
 * @throws MilvusTimeoutError (10001, origin `client`) once the deadline has passed.
 */
export function timeLeft(deadline: number | undefined, what: string): number {
  if (deadline === undefined) return Infinity;
  const left = deadline - Date.now();
  if (left <= 0) throw new MilvusTimeoutError(`${Merr.Timeout.message}: deadline passed before ${what}`, { origin: 'client' });
  return left;
}
