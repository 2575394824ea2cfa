import { Merr, MilvusAbortError, MilvusConnectionError, MilvusError, MilvusTimeoutError } from '@mvkit/core';
import { status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';

/**
 * Maps a gRPC-level failure (not a Milvus status) onto a {@link MilvusError}: UNAVAILABLE →
 * {@link MilvusConnectionError} (2 `service unavailable`, retriable), DEADLINE_EXCEEDED →
 * {@link MilvusTimeoutError} (10001), CANCELLED → {@link MilvusAbortError} (10000),
 * UNIMPLEMENTED → 10, UNAUTHENTICATED → 1400, anything else → 65535; `transportStatus` keeps the
 * gRPC code and `reason` the gRPC details.
 */
export function fromGrpcError(error: unknown): MilvusError {
  if (MilvusError.is(error)) return error;
  const e = error as Partial<ServiceError> & Error;
  const details = e.details || e.message || String(error);
  const options = { origin: 'grpc' as const, ...(e.code !== undefined ? { transportStatus: e.code } : {}), cause: error };
  switch (e.code) {
    case GrpcStatus.UNAVAILABLE:
      return new MilvusConnectionError(`${Merr.ServiceUnavailable.message}: ${details}`, options);
    case GrpcStatus.DEADLINE_EXCEEDED:
      return new MilvusTimeoutError(`${Merr.Timeout.message}: ${details}`, options);
    case GrpcStatus.CANCELLED:
      return new MilvusAbortError(`${Merr.Canceled.message}: ${details}`, options);
    default: {
      const entry = e.code === GrpcStatus.UNIMPLEMENTED ? Merr.ServiceUnimplemented : e.code === GrpcStatus.UNAUTHENTICATED ? Merr.PrivilegeNotAuthenticated : Merr.Unexpected;
      return MilvusError.of(entry, `${entry.message}: ${details}`, options);
    }
  }
}
