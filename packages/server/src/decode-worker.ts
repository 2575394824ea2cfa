/**
 * Decoding of large requests in a worker thread, so that reading a 200,000-row insert or a filter
 * with a million-value `in` list does not hold the event loop that serves every other client.
 * Three kinds of request go there:
 *
 * - RESTful v2 `entities/insert` and `entities/upsert` bodies (a {@link BodyReader}): the worker
 *   binds the body (Go's binding rules, the same code as in this thread) and decodes its rows
 *   against the schema the handler then resolves;
 * - gRPC Insert and Upsert messages (a {@link WriteDecoder}): the worker decodes the protobuf and
 *   turns its columns into rows against the collection's columns;
 * - filters of 64 KiB and more (a {@link FilterPreparer}): the worker parses and checks them, and
 *   hands back the tree with its long `in` lists as packed value sets.
 *
 * Rows come back in batches, the next one asked for only after the previous one was taken in and
 * the event loop had a turn. Smaller requests are decoded in this thread. Node only;
 * the worker runs this same module (as the CLI bundle, or `dist/decode-worker.js`), told apart by
 * its `workerData`.
 *
 * @packageDocumentation
 */
import { parentPort } from 'node:worker_threads';
import { MilvusError, type MilvusErrorOptions } from '@mvkit/core';
import { rowsOfColumns, type ColumnField } from '@mvkit/proto';
import { GrpcStatusError } from './grpc/adapter.js';
import type { CollectionSpec, FilterPreparer } from './engine/index.js';
import { prepareFilter, type FilterSchema, type PreparedFilter } from './engine/expr/index.js';
import { decodeWriteInThread, decodeWriteMessage, type WriteDecoder, type WriteMessage, type WriteRequest } from './grpc/write-request.js';
import type { BodyReader, ReadBody } from './rest/body-reader.js';
import { isWorkerRole, WorkerThread } from './worker-thread.js';

/** `workerData` that makes a worker serve decode jobs. */
const ROLE = 'mvkit-decode-worker';

/** Rows per message from the worker: small enough that taking one in takes a few ms. */
const BATCH_ROWS = 2000;

/**
 * The REST body decoding, imported on first use in either thread (not by a static import: a start
 * that serves no REST request does not evaluate the binder, its ajv and the OpenAPI tables).
 */
async function restDecoding() {
  const [{ GoBinder }, { OPENAPI_ROUTES }, { bodyText, decodeBodyRows, inThreadBodyReader }] = await Promise.all([import('./rest/bind.js'), import('./rest/gen/openapi.js'), import('./rest/body-reader.js')]);
  /** The Go structs of `entities/insert` and `entities/upsert` bodies, the ones decoded in the worker. */
  const rowsStructs: ReadonlySet<string> = new Set(['/v2/vectordb/entities/insert', '/v2/vectordb/entities/upsert'].map((path) => OPENAPI_ROUTES[path]!.struct));
  return { GoBinder, bodyText, decodeBodyRows, inThreadBodyReader, rowsStructs };
}

/**
 * Whether this module can run in a worker thread: it can when loaded as built JavaScript (the
 * package's `dist`, the CLI bundle), not from its TypeScript sources (as the test runner loads it).
 */
export const DECODE_WORKER_AVAILABLE = !import.meta.url.endsWith('.ts');

type Request =
  | { id: number; op: 'bind-body'; struct: string; body: Uint8Array | string }
  | { id: number; op: 'bind-write'; bytes: Uint8Array; upsert: boolean }
  | { id: number; op: 'body-rows'; schema: CollectionSpec; insert: boolean }
  | { id: number; op: 'write-rows'; fields: readonly ColumnField[] }
  | { id: number; op: 'prepare-filter'; text: string; schema: FilterSchema; params: Readonly<Record<string, unknown>> | undefined }
  | { id: number; op: 'next' }
  | { id: number; op: 'release' };
type ErrorShape = { reason: string; options: MilvusErrorOptions; grpcCode?: number };
type Reply =
  | { id: number; head: Record<string, unknown> }
  | { id: number; rows: Record<string, unknown>[]; done: boolean }
  | { id: number; prepared: PreparedFilter | undefined }
  | { id: number; error: ErrorShape };

