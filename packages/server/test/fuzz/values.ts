import type { Rng } from './rng.js';
import { NAMES } from './fixture.js';

/**
 * Primitive value generators shared by the protobuf and the JSON fuzzers: strings (empty, very
 * long, unicode, control characters, look-alike numbers and JSON), integers at and beyond type
 * edges, floats including NaN and infinities, and Milvus filter expressions over the fixture's
 * fields.
 *
 * @packageDocumentation
 */

/** How far the generators may go; the CI test and the long script use different limits. */
export interface Limits {
  /** Longest generated string, in UTF-16 units. */
  readonly maxString: number;
  /** Most elements of a generated list or map. */
  readonly maxRepeated: number;
  /** Deepest message / JSON nesting the structured generators produce. */
  readonly maxDepth: number;
  /** Levels of the deep-nesting mutations (JSON arrays, filter parentheses). */
  readonly maxNesting: number;
  /** Rough bound of one generated request's size, in bytes (strings and lists stop growing past it). */
  readonly maxBytes: number;
}

/** Limits of the CI test: small, fast cases. */
export const CI_LIMITS: Limits = { maxString: 4096, maxRepeated: 40, maxDepth: 5, maxNesting: 2000, maxBytes: 256 << 10 };

/** Limits of the long script run. */
export const LONG_LIMITS: Limits = { maxString: 1 << 20, maxRepeated: 2000, maxDepth: 8, maxNesting: 100_000, maxBytes: 8 << 20 };

const UNICODE = ['é', 'ß', '中文', '🦄', '👩‍👩‍👧', '\u0301', '\u200b', '\u202e', '\ufeff', '\ud800', '\udfff', '\uffff', '\u0000', '\u001b[31m', '\u2028', 'Ω'];
const SPECIAL = ['', ' ', '\n', '\t', '\r\n', '"', "'", '\\', '`', '%', '%s%d%v', '{}', '${x}', '{{x}}', '../../etc/passwd', '<script>', "'; DROP TABLE x;--", 'null', 'true', 'false', 'NaN', '-0', '1e309', '0x7f', '9223372036854775808', '-9223372036854775809', '18446744073709551616', '{"a":1}', '[', '{', '[]', '{}', '::', ':', 'a:b', 'Bearer ', 'root:Milvus', '_default', '#', '?', '&', '=', '/'];
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$-. ';

/** A random string: known names, specials, unicode, random characters, or a very long run. */
export function randomString(rng: Rng, limits: Limits): string {
  return rng.weighted<() => string>([
    [4, () => rng.pick([...NAMES.collections, ...NAMES.partitions, ...NAMES.fields, ...NAMES.databases])],
    [3, () => rng.pick(SPECIAL)],
    [2, () => Array.from({ length: rng.int(1, 6) }, () => rng.pick(UNICODE)).join('')],
    [3, () => Array.from({ length: rng.size(64) }, () => ALPHABET[rng.int(0, ALPHABET.length - 1)]).join('')],
    [1, () => String.fromCharCode(...Array.from({ length: rng.size(32) }, () => rng.int(0, 0xffff)))],
    [1, () => rng.pick(['a', 'x', '中', '%', '\\']).repeat(rng.int(256, limits.maxString))],
    [1, () => rng.pick(NAMES.collections) + rng.pick(SPECIAL)],
  ])();
}

const INT_EDGES = [0, 1, -1, 2, 3, 7, 8, 10, 16, 100, 127, 128, 255, 256, 1000, 16384, 32768, 65535, 65536, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 32 - 1, 2 ** 53 - 1, 2 ** 53 + 1];

/** A random integer in [lo, hi]: edges of the range, small values, or anything in it. */
export function randomInt(rng: Rng, lo: number, hi: number): number {
  const edges = [...INT_EDGES, lo, hi, lo + 1, hi - 1].filter((v) => v >= lo && v <= hi);
  return rng.weighted<() => number>([
    [4, () => rng.pick(edges)],
    [3, () => Math.max(lo, Math.min(hi, rng.int(-5, 100)))],
    [2, () => Math.floor(lo + rng.float() * (hi - lo + 1))],
  ])();
}

