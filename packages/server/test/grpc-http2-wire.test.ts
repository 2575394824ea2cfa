/**
 * The gRPC front's wire behaviour, seen by a raw `node:http2` client (no gRPC library on this
 * side): response headers and trailers, status codes and their percent-encoded messages,
 * request framing, compression, size limits, deadlines, cancellation, metadata, keepalive and
 * graceful close. The expectations were measured against the grpc-js server the front used to
 * run on, and hold for the `node:http2` front that replaced it (decisions/0008).
 */
import { connect as connectHttp2, constants, type ClientHttp2Session, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http2';
import { connect as connectTcp, type Socket } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { fromBinary } from '@bufbuild/protobuf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoolResponseSchema, DeleteRequestSchema, HasCollectionRequestSchema, MilvusService, MutationResultSchema, StatusSchema, encodeMessage as encode, methodPath } from '@mvkit/proto';
import { Engine, startServer, type RunningServer } from '../src/index.js';

const SERVICE = 'milvus.proto.milvus.MilvusService';
const HAS_COLLECTION = methodPath(MilvusService.method.hasCollection);
const DELETE = methodPath(MilvusService.method.delete);
const MAX = 64 * 1024 * 1024;

/** A gRPC length-prefixed message: flag byte, 4-byte big-endian length, bytes. */
function frame(bytes: Uint8Array, compressed = 0, length = bytes.length): Buffer {
  const head = Buffer.alloc(5);
  head[0] = compressed;
  head.writeUInt32BE(length, 1);
  return Buffer.concat([head, bytes]);
}

/** What the server answered on one stream. */
interface Answer {
  headers: IncomingHttpHeaders;
  trailers: IncomingHttpHeaders | undefined;
  /** The DATA bytes of the response. */
  data: Buffer;
  /** RST_STREAM code the stream closed with (0 when it ended normally). */
  rstCode: number;
}

interface CallOptions {
  /** Extra request headers; `:method` and `content-type` may be overridden. */
  headers?: OutgoingHttpHeaders;
  /** DATA to send, each chunk a separate write; default none. */
  body?: Buffer[];
  /** Half-close after the body (default true). */
  end?: boolean;
  /** An existing session to open the stream on. */
  session?: ClientHttp2Session;
}

/** Opens one stream on `server` and collects its answer. */
function call(server: RunningServer, path: string, options: CallOptions = {}): Promise<Answer> {
  const session = options.session ?? connectHttp2(server.restUrl);
  session.on('error', () => {});
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':method': 'POST', ':path': path, 'content-type': 'application/grpc', te: 'trailers', ...options.headers }, { endStream: false });
    let headers: IncomingHttpHeaders = {};
    let trailers: IncomingHttpHeaders | undefined;
    const chunks: Buffer[] = [];
    stream.on('response', (h) => (headers = h));
    stream.on('trailers', (t) => (trailers = t));
    stream.on('data', (d: Buffer) => chunks.push(d));
    stream.on('error', () => {});
    // A server that answers before the request is complete ends its side: close ours too.
    stream.on('end', () => {
      if (!stream.writableEnded) stream.close();
    });
    stream.on('close', () => {
      if (!options.session) session.close();
      resolve({ headers, trailers, data: Buffer.concat(chunks), rstCode: stream.rstCode ?? 0 });
    });
    session.once('error', reject);
    for (const chunk of options.body ?? []) stream.write(chunk);
    if (options.end ?? true) stream.end();
  });
}

/** `grpc-status` and `grpc-message` of an answer, from its trailers, or its headers for a trailers-only answer. */
function statusOf(answer: Answer): { status: string | undefined; message: string | undefined } {
  const source = answer.trailers ?? answer.headers;
  return { status: source['grpc-status'] as string | undefined, message: source['grpc-message'] as string | undefined };
}

/** The one message of a response body, checked to be a single uncompressed frame. */
function messageOf(answer: Answer): Buffer {
  expect(answer.data[0]).toBe(0);
  const length = answer.data.readUInt32BE(1);
  expect(answer.data.length).toBe(5 + length);
  return answer.data.subarray(5);
}

const OK_HEADERS = { ':status': 200, 'content-type': 'application/grpc+proto', 'grpc-accept-encoding': 'identity,deflate,gzip', 'grpc-encoding': 'identity' };

/** Asserts a trailers-only answer (status in the one HEADERS frame, no body). */
function expectTrailersOnly(answer: Answer, status: number, message: string): void {
  expect(answer.trailers).toBeUndefined();
  expect(answer.data.length).toBe(0);
  expect(answer.headers).toMatchObject({ ':status': 200, 'content-type': 'application/grpc+proto', 'grpc-status': String(status), 'grpc-message': message });
  expect(answer.headers['grpc-encoding']).toBeUndefined();
}

