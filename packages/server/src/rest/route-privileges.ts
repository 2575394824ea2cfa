/**
 * Which MilvusService RPC each RESTful v2 route calls, for the privilege check: Milvus's REST
 * handlers (`httpserver/handler_v2.go`) call the proxy's RPCs, so a route is checked as the RPC it
 * calls (`checkAuthorizationV2` with that RPC's request), against the one table of the engine
 * (`RPC_PRIVILEGES`). Every route is listed (`REST_ROUTES` refuses to load otherwise), so a new
 * route cannot skip the check; routes whose RPC needs no privilege (HasCollection, ShowCollections,
 * ListDatabases) pass for any authenticated user, as in Milvus.
 *
 * @packageDocumentation
 */

/** Route path → RPC name, e.g. `/v2/vectordb/entities/insert` → `Insert`. */
export const ROUTE_RPCS: Readonly<Record<string, string>> = {
  '/v2/vectordb/databases/create': 'CreateDatabase',
  '/v2/vectordb/databases/drop': 'DropDatabase',
  '/v2/vectordb/databases/describe': 'DescribeDatabase',
  '/v2/vectordb/databases/list': 'ListDatabases',
  '/v2/vectordb/databases/alter': 'AlterDatabase',
  '/v2/vectordb/databases/drop_properties': 'AlterDatabase',
  '/v2/vectordb/collections/list': 'ShowCollections',
  '/v2/vectordb/collections/has': 'HasCollection',
  '/v2/vectordb/collections/rename': 'RenameCollection',
  '/v2/vectordb/collections/alter_properties': 'AlterCollection',
  '/v2/vectordb/collections/drop_properties': 'AlterCollection',
  '/v2/vectordb/collections/fields/alter_properties': 'AlterCollectionField',
  '/v2/vectordb/partitions/get_stats': 'GetPartitionStatistics',
  '/v2/vectordb/indexes/alter_properties': 'AlterIndex',
  '/v2/vectordb/indexes/drop_properties': 'AlterIndex',
  '/v2/vectordb/collections/create': 'CreateCollection',
  '/v2/vectordb/collections/describe': 'DescribeCollection',
  '/v2/vectordb/collections/drop': 'DropCollection',
  '/v2/vectordb/collections/load': 'LoadCollection',
  '/v2/vectordb/collections/release': 'ReleaseCollection',
  '/v2/vectordb/collections/get_load_state': 'GetLoadState',
  '/v2/vectordb/collections/get_stats': 'GetCollectionStatistics',
  '/v2/vectordb/partitions/list': 'ShowPartitions',
  '/v2/vectordb/partitions/has': 'HasPartition',
  '/v2/vectordb/partitions/create': 'CreatePartition',
  '/v2/vectordb/partitions/drop': 'DropPartition',
  '/v2/vectordb/partitions/load': 'LoadPartitions',
  '/v2/vectordb/partitions/release': 'ReleasePartitions',
  '/v2/vectordb/indexes/create': 'CreateIndex',
  '/v2/vectordb/indexes/describe': 'DescribeIndex',
  '/v2/vectordb/indexes/list': 'DescribeIndex',
  '/v2/vectordb/indexes/drop': 'DropIndex',
  '/v2/vectordb/aliases/list': 'ListAliases',
  '/v2/vectordb/aliases/describe': 'DescribeAlias',
  '/v2/vectordb/aliases/create': 'CreateAlias',
  '/v2/vectordb/aliases/drop': 'DropAlias',
  '/v2/vectordb/aliases/alter': 'AlterAlias',
  '/v2/vectordb/entities/insert': 'Insert',
  '/v2/vectordb/entities/upsert': 'Upsert',
  '/v2/vectordb/entities/delete': 'Delete',
  '/v2/vectordb/entities/query': 'Query',
  '/v2/vectordb/entities/get': 'Query',
  '/v2/vectordb/entities/search': 'Search',
  '/v2/vectordb/entities/hybrid_search': 'HybridSearch',
  '/v2/vectordb/entities/advanced_search': 'HybridSearch',
  '/v2/vectordb/resource_groups/create': 'CreateResourceGroup',
  '/v2/vectordb/resource_groups/drop': 'DropResourceGroup',
  '/v2/vectordb/resource_groups/alter': 'UpdateResourceGroups',
  '/v2/vectordb/resource_groups/describe': 'DescribeResourceGroup',
  '/v2/vectordb/resource_groups/list': 'ListResourceGroups',
  '/v2/vectordb/resource_groups/transfer_replica': 'TransferReplica',
  '/v2/vectordb/jobs/import/create': 'Import',
  '/v2/vectordb/jobs/import/list': 'ListImportTasks',
  '/v2/vectordb/jobs/import/get_progress': 'GetImportState',
  '/v2/vectordb/jobs/import/describe': 'GetImportState',
  '/v2/vectordb/users/create': 'CreateCredential',
  '/v2/vectordb/users/describe': 'SelectUser',
  '/v2/vectordb/users/list': 'ListCredUsers',
  '/v2/vectordb/users/drop': 'DeleteCredential',
  '/v2/vectordb/users/update_password': 'UpdateCredential',
  '/v2/vectordb/users/grant_role': 'OperateUserRole',
  '/v2/vectordb/users/revoke_role': 'OperateUserRole',
  '/v2/vectordb/roles/create': 'CreateRole',
  '/v2/vectordb/roles/describe': 'SelectGrant',
  '/v2/vectordb/roles/list': 'SelectRole',
  '/v2/vectordb/roles/drop': 'DropRole',
  '/v2/vectordb/roles/grant_privilege': 'OperatePrivilege',
  '/v2/vectordb/roles/revoke_privilege': 'OperatePrivilege',
  '/v2/vectordb/roles/grant_privilege_v2': 'OperatePrivilegeV2',
  '/v2/vectordb/roles/revoke_privilege_v2': 'OperatePrivilegeV2',
  '/v2/vectordb/privilege_groups/create': 'CreatePrivilegeGroup',
  '/v2/vectordb/privilege_groups/drop': 'DropPrivilegeGroup',
  '/v2/vectordb/privilege_groups/list': 'ListPrivilegeGroups',
  '/v2/vectordb/privilege_groups/add_privileges_to_group': 'OperatePrivilegeGroup',
  '/v2/vectordb/privilege_groups/remove_privileges_from_group': 'OperatePrivilegeGroup',
};

/**
 * The RPC request fields the privilege check reads, from a REST body: the collection
 * (`collectionName`), the user (`userName`, as `username` and `user.name`) and, for
 * `roles/describe`, the role (`entity.role.name`).
 */
export function rpcRequestOf(body: Record<string, unknown>): object {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  const user = s(body.userName);
  return { collectionName: s(body.collectionName), username: user, user: { name: user }, entity: { role: { name: s(body.roleName) } } };
}
