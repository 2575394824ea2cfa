import { GrpcCode } from './grpc-status.js';
import type { CallMetadata } from './metadata.js';
import { BinaryReader } from '@bufbuild/protobuf/wire';
import { MilvusService } from '@mvkit/proto';
import { GrpcStatusError, type MilvusServiceHandlers } from './adapter.js';
import { DEFAULT_DATABASE, PermissionDeniedError, type Engine } from '../engine/index.js';
import type { Logger } from '../logger.js';
import type { AuthOptions } from '../engine/index.js';
import { authenticate } from './auth.js';
import { milvusHandlers } from './handlers.js';
import { statusOf } from './status.js';
import type { WriteDecoder } from './write-request.js';

type AnyHandler = (request: never, metadata: CallMetadata, signal: AbortSignal) => Promise<object>;

/** Options of {@link grpcFront}. */
export interface GrpcFrontOptions {
  /** Require credentials on every call (gRPC UNAUTHENTICATED otherwise, as Milvus). */
  auth?: AuthOptions;
  /** Decodes Insert and Upsert requests routed as raw bytes (see `unaryRoutes`). */
  decodeWrite?: WriteDecoder;
}

/** The `collection_name` (field 3) of Insert/Upsert bytes that the server decodes later in a worker, read without decoding the rows. */
function rawCollectionName(bytes: Uint8Array): string {
  try {
    const reader = new BinaryReader(bytes);
    while (reader.pos < reader.len) {
      const [field, wireType] = reader.tag();
      if (field === 3) return reader.string();
      reader.skip(wireType);
    }
  } catch {
    // malformed bytes: the handler's decode answers them
  }
  return '';
}

/**
 * The complete gRPC front for `engine`: every served RPC wrapped so that a thrown error becomes
 * the response's `common.Status` (as Milvus answers business errors: gRPC OK with a non-zero
 * status) and a success carries an explicit all-zero status (SDKs read `status` unconditionally).
 * With `auth` (whose users seed the engine's RBAC store), every call must
 * carry valid credentials (gRPC UNAUTHENTICATED otherwise, as Milvus) and pass the RPC's privilege
 * check in the `dbname` header's database (gRPC PERMISSION_DENIED otherwise, see `Rbac.authorize`);
 * a handler's {@link GrpcStatusError} (e.g. undecodable raw bytes) answers with that gRPC status.
 */
export function grpcFront(engine: Engine, logger: Logger, options: GrpcFrontOptions = {}): Partial<MilvusServiceHandlers> {
  const { auth, decodeWrite } = options;
  if (auth) engine.rbac.seedUsers(auth.users);
  const handlers = milvusHandlers(engine, decodeWrite) as Record<string, AnyHandler>;
  const wrapped: Record<string, AnyHandler> = {};
  for (const method of MilvusService.methods) {
    const handler = handlers[method.localName];
    if (!handler) continue;
    const returnsStatus = method.output.typeName === 'milvus.proto.common.Status';
    wrapped[method.localName] = async (request, metadata, signal) => {
      if (auth) {
        const user = await authenticate(engine.rbac, metadata);
        const dbName = String(metadata.get('dbname')[0] ?? '') || DEFAULT_DATABASE;
        const raw = request as unknown;
        const target = raw instanceof Uint8Array ? { collectionName: rawCollectionName(raw) } : (request as object);
        try {
          engine.rbac.authorize(method.name, target, { user, dbName });
        } catch (error) {
          if (error instanceof PermissionDeniedError) throw new GrpcStatusError(GrpcCode.PERMISSION_DENIED, error.message);
          throw error;
        }
      }
      try {
        const result = await handler(request, metadata, signal);
        logger.debug(`${method.name} ok`);
        return returnsStatus ? result : { status: {}, ...result };
      } catch (error) {
        if (error instanceof GrpcStatusError) throw error;
        const status = statusOf(error, engine.profile.statusCode);
        logger.debug(`${method.name} failed: ${status.code} ${status.reason}`);
        return returnsStatus ? status : { status };
      }
    };
  }
  return wrapped as Partial<MilvusServiceHandlers>;
}
