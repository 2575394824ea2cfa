import { isVectorType } from '@mvkit/core';
import type { RepeatedKeyRead } from '../profiles.js';
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
 * and a primary-key index over all partitions pointing at each key's live rows, oldest first.
 *
 * Primary keys are not unique, as in Milvus: an insert never replaces a row, so a key may have
 * several live rows (in one partition or several). Reads reduce by key as Milvus does: query and
 * get return the preferred row of a key among those they read (the newest, or with profile 2.3
 * the oldest: `repeatedKeyRead`), search the best-scoring one, and `count(*)` counts every row.
 */
export class CollectionData {
  readonly #segments = new Map<bigint, Segment[]>();
  /** Live rows of each key, oldest first: one location, or an array when the key has several. */
  readonly #byKey = new Map<PrimaryKey, RowLocation | RowLocation[]>();
  /** Keys with more than one live row. */
  #duplicated = 0;
  readonly #vectorDims: ReadonlyMap<string, number>;
  readonly #pkField: string;

  /**
   * @param schema - the collection schema.
   * @param segmentMaxRows - rows at which a growing segment is sealed and indexed.
   * @param builder - the background index builder.
   * @param allocateId - ID allocator for new segments.
   * @param plans - the index plans of the collection's indexed vector fields (looked up on seal).
   * @param repeatedKeyRead - which live row of a repeated key reads prefer (the profile's).
   */
  constructor(
    schema: CollectionSpec,
    readonly segmentMaxRows: number,
    readonly builder: IndexBuilder,
    readonly allocateId: () => bigint,
    readonly plans: () => IndexPlan[],
    readonly repeatedKeyRead: RepeatedKeyRead,
  ) {
    this.#vectorDims = new Map(schema.fields.filter((f) => isVectorType(f.dataType)).map((f) => [f.name, dimOf(f)]));
    this.#pkField = primaryFieldOf(schema).name;
  }

  /** Segments of a partition, oldest first. */
  segmentsOf(partitionId: bigint): readonly Segment[] {
    return this.#segments.get(partitionId) ?? [];
  }

  /**
   * Rows of a partition as Milvus's statistics count them (`row_count`): every row inserted,
   * deleted rows included (Milvus drops them only when compaction rewrites the segment).
   */
  rowCount(partitionId: bigint): number {
    let n = 0;
    for (const s of this.segmentsOf(partitionId)) n += s.size;
    return n;
  }

  /** Whether some key has more than one live row (reads must then reduce by key). */
  get hasDuplicates(): boolean {
    return this.#duplicated > 0;
  }

  /**
   * Index build progress of a vector field, as DescribeIndex reports it: rows in total (counted as
   * {@link CollectionData.rowCount} counts them), in segments whose index is built (growing
   * segments are never indexed, as in Milvus; a scalar index counts as built on every sealed
   * segment), and the rest.
   */
  indexProgress(field: string): { totalRows: number; indexedRows: number; pendingIndexRows: number } {
    const vector = this.#vectorDims.has(field);
    let totalRows = 0;
    let indexedRows = 0;
    for (const segments of this.#segments.values()) {
      for (const s of segments) {
        totalRows += s.size;
        if (vector ? s.built.has(field) : s.state === 'Sealed') indexedRows += s.size;
      }
    }
    return { totalRows, indexedRows, pendingIndexRows: totalRows - indexedRows };
  }

  /** The live rows of `pk`, oldest first (in `partitions` only, when given). */
  locations(pk: PrimaryKey, partitions?: ReadonlySet<bigint>): RowLocation[] {
    const at = this.#byKey.get(pk);
    const all = at === undefined ? [] : Array.isArray(at) ? at : [at];
    return partitions ? all.filter((l) => partitions.has(l.segment.partitionId)) : [...all];
  }

  /** The live row of `pk` that reads prefer (`repeatedKeyRead`; in `partitions` only, when given), if any. */
  locate(pk: PrimaryKey, partitions?: ReadonlySet<bigint>): RowLocation | undefined {
    const all = this.locations(pk, partitions);
    return this.repeatedKeyRead === 'newest' ? all.at(-1) : all[0];
  }

  /**
   * How preferred `row` is among the live rows of its key (higher is preferred: the newer with
   * `repeatedKeyRead` `newest`, the older with `oldest`). Reads keep the row of highest rank.
   */
  readRank(pk: PrimaryKey, row: Row): number {
    const at = this.#byKey.get(pk);
    if (!Array.isArray(at)) return 0;
    const age = at.findIndex((l) => l.segment.rows[l.offset] === row);
    return this.repeatedKeyRead === 'newest' ? age : at.length - 1 - age;
  }

