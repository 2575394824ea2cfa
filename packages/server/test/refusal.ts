/** The code and message of the error `fn` throws; fails the test when it throws nothing. */
export function refusal(fn: () => unknown): { code: number; message: string } {
  try {
    fn();
  } catch (e) {
    return { code: (e as { code: number }).code, message: (e as Error).message };
  }
  throw new Error('expected an error, and the call was accepted');
}
