/**
 * The three client kinds of the soak benchmark behind one interface: `@mvkit/client` over gRPC,
 * `@mvkit/client` over RESTful v2, and pymilvus (a Python process running `pymilvus_client.py`,
 * driven over JSON lines).
 *
 * @packageDocumentation
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MilvusClient, type RowData, type SearchResultRow } from '@mvkit/client';

/** A row as the soak writes and reads it (ids stay far below 2^53, so numbers are exact). */
export interface Row {
  id: number;
  vector: number[];
  tag: string;
}

/** Client kinds. */
export type Kind = 'grpc' | 'rest' | 'pymilvus';

/** The operations a soak client performs, each one call to the server (per-call timeout 30 s). */
export interface SoakClient {
  readonly kind: Kind;
  /** Inserts; the row count the server reports. */
  insert(collection: string, rows: Row[]): Promise<number>;
  /** Upserts; the row count the server reports. */
  upsert(collection: string, rows: Row[]): Promise<number>;
  delete(collection: string, ids: number[]): Promise<void>;
  /** Query by id: the rows with these primary keys. */
  get(collection: string, ids: number[]): Promise<Row[]>;
  /** Vector search; the ids of the hits. */
  search(collection: string, vector: number[], filter: string, limit: number): Promise<number[]>;
  count(collection: string, filter: string): Promise<number>;
  close(): Promise<void>;
}

const CALL_TIMEOUT_MS = 30_000;
const OUTPUT = ['id', 'vector', 'tag'];
const idFilter = (ids: readonly number[]) => `id in [${ids.join(',')}]`;

/** A row from `@mvkit/client` (Int64 as decimal strings). */
export const rowOf = (r: RowData): Row => ({ id: Number(r.id), vector: r.vector as number[], tag: r.tag as string });

/** `@mvkit/client` over `transport` ('grpc' or 'rest') at the server's `address`. */
export function mvkitClient(kind: 'grpc' | 'rest', address: string): SoakClient {
  const c = new MilvusClient({ address, transport: kind, timeout: CALL_TIMEOUT_MS });
  return {
    kind,
    insert: async (collection, rows) => Number((await c.insert({ collection_name: collection, data: rows as unknown as RowData[] })).insert_cnt),
    upsert: async (collection, rows) => Number((await c.upsert({ collection_name: collection, data: rows as unknown as RowData[] })).upsert_cnt),
    async delete(collection, ids) {
      await c.delete({ collection_name: collection, filter: idFilter(ids) });
    },
    async get(collection, ids) {
      // An explicit limit: without one, RESTful v2's entities/query answers at most 100 rows.
      return (await c.query({ collection_name: collection, filter: idFilter(ids), output_fields: OUTPUT, limit: ids.length })).data.map(rowOf);
    },
    async search(collection, vector, filter, limit) {
      const { results } = await c.search({ collection_name: collection, data: vector, filter, limit, output_fields: ['id'] });
      return (results as SearchResultRow[]).map((h) => Number(h.id));
    },
    async count(collection, filter) {
      return (await c.count({ collection_name: collection, filter })).data;
    },
    close: () => c.close(),
  };
}

/** The executor script, next to this file's source (`dist/soak/` → `src/soak/`). */
const DRIVER = fileURLToPath(new URL('../../src/soak/pymilvus_client.py', import.meta.url));

/**
 * pymilvus's `MilvusClient(uri=http://<address>)` in a Python process started with `python`
 * (the conformance venv's interpreter). Resolves once the process has connected.
 * @throws Error when the process exits or fails before it is ready.
 */
export async function pymilvusClient(python: string, address: string): Promise<SoakClient> {
  const child = spawn(python, [DRIVER, `http://${address}`], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin.on('error', () => undefined); // writing to a process that died: the next read reports it
  const next = async (): Promise<{ ok?: boolean; ready?: boolean; result?: unknown; error?: string }> => {
    const line = await lines.next();
    if (line.done) throw new Error(`the pymilvus process exited (${child.exitCode ?? child.signalCode})`);
    return JSON.parse(line.value);
  };
  const first = await next();
  if (!first.ready) throw new Error(`the pymilvus process did not start: ${JSON.stringify(first)}`);
  const call = async <T>(request: Record<string, unknown>): Promise<T> => {
    child.stdin.write(`${JSON.stringify(request)}\n`);
    const answer = await next();
    if (!answer.ok) throw new Error(`pymilvus ${String(request.op)}: ${answer.error}`);
    return answer.result as T;
  };
  return {
    kind: 'pymilvus',
    insert: (collection, rows) => call<number>({ op: 'insert', collection, rows }),
    upsert: (collection, rows) => call<number>({ op: 'upsert', collection, rows }),
    delete: (collection, ids) => call<void>({ op: 'delete', collection, ids }),
    get: (collection, ids) => call<Row[]>({ op: 'get', collection, ids }),
    search: (collection, vector, filter, limit) => call<number[]>({ op: 'search', collection, vector, filter, limit }),
    count: (collection, filter) => call<number>({ op: 'count', collection, filter }),
    async close() {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
