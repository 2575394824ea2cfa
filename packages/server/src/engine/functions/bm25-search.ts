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
import type { Segment } from '../data/segment.js';
import type { Hit, SearchOptions } from '@mvkit/hnsw';
import { bm25FunctionOf, termFrequencies } from './bm25.js';

/** BM25 parameters of an index: `bm25_k1` (default 1.2) and `bm25_b` (default 0.75). */
export interface Bm25Params {
  k1: number;
  b: number;
}

/** One term's postings in a segment: the offsets that hold it and its frequency there. */
interface Posting {
  offsets: number[];
  tfs: number[];
}

/** The term postings of one field of one segment, kept in step with its rows on each search. */
class SegmentPostings {
  readonly terms = new Map<number, Posting>();
  /** Document length (sum of term frequencies) of each offset. */
  lengths: number[] = [];
  /** Sum of {@link SegmentPostings.lengths}. */
  tokens = 0;

  /** Indexes the rows appended since the last call. */
  catchUp(segment: Segment, field: string): void {
    for (let offset = this.lengths.length; offset < segment.size; offset++) {
      const row = segment.rows[offset]![field] as SparseRow;
      let length = 0;
      for (let i = 0; i < row.indices.length; i++) {
        const tf = row.values[i]!;
        length += tf;
        const term = row.indices[i]!;
        let p = this.terms.get(term);
        if (!p) this.terms.set(term, (p = { offsets: [], tfs: [] }));
        p.offsets.push(offset);
        p.tfs.push(tf);
      }
      this.lengths.push(length);
      this.tokens += length;
    }
  }
}

const postingsOf = new WeakMap<Segment, Map<string, SegmentPostings>>();

/** The postings of `field` in `segment`, up to date with its rows. */
function segmentPostings(segment: Segment, field: string): SegmentPostings {
  let byField = postingsOf.get(segment);
  if (!byField) postingsOf.set(segment, (byField = new Map()));
  let p = byField.get(field);
  if (!p) byField.set(field, (p = new SegmentPostings()));
  p.catchUp(segment, field);
  return p;
}

/** Collection statistics of a BM25 field (`storage.BM25Stats`): rows, tokens, rows per term. */
export interface Bm25Stats {
  numRows: number;
  numTokens: number;
  rowsWithTerm(term: number): number;
}

/** The statistics of `field` over the segments of the collection's loaded partitions. */
export function bm25Stats(coll: Collection, field: string): Bm25Stats {
  const all = [...coll.partitions.values()].filter((p) => p.loaded).flatMap((p) => coll.data.segmentsOf(p.id)).map((s) => segmentPostings(s, field));
  let numRows = 0;
  let numTokens = 0;
  for (const p of all) {
    numRows += p.lengths.length;
    numTokens += p.tokens;
  }
  return { numRows, numTokens, rowsWithTerm: (term) => all.reduce((n, p) => n + (p.terms.get(term)?.offsets.length ?? 0), 0) };
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

/**
 * A searcher of one segment's BM25 field, in the shape `searchSegments` calls: the top `k`
 * offsets by BM25 score for a weighted query ({@link bm25Query}); documents sharing no term with
 * it are not returned. O(Σ posting lengths of the query's terms + hits · log).
 */
export function bm25Searcher(field: string, params: Bm25Params, avgdl: number): (segment: Segment) => { search(query: unknown, k: number, options?: SearchOptions): Hit[] } {
  const { k1, b } = params;
  // knowhere takes `bm25_avgdl` of at least 1.
  const dlScale = b / Math.max(avgdl, 1);
  return (segment) => {
    const postings = segmentPostings(segment, field);
    return {
      search(query, k, options) {
        const q = query as SparseRow;
        const scores = new Map<number, number>();
        for (let i = 0; i < q.indices.length; i++) {
          const p = postings.terms.get(q.indices[i]!);
          const w = q.values[i]!;
          if (!p || w === 0) continue;
          for (let j = 0; j < p.offsets.length; j++) {
            const offset = p.offsets[j]!;
            const tf = p.tfs[j]!;
            const norm = k1 * (1 - b + dlScale * postings.lengths[offset]!);
            scores.set(offset, (scores.get(offset) ?? 0) + (w * tf * (k1 + 1)) / (tf + norm));
          }
        }
        const filter = options?.filter;
        const hits: Hit[] = [];
        for (const [label, score] of scores) if (score > 0 && (!filter || filter(label))) hits.push({ label, score });
        hits.sort((x, y) => y.score - x.score || x.label - y.label);
        return hits.slice(0, k);
      },
    };
  };
}

/** The type name of a query that is not a text, as the placeholder type Milvus would name. */
function placeholderTypeOf(v: unknown): string {
  if (isSparseRow(v) || (typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v))) return 'SparseFloatVector';
  return v instanceof Uint8Array ? 'BinaryVector' : 'FloatVector';
}

/**
 * The weighted queries of a BM25 search on `field`: each text's term frequencies under the input
 * field's analyzer, weighted by IDF over the loaded data, and the `avgdl` that goes with them.
 * @throws MilvusError 1100 `please provide varchar/text for BM25 Function based search:
 *   invalid parameter[expected=VarChar][actual=<type>]` for a query that is not a text;
 *   1100 `only BM25 Function output field support BM25 metric type` when the field is none.
 */
export function bm25Queries(coll: Collection, field: string, texts: readonly unknown[]): { queries: SparseRow[]; avgdl: number } {
  const fn = bm25FunctionOf(coll.schema, field);
  if (!fn) throw MilvusError.of(Merr.ParameterInvalid, 'only BM25 Function output field support BM25 metric type');
  const bad = texts.find((t) => typeof t !== 'string');
  if (bad !== undefined) {
    throw MilvusError.of(Merr.ParameterInvalid, `please provide varchar/text for BM25 Function based search: ${formatMerr(Merr.ParameterInvalid, { expected: 'VarChar', actual: placeholderTypeOf(bad) })}`);
  }
  const stats = bm25Stats(coll, field);
  return { queries: texts.map((t) => bm25Query(termFrequencies(fn.analyzer, t as string), stats)), avgdl: avgdlOf(stats) };
}

/** The BM25 parameters of an index's (flattened) parameters, with knowhere's defaults. */
export function bm25ParamsOf(params: readonly { key: string; value: string }[]): Bm25Params {
  const read = (key: string, fallback: number) => {
    const v = params.find((p) => p.key === key)?.value;
    return v === undefined ? fallback : Number(v);
  };
  return { k1: read('bm25_k1', 1.2), b: read('bm25_b', 0.75) };
}
