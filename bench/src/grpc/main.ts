/**
 * gRPC benchmark (issue 2): cold start of `mvkit serve` to the first answered RPC, and
 * `hasPartition` latency/throughput over loopback gRPC for @mvkit/client versus the official
 * @zilliz/milvus2-sdk-node against the same server, printed as ratios.
 *
 * The cold start is also shown for scale against a bare `node:http2` server answering the same
 * call (what Node, the pipe and the client cost).
 *
 * Usage: `node bench/dist/index.js grpc [--calls N] [--concurrency C] [--starts S]`
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { Client, credentials, Metadata } from '@grpc/grpc-js';
import { MilvusClient } from '@mvkit/client';
import { startServer } from '@mvkit/server';
import { MilvusClient as OfficialClient } from '@zilliz/milvus2-sdk-node';
import { measure } from '../stats.js';

const require = createRequire(import.meta.url);
const CLI = require.resolve('@mvkit/server/package.json').replace(/package\.json$/, 'dist/mvkit.cjs');
/** How long a started server gets to answer its first call, in ms. */
const FIRST_RPC_DEADLINE_MS = 10_000;

/**
 * A unary gRPC server in a few lines of bare `node:http2`: every call answered with an empty
 * message and status OK. Spawned and called as `mvkit serve` is, it is what Node, the pipe and the
 * client cost before any of the server's own work.
 */
const BARE_HTTP2_SERVER = `const s = require('node:http2').createServer();
s.on('stream', (stream) => {
  stream.resume();
  stream.on('end', () => {
    stream.respond({ ':status': 200, 'content-type': 'application/grpc+proto' }, { waitForTrailers: true });
    stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0', 'grpc-message': 'OK' }));
    stream.end(Buffer.alloc(5));
  });
});
s.listen(0, '127.0.0.1', () => process.stdout.write('listening on 127.0.0.1:' + s.address().port + '\\n'));`;

/**
 * Milliseconds from spawning `node ...args` (a server that prints `listening on <address>`) to
 * that line and to the first answered RPC (HasCollection over grpc-js), `env` added to the
 * environment (`MVKIT_CACHE_DIR` for the bin's V8 code cache; an empty directory: a first start).
 */
async function firstAnswer(args: string[], env: Record<string, string> = {}): Promise<{ listening: number; firstRpc: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ...env } });
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    });
    const listening = performance.now() - t0;
    const raw = new Client(address, credentials.createInsecure());
    try {
      await new Promise<void>((resolve, reject) =>
        raw.makeUnaryRequest(
          '/milvus.proto.milvus.MilvusService/HasCollection',
          (b: Buffer) => b,
          (b: Buffer) => b,
          Buffer.from([0x1a, 0x01, 0x78]),
          new Metadata(),
          // A server that never answers fails the bench instead of hanging it.
          { deadline: Date.now() + FIRST_RPC_DEADLINE_MS },
          (err) => (err ? reject(err) : resolve()),
        ),
      );
    } finally {
      raw.close();
    }
    return { listening, firstRpc: performance.now() - t0 };
  } finally {
    child.kill('SIGTERM');
  }
}

/** {@link firstAnswer} of `mvkit serve --port 0` with its code cache in `cacheDir`. */
const coldStart = (cacheDir: string) => firstAnswer([CLI, 'serve', '--port', '0'], { MVKIT_CACHE_DIR: cacheDir });

/** Milliseconds from spawning `node -e 0` to its exit: the floor any Node server starts from. */
async function bareNode(): Promise<number> {
  const t0 = performance.now();
  await new Promise((resolve) => spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }).once('exit', resolve));
  return performance.now() - t0;
}

