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
 * array constants are compared one by one. A set built in one thread can be packed (its keys sorted
 * into arrays) and looked up in another by binary search, without building a hash set there.
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

/**
 * A {@link ValueSet}'s contents in a form that crosses a thread boundary cheaply (a few arrays, the
 * numbers in one typed array to transfer) and is looked up without rebuilding a hash set:
 * the keys of each kind sorted, for binary search.
 */
export interface PackedValueSet {
  float32: boolean;
  /** Number keys, ascending (no NaN). */
  numbers: Float64Array;
  /** Bigint keys (integers beyond ±(2^53 − 1)), ascending. */
  bigints: bigint[];
  /** String keys, ascending by UTF-16 code unit. */
  strings: string[];
  /** Bool keys: [has false, has true]. */
  bools: [boolean, boolean];
  arrays: (readonly Const[])[];
}

/** Index of the first element of sorted `a` not less than `x`. */
function lowerBound<T>(a: ArrayLike<T>, x: T): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Keys looked up by binary search in the sorted arrays of a {@link PackedValueSet}: O(log n) per lookup, nothing to build. */
class SortedKeys {
  readonly size: number;

  constructor(private readonly p: PackedValueSet) {
    this.size = p.numbers.length + p.bigints.length + p.strings.length + (p.bools[0] ? 1 : 0) + (p.bools[1] ? 1 : 0);
  }

  has(key: unknown): boolean {
    switch (typeof key) {
      case 'number':
        return this.p.numbers[lowerBound(this.p.numbers, key)] === key;
      case 'bigint':
        return this.p.bigints[lowerBound(this.p.bigints, key)] === key;
      case 'string':
        return this.p.strings[lowerBound(this.p.strings, key)] === key;
      case 'boolean':
        return this.p.bools[key ? 1 : 0];
      default:
        return false;
    }
  }
}

/** A set of filter constants that row values are looked up in. */
export class ValueSet {
  private readonly keys: Set<unknown> | SortedKeys;
  private readonly arrays: (readonly Const[])[];

  /**
   * An empty set to fill with {@link add}, or, given `packed`, the set {@link pack} gave (looked up
   * by binary search: nothing is rebuilt, and nothing can be added).
   * @param float32 - whether the column holds float32 values: doubles are then rounded to float32
   *   on both sides before comparing, as segcore compares a Float column.
   */
  constructor(
    private readonly float32: boolean,
    packed?: PackedValueSet,
  ) {
    this.keys = packed ? new SortedKeys(packed) : new Set<unknown>();
    this.arrays = packed ? packed.arrays : [];
  }

  /**
   * The set's contents, sorted by kind, for another thread (which restores it with `new ValueSet(float32, packed)`).
   * @throws Error for a set made from a packed one.
   */
  pack(): PackedValueSet {
    if (!(this.keys instanceof Set)) throw new Error('ValueSet.pack: the set is packed already');
    const numbers: number[] = [];
    const bigints: bigint[] = [];
    const strings: string[] = [];
    const bools: [boolean, boolean] = [false, false];
    for (const key of this.keys) {
      if (typeof key === 'number') numbers.push(key);
      else if (typeof key === 'bigint') bigints.push(key);
      else if (typeof key === 'string') strings.push(key);
      else if (typeof key === 'boolean') bools[key ? 1 : 0] = true;
    }
    const ascending = <T>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);
    return { float32: this.float32, numbers: Float64Array.from(numbers).sort(), bigints: bigints.sort(ascending), strings: strings.sort(ascending), bools, arrays: this.arrays };
  }

  /** Adds a constant (already cast to the column's type). */
  add(c: Const): void {
    if (!(this.keys instanceof Set)) throw new Error('ValueSet.add: a packed set is read-only');
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