const hasX = frame(encode(HasCollectionRequestSchema, { collectionName: 'x' }));

/** An engine whose Delete waits until `release` (or its signal aborts) and records what it was called with. */
function slowDeleteEngine() {
  const engine = new Engine();
  const seen: { dbName?: string; aborted: boolean }[] = [];
  let release: () => void = () => {};
  let released = new Promise<void>((r) => (release = r));
  engine.delete = ((args: { dbName?: string; signal?: AbortSignal }) => {
    const entry = { dbName: args.dbName, aborted: false };
    seen.push(entry);
    args.signal?.addEventListener('abort', () => (entry.aborted = true));
    return new Promise((resolve, reject) => {
      args.signal?.addEventListener('abort', () => reject(new Error('aborted')));
      void released.then(() => resolve({ deleteCount: 0, timestamp: 1n }));
    });
  }) as unknown as Engine['delete'];
  return {
    engine,
    seen,
    release() {
      release();
      released = new Promise<void>((r) => (release = r));
    },
  };
}

const deleteFrame = frame(encode(DeleteRequestSchema, { collectionName: 'c', expr: 'id > 0' }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('gRPC over HTTP/2: answers', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, decodeWorker: false, indexWorker: false });
  });
  afterAll(() => server.close());

  it('an OK call: response headers, one uncompressed message, trailers grpc-status 0 / OK', async () => {
    const answer = await call(server, HAS_COLLECTION, { body: [hasX] });
    expect(answer.headers).toMatchObject(OK_HEADERS);
    expect(answer.headers['grpc-status']).toBeUndefined();
    expect(answer.trailers).toMatchObject({ 'grpc-status': '0', 'grpc-message': 'OK' });
    const response = fromBinary(BoolResponseSchema, messageOf(answer));
    expect(response.value).toBe(false);
    expect(response.status?.code).toBe(0);
    expect(answer.rstCode).toBe(0);
  });

  it('a Milvus business error is gRPC OK with the status in the body', async () => {
    const answer = await call(server, methodPath(MilvusService.method.dropCollection), { body: [frame(new Uint8Array(0))] });
    expect(answer.headers).toMatchObject(OK_HEADERS);
    expect(statusOf(answer)).toEqual({ status: '0', message: 'OK' });
    const status = fromBinary(StatusSchema, messageOf(answer));
    expect(status.code).toBe(1100);
    expect(status.reason).toBe('collection name should not be empty: invalid parameter');
  });

  it('an unknown service or method: trailers-only UNIMPLEMENTED, the path in the message as is (not percent-encoded)', async () => {
    for (const path of [`/${SERVICE}/GetUserTags`, '/no.Such/Service', '/bad%path/ü']) {
      const answer = await call(server, path, { body: [frame(Buffer.from([0xff, 0xff]))] });
      expectTrailersOnly(answer, 12, `The server does not implement the method ${path}`);
    }
  });

  it('malformed request bytes: trailers-only INTERNAL, the message percent-encoded', async () => {
    const answer = await call(server, HAS_COLLECTION, { body: [frame(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]))] });
    expectTrailersOnly(answer, 13, 'Error%20deserializing%20request');
  });

  it('a content-type other than application/grpc*: HTTP 415, no gRPC status', async () => {
    for (const contentType of ['application/json', 'text/plain']) {
      const answer = await call(server, HAS_COLLECTION, { headers: { 'content-type': contentType }, body: [hasX] });
      expect(answer.headers[':status']).toBe(415);
      expect(answer.headers['grpc-status']).toBeUndefined();
      expect(answer.trailers).toBeUndefined();
      expect(answer.data.length).toBe(0);
    }
    const json = await call(server, HAS_COLLECTION, { headers: { 'content-type': 'application/grpc+json' }, body: [hasX] });
    expect(json.trailers).toMatchObject({ 'grpc-status': '0' });
  });

  it('the HTTP method is not checked: a GET with a gRPC body is served', async () => {
    const answer = await call(server, HAS_COLLECTION, { headers: { ':method': 'GET' }, body: [hasX] });
    expect(answer.trailers).toMatchObject({ 'grpc-status': '0', 'grpc-message': 'OK' });
    expect(fromBinary(BoolResponseSchema, messageOf(answer)).status?.code).toBe(0);
  });

  it('a unary call without a message, or with two: UNIMPLEMENTED', async () => {
    const none = await call(server, HAS_COLLECTION);
    expectTrailersOnly(none, 12, `Received%20no%20request%20message%20for%20server%20streaming%20method%20${HAS_COLLECTION}`);
    const two = await call(server, HAS_COLLECTION, { body: [Buffer.concat([hasX, hasX])] });
    expectTrailersOnly(two, 12, `Received%20a%20second%20request%20message%20for%20server%20streaming%20method%20${HAS_COLLECTION}`);
  });

  it('a message split across DATA frames, and an empty message, are served', async () => {
    const split = await call(server, HAS_COLLECTION, { body: [hasX.subarray(0, 2), hasX.subarray(2, 7), hasX.subarray(7)] });
    expect(statusOf(split)).toEqual({ status: '0', message: 'OK' });
    const empty = await call(server, HAS_COLLECTION, { body: [frame(new Uint8Array(0))] });
    expect(statusOf(empty)).toEqual({ status: '0', message: 'OK' });
  });

  it('compressed flag 1 with grpc-encoding gzip or deflate: decompressed and served', async () => {
    const plain = encode(HasCollectionRequestSchema, { collectionName: 'x' });
    for (const [encoding, bytes] of [['gzip', gzipSync(plain)], ['deflate', deflateSync(plain)]] as const) {
      const answer = await call(server, HAS_COLLECTION, { headers: { 'grpc-encoding': encoding }, body: [frame(bytes, 1)] });
      expect(answer.headers, encoding).toMatchObject(OK_HEADERS);
      expect(statusOf(answer), encoding).toEqual({ status: '0', message: 'OK' });
    }
    // Flag 0 under grpc-encoding gzip: the message is read uncompressed.
    const uncompressed = await call(server, HAS_COLLECTION, { headers: { 'grpc-encoding': 'gzip' }, body: [hasX] });
    expect(statusOf(uncompressed)).toEqual({ status: '0', message: 'OK' });
  });

  it('compressed flag 1 with identity or no grpc-encoding: the bytes are read as they are (INTERNAL when they do not decode)', async () => {
    const gz = frame(gzipSync(encode(HasCollectionRequestSchema, { collectionName: 'x' })), 1);
    for (const headers of [{ 'grpc-encoding': 'identity' }, {}]) {
      expectTrailersOnly(await call(server, HAS_COLLECTION, { headers, body: [gz] }), 13, 'Error%20deserializing%20request');
    }
    // Flag 1 on bytes that are a valid message: served.
    expect(statusOf(await call(server, HAS_COLLECTION, { body: [frame(encode(HasCollectionRequestSchema, { collectionName: 'x' }), 1)] }))).toEqual({ status: '0', message: 'OK' });
  });

  it('bad compressed bytes: INTERNAL; an unsupported grpc-encoding on a compressed message: UNIMPLEMENTED; on an uncompressed one: served', async () => {
    expectTrailersOnly(await call(server, HAS_COLLECTION, { headers: { 'grpc-encoding': 'gzip' }, body: [frame(Buffer.from('not gzip'), 1)] }), 13, 'Failed%20to%20decompress%20message');
    expectTrailersOnly(await call(server, HAS_COLLECTION, { headers: { 'grpc-encoding': 'br' }, body: [frame(Buffer.from('x'), 1)] }), 12, 'Received%20message%20compressed%20with%20unsupported%20encoding%20%22br%22');
    expect(statusOf(await call(server, HAS_COLLECTION, { headers: { 'grpc-encoding': 'br' }, body: [hasX] }))).toEqual({ status: '0', message: 'OK' });
  });

  it('a length prefix above 64 MiB: RESOURCE_EXHAUSTED before the body is sent', async () => {
    const answer = await call(server, HAS_COLLECTION, { body: [frame(new Uint8Array(0), 0, MAX + 1)], end: false });
    expectTrailersOnly(answer, 8, `Received%20message%20larger%20than%20max%20(${MAX + 1}%20vs%20${MAX})`);
    // Exactly the maximum is accepted as a length (the client is left to send it; it gives up here).
    const session = connectHttp2(server.restUrl);
    session.on('error', () => {});
    const atMax = session.request({ ':method': 'POST', ':path': HAS_COLLECTION, 'content-type': 'application/grpc' });
    let responded = false;
    atMax.on('response', () => (responded = true));
    atMax.on('error', () => {});
    atMax.write(frame(new Uint8Array(0), 0, MAX));
    await sleep(200);
    expect(responded).toBe(false);
    session.destroy();
  });

  it('a gzip message that inflates above 64 MiB: RESOURCE_EXHAUSTED', async () => {
    const bomb = gzipSync(Buffer.alloc(MAX + 1));
    const answer = await call(server, HAS_COLLECTION, { headers: { 'grpc-encoding': 'gzip' }, body: [frame(bomb, 1)] });
    expectTrailersOnly(answer, 8, `Received%20message%20that%20decompresses%20to%20a%20size%20larger%20than%20${MAX}`);
  });

  it('an invalid grpc-timeout: INTERNAL', async () => {
    const answer = await call(server, HAS_COLLECTION, { headers: { 'grpc-timeout': 'soon' }, body: [hasX] });
    expectTrailersOnly(answer, 13, 'Invalid%20grpc-timeout%20value%20%22soon%22');
  });

  it('the server keeps serving after all of the above', async () => {
    expect(statusOf(await call(server, HAS_COLLECTION, { body: [hasX] }))).toEqual({ status: '0', message: 'OK' });
  });
});

