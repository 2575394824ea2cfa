/**
 * Both fronts under the same load generator: nghttp2's `h2load` (C, Debian's `nghttp2-client`,
 * installed by `scripts/debian/ensure-package.mjs` when missing) drives the gRPC front over HTTP/2
 * and the REST front over HTTP/1.1 (`--h1`), one request in flight per connection, so neither
 * front's figure depends on how heavy its own generator is (autocannon against the raw
 * `node:http2` generator of `grpc-load.ts` is the other pairing). h2load checks HTTP statuses, not
 * gRPC trailers: the answers themselves are checked by the other pairing in the same run.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where Debian's nghttp2-client puts h2load. */
const H2LOAD = '/usr/bin/h2load';

/** What one h2load run reports. */
export interface H2loadResult {
  requestsPerSec: number;
  succeeded: number;
  /** Requests h2load counted as failed, errored or timed out, plus non-2xx answers. */
  failed: number;
}

/**
 * Installs h2load when missing.
 * @returns its Debian package version.
 * @throws Error when it cannot be installed (the bench then stops, naming why).
 */
export function ensureH2load(): string {
  const script = fileURLToPath(new URL('../../../scripts/debian/ensure-package.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [script, 'nghttp2-client', H2LOAD], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0) throw new Error(`h2load is needed for the same-generator comparison and could not be installed: ${run.stderr}`);
  return run.stdout.trim();
}

/** Runs h2load (asynchronously: the server shares this process's event loop) and parses its summary. */
function h2load(args: string[]): Promise<H2loadResult> {
  return new Promise((resolve, reject) =>
    execFile(H2LOAD, args, { maxBuffer: 1 << 20 }, (error, stdout) => {
      if (error) return reject(new Error(`h2load ${args.join(' ')}: ${error.message}\n${stdout}`));
      const rps = /finished in [\d.]+s, ([\d.]+) req\/s/.exec(stdout);
      const requests = /requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded, (\d+) failed, (\d+) errored, (\d+) timeout/.exec(stdout);
      const codes = /status codes: \d+ 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx/.exec(stdout);
      if (!rps || !requests || !codes) return reject(new Error(`unexpected h2load output:\n${stdout}`));
      const n = (m: RegExpExecArray, from: number) => m.slice(from).reduce((sum, x) => sum + Number(x), 0);
      resolve({ requestsPerSec: Number(rps[1]), succeeded: Number(requests[1]), failed: n(requests, 2) + n(codes, 1) });
    }),
  );
}

/** One front, `connections` connections, one request in flight each, 1 s warm-up then `duration` s. */
const common = (connections: number, duration: number, body: string) => ['-c', String(connections), '-m', '1', '--warm-up-time=1', '-D', String(duration), '-d', body];

/**
 * Drives the gRPC front (`HasPartition`, the pre-framed request `grpcFrame`) and then the REST
 * front (`POST /v2/vectordb/partitions/has`, `restBody`) of the server at `address` with h2load.
 */
export async function sameGenerator(address: string, grpcFrame: Uint8Array, restBody: string, connections: number, duration: number): Promise<{ grpc: H2loadResult; rest: H2loadResult }> {
  const dir = mkdtempSync(join(tmpdir(), 'mvkit-h2load-'));
  try {
    writeFileSync(join(dir, 'grpc.bin'), grpcFrame);
    writeFileSync(join(dir, 'rest.json'), restBody);
    const grpc = await h2load([...common(connections, duration, join(dir, 'grpc.bin')), '-H', 'content-type: application/grpc', '-H', 'te: trailers', `http://${address}/milvus.proto.milvus.MilvusService/HasPartition`]);
    const rest = await h2load(['--h1', ...common(connections, duration, join(dir, 'rest.json')), '-H', 'content-type: application/json', `http://${address}/v2/vectordb/partitions/has`]);
    return { grpc, rest };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
