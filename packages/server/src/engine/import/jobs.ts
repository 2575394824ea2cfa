import { MilvusError } from '@mvkit/core';
import { DEFAULT_PARTITION, partitionOf, type Collection } from '../catalog.js';
import type { Row } from '../data/values.js';
import { partitionKeyFieldOf } from '../partition-key.js';
import { fileTypeOf, type ImportFileType } from './file-type.js';
import { readJsonRows } from './json-file.js';
import { readNumpyRows } from './numpy-file.js';
import { importFailed, type ImportSource } from './source.js';

/**
 * State of an import job as GetImportProgress reports it (`internalpb.ImportJobState`): datacoord's
 * PreImporting, Importing, Stats and IndexBuilding phases are all reported as `Importing`.
 */
export type ImportJobState = 'Pending' | 'Importing' | 'Completed' | 'Failed';

/** State of one import task (`datapb.ImportTaskStateV2`), as the REST `details` name it. */
export type ImportTaskState = 'Pending' | 'InProgress' | 'Completed' | 'Failed';

/** Largest import file read, in bytes (Milvus reads up to 16 GiB from object storage; this server holds rows in memory). */
export const MAX_IMPORT_FILE_BYTES = 256 * 1024 * 1024;

/** Most bytes of files one import job reads. */
export const MAX_IMPORT_JOB_BYTES = 1024 * 1024 * 1024;

/** Most rows one import job writes. */
export const MAX_IMPORT_ROWS = 10_000_000;

/** Most file groups in one import request (`dataCoord.import.maxFilesPerImportReq`). */
export const MAX_IMPORT_FILES = 1024;

/** Finished jobs kept for GetImportProgress and ListImports; older ones are forgotten first. */
export const RETAINED_IMPORT_JOBS = 1024;

/** Progress of the import task of one file group (`internalpb.ImportTaskProgress`). */
export interface ImportTaskProgress {
  /** The group's paths as Go's `%v` prints them: `[a.json]`, `[id.npy vector.npy]`. */
  fileName: string;
  /** Bytes of the group's files. */
  fileSize: number;
  state: ImportTaskState;
  reason: string;
  /** Percent, 0–100. */
  progress: number;
  totalRows: number;
  importedRows: number;
  /** RFC 3339 time the group finished, `''` before. */
  completeTime: string;
}

/** An import job as GetImportProgress and ListImports report it. */
export interface ImportJob {
  /** Job ID (a TSO, as Milvus allocates it). */
  readonly id: bigint;
  readonly dbName: string;
  readonly collectionName: string;
  readonly collectionId: bigint;
  /** The partition named in the request, `''` for `_default` or partition-key routing. */
  readonly partitionName: string;
  readonly files: readonly (readonly string[])[];
  /** Hybrid timestamp of the request. */
  readonly createTs: bigint;
  /** RFC 3339 time of the request. */
  readonly createTime: string;
  state: ImportJobState;
  /** Why the job failed, `''` otherwise. */
  reason: string;
  /**
   * Percent as datacoord's `GetJobProgress` weighs the phases: 0 pending, 10–40 while the files
   * are read (pre-import), 40–70 while rows are written, 100 completed; 0 failed.
   */
  progress: number;
  /** Rows of every file, known once the files are read (0 before, and when failed). */
  totalRows: number;
  /** Rows written (0 until the job completes, and when failed). */
  importedRows: number;
  /** RFC 3339 time the job completed, `''` before (and when failed). */
  completeTime: string;
  /** Sealed segments holding the imported rows. */
  segmentIds: bigint[];
  /** The import tasks, one per file group, created once every file is read (none before, none when reading failed). */
  tasks: ImportTaskProgress[];
}

/** An import request after the front's translation (`internalpb.ImportRequest`). */
export interface ImportInput {
  partitionName?: string;
  /** File groups: one path for JSON or Parquet, one `.npy` per field for NumPy. Empty groups are dropped. */
  files: readonly (readonly string[])[];
  /** `options` of the request (`timeout`, `backup`, ...). */
  options?: Readonly<Record<string, string>>;
}

