/**
 * The RESTful v2 RBAC endpoints (`users/*`, `roles/*`, `privilege_groups/*`), as Milvus 2.5's
 * `httpserver/handler_v2.go` registers them: each calls the engine operation of the RPC the
 * Milvus handler calls (passwords in plain text on this wire; the grantor is the caller).
 *
 * @packageDocumentation
 */
import { ROOT_USER, apiPrivilegeName, type Engine } from '../engine/index.js';
import { S, Ss } from './body.js';
import type { RestContext, RouteAnswer } from './routes.js';

type Handle = (engine: Engine, body: Record<string, unknown>, ctx: RestContext) => RouteAnswer;

const ok = (data: unknown = {}): RouteAnswer => ({ data });

/** The caller recorded as grantor: the authenticated user, else `root`. */
const grantorOf = (ctx: RestContext): string => ctx.user ?? ROOT_USER;

/** RBAC routes by path, spread into the REST front's handler table. */
export const RBAC_HANDLERS: Readonly<Record<string, Handle>> = {
  '/v2/vectordb/users/create': (e, b) => (e.rbac.createUser(S(b.userName), S(b.password)), ok()),
  '/v2/vectordb/users/describe': (e, b) => ok(e.rbac.selectUser(S(b.userName), true).flatMap((u) => u.roles)),
  '/v2/vectordb/users/list': (e) => ok(e.rbac.listUsers()),
  '/v2/vectordb/users/drop': (e, b) => (e.rbac.deleteUser(S(b.userName)), ok()),
  '/v2/vectordb/users/update_password': (e, b) => (e.rbac.updatePassword(S(b.userName), S(b.password), S(b.newPassword)), ok()),
  '/v2/vectordb/users/grant_role': (e, b) => (e.rbac.operateUserRole(S(b.userName), S(b.roleName), true), ok()),
  '/v2/vectordb/users/revoke_role': (e, b) => (e.rbac.operateUserRole(S(b.userName), S(b.roleName), false), ok()),
  '/v2/vectordb/roles/create': (e, b) => (e.rbac.createRole(S(b.roleName)), ok()),
  '/v2/vectordb/roles/describe': (e, b) =>
    ok(
      e.rbac.selectGrant({ role: S(b.roleName) }).map((g) => ({ objectType: g.objectType, objectName: g.objectName, privilege: g.privilege, dbName: g.dbName, grantor: g.grantor })),
    ),
  '/v2/vectordb/roles/list': (e) => ok(e.rbac.selectRole(undefined, false).map((r) => r.role)),
  '/v2/vectordb/roles/drop': (e, b) => (e.rbac.dropRole(S(b.roleName), false), ok()),
  '/v2/vectordb/roles/grant_privilege': (e, b, c) => (e.rbac.operatePrivilege(grantOf(b, c), true, grantorOf(c)), ok()),
  '/v2/vectordb/roles/revoke_privilege': (e, b, c) => (e.rbac.operatePrivilege(grantOf(b, c), false, grantorOf(c)), ok()),
  '/v2/vectordb/roles/grant_privilege_v2': (e, b, c) => (e.rbac.operatePrivilegeV2(grantV2Of(b), true, grantorOf(c)), ok()),
  '/v2/vectordb/roles/revoke_privilege_v2': (e, b, c) => (e.rbac.operatePrivilegeV2(grantV2Of(b), false, grantorOf(c)), ok()),
  '/v2/vectordb/privilege_groups/create': (e, b) => (e.rbac.createPrivilegeGroup(S(b.privilegeGroupName)), ok()),
  '/v2/vectordb/privilege_groups/drop': (e, b) => (e.rbac.dropPrivilegeGroup(S(b.privilegeGroupName)), ok()),
  '/v2/vectordb/privilege_groups/list': (e) =>
    ok({ privilegeGroups: e.rbac.listPrivilegeGroups().map((g) => ({ privilegeGroupName: g.name, privileges: g.privileges.join(',') })) }),
  '/v2/vectordb/privilege_groups/add_privileges_to_group': (e, b) => (e.rbac.operatePrivilegeGroup(S(b.privilegeGroupName), Ss(b.privileges).map(apiPrivilegeName), true), ok()),
  '/v2/vectordb/privilege_groups/remove_privileges_from_group': (e, b) =>
    (e.rbac.operatePrivilegeGroup(S(b.privilegeGroupName), Ss(b.privileges).map(apiPrivilegeName), false), ok()),
};

const grantOf = (b: Record<string, unknown>, ctx: RestContext) => ({
  role: S(b.roleName),
  objectType: S(b.objectType),
  objectName: S(b.objectName),
  dbName: ctx.dbName,
  privilege: apiPrivilegeName(S(b.privilege)),
});

const grantV2Of = (b: Record<string, unknown>) => ({
  role: S(b.roleName),
  privilege: apiPrivilegeName(S(b.privilege)),
  dbName: S(b.dbName),
  collectionName: S(b.collectionName),
});
