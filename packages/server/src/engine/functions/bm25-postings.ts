/**
 * The BM25 index of one segment's BM25 output field, as knowhere's sparse inverted index with
 * metric BM25 keeps it: per term the documents holding it and the term's frequency there, and
 * each document's length (its frequencies summed). Scores are computed at search time, since
 * `avgdl` (and the IDF weights in the query) change as the collection grows.
 *
 * @packageDocumentation
 */
import type { SparseRow } from '@mvkit/core';
import type { Hit, SearchOptions, VectorIndex } from '@mvkit/hnsw';

/** A BM25 query: IDF-weighted terms, and the scoring parameters of the search. */
export interface Bm25Query extends SparseRow {
  /** `bm25_k1` of the index. */
  k1: number;
  /** `bm25_b` of the index. */
  b: number;
  /** Average document length over the loaded data (at least 1, as knowhere takes it). */
  avgdl: number;
}

/** One term's postings: document labels and the term's frequency in each, in insertion order. */
interface Posting {
  labels: number[];
  tfs: number[];
}

/**
 * BM25 postings of one segment, in the shape of the segment's vector indexes (`add` per row,
 * `search` for the top `k`). Every added document counts in the statistics, deleted or not, as in
 * Milvus (deletions are filtered at search time by the caller's predicate).
 * `add` O(terms); `search` O(Σ posting lengths of the query's terms + hits · log k).
 */
export class Bm25Postings implements Omit<VectorIndex<SparseRow>, 'metric'> {
  /** Sparse: no fixed dimension. */
  readonly dim = 0;
  /** Scored by BM25 (larger is better). */
  readonly metric = 'BM25' as const;
  readonly #terms = new Map<number, Posting>();
  /** Length of each document by label (−1: none). */
  #lengths = new Float64Array(64).fill(-1);
  #rows = 0;
  #tokens = 0;
  #pairs = 0;
  #scores = new Float64Array(0);

  /** Documents added (deleted ones included). */
  get size(): number {
    return this.#rows;
  }

  /** Documents added, as the BM25 statistics count them (`numRow`). */
  get rows(): number {
    return this.#rows;
  }

  /** Sum of the added documents' lengths (`numToken`). */
  get tokens(): number {
    return this.#tokens;
  }

  /** Documents holding `term`. */
  rowsWithTerm(term: number): number {
    return this.#terms.get(term)?.labels.length ?? 0;
  }

  /** Adds the term frequencies of the document `label` (an offset of the segment). */
  add(vector: SparseRow, label: number): void {
    if (label >= this.#lengths.length) {
      const grown = new Float64Array(Math.max(label + 1, this.#lengths.length * 2)).fill(-1);
      grown.set(this.#lengths);
      this.#lengths = grown;
    }
    let length = 0;
    for (let i = 0; i < vector.indices.length; i++) {
      const tf = vector.values[i]!;
      if (tf === 0) continue;
      length += tf;
      const term = vector.indices[i]!;
      let p = this.#terms.get(term);
      if (!p) this.#terms.set(term, (p = { labels: [], tfs: [] }));
      p.labels.push(label);
      p.tfs.push(tf);
      this.#pairs++;
    }
    this.#lengths[label] = length;
    this.#rows++;
    this.#tokens += length;
  }

  /** Deletions are the caller's to filter (the statistics keep deleted documents): a no-op. */
  markDeleted(): void {}

  /**
   * The at most `k` documents of largest BM25 score for `query`, best first (ties by label);
   * documents sharing no term with it are not returned. `options.filter` is called once per
   * scored document.
   */
  search(query: SparseRow, k: number, options?: SearchOptions): Hit[] {
    const { k1, b, avgdl } = query as Bm25Query;
    const dlScale = b / avgdl;
    if (this.#scores.length < this.#lengths.length) this.#scores = new Float64Array(this.#lengths.length);
    const scores = this.#scores;
    const touched: number[] = [];
    for (let i = 0; i < query.indices.length; i++) {
      const w = query.values[i]!;
      const p = w === 0 ? undefined : this.#terms.get(query.indices[i]!);
      if (!p) continue;
      const { labels, tfs } = p;
      for (let j = 0; j < labels.length; j++) {
        const label = labels[j]!;
        const tf = tfs[j]!;
        if (scores[label] === 0) touched.push(label);
        scores[label] = scores[label]! + (w * tf * (k1 + 1)) / (tf + k1 * (1 - b + dlScale * this.#lengths[label]!));
      }
    }
    const filter = options?.filter;
    // The best k in a min-heap (worst at the root), then sorted best first.
    const heap: Hit[] = [];
    const worse = (x: Hit, y: Hit) => x.score < y.score || (x.score === y.score && x.label > y.label);
    for (const label of touched) {
      const score = scores[label]!;
      scores[label] = 0;
      if (k === 0 || score <= 0) continue;
      const hit = { label, score };
      if (heap.length === k && !worse(heap[0]!, hit)) continue;
      if (filter && !filter(label)) continue;
      if (heap.length < k) heapPush(heap, hit, worse);
      else heapReplaceRoot(heap, hit, worse);
    }
    return heap.sort((x, y) => y.score - x.score || x.label - y.label);
  }

  /** Bytes held: about 16 per (term, document) pair, plus the length and score buffers. */
  memoryBytes(): number {
    return this.#pairs * 16 + this.#lengths.byteLength + this.#scores.byteLength;
  }
}

/** Pushes onto a binary heap ordered so that `worse(parent, child)` holds along every edge. */
function heapPush(heap: Hit[], hit: Hit, worse: (x: Hit, y: Hit) => boolean): void {
  let i = heap.push(hit) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

/** Replaces the root of a binary heap (see {@link heapPush}) and sifts it down. */
function heapReplaceRoot(heap: Hit[], hit: Hit, worse: (x: Hit, y: Hit) => boolean): void {
  heap[0] = hit;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
    if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
    if (m === i) return;
    [heap[i], heap[m]] = [heap[m]!, heap[i]!];
    i = m;
  }
}
