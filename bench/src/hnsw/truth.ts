/**
 * Brute-force ground truth (top-k row indices per query), cached under `bench/.cache/`.
 * Independent of @mvkit/hnsw: a plain double-precision scan.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { CACHE_DIR, type Dataset } from './datasets.js';

/**
 * Top-`k` base row indices for each query (nq × k, best first), from cache or computed.
 * Cost when computing: O(nq · n · dim).
 */
export function groundTruth(ds: Dataset, k: number): Int32Array {
  const nq = ds.queries.length / ds.dim;
  const file = `${CACHE_DIR}gt-${ds.name}-q${nq}-k${k}.i32`;
  if (existsSync(file)) {
    const b = readFileSync(file);
    return new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  }
  const t0 = performance.now();
  const { dim, base, queries } = ds;
  const n = base.length / dim;
  const cosine = ds.metric === 'COSINE';
  const invNorm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += base[i * dim + j]! ** 2;
    invNorm[i] = s > 0 ? 1 / Math.sqrt(s) : 0;
  }
  const out = new Int32Array(nq * k);
  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);
  for (let q = 0; q < nq; q++) {
    const qo = q * dim;
    bestD.fill(Infinity);
    bestI.fill(-1);
    for (let i = 0; i < n; i++) {
      const bo = i * dim;
      let d = 0;
      if (ds.metric === 'L2') {
        for (let j = 0; j < dim; j++) {
          const x = queries[qo + j]! - base[bo + j]!;
          d += x * x;
        }
      } else {
        for (let j = 0; j < dim; j++) d -= queries[qo + j]! * base[bo + j]!;
        if (cosine) d *= invNorm[i]!;
      }
      if (d < bestD[k - 1]!) {
        let p = k - 1;
        while (p > 0 && bestD[p - 1]! > d) {
          bestD[p] = bestD[p - 1]!;
          bestI[p] = bestI[p - 1]!;
          p--;
        }
        bestD[p] = d;
        bestI[p] = i;
      }
    }
    out.set(bestI, q * k);
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(file, Buffer.from(out.buffer));
  process.stderr.write(`ground truth ${ds.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s (cached)\n`);
  return out;
}
