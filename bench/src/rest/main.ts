/**
 * REST benchmark (issue 3): against one in-process server (`startServer({ port: 0 })`, gRPC and
 * RESTful v2 on one port),
 *
 * 1. `hasPartition` p50/p99 latency and ops/s through `MilvusClient` over the REST transport
 *    versus the gRPC transport, at each concurrency, with the ratio REST/gRPC;
 * 2. the REST front driven directly by autocannon (`POST /v2/vectordb/partitions/has`, one
 *    request in flight per connection, every answer checked against the expected body) beside
 *    the gRPC front driven the same way by a raw HTTP/2 load generator (`grpc-load.ts`:
 *    HasPartition, pre-encoded, one HTTP/2 connection each): requests/s, p50/p99, non-2xx or
 *    non-OK, the ratio gRPC/REST, and the server thread's busy time per request on each front
 *    (its event-loop active time over the measured window: what the fronts cost the server,
 *    whatever the two generators cost the shared cores), and both fronts again under one and the
 *    same generator, nghttp2's h2load (`h2load.ts`).
 *
 * Both load generators run in worker threads so the server keeps the main thread to itself.
 *
 * Usage: `node bench/dist/index.js rest [--calls N] [--concurrency 1,16] [--connections 10,50] [--duration S]`
 */
import type { EventLoopUtilization } from 'node:perf_hooks';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { MilvusClient } from '@mvkit/client';
import { startServer } from '@mvkit/server';
import { measure, type LatencySummary } from '../stats.js';
import type { GrpcLoadInput, GrpcLoadResult } from './grpc-load.js';
import { ensureH2load, sameGenerator } from './h2load.js';

const fmt = (n: number, digits = 3) => n.toFixed(digits);

/** protobuf length-delimited field `tag` holding `text`. */
const field = (tag: number, text: string) => [tag, Buffer.byteLength(text), ...Buffer.from(text)];

/** `milvus.proto.milvus.HasPartitionRequest { collection_name = 3, partition_name = 4 }`. */
const hasPartitionRequest = (collection: string, partition: string) => Uint8Array.from([...field(0x1a, collection), ...field(0x22, partition)]);

/** Best of two alternated runs of each client, so drift on a shared machine hits both alike. */
async function pair(a: () => Promise<unknown>, b: () => Promise<unknown>, calls: number, concurrency: number): Promise<[LatencySummary, LatencySummary]> {
  const a1 = await measure(a, calls, concurrency);
  const b1 = await measure(b, calls, concurrency);
  const a2 = await measure(a, calls, concurrency);
  const b2 = await measure(b, calls, concurrency);
  return [a1.opsPerSec >= a2.opsPerSec ? a1 : a2, b1.opsPerSec >= b2.opsPerSec ? b1 : b2];
}

/** A load result and the server's busy time during it: the main thread's (the server's) event-loop active ms, per request in µs. */
interface Served<T> {
  result: T;
  serverUsPerRequest: number;
}

/** Event-loop active ms of this (the server's) thread since `from`. */
const busySince = (from: EventLoopUtilization) => performance.eventLoopUtilization(from).active;

async function restFront(url: string, body: string, expectBody: string, connections: number, duration: number): Promise<Served<autocannon.Result>> {
  const options: autocannon.Options = {
    url: `${url}/v2/vectordb/partitions/has`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    expectBody,
    connections,
    pipelining: 1,
    workers: 1,
  };
  await autocannon({ ...options, duration: 1 }); // warm-up
  const from = performance.eventLoopUtilization();
  const result = await autocannon({ ...options, duration });
  return { result, serverUsPerRequest: (busySince(from) * 1000) / result.requests.total };
}

