/**
 * HNSW index builds in a worker thread, so that indexing a sealed segment (minutes at dim 4096)
 * neither holds the event loop that serves every client nor slows the writes that follow the seal.
 * The engine's {@link IndexBuilder} hands over the segment's vectors packed in one array
 * (transferred, not copied) and gets back the built graph ({@link HnswState}, transferred too).
 * Builds run one at a time, in order. Node only; the worker runs this same module (as the CLI
 * bundle, or `dist/index-worker.js`), told apart by its `workerData`.
 *
 * @packageDocumentation
 */
import { parentPort } from 'node:worker_threads';
import { HnswIndex, type HnswParams, type HnswState } from '@mvkit/hnsw';
import type { HnswBuild } from './engine/index.js';
import { isWorkerRole, WorkerThread } from './worker-thread.js';

/** `workerData` that makes a worker serve index builds. */
const ROLE = 'mvkit-index-worker';

/** Whether this module can run in a worker thread: as built JavaScript, not from its TypeScript sources. */
export const INDEX_WORKER_AVAILABLE = !import.meta.url.endsWith('.ts');

type Request = { id: number; params: HnswParams; vectors: Float32Array; count: number };
type Reply = { id: number; state: HnswState } | { id: number; error: string };

/** A worker thread, started with the first build, that builds HNSW graphs. */
export class IndexWorker {
  readonly #thread = new WorkerThread<Request, Reply>(new URL(import.meta.url), ROLE, (id, why) => ({ id, error: `index worker stopped: ${why}` }));

  /**
   * Builds an HNSW index over `count` vectors of `params.dim` floats packed in `vectors` (labels
   * `0 … count-1`, in order), in the worker. `vectors` is transferred: it is empty afterwards.
   * @throws Error when the worker stops (closed, or crashed) before the build is done.
   */
  readonly build: HnswBuild = (params, vectors, count) =>
    new Promise((resolve, reject) => {
      this.#thread.ask(
        { id: this.#thread.nextId(), params, vectors, count },
        (reply) => {
          if ('error' in reply) reject(new Error(reply.error));
          else resolve(HnswIndex.fromState(reply.state));
          return true;
        },
        [vectors.buffer as ArrayBuffer],
      );
    });

  /** Whether the worker thread is running (it starts with the first build). */
  get running(): boolean {
    return this.#thread.running;
  }

  /** Stops the worker; builds not done fail. Idempotent. */
  close(): Promise<void> {
    return this.#thread.close();
  }
}

/** Worker side: builds each requested graph and sends its state back. */
function serveBuilds(): void {
  const port = parentPort!;
  port.on('message', ({ id, params, vectors, count }: Request) => {
    try {
      const index = new HnswIndex({ ...params, capacity: Math.max(1, count) });
      const dim = params.dim;
      for (let i = 0; i < count; i++) index.add(vectors.subarray(i * dim, (i + 1) * dim), i);
      const state = index.toState();
      port.postMessage({ id, state } satisfies Reply, [...state.buffers]);
    } catch (e) {
      port.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies Reply);
    }
  });
}

if (isWorkerRole(ROLE)) serveBuilds();
