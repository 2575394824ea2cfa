/**
 * The RBAC operations on the gRPC wire: requests in proto JSON (passwords base64-encoded, as every
 * official SDK sends them); results are the responses' proto JSON, which already has the official
 * SDK's shapes.
 *
 * @packageDocumentation
 */
import type { OperateRolePrivilegeRequest, PrivilegeGroupPrivilegesRequest, PrivilegeV2Request } from '@mvkit/core';

/** A password as CreateCredential / UpdateCredential carry it: base64 of its UTF-8 bytes. */
export const wirePassword = (password: string): string => Buffer.from(password, 'utf8').toString('base64');

/** OperatePrivilegeRequest of a v1 grant (`Grant`) or revoke. */
export function operatePrivilegeRequest(req: OperateRolePrivilegeRequest, type: 'Grant' | 'Revoke'): Record<string, unknown> {
  return {
    entity: {
      role: { name: req.roleName },
      object: { name: req.object },
      object_name: req.objectName,
      db_name: req.db_name ?? '',
      grantor: { privilege: { name: req.privilegeName } },
    },
    type,
  };
}

/** OperatePrivilegeV2Request of a grant or revoke. */
export function operatePrivilegeV2Request(req: PrivilegeV2Request, type: 'Grant' | 'Revoke'): Record<string, unknown> {
  return { role: { name: req.role }, grantor: { privilege: { name: req.privilege } }, type, db_name: req.db_name, collection_name: req.collection_name };
}

/** OperatePrivilegeGroupRequest adding or removing privileges. */
export function operatePrivilegeGroupRequest(req: PrivilegeGroupPrivilegesRequest, type: 'AddPrivilegesToGroup' | 'RemovePrivilegesFromGroup'): Record<string, unknown> {
  return { group_name: req.group_name, privileges: req.privileges.map((name) => ({ name })), type };
}