/** What the job runner needs from the engine: the collection (re-resolved when rows are written) and the write path of Insert. */
export interface ImportTarget {
  /** The job's collection if it still exists (the same one: same ID). */
  collection(job: ImportJob): Collection | undefined;
  /** Writes rows as Insert does (the same checks), into `partitionName` or by partition key. @returns the IDs of the segments sealed. */
  write(coll: Collection, partitionName: string | undefined, rows: Row[]): Promise<bigint[]>;
}

/** The time as Go's `time.Now().Format("2006-01-02T15:04:05Z07:00")` writes it (in UTC). */
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** A file group as Go's `fmt.Sprintf("%v", paths)` prints it. */
const goList = (paths: readonly string[]) => `[${paths.join(' ')}]`;

/**
 * The import jobs of an engine (datacoord's import checker, scheduler and meta): a job is created
 * Pending; then its files are read and parsed, counting their rows (pre-import, reported as
 * Importing); then one import task per file group writes the rows (all of the job's rows go
 * through the write rules of Insert at once and land in sealed segments); then it is Completed.
 * Any failure makes it Failed with Milvus's reason, and no row of it is visible. Jobs run one
 * after another, in the background.
 */
export class ImportJobs {
  readonly #jobs = new Map<bigint, ImportJob>();
  #queue: Promise<void> = Promise.resolve();

  constructor(
    readonly source: ImportSource | undefined,
    readonly target: ImportTarget,
    readonly allocateId: () => bigint,
  ) {}

  /**
   * Checks an import request as the proxy's ImportV2 and datacoord do, creates the job and queues it.
   * @throws MilvusError 2100 `not allow to set partition name for collection with partition key`,
   *   or a file group refused by `fileTypeOf`; 1100 `import request is empty`; 200 for an
   *   unknown partition; 2100 when the server has no import directory.
   */
  create(dbName: string, coll: Collection, input: ImportInput): ImportJob {
    const key = partitionKeyFieldOf(coll.schema.fields);
    if (input.partitionName && key) throw importFailed('not allow to set partition name for collection with partition key');
    if (!key) partitionOf(coll, input.partitionName || DEFAULT_PARTITION);
    const files = input.files.filter((g) => g.length > 0);
    if (files.length === 0) throw MilvusError.parameterInvalid('import request is empty');
    if (files.length > MAX_IMPORT_FILES) throw importFailed(`The max number of import files should not exceed ${MAX_IMPORT_FILES}, but got ${files.length}`);
    for (const g of files) fileTypeOf(g);
    if (input.options?.backup?.toLowerCase() === 'true') throw importFailed('binlog import (backup) is not supported by the reference server');
    if (!this.source) throw importFailed('the server has no import directory (start it with --import-dir)');
    const id = this.allocateId();
    const job: ImportJob = {
      id,
      dbName,
      collectionName: coll.name,
      collectionId: coll.id,
      partitionName: input.partitionName ?? '',
      files: files.map((g) => [...g]),
      createTs: id,
      createTime: now(),
      state: 'Pending',
      reason: '',
      progress: 0,
      totalRows: 0,
      importedRows: 0,
      completeTime: '',
      segmentIds: [],
      tasks: [],
    };
    this.#jobs.set(id, job);
    this.#forgetOld();
    this.#queue = this.#queue.then(() => this.#run(job, this.source!));
    return job;
  }

  /** A job by ID. @throws MilvusError 2100 `import job does not exist, jobID=<id>`. */
  job(id: bigint): ImportJob {
    const job = this.#jobs.get(id);
    if (!job) throw importFailed(`import job does not exist, jobID=${id}`);
    return job;
  }

