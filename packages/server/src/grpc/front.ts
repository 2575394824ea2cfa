import type { Metadata } from '@grpc/grpc-js';
import { GrpcStatusError, MilvusService, type MilvusServiceHandlers } from '@mvkit/proto';
import type { Engine } from '../engine/index.js';
import type { Logger } from '../logger.js';
import type { AuthOptions } from '../engine/index.js';
import { authenticate } from './auth.js';
import { milvusHandlers } from './handlers.js';
import { statusOf } from './status.js';
import type { WriteDecoder } from './write-request.js';

type AnyHandler = (request: never, metadata: Metadata, signal: AbortSignal) => Promise<object>;

/** Options of {@link grpcFront}. */
export interface GrpcFrontOptions {
  /** Require credentials on every call (gRPC UNAUTHENTICATED otherwise, as Milvus). */
  auth?: AuthOptions;
  /** Decodes Insert and Upsert requests registered as raw bytes (see `toGrpcServiceDefinition`). */
  decodeWrite?: WriteDecoder;
}

/**
 * The complete gRPC front for `engine`: every served RPC wrapped so that a thrown error becomes
 * the response's `common.Status` (as Milvus answers business errors: gRPC OK with a non-zero
 * status) and a success carries an explicit all-zero status (SDKs read `status` unconditionally).
 * With `auth`, every call must carry valid credentials (gRPC UNAUTHENTICATED otherwise, as Milvus);
 * a handler's {@link GrpcStatusError} (e.g. undecodable raw bytes) answers with that gRPC status.
 */
export function grpcFront(engine: Engine, logger: Logger, options: GrpcFrontOptions = {}): Partial<MilvusServiceHandlers> {
  const { auth, decodeWrite } = options;
  const handlers = milvusHandlers(engine, decodeWrite) as Record<string, AnyHandler>;
  const wrapped: Record<string, AnyHandler> = {};
  for (const method of MilvusService.methods) {
    const handler = handlers[method.localName];
    if (!handler) continue;
    const returnsStatus = method.output.typeName === 'milvus.proto.common.Status';
    wrapped[method.localName] = async (request, metadata, signal) => {
      if (auth) authenticate(auth, metadata);
      try {
        const result = await handler(request, metadata, signal);
        logger.debug(`${method.name} ok`);
        return returnsStatus ? result : { status: {}, ...result };
      } catch (error) {
        if (error instanceof GrpcStatusError) throw error;
        const status = statusOf(error);
        logger.debug(`${method.name} failed: ${status.code} ${status.reason}`);
        return returnsStatus ? status : { status };
      }
    };
  }
  return wrapped as Partial<MilvusServiceHandlers>;
}
