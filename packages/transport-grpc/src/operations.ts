import { create, fromJson, isMessage, toBinary, toJson, type DescMessage, type JsonObject, type JsonValue, type Message } from '@bufbuild/protobuf';
import {
  ConsistencyLevel,
  FunctionType,
  indexParamsOf,
  normalizeField,
  type CreateCollectionRequest,
  type CreateIndexRequest,
  type GetMetricsResponse,
  type LoadStateRequest,
  type SegmentInfoRequest,
  type OperationName,
  type OperationRequest,
  type OperationResult,
  propertyPairs,
  withCollectionRows,
  withPartitionRows,
  withRowCount,
} from '@mvkit/core';
import { CollectionSchemaSchema, MilvusService, UpsertRequestSchema } from '@mvkit/proto';
import {
  deleteRequest,
  flushRequest,
  flushResult,
  insertRequest,
  mutationResult,
  queryRequest,
  queryResult,
  searchRequest,
  searchResult,
  type CollectionInfo,
} from './data-mappings.js';
import { operatePrivilegeGroupRequest, operatePrivilegeRequest, operatePrivilegeV2Request, wirePassword } from './rbac-mappings.js';
import { hybridSearchRequest, hybridSearchResult } from './hybrid-mappings.js';
import { runAnalyzerRequest, runAnalyzerResult } from './analyzer-mappings.js';

/** A method of `milvus.proto.milvus.MilvusService`, as protobuf-es describes it. */
export type MilvusMethod = (typeof MilvusService.method)[keyof typeof MilvusService.method];

/** How one client operation maps onto one RPC. */
export interface RpcMapping<K extends OperationName> {
  /** The RPC. */
  readonly method: MilvusMethod;
  /**
   * Builds the request: a JSON object in proto field names, or the message itself (data
   * operations, so that vectors and columns are not passed through JSON). Data operations also
   * get the collection's schema ({@link RpcMapping.schema}).
   */
  readonly request: (req: OperationRequest<K>, info: CollectionInfo | undefined) => Record<string, unknown> | Message;
  /**
   * Shapes the response as the official SDK does: from its proto JSON (snake_case, int64 as
   * strings), or, for data operations, also from the decoded message (columns, scores).
   */
  readonly result: (json: JsonObject, info: CollectionInfo | undefined, req: OperationRequest<K>, message: Message) => OperationResult<K>;
  /**
   * Whether the mapping needs the collection schema (row ↔ column codecs): the transport then
   * calls DescribeCollection first, as the official SDK does, and caches the answer.
   */
  readonly schema?: boolean;
}

/** Request fields that are call options, not wire fields. */
const CALL_OPTION_KEYS = new Set(['timeout']);

/** Default request mapping: the documented snake_case object is the proto JSON form already. */
function asJson(req: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(req)) if (v !== undefined && !CALL_OPTION_KEYS.has(k)) out[k] = v;
  return out;
}

const same = <T>(json: JsonObject): T => json as unknown as T;

/** Segment-info requests: the proto's `dbName`, from `db_name` when only that is given. */
function segmentInfoRequest(req: SegmentInfoRequest): Record<string, unknown> {
  const { db_name, dbName, ...rest } = req;
  return asJson({ ...rest, dbName: dbName ?? db_name });
}

function loadStateRequest(req: LoadStateRequest): Record<string, unknown> {
  const { partition_name, ...rest } = req;
  return asJson(partition_name !== undefined && !rest.partition_names ? { ...rest, partition_names: [partition_name] } : rest);
}

