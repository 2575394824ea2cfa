/**
 * HNSW (Malkov & Yashunin) over contiguous typed-array storage, following hnswlib's algorithms:
 * greedy descent on upper layers, beam search with `ef` on each layer, heuristic neighbour
 * selection (paper's algorithm 4, without extending candidates or keeping pruned links) both for
 * a new node's links and when an overflowing neighbour list is shrunk.
 *
 * Layout (n = nodes ever added, including soft-deleted ones):
 * - vectors: a {@link VectorStore} (`dim` float32 per node, normalised for COSINE), in WebAssembly
 *   memory read in place by the SIMD kernels where the runtime has WebAssembly SIMD;
 * - `links0`: Int32Array, `2M + 1` ints per node: `[count, n_1 .. n_2M]` (layer 0);
 * - `upper`: Int32Array blocks of `level × (M + 1)` ints for nodes with level ≥ 1, `upperOff[node]`
 *   locating them (layer l at `upperOff + (l − 1)(M + 1)`, same `[count, ...]` format);
 * - `levels` (Uint8Array);
 * - labels, tombstones and the label → node table in `slots` ({@link LabelledSlots}), whose typed
 *   arrays the search loops read directly.
 *
 * @packageDocumentation
 */
import { Heap, MAX, MIN } from './heap.js';
import { extend, LabelledSlots } from './slots.js';
import { VectorStore } from './vectors.js';
import {
  checkDim,
  checkK,
  checkLength,
  grow,
  type FloatMetric,
  type Hit,
  type SearchOptions,
  type VectorIndex,
} from './types.js';

/**
 * What {@link HnswIndex.toState} gives: the parameters, the node count and the index's typed
 * arrays (each holding `capacity` nodes, of which the first `count` are used), plain data that a
 * structured clone carries.
 */
export interface HnswState {
  readonly params: Readonly<Required<Pick<HnswParams, 'dim' | 'metric' | 'M' | 'efConstruction'>>>;
  /** Nodes added (deleted ones included). */
  readonly count: number;
  readonly labels: Int32Array;
  readonly deleted: Uint8Array;
  /** `capacity × dim` floats, node by node: a copy (the index's own rows may be in WebAssembly memory). */
  readonly vectors: Float32Array;
  readonly links0: Int32Array;
  readonly levels: Uint8Array;
  readonly upperOff: Int32Array;
  readonly upper: Int32Array;
  readonly upperUsed: number;
  readonly entry: number;
  readonly maxLevel: number;
  /** State of the level generator. */
  readonly rng: number;
  /** The arrays' buffers, to list as transferables when posting the state. */
  readonly buffers: readonly ArrayBuffer[];
}

/** Construction parameters of {@link HnswIndex}. */
export interface HnswParams {
  /** Floats per vector, a positive integer. */
  dim: number;
  /** `L2`, `IP` or `COSINE` (see {@link FloatMetric} for the score semantics). */
  metric: FloatMetric;
  /**
   * Max links per node on upper layers (layer 0: `2·M`), integer in [2, 2048]; default 16.
   * Memory per node grows by `8·M` bytes; build and search cost grow roughly linearly.
   */
  M?: number;
  /** Beam width while inserting, integer ≥ 1; default 200. Build time grows roughly linearly. */
  efConstruction?: number;
  /** Nodes to preallocate for (storage grows by 1.5× beyond it); default 1024. */
  capacity?: number;
  /** Seed of the level generator; the same seed and insert sequence give the same graph. Default 100. */
  seed?: number;
}

const DEFAULT_EF = 16;

/**
 * Approximate nearest-neighbour index (HNSW) over float vectors.
 *
 * Costs: `add` ≈ O(efConstruction · M · log n) distance computations of O(dim);
 * `search` ≈ O(ef · 2M · log n) distance computations; memory ≈ `4·dim + 8·M + 4 + ~30` bytes
 * per node plus spare capacity. Not safe for re-entrant use (a `filter` must not call the index).
 */
export class HnswIndex implements VectorIndex {
  /** Floats per vector. */
  readonly dim: number;
  /** The metric. */
  readonly metric: FloatMetric;
  /** Max links per node on upper layers (layer 0: `2·M`). */
  readonly M: number;
  /** Beam width while inserting. */
  readonly efConstruction: number;

  private readonly M0: number;
  private readonly stride0: number;
  private readonly strideU: number;
  private readonly mL: number;
  private readonly isL2: boolean;
  private readonly normalise: boolean;

