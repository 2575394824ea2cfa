import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** The bundled `mvkit` CLI (`pnpm build` makes it). */
export const CLI = fileURLToPath(new URL('../dist/mvkit.cjs', import.meta.url));

/** A `mvkit serve` child process. */
export interface ServeProcess {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  /** The `mvkit listening on ...` line; rejects with the stderr when the process exits first. */
  readonly line: Promise<string>;
  /** The address of that line (`host:port`). */
  readonly address: Promise<string>;
  /** The exit code. */
  readonly exited: Promise<number | null>;
  /** Everything written to stderr so far. */
  stderr(): string;
}

/** Starts `mvkit serve ...args` (the built bundle), with extra environment variables `env`. */
export function serveCli(args: string[], env: Record<string, string> = {}): ServeProcess {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const line = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^mvkit listening on .*$/m.exec(out);
      if (m) resolve(m[0]);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const address = line.then((l) => l.split(' ')[3]!);
  address.catch(() => {}); // a caller that awaits only `line` still sees the failure there
  return { child, line, address, exited, stderr: () => stderr };
}
