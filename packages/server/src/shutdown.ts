/**
 * How `mvkit serve` stops: on SIGINT/SIGTERM the server drains (stops accepting, lets running
 * calls finish) and the process exits 0; if the drain has not ended within
 * {@link SHUTDOWN_DEADLINE_MS}, or a second signal comes, the process exits 0 at once.
 *
 * The server runs on the main thread (decision 0010): the engine yields between the parts of
 * long operations and large requests are decoded in worker threads, so the event loop turns often
 * enough for the signal handler and the deadline timer to run while a large request is served.
 *
 * @packageDocumentation
 */
import type { RunningServer } from './server.js';

/** Longest graceful drain after SIGINT/SIGTERM, in ms; then the process exits at once. */
export const SHUTDOWN_DEADLINE_MS = 5000;

/**
 * Closes `server` on the first SIGINT or SIGTERM (writing `mvkit: <signal>, shutting down` to
 * stderr) and exits the process with code 0 once it has closed, after at most
 * {@link SHUTDOWN_DEADLINE_MS} (`mvkit: not drained within … ms, stopping now`), or at once on a
 * second signal.
 */
export function closeOnSignals(server: Pick<RunningServer, 'close'>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(0);
    stopping = true;
    process.stderr.write(`mvkit: ${signal}, shutting down\n`);
    void server.close().then(() => process.exit(0));
    setTimeout(() => {
      process.stderr.write(`mvkit: not drained within ${SHUTDOWN_DEADLINE_MS} ms, stopping now\n`);
      process.exit(0);
    }, SHUTDOWN_DEADLINE_MS).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
