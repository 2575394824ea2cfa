import { describe, expect, it } from 'vitest';
import { AUTOINDEX_HNSW, FlatIndex, HnswIndex, resolveEf, type FloatMetric, type VectorIndex } from '../src/index.js';
import { naiveScore, randomVectors } from './helpers.js';

const METRICS: FloatMetric[] = ['L2', 'IP', 'COSINE'];
const N = 2000;
const DIM = 32;
const data = randomVectors(N, DIM, 1);
const queries = randomVectors(100, DIM, 2);

function build<T extends VectorIndex>(index: T, n = N): T {
  for (let i = 0; i < n; i++) index.add(data[i]!, i * 3 + 7);
  return index;
}

function recall(hnsw: VectorIndex, flat: VectorIndex, ef: number, k = 10): number {
  let hit = 0;
  for (const q of queries) {
    const truth = new Set(flat.search(q, k).map((h) => h.label));
    for (const h of hnsw.search(q, k, { ef })) if (truth.has(h.label)) hit++;
  }
  return hit / (queries.length * k);
}

describe.each(METRICS)('HnswIndex %s', (metric) => {
  const hnsw = build(new HnswIndex({ dim: DIM, metric, seed: 5 }));
  const flat = build(new FlatIndex({ dim: DIM, metric }));

  it('recall@10 vs FLAT is ≥ 0.95 at ef 64 and grows with ef', () => {
    const r16 = recall(hnsw, flat, 16);
    const r64 = recall(hnsw, flat, 64);
    const r256 = recall(hnsw, flat, 256);
    expect(r64).toBeGreaterThanOrEqual(0.95);
    expect(r256).toBeGreaterThanOrEqual(r16);
    expect(r256).toBeGreaterThanOrEqual(0.99);
  });

  it('returns k hits, best first, with scores as Milvus defines them', () => {
    const q = queries[0]!;
    const hits = hnsw.search(q, 10, { ef: 64 });
    expect(hits).toHaveLength(10);
    const larger = metric !== 'L2';
    for (let i = 1; i < hits.length; i++) {
      if (larger) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
      else expect(hits[i - 1]!.score).toBeLessThanOrEqual(hits[i]!.score);
    }
    for (const h of hits) {
      const v = data[(h.label - 7) / 3]!;
      expect(h.score).toBeCloseTo(naiveScore(metric, q, v), 4);
    }
  });
});

describe('HnswIndex soft delete and filter', () => {
  it('never returns deleted labels, and still returns k after many deletions', () => {
    const hnsw = build(new HnswIndex({ dim: DIM, metric: 'L2', seed: 9 }));
    const flat = build(new FlatIndex({ dim: DIM, metric: 'L2' }));
    // delete the exact top 5 of each query, then 70% of everything
    const gone = new Set<number>();
    for (const q of queries.slice(0, 20)) for (const h of flat.search(q, 5)) gone.add(h.label);
    for (let i = 0; i < N; i++) if (i % 10 < 7) gone.add(i * 3 + 7);
    for (const l of gone) {
      hnsw.markDeleted(l);
      flat.markDeleted(l);
    }
    hnsw.markDeleted(999_999); // unknown: no-op
    hnsw.markDeleted([...gone][0]!); // twice: no-op
    expect(hnsw.size).toBe(N - gone.size);
    expect(flat.size).toBe(N - gone.size);
    let hit = 0;
    for (const q of queries) {
      const hits = hnsw.search(q, 10, { ef: 64 });
      expect(hits).toHaveLength(10);
      for (const h of hits) expect(gone.has(h.label)).toBe(false);
      const truth = new Set(flat.search(q, 10).map((h) => h.label));
      for (const h of hits) if (truth.has(h.label)) hit++;
    }
    expect(hit / (queries.length * 10)).toBeGreaterThanOrEqual(0.9);
  });

  it('returns every live vector when k exceeds the live count', () => {
    const hnsw = build(new HnswIndex({ dim: DIM, metric: 'IP', seed: 1 }), 50);
    for (let i = 0; i < 45; i++) hnsw.markDeleted(i * 3 + 7);
    const hits = hnsw.search(queries[0]!, 10);
    expect(hits.map((h) => h.label).sort((a, b) => a - b)).toEqual([45, 46, 47, 48, 49].map((i) => i * 3 + 7));
  });

  it('honours a filter during the search and still returns k matching hits', () => {
    const hnsw = build(new HnswIndex({ dim: DIM, metric: 'COSINE', seed: 3 }));
    const flat = build(new FlatIndex({ dim: DIM, metric: 'COSINE' }));
    for (const mod of [2, 10, 97]) {
      const filter = (label: number) => label % mod === 0;
      let hit = 0;
      for (const q of queries.slice(0, 30)) {
        const hits = hnsw.search(q, 10, { ef: 64, filter });
        expect(hits).toHaveLength(10);
        for (const h of hits) expect(h.label % mod).toBe(0);
        const truth = flat.search(q, 10, { filter });
        expect(truth).toHaveLength(10);
        for (const h of truth) expect(h.label % mod).toBe(0);
        const t = new Set(truth.map((h) => h.label));
        for (const h of hits) if (t.has(h.label)) hit++;
      }
      expect(hit / 300).toBeGreaterThanOrEqual(0.9);
    }
    // a filter matching fewer than k: all of them come back
    const few = hnsw.search(queries[0]!, 10, { filter: (l) => l === 7 || l === 7 + 3 * 1999 });
    expect(few.map((h) => h.label).sort((a, b) => a - b)).toEqual([7, 7 + 3 * 1999]);
    expect(hnsw.search(queries[0]!, 10, { filter: () => false })).toEqual([]);
  });

  it('allows re-adding a deleted label and finds the new vector', () => {
    const hnsw = build(new HnswIndex({ dim: DIM, metric: 'L2' }), 100);
    hnsw.markDeleted(7);
    hnsw.add(data[500]!, 7);
    expect(hnsw.size).toBe(100);
    const [best] = hnsw.search(data[500]!, 1);
    expect(best).toEqual({ label: 7, score: 0 });
  });
});

