import { seededRandom } from '../random.js';

/**
 * A seeded source of random choices for the fuzzers (mulberry32 underneath, see `../random.ts`):
 * the same seed gives the same cases, so every run prints its seed and can be replayed.
 */
export class Rng {
  readonly #next: () => number;

  /** @param seed - any 32-bit integer; printed by the fuzzers so a run can be replayed. */
  constructor(readonly seed: number) {
    this.#next = seededRandom(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.#next();
  }

  /** An integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.#next() * (hi - lo + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.#next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#next() * items.length)]!;
  }

  /** Picks by weight: `[[weight, value], ...]`. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((s, [w]) => s + w, 0);
    let r = this.#next() * total;
    for (const [w, v] of choices) {
      r -= w;
      if (r < 0) return v;
    }
    return choices[choices.length - 1]![1];
  }

  /** `n` random bytes. */
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(this.#next() * 256);
    return out;
  }

  /** A length that is usually small and sometimes up to `max` (log-uniform). */
  size(max: number): number {
    return Math.min(max, Math.floor(Math.exp(this.#next() * Math.log(max + 1))));
  }

  /** A new generator seeded from this one (for a sub-sequence that can be replayed alone). */
  fork(): Rng {
    return new Rng(Math.floor(this.#next() * 2 ** 32) | 0);
  }
}
