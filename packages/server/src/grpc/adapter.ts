/**
 * The reference server's adapter between protobuf-es service descriptors and its gRPC server
 * (`http2-server.ts`): typed handlers and the routes they are served on. No runtime `.proto`
 * loading and no lookup by name strings: everything is derived from the generated descriptors, so
 * it survives bundling and minification.
 *
 * @packageDocumentation
 */
import { fromBinary, type DescMessage, type MessageInitShape, type MessageShape } from '@bufbuild/protobuf';
import type { GenService, GenServiceMethods } from '@bufbuild/protobuf/codegenv2';
import { encodeMessage, methodPath, type MilvusService } from '@mvkit/proto';
import type { MilvusService as MilvusV1Service } from '@mvkit/proto/v1';
import type { CallMetadata } from './metadata.js';

/**
 * An error a server handler throws to answer with a specific gRPC status (for example
 * UNAUTHENTICATED) instead of INTERNAL.
 */
export class GrpcStatusError extends Error {
  /**
   * @param code - gRPC status code (`GrpcCode` of `grpc-status.ts`).
   * @param details - the status details sent to the client.
   */
  constructor(
    readonly code: number,
    details: string,
  ) {
    super(details);
    this.name = 'GrpcStatusError';
  }
}

/**
 * A server-side unary handler: the decoded request, the call metadata and a signal that aborts
 * when the call is cancelled (the client went away or its deadline passed) in; the response as a
 * message or a plain init object (`{ status: {}, value: true }`) out.
 */
export type UnaryHandler<I extends DescMessage, O extends DescMessage> = (
  request: MessageShape<I>,
  metadata: CallMetadata,
  signal: AbortSignal,
) => Promise<MessageShape<O> | MessageInitShape<O>>;

/**
 * Handlers for every method of a service, keyed by the protobuf-es local name of the method
 * (`createPartition` for `rpc CreatePartition`).
 */
export type ServiceHandlers<S extends GenServiceMethods> = {
  [K in keyof S]: S[K] extends { input: infer I extends DescMessage; output: infer O extends DescMessage } ? UnaryHandler<I, O> : never;
};

/**
 * Server-side handlers for `milvus.proto.milvus.MilvusService`, keyed by local name
 * (`connect`, `createPartition`, `showPartitions`, …). Pass a `Partial<MilvusServiceHandlers>`
 * to {@link unaryRoutes}.
 */
export type MilvusServiceHandlers = ServiceHandlers<(typeof MilvusService)['method']>;

/**
 * Server-side handlers for `milvus.grpc.MilvusService` (Milvus 1.x), keyed by local name
 * (`cmd`, `createCollection`, `search`, …). Pass a `Partial<MilvusV1ServiceHandlers>` to
 * {@link unaryRoutes}.
 */
export type MilvusV1ServiceHandlers = ServiceHandlers<(typeof MilvusV1Service)['method']>;

/**
 * One served unary RPC: its path, its request decoder and response encoder, and its handler.
 * The server answers a request that does not decode with gRPC INTERNAL
 * `Error deserializing request`, a response that does not encode with INTERNAL
 * `Error serializing response`.
 */
export interface UnaryRoute {
  /** `/package.Service/Method` ({@link methodPath}). */
  readonly path: string;
  /**
   * The request message of `bytes` (or the bytes themselves for a raw request).
   * @throws Error when the bytes are not a valid message.
   */
  decode(bytes: Uint8Array): unknown;
  /**
   * The wire bytes of a response (a message or an init object, {@link encodeMessage}).
   * @throws Error when the value does not fit the response message.
   */
  encode(response: unknown): Uint8Array;
  /** The typed handler. */
  readonly handle: (request: unknown, metadata: CallMetadata, signal: AbortSignal) => Promise<unknown>;
}

/**
 * The routes of the handled methods of `service`, for `createGrpcServer`. Methods without a
 * handler get no route, so the server answers them UNIMPLEMENTED at once, before reading the request.
 *
 * - A handler that throws (or rejects) a {@link GrpcStatusError} answers with that status; any
 *   other error answers gRPC INTERNAL with the error's message. The server keeps serving.
 * - Each handler gets a signal that aborts when the call ends without its answer (the client
 *   cancelled it, its deadline passed, or the connection dropped).
 *
 * @param rawRequests - local names of methods (e.g. `insert`) whose requests reach the handler as
 *   raw bytes (a `Uint8Array`), for a server that decodes them itself.
 * @throws Error if `handlers` has a key that is not a method of `service` (e.g. `CreatePartition`
 *   instead of `createPartition`), so a misspelt handler does not silently become UNIMPLEMENTED;
 *   or if the service has a streaming method (the Milvus API is unary only).
 */
export function unaryRoutes<S extends GenServiceMethods>(service: GenService<S>, handlers: Partial<ServiceHandlers<S>>, rawRequests: ReadonlySet<string> = new Set()): UnaryRoute[] {
  type Untyped = UnaryRoute['handle'];
  const byLocalName = new Map(service.methods.map((m) => [m.localName, m]));
  for (const method of service.methods) {
    if (method.methodKind !== 'unary') throw new Error(`${methodPath(method)} is ${method.methodKind}; only unary methods are supported`);
  }
  const routes: UnaryRoute[] = [];
  for (const [key, handle] of Object.entries(handlers as Record<string, Untyped | undefined>)) {
    const method = byLocalName.get(key);
    if (!method) throw new Error(`${service.typeName} has no method with local name "${key}"`);
    if (!handle) continue;
    const { input, output } = method;
    routes.push({
      path: methodPath(method),
      decode: rawRequests.has(key) ? (bytes) => bytes : (bytes) => fromBinary(input, bytes),
      encode: (response) => encodeMessage(output, response as MessageShape<DescMessage>),
      handle,
    });
  }
  return routes;
}
