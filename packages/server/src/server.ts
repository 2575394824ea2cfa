import { createServer as createHttpServer, type RequestListener, type Server as HttpServer, type ServerOptions as HttpServerOptions } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { createServer as createTlsServer, type TlsOptions } from 'node:tls';
import { MilvusService } from '@mvkit/proto';
import { unaryRoutes } from './grpc/adapter.js';
import { createGrpcServer } from './grpc/http2-server.js';
import { Engine, type EngineOptions } from './engine/index.js';
import type { AuthOptions } from './engine/index.js';
import { grpcFront } from './grpc/front.js';
import { importDirSource } from './import-dir.js';
import { createLogger, type LogLevel, type Logger } from './logger.js';
import type { RestHandler } from './rest/handler.js';
import { restListener } from './rest/listener.js';
import { withResetRoute } from './rest/reset-route.js';
import { INDEX_WORKER_AVAILABLE, IndexWorker } from './index-worker.js';
import { DECODE_WORKER_AVAILABLE, DecodeWorker } from './decode-worker.js';

/** Options of {@link startServer}. */
export interface ServerOptions extends EngineOptions {
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Port of gRPC and RESTful v2 (one port, as Milvus 2.4+); default 19530; 0 picks a free one. */
  port?: number;
  /** Port of the legacy `/api/v1` HTTP API (Milvus serves it on 9091); off unless set; 0 picks a free one. */
  legacyHttpPort?: number;
  /** An existing engine to serve (e.g. shared with in-process tests); default a new one. */
  engine?: Engine;
  /** Log level; default `warn`. */
  logLevel?: LogLevel;
  /** Logger; default stderr at `logLevel`. */
  logger?: Logger;
  /** Require credentials (Milvus `authorizationEnabled`); default off, as a fresh Milvus. */
  auth?: AuthOptions;
  /** Serve every front over TLS (Milvus `common.security.tlsMode` 1, or 2 with `ca`); default plain TCP. */
  tls?: ServerTlsOptions;
  /** Connection time limits; default {@link DEFAULT_CONNECTION_LIMITS}. */
  connectionLimits?: Partial<ConnectionLimits>;
  /**
   * Decode large requests (gRPC Insert/Upsert messages and REST `entities/insert`/`upsert` bodies
   * of 1 MiB and more, filters of 64 KiB and more) in a worker thread, so that they do not stall
   * other clients; default on wherever the package runs as built JavaScript
   * ({@link DECODE_WORKER_AVAILABLE}). A given `engine` keeps its own `prepareFilter`.
   */
  decodeWorker?: boolean;
  /**
   * Build sealed segments' HNSW graphs in a worker thread ({@link IndexWorker}), so that they
   * stall neither other clients nor the writes after a seal; default on wherever the package runs
   * as built JavaScript ({@link INDEX_WORKER_AVAILABLE}). A given `engine` keeps its own builder.
   */
  indexWorker?: boolean;
  /**
   * Directory bulk import reads its files from (the role of Milvus's object storage bucket):
   * import paths are relative to it and may not leave it. Without it import requests are refused.
   * Ignored when `engine` is given (pass that engine an `importSource`).
   */
  importDir?: string;
  /**
   * Also serve the test kit's `POST /_mvkit/reset` on the RESTful v2 port ({@link withResetRoute}:
   * {@link Engine.reset}, root only under `auth`), so that tests in other processes can reset a
   * shared server; default off (Milvus has no such route). {@link createTestServer} turns it on.
   */
  resetRoute?: boolean;
}

/**
 * TLS of the server, as Milvus's proxy takes it (PEM contents, not paths). With `ca` clients must
 * present a certificate that chains to it (mutual TLS, `tlsMode` 2); without, any client may
 * connect (one-way, `tlsMode` 1).
 */
export interface ServerTlsOptions {
  /** Server certificate chain (Milvus `tls.serverPemPath`). */
  cert: string | Uint8Array;
  /** Its private key (Milvus `tls.serverKeyPath`). */
  key: string | Uint8Array;
  /** CA that client certificates must chain to (Milvus `tls.caPemPath`); setting it requires client certificates. */
  ca?: string | Uint8Array;
}