const BIG_EDGES = [0n, 1n, -1n, 2n ** 31n, 2n ** 32n, 2n ** 53n + 1n, 2n ** 62n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 64n - 1n, 449494939393939393n];

/** A random 64-bit integer in [lo, hi]: edges, small values, or 64 random bits clamped into range. */
export function randomBigInt(rng: Rng, lo: bigint, hi: bigint): bigint {
  const clamp = (v: bigint) => (v < lo ? lo : v > hi ? hi : v);
  return rng.weighted<() => bigint>([
    [4, () => clamp(rng.pick(BIG_EDGES))],
    [3, () => clamp(BigInt(rng.int(-5, 1000)))],
    [2, () => clamp(lo + (BigInt(rng.int(0, 2 ** 30)) * BigInt(rng.int(0, 2 ** 30)) * BigInt(rng.int(0, 2 ** 4))) % (hi - lo + 1n))],
  ])();
}

/** A random double: edges (NaN, ±Infinity, -0, extremes), small values, or random ones. */
export function randomDouble(rng: Rng, float32 = false): number {
  const max = float32 ? 3.4028234663852886e38 : Number.MAX_VALUE;
  return rng.weighted<() => number>([
    [2, () => rng.pick([0, -0, 1, -1, 0.5, NaN, Infinity, -Infinity, max, -max, float32 ? 1.1754943508222875e-38 : Number.MIN_VALUE])],
    [3, () => rng.float() * 200 - 100],
    [1, () => (rng.float() - 0.5) * max],
  ])();
}

