import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { HnswIndex } from '../src/index.js';
import { VectorStore } from '../src/vectors.js';
import { randomVectors, rng } from './helpers.js';

const DIMS = [1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 31, 33, 100, 128, 129, 784, 1023];

describe('VectorStore kernels: WebAssembly SIMD and the TypeScript fallback agree', () => {
  it('runs the SIMD kernels here (Node 20 has WebAssembly SIMD)', () => {
    expect(new VectorStore(4, true, 1, 1).simd).toBe(true);
    expect(new VectorStore(4, true, 1, 1, false).simd).toBe(false);
  });

  it.each(DIMS)('dim %i: L2 and inner product within 1e-5 relative (random vectors, unaligned rows), single and batch', (dim) => {
    const r = rng(dim);
    const rows = 20;
    for (const l2 of [true, false]) {
      for (const normalise of [false, true]) {
        const simd = new VectorStore(dim, l2, rows, rows);
        const ts = new VectorStore(dim, l2, rows, rows, false);
        const stored: Float32Array[] = [];
        for (let id = 0; id < rows; id++) {
          const v = Array.from({ length: dim }, () => r() * 4 - 2);
          const row = new Float32Array(dim);
          ts.write(ts.addr(id), v, normalise);
          row.set(ts.f32.subarray(ts.addr(id) / 4, ts.addr(id) / 4 + dim));
          stored.push(row);
          simd.write(simd.addr(id), v, normalise);
        }
        let checked = 0;
        for (let a = 0; a < rows; a++) {
          for (let b = 0; b < rows; b++) {
            const x = simd.dist(simd.addr(a), simd.addr(b), dim);
            const y = ts.dist(ts.addr(a), ts.addr(b), dim);
            // Relative to the sum of the terms' magnitudes (an inner product may cancel to ~0).
            let scale = 0;
            for (let i = 0; i < dim; i++) {
              const ai = stored[a]![i]!;
              const bi = stored[b]![i]!;
              scale += l2 ? (ai - bi) ** 2 : Math.abs(ai * bi);
            }
            scale = Math.max(scale, 1e-30);
            expect(Math.abs(x - y) / scale, `dim ${dim} l2 ${l2} rows ${a},${b}: ${x} vs ${y}`).toBeLessThan(1e-5);
            checked++;
          }
        }
        expect(checked).toBe(rows * rows);
        // The batch form gives each row's distance exactly as the single one, in both stores.
        for (const store of [simd, ts]) {
          for (let i = 0; i < rows; i++) store.ids[i] = rows - 1 - i;
          store.distances(store.addr(3), rows);
          for (let i = 0; i < rows; i++) expect(store.out[i]).toBe(Math.fround(store.dist(store.addr(3), store.addr(rows - 1 - i), dim)));
        }
      }
    }
  });

  it('keeps rows when it grows (WebAssembly memory grows by pages, views are renewed)', () => {
    const dim = 100;
    const store = new VectorStore(dim, true, 2, 1);
    const v = Array.from({ length: dim }, (_, i) => i / 10);
    store.write(store.addr(1), v, false);
    store.resize(5000); // 2 MB: several more pages
    store.write(store.addr(4999), v, false);
    expect(store.dist(store.addr(1), store.addr(4999), dim)).toBe(0);
    expect(store.dist(store.addr(0), store.addr(1), dim)).toBeCloseTo(v.reduce((s, x) => s + x * x, 0), 2);
    expect(Array.from(store.export(2).subarray(dim, 2 * dim))).toEqual(Array.from(new Float32Array(v)));
  });
});

describe('HnswIndex without WebAssembly', () => {
  it('falls back to the TypeScript kernels and answers as with SIMD (up to float32 rounding)', async () => {
    const data = randomVectors(1500, 20, 7);
    const queries = randomVectors(50, 20, 8);
    const metrics = ['L2', 'IP', 'COSINE'] as const;
    // Built first, while this module instance still sees WebAssembly (it caches the compiled kernels).
    expect(new VectorStore(4, true, 1, 1).simd).toBe(true);
    const simd = metrics.map((metric) => new HnswIndex({ dim: 20, metric, M: 8, efConstruction: 64 }));
    data.forEach((v, i) => simd.forEach((index) => index.add(v, i)));
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    try {
      const fresh = (await import('../src/index.js')) as typeof import('../src/index.js');
      const freshStore = (await import('../src/vectors.js')) as typeof import('../src/vectors.js');
      expect(new freshStore.VectorStore(4, true, 1, 1).simd).toBe(false);
      metrics.forEach((metric, m) => {
        const ts = new fresh.HnswIndex({ dim: 20, metric, M: 8, efConstruction: 64 });
        data.forEach((v, i) => ts.add(v, i));
        let same = 0;
        for (const q of queries) {
          const a = simd[m]!.search(q, 10, { ef: 100 });
          const scores = new Map(a.map((h) => [h.label, h.score]));
          for (const h of ts.search(q, 10, { ef: 100 })) {
            const s = scores.get(h.label);
            if (s === undefined) continue;
            same++;
            expect(Math.abs(h.score - s)).toBeLessThan(1e-4 * Math.max(1, Math.abs(s)));
          }
        }
        expect(same, metric).toBeGreaterThanOrEqual(0.98 * queries.length * 10);
      });
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});

describe('generated kernels module', () => {
  it('is up to date with kernels.wat (run `pnpm --filter @mvkit/hnsw gen:simd`)', async () => {
    const script = fileURLToPath(new URL('../scripts/gen-simd.mjs', import.meta.url));
    const mod = (await import(pathToFileURL(script).href)) as { generateKernelsSource(): Promise<string>; kernelsPath: string };
    expect(readFileSync(mod.kernelsPath, 'utf8') === (await mod.generateKernelsSource())).toBe(true);
  });
});