function createCollectionRequest(req: CreateCollectionRequest): Record<string, unknown> {
  const fields = req.fields.map(normalizeField);
  const schema = create(CollectionSchemaSchema, {
    name: req.collection_name,
    description: req.description ?? '',
    autoID: fields.some((f) => f.isPrimaryKey && f.autoID),
    enableDynamicField: req.enable_dynamic_field ?? false,
    fields: fields.map((f) => ({
      name: f.name,
      description: f.description,
      dataType: f.dataType,
      isPrimaryKey: f.isPrimaryKey,
      autoID: f.autoID,
      typeParams: Object.entries(f.typeParams).map(([key, value]) => ({ key, value })),
      isPartitionKey: f.isPartitionKey,
      isClusteringKey: f.isClusteringKey,
      elementType: f.elementType,
      nullable: f.nullable,
      ...(f.defaultValue ? { defaultValue: { data: f.defaultValue } } : {}),
    })),
    functions: (req.functions ?? []).map((fn) => ({
      name: fn.name,
      description: fn.description ?? '',
      type: typeof fn.type === 'number' ? fn.type : FunctionType[fn.type],
      inputFieldNames: fn.input_field_names,
      outputFieldNames: fn.output_field_names,
      params: Object.entries(fn.params ?? {}).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) })),
    })),
  });
  return {
    db_name: req.db_name ?? '',
    collection_name: req.collection_name,
    schema: Buffer.from(toBinary(CollectionSchemaSchema, schema)).toString('base64'),
    shards_num: req.shards_num ?? 1,
    consistency_level: ConsistencyLevel[req.consistency_level ?? 'Bounded'],
    properties: Object.entries(req.properties ?? {}).map(([key, value]) => ({ key, value: String(value) })),
    ...(req.num_partitions !== undefined ? { num_partitions: String(req.num_partitions) } : {}),
  };
}

function createIndexRequest(req: CreateIndexRequest): Record<string, unknown> {
  return {
    db_name: req.db_name ?? '',
    collection_name: req.collection_name,
    field_name: req.field_name,
    index_name: req.index_name ?? '',
    extra_params: indexParamsOf(req),
  };
}

/** An int64 request value as proto JSON takes it (bigints as decimal strings). */
const int64 = (v: number | string | bigint | undefined) => (typeof v === 'bigint' ? v.toString() : v);

/** GetMetrics: the request object as its JSON text; the answer's `response` parsed, as the official SDK does. */
function metricsResult(json: JsonObject): GetMetricsResponse {
  return { ...(json as unknown as GetMetricsResponse), response: JSON.parse(String(json.response)) as unknown };
}

const m = MilvusService.method;
const rpc = <K extends OperationName>(
  method: MilvusMethod,
  request: (req: OperationRequest<K>) => Record<string, unknown> = asJson,
  result: (json: JsonObject) => OperationResult<K> = same,
): RpcMapping<K> => ({ method, request, result });
/** A mapping whose codecs need the collection schema. */
const dataRpc = <K extends OperationName, M extends Message = Message>(
  method: MilvusMethod,
  request: (req: OperationRequest<K>, info: CollectionInfo) => Record<string, unknown> | Message,
  result: (json: JsonObject, info: CollectionInfo, req: OperationRequest<K>, message: M) => OperationResult<K>,
): RpcMapping<K> => ({ method, request: (r, i) => request(r, i!), result: (j, i, r, msg) => result(j, i!, r, msg as M), schema: true });