function grpcFront(input: GrpcLoadInput): Promise<Served<GrpcLoadResult>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./grpc-load.js', import.meta.url), { workerData: input });
    let from = performance.eventLoopUtilization();
    worker.on('message', (m: GrpcLoadResult | 'measuring') => {
      if (m === 'measuring') from = performance.eventLoopUtilization();
      else resolve({ result: m, serverUsPerRequest: (busySince(from) * 1000) / m.requests });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (code !== 0 ? reject(new Error(`grpc load worker exited with ${code}`)) : undefined));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: {
      calls: { type: 'string', default: '5000' },
      concurrency: { type: 'string', default: '1,16' },
      connections: { type: 'string', default: '10,50' },
      duration: { type: 'string', default: '5' },
    },
  });
  const calls = Number(values.calls);
  const duration = Number(values.duration);
  const h2loadVersion = ensureH2load();
  console.log(`node ${process.version}, ${availableParallelism()} CPUs; server in-process on one port (gRPC + RESTful v2)`);

  const server = await startServer({ port: 0 });
  const grpc = new MilvusClient({ address: server.address });
  const rest = new MilvusClient({ address: server.restUrl, transport: 'rest' });
  await grpc.createCollection({ collection_name: 'bench', dimension: 8 });
  await grpc.createPartition({ collection_name: 'bench', partition_name: 'p' });
  const req = { collection_name: 'bench', partition_name: 'p' };
  if (!(await rest.hasPartition(req)).value || !(await grpc.hasPartition(req)).value) throw new Error('bench partition missing');

  for (const concurrency of String(values.concurrency).split(',').map(Number)) {
    const [r, g] = await pair(
      () => rest.hasPartition(req),
      () => grpc.hasPartition(req),
      calls,
      concurrency,
    );
    console.log(`hasPartition through MilvusClient, ${calls} calls, concurrency ${concurrency}:`);
    console.log(`  REST transport (undici)    p50 ${fmt(r.p50)} ms  p99 ${fmt(r.p99)} ms  ${fmt(r.opsPerSec, 0)} ops/s`);
    console.log(`  gRPC transport (grpc-js)   p50 ${fmt(g.p50)} ms  p99 ${fmt(g.p99)} ms  ${fmt(g.opsPerSec, 0)} ops/s`);
    console.log(`  ratio REST/gRPC: ops/s ${fmt(r.opsPerSec / g.opsPerSec, 2)}x, p50 ${fmt(r.p50 / g.p50, 2)}x, p99 ${fmt(r.p99 / g.p99, 2)}x`);
  }
  await rest.close();
  await grpc.close();

  const body = JSON.stringify({ collectionName: 'bench', partitionName: 'p' });
  const check = await fetch(`${server.restUrl}/v2/vectordb/partitions/has`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const expectBody = await check.text();
  if (check.status !== 200 || JSON.stringify(JSON.parse(expectBody)) !== JSON.stringify({ code: 0, data: { has: true } })) throw new Error(`unexpected answer: ${check.status} ${expectBody}`);

  for (const connections of String(values.connections).split(',').map(Number)) {
    const { result: a, serverUsPerRequest: restUs } = await restFront(server.restUrl, body, expectBody, connections, duration);
    const { result: g, serverUsPerRequest: grpcUs } = await grpcFront({ address: server.address, request: hasPartitionRequest('bench', 'p'), connections, duration });
    const restRps = a.requests.total / a.duration;
    // autocannon records whole milliseconds; the mean latency of a closed loop is also connections / (req/s) (Little's law).
    console.log(`front under load, ${connections} connections, 1 request in flight each, ${duration} s (autocannon latencies in whole ms):`);
    console.log(
      `  REST  POST /v2/vectordb/partitions/has (autocannon)  ${fmt(restRps, 0)} req/s  p50 ${fmt(a.latency.p50, 0)} ms  p99 ${fmt(a.latency.p99, 0)} ms  mean ${fmt((connections / restRps) * 1000, 2)} ms  non-2xx ${a.non2xx}  errors ${a.errors}  body mismatches ${a.mismatches}`,
    );
    console.log(
      `  gRPC  HasPartition (node:http2, raw frames)          ${fmt(g.requestsPerSec, 0)} req/s  p50 ${fmt(g.p50, 2)} ms  p99 ${fmt(g.p99, 2)} ms  mean ${fmt(g.mean, 2)} ms  grpc-status != 0 ${g.errors}  answer mismatches ${g.mismatches}`,
    );
    console.log(`  ratio gRPC/REST front: req/s ${fmt(g.requestsPerSec / restRps, 2)}x (goal >= 0.8x)`);
    // The load generators share the two cores with the server and cost differently per request;
    // the server thread's own busy time per request does not depend on them.
    console.log(`  server thread busy per request: REST ${fmt(restUs, 1)} us, gRPC ${fmt(grpcUs, 1)} us; gRPC/REST capacity ${fmt(restUs / grpcUs, 2)}x`);
    const request = hasPartitionRequest('bench', 'p');
    const frame = new Uint8Array(5 + request.length);
    new DataView(frame.buffer).setUint32(1, request.length);
    frame.set(request, 5);
    const same = await sameGenerator(server.address, frame, body, connections, duration);
    console.log(`  the same generator for both (${h2loadVersion}): gRPC ${fmt(same.grpc.requestsPerSec, 0)} req/s (failed ${same.grpc.failed}), REST ${fmt(same.rest.requestsPerSec, 0)} req/s (failed ${same.rest.failed}); ratio gRPC/REST front ${fmt(same.grpc.requestsPerSec / same.rest.requestsPerSec, 2)}x (goal >= 0.8x)`);
  }
  await server.close();
}

await main();