const OPS = ['==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '**', '&', '|', '^', '<<', '>>', 'and', 'or', '&&', '||'];

/** A random filter literal. */
function literal(rng: Rng, limits: Limits): string {
  return rng.weighted<() => string>([
    [3, () => String(randomInt(rng, -(2 ** 31), 2 ** 31))],
    [1, () => String(randomBigInt(rng, -(2n ** 64n), 2n ** 64n))],
    [1, () => rng.pick(['1.5', '-0.0', '1e308', '1e309', '.5', '0x10', '0o7', '0b11', '1_000', '9999999999999999999999999'])],
    [2, () => JSON.stringify(randomString(rng, { ...limits, maxString: 300 }))],
    [1, () => rng.pick(['true', 'false', 'True', 'FALSE', 'null'])],
    [1, () => `[${Array.from({ length: rng.size(limits.maxRepeated) }, () => String(rng.int(-9, 99))).join(', ')}]`],
    [1, () => `{${rng.pick(['x', 'p', 'ids', 'y'])}}`],
  ])();
}

/** A random identifier: a fixture field, a JSON path into one, a dynamic key, or an unknown name. */
function identifier(rng: Rng): string {
  return rng.weighted<() => string>([
    [5, () => rng.pick(NAMES.fields.filter((f) => f !== '*' && f !== 'count(*)'))],
    [2, () => `${rng.pick(['meta', '$meta', 'dyn_key', 'tags'])}[${rng.pick(['"n"', '"s"', '"arr"', '0', '-1', '"a"]["b"', '99999999999'])}]`],
    [1, () => rng.pick(['unknown_field', 'ID', '_default', 'count(*)', 'id.x'])],
  ])();
}

/** A LIKE pattern, sometimes with many `%` (a ReDoS before LIKE was matched in linear time). */
function likePattern(rng: Rng): string {
  const parts = rng.weighted<() => string>([
    [4, () => `${rng.pick(['t', 'a', '', '中'])}%`],
    [2, () => `%${rng.pick(['1', 'x', '_', '\\%'])}%`],
    [1, () => rng.pick(['_', '__', '\\', '\\_', '%%', '[a-z]', '.*', '(a+)+'])],
    [2, () => `${'%a'.repeat(rng.int(8, 40))}${'a'.repeat(rng.int(10, 60))}b`],
  ])();
  return JSON.stringify(parts);
}

/**
 * A random Milvus filter expression over the fixture's fields: comparisons, arithmetic, `in`,
 * `like`, `exists`, JSON / array functions, `is null`, templates, deep parentheses, and broken
 * syntax now and then.
 */
export function filterExpr(rng: Rng, limits: Limits, depth = 0): string {
  const leaf = () =>
    rng.weighted<() => string>([
      [5, () => `${identifier(rng)} ${rng.pick(OPS)} ${literal(rng, limits)}`],
      [2, () => `${identifier(rng)} ${rng.pick(['in', 'not in', 'IN'])} ${literal(rng, limits)}`],
      [2, () => `${identifier(rng)} ${rng.pick(['like', 'LIKE'])} ${likePattern(rng)}`],
      [1, () => `${literal(rng, limits)} ${rng.pick(['<', '<='])} ${identifier(rng)} ${rng.pick(['<', '<='])} ${literal(rng, limits)}`],
      [1, () => `${rng.pick(['array_contains', 'array_contains_all', 'array_contains_any', 'json_contains', 'json_contains_all', 'json_contains_any', 'ARRAY_CONTAINS'])}(${identifier(rng)}, ${literal(rng, limits)})`],
      [1, () => `${rng.pick(['array_length', 'exists', 'text_match', 'phrase_match'])}(${identifier(rng)}${rng.chance(0.5) ? `, ${literal(rng, limits)}` : ''})`],
      [1, () => `${identifier(rng)} ${rng.pick(['is null', 'is not null', 'IS NULL'])}`],
      [1, () => `exists ${identifier(rng)}`],
      [1, () => `${rng.pick(['not ', '!', '-', '~', '+'])}${identifier(rng)}`],
      [1, () => literal(rng, limits)],
    ])();
  if (depth >= 3) return leaf();
  return rng.weighted<() => string>([
    [5, leaf],
    [2, () => `${filterExpr(rng, limits, depth + 1)} ${rng.pick(['and', 'or', '&&', '||', 'AND'])} ${filterExpr(rng, limits, depth + 1)}`],
    [1, () => `(${filterExpr(rng, limits, depth + 1)})`],
    [1, () => `not (${filterExpr(rng, limits, depth + 1)})`],
    [1, () => {
      const n = rng.size(limits.maxNesting);
      return `${'('.repeat(n)}id > 0${')'.repeat(rng.chance(0.8) ? n : rng.int(0, n))}`;
    }],
    [1, () => `${identifier(rng)} ${rng.pick(OPS)} ${'-'.repeat(rng.size(limits.maxNesting))}1`],
    [1, () => rng.pick(['', ' ', 'id >', '== 1', 'id in [', '"unterminated', 'id > 1 and', '((', 'id >>> 1', 'id === 1', '1 ** 99999999', '2 ** 1024 > id', 'id ** id ** id'])],
    [1, () => filterExpr(rng, limits, depth + 1).slice(0, rng.int(0, 20))],
  ])();
}

/** A valid filter over the fixture collection `fields` (name and REST type name): one simple predicate, sometimes two. */
export function validFilter(rng: Rng, fields: readonly { readonly name: string; readonly type: string }[]): string {
  const one = (): string => {
    const f = rng.pick(fields.filter((x) => !/Vector$/.test(x.type)));
    switch (f.type) {
      case 'Int64':
      case 'Int32':
      case 'Int8':
        return rng.pick([`${f.name} >= ${rng.int(-5, 50)}`, `${f.name} in [${rng.int(0, 9)}, ${rng.int(10, 99)}, ${rng.int(1000, 1010)}]`, `${f.name} % 2 == 0`, `${rng.int(-5, 5)} < ${f.name} < ${rng.int(100, 3000)}`]);
      case 'Double':
        return `${f.name} < ${(rng.float() * 10).toFixed(2)}`;
      case 'Bool':
        return rng.pick([`${f.name} == true`, `not (${f.name} == false)`]);
      case 'VarChar':
        return rng.pick([`${f.name} like "t%"`, `${f.name} != "t1"`, `${f.name} in ["t1", "t2", "k3"]`, `${f.name} is not null`]);
      case 'Array':
        return rng.pick([`array_contains(${f.name}, ${rng.int(0, 9)})`, `array_length(${f.name}) > 0`]);
      case 'JSON':
        return rng.pick([`${f.name}["n"] > ${rng.int(0, 9)}`, `json_contains(${f.name}["arr"], 1)`, `exists ${f.name}["s"]`]);
      default:
        return `${f.name} is not null`;
    }
  };
  return rng.chance(0.7) ? one() : `${one()} ${rng.pick(['and', 'or'])} ${one()}`;
}
