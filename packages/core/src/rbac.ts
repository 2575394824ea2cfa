/**
 * Request and result types of the RBAC operations (users, roles, grants, privilege groups), in the
 * official Node SDK's shapes (`@zilliz/milvus2-sdk-node` `types/User.d.ts`): camelCase request
 * members where the SDK uses them (`username`, `roleName`), snake_case wire results.
 *
 * @packageDocumentation
 */
import type { BaseRequest, ResStatus } from './operations.js';

/** CreateCredential: a new user and its password (plain text; transports encode it). */
export interface CreateUserRequest extends BaseRequest {
  username: string;
  password: string;
}

/** UpdateCredential: the current and the new password of a user. */
export interface UpdateUserRequest extends BaseRequest {
  username: string;
  oldPassword: string;
  newPassword: string;
}

/** DeleteCredential / SelectUser: one user. */
export interface UserRequest extends BaseRequest {
  username: string;
  /** SelectUser: list the user's roles. */
  includeRoleInfo?: boolean;
}

/** CreateRole / DropRole / SelectRole: one role. */
export interface RoleRequest extends BaseRequest {
  roleName: string;
  /** SelectRole: list the role's users. */
  includeUserInfo?: boolean;
}

/** SelectRole of every role. */
export interface ListRolesRequest extends BaseRequest {
  includeUserInfo?: boolean;
}

/** OperateUserRole: a user and a role. */
export interface UserRoleRequest extends BaseRequest {
  username: string;
  roleName: string;
}

/** `common.ObjectType` names. */
export type RbacObject = 'Global' | 'Collection' | 'User';

/** OperatePrivilege (v1): a privilege on an object type and name (`*` for any) for a role. */
export interface OperateRolePrivilegeRequest extends BaseRequest {
  roleName: string;
  object: RbacObject;
  objectName: string;
  /** API name, e.g. `Insert`, `CollectionReadOnly`, `*`. */
  privilegeName: string;
}

/** OperatePrivilegeV2: a privilege or privilege group at a database and collection (`*` for any). */
export interface PrivilegeV2Request extends BaseRequest {
  role: string;
  privilege: string;
  db_name: string;
  collection_name: string;
}

/** SelectGrant of a role. */
export interface ListGrantsRequest extends BaseRequest {
  roleName: string;
}

/** A custom privilege group. */
export interface PrivilegeGroupRequest extends BaseRequest {
  group_name: string;
}

/** OperatePrivilegeGroup: privileges to add to or remove from a group. */
export interface PrivilegeGroupPrivilegesRequest extends PrivilegeGroupRequest {
  privileges: string[];
}

/** A named entity (`milvus.UserEntity`, `RoleEntity`, ...). */
export interface NamedEntity {
  name: string;
}

/** ListCredUsers result. */
export interface ListCredUsersResponse {
  status: ResStatus;
  usernames: string[];
}

/** SelectUser result. */
export interface SelectUserResponse {
  status: ResStatus;
  results: { user: NamedEntity; roles: NamedEntity[] }[];
}

/** SelectRole result. */
export interface SelectRoleResponse {
  status: ResStatus;
  results: { role: NamedEntity; users: NamedEntity[] }[];
}

/** One grant (`milvus.GrantEntity`). */
export interface GrantEntity {
  role: NamedEntity;
  object: NamedEntity;
  object_name: string;
  grantor: { user: NamedEntity; privilege: NamedEntity };
  db_name: string;
}

/** SelectGrant result. */
export interface SelectGrantResponse {
  status: ResStatus;
  entities: GrantEntity[];
}

/**
 * The RBAC catalogue as BackupRBAC answers it and RestoreRBAC takes it (`milvus.RBACMeta`):
 * users with their password records and roles, custom roles, grants and custom privilege groups.
 */
export interface RBACMeta {
  users: { user: string; password: string; roles: NamedEntity[] }[];
  roles: NamedEntity[];
  grants: GrantEntity[];
  privilege_groups: { group_name: string; privileges: NamedEntity[] }[];
}

/** BackupRBAC result. */
export interface BackupRBACResponse {
  status: ResStatus;
  RBAC_meta: RBACMeta;
}

/** RestoreRBAC request: a catalogue from {@link BackupRBACResponse}. */
export interface RestoreRBACRequest extends BaseRequest {
  RBAC_meta: RBACMeta;
}

/** ListPrivilegeGroups result. */
export interface ListPrivilegeGroupsResponse {
  status: ResStatus;
  privilege_groups: { group_name: string; privileges: NamedEntity[] }[];
}
