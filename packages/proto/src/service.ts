/**
 * Runtime-neutral helpers over protobuf-es service descriptors, shared by the gRPC client
 * transport and the reference server (each keeps its own adapter to its gRPC runtime: grpc-js in
 * `@mvkit/transport-grpc` and `@mvkit/server`). No Node API and no gRPC library here.
 *
 * @packageDocumentation
 */
import { create, toBinary, type DescMessage, type DescMethod, type MessageInitShape, type MessageShape } from '@bufbuild/protobuf';

/**
 * The gRPC path of a method, `/<package>.<Service>/<Rpc>`, e.g.
 * `/milvus.proto.milvus.MilvusService/CreatePartition`.
 */
export function methodPath(method: DescMethod): string {
  return `/${method.parent.typeName}/${method.name}`;
}

/**
 * Encodes a full message or a plain init object of `schema` to protobuf bytes. protobuf-es
 * `toBinary` needs a real message (an init object fails on nested messages), so `create` comes
 * first; `create` returns an existing message of the same type unchanged.
 * @throws Error when a field value does not fit its type (e.g. a string in an int64 field).
 */
export function encodeMessage<D extends DescMessage>(schema: D, value: MessageShape<D> | MessageInitShape<D>): Uint8Array {
  return toBinary(schema, create(schema, value as MessageInitShape<D>));
}
