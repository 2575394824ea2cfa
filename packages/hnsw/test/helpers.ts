/** Seeded data generators and a naive reference for the tests. */

/** mulberry32 PRNG in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n × dim standard-normal-ish vectors (sum of uniforms), as an array of Float32Array. */
export function randomVectors(n: number, dim: number, seed: number): Float32Array[] {
  const r = rng(seed);
  const out: Float32Array[] = [];
  for (let i = 0; i < n; i++) {
    const v = new Float32Array(dim);
    for (let j = 0; j < dim; j++) v[j] = r() + r() + r() - 1.5;
    out.push(v);
  }
  return out;
}

/** Naive score, Milvus semantics. */
export function naiveScore(metric: string, a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (metric === 'L2') {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
    return s;
  }
  if (metric === 'IP') {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
    return s;
  }
  if (metric === 'COSINE') {
    let s = 0;
    let na = 0;
    let nb = 0;
    for (let i = 0; i < a.length; i++) {
      s += a[i]! * b[i]!;
      na += a[i]! ** 2;
      nb += b[i]! ** 2;
    }
    return s / Math.sqrt(na * nb);
  }
  // binary: bit by bit
  let diff = 0;
  let inter = 0;
  let uni = 0;
  for (let i = 0; i < a.length; i++) {
    for (let bit = 0; bit < 8; bit++) {
      const x = (a[i]! >> bit) & 1;
      const y = (b[i]! >> bit) & 1;
      diff += x ^ y;
      inter += x & y;
      uni += x | y;
    }
  }
  if (metric === 'HAMMING') return diff;
  return uni === 0 ? 1 : 1 - inter / uni;
}

/** Whether larger scores are better for the metric. */
export function largerIsBetter(metric: string): boolean {
  return metric === 'IP' || metric === 'COSINE';
}
