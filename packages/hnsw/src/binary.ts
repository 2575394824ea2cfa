/**
 * Exact (brute-force) index over packed binary vectors, HAMMING and JACCARD via a byte popcount table.
 *
 * @packageDocumentation
 */
import { Heap, MAX } from './heap.js';
import { extend, LabelledSlots } from './slots.js';
import {
  checkDim,
  checkK,
  checkLength,
  type BinaryMetric,
  type Hit,
  type SearchOptions,
  type VectorIndex,
} from './types.js';

/** Construction parameters of {@link BinaryFlatIndex}. */
export interface BinaryFlatParams {
  /** Bits per vector, a positive multiple of 8. */
  dim: number;
  /** `HAMMING`, `JACCARD`, `SUBSTRUCTURE` or `SUPERSTRUCTURE` (see {@link BinaryMetric}). */
  metric: BinaryMetric;
  /** Vectors to preallocate for (storage grows by 1.5× beyond it); default 1024. */
  capacity?: number;
}

/** popcount of each byte value. */
const POP = new Uint8Array(256);
for (let i = 1; i < 256; i++) POP[i] = (i & 1) + POP[i >> 1]!;

/**
 * Exact k-NN over packed binary vectors (`dim / 8` bytes each). `search` O(n · dim/8);
 * memory `dim/8 + 5` bytes per vector plus the label table and spare capacity.
 */
export class BinaryFlatIndex implements VectorIndex {
  /** Bits per vector. */
  readonly dim: number;
  /** The metric. */
  readonly metric: BinaryMetric;
  private readonly bytes: number;
  private readonly jaccard: boolean;
  /** SUBSTRUCTURE: 1 (the query is a substructure of the stored vector: query ⊆ stored); SUPERSTRUCTURE: 2 (stored ⊆ query); else 0. */
  private readonly structure: 0 | 1 | 2;
  private vectors: Uint8Array;
  private readonly slots: LabelledSlots;
  private readonly q: Uint8Array;
  private readonly top = new Heap(64, MAX);

  /**
   * @param p - see {@link BinaryFlatParams}.
   * @throws RangeError when `dim` is not a positive multiple of 8 or the metric is unknown.
   */
  constructor(p: BinaryFlatParams) {
    checkDim(p.dim, true);
    if (p.metric !== 'HAMMING' && p.metric !== 'JACCARD' && p.metric !== 'SUBSTRUCTURE' && p.metric !== 'SUPERSTRUCTURE') {
      throw new RangeError(`metric must be HAMMING, JACCARD, SUBSTRUCTURE or SUPERSTRUCTURE, got ${String(p.metric)}`);
    }
    this.dim = p.dim;
    this.metric = p.metric;
    this.bytes = p.dim / 8;
    this.jaccard = p.metric === 'JACCARD';
    this.structure = p.metric === 'SUBSTRUCTURE' ? 1 : p.metric === 'SUPERSTRUCTURE' ? 2 : 0;
    this.slots = new LabelledSlots(p.capacity, (cap) => {
      this.vectors = extend(this.vectors, cap * this.bytes);
    });
    this.vectors = new Uint8Array(this.slots.cap * this.bytes);
    this.q = new Uint8Array(this.bytes);
  }

  /** Number of live (not deleted) vectors. */
  get size(): number {
    return this.slots.live;
  }

  /**
   * Appends a packed vector (copied; each element taken modulo 256).
   * @param vector - `dim / 8` bytes.
   * @param label - integer in [0, 2^31), not the label of a live vector.
   * @throws RangeError on a wrong length, an invalid label or a duplicate live label.
   */
  add(vector: ArrayLike<number> | Uint8Array, label: number): void {
    checkLength(vector, this.bytes, 'binary vector (bytes)');
    const id = this.slots.add(label);
    const off = id * this.bytes;
    for (let i = 0; i < this.bytes; i++) this.vectors[off + i] = vector[i]!;
  }

  /** Soft-deletes `label`; no-op if unknown or already deleted. O(1). */
  markDeleted(label: number): void {
    this.slots.markDeleted(label);
  }

  /**
   * Exact top-k, best (smallest distance) first; ties keep no particular order. For SUBSTRUCTURE
   * only the stored vectors that contain the query (every bit set in the query is set) match, for
   * SUPERSTRUCTURE those the query contains, each at distance 0 (the first `k` found); the others
   * are not returned.
   * `options.ef` is ignored; `options.filter` is called for live candidates that would enter the top-k.
   * @param query - `dim / 8` bytes.
   * @throws RangeError on a wrong query length or an invalid `k`.
   */
  search(query: ArrayLike<number> | Uint8Array, k: number, options?: SearchOptions): Hit[] {
    checkLength(query, this.bytes, 'binary query (bytes)');
    checkK(k);
    if (k === 0 || this.slots.live === 0) return [];
    const nb = this.bytes;
    const q = this.q;
    for (let i = 0; i < nb; i++) q[i] = query[i]!;
    const filter = options?.filter ?? null;
    const vecs = this.vectors;
    const slots = this.slots;
    const deleted = slots.deleted;
    const labels = slots.labels;
    const jac = this.jaccard;
    const structure = this.structure;
    const top = this.top;
    top.clear();
    let bound = Infinity;
    for (let i = 0, n = slots.n; i < n; i++) {
      if (deleted[i] !== 0) continue;
      const o = i * nb;
      let d: number;
      if (structure !== 0) {
        let holds = true;
        for (let j = 0; j < nb && holds; j++) {
          const a = q[j]!;
          const b = vecs[o + j]!;
          holds = (a & b) === (structure === 1 ? a : b);
        }
        if (!holds) continue;
        d = 0;
      } else if (jac) {
        let inter = 0;
        let uni = 0;
        for (let j = 0; j < nb; j++) {
          const a = q[j]!;
          const b = vecs[o + j]!;
          inter += POP[a & b]!;
          uni += POP[a | b]!;
        }
        d = uni === 0 ? 1 : 1 - inter / uni;
      } else {
        d = 0;
        for (let j = 0; j < nb; j++) d += POP[q[j]! ^ vecs[o + j]!]!;
      }
      if (top.size < k || d < bound) {
        if (filter !== null && !filter(labels[i]!)) continue;
        bound = top.offer(d, i, k);
      }
    }
    return slots.hits(top, false);
  }

  /** Bytes held by vectors, labels, deletion flags and the label table (incl. spare capacity). */
  memoryBytes(): number {
    return this.vectors.byteLength + this.slots.bytes();
  }
}