  private slots: LabelledSlots;
  private store: VectorStore;
  private links0: Int32Array;
  private levels: Uint8Array;
  private upperOff: Int32Array;
  private upper: Int32Array;
  private upperUsed = 0;
  private visited: Uint16Array;
  private epoch = 0;
  private entry = -1;
  private maxLevel = -1;
  private rng: number;

  private readonly cand: Heap;
  private readonly top: Heap;
  private selIds: Int32Array;
  private selDists: Float64Array;
  private readonly nbIds: Int32Array;
  private readonly nbDists: Float64Array;

  /**
   * @param p - see {@link HnswParams}.
   * @throws RangeError on a non-positive/non-integer `dim`, `M` outside [2, 2048], `efConstruction` < 1,
   *   or an unknown metric.
   */
  constructor(p: HnswParams) {
    checkDim(p.dim, false);
    if (p.metric !== 'L2' && p.metric !== 'IP' && p.metric !== 'COSINE') {
      throw new RangeError(`metric must be L2, IP or COSINE, got ${String(p.metric)}`);
    }
    const M = p.M ?? 16;
    if (!Number.isInteger(M) || M < 2 || M > 2048) throw new RangeError(`M must be an integer in [2, 2048], got ${M}`);
    const efc = p.efConstruction ?? 200;
    if (!Number.isInteger(efc) || efc < 1) throw new RangeError(`efConstruction must be a positive integer, got ${efc}`);
    this.dim = p.dim;
    this.metric = p.metric;
    this.M = M;
    this.efConstruction = efc;
    this.M0 = 2 * M;
    this.stride0 = 2 * M + 1;
    this.strideU = M + 1;
    this.mL = 1 / Math.log(M);
    this.isL2 = p.metric === 'L2';
    this.normalise = p.metric === 'COSINE';
    this.rng = (p.seed ?? 100) >>> 0 || 0x9e3779b9;

    this.slots = new LabelledSlots(p.capacity, (cap) => this.resize(cap));
    const cap = this.slots.cap;
    this.store = new VectorStore(p.dim, this.isL2, cap, this.M0);
    this.links0 = new Int32Array(cap * this.stride0);
    this.levels = new Uint8Array(cap);
    this.upperOff = new Int32Array(cap);
    this.upper = new Int32Array(Math.max(64, Math.ceil((cap / (M - 1)) * this.strideU * 1.2)));
    this.visited = new Uint16Array(cap);

    this.cand = new Heap(256, MIN);
    this.top = new Heap(Math.max(efc, 256) + 1, MAX);
    this.selIds = new Int32Array(Math.max(efc, this.M0) + 2);
    this.selDists = new Float64Array(this.selIds.length);
    this.nbIds = new Int32Array(this.M0 + 2);
    this.nbDists = new Float64Array(this.M0 + 2);
  }

  /** Number of live (not deleted) vectors. */
  get size(): number {
    return this.slots.live;
  }

  /**
   * Inserts a vector (copied; normalised for COSINE). Cost: see the class comment.
   *
   * @param vector - `dim` numbers.
   * @param label - integer in [0, 2^31), not the label of a live vector (a deleted label may be
   *   reused: a new node is inserted and the old one stays a tombstone).
   * @throws RangeError on a wrong length, an invalid label or a duplicate live label.
   */
  add(vector: ArrayLike<number>, label: number): void {
    checkLength(vector, this.dim, 'vector');
    const id = this.slots.add(label);
    const qa = this.store.addr(id);
    this.store.write(qa, vector, this.normalise);
    const level = this.randomLevel();
    this.levels[id] = level;
    this.links0[id * this.stride0] = 0;
    if (level > 0) {
      const need = level * this.strideU;
      if (this.upperUsed + need > this.upper.length) this.upper = extend(this.upper, grow(this.upper.length, this.upperUsed + need));
      const off = this.upperUsed;
      this.upperUsed += need;
      for (let l = 0; l < level; l++) this.upper[off + l * this.strideU] = 0;
      this.upperOff[id] = off;
    } else {
      this.upperOff[id] = -1;
    }

    if (this.entry < 0) {
      this.entry = id;
      this.maxLevel = level;
      return;
    }
    let cur = this.entry;
    if (level < this.maxLevel) cur = this.greedy(qa, cur, this.maxLevel, level);
    for (let l = Math.min(level, this.maxLevel); l >= 0; l--) {
      this.searchLayer(qa, cur, l, this.efConstruction);
      cur = this.connect(id, l);
    }
    if (level > this.maxLevel) {
      this.entry = id;
      this.maxLevel = level;
    }
  }

  /** Soft-deletes `label` (it still routes searches, is never returned). No-op if unknown. O(1). */
  markDeleted(label: number): void {
    this.slots.markDeleted(label);
  }

