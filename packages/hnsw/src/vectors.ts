/**
 * Float32 vector storage of an index: rows of `dim` floats, contiguous, in one growable
 * `WebAssembly.Memory` read in place by the SIMD kernels ({@link instantiateSimd}); in a plain
 * ArrayBuffer with the TypeScript kernels of `distance.ts` where WebAssembly SIMD is unavailable.
 *
 * Layout (byte addresses), the same in both cases: the query scratch row at 0; at `rowBytes`
 * the ids scratch (`batch` i32) and after it the distances scratch (`batch` f32) of
 * {@link VectorStore.distances}; node `id`'s row at `base + id · rowBytes`.
 *
 * @packageDocumentation
 */
import { copyVector, dot, l2sq } from './distance.js';
import { instantiateSimd, type BatchKernel, type DistanceKernel, type WasmMemory } from './simd.js';

const PAGE = 65536;

/**
 * Rows of float32 vectors with a distance between any two of them ({@link VectorStore.dist}) and
 * from one row to a batch of rows ({@link VectorStore.distances}). The views (`f32`, `ids`, `out`)
 * are replaced when the store grows: cache them in locals only between calls to `resize`.
 * @internal
 */
export class VectorStore {
  /** Floats per row. */
  readonly dim: number;
  /** Bytes per row (`4 · dim`). */
  readonly rowBytes: number;
  /** Byte address of the query scratch row. */
  readonly queryAddr = 0;
  /** Byte address of node 0's row. */
  readonly base: number;
  /** Whether rows live in WebAssembly memory and the kernels are the SIMD ones. */
  readonly simd: boolean;
  /** Distance between rows at two byte addresses (see {@link DistanceKernel}). */
  readonly dist: DistanceKernel;
  /** All rows as floats (element index = byte address / 4). */
  f32: Float32Array;
  /** Node ids for {@link VectorStore.distances} (`batch` of them). */
  ids: Int32Array;
  /** Distances written by {@link VectorStore.distances}. */
  out: Float32Array;
  /** Node rows allocated. */
  private cap: number;
  private readonly batch: number;
  private readonly memory: WasmMemory | null;
  private readonly many: BatchKernel;

  /**
   * @param dim - floats per vector.
   * @param l2 - squared L2 distance if true, the negated inner product otherwise.
   * @param cap - node rows to allocate.
   * @param batch - most node ids one {@link VectorStore.distances} call takes.
   * @param useSimd - use the WebAssembly kernels when the runtime supports them (default true;
   *   false forces the TypeScript fallback, for tests).
   */
  constructor(dim: number, l2: boolean, cap: number, batch: number, useSimd = true) {
    this.dim = dim;
    this.rowBytes = 4 * dim;
    this.batch = batch;
    this.base = (this.rowBytes + 8 * batch + 15) & ~15;
    this.cap = cap;
    const k = useSimd ? instantiateSimd(Math.ceil(this.bytesFor(cap) / PAGE)) : null;
    this.simd = k !== null;
    if (k) {
      this.memory = k.memory;
      this.dist = l2 ? k.l2sq : k.negDot;
      this.many = l2 ? k.l2sqBatch : k.negDotBatch;
    } else {
      this.memory = null;
      this.dist = l2
        ? (a, b, n) => l2sq(this.f32, a >> 2, this.f32, b >> 2, n)
        : (a, b, n) => -dot(this.f32, a >> 2, this.f32, b >> 2, n);
      this.many = (q, _ids, _out, count, base, rowBytes, n) => {
        const dist = this.dist;
        const i32 = this.ids;
        const o = this.out;
        for (let i = 0; i < count; i++) o[i] = dist(q, base + rowBytes * i32[i]!, n);
      };
    }
    const buffer = this.memory ? this.memory.buffer : new ArrayBuffer(this.bytesFor(cap));
    this.f32 = new Float32Array(buffer);
    this.ids = new Int32Array(buffer, this.rowBytes, batch);
    this.out = new Float32Array(buffer, this.rowBytes + 4 * batch, batch);
  }

  /** Byte address of node `id`'s row. */
  addr(id: number): number {
    return this.base + this.rowBytes * id;
  }

  /** Copies `v` (`dim` numbers) into the row at byte address `addr`, normalised if `normalise`. O(dim). */
  write(addr: number, v: ArrayLike<number>, normalise: boolean): void {
    copyVector(v, this.f32, addr >> 2, this.dim, normalise);
  }

  /**
   * Writes into `out[0 .. count)` the distances from the row at byte address `q` to the rows of
   * the nodes `ids[0 .. count)` (`count` ≤ `batch`). One kernel call for all of them.
   */
  distances(q: number, count: number): void {
    this.many(q, this.rowBytes, this.rowBytes + 4 * this.batch, count, this.base, this.rowBytes, this.dim);
  }

  /** Grows to `cap` node rows (contents kept; WebAssembly memory grows in 64 KiB pages). */
  resize(cap: number): void {
    const bytes = this.bytesFor(cap);
    let buffer: ArrayBuffer;
    if (this.memory) {
      const have = this.memory.buffer.byteLength;
      if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / PAGE));
      buffer = this.memory.buffer;
    } else {
      buffer = new ArrayBuffer(bytes);
      new Float32Array(buffer).set(this.f32);
    }
    this.f32 = new Float32Array(buffer);
    this.ids = new Int32Array(buffer, this.rowBytes, this.batch);
    this.out = new Float32Array(buffer, this.rowBytes + 4 * this.batch, this.batch);
    this.cap = cap;
  }

  /** A copy of the first `cap` node rows (`cap · dim` floats), e.g. to post to another thread. */
  export(cap: number): Float32Array {
    return this.f32.slice(this.base >> 2, (this.base >> 2) + this.dim * cap);
  }

  /** Overwrites the first `vectors.length / dim` node rows with `vectors` (as {@link VectorStore.export} gave). */
  import(vectors: Float32Array): void {
    this.f32.set(vectors, this.base >> 2);
  }

  /** Bytes of the rows and scratch allocated (the memory's rounding up to 64 KiB pages is not counted). */
  bytes(): number {
    return this.bytesFor(this.cap);
  }

  private bytesFor(cap: number): number {
    return this.base + this.rowBytes * cap;
  }
}
