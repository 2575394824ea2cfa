/**
 * `mvkit serve` as a child process on a loopback port, for benchmarks whose clients must not
 * share the server's event loop.
 *
 * @packageDocumentation
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { superviseChild } from './child-process.js';

const require = createRequire(import.meta.url);
/** The bundled CLI of `@mvkit/server` (built by `pnpm build`). */
const CLI = require.resolve('@mvkit/server/package.json').replace(/package\.json$/, 'dist/mvkit.cjs');

/** A running `mvkit serve` child. */
export interface ChildServer {
  /** `127.0.0.1:<port>`: the gRPC address (and the REST one, same port). */
  address: string;
  /** `http://127.0.0.1:<port>`: the RESTful v2 base URL. */
  restUrl: string;
  /** The child's pid. */
  pid: number;
  /**
   * Stops the child: SIGTERM, then SIGKILL if it has not exited after `graceMs` (default 5000;
   * 0 kills at once). Resolves when it has exited; idempotent.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `node packages/server/dist/mvkit.cjs serve --host 127.0.0.1 --port 0 ...args` and
 * resolves once it prints `mvkit listening on <host:port>`. The child's stderr goes to ours; it is
 * killed when this process exits.
 *
 * @param args - extra `serve` flags, e.g. `['--segment-max-rows', '10000']`.
 * @param startTimeoutMs - how long to wait for the listening line (default 30 s); the child is
 *   killed and the promise rejected after it.
 * @throws Error when the child exits or does not listen in time.
 */
export async function startChildServer(args: readonly string[] = [], startTimeoutMs = 30_000): Promise<ChildServer> {
  const child = spawn(process.execPath, [CLI, 'serve', '--host', '127.0.0.1', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const supervised = superviseChild(child);
  let address: string;
  try {
    address = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`mvkit serve did not listen within ${startTimeoutMs} ms`)), startTimeoutMs);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`mvkit serve exited with ${signal ?? code} before listening`));
      });
    });
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  child.stdout!.resume(); // keep draining: a full pipe would block the child
  return { address, restUrl: `http://${address}`, pid: child.pid!, stop: (graceMs = 5000) => supervised.stop(graceMs) };
}

