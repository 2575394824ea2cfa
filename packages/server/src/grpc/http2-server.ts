/**
 * The reference server's gRPC server: unary gRPC over `node:http2`, the wire behaviour of the
 * grpc-js server it replaced (measured by `test/grpc-http2-wire.test.ts`, see decisions/0008):
 * framing, trailers, status messages, deadlines, compression, size limits, keepalive, graceful close.
 *
 * @packageDocumentation
 */
import { constants, createServer, type Http2Server, type IncomingHttpHeaders, type OutgoingHttpHeaders, type ServerHttp2Session, type ServerHttp2Stream } from 'node:http2';
import type { Socket } from 'node:net';
import type { InputType, ZlibOptions } from 'node:zlib';
import { GrpcStatusError, type UnaryRoute } from './adapter.js';
import { GrpcCode } from './grpc-status.js';
import { CallMetadata } from './metadata.js';

/** Options of {@link createGrpcServer}. */
export interface GrpcServerOptions {
  /** Largest message received or sent, in bytes (its 5-byte prefix not counted). */
  maxMessageBytes: number;
  /** A PING is sent this many ms after the previous one was answered (the first this long after the connection opened). */
  keepaliveMs: number;
  /** A PING not answered within this many ms closes the connection. */
  keepaliveTimeoutMs: number;
  /** Routes made on the first call to one of their paths (see {@link DeferredRoutes}). */
  deferred?: readonly DeferredRoutes[];
}

/**
 * The routes of a service made on the first call whose path starts with `prefix`
 * (`/<package>.<Service>/`), so that a start does not evaluate the modules of a service no client
 * has called yet. Calls that arrive while `load` runs wait for it (their bytes are held by HTTP/2
 * flow control); a path it does not route is then UNIMPLEMENTED, as any other.
 */
export interface DeferredRoutes {
  /** The paths the group routes start with, e.g. `/milvus.grpc.MilvusService/`. */
  prefix: string;
  /** Makes the group's routes (run once; a rejection answers its calls INTERNAL with its message, and later ones too). */
  load: () => Promise<Iterable<UnaryRoute>>;
}

/** A gRPC server that serves connections handed to it; it never listens itself. */
export interface GrpcServer {
  /** Serves an HTTP/2 connection: `socket` (TCP, or TLS already terminated) with its preface not yet read, or read and unshifted. */
  connection(socket: Socket): void;
  /**
   * Sends every connection GOAWAY and lets running calls finish, then resolves; connections still
   * open after `graceMs` are destroyed (their calls' signals abort). Later connections are closed at once.
   */
  close(graceMs: number): Promise<void>;
}

