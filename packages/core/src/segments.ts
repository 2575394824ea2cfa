import type { BaseRequest, ResStatus } from './operations.js';

/**
 * Request and result shapes of the segment and maintenance operations, as the official Node SDK
 * names them (`types/Collection.d.ts`, `types/Segments.d.ts`): int64 values are decimal strings,
 * enums their names.
 */

/** `compact` (ManualCompaction): the collection by name; `majorCompaction` asks for a clustering compaction, `l0Compaction` for an L0 one. */
export interface CompactRequest extends BaseRequest {
  collection_name: string;
  majorCompaction?: boolean;
  l0Compaction?: boolean;
}

/** `compact` result: `compactionID` (`'-1'` when nothing is to compact) and the plan count. */
export interface CompactionResult {
  status: ResStatus;
  compactionID: string;
  compactionPlanCount: number;
}

/** `getCompactionState` / `getCompactionStateWithPlans` request. */
export interface CompactionStateRequest extends BaseRequest {
  compactionID: string | number | bigint;
}

/** `common.CompactionState` by name. */
export type CompactionStateName = 'UndefiedState' | 'Executing' | 'Completed';

/** `getCompactionState` result (GetCompactionStateResponse): plan counts as decimal strings. */
export interface CompactionStateResult {
  status: ResStatus;
  state: CompactionStateName;
  executingPlanNo: string;
  timeoutPlanNo: string;
  completedPlanNo: string;
  failedPlanNo: string;
}

/** `getCompactionStateWithPlans` result (GetCompactionPlansResponse): per plan its source segment IDs and target segment ID. */
export interface CompactionPlansResult {
  status: ResStatus;
  state: CompactionStateName;
  mergeInfos: { sources: string[]; target: string }[];
}

/** `getFlushState` request: segment IDs, and optionally a flush timestamp and the collection it applies to. */
export interface FlushStateRequest extends BaseRequest {
  segmentIDs?: (string | number | bigint)[];
  flush_ts?: string | number | bigint;
  collection_name?: string;
}

/** `getFlushState` / `getFlushAllState` result. */
export interface FlushStateResult {
  status: ResStatus;
  flushed: boolean;
}

/** `flushAll` request: one database, or all when `db_name` is omitted. */
export type FlushAllRequest = BaseRequest;

/** `flushAll` result: `flush_all_ts`, the hybrid timestamp to pass to `getFlushAllState`. */
export interface FlushAllResult {
  status: ResStatus;
  flush_all_ts: string;
}

/** `getFlushAllState` request. */
export interface FlushAllStateRequest extends BaseRequest {
  flush_all_ts: string | number | bigint;
}

/** `getQuerySegmentInfo` / `getPersistentSegmentInfo` request (the proto's camelCase names, as the SDK; `db_name` is taken for `dbName`). */
export interface SegmentInfoRequest extends BaseRequest {
  collectionName: string;
  dbName?: string;
}

/** A segment's state by `common.SegmentState` name. */
export type SegmentStateName = 'SegmentStateNone' | 'NotExist' | 'Growing' | 'Sealed' | 'Flushed' | 'Flushing' | 'Dropped' | 'Importing';

/** A segment's level by `common.SegmentLevel` name. */
export type SegmentLevelName = 'Legacy' | 'L0' | 'L1' | 'L2';

/** One persisted segment (PersistentSegmentInfo). */
export interface PersistentSegmentInfo {
  segmentID: string;
  collectionID: string;
  partitionID: string;
  num_rows: string;
  state: SegmentStateName;
  level: SegmentLevelName;
  is_sorted: boolean;
  storage_version: string;
}

/** One loaded segment (QuerySegmentInfo): also its memory size in bytes, index and query nodes. */
export interface QuerySegmentInfo extends PersistentSegmentInfo {
  mem_size: string;
  index_name: string;
  indexID: string;
  nodeID: string;
  nodeIds: string[];
}

/** `getQuerySegmentInfo` result. */
export interface QuerySegmentInfoResult {
  status: ResStatus;
  infos: QuerySegmentInfo[];
}

/** `getPersistentSegmentInfo` result. */
export interface PersistentSegmentInfoResult {
  status: ResStatus;
  infos: PersistentSegmentInfo[];
}
