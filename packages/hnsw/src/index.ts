/**
 * `@mvkit/hnsw`: HNSW and FLAT vector indexes over contiguous typed-array storage, with Milvus's
 * metrics and score semantics (L2, IP, COSINE on floats; HAMMING, JACCARD on packed binary; IP on sparse vectors).
 * No dependencies.
 *
 * @packageDocumentation
 * @module @mvkit/hnsw
 */
export {
  AUTOINDEX_HNSW,
  resolveEf,
  type BinaryMetric,
  type FloatMetric,
  type Hit,
  type SearchOptions,
  type SparseVector,
  type VectorIndex,
} from './types.js';
export { HnswIndex, type HnswParams, type HnswState } from './hnsw.js';
export { FlatIndex, type FlatParams } from './flat.js';
export { BinaryFlatIndex, type BinaryFlatParams } from './binary.js';
export { SparseIndex } from './sparse.js';
