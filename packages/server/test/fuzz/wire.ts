import { Agent, request as httpRequest, validateHeaderName, validateHeaderValue } from 'node:http';
import { connect } from 'node:net';
import { Client, Metadata, credentials } from '@grpc/grpc-js';

/**
 * The fuzzers' clients: raw gRPC unary calls with identity serializers (any bytes go out, the
 * reply comes back as bytes), HTTP/1.1 requests with arbitrary headers and bodies, and raw TCP
 * streams. All of them refuse any host but loopback.
 *
 * @packageDocumentation
 */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** @throws Error unless `host` is a loopback address (the fuzzers never leave the machine). */
export function assertLoopback(host: string): void {
  if (!LOOPBACK.has(host)) throw new Error(`fuzz targets must be on loopback, not ${host}`);
}

/** The outcome of one raw gRPC unary call. */
export type GrpcReply = { ok: true; bytes: Buffer; ms: number } | { ok: false; code: number; details: string; ms: number };

/** A raw gRPC channel to `address` (`127.0.0.1:port`): bytes in, bytes or a status out. */
export class RawGrpc {
  readonly #client: Client;

  constructor(address: string) {
    assertLoopback(address.slice(0, address.lastIndexOf(':')));
    this.#client = new Client(address, credentials.createInsecure(), { 'grpc.max_receive_message_length': -1, 'grpc.max_send_message_length': -1 });
  }

  /**
   * Calls `path` (`/pkg.Service/Method`) with `body` as the serialized request.
   * @param metadata - request headers (e.g. `dbname`), string values.
   */
  call(path: string, body: Uint8Array, metadata: Readonly<Record<string, string>> = {}, timeoutMs = 5000): Promise<GrpcReply> {
    const md = new Metadata();
    for (const [k, v] of Object.entries(metadata)) md.set(k, v);
    const start = performance.now();
    return new Promise((resolve) => {
      this.#client.makeUnaryRequest(
        path,
        (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength),
        (b: Buffer) => b,
        body,
        md,
        { deadline: Date.now() + timeoutMs },
        (err, value) => {
          const ms = performance.now() - start;
          resolve(err ? { ok: false, code: err.code, details: err.details, ms } : { ok: true, bytes: value!, ms });
        },
      );
    });
  }

  /** Closes the channel. */
  close(): void {
    this.#client.close();
  }
}

/** An HTTP/1.1 request to send. */
export interface HttpCase {
  readonly method: string;
  /** Path and query, e.g. `/v2/vectordb/collections/list`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
}

/** The outcome of one HTTP request. */
export type HttpReply = { ok: true; status: number; headers: Record<string, string | string[] | undefined>; body: string; ms: number } | { ok: false; error: string; ms: number };

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** Headers node:http accepts (the others are dropped: a raw-stream fuzzer covers malformed headers). */
export function sendableHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    try {
      validateHeaderName(k);
      validateHeaderValue(k, v);
      out[k] = v;
    } catch {
      // not representable through node:http
    }
  }
  return out;
}

/** Sends one request to `baseUrl` (`http://127.0.0.1:port`) and reads the whole answer. */
export function httpCall(baseUrl: string, c: HttpCase, timeoutMs = 5000): Promise<HttpReply> {
  const url = new URL(baseUrl);
  assertLoopback(url.hostname);
  const start = performance.now();
  return new Promise((resolve) => {
    const body = typeof c.body === 'string' ? Buffer.from(c.body) : Buffer.from(c.body);
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: c.method, path: c.path, agent, headers: { ...sendableHeaders(c.headers), 'content-length': String(body.length) }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ ok: true, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - start }));
        res.on('error', (e) => resolve({ ok: false, error: e.message, ms: performance.now() - start }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (e) => resolve({ ok: false, error: e.message, ms: performance.now() - start }));
    req.end(body);
  });
}

/** POSTs a JSON body and parses the JSON answer. @throws Error when there is no JSON answer. */
export async function postJson(baseUrl: string, path: string, body: unknown): Promise<{ code: number; message?: string; data?: unknown }> {
  const r = await httpCall(baseUrl, { method: 'POST', path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${path}: ${r.error}`);
  return JSON.parse(r.body) as { code: number; message?: string; data?: unknown };
}

/** What a raw TCP stream saw. */
export interface StreamOutcome {
  /** Bytes the server sent back. */
  readonly received: number;
  /** How the stream ended: the server closed it, an error, or it was still open at the end of the wait. */
  readonly end: 'closed' | 'error' | 'open';
  readonly ms: number;
}

/**
 * Opens a TCP connection to `host:port`, writes `chunks` one after another, optionally half-closes
 * (`end`), and waits up to `waitMs` for the server to close; then destroys the socket.
 * With `keepOpen`, the socket is returned open (a half-open connection) for the caller to destroy.
 */
export function rawStream(
  host: string,
  port: number,
  chunks: readonly Uint8Array[],
  options: { halfClose?: boolean; waitMs?: number } = {},
): Promise<StreamOutcome> {
  assertLoopback(host);
  const start = performance.now();
  return new Promise((resolve) => {
    let received = 0;
    let settled = false;
    const socket = connect({ host, port });
    const finish = (end: StreamOutcome['end']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ received, end, ms: performance.now() - start });
    };
    const timer = setTimeout(() => finish('open'), options.waitMs ?? 200);
    socket.on('data', (d: Buffer) => (received += d.length));
    socket.on('close', () => finish('closed'));
    socket.on('error', () => finish('error'));
    socket.on('connect', () => {
      for (const c of chunks) socket.write(c);
      if (options.halfClose) socket.end();
    });
  });
}

/** Opens `count` connections that send `prefix` (maybe nothing) and then stay silent; resolves once all are connected. */
export async function openHalfOpen(host: string, port: number, count: number, prefix: Uint8Array): Promise<{ close(): void }> {
  assertLoopback(host);
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<import('node:net').Socket>((resolve) => {
          const s = connect({ host, port }, () => {
            if (prefix.length) s.write(prefix);
            resolve(s);
          });
          s.on('error', () => resolve(s));
        }),
    ),
  );
  return { close: () => sockets.forEach((s) => s.destroy()) };
}
