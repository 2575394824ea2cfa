import {
  DEFAULT_TIMEOUT_MS,
  MilvusError,
  OPERATIONS,
  callDeadline,
  quickSetupPlan,
  timeLeft,
  type MultiSearchRequest,
  type SingleSearchRequest,
  type AliasCollectionRequest,
  type AliasRequest,
  type AlterCollectionFieldPropertiesRequest,
  type AlterCollectionRequest,
  type AlterDatabaseRequest,
  type AlterIndexRequest,
  type DescribeDatabaseRequest,
  type DescribeDatabaseResponse,
  type DropCollectionPropertiesRequest,
  type DropDatabasePropertiesRequest,
  type DropIndexPropertiesRequest,
  type RenameCollectionRequest,
  type BackupRBACResponse,
  type BaseRequest,
  type BoolResponse,
  type CallOptions,
  type CheckHealthResponse,
  type CollectionRequest,
  type ConnectionOptions,
  type CountRequest,
  type CountResult,
  type DeleteRequest,
  type DescribeAliasResponse,
  type ListAliasesRequest,
  type ListAliasesResponse,
  type FlushRequest,
  type FlushResult,
  type CompactRequest,
  type CompactionPlansResult,
  type CompactionResult,
  type CompactionStateRequest,
  type CompactionStateResult,
  type FlushAllRequest,
  type FlushAllResult,
  type FlushAllStateRequest,
  type FlushStateRequest,
  type FlushStateResult,
  type PersistentSegmentInfoResult,
  type QuerySegmentInfoResult,
  type RunAnalyzerRequest,
  type RunAnalyzerResponse,
  type SegmentInfoRequest,
  type GetRequest,
  type HybridSearchRequest,
  type GetImportStateRequest,
  type GetImportStateResponse,
  type ImportRequest,
  type ImportResponse,
  type InsertRequest,
  type ListImportTasksRequest,
  type ListImportTasksResponse,
  type MutationResult,
  type QueryRequest,
  type QueryResults,
  type SearchRequest,
  type SearchResults,
  type CreateCollectionRequest,
  type CreateIndexRequest,
  type DatabaseRequest,
  type DescribeCollectionResponse,
  type DescribeIndexResponse,
  type GetLoadingProgressResponse,
  type GetLoadStateResponse,
  type GetVersionResponse,
  type IndexRequest,
  type ListDatabasesResponse,
  type LoadCollectionRequest,
  type LoadPartitionsRequest,
  type LoadStateRequest,
  type OperationName,
  type OperationRequest,
  type OperationResult,
  type PartitionRequest,
  type PartitionsRequest,
  type QuickSetupRequest,
  type ResStatus,
  type RestoreRBACRequest,
  type ShowCollectionsRequest,
  type ShowCollectionsResponse,
  type ShowPartitionsRequest,
  type ShowPartitionsResponse,
  type StatisticsResponse,
  type Transport,
  type CreateUserRequest,
  type ListCredUsersResponse,
  type ListGrantsRequest,
  type ListPrivilegeGroupsResponse,
  type ListRolesRequest,
  type OperateRolePrivilegeRequest,
  type PrivilegeGroupPrivilegesRequest,
  type PrivilegeGroupRequest,
  type PrivilegeV2Request,
  type RoleRequest,
  type SelectGrantResponse,
  type SelectRoleResponse,
  type SelectUserResponse,
  type UpdateUserRequest,
  type UserRequest,
  type UserRoleRequest,
  type CreateResourceGroupRequest,
  type DescribeResourceGroupResponse,
  type GetMetricsRequest,
  type GetMetricsResponse,
  type GetReplicasRequest,
  type GetReplicasResponse,
  type ListResourceGroupsResponse,
  type LoadBalanceRequest,
  type ResourceGroupRequest,
  type TransferNodeRequest,
  type TransferReplicaRequest,
  type UpdateResourceGroupsRequest,
  type RowData,
  type SearchResultRow,
} from '@mvkit/core';
import { queryBatches, searchBatches, type QueryIteratorRequest, type SearchIteratorRequest } from './iterators.js';
import { LazyTransport } from './lazy-transport.js';
import { RestTransport } from '@mvkit/transport-rest';
import { legacyManagers, type CollectionManager, type DataManager, type IndexManager, type PartitionManager } from './legacy-managers.js';
import { DEFAULT_MAX_RETRIES, backoffOf, withRetries, type RetryBackoff } from './retry.js';
import { sleep } from './sleep.js';

/**
 * Default deadline of the methods that wait for a load (`loadCollection`, `loadCollectionSync`,
 * `loadPartitionsSync`, quick-setup `createCollection`), in ms: 5 minutes for the whole wait. A
 * real Milvus loads a large collection in seconds to minutes; the bound turns a load that never
 * finishes into a `MilvusTimeoutError` instead of a hung process. Each RPC of the wait is still
 * bounded by the client's per-call `timeout` (15 s by default).
 */
export const DEFAULT_WAIT_TIMEOUT_MS = 300_000;

/** Options of {@link MilvusClient}: where to connect, and optionally which transport to use. */
export interface MilvusClientOptions extends ConnectionOptions {
  /**
   * The transport, built from the connection options (`address`, credentials, `database`, TLS,
   * `timeout`), or a ready-made {@link Transport}:
   *
   * - `'grpc'` (default): Milvus's gRPC API (`milvus.proto.milvus.MilvusService`) at `address`
   *   (`host:port`, `http://host:port` or `https://host:port`), through `@mvkit/transport-grpc`,
   *   imported on the first call (Node only: a browser bundle gets its `browser` build, whose
   *   calls fail with code 2).
   * - `'rest'`: Milvus's RESTful v2 API (`POST /v2/vectordb/...`, Milvus 2.4+, on the same port as
   *   gRPC) at `address`, e.g. `http://localhost:19530` (`https://` or `ssl`/`tls` for TLS; a bare
   *   `host:port` means `http://host:port`). Same methods and result shapes as over gRPC, except
   *   the fields RESTful v2 does not expose (see `REST_MAPPINGS` in `@mvkit/transport-rest`).
   *   Runs wherever `fetch` does (Node, browsers, workers, Deno, Bun; the `fetch` option picks another).
   *
   * The scheme of `address` never selects the transport: `http://localhost:19530` is also the
   * address the Milvus docs give the official (gRPC) SDK, so it stays gRPC unless `'rest'` is asked.
   */
  transport?: Transport | 'grpc' | 'rest';
  /**
   * The fetch the REST transport calls (the WHATWG signature), e.g. a runtime's own or one that
   * serves calls in-process; default: `globalThis.fetch`, or in Node undici's pool while the global
   * fetch is untouched (see `RestTransportOptions.fetch` of `@mvkit/transport-rest`). Not used by gRPC.
   */
  fetch?: typeof globalThis.fetch;
  /** Interval between GetLoadingProgress polls of the waiting load methods, in ms. Default 100. */
  pollInterval?: number;
  /**
   * Default deadline of every call, in ms, retries included: `DEFAULT_TIMEOUT_MS` (15 s, as the
   * official Node SDK) when unset; `0` or `Infinity` for none. Also the deadline of a whole wait
   * for a load when set (default {@link DEFAULT_WAIT_TIMEOUT_MS}). A per-call `timeout` (options or
   * request) wins. Past it a call fails with `MilvusTimeoutError` (10001).
   */
  timeout?: number;
  /**
   * Retries of a failed call (default 2, as the openai-node / Stainless SDKs: enough to ride over
   * a dropped connection or a server restart, without tripling the load on an overloaded server);
   * a per-call `maxRetries` wins; `0` for none. Only idempotent operations (`OPERATIONS` of
   * `@mvkit/core`) are retried, only for retriable failures (connection refused or reset, gRPC
   * UNAVAILABLE, HTTP 502/503/504/429, a Milvus status with `retriable` set; never a timeout or
   * an abort), with {@link RetryBackoff} between attempts, and never past the call's deadline.
   */
  maxRetries?: number;
  /** Backoff between retries: exponential with full jitter, 500 ms base, 8 s cap (see {@link RetryBackoff}). */
  retryBackoff?: RetryBackoff;
}

