/**
 * The paging and grouping rank parameters of a hybrid search (`limit`, `offset`, `round_decimal`,
 * `group_by_field`, `group_size`, `strict_group_size`), read as
 * Milvus 2.5's `parseRankParams` reads them.
 *
 * @packageDocumentation
 */
import { MilvusError } from '@mvkit/core';
import type { KeyValue } from '../catalog.js';
import { paramOf } from '../indexes.js';
import type { CollectionSpec } from '../schema.js';
import { parseGroupBy, type GroupBy } from './group-by.js';
import { checkQueryWindow } from './plane.js';

/** A hybrid search's result window and score rounding. */
export interface RankParams {
  /** Hits per query vector after `offset`. */
  limit: number;
  offset: number;
  /** Decimal places scores are rounded to, or -1 for none. */
  roundDecimal: number;
  /** The grouping of the fused hits (`group_by_field`, `group_size`, `strict_group_size`), when asked. */
  groupBy?: GroupBy;
}

/** A score rounded to `round_decimal` places as the proxy rounds it: half up, in float64, kept as float32; -1 keeps it. */
export function roundedScore(score: number, places: number): number {
  if (places === -1) return score;
  const m = 10 ** places;
  return Math.fround(Math.floor(score * m + 0.5) / m);
}

const DIGITS: Record<number, RegExp> = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ };

/**
 * Go's `strconv.ParseInt(s, 0, 64)`: a sign, then a `0x`/`0o`/`0b` prefix, a leading `0` (octal) or
 * decimal digits, each `_` between digits or right after the prefix.
 * @returns the value (a number: exact only up to 2^53, see {@link parseGoInt64}), or undefined when
 *   `s` is not such an integer or overflows int64.
 */
export function parseGoInt(s: string): number | undefined {
  const value = parseGoInt64(s);
  return value === undefined ? undefined : Number(value);
}

/** {@link parseGoInt} as an exact bigint (for int64 IDs). */
export function parseGoInt64(s: string): bigint | undefined {
  const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
  let body = s.slice(sign.length);
  let base = 10;
  let prefixed = false;
  if (/^0[xX]/.test(body)) [base, body, prefixed] = [16, body.slice(2), true];
  else if (/^0[oO]/.test(body)) [base, body, prefixed] = [8, body.slice(2), true];
  else if (/^0[bB]/.test(body)) [base, body, prefixed] = [2, body.slice(2), true];
  else if (body.length > 1 && body[0] === '0') [base, body, prefixed] = [8, body.slice(1), true];
  if (body.includes('_')) {
    // Go's underscoreOK: each `_` follows a digit or the base prefix and precedes a digit.
    if ((!prefixed && body.startsWith('_')) || body.endsWith('_') || body.includes('__')) return undefined;
    body = body.replaceAll('_', '');
  }
  if (!body || !DIGITS[base]!.test(body)) return undefined;
  const value = BigInt((sign === '-' ? '-' : '') + (base === 10 ? body : `0${'xob'[[16, 8, 2].indexOf(base)]}${body}`));
  if (value > 2n ** 63n - 1n || value < -(2n ** 63n)) return undefined;
  return value;
}

/**
 * `limit` (required), `offset` (default 0) and `round_decimal` (default -1) of the rank
 * parameters, as `parseRankParams` reads them: integers in Go's syntax, the window checked as a
 * query's ({@link checkQueryWindow}), the rounding, then the grouping ({@link parseGroupBy}).
 * @throws MilvusError 65535 `limit not found in rank_params`, `limit [<s>] is invalid`, `offset
 *   [<s>] is invalid`, `invalid max query result window, …`, `round_decimal [<s>] is invalid,
 *   should be -1 or an integer in range [0, 6]`; grouping errors as {@link parseGroupBy}.
 */
export function rankParamsOf(params: readonly KeyValue[], schema: CollectionSpec): RankParams {
  const limitText = paramOf(params, 'limit');
  if (limitText === undefined) throw new MilvusError('limit not found in rank_params');
  const limit = parseGoInt(limitText);
  if (limit === undefined) throw new MilvusError(`limit [${limitText}] is invalid`);
  const offsetText = paramOf(params, 'offset');
  const offset = offsetText === undefined ? 0 : parseGoInt(offsetText);
  if (offset === undefined) throw new MilvusError(`offset [${offsetText}] is invalid`);
  checkQueryWindow(limit, offset);
  const roundText = paramOf(params, 'round_decimal') ?? '-1';
  const roundDecimal = parseGoInt(roundText);
  if (roundDecimal === undefined || (roundDecimal !== -1 && (roundDecimal < 0 || roundDecimal > 6))) {
    throw new MilvusError(`round_decimal [${roundText}] is invalid, should be -1 or an integer in range [0, 6]`);
  }
  const groupSize = paramOf(params, 'group_size');
  const strictGroupSize = paramOf(params, 'strict_group_size');
  const groupBy = parseGroupBy(schema, {
    ...(paramOf(params, 'group_by_field') === undefined ? {} : { groupByField: paramOf(params, 'group_by_field')! }),
    ...(groupSize === undefined ? {} : { groupSize }),
    ...(strictGroupSize === undefined ? {} : { strictGroupSize }),
  });
  return { limit, offset, roundDecimal, ...(groupBy ? { groupBy } : {}) };
}