const errorShape = (e: unknown): ErrorShape => {
  if (e instanceof GrpcStatusError) return { reason: e.message, options: {}, grpcCode: e.code };
  if (MilvusError.is(e)) return { reason: e.reason, options: { code: e.code, errorCode: e.errorCode, retriable: e.retriable } };
  return { reason: e instanceof Error ? e.message : String(e), options: {} };
};
const errorOf = (shape: ErrorShape): Error => (shape.grpcCode !== undefined ? new GrpcStatusError(shape.grpcCode, shape.reason) : new MilvusError(shape.reason, shape.options));

/** Options of {@link DecodeWorker}. */
export interface DecodeWorkerOptions {
  /** Requests of at least this many bytes (characters for REST bodies given as text) are decoded in the worker; default 1 MiB. */
  minBytes?: number;
}

/** A worker thread, started on first use, that decodes large write requests for both fronts. */
export class DecodeWorker {
  readonly #minBytes: number;
  readonly #thread = new WorkerThread<Request, Reply>(new URL(import.meta.url), ROLE, (id, why) => ({ id, error: { reason: `decode worker stopped: ${why}`, options: {} } }));

  /** @param options - the size from which requests go to the worker. */
  constructor(options: DecodeWorkerOptions = {}) {
    this.#minBytes = options.minBytes ?? 1024 * 1024;
  }

  /**
   * The RESTful v2 body reader: large entities writes in the worker, everything else in this
   * thread. Imports the REST body decoding (the binder, ajv, the OpenAPI tables) on its first call.
   * @throws Error when those modules cannot be loaded (a broken install).
   */
  async bodyReader(): Promise<BodyReader> {
    const { bodyText, inThreadBodyReader, rowsStructs } = await restDecoding();
    const local = inThreadBodyReader();
    return {
      read: async (struct, raw): Promise<ReadBody> => {
        if (!rowsStructs.has(struct) || raw.length < this.#minBytes) return local.read(struct, raw);
        // The bytes are copied to the worker, which decodes them to text: nothing of the size of the
        // body is done in this thread. The text is made here only if a route asks for it.
        const { id, head } = await this.#bind({ op: 'bind-body', struct, body: raw });
        let text: string | undefined;
        return {
          body: head,
          rows: (schema, insert) => this.#rows(id, { op: 'body-rows', schema, insert }),
          text: () => (text ??= bodyText(raw)),
          release: () => this.#release(id),
        };
      },
    };
  }

  /** The gRPC Insert/Upsert decoder: large messages in the worker, others in this thread. */
  writeDecoder(): WriteDecoder {
    return async (bytes, upsert): Promise<WriteRequest> => {
      if (bytes.length < this.#minBytes) return decodeWriteInThread(bytes, upsert);
      const { id, head } = await this.#bind({ op: 'bind-write', bytes, upsert });
      return {
        dbName: head.dbName as string,
        collectionName: head.collectionName as string,
        partitionName: head.partitionName as string,
        rows: (fields) => this.#rows(id, { op: 'write-rows', fields }),
        release: () => this.#release(id),
      };
    };
  }

  /**
   * The engine's filter preparer: parses and checks a filter in the worker (`prepareFilter`),
   * whose long `in` lists come back as packed value sets. The engine only asks for long filters.
   */
  filterPreparer(): FilterPreparer {
    return (text, schema, params) => {
      const id = this.#thread.nextId();
      return new Promise((resolve, reject) =>
        this.#thread.ask({ id, op: 'prepare-filter', text, schema, params }, (reply) => {
          if ('error' in reply) reject(errorOf(reply.error));
          else if ('prepared' in reply) resolve(reply.prepared);
          return true;
        }),
      );
    };
  }

  /** Whether the worker thread is running (it starts with the first large request). */
  get running(): boolean {
    return this.#thread.running;
  }

  /** Stops the worker; decodes still running fail. Idempotent. */
  close(): Promise<void> {
    return this.#thread.close();
  }

