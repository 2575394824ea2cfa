/**
 * The lifecycle of a server the benchmarks spawn: killed if the benchmark exits first, stopped
 * with a signal and then SIGKILL after a grace period.
 *
 * @packageDocumentation
 */
import type { ChildProcess } from 'node:child_process';

/** A supervised child: its exit, and how to stop it. */
export interface SupervisedChild {
  /** Resolves when the child has exited. */
  readonly exited: Promise<void>;
  /** Why it ended, once it has (`exited (code 1)`, `could not start: …`); undefined while it runs. */
  readonly why: () => string | undefined;
  /**
   * Sends `signal`, then SIGKILL if the child has not exited after `graceMs` (0: SIGKILL at once).
   * Resolves when it has exited; does nothing when it already has.
   */
  stop(graceMs: number): Promise<void>;
}

/**
 * Supervises `child`: a benchmark that exits (process.exit, an uncaught error) takes it along
 * (SIGKILL), and {@link SupervisedChild.stop} stops it with `signal` (its graceful shutdown).
 */
export function superviseChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): SupervisedChild {
  let why: string | undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', (code, sig) => ((why ??= `exited (${sig ?? `code ${code}`})`), resolve())));
  child.once('error', (e) => (why ??= `could not start: ${e.message}`));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  return {
    exited,
    why: () => why,
    async stop(graceMs) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(graceMs > 0 ? signal : 'SIGKILL');
      const timer = graceMs > 0 ? setTimeout(() => child.kill('SIGKILL'), graceMs) : undefined;
      await exited;
      clearTimeout(timer);
    },
  };
}