  /** Every job, or the jobs of one collection, oldest first (datacoord's ListImports filters by collection only). */
  list(collectionId?: bigint): ImportJob[] {
    return [...this.#jobs.values()].filter((j) => collectionId === undefined || j.collectionId === collectionId);
  }

  /**
   * Forgets every job (engine reset). A job still running finds no collection of its ID to write
   * into and fails; it is no longer listed.
   */
  clear(): void {
    this.#jobs.clear();
  }

  /** Resolves when every queued job has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.#queue;
  }

  #forgetOld(): void {
    const finished = [...this.#jobs.values()].filter((j) => j.state === 'Completed' || j.state === 'Failed');
    for (const j of finished.slice(0, Math.max(0, finished.length - RETAINED_IMPORT_JOBS))) this.#jobs.delete(j.id);
  }

  async #run(job: ImportJob, source: ImportSource): Promise<void> {
    try {
      job.state = 'Importing';
      job.progress = 10;
      const groups: { rows: Row[]; fileSize: number }[] = [];
      let total = 0;
      for (const group of job.files) {
        const read = await this.#readGroup(job, group, source, total, groups.reduce((n, g) => n + g.fileSize, 0));
        total += read.rows.length;
        groups.push(read);
        job.progress = 10 + Math.floor((30 * groups.length) / job.files.length);
      }
      job.tasks = job.files.map((g, i) => ({ fileName: goList(g), fileSize: groups[i]!.fileSize, state: 'InProgress', reason: '', progress: 0, totalRows: groups[i]!.rows.length, importedRows: 0, completeTime: '' }));
      Object.assign(job, { totalRows: total, progress: 40 });
      const coll = this.target.collection(job);
      if (!coll) throw importFailed(`collection ${job.collectionName} (ID ${job.collectionId}) was dropped during the import`);
      job.segmentIds = total ? await this.target.write(coll, job.partitionName || undefined, groups.flatMap((g) => g.rows)) : [];
      const done = now();
      for (const t of job.tasks) Object.assign(t, { state: 'Completed', progress: 100, importedRows: t.totalRows, completeTime: done });
      Object.assign(job, { state: 'Completed', progress: 100, importedRows: total, completeTime: done });
    } catch (e) {
      const reason = MilvusError.is(e) ? e.reason : `unexpected error: ${(e as Error)?.message ?? String(e)}`;
      for (const t of job.tasks) Object.assign(t, { state: 'Failed', reason });
      Object.assign(job, { state: 'Failed', reason, progress: 0, totalRows: 0, importedRows: 0 });
    }
  }

  /** Reads and parses one file group, checking sizes (of each file, and of the job so far) before reading. @returns its rows and bytes. */
  async #readGroup(job: ImportJob, group: readonly string[], source: ImportSource, rowsSoFar: number, bytesSoFar: number): Promise<{ rows: Row[]; fileSize: number }> {
    const type: ImportFileType = fileTypeOf(group);
    const coll = this.target.collection(job);
    if (!coll) throw importFailed(`collection ${job.collectionName} (ID ${job.collectionId}) was dropped during the import`);
    const files: { path: string; bytes: Uint8Array }[] = [];
    let fileSize = 0;
    const tooLarge = (size: number) => importFailed(`The import file size has reached the maximum limit allowed for importing, fileSize=${size}, maxSize=${MAX_IMPORT_FILE_BYTES}`);
    for (const path of group) {
      const size = await source.size(path);
      if (size > MAX_IMPORT_FILE_BYTES) throw tooLarge(size);
      if (bytesSoFar + fileSize + size > MAX_IMPORT_JOB_BYTES) throw importFailed(`the files of the import job hold more than ${MAX_IMPORT_JOB_BYTES} bytes`);
      const bytes = await source.read(path);
      if (bytes.length > MAX_IMPORT_FILE_BYTES) throw tooLarge(bytes.length); // the file grew after it was sized
      fileSize += bytes.length;
      files.push({ path, bytes });
    }
    const first = files[0]!;
    // The parquet reader (hyparquet) is imported by the first parquet import, not at start.
    const rows =
      type === 'json' ? readJsonRows(first.bytes, coll.schema) : type === 'parquet' ? await (await import('./parquet-file.js')).readParquetRows(first.bytes, first.path, coll.schema, MAX_IMPORT_ROWS - rowsSoFar) : readNumpyRows(files, coll.schema);
    if (rowsSoFar + rows.length > MAX_IMPORT_ROWS) throw importFailed(`the import job holds more than ${MAX_IMPORT_ROWS} rows`);
    return { rows, fileSize };
  }
}
