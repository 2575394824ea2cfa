/**
 * The reference server's adapter between protobuf-es service descriptors and `@grpc/grpc-js`:
 * service definitions, typed handlers and their grpc-js implementations. No runtime `.proto`
 * loading and no lookup by name strings: everything is derived from the generated descriptors, so
 * it survives bundling and minification.
 *
 * @packageDocumentation
 */
import { fromBinary, type DescMessage, type DescService, type MessageInitShape, type MessageShape } from '@bufbuild/protobuf';
import type { GenService, GenServiceMethods } from '@bufbuild/protobuf/codegenv2';
import {
  Metadata,
  status as GrpcStatus,
  type ServerUnaryCall,
  type ServiceDefinition,
  type UntypedServiceImplementation,
  type sendUnaryData,
} from '@grpc/grpc-js';
import { encodeMessage, methodPath, type MilvusService } from '@mvkit/proto';
import type { MilvusService as MilvusV1Service } from '@mvkit/proto/v1';

/** grpc-js serialiser for `schema` (a message or an init object; {@link encodeMessage}). */
function serializer<D extends DescMessage>(schema: D): (value: MessageShape<D> | MessageInitShape<D>) => Buffer {
  return (value) => {
    const bytes = encodeMessage(schema, value);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
}

/** Deserialiser for `schema`; `fromBinary` throws on malformed input, which grpc-js turns into a gRPC error. */
function deserializer<D extends DescMessage>(schema: D): (bytes: Buffer) => MessageShape<D> {
  return (bytes) => fromBinary(schema, bytes);
}

/**
 * Builds the `@grpc/grpc-js` `ServiceDefinition` of a protobuf-es service: one entry per RPC,
 * keyed by the RPC name as written in the proto (`CreatePartition`), with path
 * {@link methodPath} and binary codecs. Request and response serialisers accept a message or an
 * init object; deserialisers throw on malformed bytes (grpc-js answers such a call with gRPC
 * INTERNAL and keeps serving).
 *
 * Mirrors what `@grpc/proto-loader` + `loadPackageDefinition` produce, without loading `.proto`
 * files at run time.
 *
 * @param rawRequests - local names of methods (e.g. `insert`) whose requests reach the handler as
 *   raw bytes (a `Uint8Array`), for a server that decodes them itself.
 * @throws Error if the service has a streaming method (the Milvus API is unary only).
 */
export function toGrpcServiceDefinition(service: DescService, rawRequests: ReadonlySet<string> = new Set()): ServiceDefinition {
  const definition: Record<string, ServiceDefinition[string]> = {};
  for (const method of service.methods) {
    if (method.methodKind !== 'unary') throw new Error(`${methodPath(method)} is ${method.methodKind}; only unary methods are supported`);
    definition[method.name] = {
      path: methodPath(method),
      requestStream: false,
      responseStream: false,
      requestSerialize: serializer(method.input),
      requestDeserialize: rawRequests.has(method.localName) ? (bytes: Buffer) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : deserializer(method.input),
      responseSerialize: serializer(method.output),
      responseDeserialize: deserializer(method.output),
    };
  }
  return definition;
}

/**
 * An error a server handler throws to answer with a specific gRPC status (for example
 * UNAUTHENTICATED) instead of INTERNAL.
 */
export class GrpcStatusError extends Error {
  /**
   * @param code - gRPC status code (`@grpc/grpc-js` `status`).
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
  metadata: Metadata,
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
 * to {@link toGrpcHandlers}.
 */
export type MilvusServiceHandlers = ServiceHandlers<(typeof MilvusService)['method']>;

/**
 * Server-side handlers for `milvus.grpc.MilvusService` (Milvus 1.x), keyed by local name
 * (`cmd`, `createCollection`, `search`, …). Pass a `Partial<MilvusV1ServiceHandlers>` to
 * {@link toGrpcHandlers}.
 */
export type MilvusV1ServiceHandlers = ServiceHandlers<(typeof MilvusV1Service)['method']>;

/**
 * Turns typed handlers into grpc-js unary implementations keyed like
 * {@link toGrpcServiceDefinition} (by RPC name), ready for `server.addService(definition, impl)`.
 *
 * - Methods without a handler are left out; grpc-js answers them UNIMPLEMENTED. Registered with
 *   the full definition, such a method still has its request read and decoded first (malformed
 *   bytes then answer INTERNAL); register {@link servedDefinition} to answer UNIMPLEMENTED at once.
 * - A handler that throws (or rejects) a {@link GrpcStatusError} answers with that status; any
 *   other error answers gRPC INTERNAL with the error's message. The server keeps serving.
 * - A response that cannot be encoded answers INTERNAL (`Error serializing response`, from grpc-js).
 * - Each handler gets a signal that aborts when grpc-js reports the call cancelled (the client
 *   cancelled it, its deadline passed, or the connection dropped).
 *
 * @throws Error if `handlers` has a key that is not a method of `service` (e.g. `CreatePartition`
 *   instead of `createPartition`), so a misspelt handler does not silently become UNIMPLEMENTED.
 */
export function toGrpcHandlers<S extends GenServiceMethods>(service: GenService<S>, handlers: Partial<ServiceHandlers<S>>): UntypedServiceImplementation {
  type Untyped = (request: unknown, metadata: Metadata, signal: AbortSignal) => Promise<unknown>;
  const byLocalName = new Map(service.methods.map((m) => [m.localName, m]));
  const implementation: UntypedServiceImplementation = {};
  for (const [key, handler] of Object.entries(handlers as Record<string, Untyped | undefined>)) {
    const method = byLocalName.get(key);
    if (!method) throw new Error(`${service.typeName} has no method with local name "${key}"`);
    if (!handler) continue;
    implementation[method.name] = (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
      const cancel = new AbortController();
      call.once('cancelled', () => cancel.abort('the call was cancelled'));
      new Promise<unknown>((resolve) => resolve(handler(call.request, call.metadata, cancel.signal))).then(
        (response) => callback(null, response),
        (error: unknown) =>
          callback({
            code: error instanceof GrpcStatusError ? error.code : GrpcStatus.INTERNAL,
            details: error instanceof Error ? error.message : String(error),
          }),
      );
    };
  }
  return implementation;
}

/**
 * The entries of `definition` that `implementation` implements (e.g. the output of
 * {@link toGrpcHandlers}), for `server.addService(servedDefinition(definition, impl), impl)`.
 *
 * grpc-js answers a method that is in the definition but has no implementation only after it has
 * read and decoded the request: malformed bytes answer INTERNAL (`Error deserializing request`),
 * well-formed ones UNIMPLEMENTED. A path that is not registered at all answers UNIMPLEMENTED right
 * away, whatever the bytes, so a server that serves part of a service registers only that part.
 */
export function servedDefinition(definition: ServiceDefinition, implementation: UntypedServiceImplementation): ServiceDefinition {
  return Object.fromEntries(Object.entries(definition).filter(([name]) => implementation[name] !== undefined));
}
