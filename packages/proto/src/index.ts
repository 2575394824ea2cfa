/**
 * `@mvkit/proto`: the Milvus v2 wire protocol subset mvkit speaks — protobuf-es codecs generated
 * from `proto/` (`milvus.proto.common`, `.schema`, `.msg`, `.milvus`) and the adapter to
 * @grpc/grpc-js.
 *
 * @packageDocumentation
 */
import type { ServiceHandlers } from './grpc.js';
import type { MilvusService } from './gen/milvus/proto/milvus_pb.js';

export * from './gen/milvus/proto/common_pb.js';
export * from './gen/milvus/proto/schema_pb.js';
export * from './gen/milvus/proto/msg_pb.js';
export * from './gen/milvus/proto/milvus_pb.js';
export * from './grpc.js';

/** Server-side handlers for `milvus.proto.milvus.MilvusService`, keyed by local name (`createPartition`, …). */
export type MilvusServiceHandlers = ServiceHandlers<(typeof MilvusService)['method']>;
