/**
 * `@mvkit/transport-grpc`'s build for browsers (the `browser` condition of its `exports`): gRPC
 * over HTTP/2 with trailers cannot be spoken from a browser, so {@link GrpcTransport} here refuses
 * every call. Bundlers that target browsers pick this file, so a program using the REST transport
 * bundles without grpc-js.
 *
 * @packageDocumentation
 * @module @mvkit/transport-grpc/browser
 */
import { MilvusError, type CallOptions, type OperationName, type OperationRequest, type OperationResult, type Transport } from '@mvkit/core';

const REFUSAL = "the gRPC transport needs Node.js (grpc-js); in a browser use MilvusClient({ transport: 'rest' })";

/** The gRPC transport in a browser: every call rejects with MilvusError 2 (not retriable). */
export class GrpcTransport implements Transport {
  readonly kind = 'grpc';

  /** @throws nothing; calls fail instead. */
  constructor(_options?: unknown) {}

  /** @throws MilvusError 2, always. */
  async connect(_options?: CallOptions): Promise<void> {
    throw new MilvusError(REFUSAL, { code: 2, origin: 'client' });
  }

  /** @throws MilvusError 2, always. */
  async call<K extends OperationName>(_op: K, _request: OperationRequest<K>, _options?: CallOptions): Promise<OperationResult<K>> {
    throw new MilvusError(REFUSAL, { code: 2, origin: 'client' });
  }

  /** Nothing to close. */
  async close(): Promise<void> {}
}