/** A running reference server. */
export interface RunningServer {
  /** `host:port` clients connect to, e.g. `127.0.0.1:19530`. */
  readonly address: string;
  readonly host: string;
  readonly port: number;
  /** `http://host:port` (`https://` with TLS) of the RESTful v2 API (the same port as gRPC). */
  readonly restUrl: string;
  /** `http://host:port` (`https://` with TLS) of the legacy HTTP API, when enabled. */
  readonly legacyUrl: string | undefined;
  /** The engine behind every front. */
  readonly engine: Engine;
  /**
   * Stops accepting calls, lets running ones finish (up to 2 s), then stops; an engine the server
   * created is closed too (long requests still running fail at their next pause). Idempotent.
   */
  close(): Promise<void>;
}

/**
 * Largest gRPC message received or sent, in bytes (the 5-byte length prefix not counted): Milvus's
 * proxy defaults (`proxy.grpc.serverMaxRecvSize` and `serverMaxSendSize`, 64 MiB). A request whose
 * length prefix is larger is refused with gRPC RESOURCE_EXHAUSTED
 * `Received message larger than max (<n> vs <max>)` as soon as the prefix arrives, before any of
 * its bytes are buffered; a compressed one that inflates beyond it with RESOURCE_EXHAUSTED
 * `Received message that decompresses to a size larger than <max>`; a larger response answers
 * RESOURCE_EXHAUSTED `Sent message larger than max (<n + 5> vs. <max>)` instead.
 */
export const GRPC_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** The RPCs whose requests the gRPC front takes as raw bytes when a {@link DecodeWorker} decodes them. */
const RAW_WRITES: ReadonlySet<string> = new Set(['insert', 'upsert']);

/** Time limits of client connections, in ms. */
export interface ConnectionLimits {
  /** A new connection must send its first bytes (the HTTP/2 preface or an HTTP/1.1 request line) within this. */
  firstBytesMs: number;
  /** HTTP/1.1: the request headers must arrive within this (node:http `headersTimeout`). */
  headersMs: number;
  /** HTTP/1.1: the whole request must arrive within this (node:http `requestTimeout`). */
  requestMs: number;
  /** HTTP/1.1: an idle keep-alive connection is closed after this. */
  keepAliveMs: number;
  /** HTTP/2 (gRPC): the server pings each connection this long after it opened and after each answered ping (busy or not). */
  http2KeepaliveMs: number;
  /** HTTP/2 (gRPC): a ping not acknowledged within this closes the connection. */
  http2KeepaliveTimeoutMs: number;
}

/** Default {@link ConnectionLimits}: 10 s for the first bytes and the headers, 120 s per request, 30 s keep-alive; a gRPC ping every 20 s, answered within 10 s. */
export const DEFAULT_CONNECTION_LIMITS: Readonly<ConnectionLimits> = {
  firstBytesMs: 10_000,
  headersMs: 10_000,
  requestMs: 120_000,
  keepAliveMs: 30_000,
  http2KeepaliveMs: 20_000,
  http2KeepaliveTimeoutMs: 10_000,
};

const httpServerOptions = (l: ConnectionLimits) => ({
  headersTimeout: l.headersMs,
  requestTimeout: l.requestMs,
  keepAliveTimeout: l.keepAliveMs,
  connectionsCheckingInterval: Math.min(1000, l.headersMs),
});

const listen = (server: NetServer | HttpServer, host: string, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });

