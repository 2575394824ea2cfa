/**
 * The one adapter between protobuf-es service descriptors and @grpc/grpc-js, used by the gRPC
 * client transport and by the reference server.
 *
 * @packageDocumentation
 */
import { create, fromBinary, toBinary, type DescMessage, type DescMethod, type DescService, type MessageInitShape, type MessageShape } from '@bufbuild/protobuf';
import type { GenService, GenServiceMethods } from '@bufbuild/protobuf/codegenv2';
import {
  Client,
  Metadata,
  status as GrpcStatus,
  type ChannelCredentials,
  type ChannelOptions,
  type ServiceDefinition,
  type UntypedServiceImplementation,
  type sendUnaryData,
  type ServerUnaryCall,
} from '@grpc/grpc-js';

/** The gRPC path of a method: `/<package>.<Service>/<Rpc>`. */
export function methodPath(method: DescMethod): string {
  return `/${method.parent.typeName}/${method.name}`;
}

function serializer<D extends DescMessage>(schema: D): (value: MessageShape<D> | MessageInitShape<D>) => Buffer {
  // `create` accepts a full message or a plain init object; toBinary needs a real message.
  return (value) => Buffer.from(toBinary(schema, create(schema, value as MessageInitShape<D>)));
}

function deserializer<D extends DescMessage>(schema: D): (bytes: Buffer) => MessageShape<D> {
  return (bytes) => fromBinary(schema, bytes);
}

/**
 * Turns a protobuf-es service descriptor into a grpc-js `ServiceDefinition` keyed by RPC name
 * (e.g. `CreatePartition`), with binary codecs. Unary methods only (Milvus's API is unary).
 * Decoding garbage throws inside grpc-js, which answers the call with an error status.
 */
export function toGrpcServiceDefinition(service: DescService): ServiceDefinition {
  const def: Record<string, ServiceDefinition[string]> = {};
  for (const method of service.methods) {
    if (method.methodKind !== 'unary') continue;
    def[method.name] = {
      path: methodPath(method),
      requestStream: false,
      responseStream: false,
      requestSerialize: serializer(method.input),
      requestDeserialize: deserializer(method.input),
      responseSerialize: serializer(method.output),
      responseDeserialize: deserializer(method.output),
    };
  }
  return def as ServiceDefinition;
}

/**
 * An error a server handler throws to answer with a specific gRPC status (e.g. UNAUTHENTICATED)
 * instead of INTERNAL.
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

/** A server-side handler: decoded request and call metadata in, response message (or init object) out. */
export type UnaryHandler<I extends DescMessage, O extends DescMessage> = (
  request: MessageShape<I>,
  metadata: Metadata,
) => Promise<MessageShape<O> | MessageInitShape<O>>;

/** Handlers for the methods of a service, keyed by protobuf-es local name (e.g. `createPartition`). */
export type ServiceHandlers<S extends GenServiceMethods> = {
  [K in keyof S]: S[K] extends { input: infer I extends DescMessage; output: infer O extends DescMessage } ? UnaryHandler<I, O> : never;
};

/**
 * Wraps handlers as grpc-js unary implementations keyed like {@link toGrpcServiceDefinition}.
 * Methods without a handler are left out (grpc-js answers them UNIMPLEMENTED). A handler that
 * throws a {@link GrpcStatusError} answers with its status; any other error answers gRPC INTERNAL
 * with the error message. The server keeps serving either way.
 */
export function toGrpcHandlers<S extends GenServiceMethods>(service: GenService<S>, handlers: Partial<ServiceHandlers<S>>): UntypedServiceImplementation {
  const impl: UntypedServiceImplementation = {};
  for (const method of service.methods) {
    const handler = (handlers as Record<string, ((req: unknown, md: Metadata) => Promise<unknown>) | undefined>)[method.localName];
    if (!handler || method.methodKind !== 'unary') continue;
    impl[method.name] = (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
      handler(call.request, call.metadata).then(
        (response) => callback(null, response),
        (error: unknown) =>
          callback({
            code: error instanceof GrpcStatusError ? error.code : GrpcStatus.INTERNAL,
            details: error instanceof Error ? error.message : String(error),
          }),
      );
    };
  }
  return impl;
}

/** Options of one unary call through a {@link GrpcStub}. */
export interface UnaryCallOptions {
  metadata?: Metadata;
  /** Absolute deadline (ms since epoch). */
  deadline?: number;
  /** Cancels the call (`call.cancel()`); the promise then rejects with gRPC CANCELLED. */
  signal?: AbortSignal;
}

/** A typed unary caller over one grpc-js channel. */
export interface GrpcStub {
  /**
   * Calls `method` with `request` (a message or an init object).
   * @throws the grpc-js `ServiceError` for transport faults and non-OK gRPC statuses.
   */
  unary<I extends DescMessage, O extends DescMessage>(
    method: DescMethod & { input: I; output: O },
    request: MessageShape<I> | MessageInitShape<I>,
    options?: UnaryCallOptions,
  ): Promise<MessageShape<O>>;
  /** Closes the channel. */
  close(): void;
}

/**
 * Opens a grpc-js channel to `address` (`host:port`) and returns a typed unary caller. The channel
 * connects lazily on the first call.
 */
export function createGrpcStub(address: string, credentials: ChannelCredentials, options: ChannelOptions = {}): GrpcStub {
  const client = new Client(address, credentials, options);
  return {
    unary(method, request, callOptions = {}) {
      return new Promise((resolve, reject) => {
        if (callOptions.signal?.aborted) {
          reject(Object.assign(new Error('call cancelled before start'), { code: GrpcStatus.CANCELLED, details: 'call cancelled before start' }));
          return;
        }
        const call = client.makeUnaryRequest(
          methodPath(method),
          serializer(method.input),
          deserializer(method.output),
          request,
          callOptions.metadata ?? new Metadata(),
          callOptions.deadline !== undefined ? { deadline: callOptions.deadline } : {},
          (error, response) => {
            callOptions.signal?.removeEventListener('abort', onAbort);
            if (error) reject(error);
            else resolve(response!);
          },
        );
        const onAbort = () => call.cancel();
        callOptions.signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    close() {
      client.close();
    },
  };
}
