/**
 * Shared types and Milvus parameter rules of `@mvkit/hnsw`.
 *
 * @packageDocumentation
 */

/**
 * Metrics over float vectors, with Milvus's score semantics:
 * - `L2`: squared Euclidean distance, smaller is better;
 * - `IP`: inner product, larger is better;
 * - `COSINE`: cosine similarity in [-1, 1], larger is better (vectors are normalised at insert).
 */
export type FloatMetric = 'L2' | 'IP' | 'COSINE';

/**
 * Metrics over packed binary vectors, with Milvus's score semantics:
 * - `HAMMING`: number of differing bits, smaller is better;
 * - `JACCARD`: `1 − |a∧b| / |a∨b|` (1 when both vectors are all zero, as knowhere), smaller is better;
 * - `SUBSTRUCTURE` / `SUPERSTRUCTURE`: a filter, not a ranking: only stored vectors of which the
 *   query is a substructure (every bit set in the query is set in them) / a superstructure (every
 *   bit set in them is set in the query) match, at distance 0 (as a real Milvus 2.3.5 answers).
 */
export type BinaryMetric = 'HAMMING' | 'JACCARD' | 'SUBSTRUCTURE' | 'SUPERSTRUCTURE';

/**
 * A sparse float vector: `indices` (terms, distinct, as Milvus sends them in ascending order) and
 * the `values` at them, of the same length. Absent terms are 0.
 */
export interface SparseVector {
  readonly indices: ArrayLike<number>;
  readonly values: ArrayLike<number>;
}

/** One search result: `label` as given to `add()`, `score` as Milvus reports it for the metric. */
export interface Hit {
  /** The label the vector was added with. */
  label: number;
  /** Distance or similarity, per the index's metric (see {@link FloatMetric}, {@link BinaryMetric}). */
  score: number;
}

/** Per-search options. */
export interface SearchOptions {
  /**
   * HNSW only: size of the dynamic candidate list at layer 0. Larger is slower and more accurate
   * (cost roughly linear in `ef`). Raised to at least `k`; default `max(k, 16)`. Ignored by FLAT indexes.
   */
  ef?: number;
  /**
   * Predicate on labels, applied during the search: nodes whose label fails still route the
   * graph walk but are never returned. Called at most once per visited node; it must be cheap
   * and must not mutate the index.
   */
  filter?: (label: number) => boolean;
}

/**
 * What every index of this package implements ({@link HnswIndex}, {@link FlatIndex},
 * {@link BinaryFlatIndex}; {@link SparseIndex} over sparse vectors, `V` = {@link SparseVector}).
 */
export interface VectorIndex<V = ArrayLike<number> | Uint8Array> {
  /** Floats per vector; for binary indexes, bits per vector (a multiple of 8); 0 for sparse ones. */
  readonly dim: number;
  /** The metric, which also fixes the score semantics of {@link Hit}. */
  readonly metric: FloatMetric | BinaryMetric;
  /** Number of live (added and not deleted) vectors. */
  readonly size: number;
  /**
   * Adds one vector. The vector is copied (and normalised for COSINE).
   *
   * @param vector - `dim` numbers (binary indexes: `dim / 8` bytes, bit 7 of byte 0 first; sparse: a {@link SparseVector}).
   * @param label - caller's id: an integer in [0, 2^31). Must not be the label of a live vector;
   *   a label that was {@link VectorIndex.markDeleted | deleted} may be added again.
   * @throws RangeError on a wrong vector length, an invalid label or a duplicate live label.
   */
  add(vector: V, label: number): void;
  /**
   * Soft-deletes the vector with this label: it is never returned again (it may still be used
   * for graph routing). No-op for an unknown or already deleted label. O(1).
   */
  markDeleted(label: number): void;
  /**
   * The at most `k` best live vectors for `query`, best first (see the metric for "best").
   *
   * @param query - `dim` numbers (binary: `dim / 8` bytes; sparse: a {@link SparseVector}).
   * @param k - number of hits wanted; a positive integer (0 returns `[]`).
   * @param options - `ef` and `filter`, see {@link SearchOptions}.
   * @throws RangeError on a wrong query length or a `k` that is not a non-negative integer.
   */
  search(query: V, k: number, options?: SearchOptions): Hit[];
  /** Bytes held by the index's buffers (vectors, graph, label table), including spare capacity. */
  memoryBytes(): number;
}

/**
 * The `ef` a Milvus HNSW search uses, with Milvus's (knowhere's) validation.
 *
 * @param k - the search's topk (limit), a positive integer.
 * @param ef - the `ef` search parameter, if the request gave one.
 * @returns `max(k, 16)` when `ef` is unset, otherwise `ef`.
 * @throws RangeError `ef(${ef}) should be larger than k(${k})` when `ef < k` (knowhere's message).
 */
export function resolveEf(k: number, ef?: number): number {
  if (ef === undefined) return Math.max(k, 16);
  if (ef < k) throw new RangeError(`ef(${ef}) should be larger than k(${k})`);
  return ef;
}

/** The HNSW build parameters Milvus's `AUTOINDEX` uses for float vectors. */
export const AUTOINDEX_HNSW = { M: 18, efConstruction: 240 } as const;

/** Largest label + 1. */
export const LABEL_LIMIT = 2 ** 31;

/** @internal Throws RangeError unless `label` is an integer in [0, 2^31). */
export function checkLabel(label: number): void {
  if (!Number.isInteger(label) || label < 0 || label >= LABEL_LIMIT) {
    throw new RangeError(`label must be an integer in [0, 2^31), got ${label}`);
  }
}

/** @internal Throws RangeError unless `k` is a non-negative integer. */
export function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
}

/** @internal Throws RangeError unless `v.length === n`. */
export function checkLength(v: ArrayLike<number>, n: number, what: string): void {
  if (v == null || typeof v.length !== 'number' || v.length !== n) {
    throw new RangeError(`${what} has length ${v == null ? v : v.length}, expected ${n}`);
  }
}

/** @internal Throws RangeError unless `dim` is a positive integer (multiple of 8 if `binary`). */
export function checkDim(dim: number, binary: boolean): void {
  if (!Number.isInteger(dim) || dim <= 0 || (binary && dim % 8 !== 0)) {
    throw new RangeError(`dim must be a positive integer${binary ? ' multiple of 8' : ''}, got ${dim}`);
  }
}

/** @internal Next capacity when growing from `cap` to hold at least `need`. */
export function grow(cap: number, need: number): number {
  let c = Math.max(cap, 16);
  while (c < need) c = Math.ceil(c * 1.5);
  return c;
}
