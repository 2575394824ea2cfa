/**
 * The WebAssembly SIMD distance kernels (`src/kernels.wat`, embedded by `gen:simd` in
 * `src/gen/kernels.ts`), compiled once per realm from bytes: no file reads, so it loads the same
 * in Node, browsers and workers.
 *
 * @packageDocumentation
 */
import { KERNELS_WASM_BASE64 } from './gen/kernels.js';

/**
 * A distance between the float32 vectors at byte addresses `a` and `b` of a store's memory, `n`
 * floats each; smaller is better (L2: squared distance; IP/COSINE: the negated inner product).
 * @internal
 */
export type DistanceKernel = (a: number, b: number, n: number) => number;

/**
 * Distances from the vector at byte address `q` to the rows of `count` nodes, whose ids (i32) are
 * at byte address `ids`, node `id`'s row at `base + id · rowBytes`, written as f32 from byte
 * address `out`; `n` floats per vector. Same distance as {@link DistanceKernel}.
 * @internal
 */
export type BatchKernel = (q: number, ids: number, out: number, count: number, base: number, rowBytes: number, n: number) => void;

/**
 * The part of a `WebAssembly.Memory` the store uses (declared here: this package's lib is plain
 * ES2023, which has no WebAssembly types).
 * @internal
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  /** Adds `pages` pages of 64 KiB; detaches the previous `buffer`. */
  grow(pages: number): number;
}

/** The `WebAssembly` global, as far as used here. */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}

/** A kernel module instance over its own memory. @internal */
export interface SimdInstance {
  /** The memory the kernels read (the vectors' rows). */
  readonly memory: WasmMemory;
  readonly l2sq: DistanceKernel;
  readonly negDot: DistanceKernel;
  readonly l2sqBatch: BatchKernel;
  readonly negDotBatch: BatchKernel;
}

let compiled: { api: WasmApi; module: object } | null | undefined;

/**
 * The compiled kernel module, or `null` when this runtime has no WebAssembly or no SIMD (the
 * module does not validate). Compiled synchronously on first use (the module is < 1 KB, under
 * every browser's limit for synchronous compilation on the main thread) and cached.
 */
function compiledModule(): { api: WasmApi; module: object } | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (api && typeof atob === 'function') {
    const bin = atob(KERNELS_WASM_BASE64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    if (api.validate(bytes)) compiled = { api, module: new api.Module(bytes) };
  }
  return compiled;
}

/**
 * The kernels instantiated over a new memory of `pages` pages of 64 KiB, or `null` when the
 * runtime has no WebAssembly SIMD (the caller falls back to the TypeScript kernels).
 * @internal
 */
export function instantiateSimd(pages: number): SimdInstance | null {
  const c = compiledModule();
  if (!c) return null;
  const memory = new c.api.Memory({ initial: pages });
  const { exports } = new c.api.Instance(c.module, { env: { memory } });
  const { l2sq, negDot, l2sqBatch, negDotBatch } = exports as Omit<SimdInstance, 'memory'>;
  return { memory, l2sq, negDot, l2sqBatch, negDotBatch };
}
