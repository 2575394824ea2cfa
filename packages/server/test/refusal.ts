import { MilvusError } from '@mvkit/core';

/** The code and message of the error `fn` throws; fails the test when it throws nothing. */
export function refusal(fn: () => unknown): { code: number; message: string } {
  try {
    fn();
  } catch (e) {
    return { code: (e as { code: number }).code, message: (e as Error).message };
  }
  throw new Error('expected an error, and the call was accepted');
}

/** The code and reason of the MilvusError `fn` throws; fails when it throws nothing, rethrows any other error. */
export function refused(fn: () => unknown): { code: number; reason: string } {
  try {
    fn();
  } catch (e) {
    if (!MilvusError.is(e)) throw e;
    return { code: e.code, reason: e.reason };
  }
  throw new Error('expected a MilvusError, and the call was accepted');
}

/** {@link refused} for a call that may return a promise: the MilvusError it throws or rejects with. */
export async function rejected(fn: () => unknown): Promise<{ code: number; reason: string }> {
  try {
    await fn();
  } catch (e) {
    if (!MilvusError.is(e)) throw e;
    return { code: e.code, reason: e.reason };
  }
  throw new Error('expected a MilvusError, and the call was accepted');
}
