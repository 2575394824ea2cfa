/**
 * Exact (brute-force) index over float vectors.
 *
 * @packageDocumentation
 */
import { copyVector, dot, l2sq } from './distance.js';
import { Heap, MAX } from './heap.js';
import { extend, LabelledSlots } from './slots.js';
import {
  checkDim,
  checkK,
  checkLength,
  type FloatMetric,
  type Hit,
  type SearchOptions,
  type VectorIndex,
} from './types.js';

/** Construction parameters of {@link FlatIndex}. */
export interface FlatParams {
  /** Floats per vector, a positive integer. */
  dim: number;
  /** `L2`, `IP` or `COSINE` (see {@link FloatMetric}). */
  metric: FloatMetric;
  /** Vectors to preallocate for (storage grows by 1.5× beyond it); default 1024. */
  capacity?: number;
}

/**
 * Exact k-NN by a full scan. `add` O(dim); `search` O(n · dim + n log k); memory
 * `4·dim + 5` bytes per vector plus the label table (≈16 B) and spare capacity.
 */
export class FlatIndex implements VectorIndex {
  /** Floats per vector. */
  readonly dim: number;
  /** The metric. */
  readonly metric: FloatMetric;
  private readonly isL2: boolean;
  private readonly normalise: boolean;
  private vectors: Float32Array;
  private readonly slots: LabelledSlots;
  private readonly q: Float32Array;
  private readonly top = new Heap(64, MAX);

  /**
   * @param p - see {@link FlatParams}.
   * @throws RangeError on an invalid `dim` or an unknown metric.
   */
  constructor(p: FlatParams) {
    checkDim(p.dim, false);
    if (p.metric !== 'L2' && p.metric !== 'IP' && p.metric !== 'COSINE') {
      throw new RangeError(`metric must be L2, IP or COSINE, got ${String(p.metric)}`);
    }
    this.dim = p.dim;
    this.metric = p.metric;
    this.isL2 = p.metric === 'L2';
    this.normalise = p.metric === 'COSINE';
    this.slots = new LabelledSlots(p.capacity, (cap) => {
      this.vectors = extend(this.vectors, cap * p.dim);
    });
    this.vectors = new Float32Array(this.slots.cap * p.dim);
    this.q = new Float32Array(p.dim);
  }

  /** Number of live (not deleted) vectors. */
  get size(): number {
    return this.slots.live;
  }

  /**
   * Appends a vector (copied; normalised for COSINE).
   * @param vector - `dim` numbers.
   * @param label - integer in [0, 2^31), not the label of a live vector.
   * @throws RangeError on a wrong length, an invalid label or a duplicate live label.
   */
  add(vector: ArrayLike<number>, label: number): void {
    checkLength(vector, this.dim, 'vector');
    const id = this.slots.add(label);
    copyVector(vector, this.vectors, id * this.dim, this.dim, this.normalise);
  }

  /** Soft-deletes `label`; no-op if unknown or already deleted. O(1). */
  markDeleted(label: number): void {
    this.slots.markDeleted(label);
  }

  /**
   * Exact top-k, best first. `options.ef` is ignored; `options.filter` is called once per live vector.
   * @throws RangeError on a wrong query length or an invalid `k`.
   */
  search(query: ArrayLike<number>, k: number, options?: SearchOptions): Hit[] {
    checkLength(query, this.dim, 'query');
    checkK(k);
    if (k === 0 || this.slots.live === 0) return [];
    const dim = this.dim;
    const q = this.q;
    copyVector(query, q, 0, dim, this.normalise);
    const filter = options?.filter ?? null;
    const vecs = this.vectors;
    const slots = this.slots;
    const deleted = slots.deleted;
    const labels = slots.labels;
    const isL2 = this.isL2;
    const top = this.top;
    top.clear();
    let bound = Infinity;
    for (let i = 0, n = slots.n; i < n; i++) {
      if (deleted[i] !== 0) continue;
      const d = isL2 ? l2sq(q, 0, vecs, i * dim, dim) : -dot(q, 0, vecs, i * dim, dim);
      if (top.size < k || d < bound) {
        if (filter !== null && !filter(labels[i]!)) continue;
        bound = top.offer(d, i, k);
      }
    }
    return slots.hits(top, !isL2);
  }

  /** Bytes held by vectors, labels, deletion flags and the label table (incl. spare capacity). */
  memoryBytes(): number {
    return this.vectors.byteLength + this.slots.bytes();
  }
}