describe('validation and parameters', () => {
  it('resolveEf applies the Milvus rule with knowhere’s message', () => {
    expect(resolveEf(10)).toBe(16);
    expect(resolveEf(100)).toBe(100);
    expect(resolveEf(10, 10)).toBe(10);
    expect(resolveEf(10, 64)).toBe(64);
    expect(() => resolveEf(10, 5)).toThrow(RangeError);
    expect(() => resolveEf(10, 5)).toThrow(/^ef\(5\) should be larger than k\(10\)$/);
    expect(AUTOINDEX_HNSW).toEqual({ M: 18, efConstruction: 240 });
  });

  it('raises ef to k internally', () => {
    const hnsw = build(new HnswIndex({ dim: DIM, metric: 'L2' }), 500);
    expect(hnsw.search(queries[0]!, 100, { ef: 1 })).toHaveLength(100);
  });

  it('throws RangeError on wrong dimensions, duplicate and invalid labels, bad k', () => {
    for (const index of [new HnswIndex({ dim: 4, metric: 'L2' }), new FlatIndex({ dim: 4, metric: 'IP' })]) {
      index.add([1, 2, 3, 4], 1);
      expect(() => index.add([1, 2, 3], 2)).toThrow(RangeError);
      expect(() => index.add(new Float32Array(5), 2)).toThrow(RangeError);
      expect(() => index.add([1, 2, 3, 4], 1)).toThrow(RangeError);
      expect(() => index.add([1, 2, 3, 4], -1)).toThrow(RangeError);
      expect(() => index.add([1, 2, 3, 4], 2 ** 31)).toThrow(RangeError);
      expect(() => index.add([1, 2, 3, 4], 1.5)).toThrow(RangeError);
      expect(() => index.search([1, 2, 3], 1)).toThrow(RangeError);
      expect(() => index.search([1, 2, 3, 4], -1)).toThrow(RangeError);
      expect(index.search([1, 2, 3, 4], 0)).toEqual([]);
      expect(index.size).toBe(1);
    }
    expect(() => new HnswIndex({ dim: 0, metric: 'L2' })).toThrow(RangeError);
    expect(() => new HnswIndex({ dim: 4, metric: 'L2', M: 1 })).toThrow(RangeError);
  });

  it('builds deterministically for a seed', () => {
    const a = build(new HnswIndex({ dim: DIM, metric: 'L2', seed: 42, M: 8, efConstruction: 40 }), 1000);
    const b = build(new HnswIndex({ dim: DIM, metric: 'L2', seed: 42, M: 8, efConstruction: 40 }), 1000);
    const c = build(new HnswIndex({ dim: DIM, metric: 'L2', seed: 43, M: 8, efConstruction: 40 }), 1000);
    expect(a.memoryBytes()).toBe(b.memoryBytes());
    let differs = false;
    for (const q of queries) {
      const ra = a.search(q, 10, { ef: 16 });
      expect(b.search(q, 10, { ef: 16 })).toEqual(ra);
      if (JSON.stringify(c.search(q, 10, { ef: 16 })) !== JSON.stringify(ra)) differs = true;
    }
    expect(differs).toBe(true);
  });

  it('grows past its capacity, and memoryBytes is sane', () => {
    const small = build(new HnswIndex({ dim: DIM, metric: 'COSINE', capacity: 10 }), 1000);
    expect(small.size).toBe(1000);
    expect(small.search(data[10]!, 1)[0]!.label).toBe(10 * 3 + 7);
    const exact = build(new HnswIndex({ dim: DIM, metric: 'COSINE', capacity: N }));
    const perVector = exact.memoryBytes() / N;
    // 128 B vector + 33 × 4 B layer-0 links + small per-node overhead
    expect(perVector).toBeGreaterThan(DIM * 4 + 33 * 4);
    expect(perVector).toBeLessThan(DIM * 4 + 33 * 4 + 64);
    const flat = build(new FlatIndex({ dim: DIM, metric: 'L2', capacity: N }));
    expect(flat.memoryBytes() / N).toBeGreaterThanOrEqual(DIM * 4);
    expect(flat.memoryBytes() / N).toBeLessThan(DIM * 4 + 32);
    expect(new HnswIndex({ dim: DIM, metric: 'L2', capacity: 100 }).memoryBytes()).toBeLessThan(
      exact.memoryBytes() / 10,
    );
  });
});

