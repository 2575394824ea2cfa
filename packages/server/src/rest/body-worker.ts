/**
 * A {@link BodyReader} that parses large entities-write bodies in a worker thread, so that reading
 * a 200,000-row insert does not hold the event loop that serves every other client: the worker
 * binds the body (Go's binding rules, as in this thread) and decodes its rows against the schema
 * the handler resolves, then hands the rows back in batches, the next one asked for only after the
 * previous one was taken in and the event loop had a turn. Smaller bodies, and bodies of other routes, are read in this thread. Node only.
 *
 * The worker runs this same module (as the CLI bundle, or `dist/rest/body-worker.js`), told apart
 * by its `workerData`.
 *
 * @packageDocumentation
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { MilvusError, type MilvusErrorOptions } from '@mvkit/core';
import type { CollectionSpec, Row } from '../engine/index.js';
import { GoBinder } from './bind.js';
import { decodeBodyRows, inThreadBodyReader, type BodyReader, type ReadBody } from './body-reader.js';

/** `workerData` that makes a worker serve body jobs. */
const ROLE = { role: 'mvkit-rest-body-reader' } as const;

/** Rows per message from the worker: small enough that receiving one takes a few ms. */
const BATCH_ROWS = 2000;

/** The Go struct of `entities/insert` and `entities/upsert` bodies, the ones read in the worker. */
const ROWS_STRUCT = 'CollectionDataReq';

type Request =
  | { id: number; op: 'bind'; struct: string; text: string }
  | { id: number; op: 'rows'; schema: CollectionSpec; insert: boolean }
  | { id: number; op: 'next' }
  | { id: number; op: 'release' };
type ErrorShape = { reason: string; options: MilvusErrorOptions };
type Reply = { id: number; body: Record<string, unknown> } | { id: number; rows: Row[]; done: boolean } | { id: number; error: ErrorShape };

const errorShape = (e: unknown): ErrorShape =>
  MilvusError.is(e) ? { reason: e.reason, options: { code: e.code, errorCode: e.errorCode, retriable: e.retriable } } : { reason: e instanceof Error ? e.message : String(e), options: {} };

/**
 * Whether this module can run in a worker thread: it can when loaded as built JavaScript (the
 * package's `dist`, the CLI bundle), not from its TypeScript sources (as the test runner loads it).
 */
export const BODY_WORKER_AVAILABLE = !import.meta.url.endsWith('.ts');

/** Options of {@link workerBodyReader}. */
export interface WorkerBodyReaderOptions {
  /** Bodies of at least this many characters are read in the worker; default 1 MiB. */
  minChars?: number;
}

/** A {@link BodyReader} with a worker thread of its own, started on first use. */
export interface WorkerBodyReader extends BodyReader {
  /** Stops the worker; reads still running fail. Idempotent. */
  close(): Promise<void>;
}

/**
 * A body reader that reads `entities/insert` and `entities/upsert` bodies of at least
 * `minChars` in a worker thread (see the module comment) and everything else in this thread.
 */
export function workerBodyReader(options: WorkerBodyReaderOptions = {}): WorkerBodyReader {
  const minChars = options.minChars ?? 1024 * 1024;
  const local = inThreadBodyReader();
  const pending = new Map<number, (reply: Reply) => void>();
  let worker: Worker | undefined;
  let nextId = 1;

  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL(import.meta.url), { workerData: ROLE });
    w.unref();
    w.on('message', (reply: Reply) => pending.get(reply.id)?.(reply));
    const fail = (why: string) => {
      for (const [id, deliver] of pending) deliver({ id, error: { reason: `body reader stopped: ${why}`, options: {} } });
      pending.clear();
      if (worker === w) worker = undefined;
    };
    w.on('error', (e) => fail(e.message));
    w.on('exit', (code) => fail(`exit ${code}`));
    return (worker = w);
  };
  const ask = (request: Request, onReply: (reply: Reply) => boolean): void => {
    pending.set(request.id, (reply) => {
      if (onReply(reply)) pending.delete(request.id);
    });
    start().postMessage(request);
  };
  const post = (request: Request) => worker?.postMessage(request);

  return {
    async read(struct, text): Promise<ReadBody> {
      if (struct !== ROWS_STRUCT || text.length < minChars) return local.read(struct, text);
      const id = nextId++;
      const body = await new Promise<Record<string, unknown>>((resolve, reject) =>
        ask({ id, op: 'bind', struct, text }, (reply) => {
          if ('error' in reply) reject(new MilvusError(reply.error.reason, reply.error.options));
          else if ('body' in reply) resolve(reply.body);
          return true;
        }),
      );
      return {
        body,
        rows: (schema, insert) =>
          new Promise<Row[]>((resolve, reject) => {
            const rows: Row[] = [];
            ask({ id, op: 'rows', schema, insert }, (reply) => {
              if ('error' in reply) reject(new MilvusError(reply.error.reason, reply.error.options));
              else if ('rows' in reply) {
                for (const r of reply.rows) rows.push(r);
                if (!reply.done) {
                  setImmediate(() => post({ id, op: 'next' }));
                  return false;
                }
                resolve(rows);
              }
              return true;
            });
          }),
        release: () => post({ id, op: 'release' }),
      };
    },
    async close() {
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}

/** Worker side: binds bodies, keeps their text until released, decodes their rows and hands them out batch by batch. */
function serveBodyJobs(): void {
  const port = parentPort!;
  const binder = new GoBinder();
  const jobs = new Map<number, { text: string; rows?: Row[]; at: number }>();
  const reply = (r: Reply) => port.postMessage(r);
  const nextBatch = (id: number) => {
    const job = jobs.get(id);
    if (!job?.rows) return reply({ id, error: { reason: 'body reader: unknown request', options: {} } });
    const batch = job.rows.slice(job.at, job.at + BATCH_ROWS);
    job.at += BATCH_ROWS;
    reply({ id, rows: batch, done: job.at >= job.rows.length });
  };
  port.on('message', (request: Request) => {
    switch (request.op) {
      case 'release':
        jobs.delete(request.id);
        return;
      case 'next':
        return nextBatch(request.id);
      case 'bind':
        try {
          const { data: _rows, ...body } = binder.bind(request.struct, request.text);
          jobs.set(request.id, { text: request.text, at: 0 });
          reply({ id: request.id, body });
        } catch (e) {
          reply({ id: request.id, error: errorShape(e) });
        }
        return;
      case 'rows': {
        const job = jobs.get(request.id);
        if (!job) return reply({ id: request.id, error: { reason: 'body reader: unknown request', options: {} } });
        decodeBodyRows(job.text, request.schema, request.insert).then(
          (rows) => {
            job.rows = rows;
            nextBatch(request.id);
          },
          (e: unknown) => reply({ id: request.id, error: errorShape(e) }),
        );
      }
    }
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE.role) serveBodyJobs();
