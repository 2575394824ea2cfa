/**
 * Bulk import requests and results, in the official Node SDK's shapes (`ImportReq`,
 * `GetImportStateReq`, `ListImportTasksReq` and their responses): the old Import /
 * GetImportState / ListImportTasks RPCs of Milvus, which 2.5 serves through its import jobs.
 *
 * @packageDocumentation
 */
import type { BaseRequest, KeyValuePair, ResStatus } from './operations.js';

/** `common.ImportState` names as results carry them. */
export type ImportStateName = 'ImportPending' | 'ImportFailed' | 'ImportStarted' | 'ImportPersisted' | 'ImportFlushed' | 'ImportCompleted' | 'ImportFailedAndCleaned';

/** Import (`bulkInsert`): files of the server's import storage into a collection. */
export interface ImportRequest extends BaseRequest {
  collection_name: string;
  /** Target partition; default `_default`; refused in partition-key mode (rows go by their keys). */
  partition_name?: string;
  /** Not used by Milvus 2.5; accepted for the SDK's shape. */
  channel_names?: string[];
  /** One JSON or Parquet file, or one `.npy` file per field; paths relative to the server's import storage. */
  files: string[];
  /** Import options (`timeout`, ...). */
  options?: KeyValuePair[];
}

/** Import's answer: the job ID, as the only task. */
export interface ImportResponse {
  status: ResStatus;
  /** Job IDs (int64 as decimal strings). */
  tasks: string[];
}

/** GetImportState: a job by ID. */
export interface GetImportStateRequest extends BaseRequest {
  /** Job ID, as Import answered it. */
  task: number | string | bigint;
}

/** GetImportState's answer (`milvus.GetImportStateResponse`); int64 fields are decimal strings. */
export interface GetImportStateResponse {
  status: ResStatus;
  state: ImportStateName;
  /** Rows imported so far. */
  row_count: string;
  id_list: string[];
  /** `collection`, `partition`, `files`, `failed_reason`, `progress_percent` (over REST: `collection`, `failed_reason`, `progress_percent`). */
  infos: KeyValuePair[];
  /** The job ID. */
  id: string;
  collection_id: string;
  segment_ids: string[];
  /** Creation time in Unix seconds. */
  create_ts: string;
}

/** ListImportTasks: the jobs of one collection, or all. */
export interface ListImportTasksRequest extends BaseRequest {
  collection_name?: string;
  /** At most this many (the newest); 0 or absent for all. */
  limit?: number;
}

/** ListImportTasks's answer: one state per job, oldest first. */
export interface ListImportTasksResponse {
  status: ResStatus;
  tasks: GetImportStateResponse[];
}
