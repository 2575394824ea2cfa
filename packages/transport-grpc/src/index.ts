/**
 * `@mvkit/transport-grpc`: the gRPC {@link GrpcTransport} for `@mvkit/client`.
 *
 * @packageDocumentation
 * @module @mvkit/transport-grpc
 */
export { GrpcTransport, SDK_TYPE, SDK_VERSION } from './transport.js';
export { fromGrpcError } from './errors.js';
export { createGrpcStub, type GrpcStub, type UnaryCallOptions } from './grpc-stub.js';
export { RPC_MAPPINGS, type RpcMapping, type MilvusMethod } from './operations.js';