describe('gRPC over HTTP/2: status errors of handlers', () => {
  let server: RunningServer;
  const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');
  beforeAll(async () => {
    server = await startServer({ port: 0, decodeWorker: false, indexWorker: false, auth: { users: { root: 'Milvus', 'jörg%': 'secret12' } } });
  });
  afterAll(() => server.close());

  it('UNAUTHENTICATED from a handler: trailers-only, the message percent-encoded', async () => {
    expectTrailersOnly(await call(server, HAS_COLLECTION, { body: [hasX] }), 16, 'missing%20authorization%20in%20header');
    expectTrailersOnly(await call(server, HAS_COLLECTION, { headers: { authorization: basic('root', 'wrong') }, body: [hasX] }), 16, 'auth%20check%20failure,%20please%20check%20username%20and%20password%20are%20correct');
    expect(statusOf(await call(server, HAS_COLLECTION, { headers: { authorization: basic('root', 'Milvus') }, body: [hasX] }))).toEqual({ status: '0', message: 'OK' });
  });

  it('PERMISSION_DENIED: non-ASCII, `%` and backticks of the message are percent-encoded (UTF-8), commas and parentheses are not', async () => {
    const answer = await call(server, methodPath(MilvusService.method.dropCollection), { headers: { authorization: basic('jörg%', 'secret12'), dbname: 'default' }, body: [hasX] });
    expectTrailersOnly(answer, 7, 'PrivilegeDropCollection:%20permission%20deny%20to%20j%C3%B6rg%25%20in%20the%20%60default%60%20database');
  });
});