const OK_HEADERS: OutgoingHttpHeaders = {
  [constants.HTTP2_HEADER_STATUS]: 200,
  [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc+proto',
  'grpc-accept-encoding': 'identity,deflate,gzip',
  'grpc-encoding': 'identity',
};
const OK_TRAILERS: OutgoingHttpHeaders = { 'grpc-status': GrpcCode.OK, 'grpc-message': 'OK' };
const UNSUPPORTED_MEDIA_TYPE: OutgoingHttpHeaders = { [constants.HTTP2_HEADER_STATUS]: constants.HTTP_STATUS_UNSUPPORTED_MEDIA_TYPE };
const RESPOND_WITH_TRAILERS = { waitForTrailers: true };
const END_STREAM = { endStream: true };

/** `grpc-timeout`: up to 8 digits and a unit (as grpc-js, not anchored). */
const TIMEOUT = /(\d{1,8})\s*([HMSmun])/;
const TIMEOUT_UNIT_MS: Readonly<Record<string, number>> = { H: 3_600_000, M: 60_000, S: 1000, m: 1, u: 0.001, n: 0.000_001 };
/** The longest timer Node keeps (longer ones fire at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;

const PREFIX_BYTES = 5;
/** The abort reason of a handler's signal, whether the client cancelled, the deadline passed or the connection dropped. */
const CANCELLED = 'the call was cancelled';

/** The call a stream carries (set once, read by the shared stream listeners). */
const CALL = Symbol('call');
type CallStream = ServerHttp2Stream & { [CALL]: UnaryCall };

/** The trailers-only answer of a failed call: `grpc-status` and `grpc-message` in the one HEADERS frame. */
function trailersOnly(code: number, message: string): OutgoingHttpHeaders {
  return {
    [constants.HTTP2_HEADER_STATUS]: 200,
    [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc+proto',
    'grpc-status': code,
    'grpc-message': message,
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encodes a status message as grpc-js does (`encodeURI`), lone surrogates (which it cannot encode) as U+FFFD. */
function encodeMessage(message: string): string {
  try {
    return encodeURI(message);
  } catch {
    return encodeURI(message.replace(LONE_SURROGATE, '\uFFFD'));
  }
}

/**
 * Decompresses a `grpc-encoding` message, refusing an output above `max` bytes. node:zlib is
 * loaded on the first compressed message, not by an import: a start does not load it.
 */
function decompress(encoding: 'gzip' | 'deflate', bytes: InputType, max: number): Promise<Buffer> {
  const { gunzip, inflate } = process.getBuiltinModule('node:zlib');
  const options: ZlibOptions = { maxOutputLength: max };
  return new Promise((resolve, reject) => (encoding === 'gzip' ? gunzip : inflate)(bytes, options, (error, out) => (error ? reject(error) : resolve(out))));
}

/** One unary call on one stream, from its request headers to its status. */
class UnaryCall {
  readonly #stream: ServerHttp2Stream;
  readonly #route: UnaryRoute;
  readonly #headers: IncomingHttpHeaders;
  readonly #max: number;
  readonly #abort = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  /** The answer was sent (or the stream is gone): nothing more is read or written. */
  #done = false;
  /** The length prefix read so far (a prefix split across DATA frames). */
  #prefix: Buffer | undefined;
  /**
   * The parts of a message split across DATA frames, once its prefix is complete, its announced
   * length and how much of it has arrived (kept as received, so memory follows the bytes sent).
   */
  #parts: Buffer[] | undefined;
  #length = 0;
  #filled = 0;
  #compressed = false;
  /** The request, once read and decoded (a decompression may still be running: `#pending`). */
  #request: unknown;
  #received = 0;
  #pending: Promise<void> | undefined;
  #ended = false;

  constructor(stream: ServerHttp2Stream, route: UnaryRoute, headers: IncomingHttpHeaders, max: number) {
    this.#stream = stream;
    this.#route = route;
    this.#headers = headers;
    this.#max = max;
    const timeout = headers['grpc-timeout'];
    if (timeout !== undefined) this.#startDeadline(String(timeout));
  }

  #startDeadline(header: string): void {
    const match = TIMEOUT.exec(header);
    if (!match) {
      this.fail(GrpcCode.INTERNAL, `Invalid grpc-timeout value "${header}"`);
      return;
    }
    const ms = Math.trunc(Number(match[1]) * TIMEOUT_UNIT_MS[match[2]!]!);
    if (ms > MAX_TIMER_MS) return;
    this.#timer = setTimeout(() => {
      this.fail(GrpcCode.DEADLINE_EXCEEDED, 'Deadline exceeded');
      this.#abort.abort(CANCELLED);
    }, ms);
  }

  /** A DATA chunk: length prefixes are checked before the message is buffered. */
  data(chunk: Buffer): void {
    let at = 0;
    while (!this.#done && at < chunk.length) {
      if (this.#parts === undefined) {
        let prefix: Buffer;
        if (this.#prefix === undefined && chunk.length - at >= PREFIX_BYTES) {
          prefix = chunk.subarray(at, at + PREFIX_BYTES);
          at += PREFIX_BYTES;
        } else {
          const have = this.#prefix ?? Buffer.alloc(0);
          const take = Math.min(PREFIX_BYTES - have.length, chunk.length - at);
          prefix = Buffer.concat([have, chunk.subarray(at, at + take)]);
          at += take;
          if (prefix.length < PREFIX_BYTES) {
            this.#prefix = prefix;
            return;
          }
          this.#prefix = undefined;
        }
        const length = prefix.readUInt32BE(1);
        if (length > this.#max) {
          this.fail(GrpcCode.RESOURCE_EXHAUSTED, `Received message larger than max (${length} vs ${this.#max})`);
          return;
        }
        this.#compressed = prefix[0] === 1;
        if (chunk.length - at >= length) {
          // The whole message is in this chunk: no copy.
          this.#receive(chunk.subarray(at, at + length));
          at += length;
          continue;
        }
        this.#parts = [];
        this.#length = length;
        this.#filled = 0;
      }
      const take = Math.min(this.#length - this.#filled, chunk.length - at);
      this.#parts.push(chunk.subarray(at, at + take));
      this.#filled += take;
      at += take;
      if (this.#filled === this.#length) {
        const message = Buffer.concat(this.#parts, this.#length);
        this.#parts = undefined;
        this.#receive(message);
      }
    }
  }

  /** A complete message: decompressed (when flagged and encoded) and decoded. */
  #receive(bytes: Buffer): void {
    if (++this.#received > 1) {
      this.fail(GrpcCode.UNIMPLEMENTED, `Received a second request message for server streaming method ${this.#route.path}`);
      return;
    }
    const encoding = this.#compressed ? (this.#headers['grpc-encoding'] ?? 'identity') : 'identity';
    if (encoding === 'identity') {
      this.#decode(bytes);
      return;
    }
    if (encoding !== 'gzip' && encoding !== 'deflate') {
      this.fail(GrpcCode.UNIMPLEMENTED, `Received message compressed with unsupported encoding "${encoding}"`);
      return;
    }
    this.#pending = decompress(encoding, bytes, this.#max).then(
      (plain) => {
        this.#pending = undefined;
        this.#decode(plain);
        if (this.#ended) this.end();
      },
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ERR_BUFFER_TOO_LARGE') this.fail(GrpcCode.RESOURCE_EXHAUSTED, `Received message that decompresses to a size larger than ${this.#max}`);
        else this.fail(GrpcCode.INTERNAL, 'Failed to decompress message');
      },
    );
  }

  #decode(bytes: Uint8Array): void {
    if (this.#done) return;
    try {
      this.#request = this.#route.decode(bytes);
    } catch {
      this.fail(GrpcCode.INTERNAL, 'Error deserializing request');
    }
  }

  /** The client half-closed: the call runs once its one message is read (a partial second one is ignored). */
  end(): void {
    this.#ended = true;
    if (this.#done || this.#pending) return;
    if (this.#received === 0) {
      this.fail(GrpcCode.UNIMPLEMENTED, `Received no request message for server streaming method ${this.#route.path}`);
      return;
    }
    void this.#run();
  }

  async #run(): Promise<void> {
    let response: unknown;
    try {
      response = await this.#route.handle(this.#request, new CallMetadata(this.#headers), this.#abort.signal);
    } catch (error) {
      if (error instanceof GrpcStatusError) this.fail(error.code, error.message);
      else this.fail(GrpcCode.INTERNAL, error instanceof Error ? error.message : String(error));
      return;
    }
    if (this.#done) return;
    let bytes: Uint8Array;
    try {
      bytes = this.#route.encode(response);
    } catch {
      this.fail(GrpcCode.INTERNAL, 'Error serializing response');
      return;
    }
    if (bytes.length > this.#max) {
      this.fail(GrpcCode.RESOURCE_EXHAUSTED, `Sent message larger than max (${bytes.length + PREFIX_BYTES} vs. ${this.#max})`);
      return;
    }
    const frame = Buffer.allocUnsafe(PREFIX_BYTES + bytes.length);
    frame[0] = 0;
    frame.writeUInt32BE(bytes.length, 1);
    frame.set(bytes, PREFIX_BYTES);
    this.#finish();
    const stream = this.#stream;
    if (stream.destroyed || stream.closed) return;
    try {
      stream.respond(OK_HEADERS, RESPOND_WITH_TRAILERS);
      stream.once('wantTrailers', sendOkTrailers);
      stream.end(frame);
    } catch {
      // The session went away between the check and the answer.
      stream.close(constants.NGHTTP2_INTERNAL_ERROR);
    }
  }

  /** Answers with a gRPC error status (trailers-only, as every answer before the response message). */
  fail(code: number, message: string): void {
    if (this.#done) return;
    this.#finish();
    respond(this.#stream, trailersOnly(code, encodeMessage(message)));
  }

  /** The stream closed: a call still running is cancelled. */
  closed(): void {
    if (this.#done) return;
    this.#finish();
    this.#abort.abort(CANCELLED);
  }

  #finish(): void {
    this.#done = true;
    this.#parts = undefined;
    if (this.#timer) clearTimeout(this.#timer);
  }
}

/** Sends headers that end the stream, unless the stream is already gone (a header Node refuses resets it). */
function respond(stream: ServerHttp2Stream, headers: OutgoingHttpHeaders): void {
  if (stream.destroyed || stream.closed || stream.headersSent) return;
  try {
    stream.respond(headers, END_STREAM);
  } catch {
    stream.close(constants.NGHTTP2_INTERNAL_ERROR);
  }
}

function sendOkTrailers(this: ServerHttp2Stream): void {
  this.sendTrailers(OK_TRAILERS);
}
function onData(this: CallStream, chunk: Buffer): void {
  this[CALL].data(chunk);
}
function onEnd(this: CallStream): void {
  this[CALL].end();
}
function onClose(this: CallStream): void {
  this[CALL].closed();
}
function ignore(): void {}

/** Pings a session every `keepaliveMs` once the previous ping was answered; one unanswered for `timeoutMs` destroys it. */
function keepAlive(session: ServerHttp2Session, keepaliveMs: number, timeoutMs: number): void {
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer = setTimeout(ping, keepaliveMs);
    timer.unref();
  };
  const ping = () => {
    if (session.destroyed) return;
    let sent = false;
    try {
      sent = session.ping((error) => {
        clearTimeout(timer);
        if (error) session.destroy();
        else schedule();
      });
    } catch {
      // the session is closing
    }
    if (!sent) {
      session.destroy();
      return;
    }
    timer = setTimeout(() => session.destroy(), timeoutMs);
    timer.unref();
  };
  schedule();
  session.once('close', () => clearTimeout(timer));
}

/**
 * A unary gRPC server for `routes` on `node:http2` (HTTP/2 without TLS: the caller terminates TLS
 * and hands over the decrypted connection). It answers:
 *
 * - a `content-type` not starting `application/grpc`: HTTP 415, no gRPC status;
 * - a path without a route: UNIMPLEMENTED `The server does not implement the method <path>`, at once
 *   (under the prefix of a deferred group, once the group is loaded; a failed load: INTERNAL with its message);
 * - a message whose length prefix exceeds `maxMessageBytes`: RESOURCE_EXHAUSTED
 *   `Received message larger than max (<n> vs <max>)`, before its bytes are read;
 * - no message or a second one: UNIMPLEMENTED; bytes that do not decode: INTERNAL
 *   `Error deserializing request`; compressed messages (flag 1) under `grpc-encoding` gzip or
 *   deflate are inflated (at most `maxMessageBytes`), under an unknown encoding UNIMPLEMENTED;
 * - `grpc-timeout` passing before the handler answers: DEADLINE_EXCEEDED, the handler's signal aborts;
 * - a handler's {@link GrpcStatusError}: its status; another error: INTERNAL with its message;
 * - success: headers, one uncompressed message, trailers `grpc-status: 0`, `grpc-message: OK`.
 *
 * Every error is a trailers-only answer whose `grpc-message` is percent-encoded (the UNIMPLEMENTED
 * of an unknown path excepted, sent as is, as grpc-js does). A stream reset by the client, or a
 * connection lost, aborts its handler's signal.
 */
export function createGrpcServer(routes: Iterable<UnaryRoute>, options: GrpcServerOptions): GrpcServer {
  const byPath = new Map<string, UnaryRoute>();
  for (const route of routes) byPath.set(route.path, route);
  const max = options.maxMessageBytes;
  /** Open sessions, each with the promise of its 'close'. */
  const sessions = new Map<ServerHttp2Session, Promise<void>>();
  let closing = false;

  const http2: Http2Server = createServer({ maxSendHeaderBlockLength: Number.MAX_SAFE_INTEGER, maxSessionMemory: Number.MAX_SAFE_INTEGER });
  http2.on('session', (session: ServerHttp2Session) => {
    if (closing) {
      session.destroy();
      return;
    }
    session.on('error', ignore);
    sessions.set(session, new Promise((resolve) => session.once('close', resolve)).then(() => void sessions.delete(session)));
    if (options.keepaliveMs > 0) keepAlive(session, options.keepaliveMs, options.keepaliveTimeoutMs);
  });
  /** Deferred route groups not loaded yet, each with its load once started. */
  const deferred = new Map((options.deferred ?? []).map((group) => [group, undefined as Promise<void> | undefined]));
  const serve = (stream: ServerHttp2Stream, headers: IncomingHttpHeaders, path: string) => {
    const route = byPath.get(path);
    if (!route) {
      respond(stream, trailersOnly(GrpcCode.UNIMPLEMENTED, `The server does not implement the method ${path}`));
      stream.resume();
      return;
    }
    const callStream = stream as CallStream;
    callStream[CALL] = new UnaryCall(stream, route, headers, max);
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('close', onClose);
  };
  http2.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => {
    stream.on('error', ignore);
    const contentType = headers[constants.HTTP2_HEADER_CONTENT_TYPE];
    if (typeof contentType !== 'string' || !contentType.startsWith('application/grpc')) {
      respond(stream, UNSUPPORTED_MEDIA_TYPE);
      stream.resume();
      return;
    }
    const path = String(headers[constants.HTTP2_HEADER_PATH] ?? '');
    const group = byPath.has(path) ? undefined : [...deferred.keys()].find((g) => path.startsWith(g.prefix));
    if (!group) return serve(stream, headers, path);
    let loading = deferred.get(group);
    if (!loading) {
      loading = group.load().then((routes) => {
        for (const route of routes) byPath.set(route.path, route);
      });
      deferred.set(group, loading);
      // Loaded for good: later calls are routed at once (a failed load fails its calls, below, and stays failed).
      loading.then(() => deferred.delete(group), ignore);
    }
    loading.then(
      () => {
        if (!stream.destroyed) serve(stream, headers, path);
      },
      (e: unknown) => {
        if (stream.destroyed) return;
        respond(stream, trailersOnly(GrpcCode.INTERNAL, encodeMessage(e instanceof Error ? e.message : String(e))));
        stream.resume();
      },
    );
  });
  // Node reports a session's socket errors here when the session has no listener of its own yet.
  http2.on('sessionError', ignore);

  return {
    connection(socket) {
      if (closing) socket.destroy();
      else http2.emit('connection', socket);
    },
    async close(graceMs) {
      closing = true;
      const open = [...sessions];
      for (const [session] of open) if (!session.closed && !session.destroyed) session.close();
      const timer = setTimeout(() => {
        for (const [session] of open) session.destroy();
      }, graceMs);
      await Promise.all(open.map(([, closed]) => closed));
      clearTimeout(timer);
    },
  };
}