  /**
   * The at most `k` nearest live vectors, best first, scored per the metric.
   *
   * @param query - `dim` numbers (normalised internally for COSINE).
   * @param k - hits wanted, a non-negative integer.
   * @param options - `ef` (raised to at least `k`; default `max(k, 16)`), `filter` applied during
   *   the walk (the search continues until `ef` matching nodes are held or candidates run out).
   * @throws RangeError on a wrong query length, an invalid `k` or a non-positive `ef`.
   */
  search(query: ArrayLike<number>, k: number, options?: SearchOptions): Hit[] {
    checkLength(query, this.dim, 'query');
    checkK(k);
    let ef = options?.ef ?? DEFAULT_EF;
    if (!(ef > 0)) throw new RangeError(`ef must be positive, got ${ef}`);
    ef = Math.max(Math.floor(ef), k);
    if (k === 0 || this.slots.live === 0) return [];
    const qa = this.store.queryAddr;
    this.store.write(qa, query, this.normalise);
    const filter = options?.filter ?? null;
    let cur = this.entry;
    if (this.maxLevel > 0) cur = this.greedy(qa, cur, this.maxLevel, 0);
    if (filter === null && this.slots.live === this.slots.n) this.searchLayer(qa, cur, 0, ef);
    else this.searchChecked(qa, cur, ef, filter);

    const top = this.top;
    while (top.size > k) top.pop();
    return this.slots.hits(top, !this.isL2);
  }

  /**
   * The index's contents as plain data, to move it to another thread (post it with its
   * {@link HnswState.buffers} transferred) and rebuild it there with {@link HnswIndex.fromState}.
   * The arrays are the index's own, not copies (except `vectors`, copied out of the index's
   * WebAssembly memory): once they are transferred, this index is unusable.
   */
  toState(): HnswState {
    const { dim, metric, M, efConstruction } = this;
    const { labels, deleted, n } = this.slots;
    const vectors = this.store.export(this.slots.cap);
    const state = { params: { dim, metric, M, efConstruction }, count: n, labels, deleted, vectors, links0: this.links0, levels: this.levels, upperOff: this.upperOff, upper: this.upper };
    return {
      ...state,
      upperUsed: this.upperUsed,
      entry: this.entry,
      maxLevel: this.maxLevel,
      rng: this.rng,
      buffers: [labels, deleted, vectors, this.links0, this.levels, this.upperOff, this.upper].map((a) => a.buffer as ArrayBuffer),
    };
  }

  /**
   * The index whose {@link HnswIndex.toState | state} this is: it answers every search as the
   * original did and goes on growing like it (same level generator state). O(count) to rebuild the
   * label table; the arrays are adopted, not copied (except `vectors`, copied into the index's
   * vector store).
   * @throws RangeError when the arrays' lengths do not fit one capacity, or on invalid params.
   */
  static fromState(state: HnswState): HnswIndex {
    const index = new HnswIndex({ ...state.params, capacity: 1 });
    const cap = state.levels.length;
    const { dim } = index;
    if (
      state.count > cap ||
      state.vectors.length !== cap * dim ||
      state.links0.length !== cap * index.stride0 ||
      state.upperOff.length !== cap ||
      state.labels.length !== cap ||
      state.deleted.length !== cap ||
      state.upperUsed > state.upper.length
    ) {
      throw new RangeError('HnswIndex.fromState: array lengths do not match one capacity');
    }
    index.slots = LabelledSlots.restore(state.labels, state.deleted, state.count, (c) => index.resize(c));
    index.store.resize(cap);
    index.store.import(state.vectors);
    index.links0 = state.links0;
    index.levels = state.levels;
    index.upperOff = state.upperOff;
    index.upper = state.upper;
    index.upperUsed = state.upperUsed;
    index.visited = new Uint16Array(cap);
    index.entry = state.entry;
    index.maxLevel = state.maxLevel;
    index.rng = state.rng;
    return index;
  }

  /** Bytes held by vectors, links, per-node arrays, label table and visited list (incl. spare capacity). */
  memoryBytes(): number {
    return (
      this.store.bytes() +
      this.links0.byteLength +
      this.upper.byteLength +
      this.levels.byteLength +
      this.upperOff.byteLength +
      this.visited.byteLength +
      this.slots.bytes()
    );
  }

  // ---------------------------------------------------------------------------------------------

  /** Level for a new node: floor(−ln(U) · mL), U uniform in (0, 1) from a seeded xorshift32. */
  private randomLevel(): number {
    let x = this.rng;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.rng = x;
    const u = (x + 0.5) / 4294967296;
    return Math.min(Math.floor(-Math.log(u) * this.mL), 200);
  }