describe('gRPC over HTTP/2: deadlines, cancellation, metadata', () => {
  let server: RunningServer;
  const slow = slowDeleteEngine();
  beforeAll(async () => {
    server = await startServer({ port: 0, engine: slow.engine, decodeWorker: false, indexWorker: false });
  });
  afterAll(async () => {
    slow.release();
    await server.close();
    slow.engine.close();
  });

  it('grpc-timeout in every unit: a handler slower than the deadline ends DEADLINE_EXCEEDED and its signal aborts', async () => {
    for (const [timeout, ms] of [['150m', 150], ['150000u', 150], ['99000000n', 99]] as const) {
      slow.seen.length = 0;
      const started = performance.now();
      const answer = await call(server, DELETE, { headers: { 'grpc-timeout': timeout }, body: [deleteFrame] });
      expect(performance.now() - started, timeout).toBeGreaterThanOrEqual(ms - 10);
      expectTrailersOnly(answer, 4, 'Deadline%20exceeded');
      await sleep(10);
      expect(slow.seen, timeout).toEqual([{ dbName: 'default', aborted: true }]);
    }
  });

  it('grpc-timeout in H, M and S longer than the handler: the call succeeds', async () => {
    for (const timeout of ['1H', '1M', '2S']) {
      const pending = call(server, DELETE, { headers: { 'grpc-timeout': timeout }, body: [deleteFrame] });
      await sleep(100);
      slow.release();
      const answer = await pending;
      expect(statusOf(answer), timeout).toEqual({ status: '0', message: 'OK' });
      expect(fromBinary(MutationResultSchema, messageOf(answer)).status?.code).toBe(0);
    }
  });

  it('RST_STREAM from the client aborts the handler signal', async () => {
    slow.seen.length = 0;
    const session = connectHttp2(server.restUrl);
    const stream = session.request({ ':method': 'POST', ':path': DELETE, 'content-type': 'application/grpc' });
    stream.on('error', () => {});
    stream.end(deleteFrame);
    await sleep(100);
    expect(slow.seen).toEqual([{ dbName: 'default', aborted: false }]);
    stream.close(constants.NGHTTP2_CANCEL);
    await sleep(100);
    expect(slow.seen).toEqual([{ dbName: 'default', aborted: true }]);
    session.close();
  });

  it('custom headers reach the handler; -bin headers and reserved headers do not disturb the call', async () => {
    slow.seen.length = 0;
    const pending = call(server, DELETE, {
      headers: { dbname: 'library', 'trace-bin': Buffer.from([1, 2, 255]).toString('base64'), 'x-custom': 'v', 'grpc-accept-encoding': 'gzip', 'user-agent': 'raw-test' },
      body: [deleteFrame],
    });
    await sleep(100);
    slow.release();
    const answer = await pending;
    expect(statusOf(answer)).toEqual({ status: '0', message: 'OK' });
    expect(slow.seen.map((s) => s.dbName)).toEqual(['library']);
  });
});