describe('HnswIndex state (toState / fromState)', () => {
  it.each(METRICS)('%s: a restored index searches and grows exactly as the original', (metric) => {
    const dim = 12;
    const vectors = randomVectors(700, dim, 41);
    const original = new HnswIndex({ dim, metric, M: 8, efConstruction: 40, capacity: 300, seed: 5 });
    const twin = new HnswIndex({ dim, metric, M: 8, efConstruction: 40, capacity: 300, seed: 5 });
    for (let i = 0; i < 500; i++) {
      original.add(vectors[i]!, i * 2);
      twin.add(vectors[i]!, i * 2);
    }
    original.markDeleted(4);
    twin.markDeleted(4);
    const state = original.toState();
    // As a worker thread's answer arrives: cloned, with the buffers transferred.
    const moved = structuredClone(state, { transfer: [...state.buffers] });
    expect(state.vectors.length).toBe(0); // detached: the original gave its arrays away
    const restored = HnswIndex.fromState(moved);
    expect(restored.size).toBe(twin.size);
    for (let i = 500; i < 700; i++) {
      restored.add(vectors[i]!, i * 2);
      twin.add(vectors[i]!, i * 2);
    }
    for (const q of randomVectors(30, dim, 42)) expect(restored.search(q, 10, { ef: 50 })).toEqual(twin.search(q, 10, { ef: 50 }));
    expect(() => restored.add(vectors[0]!, 2)).toThrow(/duplicate label/);
    restored.add(vectors[0]!, 4); // a deleted label may come back
    twin.add(vectors[0]!, 4);
    expect(restored.search(vectors[0]!, 5, { ef: 50 })).toEqual(twin.search(vectors[0]!, 5, { ef: 50 }));
    // Under L2 and COSINE a vector is its own nearest neighbour (not under IP).
    if (metric !== 'IP') expect(restored.search(vectors[0]!, 5, { ef: 50 }).map((h) => h.label)).toContain(4);
  });

  it('refuses arrays that do not fit one capacity', () => {
    const index = new HnswIndex({ dim: 4, metric: 'L2', capacity: 8 });
    index.add([1, 2, 3, 4], 0);
    const state = index.toState();
    expect(() => HnswIndex.fromState({ ...state, vectors: new Float32Array(3) })).toThrow(RangeError);
    expect(() => HnswIndex.fromState({ ...state, count: 9 })).toThrow(RangeError);
  });
});
