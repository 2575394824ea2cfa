/**
 * The RBAC operations over RESTful v2 (`users/*`, `roles/*`, `privilege_groups/*`), returning the
 * gRPC transport's result shapes. Gaps of the REST API: `describeUser` tells an unknown user from
 * one without roles through `users/list` (`users/describe` answers `[]` for both), and lists an
 * unknown user with no roles when the caller may not list users; `listRoles` / `describeRole`
 * carry no users (`roles/list` names only).
 *
 * @packageDocumentation
 */
import type { OperationName } from '@mvkit/core';
import { OUTPUTS } from './gen/shapes.js';
import type { RestCallContext, RestMapping } from './operations.js';
import { result } from './result-shape.js';

const m = OUTPUTS;
type Grant = { objectType: string; objectName: string; privilege: string; dbName: string; grantor: string };
type RbacName =
  | 'createUser'
  | 'updateUser'
  | 'deleteUser'
  | 'listUsers'
  | 'describeUser'
  | 'createRole'
  | 'dropRole'
  | 'addUserToRole'
  | 'removeUserFromRole'
  | 'listRoles'
  | 'describeRole'
  | 'grantPrivilege'
  | 'revokePrivilege'
  | 'grantPrivilegeV2'
  | 'revokePrivilegeV2'
  | 'listGrants'
  | 'createPrivilegeGroup'
  | 'dropPrivilegeGroup'
  | 'listPrivilegeGroups'
  | 'addPrivilegesToGroup'
  | 'removePrivilegesFromGroup';

/** A `common.Status` success of an RPC that answers only a status. */
const done = async (ctx: RestCallContext, path: Parameters<RestCallContext['post']>[0], body: object) => {
  await ctx.post(path, body);
  return result(m.createRole, {}) as never;
};

async function roleList(ctx: RestCallContext, only?: string) {
  const { data } = await ctx.post<string[]>('/v2/vectordb/roles/list', {});
  const names = only === undefined ? data : data.filter((n) => n === only);
  return result(m.selectRole, { results: names.map((name) => ({ role: { name } })) }) as never;
}

/** The RBAC entries of the REST operation table. */
export const RBAC_MAPPINGS: { readonly [K in RbacName & OperationName]: RestMapping<K> } = {
  createUser: (ctx, r) => done(ctx, '/v2/vectordb/users/create', { userName: r.username, password: r.password }),
  updateUser: (ctx, r) => done(ctx, '/v2/vectordb/users/update_password', { userName: r.username, password: r.oldPassword, newPassword: r.newPassword }),
  deleteUser: (ctx, r) => done(ctx, '/v2/vectordb/users/drop', { userName: r.username }),
  async listUsers(ctx) {
    const { data } = await ctx.post<string[]>('/v2/vectordb/users/list', {});
    return result(m.listCredUsers, { usernames: data }) as never;
  },
  async describeUser(ctx, r) {
    const { data } = await ctx.post<string[]>('/v2/vectordb/users/describe', { userName: r.username });
    // `[]` is also the answer for an unknown user: `users/list` tells them apart when the caller may list users.
    const known = data.length > 0 || (await ctx.post<string[]>('/v2/vectordb/users/list', {}).then((l) => l.data.includes(r.username), () => true));
    return result(m.selectUser, { results: known ? [{ user: { name: r.username }, roles: data.map((name) => ({ name })) }] : [] }) as never;
  },
  createRole: (ctx, r) => done(ctx, '/v2/vectordb/roles/create', { roleName: r.roleName }),
  dropRole: (ctx, r) => done(ctx, '/v2/vectordb/roles/drop', { roleName: r.roleName }),
  addUserToRole: (ctx, r) => done(ctx, '/v2/vectordb/users/grant_role', { userName: r.username, roleName: r.roleName }),
  removeUserFromRole: (ctx, r) => done(ctx, '/v2/vectordb/users/revoke_role', { userName: r.username, roleName: r.roleName }),
  listRoles: (ctx) => roleList(ctx),
  describeRole: (ctx, r) => roleList(ctx, r.roleName),
  grantPrivilege: (ctx, r) =>
    done(ctx, '/v2/vectordb/roles/grant_privilege', { roleName: r.roleName, objectType: r.object, objectName: r.objectName, privilege: r.privilegeName, dbName: r.db_name || ctx.database }),
  revokePrivilege: (ctx, r) =>
    done(ctx, '/v2/vectordb/roles/revoke_privilege', { roleName: r.roleName, objectType: r.object, objectName: r.objectName, privilege: r.privilegeName, dbName: r.db_name || ctx.database }),
  grantPrivilegeV2: (ctx, r) => done(ctx, '/v2/vectordb/roles/grant_privilege_v2', { roleName: r.role, privilege: r.privilege, dbName: r.db_name, collectionName: r.collection_name }),
  revokePrivilegeV2: (ctx, r) => done(ctx, '/v2/vectordb/roles/revoke_privilege_v2', { roleName: r.role, privilege: r.privilege, dbName: r.db_name, collectionName: r.collection_name }),
  async listGrants(ctx, r) {
    const { data } = await ctx.post<Grant[]>('/v2/vectordb/roles/describe', { roleName: r.roleName, dbName: r.db_name || ctx.database });
    const entities = data.map((g) => ({
      role: { name: r.roleName },
      object: { name: g.objectType },
      objectName: g.objectName,
      dbName: g.dbName,
      grantor: { user: { name: g.grantor }, privilege: { name: g.privilege } },
    }));
    return result(m.selectGrant, { entities }) as never;
  },
  createPrivilegeGroup: (ctx, r) => done(ctx, '/v2/vectordb/privilege_groups/create', { privilegeGroupName: r.group_name }),
  dropPrivilegeGroup: (ctx, r) => done(ctx, '/v2/vectordb/privilege_groups/drop', { privilegeGroupName: r.group_name }),
  async listPrivilegeGroups(ctx) {
    const { data } = await ctx.post<{ privilegeGroups: { privilegeGroupName: string; privileges: string }[] }>('/v2/vectordb/privilege_groups/list', {});
    const privilegeGroups = data.privilegeGroups.map((g) => ({
      groupName: g.privilegeGroupName,
      privileges: g.privileges.split(',').filter((p) => p !== '').map((name) => ({ name })),
    }));
    return result(m.listPrivilegeGroups, { privilegeGroups }) as never;
  },
  addPrivilegesToGroup: (ctx, r) => done(ctx, '/v2/vectordb/privilege_groups/add_privileges_to_group', { privilegeGroupName: r.group_name, privileges: r.privileges }),
  removePrivilegesFromGroup: (ctx, r) =>
    done(ctx, '/v2/vectordb/privilege_groups/remove_privileges_from_group', { privilegeGroupName: r.group_name, privileges: r.privileges }),
};
