/**
 * Float32 vector storage of an index: rows of `dim` floats, contiguous, in one growable
 * `WebAssembly.Memory` read in place by the SIMD kernels ({@link instantiateSimd}); in a plain
 * Float32Array with the TypeScript kernels of `distance.ts` where WebAssembly SIMD is unavailable.
 *
 * Layout (byte addresses): row 0 is the query scratch row; node `id` is at
 * `rowBytes · (id + 1)`, `rowBytes = 4 · dim`.
 *
 * @packageDocumentation
 */
import { copyVector, dot, l2sq } from './distance.js';
import { instantiateSimd, type DistanceKernel, type WasmMemory } from './simd.js';

const PAGE = 65536;

/**
 * Rows of float32 vectors with a distance between any two of them ({@link VectorStore.dist}).
 * Cache `f32` in locals only between calls that may grow the store.
 * @internal
 */
export class VectorStore {
  /** Floats per row. */
  readonly dim: number;
  /** Bytes per row (`4 · dim`). */
  readonly rowBytes: number;
  /** Byte address of the query scratch row. */
  readonly queryAddr = 0;
  /** Whether rows live in WebAssembly memory and {@link VectorStore.dist} is the SIMD kernel. */
  readonly simd: boolean;
  /** Distance between rows at two byte addresses (see {@link DistanceKernel}). */
  readonly dist: DistanceKernel;
  /** All rows as floats (element index = byte address / 4); replaced when the store grows. */
  f32: Float32Array;
  /** Node rows allocated. */
  private cap: number;
  private readonly memory: WasmMemory | null;

  /**
   * @param dim - floats per vector.
   * @param l2 - squared L2 distance if true, the negated inner product otherwise.
   * @param cap - node rows to allocate.
   * @param useSimd - use the WebAssembly kernels when the runtime supports them (default true;
   *   false forces the TypeScript fallback, for tests).
   */
  constructor(dim: number, l2: boolean, cap: number, useSimd = true) {
    this.dim = dim;
    this.rowBytes = 4 * dim;
    this.cap = cap;
    const k = useSimd ? instantiateSimd(Math.ceil(this.bytesFor(cap) / PAGE)) : null;
    this.simd = k !== null;
    if (k) {
      this.memory = k.memory;
      this.f32 = new Float32Array(k.memory.buffer);
      this.dist = l2 ? k.l2sq : k.negDot;
    } else {
      this.memory = null;
      this.f32 = new Float32Array(this.bytesFor(cap) / 4);
      this.dist = l2
        ? (a, b, n) => l2sq(this.f32, a >> 2, this.f32, b >> 2, n)
        : (a, b, n) => -dot(this.f32, a >> 2, this.f32, b >> 2, n);
    }
  }

  /** Byte address of node `id`'s row. */
  addr(id: number): number {
    return this.rowBytes * (id + 1);
  }

  /** Copies `v` (`dim` numbers) into the row at byte address `addr`, normalised if `normalise`. O(dim). */
  write(addr: number, v: ArrayLike<number>, normalise: boolean): void {
    copyVector(v, this.f32, addr >> 2, this.dim, normalise);
  }

  /** Grows to `cap` node rows (contents kept; WebAssembly memory grows in 64 KiB pages). */
  resize(cap: number): void {
    const bytes = this.bytesFor(cap);
    if (this.memory) {
      const have = this.memory.buffer.byteLength;
      if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / PAGE));
      this.f32 = new Float32Array(this.memory.buffer);
    } else {
      const f = new Float32Array(bytes / 4);
      f.set(this.f32);
      this.f32 = f;
    }
    this.cap = cap;
  }

  /** A copy of the first `cap` node rows (`cap · dim` floats), e.g. to post to another thread. */
  export(cap: number): Float32Array {
    return this.f32.slice(this.dim, this.dim * (cap + 1));
  }

  /** Overwrites the first `vectors.length / dim` node rows with `vectors` (as {@link VectorStore.export} gave). */
  import(vectors: Float32Array): void {
    this.f32.set(vectors, this.dim);
  }

  /** Bytes of the rows allocated (query row included; the memory's rounding to pages is not counted). */
  bytes(): number {
    return this.bytesFor(this.cap);
  }

  private bytesFor(cap: number): number {
    return this.rowBytes * (cap + 1);
  }
}
