/**
 * Exact (brute-force) index over float vectors.
 *
 * @packageDocumentation
 */
import { copyVector, dot, l2sq } from './distance.js';
import { MaxHeap } from './heap.js';
import { LabelTable } from './labels.js';
import {
  checkDim,
  checkK,
  checkLabel,
  checkLength,
  grow,
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
  private cap: number;
  private n = 0;
  private live = 0;
  private vectors: Float32Array;
  private labels: Int32Array;
  private deleted: Uint8Array;
  private readonly table: LabelTable;
  private readonly q: Float32Array;
  private readonly top = new MaxHeap(64);

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
    const cap = Math.max(1, Math.floor(p.capacity ?? 1024));
    this.cap = cap;
    this.vectors = new Float32Array(cap * p.dim);
    this.labels = new Int32Array(cap);
    this.deleted = new Uint8Array(cap);
    this.table = new LabelTable(cap);
    this.q = new Float32Array(p.dim);
  }

  /** Number of live (not deleted) vectors. */
  get size(): number {
    return this.live;
  }

  /**
   * Appends a vector (copied; normalised for COSINE).
   * @param vector - `dim` numbers.
   * @param label - integer in [0, 2^31), not the label of a live vector.
   * @throws RangeError on a wrong length, an invalid label or a duplicate live label.
   */
  add(vector: ArrayLike<number>, label: number): void {
    checkLength(vector, this.dim, 'vector');
    checkLabel(label);
    const prev = this.table.get(label);
    if (prev >= 0 && this.deleted[prev] === 0) throw new RangeError(`duplicate label ${label}`);
    if (this.n === this.cap) this.resize(grow(this.cap, this.n + 1));
    const id = this.n++;
    copyVector(vector, this.vectors, id * this.dim, this.dim, this.normalise);
    this.labels[id] = label;
    this.deleted[id] = 0;
    this.table.set(label, id);
    this.live++;
  }

  /** Soft-deletes `label`; no-op if unknown or already deleted. O(1). */
  markDeleted(label: number): void {
    if (!Number.isInteger(label) || label < 0) return;
    const id = this.table.get(label);
    if (id < 0 || this.deleted[id] !== 0) return;
    this.deleted[id] = 1;
    this.live--;
  }

  /**
   * Exact top-k, best first. `options.ef` is ignored; `options.filter` is called once per live vector.
   * @throws RangeError on a wrong query length or an invalid `k`.
   */
  search(query: ArrayLike<number>, k: number, options?: SearchOptions): Hit[] {
    checkLength(query, this.dim, 'query');
    checkK(k);
    if (k === 0 || this.live === 0) return [];
    const dim = this.dim;
    const q = this.q;
    copyVector(query, q, 0, dim, this.normalise);
    const filter = options?.filter ?? null;
    const vecs = this.vectors;
    const deleted = this.deleted;
    const labels = this.labels;
    const isL2 = this.isL2;
    const top = this.top;
    top.clear();
    let bound = Infinity;
    for (let i = 0, n = this.n; i < n; i++) {
      if (deleted[i] !== 0) continue;
      const d = isL2 ? l2sq(q, 0, vecs, i * dim, dim) : -dot(q, 0, vecs, i * dim, dim);
      if (top.size < k || d < bound) {
        if (filter !== null && !filter(labels[i]!)) continue;
        top.push(d, i);
        if (top.size > k) top.pop();
        bound = top.peekKey();
      }
    }
    const out = new Array<Hit>(top.size);
    for (let i = top.size - 1; i >= 0; i--) {
      const id = top.pop();
      const d = top.lastKey;
      out[i] = { label: labels[id]!, score: isL2 ? d : -d };
    }
    return out;
  }

  /** Bytes held by vectors, labels, deletion flags and the label table (incl. spare capacity). */
  memoryBytes(): number {
    return this.vectors.byteLength + this.labels.byteLength + this.deleted.byteLength + this.table.bytes();
  }

  private resize(cap: number): void {
    const f = new Float32Array(cap * this.dim);
    f.set(this.vectors);
    this.vectors = f;
    const lb = new Int32Array(cap);
    lb.set(this.labels);
    this.labels = lb;
    const dl = new Uint8Array(cap);
    dl.set(this.deleted);
    this.deleted = dl;
    this.cap = cap;
  }
}
