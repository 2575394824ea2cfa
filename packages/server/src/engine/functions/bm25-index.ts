/**
 * Index rules of BM25 function output fields, as the 2.5 proxy's `createIndexTask`
 * (`parseFunctionParamsToIndex`) and knowhere's sparse index config check them.
 *
 * @packageDocumentation
 */
import { MilvusError } from '@mvkit/core';
import type { FieldSpec } from '../schema.js';

/** knowhere's ranges of the BM25 build parameters (`bm25_k1`, `bm25_b`, `bm25_avgdl`). */
const BM25_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  bm25_k1: [0, 3],
  bm25_b: [0, 1],
  bm25_avgdl: [1, Number.MAX_VALUE],
};

/** `inverted_index_algo` values Milvus 2.5's sparse indexes take. */
const INVERTED_INDEX_ALGOS: ReadonlySet<string> = new Set(['TAAT_NAIVE', 'DAAT_WAND', 'DAAT_MAXSCORE']);

/** Keys a vector AUTOINDEX on a BM25 output takes beside `index_type` and `metric_type` (the proxy adds them itself). */
export const BM25_AUTOINDEX_KEYS: ReadonlySet<string> = new Set(Object.keys(BM25_RANGES));

/**
 * `parseFunctionParamsToIndex`: on a function output field the metric defaults to BM25 and the
 * BM25 parameters to `bm25_k1=1.2`, `bm25_b=0.75`, `bm25_avgdl=100` (set in `flat`).
 * @throws MilvusError 65535 `index metric type of BM25 function output field must be BM25, got <m>`.
 */
export function prepareFunctionOutputIndex(field: FieldSpec, flat: Map<string, string>): void {
  if (!field.isFunctionOutput) return;
  if (!flat.has('bm25_k1')) flat.set('bm25_k1', '1.2');
  if (!flat.has('bm25_b')) flat.set('bm25_b', '0.75');
  if (!flat.has('bm25_avgdl')) flat.set('bm25_avgdl', '100');
  const metric = flat.get('metric_type');
  if (metric === undefined || metric === '') flat.set('metric_type', 'BM25');
  else if (metric !== 'BM25') throw new MilvusError(`index metric type of BM25 function output field must be BM25, got ${metric}`);
}

/**
 * The BM25 metric's own rules once the sparse metric is known: only a function output takes it;
 * then knowhere's checks of the BM25 parameters and `inverted_index_algo`.
 * @param bad - how the caller wraps a knowhere refusal (`checkTrain`'s 1100).
 * @throws MilvusError 1100 `only BM25 Function output field support BM25 metric type: invalid
 *   parameter`; knowhere's `Out of range in json: param 'bm25_k1' (<v>) should be in range
 *   [0.000000, 3.000000]` and `inverted_index_algo <a> is not supported` (guessed texts).
 */
export function checkBm25Index(field: FieldSpec, metric: string, flat: ReadonlyMap<string, string>, bad: (why: string) => MilvusError): void {
  if (metric === 'BM25' && !field.isFunctionOutput) throw MilvusError.parameterInvalid('only BM25 Function output field support BM25 metric type');
  if (metric !== 'BM25') return;
  for (const [key, [lo, hi]] of Object.entries(BM25_RANGES)) {
    const text = flat.get(key);
    if (text === undefined) continue;
    const n = Number(text);
    if (text.trim() === '' || Number.isNaN(n)) throw bad(`invalid float value, key: '${key}', value: '${text}'`);
    if (n < lo || n > hi) throw bad(`Out of range in json: param '${key}' (${text}) should be in range [${lo.toFixed(6)}, ${hi === Number.MAX_VALUE ? 'max' : hi.toFixed(6)}]`);
  }
  const algo = flat.get('inverted_index_algo');
  if (algo !== undefined && !INVERTED_INDEX_ALGOS.has(algo)) throw bad(`inverted_index_algo ${algo} is not supported`);
}
