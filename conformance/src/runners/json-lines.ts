import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * A child process spoken to in JSON lines: one object per line on its stdin, one per line back on
 * its stdout (the Python drivers of the pymilvus and milvus_cli runners). Its stderr is kept (the
 * last 4,000 characters) to explain an exit.
 */
export class JsonLinesProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;
  private stderr = '';

  /**
   * Starts `command` with `args`; `env` replaces the environment when given; `name` names the
   * process in errors (`the <name> process exited …`).
   */
  constructor(
    command: string,
    args: readonly string[],
    private readonly name: string,
    env?: NodeJS.ProcessEnv,
  ) {
    this.child = spawn(command, args, { stdio: 'pipe', env: env ?? process.env });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (d: string) => (this.stderr = (this.stderr + d).slice(-4000)));
    this.child.stdin.on('error', () => undefined);
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }

  /**
   * The next line, parsed.
   * @throws Error when the process exits or closes its output first, or after `timeout` ms.
   */
  async next(timeout: number): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    let onExit: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;
    const exited = new Promise<never>((_, reject) => {
      onExit = (code, signal) => reject(new Error(`the ${this.name} process exited (${signal ?? `code ${code}`}): ${this.stderrTail()}`));
      this.child.once('exit', onExit);
    });
    try {
      const line = await Promise.race([
        this.lines.next(),
        exited,
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${timeout} ms`)), timeout))),
      ]);
      if (line.done) throw new Error(`the ${this.name} process closed its output: ${this.stderrTail()}`);
      return JSON.parse(line.value) as unknown;
    } finally {
      clearTimeout(timer);
      // One listener per answer awaited: removed once it is answered, so a long page does not pile them up.
      this.child.off('exit', onExit!);
    }
  }

  /** Sends one request and awaits its answer. @throws as {@link next}. */
  async ask(request: unknown, timeout: number): Promise<unknown> {
    this.child.stdin.write(`${JSON.stringify(request)}\n`);
    return this.next(timeout);
  }

  /** Ends the process: stdin closed, then SIGKILL after 5 s. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  /** Kills the process at once. */
  kill(): void {
    this.child.kill('SIGKILL');
  }

  private stderrTail(): string {
    return this.stderr.trim().split('\n').slice(-5).join(' | ');
  }
}
