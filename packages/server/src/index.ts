/**
 * `@mvkit/server`: the in-memory, wire-compatible Milvus reference server — the engine, its gRPC
 * front, the RESTful v2 front (same port) and the legacy `/api/v1` HTTP API.
 *
 * @packageDocumentation
 * @module @mvkit/server
 */
export * from './engine/index.js';
export { DEFAULT_CONNECTION_LIMITS, GRPC_MAX_MESSAGE_BYTES, startServer, type ConnectionLimits, type RunningServer, type ServerOptions, type ServerTlsOptions } from './server.js';
export * from './rest/index.js';
export { statusOf, type StatusInit } from './grpc/status.js';
export { createLogger, LOG_LEVELS, type LogLevel, type Logger } from './logger.js';
export { DECODE_WORKER_AVAILABLE, DecodeWorker, type DecodeWorkerOptions } from './decode-worker.js';
export { INDEX_WORKER_AVAILABLE, IndexWorker } from './index-worker.js';
export type { WriteDecoder, WriteRequest } from './grpc/write-request.js';
export { createTestServer, type TestServer } from './test-server.js';
export { resetTestServer, type ResetTestServerOptions } from './reset-test-server.js';
export { RESET_PATH } from './reset-path.js';
export { withResetRoute } from './rest/reset-route.js';
