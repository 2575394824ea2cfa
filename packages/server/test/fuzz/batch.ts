import type { Rng } from './rng.js';
import type { Limits } from './values.js';

/** Options of one batch of any of the fuzzers. */
export interface BatchOptions {
  readonly rng: Rng;
  readonly limits: Limits;
  /** Cases per RPC or route (half generated, half mutated), or stream cases in all. */
  readonly cases: number;
  /**
   * Called after each case with its problem (if any): false stops the batch (time is up, or the
   * server died or stopped answering).
   */
  readonly proceed: (problem: string | undefined) => Promise<boolean>;
  /** Called after the cases of each RPC or route (the campaign repairs the fixture there). */
  readonly between?: () => Promise<void>;
  /** Called before each case is sent (the script remembers the case in flight to blame a crash). */
  readonly onCase?: (repro: string) => void;
}
