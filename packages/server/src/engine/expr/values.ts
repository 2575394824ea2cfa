/**
 * Constants of filter expressions (Milvus's `planpb.GenericValue`) and the comparisons the
 * evaluator runs on row values.
 *
 * @packageDocumentation
 */

/** A constant as Milvus types it: int64, double, string, bool or an array of constants. */
export type Const =
  | { t: 'int'; v: bigint }
  | { t: 'float'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'arr'; v: Const[] };

/** A field value that is null (nullable field without value). Comparisons on it are unknown. */
export const NULL: unique symbol = Symbol('null');
/** A JSON path / dynamic key / array index that is not there. */
export const MISSING: unique symbol = Symbol('missing');

/** What a column yields for one row. */
export type Cell = unknown;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Wraps to int64 as Go's arithmetic does. */
export function wrap64(v: bigint): bigint {
  return v < INT64_MIN || v > INT64_MAX ? BigInt.asIntN(64, v) : v;
}

/** The planpb data type name of a constant (`Int64`, `Double`, `VarChar`, `Bool`, `Array`). */
export function constType(c: Const): string {
  switch (c.t) {
    case 'int': return 'Int64';
    case 'float': return 'Double';
    case 'str': return 'VarChar';
    case 'bool': return 'Bool';
    case 'arr': return 'Array';
  }
}

/** Element type of an array constant when all its elements share one, else `None`. */
export function arrayElementType(c: Const): string {
  if (c.t !== 'arr' || c.v.length === 0) return 'None';
  const first = constType(c.v[0]!);
  return c.v.every((e) => constType(e) === first) ? first : 'None';
}

function formatFloat(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
  return String(v);
}

/**
 * Proto text form of a constant, as Go prints a `GenericValue` in error messages.
 * @param max - stop adding array elements once the text is longer than this (the caller clips).
 */
export function constText(c: Const, max = Infinity): string {
  switch (c.t) {
    case 'int': return `int64_val:${c.v}`;
    case 'float': return `float_val:${formatFloat(c.v)}`;
    case 'str': return `string_val:${JSON.stringify(c.v)}`;
    case 'bool': return `bool_val:${c.v}`;
    case 'arr': {
      let out = 'array_val:{';
      for (let i = 0; i < c.v.length && out.length <= max; i++) out += `${i > 0 ? ' ' : ''}array:{${constText(c.v[i]!, max)}}`;
      return `${out}}`;
    }
  }
}

/** Compares two numbers exactly (int64 as bigint, doubles as numbers); NaN when unordered. */
export function cmpNum(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
  if (typeof a === 'bigint') return -cmpNum(b, a);
  // a is a number, b a bigint
  const x = a as number;
  const y = b as bigint;
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return -1;
  if (Number.isInteger(x)) {
    const bx = BigInt(x);
    return bx < y ? -1 : bx > y ? 1 : 0;
  }
  const fl = BigInt(Math.floor(x));
  return fl < y ? -1 : 1;
}

/** Compares strings by code point (the order of their UTF-8 bytes, as Go and C++ compare). */
export function cmpStr(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const surrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;
    if (surrogate(x) || surrogate(y)) {
      const cx = a.codePointAt(i)!;
      const cy = b.codePointAt(i)!;
      if (cx !== cy) return cx < cy ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** Whether a JS value is a number for comparison purposes (number or bigint). */
export function isNum(v: unknown): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

/** The JS value of a constant (int64 → bigint). */
export function constValue(c: Const): unknown {
  return c.t === 'arr' ? c.v.map(constValue) : c.v;
}

/**
 * Compares a row value with a constant of the same kind: numbers numerically, strings by code
 * point, bools false < true. Returns `undefined` when the kinds differ (a JSON value of another
 * type) and NaN when unordered.
 */
export function cmpValueConst(x: unknown, c: Const): number | undefined {
  switch (c.t) {
    case 'int':
    case 'float':
      return isNum(x) ? cmpNum(x, c.v) : undefined;
    case 'str':
      return typeof x === 'string' ? cmpStr(x, c.v) : undefined;
    case 'bool':
      return typeof x === 'boolean' ? (x === c.v ? 0 : x ? 1 : -1) : undefined;
    case 'arr':
      return Array.isArray(x) ? (arrayEqualsConst(x, c.v) ? 0 : NaN) : undefined;
  }
}

/** Element-wise equality of a row array with an array constant (numbers compared by value). */
export function arrayEqualsConst(x: readonly unknown[], c: readonly Const[]): boolean {
  if (x.length !== c.length) return false;
  for (let i = 0; i < x.length; i++) if (cmpValueConst(x[i], c[i]!) !== 0) return false;
  return true;
}

/** Loose equality of two row values (JSON elements): numbers by value, arrays and objects deeply. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (isNum(a) && isNum(b)) return cmpNum(a, b) === 0;
  if (typeof a !== typeof b) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((e, i) => valuesEqual(e, b[i]));
  }
  if (a !== null && typeof a === 'object') {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && valuesEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** Compares two row values of comparable kinds (column-to-column comparisons). */
export function cmpValues(a: unknown, b: unknown): number | undefined {
  if (isNum(a) && isNum(b)) return cmpNum(a, b);
  if (typeof a === 'string' && typeof b === 'string') return cmpStr(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  return undefined;
}

/** Applies a comparison operator to the result of a three-way compare. */
export function applyCmp(op: CmpOp, c: number): boolean {
  switch (op) {
    case '==': return c === 0;
    case '!=': return c !== 0;
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    case '>=': return c >= 0;
  }
}

/** The comparison operators. */
export type CmpOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** `a op b` becomes `b rop a`. */
export function reverseCmp(op: CmpOp): CmpOp {
  switch (op) {
    case '<': return '>';
    case '<=': return '>=';
    case '>': return '<';
    case '>=': return '<=';
    default: return op;
  }
}
