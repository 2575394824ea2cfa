/**
 * JSON text with exact int64: Milvus stores JSON values as their bytes, so an integer beyond
 * ±(2^53 − 1) inside a JSON field or the dynamic field keeps every digit; JavaScript's
 * `JSON.parse` would round it. Integers that a double cannot hold are read as `bigint` and
 * written back as bare JSON numbers.
 *
 * @packageDocumentation
 */
import { isInteger, isSafeNumber, parse, stringify } from 'lossless-json';

/** 16 digits in a row: the shortest text of an integer a double may not hold exactly. */
const LONG_DIGITS = /\d{16}/;

const exactNumber = (text: string): number | bigint => (!isSafeNumber(text) && isInteger(text) ? BigInt(text) : Number(text));

/**
 * Parses JSON text, reading integers beyond ±(2^53 − 1) as `bigint` (others as `number`).
 * @throws SyntaxError for text that is not JSON.
 */
export function parseJsonExact(text: string): unknown {
  return LONG_DIGITS.test(text) ? parse(text, null, exactNumber) : JSON.parse(text);
}

/** JSON text of a value, `bigint`s as bare numbers with every digit; `undefined` for what JSON cannot hold (a function, `undefined`). */
export function stringifyJsonExact(value: unknown): string | undefined {
  return stringify(value);
}
