/**
 * Bulk import over RESTful v2: the old Import / GetImportState / ListImportTasks operations said
 * with `jobs/import/create`, `get_progress` and `list`, whose answers are turned into the gRPC
 * responses' fields.
 *
 * @packageDocumentation
 */
import type { components } from './gen/schema.js';
import { ImportState } from './gen/shapes.js';

/** `data` of a `jobs/import/get_progress` answer. */
export type ImportProgress = components['schemas']['ImportJobProgressResponse']['data'];

/** The `common.ImportState` the gRPC front reports for a REST job state. */
const STATES: Readonly<Record<ImportProgress['state'], ImportState>> = {
  Pending: ImportState.ImportPending,
  Importing: ImportState.ImportStarted,
  Completed: ImportState.ImportCompleted,
  Failed: ImportState.ImportFailed,
};

/**
 * The `milvus.GetImportStateResponse` fields a job's progress gives: state, imported rows, ID and
 * the `infos` REST reports (`collection`, `failed_reason`, `progress_percent`); the collection ID,
 * segments and creation time are not in REST answers and stay 0 / empty.
 */
export function importStateOf(p: ImportProgress) {
  return {
    state: STATES[p.state],
    rowCount: BigInt(p.importedRows),
    id: BigInt(p.jobId),
    infos: [
      { key: 'collection', value: p.collectionName },
      { key: 'failed_reason', value: p.reason ?? '' },
      { key: 'progress_percent', value: String(p.progress) },
    ],
  };
}

/** The `options` object of `jobs/import/create` from the request's key/value pairs. */
export const importOptionsOf = (options: readonly { key: string; value: string }[] | undefined): Record<string, string> => Object.fromEntries((options ?? []).map((o) => [o.key, o.value]));
