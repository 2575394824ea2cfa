/**
 * RESTful v2 `jobs/import/*`: bulk import jobs, answered as Milvus 2.5's `handler_v2.go`
 * (`createImportJob`, `listImportJob`, `getImportJobProcess`) answers them (`code: 0`, which
 * pymilvus's `bulk_import` requires). The rules live in the engine's import jobs.
 *
 * @packageDocumentation
 */
import type { Engine, ImportJob } from '../engine/index.js';
import { S, obj, type Body } from './body.js';
import type { RestContext, RouteAnswer } from './routes.js';

type Handle = (engine: Engine, body: Body, ctx: RestContext) => RouteAnswer;

const ok = (data: unknown): RouteAnswer => ({ data });

/** `reason` only when there is one, as the handlers add it. */
const reasonOf = (reason: string) => (reason ? { reason } : {});

/** GetImportProgress as `getImportJobProcess` writes it. */
function progress(engine: Engine, b: Body): RouteAnswer {
  const job: ImportJob = engine.importJob(S(b.jobId));
  const details = job.tasks.map((t) => ({
    fileName: t.fileName,
    fileSize: t.fileSize,
    progress: t.progress,
    completeTime: t.completeTime,
    state: t.state,
    importedRows: t.importedRows,
    totalRows: t.totalRows,
    ...reasonOf(t.reason),
  }));
  return ok({
    jobId: String(job.id),
    collectionName: job.collectionName,
    completeTime: job.completeTime,
    state: job.state,
    progress: job.progress,
    importedRows: job.importedRows,
    totalRows: job.totalRows,
    ...reasonOf(job.reason),
    fileSize: job.tasks.reduce((n, t) => n + t.fileSize, 0),
    details,
  });
}

/** The `jobs/import/*` routes, spread into the REST front's handler table. */
export const IMPORT_HANDLERS: Readonly<Record<string, Handle>> = {
  '/v2/vectordb/jobs/import/create': (e, b, c) => {
    const files = Array.isArray(b.files) ? (b.files as unknown[]).map((g) => (Array.isArray(g) ? g.map(String) : [])) : [];
    const options = Object.fromEntries(Object.entries(obj(b.options)).map(([k, v]) => [k, String(v)]));
    const job = e.importFiles({ dbName: c.dbName, collectionName: S(b.collectionName), partitionName: S(b.partitionName), files, options });
    return ok({ jobId: String(job.id) });
  },
  '/v2/vectordb/jobs/import/list': (e, b, c) =>
    ok({
      records: e.listImportJobs({ dbName: c.dbName, collectionName: S(b.collectionName) }).map((j) => ({
        jobId: String(j.id),
        collectionName: j.collectionName,
        state: j.state,
        progress: j.progress,
        ...reasonOf(j.reason),
      })),
    }),
  '/v2/vectordb/jobs/import/get_progress': progress,
  '/v2/vectordb/jobs/import/describe': progress,
};
