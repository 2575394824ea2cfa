import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { MilvusService, toGrpcHandlers, toGrpcServiceDefinition } from '@mvkit/proto';
import { Engine, type EngineOptions } from './engine/index.js';
import type { AuthOptions } from './engine/index.js';
import { grpcFront } from './grpc/front.js';
import { createLogger, type LogLevel, type Logger } from './logger.js';
import { createLegacyHandler, createRestHandler, restListener } from './rest/index.js';

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
}

/** A running reference server. */
export interface RunningServer {
  /** `host:port` clients connect to, e.g. `127.0.0.1:19530`. */
  readonly address: string;
  readonly host: string;
  readonly port: number;
  /** `http://host:port` of the RESTful v2 API (the same port as gRPC). */
  readonly restUrl: string;
  /** `http://host:port` of the legacy HTTP API, when enabled. */
  readonly legacyUrl: string | undefined;
  /** The engine behind every front. */
  readonly engine: Engine;
  /** Stops accepting calls, lets running ones finish (up to 2 s), then stops. Idempotent. */
  close(): Promise<void>;
}

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
 * (`milvus.proto.milvus.MilvusService`) and the RESTful v2 API, as Milvus 2.4+: the first bytes
 * of each connection decide (the HTTP/2 preface goes to gRPC, anything else to HTTP/1.1 REST).
 * Optionally the legacy `/api/v1` HTTP API listens on a second port. Any official SDK (pymilvus,
 * Go, Java, Node) or cURL can talk to it as to a Milvus 2.5 standalone.
 *
 * @throws Error when a port cannot be bound (e.g. EADDRINUSE).
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const engine = options.engine ?? new Engine(options);
  const logger = options.logger ?? createLogger(options.logLevel ?? 'warn');
  const auth = options.auth ? { auth: options.auth } : {};

  const grpc = new Server({ 'grpc.max_receive_message_length': -1, 'grpc.max_send_message_length': -1 });
  grpc.addService(toGrpcServiceDefinition(MilvusService), toGrpcHandlers(MilvusService, grpcFront(engine, logger, options.auth)));
  const injector = grpc.createConnectionInjector(ServerCredentials.createInsecure());
  const rest = createHttpServer(restListener(createRestHandler(engine, auth)));

  const sockets = new Set<Socket>();
  // noDelay: grpc-js cannot set TCP_NODELAY on a socket it gets through the injector (it sees the
  // PrefixedSocket wrapper), and without it every unary call waits for Nagle + delayed ACK (~40 ms).
  const front = createNetServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    dispatch(socket, (head) => (head.subarray(0, 3).toString('latin1') === 'PRI' ? injector.injectConnection(new PrefixedSocket(socket, head)) : rest.emit('connection', socket)));
  });
  const port = await listen(front, host, options.port ?? 19530);
  const bracket = host.includes(':') ? `[${host}]` : host;

  let legacy: HttpServer | undefined;
  let legacyPort: number | undefined;
  if (options.legacyHttpPort !== undefined) {
    legacy = createHttpServer(restListener(createLegacyHandler(grpcFront(engine, logger))));
    legacyPort = await listen(legacy, host, options.legacyHttpPort);
  }

  let closing: Promise<void> | undefined;
  return {
    address: `${bracket}:${port}`,
    host,
    port,
    restUrl: `http://${bracket}:${port}`,
    legacyUrl: legacyPort === undefined ? undefined : `http://${bracket}:${legacyPort}`,
    engine,
    close() {
      closing ??= (async () => {
        front.close();
        legacy?.close();
        legacy?.closeAllConnections();
        rest.closeAllConnections();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            grpc.forceShutdown();
            resolve();
          }, 2000);
          grpc.tryShutdown(() => {
            clearTimeout(timer);
            resolve();
          });
        });
        injector.destroy();
        for (const s of sockets) s.destroy();
      })();
      return closing;
    },
  };
}

/**
 * Reads the first bytes of a connection (at least 3: enough to tell the HTTP/2 preface `PRI`
 * from an HTTP/1.1 method) and hands them to `route`. HTTP/1.1 gets the socket back with the
 * bytes unshifted; HTTP/2 gets a {@link PrefixedSocket}, because Node's HTTP/2 reads the socket's
 * handle directly and would not see unshifted bytes.
 */
function dispatch(socket: Socket, route: (head: Buffer) => void): void {
  let head = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    head = Buffer.concat([head, chunk]);
    if (head.length < 3) return;
    socket.off('data', onData);
    socket.pause();
    socket.unshift(head);
    route(head);
    socket.resume();
  };
  socket.on('data', onData);
}

/** A socket whose first bytes were already read: replays them, then relays the socket both ways. */
class PrefixedSocket extends Duplex {
  readonly #socket: Socket;

  constructor(socket: Socket, head: Buffer) {
    super();
    this.#socket = socket;
    socket.removeAllListeners('data');
    socket.read(head.length);
    this.push(head);
    socket.on('data', (d: Buffer) => {
      if (!this.push(d)) socket.pause();
    });
    socket.on('end', () => this.push(null));
    socket.on('close', () => this.destroy());
    socket.on('error', (e) => this.destroy(e));
  }

  override _read(): void {
    this.#socket.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#socket.write(chunk, encoding, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.#socket.end(callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#socket.destroy(error ?? undefined);
    callback(error);
  }
}
