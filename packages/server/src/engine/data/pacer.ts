import { MilvusError } from '@mvkit/core';

/**
 * Runs `callback` on a later turn of the event loop, after pending I/O: `setImmediate` where it
 * exists (Node), else a zero-delay timer (browsers, workers).
 */
export const onNextTurn: (callback: () => void) => void =
  typeof setImmediate === 'function' ? (callback) => void setImmediate(callback) : (callback) => void setTimeout(callback, 0);

/** Yields to the event loop ({@link onNextTurn}). */
const nextTurn = (): Promise<void> => new Promise((resolve) => onNextTurn(resolve));

/**
 * Cooperative time slicing for the engine's long loops (inserting, scanning, searching), so that
 * one large request never holds the single event loop for long: the loop calls `due()` once per
 * unit of work and awaits `pause()` when it says so; other clients' calls run in between.
 *
 * ```ts
 * for (const row of rows) { work(row); if (pacer.due()) await pacer.pause(); }
 * ```
 *
 * A request that yields may see the effects of others that ran in between (as with Milvus's
 * concurrent requests); the rules that make a request atomic (validate every row, then write) are
 * the engine's.
 */
export class Pacer {
  #deadline: number;
  #count = 0;

  /**
   * @param sliceMs - longest stretch, in ms, that a loop holds the event loop between pauses.
   * @param signal - aborts the work at the next pause (e.g. the server shutting down).
   */
  constructor(
    readonly sliceMs = 10,
    readonly signal?: AbortSignal,
  ) {
    this.#deadline = performance.now() + sliceMs;
  }

  /**
   * Whether the slice is used up. The clock is read once every `every` calls, so call it per cheap
   * unit (a row) with the default, or with `every` 1 per expensive one (an index search).
   */
  due(every = 64): boolean {
    if (++this.#count < every) return false;
    this.#count = 0;
    return performance.now() >= this.#deadline;
  }

  /**
   * Lets the event loop run, then starts a new slice.
   * @throws MilvusError 65535 `request canceled: <reason>` when the signal was aborted.
   */
  async pause(): Promise<void> {
    await nextTurn();
    if (this.signal?.aborted) throw new MilvusError(`request canceled: ${String(this.signal.reason ?? 'aborted')}`);
    this.#deadline = performance.now() + this.sliceMs;
  }
}