/** Every client operation and its RPC. */
export const RPC_MAPPINGS: { readonly [K in OperationName]: RpcMapping<K> } = {
  getVersion: rpc(m.getVersion),
  checkHealth: rpc(m.checkHealth),
  createDatabase: rpc(m.createDatabase),
  dropDatabase: rpc(m.dropDatabase),
  listDatabases: rpc(m.listDatabases),
  createCollection: rpc(m.createCollection, createCollectionRequest),
  dropCollection: rpc(m.dropCollection),
  hasCollection: rpc(m.hasCollection),
  describeCollection: rpc(m.describeCollection),
  showCollections: rpc(m.showCollections, asJson, withCollectionRows),
  loadCollection: rpc(m.loadCollection),
  releaseCollection: rpc(m.releaseCollection),
  getLoadState: rpc(m.getLoadState, loadStateRequest),
  getLoadingProgress: rpc(m.getLoadingProgress, loadStateRequest),
  getCollectionStatistics: rpc(m.getCollectionStatistics, asJson, withRowCount),
  createAlias: rpc(m.createAlias),
  alterAlias: rpc(m.alterAlias),
  dropAlias: rpc(m.dropAlias),
  describeAlias: rpc(m.describeAlias),
  listAliases: rpc(m.listAliases),
  createPartition: rpc(m.createPartition),
  dropPartition: rpc(m.dropPartition),
  hasPartition: rpc(m.hasPartition),
  showPartitions: rpc(m.showPartitions, asJson, withPartitionRows),
  loadPartitions: rpc(m.loadPartitions),
  releasePartitions: rpc(m.releasePartitions),
  getPartitionStatistics: rpc(m.getPartitionStatistics, asJson, withRowCount),
  createIndex: rpc(m.createIndex, createIndexRequest),
  describeIndex: rpc(m.describeIndex),
  dropIndex: rpc(m.dropIndex),
  compact: rpc(m.manualCompaction),
  getCompactionState: rpc(m.getCompactionState),
  getCompactionStateWithPlans: rpc(m.getCompactionStateWithPlans),
  getFlushState: rpc(m.getFlushState),
  flushAll: rpc(m.flushAll),
  getFlushAllState: rpc(m.getFlushAllState),
  getQuerySegmentInfo: rpc(m.getQuerySegmentInfo, segmentInfoRequest),
  getPersistentSegmentInfo: rpc(m.getPersistentSegmentInfo, segmentInfoRequest),
  describeDatabase: rpc(m.describeDatabase),
  alterDatabase: rpc(m.alterDatabase, (r) => asJson({ ...r, properties: propertyPairs(r.properties) })),
  dropDatabaseProperties: rpc(m.alterDatabase, (r) => asJson({ db_name: r.db_name, delete_keys: r.properties })),
  renameCollection: rpc(m.renameCollection, (r) => asJson({ db_name: r.db_name, oldName: r.collection_name, newName: r.new_collection_name, newDBName: r.new_db_name })),
  alterCollectionProperties: rpc(m.alterCollection, (r) => asJson({ ...r, properties: propertyPairs(r.properties) })),
  dropCollectionProperties: rpc(m.alterCollection, (r) => asJson({ db_name: r.db_name, collection_name: r.collection_name, delete_keys: r.properties })),
  alterCollectionFieldProperties: rpc(m.alterCollectionField, (r) => asJson({ ...r, properties: propertyPairs(r.properties) })),
  alterIndexProperties: rpc(m.alterIndex, (r) => asJson({ db_name: r.db_name, collection_name: r.collection_name, index_name: r.index_name, extra_params: propertyPairs(r.params) })),
  dropIndexProperties: rpc(m.alterIndex, (r) => asJson({ db_name: r.db_name, collection_name: r.collection_name, index_name: r.index_name, delete_keys: r.properties })),
  createUser: rpc(m.createCredential, (r) => ({ username: r.username, password: wirePassword(r.password) })),
  updateUser: rpc(m.updateCredential, (r) => ({ username: r.username, oldPassword: wirePassword(r.oldPassword), newPassword: wirePassword(r.newPassword) })),
  deleteUser: rpc(m.deleteCredential, (r) => ({ username: r.username })),
  listUsers: rpc(m.listCredUsers, () => ({})),
  describeUser: rpc(m.selectUser, (r) => ({ user: { name: r.username }, include_role_info: r.includeRoleInfo ?? false })),
  createRole: rpc(m.createRole, (r) => ({ entity: { name: r.roleName } })),
  dropRole: rpc(m.dropRole, (r) => ({ role_name: r.roleName })),
  addUserToRole: rpc(m.operateUserRole, (r) => ({ username: r.username, role_name: r.roleName, type: 'AddUserToRole' })),
  removeUserFromRole: rpc(m.operateUserRole, (r) => ({ username: r.username, role_name: r.roleName, type: 'RemoveUserFromRole' })),
  listRoles: rpc(m.selectRole, (r) => ({ include_user_info: r.includeUserInfo ?? false })),
  describeRole: rpc(m.selectRole, (r) => ({ role: { name: r.roleName }, include_user_info: r.includeUserInfo ?? false })),
  grantPrivilege: rpc(m.operatePrivilege, (r) => operatePrivilegeRequest(r, 'Grant')),
  revokePrivilege: rpc(m.operatePrivilege, (r) => operatePrivilegeRequest(r, 'Revoke')),
  grantPrivilegeV2: rpc(m.operatePrivilegeV2, (r) => operatePrivilegeV2Request(r, 'Grant')),
  revokePrivilegeV2: rpc(m.operatePrivilegeV2, (r) => operatePrivilegeV2Request(r, 'Revoke')),
  listGrants: rpc(m.selectGrant, (r) => ({ entity: { role: { name: r.roleName }, db_name: r.db_name ?? '' } })),
  createPrivilegeGroup: rpc(m.createPrivilegeGroup, (r) => ({ group_name: r.group_name })),
  dropPrivilegeGroup: rpc(m.dropPrivilegeGroup, (r) => ({ group_name: r.group_name })),
  listPrivilegeGroups: rpc(m.listPrivilegeGroups, () => ({})),
  addPrivilegesToGroup: rpc(m.operatePrivilegeGroup, (r) => operatePrivilegeGroupRequest(r, 'AddPrivilegesToGroup')),
  removePrivilegesFromGroup: rpc(m.operatePrivilegeGroup, (r) => operatePrivilegeGroupRequest(r, 'RemovePrivilegesFromGroup')),
  backupRBAC: rpc(m.backupRBAC, () => ({})),
  restoreRBAC: rpc(m.restoreRBAC),
  hybridSearch: dataRpc(m.hybridSearch, hybridSearchRequest, hybridSearchResult),
  bulkInsert: rpc(m.import),
  getImportState: rpc(m.getImportState),
  listImportTasks: rpc(m.listImportTasks),
  createResourceGroup: rpc(m.createResourceGroup),
  updateResourceGroups: rpc(m.updateResourceGroups),
  dropResourceGroup: rpc(m.dropResourceGroup),
  listResourceGroups: rpc(m.listResourceGroups),
  describeResourceGroup: rpc(m.describeResourceGroup),
  transferNode: rpc(m.transferNode),
  transferReplica: rpc(m.transferReplica, (r) => asJson({ ...r, num_replica: int64(r.num_replica) })),
  getReplicas: rpc(m.getReplicas, (r) => asJson({ ...r, collectionID: int64(r.collectionID) })),
  loadBalance: rpc(m.loadBalance, (r) =>
    asJson({ ...r, src_nodeID: int64(r.src_nodeID), dst_nodeIDs: r.dst_nodeIDs?.map(int64), sealed_segmentIDs: r.sealed_segmentIDs?.map(int64) }),
  ),
  getMetric: rpc(m.getMetrics, (r) => asJson({ request: JSON.stringify(r.request) }), metricsResult),
  runAnalyzer: rpc(m.runAnalyzer, runAnalyzerRequest, runAnalyzerResult),
  insert: dataRpc(m.insert, insertRequest, mutationResult),
  upsert: dataRpc(m.upsert, (r, i) => insertRequest(r, i, UpsertRequestSchema), mutationResult),
  delete: dataRpc(m.delete, deleteRequest, mutationResult),
  search: dataRpc(m.search, searchRequest, searchResult),
  query: dataRpc(m.query, queryRequest, queryResult),
  flush: rpc(m.flush, flushRequest, flushResult),
};

/**
 * The RPC's request message: a message built by the mapping as is, or a request object (proto
 * JSON names, snake_case) decoded into one.
 * @throws MilvusError-compatible errors are raised by the caller; this throws protobuf-es's
 *   `cannot decode` error for a wrongly typed field.
 */
export function requestMessage(schema: DescMessage, built: Record<string, unknown> | Message) {
  return isMessage(built, schema) ? built : fromJson(schema, built as JsonValue, { ignoreUnknownFields: true });
}

/** Encodes a response message as the official SDK shows it: snake_case, int64 as strings, enums by name, defaults present. */
export function resultJson(schema: DescMessage, message: Parameters<typeof toJson>[1]): JsonObject {
  return toJson(schema, message, { useProtoFieldName: true, alwaysEmitImplicit: true }) as JsonObject;
}