/**
 * The typed Milvus client: partition, collection, database and index management over gRPC, over
 * RESTful v2 (`transport: 'rest'`), or over any {@link Transport}.
 *
 * Drop-in for the documented `@zilliz/milvus2-sdk-node` calls: requests take the same shapes
 * (`{ collection_name, partition_name }`) and results carry the same fields (`hasPartition` →
 * `{ status, value }`, `getLoadState` → `{ status, state: 'LoadStateLoaded' }`). Unlike the
 * official SDK, a failure is never returned as a status: it is thrown as a {@link MilvusError}
 * carrying Milvus's `code`, legacy `errorCode`, `reason` and `retriable`.
 *
 * The constructor does no I/O; the connection opens on `connect()` or the first call. `close()`
 * is idempotent. Every method takes per-call `{ timeout, signal, maxRetries }`; `timeout` may also
 * be given in the request, as with the official SDK.
 *
 * Deadlines and retries: every call has a deadline (default 15 s, waits for a load 5 min) that
 * covers all its attempts; idempotent operations are retried up to `maxRetries` (default 2) times
 * on retriable failures, with jittered exponential backoff. Failures below Milvus are
 * `MilvusConnectionError` (2), `MilvusTimeoutError` (10001) and `MilvusAbortError` (10000).
 */
export class MilvusClient {
  /** The transport all calls go through. */
  readonly transport: Transport;
  readonly #pollInterval: number;
  readonly #timeout: number | undefined;
  readonly #maxRetries: number;
  readonly #backoff: Required<RetryBackoff>;

  /**
   * @param options - address, credentials (`token` or `username`/`password`), `database`, TLS
   *   (`ssl` / `tls`), default `timeout` (ms), `maxRetries`, `retryBackoff`, and `transport`
   *   (`'grpc'`, `'rest'` or a ready one).
   */
  constructor(options: MilvusClientOptions) {
    const { transport = 'grpc', pollInterval = 100, maxRetries = DEFAULT_MAX_RETRIES, retryBackoff, ...connection } = options;
    this.transport =
      transport === 'grpc'
        ? new LazyTransport('grpc', async () => new (await import('@mvkit/transport-grpc')).GrpcTransport(connection))
        : transport === 'rest'
          ? new RestTransport(connection)
          : transport;
    this.#pollInterval = pollInterval;
    this.#timeout = options.timeout;
    this.#maxRetries = maxRetries;
    this.#backoff = backoffOf(retryBackoff);
  }

