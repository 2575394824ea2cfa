import { describe, expect, it } from 'vitest';
import { SparseIndex, type SparseVector } from '../src/index.js';
import { rng } from './helpers.js';

/** n random sparse vectors over `terms` terms, about `nnz` non-zeros each, indices ascending. */
function randomSparse(n: number, terms: number, nnz: number, seed: number): SparseVector[] {
  const r = rng(seed);
  const out: SparseVector[] = [];
  for (let i = 0; i < n; i++) {
    const picked = new Set<number>();
    const count = Math.floor(r() * nnz) + (i % 7 === 0 ? 0 : 1);
    while (picked.size < count) picked.add(Math.floor(r() * terms));
    const indices = Uint32Array.from([...picked].sort((a, b) => a - b));
    out.push({ indices, values: Float32Array.from(indices, () => r()) });
  }
  return out;
}

function naiveIp(a: SparseVector, b: SparseVector): number {
  const m = new Map<number, number>();
  for (let i = 0; i < a.indices.length; i++) m.set(a.indices[i]!, a.values[i]!);
  let s = 0;
  for (let i = 0; i < b.indices.length; i++) s += (m.get(b.indices[i]!) ?? 0) * b.values[i]!;
  return Math.fround(s);
}

describe('SparseIndex', () => {
  const docs = randomSparse(600, 300, 12, 1);
  const queries = randomSparse(40, 300, 8, 2);
  const index = new SparseIndex(16);
  docs.forEach((d, i) => index.add(d, i));

  it('returns the exact inner-product top k, best first, without zero scores', () => {
    for (const q of queries) {
      const got = index.search(q, 20);
      const want = docs
        .map((d, label) => ({ label, score: naiveIp(q, d) }))
        .filter((h) => h.score !== 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, 20);
      expect(got.length).toBe(want.length);
      got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 4));
      for (const h of got) expect(h.score).toBeCloseTo(naiveIp(q, docs[h.label]!), 4);
    }
  });

  it('returns fewer than k hits when fewer vectors share a term with the query', () => {
    const small = new SparseIndex();
    small.add({ indices: [1, 5], values: [0.5, 1] }, 0);
    small.add({ indices: [2], values: [3] }, 1);
    small.add({ indices: [], values: [] }, 2);
    expect(small.search({ indices: [5, 9], values: [2, 1] }, 10)).toEqual([{ label: 0, score: 2 }]);
    expect(small.search({ indices: [], values: [] }, 10)).toEqual([]);
  });

  it('skips deleted and filtered vectors, and a deleted label can be added again', () => {
    const q = queries[0]!;
    const best = index.search(q, 3);
    index.markDeleted(best[0]!.label);
    const after = index.search(q, 3, { filter: (l) => l !== best[1]!.label });
    expect(after.map((h) => h.label)).not.toContain(best[0]!.label);
    expect(after.map((h) => h.label)).not.toContain(best[1]!.label);
    index.add(docs[best[0]!.label]!, best[0]!.label);
    expect(index.search(q, 1)[0]!.label).toBe(best[0]!.label);
    expect(index.size).toBe(docs.length);
  });

  it('refuses mismatched indices and values', () => {
    expect(() => index.add({ indices: [1, 2], values: [1] }, 9999)).toThrow(RangeError);
    expect(() => index.search({ indices: [1], values: [] }, 1)).toThrow(RangeError);
  });
});
