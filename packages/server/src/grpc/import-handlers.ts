import type { CallMetadata } from './metadata.js';
import { ImportState } from '@mvkit/proto';
import type { MilvusServiceHandlers } from './adapter.js';
import { physicalMillis, type Engine, type ImportJob, type ImportJobState } from '../engine/index.js';

const IMPORT_STATES: Readonly<Record<ImportJobState, ImportState>> = {
  Pending: ImportState.ImportPending,
  Importing: ImportState.ImportStarted,
  Completed: ImportState.ImportCompleted,
  Failed: ImportState.ImportFailed,
};

/**
 * A job as the old GetImportState answers it (`milvus.GetImportStateResponse`): the state mapped
 * onto `common.ImportState`, the imported rows as `row_count`, `create_ts` in Unix seconds, and
 * the `infos` pymilvus reads (`collection`, `partition`, `files`, `failed_reason`, `progress_percent`).
 */
function importState(job: ImportJob) {
  return {
    state: IMPORT_STATES[job.state],
    rowCount: BigInt(job.importedRows),
    idList: [],
    infos: [
      { key: 'collection', value: job.collectionName },
      { key: 'partition', value: job.partitionName },
      { key: 'files', value: job.files.flat().join(',') },
      { key: 'failed_reason', value: job.reason },
      { key: 'progress_percent', value: String(job.progress) },
    ],
    id: job.id,
    collectionId: job.collectionId,
    segmentIds: job.segmentIds,
    createTs: physicalMillis(job.createTs) / 1000n,
  };
}

/**
 * The gRPC front of bulk import: the old Import / GetImportState / ListImportTasks RPCs of
 * `MilvusService`, which Milvus 2.5 serves through its ImportV2 jobs (Import sends all its files
 * as one file group and answers the job ID as its only task).
 */
export function importHandlers(engine: Engine, dbOf: (req: { dbName?: string }, md: CallMetadata) => string): Partial<MilvusServiceHandlers> {
  return {
    async import(req, md) {
      const job = engine.importFiles({
        dbName: dbOf(req, md),
        collectionName: req.collectionName,
        partitionName: req.partitionName,
        files: [req.files],
        options: Object.fromEntries(req.options.map((o) => [o.key, o.value])),
      });
      return { tasks: [job.id] };
    },
    async getImportState(req) {
      return importState(engine.importJob(req.task));
    },
    async listImportTasks(req, md) {
      const jobs = engine.listImportJobs({ dbName: dbOf(req, md), collectionName: req.collectionName });
      const limit = Number(req.limit);
      return { tasks: (limit > 0 ? jobs.slice(-limit) : jobs).map(importState) };
    },
  };
}
