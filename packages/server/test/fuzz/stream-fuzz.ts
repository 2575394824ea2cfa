import { MilvusService, methodPath } from '@mvkit/proto';
import type { BatchOptions } from './batch.js';
import { randomRequest } from './proto-gen.js';
import { hex, type FuzzReport } from './report.js';
import type { Rng } from './rng.js';
import { openHalfOpen, rawStream } from './wire.js';

/**
 * The garbage-stream fuzzer: raw TCP bytes, random bytes after the HTTP/2 preface, random HTTP/2
 * frames (lying lengths, unknown types, odd stream ids), gRPC calls whose HPACK headers or
 * 5-byte message prefixes are corrupted, malformed HTTP/1.1 requests, and half-open connections
 * held open while the server is probed. The only requirement: the server keeps answering.
 *
 * @packageDocumentation
 */

/** The HTTP/2 client connection preface. */
const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

/** One HTTP/2 frame; `length` overrides the 24-bit length field (to lie about the payload). */
function h2Frame(type: number, flags: number, streamId: number, payload: Uint8Array, length = payload.length): Buffer {
  const head = Buffer.alloc(9);
  head.writeUIntBE(length & 0xffffff, 0, 3);
  head[3] = type & 0xff;
  head[4] = flags & 0xff;
  head.writeUInt32BE(streamId >>> 0, 5);
  return Buffer.concat([head, payload]);
}

