import { GrpcCode } from './grpc-status.js';
import type { CallMetadata } from './metadata.js';
import { GrpcStatusError } from './adapter.js';
import type { Rbac } from '../engine/index.js';

/**
 * Checks the `authorization` metadata (base64 of `user:password`) against the engine's users, as
 * Milvus's proxy authentication interceptor does when authorization is enabled.
 * @returns the authenticated user name.
 * @throws GrpcStatusError UNAUTHENTICATED `missing authorization in header` or
 *   `auth check failure, please check username and password are correct`.
 */
export async function authenticate(rbac: Rbac, metadata: CallMetadata): Promise<string> {
  const header = metadata.get('authorization')[0];
  if (header === undefined || header === '') throw new GrpcStatusError(GrpcCode.UNAUTHENTICATED, 'missing authorization in header');
  const decoded = Buffer.from(String(header), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? undefined : decoded.slice(colon + 1);
  if (!(await rbac.authenticate(user, password))) {
    throw new GrpcStatusError(GrpcCode.UNAUTHENTICATED, 'auth check failure, please check username and password are correct');
  }
  return user;
}
