/**
 * `@mvkit/server`: the in-memory, wire-compatible Milvus reference server — the engine and its
 * gRPC front.
 *
 * @packageDocumentation
 */
export * from './engine/index.js';
export { startServer, type RunningServer, type ServerOptions } from './server.js';
export type { AuthOptions } from './grpc/auth.js';
export { statusOf, type StatusInit } from './grpc/status.js';
export { createLogger, LOG_LEVELS, type LogLevel, type Logger } from './logger.js';
