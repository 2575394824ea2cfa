import { describe, expect, it } from 'vitest';
import { BinaryFlatIndex, FlatIndex, type BinaryMetric, type FloatMetric, type Hit } from '../src/index.js';
import { largerIsBetter, naiveScore, randomVectors, rng } from './helpers.js';

function naiveTopK(metric: string, vs: ArrayLike<number>[], q: ArrayLike<number>, k: number, keep: (i: number) => boolean): Hit[] {
  const all = vs.map((v, i) => ({ label: i, score: naiveScore(metric, q, v) })).filter((h) => keep(h.label));
  all.sort((a, b) => (largerIsBetter(metric) ? b.score - a.score : a.score - b.score));
  return all.slice(0, k);
}

function expectSameHits(got: Hit[], want: Hit[], digits: number): void {
  expect(got).toHaveLength(want.length);
  for (let i = 0; i < want.length; i++) expect(got[i]!.score).toBeCloseTo(want[i]!.score, digits);
  // labels equal up to ties: the multiset of scores matches and every label has its exact score
}

describe.each<FloatMetric>(['L2', 'IP', 'COSINE'])('FlatIndex %s', (metric) => {
  const vs = randomVectors(500, 17, 11);
  const qs = randomVectors(20, 17, 12);
  const index = new FlatIndex({ dim: 17, metric, capacity: 7 });
  vs.forEach((v, i) => index.add(Array.from(v), i));

  it('matches a naive computation exactly (scores and order)', () => {
    for (const q of qs) {
      const got = index.search(q, 15);
      const want = naiveTopK(metric, vs, q, 15, () => true);
      expectSameHits(got, want, 5);
      expect(got.map((h) => h.label)).toEqual(want.map((h) => h.label));
      for (const h of got) expect(h.score).toBeCloseTo(naiveScore(metric, q, vs[h.label]!), 5);
    }
  });

  it('honours filters and soft deletes', () => {
    const idx = new FlatIndex({ dim: 17, metric });
    vs.forEach((v, i) => idx.add(v, i));
    for (let i = 0; i < 500; i += 2) idx.markDeleted(i);
    const keep = (l: number) => l % 2 === 1 && l % 3 === 0;
    for (const q of qs) {
      const got = idx.search(q, 10, { filter: (l) => l % 3 === 0 });
      expect(got.map((h) => h.label)).toEqual(naiveTopK(metric, vs, q, 10, keep).map((h) => h.label));
    }
    expect(idx.size).toBe(250);
  });
});

describe.each<BinaryMetric>(['HAMMING', 'JACCARD'])('BinaryFlatIndex %s', (metric) => {
  const r = rng(7);
  const dim = 72;
  const vs: Uint8Array[] = [];
  for (let i = 0; i < 400; i++) {
    const v = new Uint8Array(dim / 8);
    for (let j = 0; j < v.length; j++) v[j] = (r() * 256) & (r() < 0.5 ? 0xff : 0x0f);
    vs.push(v);
  }
  vs.push(new Uint8Array(dim / 8)); // all zero
  const index = new BinaryFlatIndex({ dim, metric, capacity: 3 });
  vs.forEach((v, i) => index.add(v, i + 1000));

  it('matches a bit-by-bit computation', () => {
    for (let t = 0; t < 20; t++) {
      const q = vs[(t * 37) % vs.length]!.map((b) => b ^ (t & 0x11));
      const got = index.search(q, 12);
      const want = naiveTopK(metric, vs, q, 12, () => true);
      expectSameHits(got, want, 9);
      for (const h of got) expect(h.score).toBeCloseTo(naiveScore(metric, q, vs[h.label - 1000]!), 9);
    }
  });

  it('scores the zero/zero pair as knowhere does, and honours filter and delete', () => {
    const zero = new Uint8Array(dim / 8);
    const [best] = index.search(zero, 1, { filter: (l) => l === 1400 });
    expect(best).toEqual({ label: 1400, score: metric === 'JACCARD' ? 1 : 0 });
    const idx = new BinaryFlatIndex({ dim, metric });
    vs.forEach((v, i) => idx.add(v, i));
    idx.markDeleted(0);
    const hits = idx.search(vs[0]!, 5, { filter: (l) => l < 100 });
    expect(hits).toHaveLength(5);
    for (const h of hits) expect(h.label > 0 && h.label < 100).toBe(true);
  });

  it('validates lengths', () => {
    expect(() => new BinaryFlatIndex({ dim: 12, metric })).toThrow(RangeError);
    expect(() => index.add(new Uint8Array(8), 1)).toThrow(RangeError);
    expect(() => index.add(vs[0]!, 1000)).toThrow(RangeError);
    expect(() => index.search(new Uint8Array(10), 1)).toThrow(RangeError);
    expect(index.memoryBytes()).toBeGreaterThanOrEqual(401 * 9);
  });
});