  /**
   * Opens the connection and performs Milvus's Connect handshake. Idempotent; calls connect
   * lazily anyway.
   * @throws MilvusError 2 when the server is unreachable or its TLS certificate fails verification,
   *   10001 past the timeout, 800 for an unknown database.
   */
  async connect(options: CallOptions = {}): Promise<void> {
    await this.transport.connect({ ...options, timeout: options.timeout ?? this.#timeout ?? DEFAULT_TIMEOUT_MS });
  }

  /** Closes the connection and its sockets (idempotent); a later call reconnects. */
  async close(): Promise<void> {
    await this.transport.close();
  }

  /** Alias of {@link close}, named as in the official SDK. */
  async closeConnection(): Promise<void> {
    await this.close();
  }

  /** @deprecated Node SDK 1.x namespace: call the partition methods on the client (see {@link PartitionManager}). */
  get partitionManager(): PartitionManager {
    return legacyManagers(this).partitionManager;
  }

  /** @deprecated Node SDK 1.x namespace: call the collection methods on the client (see {@link CollectionManager}). */
  get collectionManager(): CollectionManager {
    return legacyManagers(this).collectionManager;
  }

  /** @deprecated Node SDK 1.x namespace: call the index methods on the client (see {@link IndexManager}). */
  get indexManager(): IndexManager {
    return legacyManagers(this).indexManager;
  }

  /** @deprecated Node SDK 1.x namespace: call insert, search, query, delete and flush on the client (see {@link DataManager}). */
  get dataManager(): DataManager {
    return legacyManagers(this).dataManager;
  }

  // -------------------------------------------------------------- session

  /** Server version (GetVersion), e.g. `{ version: 'v2.5.4' }`. */
  getVersion(request: BaseRequest = {}, options?: CallOptions): Promise<GetVersionResponse> {
    return this.#call('getVersion', request, options);
  }

  /** Server health (CheckHealth): `{ isHealthy, reasons, quota_states }`. */
  checkHealth(request: BaseRequest = {}, options?: CallOptions): Promise<CheckHealthResponse> {
    return this.#call('checkHealth', request, options);
  }

  // -------------------------------------------------------------- databases

  /**
   * Creates a database (CreateDatabase).
   * @throws MilvusError 802 invalid name, 801 too many databases, 65535 already exists.
   */
  createDatabase(request: DatabaseRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('createDatabase', request, options);
  }

  /**
   * Drops a database (DropDatabase); a missing one is a success.
   * @throws MilvusError 65535 for `default` or a database that still has collections.
   */
  dropDatabase(request: DatabaseRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('dropDatabase', request, options);
  }

  /** Lists databases (ListDatabases): `{ db_names, db_ids, created_timestamp }`. */
  listDatabases(request: BaseRequest = {}, options?: CallOptions): Promise<ListDatabasesResponse> {
    return this.#call('listDatabases', request, options);
  }

  // -------------------------------------------------------------- collections

  /**
   * Creates a collection (CreateCollection). With `fields`, creates exactly that schema. With
   * `dimension` (quick setup, as pymilvus and the official Node SDK): a primary key `id` and a
   * FloatVector `vector`, an AUTOINDEX index with `metric_type` (default COSINE), then load and
   * wait until loaded.
   * @throws MilvusError 1100 invalid name or schema, 102 too many collections, 65535 same name with a different schema.
   */
  async createCollection(request: CreateCollectionRequest | QuickSetupRequest, options?: CallOptions): Promise<ResStatus> {
    if (!('dimension' in request) || request.dimension === undefined) return this.#call('createCollection', request as CreateCollectionRequest, options);
    const plan = quickSetupPlan(request);
    const step = this.#steps(request, options, true);
    const status = await this.#call('createCollection', plan.collection, step('createCollection'));
    await this.#call('createIndex', plan.index, step('createIndex'));
    await this.loadCollectionSync({ collection_name: request.collection_name, ...dbOf(request) }, step('loadCollection'));
    return status;
  }

  /** Drops a collection (DropCollection); a missing one is a success. */
  dropCollection(request: CollectionRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('dropCollection', request, options);
  }

  /** Whether a collection exists (HasCollection): `{ value }`. */
  hasCollection(request: CollectionRequest, options?: CallOptions): Promise<BoolResponse> {
    return this.#call('hasCollection', request, options);
  }

  /**
   * Describes a collection (DescribeCollection): schema, IDs, timestamps, shards, consistency.
   * @throws MilvusError 100 (legacy UnexpectedError) `can't find collection[database=..][collection=..]`.
   */
  describeCollection(request: CollectionRequest, options?: CallOptions): Promise<DescribeCollectionResponse> {
    return this.#call('describeCollection', request, options);
  }

  /** Lists collections (ShowCollections): `{ collection_names, collection_ids, data: [{ name, id, timestamp }] }`. */
  showCollections(request: ShowCollectionsRequest = {}, options?: CallOptions): Promise<ShowCollectionsResponse> {
    return this.#call('showCollections', request, options);
  }

  /** Same as {@link showCollections}, named as pymilvus's `list_collections`. */
  listCollections(request: ShowCollectionsRequest = {}, options?: CallOptions): Promise<ShowCollectionsResponse> {
    return this.showCollections(request, options);
  }

  /**
   * Loads a collection (LoadCollection) and waits until loaded, as the official SDK's
   * `loadCollection`/`loadCollectionSync`.
   * @throws MilvusError 100, 700 no index, 65535 unindexed vector field.
   */
  async loadCollection(request: LoadCollectionRequest, options?: CallOptions): Promise<ResStatus> {
    return this.loadCollectionSync(request, options);
  }

  /**
   * Loads a collection and polls GetLoadingProgress until 100, all under one deadline (the call's
   * `timeout`, else the client's, else {@link DEFAULT_WAIT_TIMEOUT_MS}).
   * @throws as {@link loadCollection}; MilvusTimeoutError 10001 when the load is not done by the deadline.
   */
  async loadCollectionSync(request: LoadCollectionRequest, options?: CallOptions): Promise<ResStatus> {
    const step = this.#steps(request, options, true);
    const status = await this.#call('loadCollection', request, step('loadCollection'));
    await this.#waitLoaded({ collection_name: request.collection_name, ...dbOf(request) }, step);
    return status;
  }

  /** Starts loading a collection without waiting (LoadCollection). */
  loadCollectionAsync(request: LoadCollectionRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('loadCollection', request, options);
  }

  /** Releases a collection (ReleaseCollection); a collection not loaded is a success. */
  releaseCollection(request: CollectionRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('releaseCollection', request, options);
  }

  /**
   * Load state (GetLoadState) of a collection or of partitions (`partition_names`, or one
   * `partition_name` as the docs write it): `{ state: 'LoadStateLoaded' | 'LoadStateNotLoad' | 'LoadStateLoading' | 'LoadStateNotExist' }`.
   * @throws MilvusError 1100 invalid collection name, 200 unknown partition.
   */
  getLoadState(request: LoadStateRequest, options?: CallOptions): Promise<GetLoadStateResponse> {
    return this.#call('getLoadState', request, options);
  }

  /**
   * Loading progress (GetLoadingProgress): `{ progress: '100' }`.
   * @throws MilvusError 101 collection not loaded, 201 partition not loaded, 200 unknown partition.
   */
  getLoadingProgress(request: LoadStateRequest, options?: CallOptions): Promise<GetLoadingProgressResponse> {
    return this.#call('getLoadingProgress', request, options);
  }

  /** Collection statistics (GetCollectionStatistics): `{ stats: [{ key: 'row_count', value }], data: { row_count } }`. */
  getCollectionStatistics(request: CollectionRequest, options?: CallOptions): Promise<StatisticsResponse> {
    return this.#call('getCollectionStatistics', request, options);
  }

  // -------------------------------------------------------------- aliases

  /**
   * Creates an alias of a collection (CreateAlias); the same alias for the same collection again is a success.
   * @throws MilvusError 1100 bad alias or name; 1601 a collection has that name; 1602 the alias names
   *   another collection; 100 missing collection.
   */
  createAlias(request: AliasCollectionRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('createAlias', request, options);
  }

  /** Moves an existing alias to another collection (AlterAlias). @throws MilvusError 1600 missing alias; 1601; 100. */
  alterAlias(request: AliasCollectionRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('alterAlias', request, options);
  }

  /** Drops an alias (DropAlias); a missing alias is a success, as in Milvus. @throws MilvusError 1100 bad alias. */
  dropAlias(request: AliasRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('dropAlias', request, options);
  }

  /** The collection an alias names (DescribeAlias): `{ db_name, alias, collection }`. @throws MilvusError 1600 missing alias. */
  describeAlias(request: AliasRequest, options?: CallOptions): Promise<DescribeAliasResponse> {
    return this.#call('describeAlias', request, options);
  }

  /** The aliases of the database, or of one collection (ListAliases): `{ db_name, collection_name, aliases }`. @throws MilvusError 100 missing collection. */
  listAliases(request: ListAliasesRequest = {}, options?: CallOptions): Promise<ListAliasesResponse> {
    return this.#call('listAliases', request, options);
  }

  // -------------------------------------------------------------- partitions

  /**
   * Creates a partition (CreatePartition); an existing name is a success.
   * @throws MilvusError 100 missing collection, 65535 invalid name or the partition limit (1024 with `_default`).
   */
  createPartition(request: PartitionRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('createPartition', request, options);
  }

  /**
   * Drops a partition (DropPartition); a missing one is a success.
   * @throws MilvusError 65535 for `_default` or a loaded partition, 100 missing collection.
   */
  dropPartition(request: PartitionRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('dropPartition', request, options);
  }

  /**
   * Whether a partition exists (HasPartition): `{ value }`.
   * @throws MilvusError 100 missing collection.
   */
  hasPartition(request: PartitionRequest, options?: CallOptions): Promise<BoolResponse> {
    return this.#call('hasPartition', request, options);
  }

  /**
   * Lists partitions (ShowPartitions): `{ partition_names, partitionIDs, created_timestamps,
   * created_utc_timestamps, data: [{ name, id, timestamp }] }`, `_default` first.
   * @throws MilvusError 100 missing collection.
   */
  showPartitions(request: ShowPartitionsRequest, options?: CallOptions): Promise<ShowPartitionsResponse> {
    return this.#call('showPartitions', request, options);
  }

  /** Same as {@link showPartitions}, as the docs' `listPartitions`. */
  listPartitions(request: ShowPartitionsRequest, options?: CallOptions): Promise<ShowPartitionsResponse> {
    return this.showPartitions(request, options);
  }

  /**
   * Loads partitions (LoadPartitions) without waiting, as the official SDK's `loadPartitions`;
   * loading is incremental (Milvus 2.3+).
   * @throws MilvusError 100, 700 no index, 200 unknown partition, 1100 replica-number change, 65535 empty list.
   */
  loadPartitions(request: LoadPartitionsRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('loadPartitions', request, options);
  }

  /**
   * Loads partitions and polls GetLoadingProgress until 100, under one deadline as {@link loadCollectionSync}.
   * @throws as {@link loadPartitions}; MilvusTimeoutError 10001 when the load is not done by the deadline.
   */
  async loadPartitionsSync(request: LoadPartitionsRequest, options?: CallOptions): Promise<ResStatus> {
    const step = this.#steps(request, options, true);
    const status = await this.#call('loadPartitions', request, step('loadPartitions'));
    await this.#waitLoaded({ collection_name: request.collection_name, partition_names: request.partition_names, ...dbOf(request) }, step);
    return status;
  }

  /**
   * Releases partitions (ReleasePartitions); releasing the last loaded one releases the collection.
   * @throws MilvusError 100, 200 unknown partition, 1100 empty list.
   */
  releasePartitions(request: PartitionsRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('releasePartitions', request, options);
  }

  /**
   * Partition statistics (GetPartitionStatistics): `{ stats: [{ key: 'row_count', value }], data: { row_count } }`.
   * @throws MilvusError 100, 200.
   */
  getPartitionStatistics(request: PartitionRequest, options?: CallOptions): Promise<StatisticsResponse> {
    return this.#call('getPartitionStatistics', request, options);
  }

  // -------------------------------------------------------------- indexes

  /**
   * Creates an index (CreateIndex); the same index again is a success.
   * @throws MilvusError 100, 1100 invalid index or metric type, 65535 a different index on the field.
   */
  createIndex(request: CreateIndexRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('createIndex', request, options);
  }

  /**
   * Describes indexes (DescribeIndex): `{ index_descriptions: [{ index_name, field_name, params, state: 'Finished', … }] }`.
   * @throws MilvusError 700 `index not found[collection=<name>]`.
   */
  describeIndex(request: IndexRequest, options?: CallOptions): Promise<DescribeIndexResponse> {
    return this.#call('describeIndex', request, options);
  }

  /** Drops an index (DropIndex). @throws MilvusError 65535 while the collection is loaded. */
  dropIndex(request: IndexRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('dropIndex', request, options);
  }

  // -------------------------------------------------------------- segments and maintenance
  // None of these is available over RESTful v2 in Milvus 2.5: there they throw MilvusError 10.

  /**
   * Compacts a collection (ManualCompaction): merges its flushed, indexed segments and drops the
   * deleted rows, in the background: `{ compactionID, compactionPlanCount }` (`'-1'` and 0 when
   * there is nothing to compact).
   * @throws MilvusError 100 for a missing collection.
   */
  compact(request: CompactRequest, options?: CallOptions): Promise<CompactionResult> {
    return this.#call('compact', request, options);
  }

  /** State of a compaction: `{ state: 'Executing' | 'Completed', executingPlanNo, completedPlanNo, failedPlanNo, timeoutPlanNo }`. */
  getCompactionState(request: CompactionStateRequest, options?: CallOptions): Promise<CompactionStateResult> {
    return this.#call('getCompactionState', request, options);
  }

  /** State of a compaction with its plans: `{ state, mergeInfos: [{ sources, target }] }` (segment IDs). */
  getCompactionStateWithPlans(request: CompactionStateRequest, options?: CallOptions): Promise<CompactionPlansResult> {
    return this.#call('getCompactionStateWithPlans', request, options);
  }

  /**
   * Whether segments (and, with `collection_name` and `flush_ts`, the collection's data up to that
   * timestamp) are flushed: `{ flushed }`.
   * @throws MilvusError 1100 invalid collection name; 100 missing collection.
   */
  getFlushState(request: FlushStateRequest, options?: CallOptions): Promise<FlushStateResult> {
    return this.#call('getFlushState', request, options);
  }

  /**
   * Flushes every collection of `db_name`, or of all databases (FlushAll): `{ flush_all_ts }`.
   * @throws MilvusError 800 for a missing database.
   */
  flushAll(request: FlushAllRequest = {}, options?: CallOptions): Promise<FlushAllResult> {
    return this.#call('flushAll', request, options);
  }

  /**
   * Whether everything written before `flush_all_ts` is flushed: `{ flushed }`.
   * @throws MilvusError 800 for a missing database.
   */
  getFlushAllState(request: FlushAllStateRequest, options?: CallOptions): Promise<FlushStateResult> {
    return this.#call('getFlushAllState', request, options);
  }

  /**
   * The loaded sealed segments of a collection: `{ infos: [{ segmentID, num_rows, mem_size, index_name, state, level, … }] }`
   * (empty when it is not loaded).
   * @throws MilvusError 100 for a missing collection.
   */
  getQuerySegmentInfo(request: SegmentInfoRequest, options?: CallOptions): Promise<QuerySegmentInfoResult> {
    return this.#call('getQuerySegmentInfo', request, options);
  }

  /**
   * The persisted (flushed) segments of a collection: `{ infos: [{ segmentID, partitionID, num_rows, state, level, … }] }`.
   * @throws MilvusError 100 for a missing collection.
   */
  getPersistentSegmentInfo(request: SegmentInfoRequest, options?: CallOptions): Promise<PersistentSegmentInfoResult> {
    return this.#call('getPersistentSegmentInfo', request, options);
  }

  // -------------------------------------------------------------- properties and renames

  /**
   * Describes a database (DescribeDatabase): `{ db_name, dbID, created_timestamp, properties }`.
   * @throws MilvusError 800 for an unknown database.
   */
  describeDatabase(request: DescribeDatabaseRequest = {}, options?: CallOptions): Promise<DescribeDatabaseResponse> {
    return this.#call('describeDatabase', request, options);
  }

  /**
   * Sets database properties, or deletes `delete_keys` (AlterDatabase), e.g.
   * `database.max.collections`, `database.replica.number`, `database.force.deny.writing`.
   * @throws MilvusError 800; 65535 for an empty request or one with both properties and keys.
   */
  alterDatabase(request: AlterDatabaseRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('alterDatabase', request, options);
  }

  /** The official SDK's other name of {@link MilvusClient.alterDatabase}. */
  alterDatabaseProperties(request: AlterDatabaseRequest, options?: CallOptions): Promise<ResStatus> {
    return this.alterDatabase(request, options);
  }

  /** Deletes database properties by key (AlterDatabase with delete keys). @throws MilvusError 800; 65535 for no keys. */
  dropDatabaseProperties(request: DropDatabasePropertiesRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('dropDatabaseProperties', request, options);
  }

  /**
   * Renames a collection, optionally into another database (RenameCollection).
   * @throws MilvusError 1100 bad new name; 100 missing collection; 65535 for a taken name.
   */
  renameCollection(request: RenameCollectionRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('renameCollection', request, options);
  }

  /**
   * Sets collection properties, or deletes `delete_keys` (AlterCollection), e.g.
   * `collection.ttl.seconds` (older rows are no longer read), `mmap.enabled`.
   * @throws MilvusError 104 for mmap / lazy load on a loaded collection; 1100 for a bad TTL; 100.
   */
  alterCollectionProperties(request: AlterCollectionRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('alterCollectionProperties', request, options);
  }

  /** The official SDK's former name of {@link MilvusClient.alterCollectionProperties}. */
  alterCollection(request: AlterCollectionRequest, options?: CallOptions): Promise<ResStatus> {
    return this.alterCollectionProperties(request, options);
  }

  /** Deletes collection properties by key (AlterCollection with delete keys). @throws MilvusError 104 for mmap keys while loaded; 100. */
  dropCollectionProperties(request: DropCollectionPropertiesRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('dropCollectionProperties', request, options);
  }

  /**
   * Changes a field's `max_length`, `max_capacity` or `mmap.enabled` (AlterCollectionField).
   * @throws MilvusError 1100 for other keys, types and values; 104 for mmap while loaded; 100.
   */
  alterCollectionFieldProperties(request: AlterCollectionFieldPropertiesRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('alterCollectionFieldProperties', request, options);
  }

  /**
   * Sets index properties, `mmap.enabled` (AlterIndex); DescribeIndex then shows them.
   * @throws MilvusError 104 while the collection is loaded; 700 unknown index; 1100 other keys or values.
   */
  alterIndexProperties(request: AlterIndexRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('alterIndexProperties', request, options);
  }

  /** Deletes index properties by key (AlterIndex with delete keys). @throws MilvusError as {@link MilvusClient.alterIndexProperties}. */
  dropIndexProperties(request: DropIndexPropertiesRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('dropIndexProperties', request, options);
  }

  // -------------------------------------------------------------- users, roles, grants, privilege groups

  /**
   * Creates a user (CreateCredential); the password is sent base64-encoded over gRPC.
   * @throws MilvusError 1100 bad username or password length; 65535 when the user exists or the user limit (100) is reached.
   */
  createUser(request: CreateUserRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('createUser', request, options);
  }

  /**
   * Changes a user's password (UpdateCredential).
   * @throws MilvusError 1400 when `oldPassword` is wrong; 1100 bad new password.
   */
  updateUser(request: UpdateUserRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('updateUser', request, options);
  }

  /**
   * Deletes a user (DeleteCredential); a missing one is a success.
   * @throws MilvusError 1401 for `root`.
   */
  deleteUser(request: UserRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('deleteUser', request, options);
  }

  /**
   * Every user name (ListCredUsers): `{ usernames }`.
   */
  listUsers(request: BaseRequest = {}, options?: CallOptions): Promise<ListCredUsersResponse> {
    return this.#call('listUsers', request, options);
  }

  /**
   * A user and, with `includeRoleInfo`, its roles (SelectUser): `{ results: [{ user, roles }] }`.
   */
  describeUser(request: UserRequest, options?: CallOptions): Promise<SelectUserResponse> {
    return this.#call('describeUser', request, options);
  }

  /**
   * Creates a role (CreateRole).
   * @throws MilvusError 1100 bad name; 65535 when it exists or the role limit (10) is reached.
   */
  createRole(request: RoleRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('createRole', request, options);
  }

  /**
   * Drops a role (DropRole).
   * @throws MilvusError 1401 for `admin` / `public`; 65535 unknown role or a role with grants.
   */
  dropRole(request: RoleRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('dropRole', request, options);
  }

  /**
   * Binds a role to a user (OperateUserRole AddUserToRole).
   * @throws MilvusError 65535 unknown role or user.
   */
  addUserToRole(request: UserRoleRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('addUserToRole', request, options);
  }

  /**
   * Unbinds a role from a user (OperateUserRole RemoveUserFromRole).
   * @throws MilvusError 65535 unknown role.
   */
  removeUserFromRole(request: UserRoleRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('removeUserFromRole', request, options);
  }

  /**
   * Every role, with its users when `includeUserInfo` (SelectRole): `{ results: [{ role, users }] }`.
   */
  listRoles(request: ListRolesRequest = {}, options?: CallOptions): Promise<SelectRoleResponse> {
    return this.#call('listRoles', request, options);
  }

  /**
   * One role, with its users when `includeUserInfo` (SelectRole); `results` is empty for an unknown role.
   */
  describeRole(request: RoleRequest, options?: CallOptions): Promise<SelectRoleResponse> {
    return this.#call('describeRole', request, options);
  }

  /**
   * Grants a privilege on an object type and name (OperatePrivilege Grant).
   * @throws MilvusError 65535 unknown role, object type or privilege.
   */
  grantPrivilege(request: OperateRolePrivilegeRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('grantPrivilege', request, options);
  }

  /**
   * Revokes a privilege (OperatePrivilege Revoke); revoking what is not granted succeeds.
   */
  revokePrivilege(request: OperateRolePrivilegeRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('revokePrivilege', request, options);
  }

  /**
   * Grants a privilege or privilege group at a database and collection (OperatePrivilegeV2 Grant).
   * @throws MilvusError 65535 unknown role or privilege, or a level that does not fit the privilege.
   */
  grantPrivilegeV2(request: PrivilegeV2Request, options?: CallOptions): Promise<ResStatus> {
    return this.#call('grantPrivilegeV2', request, options);
  }

  /**
   * Revokes a privilege or privilege group (OperatePrivilegeV2 Revoke).
   */
  revokePrivilegeV2(request: PrivilegeV2Request, options?: CallOptions): Promise<ResStatus> {
    return this.#call('revokePrivilegeV2', request, options);
  }

  /**
   * The grants of a role (SelectGrant): `{ entities: [{ role, object, object_name, db_name, grantor }] }`.
   * @throws MilvusError 65535 unknown role.
   */
  listGrants(request: ListGrantsRequest, options?: CallOptions): Promise<SelectGrantResponse> {
    return this.#call('listGrants', request, options);
  }

  /**
   * Creates a custom privilege group (CreatePrivilegeGroup).
   * @throws MilvusError 1100 bad or built-in name, or an existing group.
   */
  createPrivilegeGroup(request: PrivilegeGroupRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('createPrivilegeGroup', request, options);
  }

  /**
   * Drops a custom privilege group (DropPrivilegeGroup).
   * @throws MilvusError 1100 while a role holds it.
   */
  dropPrivilegeGroup(request: PrivilegeGroupRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('dropPrivilegeGroup', request, options);
  }

  /**
   * Every privilege group, built-in then custom (ListPrivilegeGroups): `{ privilege_groups: [{ group_name, privileges }] }`.
   */
  listPrivilegeGroups(request: BaseRequest = {}, options?: CallOptions): Promise<ListPrivilegeGroupsResponse> {
    return this.#call('listPrivilegeGroups', request, options);
  }

  /**
   * The RBAC catalogue (BackupRBAC): `{ RBAC_meta: { users, roles, grants, privilege_groups } }`,
   * passwords as the server's password records. gRPC only (no RESTful v2 endpoint: MilvusError 10).
   */
  backupRBAC(request: BaseRequest = {}, options?: CallOptions): Promise<BackupRBACResponse> {
    return this.#call('backupRBAC', request, options);
  }

  /**
   * Restores a catalogue from {@link MilvusClient.backupRBAC} (RestoreRBAC), adding its users, roles,
   * grants and groups. gRPC only (no RESTful v2 endpoint: MilvusError 10).
   * @throws MilvusError 65535 when a user, role or group of the catalogue already exists.
   */
  restoreRBAC(request: RestoreRBACRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('restoreRBAC', request, options);
  }

  /**
   * Adds privileges to a custom group (OperatePrivilegeGroup AddPrivilegesToGroup).
   * @throws MilvusError 1100 unknown group or privilege.
   */
  addPrivilegesToGroup(request: PrivilegeGroupPrivilegesRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('addPrivilegesToGroup', request, options);
  }

  /**
   * Removes privileges from a custom group (OperatePrivilegeGroup RemovePrivilegesFromGroup).
   */
  removePrivilegesFromGroup(request: PrivilegeGroupPrivilegesRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('removePrivilegesFromGroup', request, options);
  }

  // -------------------------------------------------------------- hybrid search

  /**
   * Hybrid search (HybridSearch): several ANN searches (`data`, one per vector field, each with its
   * `anns_field`, `limit`, `expr`/`filter`, `params`) fused by `rerank` — `RRFRanker(k)` (default,
   * k = 60) or `WeightedRanker(weights)` — into `limit` hits (default 100) after `offset`; hits as
   * `search` returns them, one list per query vector when the sub-searches carry several.
   * @throws MilvusError 101 collection not loaded; 65535 `maximum of ann search requests is 1024`,
   *   `unsupported rank type <s>`, bad `k`/weights, bad `limit`/`offset`; 1100 weights count or nq
   *   mismatch, and each sub-search's errors as `search`.
   */
  hybridSearch(request: HybridSearchRequest, options?: CallOptions): Promise<SearchResults> {
    return this.#call('hybridSearch', request, options);
  }

  // -------------------------------------------------------------- bulk import

  /**
   * Starts an import job over files of the server's import storage (Import; over REST
   * `jobs/import/create`): one JSON or Parquet file, or one `.npy` file per field. The job runs
   * asynchronously; follow it with {@link MilvusClient.getImportState}.
   * @returns `{ tasks: [jobId] }`.
   * @throws MilvusError 100 missing collection; 200 missing partition; 1100 `import request is
   *   empty`; 2100 a refused file set, a partition named in partition-key mode, or a server without import storage.
   */
  bulkInsert(request: ImportRequest, options?: CallOptions): Promise<ImportResponse> {
    return this.#call('bulkInsert', request, options);
  }

  /**
   * The state of an import job (GetImportState; over REST `jobs/import/get_progress`):
   * `ImportPending`, `ImportStarted`, `ImportCompleted` or `ImportFailed` (reason in the
   * `failed_reason` info), `row_count` imported, `progress_percent` info.
   * @throws MilvusError 2100 `import job does not exist, jobID=<id>: importing data failed`.
   */
  getImportState(request: GetImportStateRequest, options?: CallOptions): Promise<GetImportStateResponse> {
    return this.#call('getImportState', request, options);
  }

  /** The import jobs of a collection, or all (ListImportTasks; over REST `jobs/import/list`), the newest `limit`. @throws MilvusError 100 missing collection. */
  listImportTasks(request: ListImportTasksRequest = {}, options?: CallOptions): Promise<ListImportTasksResponse> {
    return this.#call('listImportTasks', request, options);
  }

  // -------------------------------------------------------------- resource groups, replicas, diagnostics

  /**
   * Creates a resource group (CreateResourceGroup); without `config` it wants and allows 0 query nodes.
   * The same name with the same config again is a success.
   * @throws MilvusError 65535 bad name; 301 the group exists with another config; 302 more than 1024 groups;
   *   303 illegal config (e.g. `limits.node_num` below `requests.node_num`, an unknown `transfer_from` group);
   *   over REST also 1802 for a `config` without `requests`/`limits` or with a `node_num` of 0.
   */
  createResourceGroup(request: CreateResourceGroupRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('createResourceGroup', request, options);
  }

  /**
   * Replaces the configs of existing resource groups, all or none (UpdateResourceGroups); nodes then move between groups.
   * @throws MilvusError 65535 bad name; 300 missing group; 303 illegal config.
   */
  updateResourceGroups(request: UpdateResourceGroupsRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('updateResourceGroups', request, options);
  }

  /**
   * Drops a resource group (DropResourceGroup); a missing group is a success, its nodes go to other groups.
   * @throws MilvusError 65535 bad name; 1100 for the default group, a group with `limits.node_num` above 0,
   *   one named in another group's `transfer_from`/`transfer_to`, or one holding replicas.
   */
  dropResourceGroup(request: ResourceGroupRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('dropResourceGroup', request, options);
  }

  /** The resource groups (ListResourceGroups): `{ resource_groups }`, `__default_resource_group` first. */
  listResourceGroups(request: BaseRequest = {}, options?: CallOptions): Promise<ListResourceGroupsResponse> {
    return this.#call('listResourceGroups', request, options);
  }

  /**
   * A resource group (DescribeResourceGroup): `{ resource_group: { name, capacity, num_available_node,
   * num_loaded_replica (by collection name), config, nodes: [{ node_id, address, hostname }] } }`.
   * @throws MilvusError 65535 bad name; 300 missing group.
   */
  describeResourceGroup(request: ResourceGroupRequest, options?: CallOptions): Promise<DescribeResourceGroupResponse> {
    return this.#call('describeResourceGroup', request, options);
  }

  /**
   * Moves `num_node` query nodes between groups by changing both configs (TransferNode, deprecated upstream). gRPC only.
   * @throws MilvusError 65535 bad name; 1100 same groups or `num_node` not above 0; 300 missing group;
   *   304 the source has fewer nodes; 10 over REST (no RESTful v2 endpoint).
   */
  transferNode(request: TransferNodeRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('transferNode', request, options);
  }

  /**
   * Moves `num_replica` replicas of a loaded collection to another resource group (TransferReplica).
   * @throws MilvusError 65535 bad name; 100 missing collection; 300 missing group; 1100 not enough replicas in
   *   the source or `num_replica` not above 0; over REST 1802 for `num_replica` 0, and 10 for a `db_name` other
   *   than the connection's (the REST body cannot name a database).
   */
  transferReplica(request: TransferReplicaRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('transferReplica', request, options);
  }

  /**
   * The replicas of a collection (GetReplicas), by `collection_name` or `collectionID`: `{ replicas: [{ replicaID,
   * node_ids, resource_group_name, shard_replicas: [{ leaderID, leader_addr, dm_channel_name, node_ids }] }] }`
   * (int64 as decimal strings; `[]` when not loaded). gRPC only.
   * @throws MilvusError 100 missing collection (by name); 10 over REST.
   */
  getReplicas(request: GetReplicasRequest, options?: CallOptions): Promise<GetReplicasResponse> {
    return this.#call('getReplicas', request, options);
  }

  /**
   * Asks to move sealed segments of a collection from `src_nodeID` to other query nodes (LoadBalance). gRPC only.
   * @throws MilvusError 100 missing collection; 901 a node not in a replica of the collection; 600 unknown segment; 10 over REST.
   */
  loadBalance(request: LoadBalanceRequest, options?: CallOptions): Promise<ResStatus> {
    return this.#call('loadBalance', request, options);
  }

  /**
   * Metrics (GetMetrics) for a request such as `{ request: { metric_type: 'system_info' } }`: `{ response, component_name }`
   * with `response` parsed from its JSON, as the official SDK's `getMetric`. gRPC only.
   * @throws MilvusError 1200 unknown metric type; 65535 no metric_type; 10 over REST.
   */
  getMetric(request: GetMetricsRequest, options?: CallOptions): Promise<GetMetricsResponse> {
    return this.#call('getMetric', request, options);
  }

  // -------------------------------------------------------------- analyzers

  /**
   * Runs an analyzer on texts (RunAnalyzer): `{ results: [{ tokens: [{ token, start_offset,
   * end_offset, position, position_length, hash }] }] }`, one result per text, as the official
   * SDK's `runAnalyzer`. The analyzer is `analyzer_params` (absent: the standard analyzer), or that
   * of VarChar field `field_name` of `collection_name`. Offsets are UTF-8 bytes. gRPC only.
   * @throws MilvusError 2000 invalid analyzer params; 100 missing collection; 1700 / 1100 missing
   *   or non-analyzer field; 10 over REST.
   */
  runAnalyzer(request: RunAnalyzerRequest, options?: CallOptions): Promise<RunAnalyzerResponse> {
    return this.#call('runAnalyzer', request, options);
  }

  // -------------------------------------------------------------- data

  /**
   * Inserts rows (Insert) into `partition_name` (default `_default`): `{ IDs: { int_id | str_id }, insert_cnt, timestamp, … }`.
   * Rows are `{ field: value }` objects; keys outside the schema go to the dynamic field.
   * @throws MilvusError 100; 200 unknown partition; 1100 for an invalid row (the batch is atomic).
   */
  insert(request: InsertRequest, options?: CallOptions): Promise<MutationResult> {
    return this.#call('insert', request, options);
  }

  /**
   * Inserts or replaces rows by primary key (Upsert): `{ IDs, upsert_cnt, … }`.
   * @throws MilvusError as {@link MilvusClient.insert}; 1100 for duplicate keys in the batch.
   */
  upsert(request: InsertRequest, options?: CallOptions): Promise<MutationResult> {
    return this.#call('upsert', request, options);
  }

  /**
   * Deletes the rows matching `filter` (alias `expr`) or with the primary keys `ids` (Delete;
   * `ids` becomes `<pk> in [ids]`, as the official SDK does): `{ delete_cnt, … }`.
   * @throws MilvusError 100; 200; 1100 for an empty or invalid filter.
   */
  async delete(request: DeleteRequest, options?: CallOptions): Promise<MutationResult> {
    const { ids, ...rest } = request;
    if (rest.filter || rest.expr || !ids) return this.#call('delete', rest, options);
    const step = this.#steps(request, options);
    return this.#call('delete', { ...rest, filter: await this.#primaryKeyFilter(request, ids, step('describeCollection')) }, step('delete'));
  }

  /**
   * Vector search (Search): hits `{ score, <primary key>, ...output_fields }` best first; one list
   * for one vector, one list per vector for several, as the official SDK's `search`. The result
   * type follows the request: one query (`data: number[]`, `vector`, one sparse vector or text) →
   * `SearchResults<SearchResultRow[]>`, several (`data: number[][]`, `vectors`) →
   * `SearchResults<SearchResultRow[][]>`. `limit` defaults to 100, `params.ef` to max(k, 16).
   * @throws MilvusError 101 collection not loaded; 201 partition not loaded; 65535 unknown
   *   partition; 1100 wrong dimension, metric mismatch, `ef` below k or an invalid filter.
   */
  search(request: SingleSearchRequest, options?: CallOptions): Promise<SearchResults<SearchResultRow[]>>;
  search(request: MultiSearchRequest, options?: CallOptions): Promise<SearchResults<SearchResultRow[][]>>;
  search(request: SearchRequest, options?: CallOptions): Promise<SearchResults>;
  search(request: SearchRequest, options?: CallOptions): Promise<SearchResults> {
    return this.#call('search', request, options);
  }

  /**
   * Query by filter (Query): `{ data: rows }`, Int64 values as decimal strings; `output_fields`
   * default `['*']`; without a filter a `limit` is required.
   * @throws MilvusError 101; 201; 65535; 1100 invalid filter or `empty expression should be used with limit`.
   */
  query(request: QueryRequest, options?: CallOptions): Promise<QueryResults> {
    return this.#call('query', request, options);
  }

  /**
   * Query iterator, as the official SDK's `queryIterator`: batches of at most `batchSize` rows
   * (each a Query of `<pk> > <last key>` with the batch size as limit), every matching row once, in
   * primary-key order, up to `limit` rows (unset or -1: all). Use with `for await`; awaiting the call
   * first (`await client.queryIterator(...)`, as with the SDK) works too.
   * @throws MilvusError 1100 (origin `client`) for a `batchSize` below 1; as {@link MilvusClient.query}.
   */
  queryIterator(request: QueryIteratorRequest, options?: CallOptions): AsyncGenerator<RowData[], void, undefined> {
    return queryBatches(this, request, options);
  }

  /**
   * Search iterator, as the official SDK's `searchIterator`: batches of at most `batchSize` hits
   * for one query vector, best first, every hit once, up to `limit` (unset or -1: all the search
   * reaches). Pages after the first are range searches from the last score (`range_filter`) to the
   * request's `params.radius` or the float32 extreme, without the keys already returned at that score.
   * @throws MilvusError 1100 (origin `client`) for a `batchSize` below 1 or several query vectors; as
   *   {@link MilvusClient.search}.
   */
  searchIterator(request: SearchIteratorRequest, options?: CallOptions): AsyncGenerator<SearchResultRow[], void, undefined> {
    return searchBatches(this, request, options);
  }

  /**
   * Rows by primary key (a Query on `<pk> in [ids]`, as the official SDK's `get`).
   * @throws MilvusError as {@link MilvusClient.query}.
   */
  async get(request: GetRequest, options?: CallOptions): Promise<QueryResults> {
    const { ids, ...rest } = request;
    const step = this.#steps(request, options);
    return this.#call('query', { ...rest, filter: await this.#primaryKeyFilter(request, ids, step('describeCollection')) }, step('query'));
  }

  /**
   * Counts rows matching `filter` (a Query with `output_fields: ['count(*)']`): `{ data: <number> }`.
   * @throws MilvusError as {@link MilvusClient.query}.
   */
  async count(request: CountRequest, options?: CallOptions): Promise<CountResult> {
    const { filter, expr, ...rest } = request;
    const res = await this.#call('query', { ...rest, filter: filter ?? expr ?? '', output_fields: ['count(*)'] }, options);
    return { status: res.status, data: Number(res.data[0]?.['count(*)'] ?? 0) };
  }

  /**
   * Seals the collections' growing segments (Flush): `{ coll_segIDs, coll_flush_ts, … }`.
   * Not available over RESTful v2 (MilvusError 10).
   * @throws MilvusError 100.
   */
  flush(request: FlushRequest, options?: CallOptions): Promise<FlushResult> {
    return this.#call('flush', request, options);
  }

  // -------------------------------------------------------------- internals

  /**
   * One operation under one deadline (the call's `timeout`, the request's, the client's, else
   * 15 s), retried as {@link MilvusClientOptions.maxRetries} says.
   */
  async #call<K extends OperationName>(op: K, request: OperationRequest<K>, options: CallOptions = {}): Promise<OperationResult<K>> {
    const { signal } = options;
    const plan = {
      idempotent: OPERATIONS[op].idempotent,
      maxRetries: options.maxRetries ?? this.#maxRetries,
      backoff: this.#backoff,
      deadline: callDeadline(options.timeout ?? request.timeout, this.#timeout),
      signal,
    };
    return withRetries(plan, (timeout) => this.transport.call(op, request, { timeout, ...(signal ? { signal } : {}) }));
  }

  /**
   * The options of each call of a method that makes several under one deadline: the call's or
   * request's `timeout`, else the client's, else 15 s (or, for a method that `waits` for a load,
   * {@link DEFAULT_WAIT_TIMEOUT_MS}). Each step gets the time left, and a waiting method's steps at
   * most the client's per-call timeout (15 s by default) each.
   * @throws MilvusTimeoutError (10001, origin `client`) from a step asked for once the deadline has passed.
   */
  #steps(request: { timeout?: number }, options: CallOptions = {}, waits = false): (what: string) => CallOptions {
    const deadline = callDeadline(options.timeout ?? request.timeout, waits ? (this.#timeout ?? DEFAULT_WAIT_TIMEOUT_MS) : this.#timeout);
    const perCallMs = this.#timeout ?? DEFAULT_TIMEOUT_MS;
    const perCall = !waits || perCallMs === 0 ? Infinity : perCallMs;
    return (what) => ({ ...options, timeout: Math.min(timeLeft(deadline, what), perCall) });
  }

  /** The filter `<pk> in [ids]` of a collection (its primary key from DescribeCollection): Int64 keys bare, VarChar keys quoted. */
  async #primaryKeyFilter(request: { collection_name: string; db_name?: string }, ids: readonly (string | number | bigint)[], options?: CallOptions): Promise<string> {
    const described = await this.#call('describeCollection', { collection_name: request.collection_name, ...dbOf(request) }, options);
    const pk = described.schema.fields.find((f) => f.is_primary_key);
    if (!pk) throw new MilvusError('the collection has no primary key', { origin: 'client' });
    const keys = ids.map((id) => (pk.data_type === 'Int64' ? String(id) : JSON.stringify(String(id))));
    return `${pk.name} in [${keys.join(',')}]`;
  }

  /**
   * Polls GetLoadingProgress until it reports 100, each poll and pause within the method's one
   * deadline (`step`, from {@link #steps}).
   * @throws MilvusTimeoutError 10001 once the deadline passes; MilvusAbortError 10000 on abort.
   */
  async #waitLoaded(request: LoadStateRequest, step: (what: string) => CallOptions): Promise<void> {
    for (;;) {
      const poll = step('waiting for load');
      const { progress } = await this.#call('getLoadingProgress', request, poll);
      if (Number(progress) >= 100) return;
      const pause = step('waiting for load');
      await sleep(Math.min(this.#pollInterval, pause.timeout ?? Infinity), pause.signal, 'load polling');
    }
  }
}

function dbOf(request: { db_name?: string }): { db_name?: string } {
  return request.db_name ? { db_name: request.db_name } : {};
}