/**
 * Starts the in-memory Milvus reference server. One port serves gRPC
 * (`milvus.proto.milvus.MilvusService`, and the 1.x `milvus.grpc.MilvusService` beside it) and the
 * RESTful v2 API, as Milvus 2.4+: the first bytes of each connection decide (the HTTP/2 preface
 * goes to gRPC, anything else to HTTP/1.1 REST). gRPC is served on `node:http2` with the
 * protobuf-es codecs (unary calls only; `grpc-timeout` deadlines, gzip/deflate request messages,
 * {@link GRPC_MAX_MESSAGE_BYTES}, keepalive PINGs per `connectionLimits`), as the grpc-js server it
 * replaced answered (decisions/0008); handler errors are trailers-only responses.
 * Optionally the legacy `/api/v1` HTTP API listens on a second port. Any official SDK (pymilvus,
 * Go, Java, Node) or cURL can talk to it as to a Milvus 2.5 standalone.
 *
 * With `tls`, both ports speak TLS only (as Milvus with `tlsMode` 1 or 2): on the one port TLS is
 * terminated first and the decrypted first bytes route the connection as above; ALPN answers
 * `http/1.1` to clients that offer it, else `h2`. A failed handshake (e.g. no client certificate
 * under mutual TLS) closes the connection.
 *
 * @throws Error when a port cannot be bound (e.g. EADDRINUSE).
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? createLogger(options.logLevel ?? 'warn');
  // The REST request log line is built only when it can be printed (debug level) or a caller's logger decides.
  const requestLog = options.logger !== undefined || options.logLevel === 'debug' ? logger : undefined;
  const auth = options.auth ? { auth: options.auth } : {};

  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.connectionLimits };
  const decoder = (options.decodeWorker ?? DECODE_WORKER_AVAILABLE) ? new DecodeWorker() : undefined;
  const indexer = (options.indexWorker ?? INDEX_WORKER_AVAILABLE) ? new IndexWorker() : undefined;
  const engine =
    options.engine ?? new Engine({ ...options, ...(options.importDir !== undefined ? { importSource: importDirSource(options.importDir) } : {}), ...(decoder ? { prepareFilter: decoder.filterPreparer() } : {}), ...(indexer ? { buildHnsw: indexer.build } : {}) });
  // The RBAC store starts with the `--auth` users; without authentication, with Milvus's default `root` / `Milvus`.
  engine.rbac.seedUsers(options.auth?.users ?? { root: 'Milvus' });
  // The v2 service and, beside it, the Milvus 1.x protocol (pymilvus 1.x): calls are routed by path
  // (/milvus.proto.milvus.MilvusService/… and /milvus.grpc.MilvusService/…). The 1.x front and its
  // descriptors are imported by the first 1.x call.
  const grpc = createGrpcServer(unaryRoutes(MilvusService, grpcFront(engine, logger, { ...auth, ...(decoder ? { decodeWrite: decoder.writeDecoder() } : {}) }), decoder ? RAW_WRITES : undefined), {
    maxMessageBytes: GRPC_MAX_MESSAGE_BYTES,
    keepaliveMs: limits.http2KeepaliveMs,
    keepaliveTimeoutMs: limits.http2KeepaliveTimeoutMs,
    deferred: [
      {
        prefix: `/${V1_SERVICE}/`,
        load: async () => {
          const [{ grpcV1Front }, { MilvusService: MilvusV1Service }] = await Promise.all([import('./grpc-v1/front.js'), import('@mvkit/proto/v1')]);
          if (MilvusV1Service.typeName !== V1_SERVICE) throw new Error(`the 1.x service is ${MilvusV1Service.typeName}, not ${V1_SERVICE}`);
          return unaryRoutes(MilvusV1Service, grpcV1Front(engine, logger, auth));
        },
      },
    ],
  });
  // The REST handler's modules (its routes, the legacy API's) are imported on the first request
  // that needs them: a start evaluates only what gRPC calls need.
  const restHandler = onFirstRequest(async () => (await import('./rest/handler.js')).createRestHandler(engine, { ...auth, ...(decoder ? { bodyReader: await decoder.bodyReader() } : {}) }));
  const rest = createHttpServer(httpServerOptions(limits), restListener(options.resetRoute ? withResetRoute(restHandler, engine, auth) : restHandler, { ...(requestLog ? { logger: requestLog } : {}) }));
  // node:http enforces headersTimeout and requestTimeout from a timer it starts on 'listening';
  // this server never listens itself (the one-port front hands it connections), so start it here.
  rest.emit('listening');

  const sockets = new Set<Socket>();
  // noDelay (set on every accepted socket): without it every unary call waits for Nagle + delayed ACK (~40 ms).
  const route = (socket: Socket) => dispatch(socket, limits.firstBytesMs, (http2) => (http2 ? grpc.connection(socket) : rest.emit('connection', socket)));
  // With TLS, a tls.Server that never listens terminates TLS on each accepted socket (handshake
  // within firstBytesMs) and hands on the decrypted one, which its first bytes then route.
  const tlsFront = options.tls
    ? createTlsServer({ ...tlsContextOptions(options.tls), ALPNCallback: chooseAlpn, handshakeTimeout: limits.firstBytesMs }, (secure) => {
        secure.on('error', () => secure.destroy());
        route(secure);
      }).on('tlsClientError', (e) => logger.debug(`TLS handshake failed: ${e.message}`))
    : undefined;
  const front = createNetServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (tlsFront) tlsFront.emit('connection', socket);
    else route(socket);
  });
  const port = await listen(front, host, options.port ?? 19530);
  if (!options.auth && !isLoopback(host)) {
    logger.warn(`listening on ${host} without authentication: any client that reaches this address can read and change all data (start with --auth user:password)`);
  }
  const bracket = host.includes(':') ? `[${host}]` : host;
  const scheme = options.tls ? 'https' : 'http';

  let legacy: HttpServer | undefined;
  let legacyPort: number | undefined;
  if (options.legacyHttpPort !== undefined) {
    legacy = httpServer(options.tls, httpServerOptions(limits), restListener(onFirstRequest(async () => (await import('./rest/legacy.js')).createLegacyHandler(engine, { logger, ...auth })), { ...(requestLog ? { logger: requestLog } : {}) }));
    legacyPort = await listen(legacy, host, options.legacyHttpPort);
  }

  let closing: Promise<void> | undefined;
  return {
    address: `${bracket}:${port}`,
    host,
    port,
    restUrl: `${scheme}://${bracket}:${port}`,
    legacyUrl: legacyPort === undefined ? undefined : `${scheme}://${bracket}:${legacyPort}`,
    engine,
    close() {
      closing ??= (async () => {
        front.close();
        rest.close();
        legacy?.close();
        legacy?.closeAllConnections();
        rest.closeAllConnections();
        await grpc.close(2000);
        for (const s of sockets) s.destroy();
        if (!options.engine) engine.close();
        await decoder?.close();
        await indexer?.close();
      })();
      return closing;
    },
  };
}

/** The Milvus 1.x service (`@mvkit/proto/v1`'s `MilvusService`), named here so that routing its calls needs none of its modules. */
const V1_SERVICE = 'milvus.grpc.MilvusService';

