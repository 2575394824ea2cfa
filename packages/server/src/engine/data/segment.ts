import { BinaryFlatIndex, FlatIndex, SparseIndex, type BinaryMetric, type FloatMetric, type VectorIndex } from '@mvkit/hnsw';
import type { PrimaryKey, Row } from './values.js';
import { Bm25Postings } from '../functions/bm25-postings.js';

/** Segment states as Milvus names them (`common.SegmentState`): rows are appended while Growing. */
export type SegmentState = 'Growing' | 'Sealed';

/** A metric of either vector kind, or `BM25` (full-text search on a BM25 function's output, larger is better). */
export type Metric = FloatMetric | BinaryMetric | 'BM25';

/** Whether smaller scores are better for a metric (L2 and the binary metrics) or larger (IP, COSINE). */
export function smallerIsBetter(metric: Metric): boolean {
  return metric === 'L2' || metric === 'HAMMING' || metric === 'JACCARD' || metric === 'SUBSTRUCTURE' || metric === 'SUPERSTRUCTURE';
}

/** Whether a metric is one of the binary metrics. */
export const isBinaryMetric = (metric: Metric): metric is BinaryMetric => metric === 'HAMMING' || metric === 'JACCARD' || metric === 'SUBSTRUCTURE' || metric === 'SUPERSTRUCTURE';

/**
 * Builds an exact (brute-force) index of a metric: FLAT for float vectors, BIN_FLAT for binary
 * ones, an inverted index scored by IP for sparse ones (`dim` 0), BM25 postings for metric BM25.
 */
export function exactIndex(dim: number, metric: Metric): VectorIndex<unknown> {
  // BM25 postings are scored per search (`Bm25Query`); only `metric` differs from the interface.
  if (metric === 'BM25') return new Bm25Postings() as unknown as VectorIndex<unknown>;
  if (dim === 0) return new SparseIndex();
  return isBinaryMetric(metric) ? new BinaryFlatIndex({ dim, metric }) : new FlatIndex({ dim, metric: metric as FloatMetric });
}

/**
 * Fewest rows of a segment Milvus indexes (`indexCoord.segment.minSegmentNumRowsToEnableIndex`,
 * 1024): smaller segments are searched by brute force, so index search parameters such as HNSW
 * `ef` do not apply to them.
 */
export const MIN_ROWS_TO_USE_INDEX = 1024;

/** A sealed segment's index on one vector field, once built. */
export interface BuiltIndex {
  /** Index name of the collection index it was built for. */
  indexName: string;
  metric: Metric;
  index: VectorIndex<unknown>;
}

/**
 * A segment: the unit in which a partition stores rows, as in Milvus. Rows are appended while it is
 * Growing and searched exactly; once Sealed (at the size threshold or on Flush) an index is built
 * for each indexed vector field, in the background, and used as soon as it is complete.
 *
 * Row offsets are stable: an offset is the label of the row in every vector index of the segment.
 * Deletion is a tombstone per offset.
 */
export class Segment {
  state: SegmentState = 'Growing';
  /** Rows by offset (normalised values). */
  readonly rows: Row[] = [];
  /** Primary key of each offset. */
  readonly pks: PrimaryKey[] = [];
  /** Physical milliseconds of the write of each offset (its hybrid timestamp `>> 18`), which collection TTL compares. */
  readonly writtenMs: number[] = [];
  /** Tombstones: 1 where the row was deleted (by a delete, or by an upsert of its key into its partition). */
  #deleted = new Uint8Array(64);
  #live = 0;
  /** Exact indexes kept in step with the rows, by `<field>/<metric>`; built on first use. */
  readonly #exact = new Map<string, VectorIndex<unknown>>();
  /** Indexes of a sealed segment, by field name. */
  readonly built = new Map<string, BuiltIndex>();

  /**
   * @param id - segment ID (int64, from the ID allocator).
   * @param partitionId - the partition the segment belongs to.
   * @param vectorDims - vector fields of the schema with their dimension (bits for binary vectors, 0 for sparse ones).
   */
  constructor(
    readonly id: bigint,
    readonly partitionId: bigint,
    readonly vectorDims: ReadonlyMap<string, number>,
  ) {}

  /** Number of rows ever appended (live and deleted). */
  get size(): number {
    return this.rows.length;
  }

  /** Number of live rows. */
  get liveCount(): number {
    return this.#live;
  }

  /** Appends a normalised row written at `writtenMs` (physical milliseconds) and returns its offset. */
  append(row: Row, pk: PrimaryKey, writtenMs: number): number {
    const offset = this.rows.length;
    this.rows.push(row);
    this.pks.push(pk);
    this.writtenMs.push(writtenMs);
    if (offset >= this.#deleted.length) {
      const grown = new Uint8Array(this.#deleted.length * 2);
      grown.set(this.#deleted);
      this.#deleted = grown;
    }
    this.#live++;
    for (const [key, index] of this.#exact) index.add(row[key.slice(0, key.lastIndexOf('/'))], offset);
    return offset;
  }

  /** Whether the row at `offset` is live. */
  isLive(offset: number): boolean {
    return this.#deleted[offset] === 0;
  }

  /** Whether the row at `offset` is live and, when `sinceMs` is given, written at or after it (not expired by collection TTL). */
  isVisible(offset: number, sinceMs: number | undefined): boolean {
    return this.#deleted[offset] === 0 && (sinceMs === undefined || this.writtenMs[offset]! >= sinceMs);
  }

  /** Tombstones the row at `offset` (no-op when already deleted). */
  delete(offset: number): void {
    if (this.#deleted[offset] === 0) {
      this.#deleted[offset] = 1;
      this.#live--;
    }
  }

  /**
   * Whether Milvus would search `field` with `metric` through this segment's index, so that index
   * search parameters (HNSW `ef`) are checked: it is sealed, its index is complete and of that
   * metric, and it holds at least {@link MIN_ROWS_TO_USE_INDEX} rows (Milvus builds no index for
   * smaller segments and searches them by brute force). The reference server still searches a
   * smaller sealed segment through its index (see `conformance/known-divergences.json`).
   */
  indexSearched(field: string, metric: Metric): boolean {
    const built = this.built.get(field);
    return built !== undefined && built.metric === metric && this.size >= MIN_ROWS_TO_USE_INDEX;
  }

  /**
   * The index that serves a search on `field` with `metric`: the built index when the segment is
   * sealed and its index is complete (and of that metric), else an exact index over the rows.
   */
  searchIndex(field: string, metric: Metric): VectorIndex<unknown> {
    const built = this.built.get(field);
    if (built && built.metric === metric) return built.index;
    const key = `${field}/${metric}`;
    let index = this.#exact.get(key);
    if (!index) {
      index = exactIndex(this.vectorDims.get(field)!, metric);
      for (let i = 0; i < this.rows.length; i++) index.add(this.rows[i]![field], i);
      this.#exact.set(key, index);
    }
    return index;
  }

  /** Drops exact indexes of `field` that a complete built index makes unnecessary. */
  releaseExact(field: string): void {
    for (const key of [...this.#exact.keys()]) if (key.startsWith(`${field}/`)) this.#exact.delete(key);
  }
}
