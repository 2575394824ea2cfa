/**
 * Exact inverted index over sparse float vectors, scored by inner product.
 *
 * @packageDocumentation
 */
import { Heap, MAX } from './heap.js';
import { LabelledSlots } from './slots.js';
import { checkK, type Hit, type SearchOptions, type SparseVector, type VectorIndex } from './types.js';

/** One term's posting list: slots holding the term and their values, in slot order. */
interface Posting {
  slots: number[];
  values: number[];
}

/**
 * Exact top-k by inner product over sparse vectors, through an inverted index (term → the slots
 * that hold it), as knowhere's `SPARSE_INVERTED_INDEX` answers: only vectors sharing a term with
 * the query score, and a vector whose score is 0 is never returned (a search may return fewer
 * than `k` hits). `add` O(nnz); `search` O(Σ posting lengths of the query's terms + n log k).
 * Memory: about 16 bytes per stored (term, value) pair plus the label table.
 */
export class SparseIndex implements VectorIndex<SparseVector> {
  /** Sparse vectors have no fixed dimension: 0. */
  readonly dim = 0;
  /** Inner product, larger is better. */
  readonly metric = 'IP' as const;
  private readonly postings = new Map<number, Posting>();
  private readonly slots: LabelledSlots;
  private pairs = 0;
  private scores = new Float64Array(0);
  private marks = new Uint8Array(0);
  private readonly top = new Heap(64, MAX);

  /** @param capacity - vectors to preallocate the label table for (default 1024). */
  constructor(capacity?: number) {
    this.slots = new LabelledSlots(capacity, () => {});
  }

  /** Number of live (not deleted) vectors. */
  get size(): number {
    return this.slots.live;
  }

  /**
   * Adds a sparse vector (its pairs are copied into the posting lists).
   * @param vector - `indices` (terms, distinct) and `values` of the same length; values of 0 are skipped.
   * @param label - integer in [0, 2^31), not the label of a live vector.
   * @throws RangeError on `indices` and `values` of different lengths, an invalid label or a duplicate live label.
   */
  add(vector: SparseVector, label: number): void {
    const { indices, values } = vector;
    if (indices.length !== values.length) throw new RangeError(`sparse vector has ${indices.length} indices and ${values.length} values`);
    const slot = this.slots.add(label);
    for (let i = 0; i < indices.length; i++) {
      const value = values[i]!;
      if (value === 0) continue;
      const term = indices[i]!;
      let posting = this.postings.get(term);
      if (!posting) this.postings.set(term, (posting = { slots: [], values: [] }));
      posting.slots.push(slot);
      posting.values.push(value);
      this.pairs++;
    }
  }

  /** Soft-deletes the vector with this label; no-op for an unknown or deleted label. O(1). */
  markDeleted(label: number): void {
    this.slots.markDeleted(label);
  }

  /**
   * The at most `k` live vectors of largest inner product with `query`, best first; vectors that
   * share no term with it (score 0) are not returned. `options.ef` is ignored; `options.filter`
   * is called once per scored live vector.
   * @throws RangeError on `indices` and `values` of different lengths or an invalid `k`.
   */
  search(query: SparseVector, k: number, options?: SearchOptions): Hit[] {
    checkK(k);
    const { indices, values } = query;
    if (indices.length !== values.length) throw new RangeError(`sparse query has ${indices.length} indices and ${values.length} values`);
    const slots = this.slots;
    if (k === 0 || slots.live === 0) return [];
    if (this.scores.length < slots.n) {
      this.scores = new Float64Array(slots.cap);
      this.marks = new Uint8Array(slots.cap);
    }
    const scores = this.scores;
    const marks = this.marks;
    const touched: number[] = [];
    for (let i = 0; i < indices.length; i++) {
      const q = values[i]!;
      const posting = q === 0 ? undefined : this.postings.get(indices[i]!);
      if (!posting) continue;
      const ps = posting.slots;
      const pv = posting.values;
      for (let j = 0; j < ps.length; j++) {
        const s = ps[j]!;
        if (marks[s] === 0) {
          marks[s] = 1;
          touched.push(s);
        }
        scores[s] = scores[s]! + q * pv[j]!;
      }
    }
    const filter = options?.filter ?? null;
    const deleted = slots.deleted;
    const labels = slots.labels;
    const top = this.top;
    top.clear();
    let bound = Infinity;
    for (const s of touched) {
      const score = Math.fround(scores[s]!);
      scores[s] = 0;
      marks[s] = 0;
      if (score === 0 || deleted[s] !== 0) continue;
      if (top.size < k || -score < bound) {
        if (filter !== null && !filter(labels[s]!)) continue;
        bound = top.offer(-score, s, k);
      }
    }
    return slots.hits(top, true);
  }

  /** Bytes held by the posting lists (estimated at 16 per pair), the score buffers and the label table. */
  memoryBytes(): number {
    return this.pairs * 16 + this.scores.byteLength + this.marks.byteLength + this.slots.bytes();
  }
}
