import { Merr, MilvusError } from '@mvkit/core';
import { status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';

/**
 * Maps a gRPC-level failure (not a Milvus status) onto a {@link MilvusError}: UNAVAILABLE → 2
 * `service unavailable` (retriable), DEADLINE_EXCEEDED → 10001, CANCELLED → 10000,
 * UNIMPLEMENTED → 10, UNAUTHENTICATED → 1400, anything else → 65535; `transportStatus` keeps the
 * gRPC code and `reason` the gRPC details.
 */
export function fromGrpcError(error: unknown): MilvusError {
  if (MilvusError.is(error)) return error;
  const e = error as Partial<ServiceError> & Error;
  const details = e.details || e.message || String(error);
  const entry =
    e.code === GrpcStatus.UNAVAILABLE
      ? Merr.ServiceUnavailable
      : e.code === GrpcStatus.DEADLINE_EXCEEDED
        ? Merr.Timeout
        : e.code === GrpcStatus.CANCELLED
          ? Merr.Canceled
          : e.code === GrpcStatus.UNIMPLEMENTED
            ? Merr.ServiceUnimplemented
            : e.code === GrpcStatus.UNAUTHENTICATED
              ? Merr.PrivilegeNotAuthenticated
              : Merr.Unexpected;
  return MilvusError.of(entry, `${entry.message}: ${details}`, {
    origin: 'grpc',
    ...(e.code !== undefined ? { transportStatus: e.code } : {}),
    cause: error,
  });
}