  /**
   * Appends normalised rows to the partition's growing segment (sealing it, and opening a new one,
   * each time it reaches `segmentMaxRows`). Keys already live stay live: keys are not unique.
   * With `replace` (Upsert), the rows of each key that were live before the batch, in those
   * partitions, are deleted as the row is appended.
   * Pauses with `pacer` between rows; a row is replaced and appended in one step. `writtenMs` is
   * the physical time of the write (collection TTL expires the rows by it).
   * @returns the primary keys, in row order.
   */
  async append(partitionId: bigint, rows: readonly Row[], writtenMs: number, pacer: Pacer, replace?: ReadonlySet<bigint>): Promise<PrimaryKey[]> {
    const keys: PrimaryKey[] = [];
    const batch = new Set<Row>();
    for (const row of rows) {
      if (pacer.due()) await pacer.pause();
      const pk = row[this.#pkField] as PrimaryKey;
      if (replace) for (const l of this.locations(pk, replace)) if (!batch.has(l.segment.rows[l.offset]!)) this.#delete(pk, l);
      const segment = this.#growing(partitionId);
      const offset = segment.append(row, pk, writtenMs);
      this.#add(pk, { segment, offset });
      batch.add(row);
      keys.push(pk);
      if (segment.size >= this.segmentMaxRows) this.seal(segment);
    }
    return keys;
  }

  /**
   * Deletes the live rows of `pk` (in `partitions` only, when given).
   * @returns how many rows were deleted.
   */
  remove(pk: PrimaryKey, partitions?: ReadonlySet<bigint>): number {
    const doomed = this.locations(pk, partitions);
    for (const l of doomed) this.#delete(pk, l);
    return doomed.length;
  }

  /** Deletes the row at `offset` of `segment` if it is live. @returns whether it was. */
  removeAt(segment: Segment, offset: number): boolean {
    if (!segment.isLive(offset)) return false;
    const pk = segment.pks[offset]!;
    const l = this.locations(pk).find((x) => x.segment === segment && x.offset === offset);
    if (l) this.#delete(pk, l);
    return l !== undefined;
  }

  #add(pk: PrimaryKey, l: RowLocation): void {
    const at = this.#byKey.get(pk);
    if (at === undefined) this.#byKey.set(pk, l);
    else if (Array.isArray(at)) at.push(l);
    else {
      this.#byKey.set(pk, [at, l]);
      this.#duplicated++;
    }
  }

  /** Tombstones the live row `l` of `pk` and forgets it. */
  #delete(pk: PrimaryKey, l: RowLocation): void {
    l.segment.delete(l.offset);
    const at = this.#byKey.get(pk);
    if (!Array.isArray(at)) {
      this.#byKey.delete(pk);
      return;
    }
    const rest = at.filter((x) => x !== l);
    if (rest.length === 1) {
      this.#byKey.set(pk, rest[0]!);
      this.#duplicated--;
    } else this.#byKey.set(pk, rest);
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

  /** The partitions that hold segments, each with its segments oldest first. */
  partitions(): IterableIterator<[bigint, readonly Segment[]]> {
    return this.#segments.entries();
  }

  /**
   * Rewrites sealed segments of one partition into one sealed segment `targetId` that holds their
   * live rows in order (a mix compaction): deleted rows are dropped, every moved row keeps its age
   * among the rows of its key, the target takes the place of the earliest source and its indexes are
   * queued as for any sealed segment; the sources are forgotten (their index builds cancelled).
   * Without a live row no segment is created.
   * @returns the target segment; `undefined` when no row was live; `false` when a source is no
   *   longer one of the partition's segments (dropped, or already compacted), nothing changed.
   */
  merge(sources: readonly Segment[], targetId: bigint): Segment | undefined | false {
    const partitionId = sources[0]!.partitionId;
    const list = this.#segments.get(partitionId);
    if (!list || sources.some((s) => s.state !== 'Sealed' || !list.includes(s))) return false;
    const target = new Segment(targetId, partitionId, this.#vectorDims);
    for (const source of sources) {
      for (let i = 0; i < source.size; i++) {
        if (!source.isLive(i)) continue;
        const pk = source.pks[i]!;
        const at = this.locations(pk).find((l) => l.segment === source && l.offset === i)!;
        at.offset = target.append(source.rows[i]!, pk, source.writtenMs[i]!);
        at.segment = target;
      }
      this.builder.cancel(source);
    }
    // No source comes before the earliest one: its index is also the target's place among the rest.
    const place = Math.min(...sources.map((s) => list.indexOf(s)));
    const rest = list.filter((s) => !sources.includes(s));
    if (target.size > 0) rest.splice(place, 0, target);
    list.splice(0, list.length, ...rest);
    if (target.size === 0) return undefined;
    this.seal(target);
    return target;
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
      for (let i = 0; i < s.size; i++) this.removeAt(s, i);
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
