/**
 * Distance kernels over Float32Array storage, addressed by offsets (no subarrays in hot loops),
 * unrolled by 4 with independent accumulators.
 *
 * @packageDocumentation
 */

/**
 * Squared Euclidean distance between `a[ao .. ao+dim)` and `b[bo .. bo+dim)`. O(dim).
 * @internal
 */
export function l2sq(a: Float32Array, ao: number, b: Float32Array, bo: number, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const end = ao + (dim & ~3);
  while (ao < end) {
    const d0 = a[ao]! - b[bo]!;
    const d1 = a[ao + 1]! - b[bo + 1]!;
    const d2 = a[ao + 2]! - b[bo + 2]!;
    const d3 = a[ao + 3]! - b[bo + 3]!;
    s0 += d0 * d0;
    s1 += d1 * d1;
    s2 += d2 * d2;
    s3 += d3 * d3;
    ao += 4;
    bo += 4;
  }
  const tail = ao + (dim & 3);
  while (ao < tail) {
    const d = a[ao++]! - b[bo++]!;
    s0 += d * d;
  }
  return s0 + s1 + s2 + s3;
}

/**
 * Inner product of `a[ao .. ao+dim)` and `b[bo .. bo+dim)`. O(dim).
 * @internal
 */
export function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const end = ao + (dim & ~3);
  while (ao < end) {
    s0 += a[ao]! * b[bo]!;
    s1 += a[ao + 1]! * b[bo + 1]!;
    s2 += a[ao + 2]! * b[bo + 2]!;
    s3 += a[ao + 3]! * b[bo + 3]!;
    ao += 4;
    bo += 4;
  }
  const tail = ao + (dim & 3);
  while (ao < tail) s0 += a[ao++]! * b[bo++]!;
  return s0 + s1 + s2 + s3;
}

/**
 * Copies `src` (length `dim`) into `dst[off ..)`; when `normalise`, divides by the L2 norm
 * (a zero vector stays zero). O(dim).
 * @internal
 */
export function copyVector(src: ArrayLike<number>, dst: Float32Array, off: number, dim: number, normalise: boolean): void {
  if (!normalise) {
    for (let i = 0; i < dim; i++) dst[off + i] = src[i]!;
    return;
  }
  let n = 0;
  for (let i = 0; i < dim; i++) {
    const x = src[i]!;
    n += x * x;
  }
  const inv = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (let i = 0; i < dim; i++) dst[off + i] = src[i]! * inv;
}
