/**
 * The privilege data of Milvus 2.5's RBAC, once: which privilege each RPC of MilvusService needs
 * (the `common.privilege_ext_obj` option on each request message of milvus-proto
 * `proto/milvus.proto`), the privileges grantable per object type (`pkg/util/constant.go`
 * `ObjectPrivileges`), the built-in privilege groups (`pkg/util/paramtable/rbac_param.go`) and the
 * grants of the built-in `public` role (rootcoord `initPublicRolePrivilege`).
 *
 * @packageDocumentation
 */

/** `common.ObjectType` names. */
export type ObjectType = 'Collection' | 'Global' | 'User';

/** The object types, in `common.ObjectType` order. */
export const OBJECT_TYPES: readonly ObjectType[] = ['Collection', 'Global', 'User'];

/**
 * What one RPC needs, as its request's `privilege_ext_obj`: the object type, the privilege (API
 * name, e.g. `Insert`; Milvus's enum name is `Privilege<name>`), and which request field names the
 * object (protobuf-es field name): `name` for one object (`*` when absent: `object_name_index: -1`),
 * `names` for a list that must all be permitted (`object_name_indexs`).
 */
export interface RpcPrivilege {
  readonly objectType: ObjectType;
  readonly privilege: string;
  /** Request field naming the object; a message field is read through its `name`. */
  readonly name?: string;
  /** Request field listing several objects. */
  readonly names?: string;
}

const g = (privilege: string): RpcPrivilege => ({ objectType: 'Global', privilege });
const c = (privilege: string, name = 'collectionName'): RpcPrivilege => ({ objectType: 'Collection', privilege, name });
const u = (privilege: string, name: string): RpcPrivilege => ({ objectType: 'User', privilege, name });

/**
 * RPC (MilvusService method name) → required privilege. RPCs absent here carry no
 * `privilege_ext_obj` and every authenticated user may call them (Connect, HasCollection,
 * ShowCollections, ListDatabases, GetPartitionStatistics, ...).
 */
export const RPC_PRIVILEGES: Readonly<Record<string, RpcPrivilege>> = {
  CreateAlias: g('CreateAlias'),
  DropAlias: g('DropAlias'),
  AlterAlias: g('CreateAlias'),
  DescribeAlias: g('DescribeAlias'),
  ListAliases: g('ListAliases'),
  CreateCollection: g('CreateCollection'),
  DropCollection: g('DropCollection'),
  AlterCollection: g('CreateCollection'),
  AlterCollectionField: g('CreateCollection'),
  DescribeCollection: g('DescribeCollection'),
  RenameCollection: g('RenameCollection'),
  LoadCollection: c('Load'),
  ReleaseCollection: c('Release'),
  GetStatistics: c('GetStatistics'),
  GetCollectionStatistics: c('GetStatistics'),
  CreatePartition: c('CreatePartition'),
  DropPartition: c('DropPartition'),
  HasPartition: c('HasPartition'),
  LoadPartitions: c('Load'),
  ReleasePartitions: c('Release'),
  ShowPartitions: c('ShowPartitions'),
  CreateIndex: c('CreateIndex'),
  AlterIndex: c('CreateIndex'),
  DescribeIndex: c('IndexDetail'),
  GetIndexBuildProgress: c('IndexDetail'),
  GetIndexState: c('IndexDetail'),
  GetIndexStatistics: c('IndexDetail'),
  DropIndex: c('DropIndex'),
  Insert: c('Insert'),
  Upsert: c('Upsert'),
  Delete: c('Delete'),
  Search: c('Search'),
  HybridSearch: c('Search'),
  Query: c('Query'),
  Flush: { objectType: 'Collection', privilege: 'Flush', names: 'collectionNames' },
  FlushAll: g('FlushAll'),
  LoadBalance: c('LoadBalance'),
  ManualCompaction: c('Compaction', 'collectionID'),
  GetFlushState: c('GetFlushState'),
  Import: c('Import'),
  GetLoadingProgress: c('GetLoadState'),
  GetLoadState: c('GetLoadState'),
  CreateCredential: g('CreateOwnership'),
  UpdateCredential: u('UpdateUser', 'username'),
  DeleteCredential: g('DropOwnership'),
  ListCredUsers: g('SelectOwnership'),
  CreateRole: g('CreateOwnership'),
  DropRole: g('DropOwnership'),
  OperateUserRole: g('ManageOwnership'),
  SelectRole: g('SelectOwnership'),
  SelectUser: u('SelectUser', 'user'),
  SelectGrant: g('SelectOwnership'),
  OperatePrivilege: g('ManageOwnership'),
  OperatePrivilegeV2: g('ManageOwnership'),
  BackupRBAC: g('BackupRBAC'),
  RestoreRBAC: g('RestoreRBAC'),
  CreatePrivilegeGroup: g('CreatePrivilegeGroup'),
  DropPrivilegeGroup: g('DropPrivilegeGroup'),
  ListPrivilegeGroups: g('ListPrivilegeGroups'),
  OperatePrivilegeGroup: g('OperatePrivilegeGroup'),
  CreateResourceGroup: g('CreateResourceGroup'),
  UpdateResourceGroups: g('UpdateResourceGroups'),
  DropResourceGroup: g('DropResourceGroup'),
  TransferNode: g('TransferNode'),
  TransferReplica: g('TransferReplica'),
  ListResourceGroups: g('ListResourceGroups'),
  DescribeResourceGroup: g('DescribeResourceGroup'),
  CreateDatabase: g('CreateDatabase'),
  DropDatabase: g('DropDatabase'),
  AlterDatabase: g('AlterDatabase'),
  DescribeDatabase: g('DescribeDatabase'),
};

