import type { Collection } from './catalog.js';
import type { Segment } from './data/segment.js';
import type { PrimaryKey, Row } from './data/values.js';

/**
 * Query node ID reported for loaded segments: a standalone Milvus has one query node, whose
 * session ID is that of the process.
 */
export const QUERY_NODE_ID = 1n;

/** Segment states of the segment-info RPCs, as `common.SegmentState` names them. */
export type ReportedSegmentState = 'Growing' | 'Sealed' | 'Flushed';

/** One segment of GetPersistentSegmentInfo (datacoord's view). */
export interface PersistentSegment {
  segmentId: bigint;
  collectionId: bigint;
  partitionId: bigint;
  /** Rows of the segment, deleted ones included until a compaction rewrites it (datacoord's `num_of_rows`). */
  numRows: number;
  state: ReportedSegmentState;
  /** `common.SegmentLevel`: inserted and compacted segments are L1. */
  level: 'L1';
}

/** One segment of GetQuerySegmentInfo (querycoord's view of the loaded segments). */
export interface QuerySegment extends PersistentSegment {
  /** Estimated memory of the segment's rows, in bytes. */
  memSize: number;
  /** Name and ID of a collection index built on the segment ('' and 0 when none is built yet). */
  indexName: string;
  indexId: bigint;
  nodeIds: bigint[];
}

/**
 * GetPersistentSegmentInfo, as the 2.5 proxy asks datacoord for the segments in states Flushing,
 * Flushed and Sealed: every sealed segment of the collection, reported `Flushed` (sealing is
 * durable at once in memory); growing segments are not listed, compacted-away ones are gone.
 */
export function persistentSegments(coll: Collection): PersistentSegment[] {
  const out: PersistentSegment[] = [];
  for (const [partitionId, segments] of coll.data.partitions()) {
    for (const s of segments) {
      if (s.state !== 'Sealed') continue;
      out.push({ segmentId: s.id, collectionId: coll.id, partitionId, numRows: s.size, state: 'Flushed', level: 'L1' });
    }
  }
  return out;
}

/**
 * GetQuerySegmentInfo, as querycoord's `getCollectionSegmentInfo`: the sealed segments the query
 * node serves, i.e. those of the loaded partitions (none when the collection is not loaded: an
 * empty list, not an error), state `Sealed`; growing segments are served from the channel and not
 * listed.
 */
export function querySegments(coll: Collection): QuerySegment[] {
  const loaded = new Set([...coll.partitions.values()].filter((p) => p.loaded).map((p) => p.id));
  const out: QuerySegment[] = [];
  for (const [partitionId, segments] of coll.data.partitions()) {
    if (!loaded.has(partitionId)) continue;
    for (const s of segments) {
      if (s.state !== 'Sealed') continue;
      const built = s.built.values().next().value;
      const spec = built ? coll.indexes.get(built.indexName) : undefined;
      out.push({
        segmentId: s.id,
        collectionId: coll.id,
        partitionId,
        numRows: s.size,
        state: 'Sealed',
        level: 'L1',
        memSize: memSizeOf(s),
        indexName: spec?.indexName ?? '',
        indexId: spec?.indexID ?? 0n,
        nodeIds: [QUERY_NODE_ID],
      });
    }
  }
  return out;
}

/** Estimated bytes of a segment's rows: vectors by their buffers, numbers 8, strings by length, other values by their JSON text. */
function memSizeOf(segment: Segment): number {
  let bytes = 0;
  for (const row of segment.rows) bytes += rowBytes(row);
  return bytes;
}

function rowBytes(row: Row): number {
  let bytes = 0;
  for (const value of Object.values(row)) {
    if (ArrayBuffer.isView(value)) bytes += value.byteLength;
    else if (typeof value === 'number' || typeof value === 'bigint') bytes += 8;
    else if (typeof value === 'boolean') bytes += 1;
    else if (typeof value === 'string') bytes += value.length;
    else if (value !== null && value !== undefined) bytes += JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))?.length ?? 0;
  }
  return bytes;
}

/**
 * The live primary keys of one segment (growing or sealed) of `coll`, in insertion order, as
 * Milvus 1.x `GetVectorIDs` lists a segment's entity IDs.
 * @returns undefined when the collection has no segment with that ID.
 */
export function segmentKeys(coll: Collection, segmentId: bigint): PrimaryKey[] | undefined {
  for (const [, segments] of coll.data.partitions()) {
    const segment = segments.find((s) => s.id === segmentId);
    if (segment) return segment.pks.filter((_, offset) => segment.isLive(offset));
  }
  return undefined;
}

/**
 * Live rows (deleted ones left out) of `coll`, per partition ID, as Milvus 1.x counts entities
 * (`count_entities`, the row counts of `get_collection_stats`).
 */
export function liveRowCounts(coll: Collection): Map<bigint, number> {
  const out = new Map<bigint, number>();
  for (const [partitionId, segments] of coll.data.partitions()) out.set(partitionId, segments.reduce((n, s) => n + s.liveCount, 0));
  return out;
}
