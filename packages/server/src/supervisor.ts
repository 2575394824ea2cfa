/**
 * `mvkit serve` runs the server in a worker thread and keeps the main thread free for signals: a
 * request that holds the server's event loop (a large body being parsed) cannot delay the
 * shutdown. On SIGINT/SIGTERM the server drains (stops accepting, lets running calls finish), and
 * if it has not closed within {@link SHUTDOWN_DEADLINE_MS} the worker is terminated wherever it is.
 *
 * @packageDocumentation
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { startServer, type ServerOptions } from './server.js';
import { isWorkerRole } from './worker-thread.js';

/** Longest graceful drain after SIGINT/SIGTERM, in ms; then the server is stopped at once. */
export const SHUTDOWN_DEADLINE_MS = 5000;

/** What the worker tells the main thread. */
type WorkerMessage = { type: 'listening'; address: string; legacyUrl: string | undefined } | { type: 'failed'; message: string } | { type: 'closed' };

/** `workerData.role` of the server's worker thread. */
const SERVER_ROLE = 'mvkit-server';

/** Whether this thread is the worker {@link superviseServer} started (so it should run {@link runSupervisedServer}). */
export function isServerWorker(): boolean {
  return isWorkerRole(SERVER_ROLE);
}

/** Options that cross the thread boundary (no logger or engine objects). */
export type SupervisedOptions = Omit<ServerOptions, 'logger' | 'engine'>;

/**
 * Main thread: starts the server in a worker running `entry` (a module that calls
 * {@link runSupervisedServer} when it is not the main thread), reports `listening` once it accepts
 * calls, and stops it on SIGINT/SIGTERM (a second signal stops it at once). The process exits 0
 * after a shutdown, 1 when the server fails to start or dies.
 */
export function superviseServer(entry: URL, options: SupervisedOptions, listening: (address: string, legacyUrl: string | undefined) => void): void {
  const worker = new Worker(entry, { workerData: { role: SERVER_ROLE, options } });
  let stopping = false;
  const stopNow = () => void worker.terminate().then(() => process.exit(0));
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'listening') listening(m.address, m.legacyUrl);
    else if (m.type === 'failed') {
      process.stderr.write(`mvkit: ${m.message}\n`);
      process.exit(1);
    } else stopNow();
  });
  worker.on('error', (e) => {
    process.stderr.write(`mvkit: ${e.message}\n`);
    process.exit(1);
  });
  worker.on('exit', (code) => process.exit(stopping ? 0 : code || 1));
  const stop = (signal: string) => {
    if (stopping) return stopNow();
    stopping = true;
    process.stderr.write(`mvkit: ${signal}, shutting down\n`);
    worker.postMessage('close');
    setTimeout(() => {
      process.stderr.write(`mvkit: not drained within ${SHUTDOWN_DEADLINE_MS} ms, stopping now\n`);
      stopNow();
    }, SHUTDOWN_DEADLINE_MS).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Worker thread: starts the server with the options the main thread passed, closes it when told. */
export async function runSupervisedServer(): Promise<void> {
  const port = parentPort!;
  const post = (m: WorkerMessage) => port.postMessage(m);
  try {
    const server = await startServer((workerData as { options: SupervisedOptions }).options);
    port.on('message', () => void server.close().then(() => post({ type: 'closed' })));
    post({ type: 'listening', address: server.address, legacyUrl: server.legacyUrl });
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}