  #bind(request: { op: 'bind-body'; struct: string; body: Uint8Array | string } | { op: 'bind-write'; bytes: Uint8Array; upsert: boolean }): Promise<{ id: number; head: Record<string, unknown> }> {
    const id = this.#thread.nextId();
    return new Promise((resolve, reject) =>
      this.#thread.ask({ id, ...request }, (reply) => {
        if ('error' in reply) reject(errorOf(reply.error));
        else if ('head' in reply) resolve({ id, head: reply.head });
        return true;
      }),
    );
  }

  #rows<R>(id: number, request: { op: 'body-rows'; schema: CollectionSpec; insert: boolean } | { op: 'write-rows'; fields: readonly ColumnField[] }): Promise<R[]> {
    return new Promise((resolve, reject) => {
      const rows: R[] = [];
      this.#thread.ask({ id, ...request }, (reply) => {
        if ('error' in reply) reject(errorOf(reply.error));
        else if ('rows' in reply) {
          for (const r of reply.rows) rows.push(r as R);
          if (!reply.done) {
            setImmediate(() => this.#thread.post({ id, op: 'next' }));
            return false;
          }
          resolve(rows);
        }
        return true;
      });
    });
  }

  #release(id: number): void {
    this.#thread.post({ id, op: 'release' });
  }
}

/** Worker side: binds requests, keeps them until released, decodes their rows and hands them out batch by batch. */
function serveDecodeJobs(): void {
  const port = parentPort!;
  let restLoaded: ReturnType<typeof loadRest> | undefined;
  const loadRest = async () => {
    const decoding = await restDecoding();
    return { ...decoding, binder: new decoding.GoBinder() };
  };
  const rest = () => (restLoaded ??= loadRest());
  const jobs = new Map<number, { text?: string; message?: WriteMessage; upsert?: boolean; rows?: Record<string, unknown>[]; at: number }>();
  const reply = (r: Reply) => port.postMessage(r);
  const nextBatch = (id: number) => {
    const job = jobs.get(id);
    if (!job?.rows) return reply({ id, error: { reason: 'decode worker: unknown request', options: {} } });
    const batch = job.rows.slice(job.at, job.at + BATCH_ROWS);
    job.at += BATCH_ROWS;
    reply({ id, rows: batch, done: job.at >= job.rows.length });
  };
  const settle = (id: number, work: () => Promise<Record<string, unknown>[]> | Record<string, unknown>[]) => {
    const job = jobs.get(id);
    if (!job) return reply({ id, error: { reason: 'decode worker: unknown request', options: {} } });
    Promise.resolve()
      .then(work)
      .then(
        (rows) => {
          job.rows = rows;
          nextBatch(id);
        },
        (e: unknown) => reply({ id, error: errorShape(e) }),
      );
  };
  port.on('message', (request: Request) => {
    try {
      switch (request.op) {
        case 'release':
          jobs.delete(request.id);
          return;
        case 'next':
          return nextBatch(request.id);
        case 'prepare-filter': {
          const prepared = prepareFilter(request.text, request.schema, request.params);
          return port.postMessage({ id: request.id, prepared } satisfies Reply, prepared ? prepared.sets.map((set) => set.numbers.buffer as ArrayBuffer) : []);
        }
        case 'bind-body': {
          const { id, struct, body } = request;
          rest()
            .then(({ binder, bodyText }) => {
              const text = bodyText(body);
              const { data: _rows, ...head } = binder.bind(struct, text);
              jobs.set(id, { text, at: 0 });
              reply({ id, head });
            })
            .catch((e: unknown) => reply({ id, error: errorShape(e) }));
          return;
        }
        case 'bind-write': {
          const message = decodeWriteMessage(request.bytes, request.upsert);
          jobs.set(request.id, { message, upsert: request.upsert, at: 0 });
          return reply({ id: request.id, head: { dbName: message.dbName, collectionName: message.collectionName, partitionName: message.partitionName } });
        }
        case 'body-rows': {
          const { schema, insert } = request;
          return settle(request.id, async () => (await rest()).decodeBodyRows(jobs.get(request.id)!.text!, schema, insert));
        }
        case 'write-rows': {
          const { fields } = request;
          return settle(request.id, () => {
            const job = jobs.get(request.id)!;
            return rowsOfColumns(fields, job.message!.fieldsData, job.message!.numRows, { upsert: job.upsert === true });
          });
        }
      }
    } catch (e) {
      reply({ id: request.id, error: errorShape(e) });
    }
  });
}

if (isWorkerRole(ROLE)) serveDecodeJobs();
