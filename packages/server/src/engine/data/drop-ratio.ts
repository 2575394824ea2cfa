/**
 * `drop_ratio_search` of a sparse-vector search (BM25 included), as knowhere's sparse inverted
 * index applies it: the smallest `ratio` of the query's values are dropped before scoring.
 *
 * @packageDocumentation
 */
import { MilvusError, type SparseRow } from '@mvkit/core';

/**
 * Reads `drop_ratio_search` as knowhere's sparse config checks it: a number in [0, 1).
 * @throws MilvusError 1100 `invalid float value, key: 'drop_ratio_search', value: '<v>'` or `Out
 *   of range in json: param 'drop_ratio_search' (<v>) should be in range [0.000000, 1.000000)`
 *   (texts guessed: see the conformance divergences).
 */
export function dropRatioOf(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || Number.isNaN(n)) throw MilvusError.parameterInvalid(`invalid float value, key: 'drop_ratio_search', value: '${text}'`);
  if (n < 0 || n >= 1) throw MilvusError.parameterInvalid(`Out of range in json: param 'drop_ratio_search' (${text}) should be in range [0.000000, 1.000000)`);
  return n;
}

/**
 * The query without its smallest values: the threshold is the value at position
 * ⌊ratio · nnz⌋ of the values in ascending order, and values below it are dropped (knowhere's
 * `get_threshold`). Other members of the query (a BM25 query's `k1`, `b`, `avgdl`) are kept.
 */
export function dropSmallValues<T extends SparseRow>(query: T, ratio: number): T {
  if (ratio === 0 || query.values.length === 0) return query;
  const sorted = Float32Array.from(query.values).sort();
  const threshold = sorted[Math.floor(ratio * sorted.length)]!;
  const keep: number[] = [];
  for (let i = 0; i < query.values.length; i++) if (query.values[i]! >= threshold) keep.push(i);
  return { ...query, indices: Uint32Array.from(keep, (i) => query.indices[i]!), values: Float32Array.from(keep, (i) => query.values[i]!) };
}
