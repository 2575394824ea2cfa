/**
 * Statuses of the Milvus 1.x protocol: the error a 1.x handler throws and its translation into
 * `milvus.grpc.Status`.
 *
 * @packageDocumentation
 */
import { MilvusError } from '@mvkit/core';
import { ErrorCode, type Status } from '@mvkit/proto/v1';
import type { MessageInitShape } from '@bufbuild/protobuf';
import type { StatusSchema } from '@mvkit/proto/v1';

/**
 * A 1.x business error: the `ErrorCode` Milvus 1.1's server maps its internal code to
 * (`GrpcRequestHandler`'s `ErrorMap`: e.g. SERVER_INVALID_COLLECTION_NAME → ILLEGAL_COLLECTION_NAME,
 * an unmapped code such as SERVER_UNSUPPORTED_ERROR → UNEXPECTED_ERROR) and the server's message.
 */
export class V1Error extends Error {
  /**
   * @param code - the 1.x `ErrorCode`.
   * @param reason - the message, as Milvus 1.1 words it.
   */
  constructor(
    readonly code: ErrorCode,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'V1Error';
  }
}

/**
 * 1.1's message for a collection that does not exist (`BaseRequest::CollectionNotExistMsg`),
 * answered with COLLECTION_NOT_EXISTS.
 */
export function collectionNotExist(name: string): V1Error {
  return new V1Error(
    ErrorCode.COLLECTION_NOT_EXISTS,
    `Collection ${name} does not exist. Use milvus.has_collection to verify whether the collection exists. You also can check whether the collection name exists.`,
  );
}

/**
 * The `milvus.grpc.Status` of a thrown error: a {@link V1Error} as it is; an engine
 * `MilvusError` (a rule the engine enforces for both protocols, e.g. a bad filter or a limit)
 * as UNEXPECTED_ERROR with the engine's reason (1.1 maps codes it does not know to
 * UNEXPECTED_ERROR); anything else as UNEXPECTED_ERROR with its message.
 */
export function v1StatusOf(error: unknown): MessageInitShape<typeof StatusSchema> & Pick<Status, 'errorCode' | 'reason'> {
  if (error instanceof V1Error) return { errorCode: error.code, reason: error.reason };
  if (MilvusError.is(error)) return { errorCode: ErrorCode.UNEXPECTED_ERROR, reason: error.reason };
  return { errorCode: ErrorCode.UNEXPECTED_ERROR, reason: error instanceof Error ? error.message : String(error) };
}