/** An HPACK integer with an `n`-bit prefix (RFC 7541 §5.1), first byte ORed with `mask`. */
function hpackInt(value: number, n: number, mask: number): number[] {
  const max = (1 << n) - 1;
  if (value < max) return [mask | value];
  const out = [mask | max];
  let v = value - max;
  while (v >= 128) {
    out.push((v % 128) + 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

/** An HPACK header block of literal fields without indexing (no Huffman). */
function hpackLiterals(headers: readonly (readonly [string, string])[]): Buffer {
  const out: number[] = [];
  for (const [name, value] of headers) {
    const n = Buffer.from(name, 'latin1');
    const v = Buffer.from(value, 'latin1');
    out.push(0x00, ...hpackInt(n.length, 7, 0), ...n, ...hpackInt(v.length, 7, 0), ...v);
  }
  return Buffer.from(out);
}

const SETTINGS = h2Frame(4, 0, 0, new Uint8Array(0));

/** The request headers of a gRPC call to `path`. */
const grpcHeaders = (path: string): [string, string][] => [
  [':method', 'POST'],
  [':scheme', 'http'],
  [':path', path],
  [':authority', '127.0.0.1'],
  ['content-type', 'application/grpc'],
  ['te', 'trailers'],
];

/** A gRPC length-prefixed message: compression flag, a (maybe lying) 32-bit length, the bytes. */
function grpcMessage(bytes: Uint8Array, flag: number, length: number): Buffer {
  const head = Buffer.alloc(5);
  head[0] = flag;
  head.writeUInt32BE(length >>> 0, 1);
  return Buffer.concat([head, bytes]);
}

/** One garbage stream: the chunks to write, whether to half-close, and its name for the report. */
interface StreamCase {
  readonly name: string;
  readonly chunks: Buffer[];
  readonly halfClose: boolean;
}

/** A random stream case. */
function streamCase(rng: Rng, limits: BatchOptions['limits']): StreamCase {
  const method = rng.pick(MilvusService.methods);
  const request = () => Buffer.from(randomRequest(method.input, rng, limits).bytes);
  const frames = () =>
    Array.from({ length: rng.int(1, 8) }, () => {
      const payload = rng.bytes(rng.size(256));
      return h2Frame(rng.weighted([[8, rng.int(0, 9)], [1, rng.int(10, 255)]]), rng.int(0, 255), rng.pick([0, 1, 3, rng.int(0, 2 ** 31 - 1), 2 ** 31 + 1]), payload, rng.chance(0.8) ? payload.length : rng.int(0, 2 ** 24 - 1));
    });
  return rng.weighted<() => StreamCase>([
    [2, () => ({ name: 'raw TCP bytes', chunks: [Buffer.from(rng.bytes(rng.size(2048)))], halfClose: rng.chance(0.5) })],
    [2, () => ({ name: 'bytes after the preface', chunks: [H2_PREFACE, Buffer.from(rng.bytes(rng.size(2048)))], halfClose: rng.chance(0.5) })],
    [3, () => ({ name: 'random frames', chunks: [H2_PREFACE, ...(rng.chance(0.7) ? [SETTINGS] : []), ...frames()], halfClose: rng.chance(0.3) })],
    [3, () => {
      const body = request();
      const [flag, length] = rng.pick<[number, number]>([[0, body.length], [1, body.length], [0, body.length + 10], [0, Math.max(0, body.length - 1)], [0, 0xffffffff], [0, 2 ** 31], [2, body.length]]);
      const data = grpcMessage(body, flag, length);
      return {
        name: `gRPC ${method.name} with message prefix flag ${flag} length ${length} (${body.length} bytes)`,
        chunks: [H2_PREFACE, SETTINGS, h2Frame(1, 4, 1, hpackLiterals(grpcHeaders(methodPath(method)))), h2Frame(0, rng.chance(0.7) ? 1 : 0, 1, data)],
        halfClose: false,
      };
    }],
    [2, () => {
      const headers = grpcHeaders(methodPath(method)).map(([k, v]): [string, string] => (rng.chance(0.3) ? [k, Buffer.from(rng.bytes(rng.int(0, 40))).toString('latin1')] : [k, v]));
      const block = rng.chance(0.5) ? hpackLiterals(headers) : Buffer.from(rng.bytes(rng.size(128)));
      return { name: `gRPC ${method.name} with damaged HPACK headers`, chunks: [H2_PREFACE, SETTINGS, h2Frame(1, rng.pick([4, 5, 0, 0x24]), rng.pick([1, 2, 0]), block), h2Frame(0, 1, 1, grpcMessage(request(), 0, 0))], halfClose: false };
    }],
    [2, () => ({
      name: 'malformed HTTP/1.1',
      chunks: [
        Buffer.from(
          rng.pick([
            'POST /v2/vectordb/collections/list HTTP/1.1\r\nHost: x\r\nContent-Length: 99999\r\n\r\n{',
            'POST /v2/vectordb/collections/list HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
            'POST /v2/vectordb/collections/list HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
            `GET /${'a'.repeat(rng.size(100_000))} HTTP/1.1\r\nHost: x\r\n\r\n`,
            `POST /v2/vectordb/collections/list HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(rng.size(100_000))}\r\n\r\n`,
            'POST /v2/vectordb/collections/list HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}POST /v2/vectordb/collections/list HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}',
            'GET / HTTP/9.9\r\n\r\n',
            'PRI * HTTP/1.1\r\n\r\n',
            'PRX garbage\r\n\r\n',
            'POST /v2/vectordb/collections/list HTTP/1.0\r\n\r\n{}',
            '\r\n\r\n\r\n',
          ]),
          'latin1',
        ),
      ],
      halfClose: rng.chance(0.5),
    })],
    [1, () => {
      const cut = rng.int(1, H2_PREFACE.length - 1);
      return { name: `preface split at ${cut}`, chunks: [H2_PREFACE.subarray(0, cut), H2_PREFACE.subarray(cut), SETTINGS], halfClose: rng.chance(0.5) };
    }],
  ])();
}

/**
 * Sends `o.cases` garbage streams to `host:port` (each waits up to 150 ms for the server to hang
 * up), and then holds a set of half-open connections (silent, partial preface, preface only,
 * partial HTTP/1.1 request) open while `whileOpen` runs, e.g. the health probe.
 */
export async function streamBatch(host: string, port: number, report: FuzzReport, o: BatchOptions, whileOpen: () => Promise<void>): Promise<void> {
  for (let i = 0; i < o.cases; i++) {
    const rng = o.rng.fork();
    const c = streamCase(rng, o.limits);
    const repro = `TCP ${c.name}${c.halfClose ? ' (half-closed)' : ''}: ${c.chunks.map((b) => hex(b)).join(' | ')}`;
    o.onCase?.(repro);
    const outcome = await rawStream(host, port, c.chunks, { halfClose: c.halfClose, waitMs: 150 });
    report.record({ front: 'stream', ms: outcome.ms, repro });
    report.outcome(`stream ${outcome.end}${outcome.received ? ' after an answer' : ''}`);
    if (!(await o.proceed(undefined))) return;
  }
  const held = await Promise.all(
    [Buffer.alloc(0), H2_PREFACE.subarray(0, 2), H2_PREFACE.subarray(0, 10), H2_PREFACE, Buffer.from('POST /v2/vectordb/collections/list HTTP/1.1\r\nHost: x\r\n', 'latin1')].map((prefix) => openHalfOpen(host, port, 4, prefix)),
  );
  try {
    await whileOpen();
  } finally {
    for (const h of held) h.close();
  }
}
