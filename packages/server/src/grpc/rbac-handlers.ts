import type { CallMetadata } from './metadata.js';
import { OperatePrivilegeType, OperateUserRoleType, OperatePrivilegeGroupType } from '@mvkit/proto';
import type { MilvusServiceHandlers } from './adapter.js';
import { apiPrivilegeName, decodeWirePassword, ROOT_USER, type Engine, type Grant } from '../engine/index.js';

/** The user named by the `authorization` metadata (already checked when auth is on), else `root`: the grantor Milvus records. */
function grantorOf(md: CallMetadata): string {
  const header = md.get('authorization')[0];
  if (!header) return ROOT_USER;
  const decoded = Buffer.from(String(header), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return (colon < 0 ? decoded : decoded.slice(0, colon)) || ROOT_USER;
}

/** The `dbname` metadata, else `default`. */
const headerDb = (md: CallMetadata): string => String(md.get('dbname')[0] ?? '') || 'default';

const grantEntity = (g: Grant) => ({
  role: { name: g.role },
  object: { name: g.objectType },
  objectName: g.objectName,
  dbName: g.dbName,
  grantor: { user: { name: g.grantor }, privilege: { name: g.privilege } },
});

/**
 * The gRPC translations of the RBAC RPCs (users, roles, grants, privilege groups, backup and
 * restore) onto `engine.rbac`. Passwords arrive base64-encoded, as every SDK sends them.
 */
export function rbacHandlers(engine: Engine): Partial<MilvusServiceHandlers> {
  const rbac = engine.rbac;
  return {
    async createCredential(req) {
      rbac.createUser(req.username, decodeWirePassword(req.password, 'password'));
      return {};
    },
    async updateCredential(req) {
      const oldPassword = decodeWirePassword(req.oldPassword, 'old password');
      const newPassword = decodeWirePassword(req.newPassword, 'new password');
      rbac.updatePassword(req.username, oldPassword, newPassword);
      return {};
    },
    async deleteCredential(req) {
      rbac.deleteUser(req.username);
      return {};
    },
    async listCredUsers() {
      return { usernames: rbac.listUsers() };
    },
    async selectUser(req) {
      const rows = rbac.selectUser(req.user?.name, req.includeRoleInfo);
      return { results: rows.map((r) => ({ user: { name: r.user }, roles: r.roles.map((name) => ({ name })) })) };
    },
    async createRole(req) {
      rbac.createRole(req.entity?.name ?? '');
      return {};
    },
    async dropRole(req) {
      rbac.dropRole(req.roleName, req.forceDrop);
      return {};
    },
    async operateUserRole(req) {
      rbac.operateUserRole(req.username, req.roleName, req.type === OperateUserRoleType.AddUserToRole);
      return {};
    },
    async selectRole(req) {
      const rows = rbac.selectRole(req.role?.name, req.includeUserInfo);
      return { results: rows.map((r) => ({ role: { name: r.role }, users: r.users.map((name) => ({ name })) })) };
    },
    async operatePrivilege(req, md) {
      const e = req.entity;
      rbac.operatePrivilege(
        {
          role: e?.role?.name ?? '',
          objectType: e?.object?.name ?? '',
          objectName: e?.objectName ?? '',
          dbName: e?.dbName || headerDb(md),
          privilege: apiPrivilegeName(e?.grantor?.privilege?.name ?? ''),
        },
        req.type === OperatePrivilegeType.Grant,
        grantorOf(md),
      );
      return {};
    },
    async operatePrivilegeV2(req, md) {
      rbac.operatePrivilegeV2(
        { role: req.role?.name ?? '', privilege: apiPrivilegeName(req.grantor?.privilege?.name ?? ''), dbName: req.dbName, collectionName: req.collectionName },
        req.type === OperatePrivilegeType.Grant,
        grantorOf(md),
      );
      return {};
    },
    async selectGrant(req, md) {
      const e = req.entity;
      const grants = rbac.selectGrant({ role: e?.role?.name ?? '', objectType: e?.object?.name, objectName: e?.objectName, dbName: e?.dbName || headerDb(md) });
      return { entities: grants.map(grantEntity) };
    },
    async createPrivilegeGroup(req) {
      rbac.createPrivilegeGroup(req.groupName);
      return {};
    },
    async dropPrivilegeGroup(req) {
      rbac.dropPrivilegeGroup(req.groupName);
      return {};
    },
    async listPrivilegeGroups() {
      return { privilegeGroups: rbac.listPrivilegeGroups().map((g) => ({ groupName: g.name, privileges: g.privileges.map((name) => ({ name })) })) };
    },
    async operatePrivilegeGroup(req) {
      const names = req.privileges.map((p) => apiPrivilegeName(p.name));
      rbac.operatePrivilegeGroup(req.groupName, names, req.type === OperatePrivilegeGroupType.AddPrivilegesToGroup);
      return {};
    },
    async backupRBAC() {
      const meta = rbac.backup();
      return {
        RBACMeta: {
          users: meta.users.map((u) => ({ user: u.user, password: u.password, roles: u.roles.map((name) => ({ name })) })),
          roles: meta.roles.map((name) => ({ name })),
          grants: meta.grants.map(grantEntity),
          privilegeGroups: meta.privilegeGroups.map((g) => ({ groupName: g.name, privileges: g.privileges.map((name) => ({ name })) })),
        },
      };
    },
    async restoreRBAC(req) {
      const m = req.RBACMeta;
      rbac.restore({
        users: (m?.users ?? []).map((u) => ({ user: u.user, password: u.password, roles: u.roles.map((r) => r.name) })),
        roles: (m?.roles ?? []).map((r) => r.name),
        grants: (m?.grants ?? []).flatMap((g) => {
          const objectType = g.object?.name;
          if (objectType !== 'Global' && objectType !== 'Collection' && objectType !== 'User') return [];
          const privilege = apiPrivilegeName(g.grantor?.privilege?.name ?? '');
          return [{ role: g.role?.name ?? '', objectType, objectName: g.objectName, dbName: g.dbName || 'default', privilege, grantor: g.grantor?.user?.name ?? ROOT_USER }];
        }),
        privilegeGroups: (m?.privilegeGroups ?? []).map((g) => ({ name: g.groupName, privileges: g.privileges.map((p) => apiPrivilegeName(p.name)) })),
      });
      return {};
    },
  };
}