const COLLECTION_READ_ONLY = ['Query', 'Search', 'IndexDetail', 'GetFlushState', 'GetLoadState', 'GetLoadingProgress', 'HasPartition', 'ShowPartitions', 'DescribeCollection', 'DescribeAlias', 'GetStatistics', 'ListAliases'];
const COLLECTION_READ_WRITE = [...COLLECTION_READ_ONLY, 'Load', 'Release', 'Insert', 'Delete', 'Upsert', 'Import', 'Flush', 'Compaction', 'LoadBalance', 'CreateIndex', 'DropIndex', 'CreatePartition', 'DropPartition'];
const DATABASE_READ_ONLY = ['ShowCollections', 'DescribeDatabase'];
const DATABASE_READ_WRITE = [...DATABASE_READ_ONLY, 'AlterDatabase'];
const CLUSTER_READ_ONLY = ['ListDatabases', 'SelectOwnership', 'SelectUser', 'DescribeResourceGroup', 'ListResourceGroups', 'ListPrivilegeGroups'];
const CLUSTER_READ_WRITE = [...CLUSTER_READ_ONLY, 'FlushAll', 'TransferNode', 'TransferReplica', 'UpdateResourceGroups'];

/** Level of a built-in group: where a v2 grant of it must point (`validatePrivilegeGroupParams`). */
export type PrivilegeLevel = 'Cluster' | 'Database' | 'Collection';

/** Milvus 2.5's built-in privilege groups (API names) and their privileges, in Milvus's order. */
export const BUILTIN_PRIVILEGE_GROUPS: ReadonlyMap<string, { readonly level: PrivilegeLevel; readonly privileges: readonly string[] }> = new Map([
  ['ClusterReadOnly', { level: 'Cluster', privileges: CLUSTER_READ_ONLY }],
  ['ClusterReadWrite', { level: 'Cluster', privileges: CLUSTER_READ_WRITE }],
  [
    'ClusterAdmin',
    {
      level: 'Cluster',
      privileges: [
        ...CLUSTER_READ_WRITE,
        ...['BackupRBAC', 'RestoreRBAC', 'CreateDatabase', 'DropDatabase', 'CreateOwnership', 'DropOwnership', 'ManageOwnership', 'CreateResourceGroup', 'DropResourceGroup'],
        ...['UpdateUser', 'RenameCollection', 'CreatePrivilegeGroup', 'DropPrivilegeGroup', 'OperatePrivilegeGroup'],
      ],
    },
  ],
  ['DatabaseReadOnly', { level: 'Database', privileges: DATABASE_READ_ONLY }],
  ['DatabaseReadWrite', { level: 'Database', privileges: DATABASE_READ_WRITE }],
  ['DatabaseAdmin', { level: 'Database', privileges: [...DATABASE_READ_WRITE, 'CreateCollection', 'DropCollection'] }],
  ['CollectionReadOnly', { level: 'Collection', privileges: COLLECTION_READ_ONLY }],
  ['CollectionReadWrite', { level: 'Collection', privileges: COLLECTION_READ_WRITE }],
  ['CollectionAdmin', { level: 'Collection', privileges: [...COLLECTION_READ_WRITE, 'CreateAlias', 'DropAlias'] }],
]);

/** The 2.3-era groups of the v1 API (`util.ReadOnlyPrivilegeGroup` ...), grantable as `ReadOnly` / `ReadWrite` / `Admin`. */
export const LEGACY_PRIVILEGE_GROUPS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ReadOnly', [...COLLECTION_READ_ONLY, 'ShowCollections', 'ListDatabases', 'DescribeDatabase']],
  ['ReadWrite', [...COLLECTION_READ_WRITE, 'ShowCollections', 'ListDatabases', 'DescribeDatabase', 'RenameCollection', 'CreateAlias', 'DropAlias']],
  [
    'Admin',
    [
      ...COLLECTION_READ_WRITE,
      ...['CreateCollection', 'DropCollection', 'ShowCollections', 'ListDatabases', 'DescribeDatabase', 'RenameCollection', 'CreateAlias', 'DropAlias'],
      ...['CreateOwnership', 'DropOwnership', 'SelectOwnership', 'ManageOwnership', 'SelectUser', 'UpdateUser', 'BackupRBAC', 'RestoreRBAC'],
      ...['CreateResourceGroup', 'UpdateResourceGroups', 'DropResourceGroup', 'DescribeResourceGroup', 'ListResourceGroups', 'TransferReplica', 'TransferNode'],
      ...['CreateDatabase', 'DropDatabase', 'AlterDatabase'],
    ],
  ],
]);

