/**
 * The Milvus 1.x gRPC front (`milvus.grpc.MilvusService`), served on the same gRPC server as the
 * v2 service: every RPC of the 1.x vector API translated onto the one engine (see
 * `collection.ts` for how a 1.x collection lives there).
 *
 * @packageDocumentation
 */
import type { CallMetadata } from '../grpc/metadata.js';
import { ErrorCode, MilvusService } from '@mvkit/proto/v1';
import type { MilvusV1ServiceHandlers } from '../grpc/adapter.js';
import { DEFAULT_DATABASE, type AuthOptions, type Engine } from '../engine/index.js';
import type { Logger } from '../logger.js';
import { authenticate } from '../grpc/auth.js';
import { cmdHandler } from './cmd.js';
import { collectionHandlers } from './collection-handlers.js';
import { dataHandlers } from './data-handlers.js';
import { indexHandlers } from './index-handlers.js';
import { searchHandlers } from './search-handlers.js';
import { V1Error, v1StatusOf } from './status.js';

type AnyHandler = (request: never, metadata: CallMetadata, signal: AbortSignal) => Promise<object>;

/** Options of {@link grpcV1Front}. */
export interface GrpcV1FrontOptions {
  /** Require credentials on every call, as the v2 front (see below). */
  auth?: AuthOptions;
}

/**
 * The 2.x RPC whose privilege a 1.x RPC needs (Milvus RBAC has no 1.x API; these are the
 * privileges of the 2.x calls doing the same).
 */
const PRIVILEGE_OF: Readonly<Record<string, string>> = {
  CreateCollection: 'CreateCollection', HasCollection: 'HasCollection', DescribeCollection: 'DescribeCollection',
  CountCollection: 'GetCollectionStatistics', ShowCollections: 'ShowCollections', ShowCollectionInfo: 'GetCollectionStatistics',
  DropCollection: 'DropCollection', CreateIndex: 'CreateIndex', DescribeIndex: 'DescribeIndex', DropIndex: 'DropIndex',
  CreatePartition: 'CreatePartition', HasPartition: 'HasPartition', ShowPartitions: 'ShowPartitions', DropPartition: 'DropPartition',
  Insert: 'Insert', GetVectorsByID: 'Query', GetVectorIDs: 'Query', Search: 'Search', SearchByID: 'Search', SearchInFiles: 'Search',
  DeleteByID: 'Delete', PreloadCollection: 'LoadCollection', ReleaseCollection: 'ReleaseCollection', ReloadSegments: 'LoadCollection',
  Flush: 'Flush', Compact: 'ManualCompaction',
};

/** The collection names a 1.x request addresses (for the privilege check). */
function targetsOf(request: Record<string, unknown>): string[] {
  if (Array.isArray(request.collectionNameArray)) return request.collectionNameArray as string[];
  const param = request.searchParam as { collectionName?: string } | undefined;
  return [String(request.collectionName ?? param?.collectionName ?? '')];
}

/**
 * The complete 1.x gRPC front for `engine`: each handler's success gets an all-zero 1.x status
 * (`Status` responses are the status), a thrown error becomes the response's `milvus.grpc.Status`
 * (see {@link v1StatusOf}); nothing is a gRPC error.
 *
 * With `auth`, a call must carry valid credentials in the `authorization` metadata, as on the v2
 * service, and hold the privilege of the matching 2.x RPC in the default database. The 1.x
 * protocol has no authentication (pymilvus 1.x sends no credentials), so such a call is refused
 * with a 1.x status PERMISSION_DENIED carrying the v2 front's reason, never let through.
 */
export function grpcV1Front(engine: Engine, logger: Logger, options: GrpcV1FrontOptions = {}): Partial<MilvusV1ServiceHandlers> {
  const { auth } = options;
  const handlers = { ...cmdHandler(), ...collectionHandlers(engine), ...dataHandlers(engine), ...indexHandlers(engine), ...searchHandlers(engine) } as Record<string, AnyHandler>;
  const wrapped: Record<string, AnyHandler> = {};
  for (const method of MilvusService.methods) {
    const handler = handlers[method.localName];
    if (!handler) continue;
    const returnsStatus = method.output.typeName === 'milvus.grpc.Status';
    wrapped[method.localName] = async (request, metadata, signal) => {
      try {
        if (auth) {
          let user: string;
          try {
            user = await authenticate(engine.rbac, metadata);
          } catch (error) {
            throw new V1Error(ErrorCode.PERMISSION_DENIED, error instanceof Error ? error.message : String(error));
          }
          const privilege = PRIVILEGE_OF[method.name];
          if (privilege) {
            for (const collectionName of targetsOf(request as Record<string, unknown>)) {
              try {
                engine.rbac.authorize(privilege, { collectionName }, { user, dbName: DEFAULT_DATABASE });
              } catch (error) {
                throw new V1Error(ErrorCode.PERMISSION_DENIED, error instanceof Error ? error.message : String(error));
              }
            }
          }
        }
        const result = await handler(request, metadata, signal);
        logger.debug(`1.x ${method.name} ok`);
        return returnsStatus ? result : { status: { errorCode: ErrorCode.SUCCESS, reason: '' }, ...result };
      } catch (error) {
        const status = v1StatusOf(error);
        logger.debug(`1.x ${method.name} failed: ${status.errorCode} ${status.reason}`);
        return returnsStatus ? status : { status };
      }
    };
  }
  return wrapped as Partial<MilvusV1ServiceHandlers>;
}
