/**
 * gRPC front load generator (worker thread), the peer of autocannon on the REST front: opens
 * `connections` HTTP/2 connections with Node's `http2` (no grpc-js client, as autocannon is no
 * HTTP client library either: pre-encoded request, minimal framing) and keeps one HasPartition
 * call in flight on each for `duration` seconds, as autocannon keeps one HTTP/1.1 request in flight
 * per connection. A call counts as an error unless `grpc-status` is 0; answers are compared byte
 * for byte with the first one.
 */
import { connect, constants, type ClientHttp2Session } from 'node:http2';
import { parentPort, workerData } from 'node:worker_threads';
import { percentile } from '../stats.js';

/** What the worker is given. */
export interface GrpcLoadInput {
  /** `host:port` of the gRPC front. */
  address: string;
  /** Encoded `milvus.proto.milvus.HasPartitionRequest`. */
  request: Uint8Array;
  connections: number;
  /** Seconds of load after a one-second warm-up. */
  duration: number;
}

/** What the worker answers (latencies in ms). */
export interface GrpcLoadResult {
  requests: number;
  requestsPerSec: number;
  p50: number;
  p99: number;
  mean: number;
  errors: number;
  mismatches: number;
}

const input = workerData as GrpcLoadInput;
/** gRPC message framing: uncompressed flag, big-endian length, message. */
const frame = Buffer.alloc(5 + input.request.length);
frame.writeUInt32BE(input.request.length, 1);
frame.set(input.request, 5);
const headers = {
  [constants.HTTP2_HEADER_METHOD]: 'POST',
  [constants.HTTP2_HEADER_PATH]: '/milvus.proto.milvus.MilvusService/HasPartition',
  [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
  te: 'trailers',
};

const sessions: ClientHttp2Session[] = await Promise.all(
  Array.from(
    { length: input.connections },
    () =>
      new Promise<ClientHttp2Session>((resolve, reject) => {
        const s = connect(`http://${input.address}`);
        s.once('connect', () => resolve(s));
        s.once('error', reject);
      }),
  ),
);

/** One unary call: resolves with the response bytes, rejects unless `grpc-status: 0`. */
const call = (session: ClientHttp2Session) =>
  new Promise<Buffer>((resolve, reject) => {
    const stream = session.request(headers);
    const chunks: Buffer[] = [];
    let status: string | undefined;
    stream.on('response', (h) => (status = h['grpc-status'] as string | undefined ?? status));
    stream.on('trailers', (t) => (status = t['grpc-status'] as string | undefined));
    stream.on('data', (d: Buffer) => chunks.push(d));
    stream.on('error', reject);
    stream.on('end', () => (status === '0' ? resolve(Buffer.concat(chunks)) : reject(new Error(`grpc-status ${status}`))));
    stream.end(frame);
  });

const reference = await call(sessions[0]!);
let errors = 0;
let mismatches = 0;
const latencies: number[] = [];

async function load(seconds: number, record: boolean): Promise<void> {
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    sessions.map(async (session) => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          const answer = await call(session);
          if (record && !answer.equals(reference)) mismatches++;
        } catch {
          if (record) errors++;
        }
        if (record) latencies.push(performance.now() - t);
      }
    }),
  );
}

await load(1, false);
parentPort!.postMessage('measuring');
const start = performance.now();
await load(input.duration, true);
const wall = performance.now() - start;
for (const s of sessions) s.close();
const sum = latencies.reduce((a, b) => a + b, 0);
latencies.sort((a, b) => a - b);
const result: GrpcLoadResult = {
  requests: latencies.length,
  requestsPerSec: (latencies.length / wall) * 1000,
  p50: percentile(latencies, 50),
  p99: percentile(latencies, 99),
  mean: sum / latencies.length,
  errors,
  mismatches,
};
parentPort!.postMessage(result);