/**
 * A handler that `make`s the real one on its first request (once; every request awaits the same
 * one). A `make` that fails (its modules cannot be loaded) fails every request: the REST listener
 * answers HTTP 500 with Milvus's Unexpected code and the error's message, as a failed deferred
 * gRPC group answers INTERNAL.
 */
function onFirstRequest(make: () => Promise<RestHandler>): RestHandler {
  let handler: Promise<RestHandler> | undefined;
  return async (request) => (await (handler ??= make()))(request);
}

/** Node TLS options of {@link ServerTlsOptions}: the key pair and, with `ca`, required and verified client certificates. */
function tlsContextOptions(tls: ServerTlsOptions): TlsOptions {
  return {
    cert: Buffer.from(tls.cert),
    key: Buffer.from(tls.key),
    ...(tls.ca !== undefined ? { ca: Buffer.from(tls.ca), requestCert: true, rejectUnauthorized: true } : {}),
  };
}

/**
 * ALPN of the one TLS port: `http/1.1` to a client that offers it (REST clients: cURL, browsers,
 * undici), else `h2` (gRPC clients offer `h2` alone, or with `grpc-exp`), so that a cURL that
 * also offers `h2` still reaches the HTTP/1.1 REST front. Anything else is refused.
 */
function chooseAlpn({ protocols }: { protocols: string[] }): string | undefined {
  return protocols.includes('http/1.1') ? 'http/1.1' : protocols.includes('h2') ? 'h2' : undefined;
}

/** An HTTP/1.1 server, over TLS when `tls` is set (node:https loaded then, not by an import: a start does not load it). */
function httpServer(tls: ServerTlsOptions | undefined, options: HttpServerOptions, listener: RequestListener): HttpServer {
  return tls ? process.getBuiltinModule('node:https').createServer({ ...options, ...tlsContextOptions(tls) }, listener) : createHttpServer(options, listener);
}

/** Whether a bind address only accepts connections from this machine (127.0.0.0/8, ::1, localhost). */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const HTTP2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

/**
 * Reads the first bytes of a connection, puts them back (`unshift`) and hands the socket to
 * `route`: `http2` true for the whole HTTP/2 preface, false for the start of anything else
 * (HTTP/1.1). Both servers read the unshifted bytes first (node:http2 feeds a socket's buffered
 * bytes to its session before reading the socket's handle). A connection that sends nothing
 * decisive within `timeoutMs` is closed.
 */
function dispatch(socket: Socket, timeoutMs: number, route: (http2: boolean) => void): void {
  let head = Buffer.alloc(0);
  const timer = setTimeout(() => socket.destroy(), timeoutMs);
  const onData = (chunk: Buffer) => {
    head = Buffer.concat([head, chunk]);
    const n = Math.min(head.length, HTTP2_PREFACE.length);
    const http2 = head.subarray(0, n).equals(HTTP2_PREFACE.subarray(0, n));
    if (http2 ? head.length < HTTP2_PREFACE.length : head.length < 3) return;
    clearTimeout(timer);
    socket.off('data', onData);
    socket.pause();
    socket.unshift(head);
    route(http2);
    // The HTTP/2 session reads the socket's handle itself; node:http reads the socket as a stream.
    if (!http2) socket.resume();
  };
  socket.on('data', onData);
  socket.once('close', () => clearTimeout(timer));
}
