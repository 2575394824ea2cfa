/**
 * Hashed membership of row values among filter constants: the `in` list of a term expression and
 * the element lists of `json_contains*` / `array_contains*`, looked up in O(1) per value instead
 * of comparing with every constant.
 *
 * Equality is the one {@link cmpValueConst} implements (segcore's `TermExpr` and
 * `JsonContainsExpr`): numbers by value across int64 and double (`1 == 1.0`, exact for int64
 * beyond 2^53), strings by code unit, bools by value, values of different kinds never equal, NaN
 * equal to nothing, and an array constant equal to a row array element by element. Scalars are
 * hashed by a key that is equal exactly when the values are (see {@link scalarKey}); the rare
 * array constants are compared one by one.
 *
 * @packageDocumentation
 */
import { arrayEqualsConst, type Const } from './values.js';

/** The key of a value that cannot be hashed (NaN, arrays, objects, null, …). */
const NO_KEY: unique symbol = Symbol('no key');

/**
 * The hash key of a scalar row value or constant: SameValueZero-equal keys exactly for values that
 * compare equal. Integers within ±(2^53 − 1) become numbers, larger ones bigints, so an int64
 * given as a number or as a bigint gets one key; other numbers (fractions, ±Infinity) stay numbers.
 */
function scalarKey(v: unknown): unknown {
  switch (typeof v) {
    case 'bigint': {
      const n = Number(v);
      return Number.isSafeInteger(n) ? n : v;
    }
    case 'number':
      if (Number.isNaN(v)) return NO_KEY;
      return Number.isInteger(v) && !Number.isSafeInteger(v) ? BigInt(v) : v;
    case 'string':
    case 'boolean':
      return v;
    default:
      return NO_KEY;
  }
}

/** A set of filter constants that row values are looked up in. */
export class ValueSet {
  private readonly keys = new Set<unknown>();
  private readonly arrays: (readonly Const[])[] = [];

  /**
   * An empty set; fill it with {@link add}.
   * @param float32 - whether the column holds float32 values: doubles are then rounded to float32
   *   on both sides before comparing, as segcore compares a Float column.
   */
  constructor(private readonly float32: boolean) {}

  /** Adds a constant (already cast to the column's type). */
  add(c: Const): void {
    if (c.t === 'arr') this.arrays.push(c.v);
    else {
      const key = scalarKey(this.float32 && c.t === 'float' ? Math.fround(c.v) : c.v);
      if (key !== NO_KEY) this.keys.add(key);
    }
  }

  /** Whether a row value equals one of the constants. */
  has(x: unknown): boolean {
    if (Array.isArray(x)) return this.arrays.some((c) => arrayEqualsConst(x, c));
    return this.keys.has(this.keyOf(x));
  }

  /** Whether some element of a row array equals one of the constants (`contains_any`). */
  hasAny(values: readonly unknown[]): boolean {
    return values.some((x) => this.has(x));
  }

  /**
   * Whether every constant equals some element of a row array (`contains_all`): O(elements), as
   * one element can only stand for one distinct scalar constant.
   */
  allIn(values: readonly unknown[]): boolean {
    if (this.keys.size > values.length) return false;
    const found = new Set<unknown>();
    for (const x of values) {
      if (Array.isArray(x)) continue;
      const key = this.keyOf(x);
      if (this.keys.has(key)) found.add(key);
    }
    if (found.size !== this.keys.size) return false;
    return this.arrays.every((c) => values.some((x) => Array.isArray(x) && arrayEqualsConst(x, c)));
  }

  private keyOf(x: unknown): unknown {
    return scalarKey(this.float32 && typeof x === 'number' ? Math.fround(x) : x);
  }
}
