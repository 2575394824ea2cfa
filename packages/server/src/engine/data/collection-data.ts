import { isVectorType } from '@mvkit/core';
import type { CollectionSpec } from '../schema.js';
import { IndexBuilder, type IndexPlan } from './index-builder.js';
import type { Pacer } from './pacer.js';
import { Segment } from './segment.js';
import { dimOf, primaryFieldOf, type PrimaryKey, type Row } from './values.js';

/** Where a live row is: its segment and offset. */
export interface RowLocation {
  segment: Segment;
  offset: number;
}

/**
 * The rows of one collection: per partition a list of segments (at most one Growing, the last),
 * and a primary-key index over all partitions pointing at each key's live row.
 *
 * Inserting a key that is already live replaces the earlier row (it is tombstoned), so reads see
 * one row per primary key — the newest, as Milvus's query and search reduce by primary key.
 */
export class CollectionData {
  readonly #segments = new Map<bigint, Segment[]>();
  readonly #byKey = new Map<PrimaryKey, RowLocation>();
  readonly #vectorDims: ReadonlyMap<string, number>;
  readonly #pkField: string;

  /**
   * @param schema - the collection schema.
   * @param segmentMaxRows - rows at which a growing segment is sealed and indexed.
   * @param builder - the background index builder.
   * @param allocateId - ID allocator for new segments.
   * @param plans - the index plans of the collection's indexed vector fields (looked up on seal).
   */
  constructor(
    schema: CollectionSpec,
    readonly segmentMaxRows: number,
    readonly builder: IndexBuilder,
    readonly allocateId: () => bigint,
    readonly plans: () => IndexPlan[],
  ) {
    this.#vectorDims = new Map(schema.fields.filter((f) => isVectorType(f.dataType)).map((f) => [f.name, dimOf(f)]));
    this.#pkField = primaryFieldOf(schema).name;
  }

  /** Segments of a partition, oldest first. */
  segmentsOf(partitionId: bigint): readonly Segment[] {
    return this.#segments.get(partitionId) ?? [];
  }

  /** Live rows of a partition. */
  rowCount(partitionId: bigint): number {
    let n = 0;
    for (const s of this.segmentsOf(partitionId)) n += s.liveCount;
    return n;
  }

  /**
   * Index build progress of a vector field, as DescribeIndex reports it: live rows in total, in
   * segments whose index is built (growing segments are never indexed, as in Milvus), and the rest.
   */
  indexProgress(field: string): { totalRows: number; indexedRows: number; pendingIndexRows: number } {
    let totalRows = 0;
    let indexedRows = 0;
    for (const segments of this.#segments.values()) {
      for (const s of segments) {
        totalRows += s.liveCount;
        if (s.built.has(field)) indexedRows += s.liveCount;
      }
    }
    return { totalRows, indexedRows, pendingIndexRows: totalRows - indexedRows };
  }

  /** The live row with primary key `pk`, if any. */
  locate(pk: PrimaryKey): RowLocation | undefined {
    return this.#byKey.get(pk);
  }

  /**
   * Appends normalised rows to the partition's growing segment (sealing it, and opening a new one,
   * each time it reaches `segmentMaxRows`). A key already live anywhere in the collection is
   * replaced.
   * Pauses with `pacer` between rows: a row is replaced and appended in one step, so every key has
   * exactly one live row at any pause.
   * @returns the primary keys, in row order.
   */
  async append(partitionId: bigint, rows: readonly Row[], pacer: Pacer): Promise<PrimaryKey[]> {
    const keys: PrimaryKey[] = [];
    for (const row of rows) {
      if (pacer.due()) await pacer.pause();
      const pk = row[this.#pkField] as PrimaryKey;
      this.remove(pk);
      const segment = this.#growing(partitionId);
      const offset = segment.append(row, pk);
      this.#byKey.set(pk, { segment, offset });
      keys.push(pk);
      if (segment.size >= this.segmentMaxRows) this.seal(segment);
    }
    return keys;
  }

  /** Deletes the live row of `pk` (wherever it is). @returns whether a row was deleted. */
  remove(pk: PrimaryKey): boolean {
    const at = this.#byKey.get(pk);
    if (!at) return false;
    at.segment.delete(at.offset);
    this.#byKey.delete(pk);
    return true;
  }

  /** Seals every growing segment of the collection (Flush). @returns the IDs of the sealed segments. */
  sealAll(): bigint[] {
    const sealed: bigint[] = [];
    for (const segments of this.#segments.values()) {
      const last = segments.at(-1);
      if (last && last.state === 'Growing' && last.size > 0) {
        this.seal(last);
        sealed.push(last.id);
      }
    }
    return sealed;
  }

  /** IDs of every sealed segment. */
  sealedSegmentIds(): bigint[] {
    return [...this.#segments.values()].flat().filter((s) => s.state === 'Sealed').map((s) => s.id);
  }

  /** Seals one segment and queues its indexes. */
  seal(segment: Segment): void {
    segment.state = 'Sealed';
    for (const plan of this.plans()) this.builder.enqueue(segment, plan);
  }

  /** Queues `plan` on every sealed segment (a new index on a collection with data). */
  indexSealed(plan: IndexPlan): void {
    for (const segments of this.#segments.values()) for (const s of segments) if (s.state === 'Sealed') this.builder.enqueue(s, plan);
  }

  /** Forgets the built indexes of `field` (DropIndex); sealed segments are searched exactly again. */
  dropIndexOf(field: string): void {
    for (const segments of this.#segments.values()) {
      for (const s of segments) {
        this.builder.cancel(s, field);
        s.built.delete(field);
      }
    }
  }

  /** Frees every row of a partition (DropPartition). */
  dropPartition(partitionId: bigint): void {
    for (const s of this.segmentsOf(partitionId)) {
      this.builder.cancel(s);
      for (let i = 0; i < s.size; i++) if (s.isLive(i)) this.#byKey.delete(s.pks[i]!);
    }
    this.#segments.delete(partitionId);
  }

  /** Frees every row (DropCollection). */
  clear(): void {
    for (const id of [...this.#segments.keys()]) this.dropPartition(id);
  }

  #growing(partitionId: bigint): Segment {
    let segments = this.#segments.get(partitionId);
    if (!segments) this.#segments.set(partitionId, (segments = []));
    const last = segments.at(-1);
    if (last && last.state === 'Growing') return last;
    const segment = new Segment(this.allocateId(), partitionId, this.#vectorDims);
    segments.push(segment);
    return segment;
  }
}