  /** Distance (smaller is better) between stored nodes a and b. */
  private nodeDist(a: number, b: number): number {
    const store = this.store;
    return store.dist(store.addr(a), store.addr(b), this.dim);
  }

  /**
   * Greedy walk (beam 1) from `cur` at layer `from` down to layer `to + 1` towards the vector at
   * byte address `qa` of the store; returns the node reached.
   */
  private greedy(qa: number, cur: number, from: number, to: number): number {
    const dim = this.dim;
    const store = this.store;
    const dist = store.dist;
    const upper = this.upper;
    const upperOff = this.upperOff;
    const strideU = this.strideU;
    let curDist = dist(qa, store.addr(cur), dim);
    for (let l = from; l > to; l--) {
      let changed = true;
      while (changed) {
        changed = false;
        const base = upperOff[cur]! + (l - 1) * strideU;
        const cnt = upper[base]!;
        for (let j = 1; j <= cnt; j++) {
          const nb = upper[base + j]!;
          const d = dist(qa, store.addr(nb), dim);
          if (d < curDist) {
            curDist = d;
            cur = nb;
            changed = true;
          }
        }
      }
    }
    return cur;
  }

  /** Starts a walk: a fresh epoch of the visited list (cleared once every 65535 walks), empty heaps. */
  private nextEpoch(): number {
    let epoch = this.epoch + 1;
    if (epoch === 65536) {
      this.visited.fill(0);
      epoch = 1;
    }
    this.epoch = epoch;
    this.cand.clear();
    this.top.clear();
    return epoch;
  }

  /**
   * Beam search at `level` from `ep` with width `ef` towards the vector at byte address `qa`;
   * leaves the best `ef` nodes in `this.top` (a max-heap on distance). Every node counts (no
   * filter, no tombstones): the path of inserts and of searches without either, as hnswlib's
   * searchBaseLayerST without a filter.
   */
  private searchLayer(qa: number, ep: number, level: number, ef: number): void {
    const store = this.store;
    const { ids, out } = store;
    const d0 = store.dist(qa, store.addr(ep), this.dim);
    const visited = this.visited;
    const epoch = this.nextEpoch();
    const cand = this.cand;
    const top = this.top;
    const links = level === 0 ? this.links0 : this.upper;
    const stride = this.stride0;
    const upperOff = this.upperOff;
    const lvlOff = (level - 1) * this.strideU;

    top.push(d0, ep);
    cand.push(d0, ep);
    visited[ep] = epoch;
    let lowerBound = d0;
    while (cand.size > 0) {
      if (cand.peekKey() > lowerBound) break;
      const c = cand.pop();
      const base = level === 0 ? c * stride : upperOff[c]! + lvlOff;
      const m = this.unvisited(links, base, epoch);
      if (m === 0) continue;
      store.distances(qa, m);
      for (let i = 0; i < m; i++) {
        const d = out[i]!;
        if (top.size < ef || d < lowerBound) {
          const nb = ids[i]!;
          cand.push(d, nb);
          lowerBound = top.offer(d, nb, ef);
        }
      }
    }
  }

  /**
   * Marks the unvisited neighbours of the link list at `links[base]` (count, then ids) visited in
   * `epoch` and writes them to the store's `ids` scratch, for one batch distance call.
   * @returns how many were written.
   */
  private unvisited(links: Int32Array, base: number, epoch: number): number {
    const visited = this.visited;
    const ids = this.store.ids;
    const cnt = links[base]!;
    let m = 0;
    for (let j = 1; j <= cnt; j++) {
      const nb = links[base + j]!;
      if (visited[nb] === epoch) continue;
      visited[nb] = epoch;
      ids[m++] = nb;
    }
    return m;
  }

  /**
   * Beam search at layer 0 as {@link HnswIndex.searchLayer}, where deleted nodes and nodes failing
   * `filter` route but are not collected; the walk goes on until `ef` are collected or candidates
   * run out.
   */
  private searchChecked(qa: number, ep: number, ef: number, filter: ((label: number) => boolean) | null): void {
    const store = this.store;
    const { ids, out } = store;
    const d0 = store.dist(qa, store.addr(ep), this.dim);
    const deleted = this.slots.deleted;
    const labels = this.slots.labels;
    const visited = this.visited;
    const epoch = this.nextEpoch();
    const cand = this.cand;
    const top = this.top;
    const links = this.links0;
    const stride = this.stride0;

    let lowerBound = Infinity;
    if (deleted[ep] === 0 && (filter === null || filter(labels[ep]!))) {
      top.push(d0, ep);
      lowerBound = d0;
    }
    cand.push(d0, ep);
    visited[ep] = epoch;
    while (cand.size > 0) {
      if (cand.peekKey() > lowerBound && top.size === ef) break;
      const c = cand.pop();
      const base = c * stride;
      const m = this.unvisited(links, base, epoch);
      if (m === 0) continue;
      store.distances(qa, m);
      for (let i = 0; i < m; i++) {
        const d = out[i]!;
        if (top.size < ef || d < lowerBound) {
          const nb = ids[i]!;
          cand.push(d, nb);
          if (deleted[nb] === 0 && (filter === null || filter(labels[nb]!))) lowerBound = top.offer(d, nb, ef);
        }
      }
    }
  }