/** Privileges (API names) grantable per object type with the v1 OperatePrivilege (`util.ObjectPrivileges`). */
export const OBJECT_PRIVILEGES: Readonly<Record<ObjectType, readonly string[]>> = {
  Collection: [
    ...['Load', 'Release', 'Compaction', 'Insert', 'Delete', 'Upsert', 'GetStatistics', 'CreateIndex', 'IndexDetail', 'DropIndex', 'Search', 'Flush', 'Query', 'LoadBalance', 'Import'],
    ...['GetLoadingProgress', 'GetLoadState', 'CreatePartition', 'DropPartition', 'ShowPartitions', 'HasPartition', 'GetFlushState', 'ReadOnly', 'ReadWrite'],
  ],
  Global: [
    ...['All', 'CreateCollection', 'DropCollection', 'DescribeCollection', 'ShowCollections', 'RenameCollection', 'CreateOwnership', 'DropOwnership', 'SelectOwnership', 'ManageOwnership'],
    ...['BackupRBAC', 'RestoreRBAC', 'CreateResourceGroup', 'UpdateResourceGroups', 'DropResourceGroup', 'DescribeResourceGroup', 'ListResourceGroups', 'TransferReplica', 'TransferNode'],
    ...['FlushAll', 'CreateDatabase', 'DropDatabase', 'ListDatabases', 'AlterDatabase', 'DescribeDatabase', 'CreateAlias', 'DropAlias', 'DescribeAlias', 'ListAliases', 'Admin'],
    ...['CreatePrivilegeGroup', 'DropPrivilegeGroup', 'ListPrivilegeGroups', 'OperatePrivilegeGroup', ...BUILTIN_PRIVILEGE_GROUPS.keys()],
  ],
  User: ['UpdateUser', 'SelectUser'],
};

/** Privileges a v1 grant of a privilege brings along (`util.RelatedPrivileges`). */
export const RELATED_PRIVILEGES: ReadonlyMap<string, readonly string[]> = new Map([
  ['Load', ['GetLoadState', 'GetLoadingProgress']],
  ['Flush', ['GetFlushState']],
]);

/** Every privilege name (API form) Milvus knows, groups included (`util.IsPrivilegeNameDefined`). */
export const KNOWN_PRIVILEGES: ReadonlySet<string> = new Set([...OBJECT_PRIVILEGES.Collection, ...OBJECT_PRIVILEGES.Global, ...OBJECT_PRIVILEGES.User, ...LEGACY_PRIVILEGE_GROUPS.keys()]);

/** Object type of a privilege in a v2 grant (`util.GetObjectType`): Collection or User privileges keep theirs, the rest is Global. */
export function objectTypeOfPrivilege(privilege: string): ObjectType {
  if (OBJECT_PRIVILEGES.Collection.includes(privilege) || BUILTIN_PRIVILEGE_GROUPS.get(privilege)?.level === 'Collection') return 'Collection';
  if (OBJECT_PRIVILEGES.User.includes(privilege)) return 'User';
  return 'Global';
}

/** Level of a privilege for a v2 grant (`util.GetPrivilegeLevel`), from the built-in group that first lists it or that it is. */
export function levelOfPrivilege(privilege: string): PrivilegeLevel | undefined {
  const own = BUILTIN_PRIVILEGE_GROUPS.get(privilege);
  if (own) return own.level;
  for (const group of BUILTIN_PRIVILEGE_GROUPS.values()) if (group.privileges.includes(privilege)) return group.level;
  return undefined;
}

/** The grants of the built-in `public` role (rootcoord `initPublicRolePrivilege`): object type, privilege; database and object name `*`. */
export const PUBLIC_GRANTS: readonly { readonly objectType: ObjectType; readonly privilege: string }[] = [
  { objectType: 'Global', privilege: 'DescribeCollection' },
  { objectType: 'Collection', privilege: 'IndexDetail' },
];

/**
 * A privilege's API name (`util.PrivilegeNameForAPI`): `PrivilegeInsert` → `Insert`,
 * `PrivilegeGroupCollectionReadOnly` → `CollectionReadOnly`; API names and `*` unchanged.
 */
export function apiPrivilegeName(name: string): string {
  if (name.startsWith('PrivilegeGroup')) return name.slice('PrivilegeGroup'.length);
  if (name.startsWith('Privilege') && KNOWN_PRIVILEGES.has(name.slice('Privilege'.length))) return name.slice('Privilege'.length);
  return name;
}