const fmt = (n: number, digits = 3) => n.toFixed(digits);

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { calls: { type: 'string', default: '5000' }, concurrency: { type: 'string', default: '1,16' }, starts: { type: 'string', default: '11' } },
  });
  const calls = Number(values.calls);

  // Interleaved so that drift on a shared machine hits all three alike: a first start (empty code
  // cache directory each time), a start with the code cache the first ones wrote, bare Node.
  const warmDir = mkdtempSync(join(tmpdir(), 'mvkit-bench-cache-'));
  await coldStart(warmDir);
  const firstStarts: { listening: number; firstRpc: number }[] = [];
  const warmStarts: { listening: number; firstRpc: number }[] = [];
  const bare: number[] = [];
  const bareHttp2: { listening: number; firstRpc: number }[] = [];
  for (let i = 0; i < Number(values.starts); i++) {
    const empty = mkdtempSync(join(tmpdir(), 'mvkit-bench-nocache-'));
    firstStarts.push(await coldStart(empty));
    rmSync(empty, { recursive: true, force: true });
    warmStarts.push(await coldStart(warmDir));
    bare.push(await bareNode());
    bareHttp2.push(await firstAnswer(['-e', BARE_HTTP2_SERVER]));
  }
  rmSync(warmDir, { recursive: true, force: true });
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const report = (label: string, starts: { listening: number; firstRpc: number }[]) => {
    const first = med(starts.map((s) => s.firstRpc));
    console.log(`  ${label}: listening ${fmt(med(starts.map((s) => s.listening)), 1)} ms, first answered RPC ${fmt(first, 1)} ms = ${fmt(first / med(bare), 2)}x bare node (goal <= 1.8x)`);
  };
  console.log(`cold start of mvkit serve (median of ${bare.length}); peer: bare \`node -e 0\` start-to-exit ${fmt(med(bare), 1)} ms`);
  report('with the code cache (every start after the first)', warmStarts);
  report('first start (no code cache yet)', firstStarts);
  const floor = med(bareHttp2.map((s) => s.firstRpc));
  console.log(`  for scale: a bare node:http2 server spawned and called the same way: listening ${fmt(med(bareHttp2.map((s) => s.listening)), 1)} ms, first answered RPC ${fmt(floor, 1)} ms = ${fmt(floor / med(bare), 2)}x bare node (Node, the pipe and the client, none of the server's own work)`);

  const server = await startServer({ port: 0 });
  const ours = new MilvusClient({ address: server.address });
  const official = new OfficialClient({ address: server.address, logLevel: 'error' } as ConstructorParameters<typeof OfficialClient>[0]);
  await official.connectPromise;
  await ours.createCollection({ collection_name: 'bench', dimension: 8 });
  await ours.createPartition({ collection_name: 'bench', partition_name: 'p' });
  const req = { collection_name: 'bench', partition_name: 'p' };
  for (const concurrency of String(values.concurrency).split(',').map(Number)) {
    // Alternate the two clients twice so drift on a shared machine hits both alike.
    const a1 = await measure(() => ours.hasPartition(req), calls, concurrency);
    const b1 = await measure(() => official.hasPartition(req), calls, concurrency);
    const a2 = await measure(() => ours.hasPartition(req), calls, concurrency);
    const b2 = await measure(() => official.hasPartition(req), calls, concurrency);
    const a = a1.opsPerSec >= a2.opsPerSec ? a1 : a2;
    const b = b1.opsPerSec >= b2.opsPerSec ? b1 : b2;
    console.log(`hasPartition over loopback gRPC, ${calls} calls, concurrency ${concurrency}:`);
    console.log(`  @mvkit/client             p50 ${fmt(a.p50)} ms  p99 ${fmt(a.p99)} ms  ${fmt(a.opsPerSec, 0)} ops/s`);
    console.log(`  @zilliz/milvus2-sdk-node  p50 ${fmt(b.p50)} ms  p99 ${fmt(b.p99)} ms  ${fmt(b.opsPerSec, 0)} ops/s`);
    console.log(`  ratio mvkit/official: ops/s ${fmt(a.opsPerSec / b.opsPerSec, 2)}x, p50 ${fmt(a.p50 / b.p50, 2)}x, p99 ${fmt(a.p99 / b.p99, 2)}x (goal ops/s >= 1.2x)`);
  }
  await ours.close();
  await official.closeConnection();
  await server.close();
}

await main();
