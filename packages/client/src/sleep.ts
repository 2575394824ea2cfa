import { Merr, MilvusAbortError } from '@mvkit/core';

/**
 * Waits `ms` milliseconds, or rejects with MilvusAbortError (10000, origin `client`) as soon as
 * `signal` aborts (at once when it already has).
 * @param during - what the wait is for, for the message (`retry backoff`, `load polling`).
 */
export function sleep(ms: number, signal: AbortSignal | undefined, during: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => reject(new MilvusAbortError(`${Merr.Canceled.message}: aborted during ${during}`, { origin: 'client', cause: signal?.reason }));
    if (signal?.aborted) return aborted();
    const onAbort = () => {
      clearTimeout(timer);
      aborted();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