  /**
   * Heuristic neighbour selection (hnswlib's getNeighborsByHeuristic2) over `ids/dists[0..cnt)`,
   * sorted by ascending distance to the base point: keeps a candidate only if it is closer to the
   * base than to every candidate kept so far, up to `maxM`. Compacts in place; returns the count.
   */
  private heuristic(ids: Int32Array, dists: Float64Array, cnt: number, maxM: number): number {
    if (cnt < maxM) return cnt;
    const dim = this.dim;
    const store = this.store;
    const dist = store.dist;
    let sel = 0;
    for (let i = 0; i < cnt && sel < maxM; i++) {
      const c = ids[i]!;
      const dq = dists[i]!;
      const ca = store.addr(c);
      let good = true;
      for (let j = 0; j < sel; j++) {
        const d = dist(ca, store.addr(ids[j]!), dim);
        if (d < dq) {
          good = false;
          break;
        }
      }
      if (good) {
        ids[sel] = c;
        dists[sel] = dq;
        sel++;
      }
    }
    return sel;
  }

  /**
   * Links new node `id` at `level` to the heuristic selection of `this.top` and back-links each
   * selected neighbour (shrinking its list with the heuristic when full). Returns the closest
   * selected node (entry point for the next layer down).
   */
  private connect(id: number, level: number): number {
    const top = this.top;
    let cnt = top.size;
    if (this.selIds.length < cnt) {
      this.selIds = new Int32Array(cnt + 1);
      this.selDists = new Float64Array(cnt + 1);
    }
    const ids = this.selIds;
    const dists = this.selDists;
    for (let i = cnt - 1; i >= 0; i--) {
      ids[i] = top.pop();
      dists[i] = top.lastKey;
    }
    cnt = this.heuristic(ids, dists, cnt, this.M);

    const maxDeg = level === 0 ? this.M0 : this.M;
    const links = level === 0 ? this.links0 : this.upper;
    const myBase = level === 0 ? id * this.stride0 : this.upperOff[id]! + (level - 1) * this.strideU;
    links[myBase] = cnt;
    for (let i = 0; i < cnt; i++) links[myBase + 1 + i] = ids[i]!;

    const nbIds = this.nbIds;
    const nbDists = this.nbDists;
    for (let i = 0; i < cnt; i++) {
      const s = ids[i]!;
      const base = level === 0 ? s * this.stride0 : this.upperOff[s]! + (level - 1) * this.strideU;
      const sc = links[base]!;
      if (sc < maxDeg) {
        links[base + 1 + sc] = id;
        links[base] = sc + 1;
        continue;
      }
      // Full: candidates = existing neighbours + the new node, by distance to s; keep the heuristic's pick.
      let m = 0;
      const dNew = dists[i]!;
      nbIds[m] = id;
      nbDists[m++] = dNew;
      for (let j = 1; j <= sc; j++) {
        const nb = links[base + j]!;
        const d = this.nodeDist(nb, s);
        // insertion sort by ascending distance
        let p = m++;
        while (p > 0 && nbDists[p - 1]! > d) {
          nbDists[p] = nbDists[p - 1]!;
          nbIds[p] = nbIds[p - 1]!;
          p--;
        }
        nbDists[p] = d;
        nbIds[p] = nb;
      }
      const kept = this.heuristic(nbIds, nbDists, m, maxDeg);
      links[base] = kept;
      for (let j = 0; j < kept; j++) links[base + 1 + j] = nbIds[j]!;
    }
    return ids[0]!;
  }

  /** Grows this index's per-node buffers to `cap` nodes (labels and tombstones grow in `slots`). */
  private resize(cap: number): void {
    this.store.resize(cap);
    this.links0 = extend(this.links0, cap * this.stride0);
    this.levels = extend(this.levels, cap);
    this.upperOff = extend(this.upperOff, cap);
    this.visited = extend(this.visited, cap);
  }
}
