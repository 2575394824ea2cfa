/**
 * Full-text search (metric `BM25` on a BM25 function's output field) as Milvus 2.5 answers it:
 * the query texts analysed as the input field's texts are, each query term weighted by its IDF
 * over the loaded data (the delegator's `idfOracle`: `ln(1 + (N − n + 0.5) / (n + 0.5))` times the
 * term's count in the query), and each document scored as knowhere's BM25 inverted index does,
 * `Σ w · tf·(k1 + 1) / (tf + k1·(1 − b + b·dl/avgdl))`, with `avgdl` the loaded data's tokens per row.
 *
 * As in Milvus, the statistics count every row stored in a loaded segment, deleted ones included
 * (they leave only when compaction rewrites the segment).
 *
 * @packageDocumentation
 */
import { Merr, MilvusError, formatMerr, isSparseRow, type SparseRow } from '@mvkit/core';
import type { Collection } from '../catalog.js';
import { bm25FunctionOf, termFrequencies } from './bm25.js';
import type { Bm25Postings, Bm25Query } from './bm25-postings.js';

/** BM25 parameters of an index: `bm25_k1` (default 1.2) and `bm25_b` (default 0.75). */
export interface Bm25Params {
  k1: number;
  b: number;
}

/** Collection statistics of a BM25 field (`storage.BM25Stats`): rows, tokens, rows per term. */
export interface Bm25Stats {
  numRows: number;
  numTokens: number;
  rowsWithTerm(term: number): number;
}

/**
 * The statistics of `field` over the segments of the collection's loaded partitions, read from
 * each segment's BM25 postings (its built index once sealed and indexed, else its exact one).
 */
export function bm25Stats(coll: Collection, field: string): Bm25Stats {
  const all = [...coll.partitions.values()]
    .filter((p) => p.loaded)
    .flatMap((p) => coll.data.segmentsOf(p.id))
    .map((s) => s.searchIndex(field, 'BM25') as unknown as Bm25Postings);
  let numRows = 0;
  let numTokens = 0;
  for (const p of all) {
    numRows += p.rows;
    numTokens += p.tokens;
  }
  return { numRows, numTokens, rowsWithTerm: (term) => all.reduce((n, p) => n + p.rowsWithTerm(term), 0) };
}

/**
 * The weighted query of a text (`BM25Stats.BuildIDF`): each term's count in the text times its
 * IDF `ln(1 + (N − n + 0.5) / (n + 0.5))`, in float32.
 */
export function bm25Query(tf: SparseRow, stats: Bm25Stats): SparseRow {
  const values = new Float32Array(tf.indices.length);
  for (let i = 0; i < values.length; i++) {
    const n = stats.rowsWithTerm(tf.indices[i]!);
    values[i] = Math.fround(tf.values[i]! * Math.fround(Math.log(1 + (stats.numRows - n + 0.5) / (n + 0.5))));
  }
  return { indices: tf.indices, values };
}

/** The `Average document length` knowhere is given: tokens per row, 0 without rows or tokens (`GetAvgdl`). */
export function avgdlOf(stats: Bm25Stats): number {
  return stats.numRows === 0 || stats.numTokens === 0 ? 0 : stats.numTokens / stats.numRows;
}

/** The type name of a query that is not a text, as the placeholder type Milvus would name. */
function placeholderTypeOf(v: unknown): string {
  if (isSparseRow(v) || (typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v))) return 'SparseFloatVector';
  return v instanceof Uint8Array ? 'BinaryVector' : 'FloatVector';
}

/**
 * The queries of a BM25 search on `field`: each text's term frequencies under the input field's
 * analyzer, weighted by IDF over the loaded data, with the index's `k1` and `b` and the data's
 * `avgdl`, for the segments' {@link Bm25Postings} to score.
 * @throws MilvusError 1100 `please provide varchar/text for BM25 Function based search:
 *   invalid parameter[expected=VarChar][actual=<type>]` for a query that is not a text;
 *   1100 `only BM25 Function output field support BM25 metric type: invalid parameter` when the
 *   field is none (CreateIndex refuses such an index first).
 */
export function bm25Queries(coll: Collection, field: string, texts: readonly unknown[], params: Bm25Params): Bm25Query[] {
  const fn = bm25FunctionOf(coll.schema, field);
  if (!fn) throw MilvusError.parameterInvalid('only BM25 Function output field support BM25 metric type');
  const bad = texts.find((t) => typeof t !== 'string');
  if (bad !== undefined) {
    throw MilvusError.of(Merr.ParameterInvalid, `please provide varchar/text for BM25 Function based search: ${formatMerr(Merr.ParameterInvalid, { expected: 'VarChar', actual: placeholderTypeOf(bad) })}`);
  }
  const stats = bm25Stats(coll, field);
  // knowhere takes `bm25_avgdl` of at least 1.
  const avgdl = Math.max(avgdlOf(stats), 1);
  return texts.map((t) => ({ ...bm25Query(termFrequencies(fn.analyzer, t as string), stats), ...params, avgdl }));
}

/** The BM25 parameters of an index's (flattened) parameters, with knowhere's defaults. */
export function bm25ParamsOf(params: readonly { key: string; value: string }[]): Bm25Params {
  const read = (key: string, fallback: number) => {
    const v = params.find((p) => p.key === key)?.value;
    return v === undefined ? fallback : Number(v);
  };
  return { k1: read('bm25_k1', 1.2), b: read('bm25_b', 0.75) };
}