describe('gRPC over HTTP/2: keepalive', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, decodeWorker: false, indexWorker: false, connectionLimits: { http2KeepaliveMs: 150, http2KeepaliveTimeoutMs: 150 } });
  });
  afterAll(() => server.close());

  it('pings an idle connection every http2KeepaliveMs; an answering client stays connected', async () => {
    const session = connectHttp2(server.restUrl);
    let pings = 0;
    session.on('ping', () => pings++);
    await new Promise((r) => session.once('connect', r));
    await sleep(700);
    expect(pings).toBeGreaterThanOrEqual(2);
    expect(session.closed || session.destroyed).toBe(false);
    expect(statusOf(await call(server, HAS_COLLECTION, { body: [hasX], session }))).toEqual({ status: '0', message: 'OK' });
    session.close();
  });

  it('closes a connection whose PING goes unanswered for http2KeepaliveTimeoutMs', async () => {
    const { frames, closedAfterMs } = await new Promise<{ frames: number[]; closedAfterMs: number }>((resolve) => {
      const socket: Socket = connectTcp(server.port, '127.0.0.1');
      const started = performance.now();
      const frames: number[] = [];
      let buffered = Buffer.alloc(0);
      socket.on('connect', () => {
        // Preface, an empty SETTINGS frame; the server's SETTINGS is acknowledged below, its PINGs never are.
        socket.write(Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1'), Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0])]));
      });
      socket.on('data', (chunk: Buffer) => {
        buffered = Buffer.concat([buffered, chunk]);
        while (buffered.length >= 9) {
          const length = buffered.readUIntBE(0, 3);
          if (buffered.length < 9 + length) break;
          const type = buffered[3]!;
          const flags = buffered[4]!;
          frames.push(type);
          if (type === 4 && (flags & 1) === 0) socket.write(Buffer.from([0, 0, 0, 4, 1, 0, 0, 0, 0]));
          buffered = buffered.subarray(9 + length);
        }
      });
      socket.on('error', () => {});
      socket.on('close', () => resolve({ frames, closedAfterMs: performance.now() - started }));
    });
    expect(frames).toContain(6); // PING
    expect(closedAfterMs).toBeGreaterThanOrEqual(250);
    expect(closedAfterMs).toBeLessThan(2000);
  });
});

describe('gRPC over HTTP/2: graceful close', () => {
  it('lets an in-flight call finish, sends GOAWAY and refuses new streams', async () => {
    const slow = slowDeleteEngine();
    const server = await startServer({ port: 0, engine: slow.engine, decodeWorker: false, indexWorker: false });
    const session = connectHttp2(server.restUrl);
    session.on('error', () => {});
    let goaway: number | undefined;
    session.on('goaway', (code) => (goaway = code));
    const inFlight = call(server, DELETE, { body: [deleteFrame], session });
    await sleep(100);
    const closed = server.close();
    await sleep(100);
    expect(goaway).toBe(constants.NGHTTP2_NO_ERROR);
    const refused = await new Promise<string>((resolve) => {
      try {
        const stream = session.request({ ':method': 'POST', ':path': HAS_COLLECTION, 'content-type': 'application/grpc' });
        stream.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
        stream.on('response', () => resolve('answered'));
      } catch (e) {
        resolve((e as NodeJS.ErrnoException).code ?? String(e));
      }
    });
    expect(refused).toBe('ERR_HTTP2_GOAWAY_SESSION');
    slow.release();
    const answer = await inFlight;
    expect(statusOf(answer)).toEqual({ status: '0', message: 'OK' });
    await closed;
    slow.engine.close();
  });
});
