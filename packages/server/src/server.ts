import { Server, ServerCredentials } from '@grpc/grpc-js';
import { MilvusService, toGrpcHandlers, toGrpcServiceDefinition } from '@mvkit/proto';
import { Engine, type EngineOptions } from './engine/index.js';
import type { AuthOptions } from './grpc/auth.js';
import { grpcFront } from './grpc/front.js';
import { createLogger, type LogLevel, type Logger } from './logger.js';

/** Options of {@link startServer}. */
export interface ServerOptions extends EngineOptions {
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Port; default 19530 (Milvus's); 0 picks a free one. */
  port?: number;
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
  /** The engine behind every front. */
  readonly engine: Engine;
  /** Stops accepting calls, lets running ones finish (up to 2 s), then stops. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the in-memory Milvus reference server: `milvus.proto.milvus.MilvusService` over gRPC on
 * `host:port`. Any official SDK (pymilvus, Go, Java, Node) can connect to it as to a Milvus 2.5
 * standalone.
 *
 * @throws Error when the port cannot be bound (e.g. EADDRINUSE).
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const engine = options.engine ?? new Engine(options);
  const logger = options.logger ?? createLogger(options.logLevel ?? 'warn');
  const server = new Server({ 'grpc.max_receive_message_length': -1, 'grpc.max_send_message_length': -1 });
  server.addService(toGrpcServiceDefinition(MilvusService), toGrpcHandlers(MilvusService, grpcFront(engine, logger, options.auth)));
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host.includes(':') ? `[${host}]` : host}:${options.port ?? 19530}`, ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    );
  });
  let closing: Promise<void> | undefined;
  return {
    address: `${host.includes(':') ? `[${host}]` : host}:${port}`,
    host,
    port,
    engine,
    close() {
      closing ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 2000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      return closing;
    },
  };
}
