import {
  ConsistencyLevel,
  DataType,
  LoadState,
  Merr,
  MilvusError,
  formatMerr,
  indexParamsOf,
  isVectorType,
  normalizeField,
  quickSetupPlan,
  type LoadStateValue,
  type QuickSetupRequest,
} from '@mvkit/core';
import {
  Catalog,
  DEFAULT_DATABASE,
  DEFAULT_PARTITION,
  collectionNotFound,
  partitionOf,
  type Collection,
  type Database,
  type IndexSpec,
  type KeyValue,
  type Partition,
} from './catalog.js';
import { CollectionData } from './data/collection-data.js';
import { IndexBuilder, indexPlanOf, type HnswBuild, type IndexPlan } from './data/index-builder.js';
import { Pacer } from './data/pacer.js';
import type { FilterPreparer } from './data/filter.js';
import {
  deleteRows,
  getRows,
  queryRows,
  searchRows,
  writeRows,
  type DeleteInput,
  type Mutation,
  type QueryInput,
  type SearchInput,
  type SearchOutcome,
  type WriteInput,
} from './data/plane.js';
import type { Row } from './data/values.js';
import { Compactions, type CompactionSummary, type CompactionTrigger } from './compaction.js';
import { checkpointReached, collectionsOf, flushAllDatabases, segmentsFlushed } from './flush-state.js';
import { persistentSegments, querySegments, type PersistentSegment, type QuerySegment } from './segment-info.js';
import { SearchIteratorTokens, isIteratorSearch } from './data/search-iterator.js';
import { goParseBool } from './data/query-iterator.js';
import { hybridSearchRows, type HybridSearchInput, type HybridSearchOutcome } from './data/hybrid.js';
import { ImportJobs, type ImportInput, type ImportJob } from './import/jobs.js';
import { importFailed, type ImportSource } from './import/source.js';
import { alterAlias, checkDropWithAliases, createAlias, describeAlias, dropAlias, listAliases, type AliasDescription } from './aliases.js';
import { checkIndexParams, flattenIndexParams, normaliseJsonPath, paramOf, sameParams } from './indexes.js';
import { validateCollectionName, validateDatabaseName, validatePartitionName } from './names.js';
import { checkLoadFieldsUnchanged, isLoaded, loadFieldsOf, type LoadFieldsInput } from './load-fields.js';
import { partitionKeyPartitionName } from './partition-key.js';
import { componentStates, metrics, type ComponentStates, type MetricsAnswer } from './metrics.js';
import { checkLoadBalance, type LoadBalanceInput } from './load-balance.js';
import { Replicas, virtualChannelNames } from './replicas.js';
import {
  DEFAULT_RESOURCE_GROUP,
  ResourceGroups,
  validateResourceGroupName,
  type QueryNode,
  type ResourceGroupConfig,
  type ResourceGroupConfigInput,
} from './resource-groups.js';
import { buildSchema, checkSchemaCaps, sameSchema, type FieldInput } from './schema.js';
import { attachFunctions, validateFunctions, type FunctionInput } from './functions/schema.js';
import { alterDatabase, checkDatabaseCollectionLimit, checkForceDeny, databaseReplicaNumber, databaseResourceGroups } from './properties/database.js';
import { alterCollectionProperties } from './properties/collection.js';
import { alterCollectionField } from './properties/field.js';
import { alterIndex } from './properties/index.js';
import { checkCollectionTtl } from './properties/ttl.js';
import { Rbac } from './rbac/store.js';
import { exclusiveLoadCollection, exclusiveLoadPartitions, exclusiveReleasePartitions } from './exclusive-load.js';
import { profileOf, type BehaviourProfile, type ProfileName } from './profiles.js';
import { fieldAnalyzerParams, runAnalyzer, type AnalyzedToken, type RunAnalyzerInput } from './analyzer/run.js';

/** Limits and identity of a reference server; every field has the default of its {@link EngineOptions.profile} (Milvus 2.5's unless told). */
export interface EngineOptions {
  /**
   * The Milvus release whose rules the engine follows ({@link PROFILES}): `2.2`, `2.3` or `2.5`.
   * Default `2.5`.
   */
  profile?: ProfileName;
  /** `rootCoord.maxPartitionNum`: partitions per collection, `_default` included. Default the profile's (1024 in 2.5, 4096 before). */
  maxPartitionsPerCollection?: number;
  /** `quotaAndLimits.limits.collection.maxNum`: collections over all databases. Default 65536. */
  maxCollections?: number;
  /** `rootCoord.maxDatabaseNum`. Default 64. */
  maxDatabases?: number;
  /** Query nodes of the simulated deployment (IDs 1…N, all in the default resource group at start), which bound `replica_number`. Default 1 (a standalone Milvus). */
  queryNodes?: number;
  /** Version reported by GetVersion. Default the profile's (`v2.5.4`, `v2.3.5`, `v2.2.16`). */
  version?: string;
  /**
   * Rows at which a growing segment is sealed and its indexes are built (the role of Milvus's
   * `dataCoord.segment.maxSize`, formerly `index_file_size`). Default 10,000.
   */
  segmentMaxRows?: number;
  /**
   * Parses and checks filters of `PREPARE_MIN_CHARS` (64 Ki) characters and more away from the
   * event loop (the server passes its decode worker's); default: in this thread.
   */
  prepareFilter?: FilterPreparer;
  /** Builds sealed segments' HNSW graphs away from the event loop (the server passes its index worker's); default: here, in time slices. */
  buildHnsw?: HnswBuild;
  /** Where bulk import reads files (the server's `importDir`); without it import requests are refused with 2100. */
  importSource?: ImportSource;
}

/** Addresses a collection: database (default `default`) and collection name. */
export interface CollectionRef {
  dbName?: string;
  collectionName: string;
}

/**
 * A read or delete that stops when its caller goes away: at its next pause after `signal` aborts
 * (the gRPC front passes the call's cancellation, e.g. a passed deadline), it fails with MilvusError
 * 65535 `request canceled: <reason>`, a delete before it has removed anything. Writes have no
 * signal: once their rows are checked they are applied whole.
 */
export interface Cancellable {
  signal?: AbortSignal;
}

/** Addresses a partition. */
export interface PartitionRef extends CollectionRef {
  partitionName: string;
}

/** Addresses several partitions. */
export interface PartitionsRef extends CollectionRef {
  partitionNames: readonly string[];
}

/** CreateCollection input with a full schema (what the gRPC CreateCollection carries). */
export interface CreateCollectionInput extends CollectionRef {
  description?: string;
  fields: readonly FieldInput[];
  enableDynamicField?: boolean;
  /** Functions (`schema.CollectionSchema.functions`): BM25 in Milvus 2.5. */
  functions?: readonly FunctionInput[];
  /** Shards (`shards_num`); 0 or unset means 1. */
  shardsNum?: number;
  /** Partitions of partition-key mode (`num_partitions`); 0 or unset means 16; only with a partition key. */
  numPartitions?: number;
  /** `common.ConsistencyLevel` number; default 2 (Bounded). */
  consistencyLevel?: number;
  properties?: KeyValue[];
  /**
   * Rows at which this collection's growing segments are sealed (overrides the server's
   * `segmentMaxRows`; the Milvus 1.x front derives it from the collection's `index_file_size`).
   * A positive integer; unset: the server's.
   */
  segmentMaxRows?: number;
  /**
   * Partitions this collection may hold, `_default` included (overrides the server's
   * `maxPartitionsPerCollection`; the Milvus 1.x front sets 1.x's 4,096). A positive integer;
   * unset: the server's.
   */
  maxPartitions?: number;
}

/** CreateIndex input: field, optional index name (default: the field name), and raw parameters. */
export interface CreateIndexInput extends CollectionRef {
  fieldName: string;
  indexName?: string;
  params: readonly KeyValue[];
}

/** DescribeResourceGroup's answer (maps keyed by collection name). */
export interface ResourceGroupDescription {
  name: string;
  /** `requests.node_num` (the default group: 1,000,000). */
  capacity: number;
  numAvailableNode: number;
  numLoadedReplica: Map<string, number>;
  numOutgoingNode: Map<string, number>;
  numIncomingNode: Map<string, number>;
  config: ResourceGroupConfig;
  nodes: QueryNode[];
}

/** One GetReplicas entry (`milvus.ReplicaInfo`). */
export interface ReplicaDescription {
  replicaId: bigint;
  collectionId: bigint;
  /** IDs of the loaded partitions. */
  partitionIds: bigint[];
  /** One per virtual channel (shard). */
  shardReplicas: { leaderId: number; leaderAddr: string; dmChannelName: string; nodeIds: number[] }[];
  nodeIds: number[];
  resourceGroupName: string;
  /** Nodes of other groups still serving it, by group (always empty: nodes move at once). */
  numOutboundNode: Map<string, number>;
}

/** Longest stretch, in ms, that one data-plane request holds the event loop between pauses. */
const PACER_SLICE_MS = 10;

/** `milvus.ShowType`: all created partitions/collections (0) or only loaded ones (1, deprecated). */
export type ShowType = 0 | 1;

/** One row of a ShowPartitions/ShowCollections answer with the load percentage when asked. */
export interface Shown<T> {
  item: T;
  /** Loaded percentage (0–100), only for `ShowType` InMemory. */
  inMemoryPercentage?: number;
}

/**
 * The reference server's engine: every rule of Milvus's metadata, load and index behaviour
 * (2.3+ semantics as of 2.5), in memory. Fronts (gRPC, REST, msw) only translate to and from it.
 *
 * Metadata methods are synchronous and atomic. The data-plane methods (insert, upsert, delete,
 * query, get, search) are asynchronous: they validate a whole request before changing anything,
 * and long ones pause every few milliseconds ({@link Pacer}) so that one large request does not
 * stall other clients. Failures are thrown (or rejected) as {@link MilvusError} with Milvus's
 * `code`, legacy `errorCode` and exact `reason`.
 */
export class Engine {
  /** Metadata: databases, collections, partitions, indexes. */
  readonly catalog = new Catalog();
  /** Effective limits. */
  readonly limits: Required<Omit<EngineOptions, 'prepareFilter' | 'buildHnsw' | 'importSource' | 'profile'>>;
  /** The behaviour profile whose rules this engine follows. */
  readonly profile: BehaviourProfile;
  /** Builds sealed segments' indexes in the background. */
  readonly indexBuilder: IndexBuilder;
  /** Manual compactions and their plans. */
  readonly compactions: Compactions;
  /** Query nodes and resource groups (querycoord's ResourceManager). */
  readonly resourceGroups: ResourceGroups;
  /** Replicas of the loaded collections (querycoord's ReplicaManager). */
  readonly replicas: Replicas;
  /** Users, roles, grants and privilege groups (Milvus 2.5 RBAC), and their privilege checks. */
  readonly rbac = new Rbac();
  /** Aborted at close (for good) and at each reset (then replaced): stops the long requests of the state it ends. */
  #epoch = new AbortController();
  #closed = false;
  readonly #prepareFilter: FilterPreparer | undefined;
  readonly #startedAt = new Date();
  readonly #imports: ImportJobs;
  /** Tie keys of search iterator v2 tokens. */
  readonly #searchIterators = new SearchIteratorTokens();

  constructor(options: EngineOptions = {}) {
    this.profile = profileOf(options.profile);
    this.#prepareFilter = options.prepareFilter;
    this.indexBuilder = new IndexBuilder(undefined, options.buildHnsw);
    this.limits = {
      maxPartitionsPerCollection: options.maxPartitionsPerCollection ?? this.profile.maxPartitionNum,
      maxCollections: options.maxCollections ?? 65536,
      maxDatabases: options.maxDatabases ?? 64,
      queryNodes: options.queryNodes ?? 1,
      version: options.version ?? this.profile.version,
      segmentMaxRows: options.segmentMaxRows ?? 10_000,
    };
    this.compactions = new Compactions(() => this.catalog.tso.next(), this.limits.segmentMaxRows);
    this.resourceGroups = new ResourceGroups(this.limits.queryNodes);
    this.replicas = new Replicas(this.resourceGroups, () => this.catalog.tso.next());
    const tso = this.catalog.tso;
    this.#imports = new ImportJobs(options.importSource, {
      collection: (job) => {
        const coll = this.catalog.databases.get(job.dbName)?.collections.get(job.collectionName);
        return coll?.id === job.collectionId ? coll : undefined;
      },
      write: async (coll, partitionName, rows) => {
        await writeRows(coll, { ...(partitionName ? { partitionName } : {}), rows }, () => tso.next(), tso.next(), false, this.#pacer());
        return coll.data.sealAll();
      },
    }, () => tso.next());
  }

  /**
   * Stops the engine's long work: running data-plane requests fail at their next pause
   * (`request canceled: engine closed`) and queued index builds are dropped. Idempotent.
   */
  close(): void {
    this.#closed = true;
    this.#epoch.abort('engine closed');
    this.indexBuilder.clear();
    this.compactions.clear();
  }

  /**
   * Back to the state of a new engine with the same options, so that one server can be reused
   * across tests (the mock-server test kit's `reset()`; Milvus has no such RPC): every database
   * but an empty `default` is dropped with its collections, aliases, partitions, indexes, rows and
   * replicas; import jobs, compactions, search iterator tokens and queued index builds are
   * forgotten; resource groups are back to the default group holding every query node; RBAC is
   * back to the seeded users (`root`, the `--auth` users, with their seeded passwords) and the
   * built-in roles. Limits, profile, workers and the import source stay. IDs and timestamps keep
   * increasing (the TSO is not reset), so an ID from before never names a new object.
   *
   * Data-plane requests still running fail at their next pause with 65535
   * `request canceled: engine reset`; a running import job fails (its collection is gone). Cheap:
   * no worker or timer is started or left behind. A closed engine stays closed.
   */
  reset(): void {
    for (const db of this.catalog.databases.values()) {
      for (const coll of db.collections.values()) {
        coll.data.clear();
        this.replicas.release(coll.id);
      }
    }
    if (!this.#closed) {
      this.#epoch.abort('engine reset');
      this.#epoch = new AbortController();
    }
    this.catalog.reset();
    this.indexBuilder.clear();
    this.compactions.reset();
    this.#imports.clear();
    this.#searchIterators.clear();
    this.resourceGroups.reset();
    this.rbac.reset();
  }

  /** The pacer of one data-plane request: it stops at the engine's close, and at `caller`'s abort when given. */
  #pacer(caller?: AbortSignal): Pacer {
    return new Pacer(PACER_SLICE_MS, caller ? AbortSignal.any([this.#epoch.signal, caller]) : this.#epoch.signal);
  }

  // ---------------------------------------------------------------- session

  /**
   * Connect: checks that the session's database exists and returns a fresh identifier (a TSO, as
   * Milvus), which clients then send as `identifier` metadata. Mirrors proxy `Connect`.
   * @throws MilvusError 800 `database not found[database=<db>]`.
   */
  connect(dbName: string = DEFAULT_DATABASE): { identifier: bigint } {
    this.catalog.database(dbName);
    return { identifier: this.catalog.tso.next() };
  }

  /** Allocates `count` hybrid timestamps and returns the first (AllocTimestamp). */
  allocTimestamp(): bigint {
    return this.catalog.tso.next();
  }

  // ---------------------------------------------------------------- databases

  /**
   * CreateDatabase.
   * @throws MilvusError 802 invalid name; 801 `exceeded the limit number of database[limit=<n>]`;
   *   65535 `database already exist: <name>`.
   */
  createDatabase(dbName: string, properties: KeyValue[] = []): void {
    validateDatabaseName(dbName);
    if (this.catalog.databases.has(dbName)) throw new MilvusError(`database already exist: ${dbName}`);
    if (this.catalog.databases.size >= this.limits.maxDatabases) {
      throw MilvusError.of(Merr.DatabaseNumLimitExceeded, formatMerr(Merr.DatabaseNumLimitExceeded, { limit: this.limits.maxDatabases }));
    }
    this.catalog.addDatabase(dbName, properties);
  }

  /**
   * DropDatabase: a missing database is a no-op success.
   * @throws MilvusError 65535 `can not drop default database`; 65535 when collections remain.
   */
  dropDatabase(dbName: string): void {
    validateDatabaseName(dbName);
    if (dbName === DEFAULT_DATABASE) throw new MilvusError('can not drop default database');
    const db = this.catalog.databases.get(dbName);
    if (!db) return;
    if (db.collections.size > 0) throw new MilvusError(`database:${dbName} not empty, must drop all collections before drop database`);
    this.catalog.databases.delete(dbName);
  }

  /** ListDatabases: every database in creation order. */
  listDatabases(): Database[] {
    return [...this.catalog.databases.values()];
  }

  /**
   * DescribeDatabase.
   * @throws MilvusError 800 for an unknown database.
   */
  describeDatabase(dbName: string): Database {
    return this.catalog.database(dbName);
  }

  // ---------------------------------------------------------------- collections

  /**
   * CreateCollection with a full schema; creates `_default`, or in partition-key mode the
   * partitions `_default_0 … _default_{N-1}`. Creating an existing collection with
   * the same schema is a no-op success, with a different one an error.
   * @throws MilvusError 65535 for invalid functions (`validateFunctions`, checked first, as the
   *   proxy); 65535 / 1100 for the caps of {@link checkSchemaCaps}, 1100 (names, schema), 800 (database), 102 (collection limit), 65535
   *   `create duplicate collection with different parameters, collection: <name>`.
   */
  createCollection(input: CreateCollectionInput): Collection {
    const dbName = input.dbName || DEFAULT_DATABASE;
    const functionOutputs = validateFunctions(input.fields, input.functions ?? []);
    checkSchemaCaps(input.fields, input.shardsNum ?? 0);
    validateCollectionName(input.collectionName);
    const { schema, partitionCount } = buildSchema(input.collectionName, input.description ?? '', input.fields, input.enableDynamicField ?? false, input.numPartitions ?? 0, this.profile);
    attachFunctions(schema, input.functions ?? [], functionOutputs);
    const db = this.catalog.database(dbName);
    if (db.aliases.has(input.collectionName)) {
      throw new MilvusError(`collection name [${input.collectionName}] conflicts with an existing alias, please choose a unique name`);
    }
    const existing = db.collections.get(input.collectionName);
    if (existing) {
      if (sameSchema(existing.schema, schema)) return existing;
      throw new MilvusError(`create duplicate collection with different parameters, collection: ${input.collectionName}`);
    }
    if (this.catalog.collectionCount() >= this.limits.maxCollections) {
      throw MilvusError.of(
        Merr.CollectionNumLimitExceeded,
        formatMerr(Merr.CollectionNumLimitExceeded, { dbName, limit: this.limits.maxCollections }),
      );
    }
    checkDatabaseCollectionLimit(db);
    checkCollectionTtl(input.properties ?? []);
    const tso = this.catalog.tso;
    const indexes = new Map<string, IndexSpec>();
    const coll: Collection = {
      id: tso.next(),
      dbName,
      name: input.collectionName,
      schema,
      createdTs: tso.next(),
      shardsNum: input.shardsNum && input.shardsNum > 0 ? input.shardsNum : 1,
      consistencyLevel: input.consistencyLevel ?? 2,
      properties: input.properties ?? [],
      partitions: new Map(),
      indexes,
      loadType: 'none',
      replicaNumber: 0,
      ...(input.maxPartitions !== undefined ? { maxPartitions: input.maxPartitions } : {}),
      data: new CollectionData(schema, input.segmentMaxRows ?? this.limits.segmentMaxRows, this.indexBuilder, () => tso.next(), () => vectorPlans(schema.fields, indexes), this.profile.repeatedKeyRead),
      profile: this.profile,
    };
    // Partition-key mode has `_default_0 … _default_{N-1}` and no `_default` (rootcoord's `assignPartitionIDs`).
    const names = partitionCount > 0 ? Array.from({ length: partitionCount }, (_, i) => partitionKeyPartitionName(i)) : [DEFAULT_PARTITION];
    for (const name of names) coll.partitions.set(name, { id: tso.next(), name, createdTs: tso.next(), loaded: false });
    db.collections.set(coll.name, coll);
    return coll;
  }

  /**
   * Quick-setup create (REST v2 `collections/create` without a schema; MilvusClient's
   * `create_collection(dimension=…)`), following {@link quickSetupPlan}: primary key `id` (Int64) +
   * FloatVector `vector`, an AUTOINDEX index named after the vector field with the metric (default
   * COSINE), then LoadCollection.
   * @throws as {@link createCollection}, {@link createIndex} and {@link loadCollection}.
   */
  createCollectionQuick(input: QuickSetupRequest): Collection {
    const plan = quickSetupPlan(input);
    const coll = this.createCollection({
      ...(input.db_name ? { dbName: input.db_name } : {}),
      collectionName: plan.collection.collection_name,
      description: plan.collection.description ?? '',
      fields: plan.collection.fields.map(normalizeField),
      enableDynamicField: plan.collection.enable_dynamic_field ?? true,
      ...(plan.collection.consistency_level ? { consistencyLevel: ConsistencyLevel[plan.collection.consistency_level] } : {}),
    });
    const ref = { dbName: coll.dbName, collectionName: coll.name };
    this.createIndex({ ...ref, fieldName: plan.index.field_name, indexName: plan.index.index_name ?? '', params: indexParamsOf(plan.index) });
    this.loadCollection(ref);
    return coll;
  }

  /**
   * DropCollection: a missing collection is a no-op success; a loaded one is released and dropped.
   * @throws MilvusError 1100 bad name; 800 unknown database; 65535 when the name is an alias or
   *   the collection has aliases (see `checkDropWithAliases`).
   */
  dropCollection(ref: CollectionRef): void {
    validateCollectionName(ref.collectionName);
    const db = this.catalog.database(ref.dbName || DEFAULT_DATABASE);
    const coll = db.collections.get(ref.collectionName);
    checkDropWithAliases(this.catalog, db, ref.collectionName, coll);
    coll?.data.clear();
    if (coll) this.replicas.release(coll.id);
    db.collections.delete(ref.collectionName);
  }

  /**
   * RenameCollection, optionally into another database (`newDbName`), as rootcoord does: the
   * collection keeps its ID, partitions, indexes, load state and rows.
   * Only the new name is validated (the proxy's PreExecute); the old one is looked up as given, so
   * an invalid old name is a missing collection, reported by rootcoord with the database's ID.
   * The old name may be an alias (rootcoord resolves it as any name); aliases follow the collection
   * within its database, and moving a collection that has aliases to another database is refused.
   * @throws MilvusError 1100 a bad new name; 800 unknown database; 100
   *   `collection not found[database=<db id>][collection=<old>]`; 65535
   *   `duplicated new collection name <db>:<new> with other collection name or alias`; 65535
   *   `fail to rename db name, must drop all aliases of this collection before rename`.
   */
  renameCollection(ref: CollectionRef & { newName: string; newDbName?: string }): void {
    validateCollectionName(ref.newName);
    const db = this.catalog.database(ref.dbName || DEFAULT_DATABASE);
    const coll = this.catalog.findCollection(db.name, ref.collectionName);
    if (!coll) throw MilvusError.of(Merr.CollectionNotFound, formatMerr(Merr.CollectionNotFound, { database: db.id, collection: ref.collectionName }));
    const target = this.catalog.database(ref.newDbName || coll.dbName);
    if (this.catalog.findCollection(target.name, ref.newName)) {
      throw new MilvusError(`duplicated new collection name ${target.name}:${ref.newName} with other collection name or alias`);
    }
    if (target !== db && this.catalog.aliasesOf(coll).length) {
      throw new MilvusError('fail to rename db name, must drop all aliases of this collection before rename');
    }
    this.catalog.database(coll.dbName).collections.delete(coll.name);
    coll.name = ref.newName;
    coll.dbName = target.name;
    coll.schema.name = ref.newName;
    target.collections.set(coll.name, coll);
  }

  /**
   * AlterCollection of properties, or DropCollectionProperties with `deleteKeys`; see
   * {@link alterCollectionProperties} for the rules.
   * @throws MilvusError 1100 bad name; 800; 100 missing collection; as {@link alterCollectionProperties}.
   */
  alterCollectionProperties(ref: CollectionRef & { properties: readonly KeyValue[]; deleteKeys?: readonly string[] }): void {
    alterCollectionProperties(this.collectionOf(ref), ref.properties, ref.deleteKeys ?? []);
  }

  /** HasCollection: `false` for a missing collection (never an error, unless the database is unknown). */
  hasCollection(ref: CollectionRef): boolean {
    validateCollectionName(ref.collectionName);
    return this.catalog.findCollection(ref.dbName || DEFAULT_DATABASE, ref.collectionName) !== undefined;
  }

  /**
   * DescribeCollection.
   * @throws MilvusError code 100 with legacy `UnexpectedError` (deliberate upstream quirk) and
   *   reason `can't find collection[database=<db>][collection=<name>]` (profile 2.3: `can't find
   *   collection collection not found[database=<db>][collection=<name>]`; 2.2: `can't find collection: <name>`).
   */
  describeCollection(ref: CollectionRef): Collection {
    validateCollectionName(ref.collectionName);
    const dbName = ref.dbName || DEFAULT_DATABASE;
    const coll = this.catalog.findCollection(dbName, ref.collectionName);
    if (!coll) {
      const merr = formatMerr(Merr.CollectionNotFound, { database: dbName, collection: ref.collectionName });
      const reason = {
        legacy: `can't find collection: ${ref.collectionName}`,
        prefixed: `can't find collection ${merr}`,
        merr: `can't find collection[database=${dbName}][collection=${ref.collectionName}]`,
      }[this.profile.describeMissing];
      throw new MilvusError(reason, { code: Merr.CollectionNotFound.code, errorCode: 'UnexpectedError' });
    }
    return coll;
  }

  /**
   * ShowCollections: all collections of a database in creation order; with `InMemory` (1) only the
   * loaded ones (optionally restricted to `collectionNames`) with their load percentage.
   * @throws MilvusError 100 when a named collection does not exist; 101 when one is not loaded (InMemory).
   */
  showCollections(dbName: string = DEFAULT_DATABASE, type: ShowType = 0, collectionNames: readonly string[] = []): Shown<Collection>[] {
    const db = this.catalog.database(dbName || DEFAULT_DATABASE);
    if (type === 0) return [...db.collections.values()].map((item) => ({ item }));
    const names = collectionNames.length ? collectionNames : [...db.collections.keys()].filter((n) => db.collections.get(n)!.loadType !== 'none');
    return names.map((n) => {
      const item = this.catalog.findCollection(db.name, n);
      if (!item) throw collectionNotFound(db.name, n);
      if (item.loadType === 'none') throw MilvusError.of(Merr.CollectionNotLoaded, formatMerr(Merr.CollectionNotLoaded, { collection: item.id }));
      return { item, inMemoryPercentage: 100 };
    });
  }

  /**
   * GetCollectionStatistics: `row_count` over all partitions.
   * @throws MilvusError 100 for a missing collection.
   */
  getCollectionStatistics(ref: CollectionRef): { rowCount: number } {
    const coll = this.collectionOf(ref);
    let rowCount = 0;
    for (const p of coll.partitions.values()) rowCount += coll.data.rowCount(p.id);
    return { rowCount };
  }

  // ---------------------------------------------------------------- aliases

  /** CreateAlias; see {@link createAlias} for the rules and errors. */
  createAlias(ref: { dbName?: string; alias: string; collectionName: string }): void {
    createAlias(this.catalog, ref.dbName || DEFAULT_DATABASE, ref.alias, ref.collectionName);
  }

  /** AlterAlias; see {@link alterAlias} for the rules and errors. */
  alterAlias(ref: { dbName?: string; alias: string; collectionName: string }): void {
    alterAlias(this.catalog, ref.dbName || DEFAULT_DATABASE, ref.alias, ref.collectionName);
  }

  /** DropAlias; see {@link dropAlias}. */
  dropAlias(ref: { dbName?: string; alias: string }): void {
    dropAlias(this.catalog, ref.dbName || DEFAULT_DATABASE, ref.alias);
  }

  /** DescribeAlias; see {@link describeAlias}. */
  describeAlias(ref: { dbName?: string; alias: string }): AliasDescription {
    return describeAlias(this.catalog, ref.dbName || DEFAULT_DATABASE, ref.alias);
  }

  /** ListAliases of a database, or of one collection; see {@link listAliases}. */
  listAliases(ref: { dbName?: string; collectionName?: string }): string[] {
    return listAliases(this.catalog, ref.dbName || DEFAULT_DATABASE, ref.collectionName ?? '');
  }

  /** The aliases of a collection (DescribeCollection's `aliases`). */
  aliasesOf(coll: Collection): string[] {
    return this.catalog.aliasesOf(coll);
  }

  // ---------------------------------------------------------------- partitions

  /**
   * CreatePartition: an existing name is a no-op success. A partition created in a collection
   * loaded through LoadCollection is loaded at once (querycoord `SyncNewCreatedPartition`).
   * @throws MilvusError 1100 bad collection name; 100 missing collection; 65535 bad partition name;
   *   65535 `partition number (<n>) exceeds max configuration (<max>), collection: <name>` (`<max>` the
   *   collection's own cap if it has one, else the server's).
   */
  createPartition(ref: PartitionRef): void {
    const coll = this.collectionOf(ref);
    this.rejectPartitionKeyMode(coll, 'create partition');
    validatePartitionName(ref.partitionName);
    if (coll.partitions.has(ref.partitionName)) return;
    const max = coll.maxPartitions ?? this.limits.maxPartitionsPerCollection;
    if (coll.partitions.size >= max) {
      throw new MilvusError(`partition number (${coll.partitions.size}) exceeds max configuration (${max}), collection: ${coll.name}`);
    }
    const tso = this.catalog.tso;
    coll.partitions.set(ref.partitionName, { id: tso.next(), name: ref.partitionName, createdTs: tso.next(), loaded: coll.loadType === 'collection' });
  }

  /**
   * DropPartition: a missing partition is a no-op success.
   * @throws MilvusError 65535 `partition cannot be dropped, partition is loaded, please release it first`;
   *   65535 `default partition cannot be deleted`; 100 missing collection.
   */
  dropPartition(ref: PartitionRef): void {
    const coll = this.collectionOf(ref);
    this.rejectPartitionKeyMode(coll, 'drop partition');
    validatePartitionName(ref.partitionName);
    const p = coll.partitions.get(ref.partitionName);
    if (!p) return;
    if (p.loaded) throw new MilvusError('partition cannot be dropped, partition is loaded, please release it first');
    if (p.name === DEFAULT_PARTITION) throw new MilvusError('default partition cannot be deleted');
    coll.data.dropPartition(p.id);
    coll.partitions.delete(p.name);
  }

  /**
   * HasPartition.
   * @throws MilvusError 100 for a missing collection (not `false`); 65535 bad partition name.
   */
  hasPartition(ref: PartitionRef): boolean {
    const coll = this.collectionOf(ref);
    validatePartitionName(ref.partitionName);
    return coll.partitions.has(ref.partitionName);
  }

  /**
   * ShowPartitions: with `All` (0) every created partition in creation order (`_default` first);
   * with `InMemory` (1) only loaded ones (or the named ones, each of which must be loaded).
   * @throws MilvusError 100 missing collection; 200 unknown named partition; 201
   *   `partition not loaded[partition=<id>]` for a named unloaded partition (InMemory).
   */
  showPartitions(ref: CollectionRef & { partitionNames?: readonly string[]; type?: ShowType }): Shown<Partition>[] {
    const coll = this.collectionOf(ref);
    if ((ref.type ?? 0) === 0) return [...coll.partitions.values()].map((item) => ({ item }));
    const names = ref.partitionNames ?? [];
    for (const n of names) validatePartitionName(n);
    const parts = names.length ? names.map((n) => partitionOf(coll, n)) : [...coll.partitions.values()].filter((p) => p.loaded);
    return parts.map((item) => {
      if (!item.loaded) throw partitionNotLoaded(item);
      return { item, inMemoryPercentage: 100 };
    });
  }

  /**
   * GetPartitionStatistics: `row_count` of one partition.
   * @throws MilvusError 100 missing collection; 200 unknown partition.
   */
  getPartitionStatistics(ref: PartitionRef): { rowCount: number } {
    const coll = this.collectionOf(ref);
    validatePartitionName(ref.partitionName);
    return { rowCount: coll.data.rowCount(partitionOf(coll, ref.partitionName).id) };
  }

  // ---------------------------------------------------------------- load / release

  /**
   * LoadCollection: loads every partition; already loaded is a no-op; after LoadPartitions it
   * loads the rest and switches to the LoadCollection type (new partitions then load at once).
   * `replicaNumber` (unset or ≤ 0: 1) replicas are spawned in `resourceGroups` (unset: the default
   * group; one group for all, or one per replica). On a loaded collection another replica number
   * or group set reconfigures its replicas (querycoord's UpdateLoadConfig, 2.5). `loadFields` loads only those fields (and `$meta`, unless
   * `skipLoadDynamicField`); reads may then touch only them.
   * @throws MilvusError 100; as `loadFieldsOf`; 700 `index not found[collection=<name>]`;
   *   65535 for an unindexed loaded vector field; 65535 `call query coordinator LoadCollection: <reason>`
   *   for the errors of {@link Replicas.spawn} (e.g. `failed to spawn replica for collection: resource
   *   group node not enough[rg=__default_resource_group][currentNodeNum=1][expectedNodeNum=2]`) and
   *   {@link Replicas.reassign} (merr ones after `failed to load collection: `), and for another
   *   field list while loaded (`can't change the load field list for loaded collection: …`).
   *   Profile 2.3: another replica number while loaded is 1100 `can't change the replica number for
   *   loaded collection: invalid parameter[expected=<old>][actual=<new>]`; profile 2.2: the checks
   *   of `exclusiveLoadCollection` (a loaded collection is a no-op, partitions loaded or another
   *   replica number an IllegalArgument error).
   */
  loadCollection(ref: CollectionRef & LoadFieldsInput & { replicaNumber?: number; resourceGroups?: readonly string[] }): void {
    const coll = this.collectionOf(ref);
    const loadFields = loadFieldsOf(coll.schema, ref);
    this.requireIndexes(coll, loadFields);
    const { replicas, groups } = this.loadConfigOf(coll, ref);
    if (this.profile.partitionLoad === 'exclusive') {
      if (exclusiveLoadCollection(coll, replicas)) return;
    } else if (coll.loadType !== 'none' && replicas !== coll.replicaNumber && this.profile.collectionReplicaChange === 'refuse') {
      const text = `can't change the replica number for loaded collection: ${formatMerr(Merr.ParameterInvalid, { expected: coll.replicaNumber, actual: replicas })}`;
      throw MilvusError.of(Merr.ParameterInvalid, text, { detail: `failed to load collection: ${text}` });
    }
    const viaQueryCoord = (step: () => void, prefix?: string) => {
      try {
        step();
      } catch (e) {
        if (!(e instanceof MilvusError)) throw e;
        const reason = prefix && e.code !== Merr.Unexpected.code ? `${prefix}: ${e.reason}` : e.reason;
        throw new MilvusError(`call query coordinator LoadCollection: ${reason}`);
      }
    };
    if (coll.loadType === 'none') {
      viaQueryCoord(() => this.replicas.spawn(coll.id, groups, replicas));
    } else if (replicas !== coll.replicaNumber || !sameSet(this.replicas.groupsOf(coll.id), groups)) {
      viaQueryCoord(() => this.replicas.reassign(coll.id, replicas, groups), 'failed to load collection');
    } else {
      checkLoadFieldsUnchanged(coll.schema, coll.loadFields, loadFields, 'call query coordinator LoadCollection');
    }
    for (const p of coll.partitions.values()) p.loaded = true;
    coll.loadType = 'collection';
    coll.replicaNumber = replicas;
    coll.loadFields = loadFields;
  }

  /**
   * ReleaseCollection: unloads every partition; a collection that is not loaded is a no-op.
   * @throws MilvusError 100 for a missing collection.
   */
  releaseCollection(ref: CollectionRef): void {
    const coll = this.collectionOf(ref);
    this.releaseAll(coll);
  }

  /**
   * LoadPartitions (2.3+ incremental loading): loads the missing partitions; loaded ones are a
   * no-op, as is a collection loaded through LoadCollection.
   * @throws MilvusError 100; as `loadFieldsOf`; 700 / 65535 index errors (checked first); 65535
   *   `failed to load partition, due to no partition specified`; 1100 `can't change the load field
   *   list for loaded collection: …` for another field list while loaded; 200 `partition not found[partition=<n>]`
   *   for an unknown name, an invalid one included; 1100
   *   `can't change the replica number for loaded partitions: invalid parameter[expected=<old>][actual=<new>]`;
   *   1100 `can't change the resource groups for loaded partitions: invalid parameter[expected=[<old>]][actual=[<new>]]`
   *   for other `resourceGroups` while loaded; on a first load, the errors of {@link Replicas.spawn}
   *   with their codes (304 `failed to spawn replica for collection: resource group node not enough[…]`).
   *   Profile 2.2: after the index and name checks, those of `exclusiveLoadPartitions` (loaded
   *   whole, another replica number, or other partitions loaded: IllegalArgument errors; every one
   *   already loaded: a no-op).
   */
  loadPartitions(ref: PartitionsRef & LoadFieldsInput & { replicaNumber?: number; resourceGroups?: readonly string[] }): void {
    const coll = this.collectionOf(ref);
    this.rejectPartitionKeyMode(coll, 'load partitions');
    const loadFields = loadFieldsOf(coll.schema, ref);
    this.requireIndexes(coll, loadFields);
    if (ref.partitionNames.length === 0) throw new MilvusError('failed to load partition, due to no partition specified');
    // Names are looked up, not validated: an invalid one is a missing partition, as upstream.
    const parts = ref.partitionNames.map((n) => partitionOf(coll, n));
    const asked = ref.replicaNumber && ref.replicaNumber > 0 ? ref.replicaNumber : undefined;
    const defaults = this.loadConfigOf(coll, {});
    if (this.profile.partitionLoad === 'exclusive' && exclusiveLoadPartitions(coll, parts, asked ?? 1)) return;
    if (coll.loadType !== 'none' && asked !== undefined && asked !== coll.replicaNumber) {
      throw MilvusError.of(
        Merr.ParameterInvalid,
        `can't change the replica number for loaded partitions: ${formatMerr(Merr.ParameterInvalid, { expected: coll.replicaNumber, actual: asked })}`,
        { detail: `failed to load partitions: can't change the replica number for loaded partitions: ${formatMerr(Merr.ParameterInvalid, { expected: coll.replicaNumber, actual: asked })}` },
      );
    }
    const askedGroups = ref.resourceGroups ?? [];
    if (coll.loadType !== 'none' && askedGroups.length && !sameSet(this.replicas.groupsOf(coll.id), askedGroups)) {
      const text = `can't change the resource groups for loaded partitions: ${formatMerr(Merr.ParameterInvalid, {
        expected: `[${this.replicas.groupsOf(coll.id).join(' ')}]`,
        actual: `[${askedGroups.join(' ')}]`,
      })}`;
      throw MilvusError.of(Merr.ParameterInvalid, text, { detail: `failed to load partitions: ${text}` });
    }
    if (coll.loadType !== 'none') checkLoadFieldsUnchanged(coll.schema, coll.loadFields, loadFields);
    else this.replicas.spawn(coll.id, askedGroups.length ? askedGroups : defaults.groups, asked ?? defaults.replicas);
    for (const p of parts) p.loaded = true;
    if (coll.loadType === 'none') {
      coll.loadType = 'partitions';
      coll.replicaNumber = asked ?? defaults.replicas;
      coll.loadFields = loadFields;
    }
  }

  /**
   * ReleasePartitions: unloads the named partitions; unloaded ones are a no-op. Releasing the last
   * loaded partition releases the collection.
   * @throws MilvusError 100; 1100 `invalid parameter[expected=any partition][actual=empty partition list]`;
   *   200 `partition not found[partition=<n>]` for an unknown name, an invalid one included;
   *   profile 2.2: `exclusiveReleasePartitions`'s error for a collection loaded whole.
   */
  releasePartitions(ref: PartitionsRef): void {
    const coll = this.collectionOf(ref);
    this.rejectPartitionKeyMode(coll, 'release partitions');
    if (ref.partitionNames.length === 0) {
      throw MilvusError.of(Merr.ParameterInvalid, formatMerr(Merr.ParameterInvalid, { expected: 'any partition', actual: 'empty partition list' }));
    }
    const parts = ref.partitionNames.map((n) => partitionOf(coll, n));
    if (this.profile.partitionLoad === 'exclusive') exclusiveReleasePartitions(coll);
    for (const p of parts) p.loaded = false;
    if (![...coll.partitions.values()].some((p) => p.loaded)) this.releaseAll(coll);
  }

  /**
   * GetLoadState, as proxy `GetLoadState` (2.3–2.6): a missing collection is `LoadStateNotExist`
   * with a success status; without partitions, NotLoad or Loaded for the collection; with
   * partitions, NotLoad if any is not loaded.
   * @throws MilvusError 1100 bad collection name; 200 unknown partition.
   */
  getLoadState(ref: CollectionRef & { partitionNames?: readonly string[] }): LoadStateValue {
    validateCollectionName(ref.collectionName);
    const coll = this.catalog.findCollection(ref.dbName || DEFAULT_DATABASE, ref.collectionName);
    if (!coll) return LoadState.LoadStateNotExist;
    const names = ref.partitionNames ?? [];
    if (names.length === 0) return coll.loadType === 'none' ? LoadState.LoadStateNotLoad : LoadState.LoadStateLoaded;
    const parts = names.map((n) => partitionOf(coll, n));
    return parts.every((p) => p.loaded) ? LoadState.LoadStateLoaded : LoadState.LoadStateNotLoad;
  }

  /**
   * GetLoadingProgress: 100 once loaded (in-memory loading is immediate).
   * @throws MilvusError 100 missing collection; 101 `collection not loaded[collection=<id>]`; 200
   *   unknown partition; 201 `partition not loaded[partition=<id>]`.
   */
  getLoadingProgress(ref: CollectionRef & { partitionNames?: readonly string[] }): { progress: number; refreshProgress: number } {
    const coll = this.collectionOf(ref);
    const names = ref.partitionNames ?? [];
    if (names.length === 0) {
      if (coll.loadType === 'none') throw MilvusError.of(Merr.CollectionNotLoaded, formatMerr(Merr.CollectionNotLoaded, { collection: coll.id }));
      return { progress: 100, refreshProgress: 0 };
    }
    const parts = names.map((n) => partitionOf(coll, n));
    for (const p of parts) if (!p.loaded) throw partitionNotLoaded(p);
    return { progress: 100, refreshProgress: 0 };
  }

  // ---------------------------------------------------------------- indexes

  /**
   * CreateIndex, with datacoord's rules for a field's indexes: the default name is the field's (a
   * JSON path index's: the field's and its path, `my_json/a/b`), or the name of the field's one
   * index; the same name and parameters again is a no-op; another index on the field (on the same
   * path, for JSON) is refused. A JSON field takes one index per path; on a dynamic collection an
   * undeclared field with a `json_path` indexes that path of `$meta`.
   * @throws MilvusError 100; 1700 `cannot create index on non-exist field: <f>`; as
   *   {@link checkIndexParams}; 1100 for a bad `json_path`; 65535 `CreateIndex failed: at most one
   *   distinct index is allowed per field`, `CreateIndex failed: creating multiple indexes on same
   *   field is not supported`.
   */
  createIndex(input: CreateIndexInput): IndexSpec {
    const coll = this.collectionOf(input);
    const fields = coll.schema.fields;
    // An undeclared name of a dynamic collection with a `json_path` indexes that path of `$meta`.
    const field =
      fields.find((f) => f.name === input.fieldName) ??
      (coll.schema.enableDynamicField && flattenIndexParams(input.params).has('json_path') ? fields.find((f) => f.isDynamic) : undefined);
    if (!field) throw new MilvusError(`cannot create index on non-exist field: ${input.fieldName}`, { code: Merr.FieldNotFound.code });
    const { user, flat } = checkIndexParams(field, input.params, this.profile.indexChecks);
    const pathText = paramOf(flat, 'json_path');
    const jsonPath = field.dataType === DataType.JSON && pathText !== undefined ? normaliseJsonPath(coll.schema, field, pathText) : undefined;
    const same = [...coll.indexes.values()].filter((i) => i.fieldName === field.name && i.jsonPath === jsonPath);
    const indexName = input.indexName || (same.length === 1 ? same[0]!.indexName : field.name + (jsonPath ?? ''));
    for (const idx of same) {
      if (idx.indexName !== indexName) throw new MilvusError('CreateIndex failed: creating multiple indexes on same field is not supported');
      if (sameParams(idx.params, flat)) return idx;
      throw new MilvusError('CreateIndex failed: at most one distinct index is allowed per field');
    }
    const clash = coll.indexes.get(indexName);
    if (clash) throw new MilvusError(`CreateIndex failed: index already exist, but parameters are inconsistent. source index: ${indexName}`);
    const idx: IndexSpec = {
      indexID: this.catalog.tso.next(),
      indexName,
      fieldName: field.name,
      fieldID: field.fieldID,
      fieldType: field.dataType,
      params: flat,
      userParams: user,
      ...(jsonPath === undefined ? {} : { jsonPath }),
      createdTs: this.catalog.tso.next(),
    };
    coll.indexes.set(indexName, idx);
    if (isVectorType(field.dataType)) coll.data.indexSealed(indexPlanOf(idx));
    return idx;
  }

  /**
   * DescribeIndex: the collection's indexes, optionally one by index name or by field name.
   * @throws MilvusError 100; 700 `index not found[indexName=<name>]` for a named miss,
   *   `index not found[collection=<name>]` when no name was given.
   */
  describeIndex(ref: CollectionRef & { indexName?: string; fieldName?: string }): IndexSpec[] {
    const coll = this.collectionOf(ref);
    const found = [...coll.indexes.values()].filter(
      (i) => (!ref.indexName || i.indexName === ref.indexName) && (!ref.fieldName || i.fieldName === ref.fieldName),
    );
    if (found.length === 0) {
      throw MilvusError.of(Merr.IndexNotFound, formatMerr(Merr.IndexNotFound, ref.indexName ? { indexName: ref.indexName } : { collection: coll.name }));
    }
    return found;
  }

  /**
   * Build progress of the index on `fieldName` (DescribeIndex's `total_rows`, `indexed_rows`,
   * `pending_index_rows`): rows in total (deleted ones included, as `row_count`), in sealed
   * segments whose index is built (growing segments are never indexed, as in Milvus), and the rest.
   * @throws MilvusError 100 for a missing collection.
   */
  indexProgress(ref: CollectionRef, fieldName: string): { totalRows: number; indexedRows: number; pendingIndexRows: number } {
    return this.collectionOf(ref).data.indexProgress(fieldName);
  }

  /**
   * DropIndex: a missing index is a no-op success.
   * @throws MilvusError 100; 65535 `index cannot be dropped, collection is loaded, please release it first`.
   */
  dropIndex(ref: CollectionRef & { indexName?: string; fieldName?: string }): void {
    const coll = this.collectionOf(ref);
    const matches = [...coll.indexes.values()].filter(
      (i) => (!ref.indexName || i.indexName === ref.indexName) && (!ref.fieldName || i.fieldName === ref.fieldName),
    );
    if (matches.length === 0) return;
    if (coll.loadType !== 'none' && matches.some((m) => isVectorType(coll.schema.fields.find((f) => f.name === m.fieldName)?.dataType ?? 0))) {
      throw new MilvusError('index cannot be dropped, collection is loaded, please release it first');
    }
    for (const m of matches) {
      coll.indexes.delete(m.indexName);
      coll.data.dropIndexOf(m.fieldName);
    }
  }

  /** Metric type of the index on `fieldName`, if any (used by search). */
  metricTypeOf(coll: Collection, fieldName: string): string | undefined {
    for (const i of coll.indexes.values()) if (i.fieldName === fieldName) return paramOf(i.params, 'metric_type');
    return undefined;
  }

  // ---------------------------------------------------------------- segments and maintenance

  /**
   * ManualCompaction: a forced mix compaction (see {@link Compactions}) of the collection named
   * `collectionName` when given (resolved by the proxy, as pymilvus 2.5 relies on), else of the
   * one with ID `collectionId` (datacoord addresses it by ID, in any database; an ID that names no
   * collection has nothing to compact). With `l0Compaction` an L0 compaction and with
   * `majorCompaction` a clustering compaction, which find nothing to do here (deletes are not kept
   * in L0 segments; clustering keys are not supported).
   * @returns the compaction ID (-1 when there is no plan) and the plan count.
   * @throws MilvusError 800; 100 for a named collection that does not exist.
   */
  manualCompaction(input: { dbName?: string; collectionName?: string; collectionId: bigint; majorCompaction?: boolean; l0Compaction?: boolean }): CompactionTrigger {
    const coll = input.collectionName
      ? this.catalog.collection(input.dbName || DEFAULT_DATABASE, input.collectionName)
      : this.catalog.collectionWithId(input.collectionId);
    if (!coll || input.l0Compaction || input.majorCompaction) return { compactionId: -1n, planCount: 0 };
    return this.compactions.trigger(coll);
  }

  /** GetCompactionState and GetCompactionStateWithPlans of compaction `compactionId` (unknown: Completed, no plan). */
  getCompactionState(compactionId: bigint): CompactionSummary {
    return this.compactions.summary(compactionId);
  }

  /**
   * GetFlushState, as proxy and datacoord: with a collection name, the name is validated and the
   * collection resolved first; then the segments must be flushed ({@link segmentsFlushed}) and,
   * for a collection, its channels checkpointed past `flushTs` ({@link checkpointReached}).
   * @throws MilvusError 1100 invalid collection name; 800; 100 missing collection.
   */
  getFlushState(input: { dbName?: string; collectionName?: string; segmentIds: readonly bigint[]; flushTs: bigint }): boolean {
    const coll = input.collectionName ? this.collectionOf({ ...(input.dbName ? { dbName: input.dbName } : {}), collectionName: input.collectionName }) : undefined;
    if (!segmentsFlushed(this.catalog, input.segmentIds)) return false;
    return coll === undefined || checkpointReached(input.flushTs, this.catalog.tso.next());
  }

  /**
   * FlushAll: flushes every collection of `dbName` (all databases when omitted), as the 2.5 proxy.
   * @returns the FlushAll timestamp (`flush_all_ts`), allocated after the flushes.
   * @throws MilvusError 800 `database not found[database=<db>]`.
   */
  flushAll(dbName?: string): bigint {
    for (const coll of collectionsOf(this.catalog, flushAllDatabases(this.catalog, dbName))) coll.data.sealAll();
    return this.catalog.tso.next();
  }

  /**
   * GetFlushAllState: whether every collection of `dbName` (all databases when omitted) has its
   * channels checkpointed past `flushAllTs`.
   * @throws MilvusError 800 `database not found[database=<db>]`.
   */
  getFlushAllState(input: { dbName?: string; flushAllTs: bigint }): boolean {
    flushAllDatabases(this.catalog, input.dbName);
    return checkpointReached(input.flushAllTs, this.catalog.tso.next());
  }

  /**
   * GetQuerySegmentInfo: the loaded sealed segments (see {@link querySegments}).
   * The name is looked up as given (the proxy does not validate it): an invalid one is a missing collection.
   * @throws MilvusError 800; 100 missing collection.
   */
  getQuerySegmentInfo(ref: CollectionRef): QuerySegment[] {
    return querySegments(this.catalog.collection(ref.dbName || DEFAULT_DATABASE, ref.collectionName));
  }

  /**
   * GetPersistentSegmentInfo: the sealed segments (see {@link persistentSegments}).
   * The name is looked up as given (the proxy does not validate it): an invalid one is a missing collection.
   * @throws MilvusError 800; 100 missing collection.
   */
  getPersistentSegmentInfo(ref: CollectionRef): PersistentSegment[] {
    return persistentSegments(this.catalog.collection(ref.dbName || DEFAULT_DATABASE, ref.collectionName));
  }

  // ---------------------------------------------------------------- properties

  /**
   * AlterDatabase (DropDatabaseProperties when `deleteKeys` are given); see {@link alterDatabase}.
   * @throws as {@link alterDatabase}.
   */
  alterDatabase(ref: { dbName: string; properties: readonly KeyValue[]; deleteKeys?: readonly string[] }): void {
    alterDatabase(this.catalog, ref.dbName, ref.properties, ref.deleteKeys ?? []);
  }

  /**
   * AlterCollectionField: type parameters of one field; see {@link alterCollectionField}.
   * @throws MilvusError 1100 bad collection name; 800; 100; as {@link alterCollectionField}.
   */
  alterCollectionField(ref: CollectionRef & { fieldName: string; properties: readonly KeyValue[]; deleteKeys?: readonly string[] }): void {
    alterCollectionField(this.collectionOf(ref), ref.fieldName, ref.properties, ref.deleteKeys ?? []);
  }

  /**
   * AlterIndex (DropIndexProperties when `deleteKeys` are given); see {@link alterIndex}.
   * @throws MilvusError 1100 bad collection name; 800; 100; as {@link alterIndex}.
   */
  alterIndex(ref: CollectionRef & { indexName: string; params: readonly KeyValue[]; deleteKeys?: readonly string[] }): void {
    alterIndex(this.collectionOf(ref), ref.indexName, ref.params, ref.deleteKeys ?? []);
  }

  // ---------------------------------------------------------------- resource groups, replicas, diagnostics

  /**
   * CreateResourceGroup: the proxy checks the name, then see {@link ResourceGroups.create}.
   * @throws MilvusError 65535 for a bad name (see {@link validateResourceGroupName}); 301, 302, 303.
   */
  createResourceGroup(name: string, config?: ResourceGroupConfigInput): void {
    validateResourceGroupName(name);
    this.resourceGroups.create(name, config);
  }

  /**
   * UpdateResourceGroups: every name is checked by the proxy, then see {@link ResourceGroups.update}.
   * @throws MilvusError 65535 bad name; 300; 303.
   */
  updateResourceGroups(configs: ReadonlyMap<string, ResourceGroupConfigInput>): void {
    for (const name of configs.keys()) validateResourceGroupName(name);
    this.resourceGroups.update(configs);
  }

  /**
   * DropResourceGroup: refused while replicas are placed in the group; a missing group is a no-op.
   * @throws MilvusError 65535 bad name; 1100 `some replicas still loaded in resource group[<rg>], release it
   *   first: invalid parameter[expected=empty resource group][actual=resource group <rg> has collection <id> loaded]`;
   *   1100 as {@link ResourceGroups.drop}.
   */
  dropResourceGroup(name: string): void {
    validateResourceGroupName(name);
    const [loaded] = this.replicas.inGroup(name);
    if (loaded) {
      throw MilvusError.of(
        Merr.ParameterInvalid,
        formatMerr(
          Merr.ParameterInvalid,
          { expected: 'empty resource group', actual: `resource group ${name} has collection ${loaded.collectionId} loaded` },
          `some replicas still loaded in resource group[${name}], release it first`,
        ),
      );
    }
    this.resourceGroups.drop(name);
  }

  /** ListResourceGroups: names in creation order, `__default_resource_group` first. */
  listResourceGroups(): string[] {
    return [...this.resourceGroups.groups.keys()];
  }

  /**
   * DescribeResourceGroup: capacity, nodes, config and, by collection name, the replicas loaded in
   * it (nodes move at once, so no node is ever outgoing or incoming).
   * @throws MilvusError 300 `resource group not found[rg=<name>]`.
   */
  describeResourceGroup(name: string): ResourceGroupDescription {
    const rg = this.resourceGroups.group(name);
    const numLoadedReplica = new Map<string, number>();
    for (const r of this.replicas.inGroup(name)) {
      const collName = this.collectionNameOf(r.collectionId);
      if (collName !== undefined) numLoadedReplica.set(collName, (numLoadedReplica.get(collName) ?? 0) + 1);
    }
    return {
      name: rg.name,
      capacity: this.resourceGroups.capacityOf(rg),
      numAvailableNode: rg.nodes.length,
      numLoadedReplica,
      numOutgoingNode: new Map(),
      numIncomingNode: new Map(),
      config: structuredClone(rg.config),
      nodes: rg.nodes.map((id) => this.resourceGroups.nodes.get(id)!),
    };
  }

  /**
   * TransferNode: both names are checked by the proxy, then see {@link ResourceGroups.transferNode}.
   * @throws MilvusError 65535 bad name; 1100; 300; 304.
   */
  transferNode(source: string, target: string, numNode: number): void {
    validateResourceGroupName(source);
    validateResourceGroupName(target);
    this.resourceGroups.transferNode(source, target, numNode);
  }

  /**
   * TransferReplica: the proxy checks both names and resolves the collection, then see {@link Replicas.transfer}.
   * @throws MilvusError 65535 bad name; 1100 bad collection name; 100 missing collection; 300; 1100.
   */
  transferReplica(ref: CollectionRef & { source: string; target: string; numReplica: number }): void {
    validateResourceGroupName(ref.source);
    validateResourceGroupName(ref.target);
    const coll = this.collectionOf(ref);
    this.replicas.transfer(coll.id, ref.source, ref.target, ref.numReplica);
  }

  /**
   * GetReplicas of a collection given by name (resolved first) or by ID: one entry per replica with
   * the loaded partitions, its nodes, group and one shard replica per virtual channel (leader: a node
   * of the replica; its nodes: the leader, or every node of the replica with `withShardNodes`). A
   * collection that is not loaded, or an unknown ID, has no replicas.
   * @throws MilvusError 1100 bad collection name; 100 missing collection.
   */
  getReplicas(ref: { dbName?: string; collectionName?: string; collectionId?: bigint; withShardNodes?: boolean }): ReplicaDescription[] {
    const id = ref.collectionName ? this.collectionOf({ ...(ref.dbName ? { dbName: ref.dbName } : {}), collectionName: ref.collectionName }).id : ref.collectionId;
    const coll = id === undefined ? undefined : this.catalog.collectionWithId(id);
    if (!coll) return [];
    const channels = virtualChannelNames(coll);
    return this.replicas.of(coll.id).map((r) => ({
      replicaId: r.id,
      collectionId: coll.id,
      partitionIds: [...coll.partitions.values()].filter((p) => p.loaded).map((p) => p.id),
      shardReplicas: channels.map((dmChannelName, i) => {
        const leader = r.nodes.length ? this.resourceGroups.nodes.get(r.nodes[i % r.nodes.length]!) : undefined;
        return {
          leaderId: leader?.id ?? 0,
          leaderAddr: leader?.address ?? '',
          dmChannelName,
          nodeIds: ref.withShardNodes ? [...r.nodes] : leader ? [leader.id] : [],
        };
      }),
      nodeIds: [...r.nodes],
      resourceGroupName: r.resourceGroup,
      numOutboundNode: new Map(),
    }));
  }

  /**
   * LoadBalance (proxy resolves the collection, querycoord checks nodes and segments): see {@link checkLoadBalance}.
   * @throws MilvusError 1100 bad collection name; 100 missing collection; 901; 600.
   */
  loadBalance(ref: CollectionRef & LoadBalanceInput): void {
    const coll = this.collectionOf(ref);
    checkLoadBalance(coll, this.replicas.of(coll.id), ref);
  }

  /** GetComponentStates of the proxy (see {@link componentStates}). */
  componentStates(): ComponentStates {
    return componentStates();
  }

  /**
   * GetMetrics with a JSON request such as `{"metric_type":"system_info"}` (see {@link metrics}).
   * @throws MilvusError 65535; 1200.
   */
  metrics(request: string): MetricsAnswer {
    return metrics(request, { version: this.limits.version, startedAt: this.#startedAt, queryNodes: this.resourceGroups.nodes.values() });
  }

  /** The name of the collection with that ID, if it still exists. */
  private collectionNameOf(id: bigint): string | undefined {
    return this.catalog.collectionWithId(id)?.name;
  }

  // ---------------------------------------------------------------- hybrid search

  /**
   * HybridSearch (see {@link hybridSearchRows}): several ANN searches fused by an RRF or weighted ranker.
   * @throws MilvusError 100; 101; 201; 65535; 700; 1100.
   */
  async hybridSearch(ref: CollectionRef & HybridSearchInput & Cancellable): Promise<HybridSearchOutcome> {
    return hybridSearchRows(this.collectionOf(ref), ref, this.#pacer(ref.signal), this.#prepareFilter);
  }

  // ---------------------------------------------------------------- bulk import

  /**
   * Import (ImportV2; the old Import RPC sends one group of all its files): checks the request and
   * queues an asynchronous job that reads the files from the server's {@link ImportSource} and
   * writes their rows as Insert does, into sealed segments of the partition (default `_default`)
   * or by partition key.
   * @returns the job, Pending.
   * @throws MilvusError 100 unknown collection; 200 unknown partition; 1100 `import request is
   *   empty`; 2100 as {@link ImportJobs.create}.
   */
  importFiles(ref: CollectionRef & ImportInput): ImportJob {
    return this.#imports.create(ref.dbName || DEFAULT_DATABASE, this.collectionOf(ref), ref);
  }

  /**
   * An import job by ID (GetImportProgress), given as datacoord parses it (a decimal string) or as a number.
   * @throws MilvusError 2100 `parse job id failed, err=%wstrconv.ParseInt: parsing "<id>": invalid syntax` (or `value out of range`)
   *   (datacoord formats it with `fmt.Sprint`, which keeps the `%w`);
   *   2100 `import job does not exist, jobID=<id>`.
   */
  importJob(jobId: string | bigint): ImportJob {
    if (typeof jobId === 'string') {
      const why = !/^[+-]?\d+$/.test(jobId) ? 'invalid syntax' : BigInt.asIntN(64, BigInt(jobId)) !== BigInt(jobId) ? 'value out of range' : undefined;
      if (why) throw importFailed(`parse job id failed, err=%wstrconv.ParseInt: parsing ${JSON.stringify(jobId)}: ${why}`);
    }
    return this.#imports.job(BigInt(jobId));
  }

  /**
   * The import jobs of one collection, or every job (ListImports: datacoord does not filter by
   * database), oldest first.
   * @throws MilvusError (with a collection) 800 unknown database; 100 unknown collection.
   */
  listImportJobs(ref: { dbName?: string; collectionName?: string }): ImportJob[] {
    return this.#imports.list(ref.collectionName ? this.collectionOf({ dbName: ref.dbName || DEFAULT_DATABASE, collectionName: ref.collectionName }).id : undefined);
  }

  /** Resolves when every queued import job has finished. */
  importsIdle(): Promise<void> {
    return this.#imports.idle();
  }

  // ---------------------------------------------------------------- analyzers

  /**
   * RunAnalyzer: the tokens of each text under `analyzerParams`, or, when `collectionName` is
   * given, under the analyzer of its VarChar field `fieldName`.
   * @throws MilvusError 100 for a missing collection; 1700 / 1100 for a missing or non-analyzer
   *   field (see `fieldAnalyzerParams`); 2000 for invalid analyzer params (see `createAnalyzer`).
   */
  runAnalyzer(input: RunAnalyzerInput & { dbName?: string; collectionName?: string; fieldName?: string }): AnalyzedToken[][] {
    if (!input.collectionName) return runAnalyzer(input);
    const coll = this.describeCollection({ collectionName: input.collectionName, ...(input.dbName ? { dbName: input.dbName } : {}) });
    return runAnalyzer({ ...input, analyzerParams: fieldAnalyzerParams(coll.schema.fields, input.fieldName ?? '') });
  }

  // ---------------------------------------------------------------- data

  /**
   * Insert: rows into a partition (default `_default`); allowed whether or not it is loaded.
   * @returns the primary keys (generated for auto-ID collections) and the mutation timestamp.
   * @throws MilvusError 9 when the database force-denies writing (see `checkForceDeny`); 100; 200 unknown partition; 1100 for an invalid row (the batch is atomic).
   */
  async insert(ref: CollectionRef & WriteInput): Promise<Mutation> {
    checkForceDeny(this.catalog, ref.dbName || DEFAULT_DATABASE, 'writing');
    return writeRows(this.collectionOf(ref), ref, () => this.catalog.tso.next(), this.catalog.tso.next(), false, this.#pacer());
  }

  /**
   * Upsert: each row replaces the rows of its primary key in the partition it is written to (in
   * every partition in partition-key mode), or is inserted. The primary key is required, also
   * with auto ID; repeated keys in one batch are not refused (Milvus 2.5).
   * @throws as {@link insert}.
   */
  async upsert(ref: CollectionRef & WriteInput): Promise<Mutation> {
    checkForceDeny(this.catalog, ref.dbName || DEFAULT_DATABASE, 'writing');
    return writeRows(this.collectionOf(ref), ref, () => this.catalog.tso.next(), this.catalog.tso.next(), true, this.#pacer());
  }

  /**
   * Delete: by keys (`<pk> in [..]`, `<pk> == v`) or by any filter on a loaded collection, in one
   * partition or all (see {@link deleteRows}).
   * @throws MilvusError 100; 200; 1100 for an empty or invalid filter; 101 for a filter other than by keys on an unloaded collection.
   */
  async delete(ref: CollectionRef & DeleteInput & Cancellable): Promise<Mutation> {
    checkForceDeny(this.catalog, ref.dbName || DEFAULT_DATABASE, 'writing');
    return deleteRows(this.collectionOf(ref), ref, this.catalog.tso.next(), this.#pacer(ref.signal), this.#prepareFilter);
  }

  /**
   * Query (see {@link queryRows}): matching rows of the loaded partitions; for an iterator page
   * (`iterator` true), the hybrid timestamp it read at (`sessionTs`, which the SDKs' iterators keep).
   * @throws MilvusError 9 when the database force-denies reading; 100; 101 not loaded; 201; 65535 unknown partition; 1100.
   */
  async query(ref: CollectionRef & QueryInput & Cancellable): Promise<{ rows: Row[]; outputFields: string[]; sessionTs?: bigint }> {
    checkForceDeny(this.catalog, ref.dbName || DEFAULT_DATABASE, 'reading');
    const iterating = ref.iterator?.iterator !== undefined && goParseBool(ref.iterator.iterator) === true;
    const sessionTs = iterating ? this.catalog.tso.next() : undefined;
    return { ...(await queryRows(this.collectionOf(ref), ref, this.#pacer(ref.signal), this.#prepareFilter)), ...(sessionTs === undefined ? {} : { sessionTs }) };
  }

  /**
   * Get by primary keys (see {@link getRows}).
   * @throws as {@link query}.
   */
  async get(ref: CollectionRef & Cancellable & { ids: readonly unknown[]; partitionNames?: readonly string[]; outputFields?: readonly string[] }): Promise<{ rows: Row[]; outputFields: string[] }> {
    checkForceDeny(this.catalog, ref.dbName || DEFAULT_DATABASE, 'reading');
    return getRows(this.collectionOf(ref), ref.ids, ref, this.#pacer(ref.signal));
  }

  /**
   * Search (see {@link searchRows}): top-k per query vector over the loaded partitions (or the
   * hits in a range, or a search iterator's page, with the hybrid timestamp it read at: `sessionTs`).
   * @throws MilvusError 9 when the database force-denies reading; 100; 101; 201; 65535; 700; 1100.
   */
  async search(ref: CollectionRef & SearchInput & Cancellable): Promise<SearchOutcome & { sessionTs?: bigint }> {
    checkForceDeny(this.catalog, ref.dbName || DEFAULT_DATABASE, 'reading');
    const sessionTs = isIteratorSearch(ref.iterator) ? this.catalog.tso.next() : undefined;
    return { ...(await searchRows(this.collectionOf(ref), ref, this.#pacer(ref.signal), this.#prepareFilter, this.#searchIterators)), ...(sessionTs === undefined ? {} : { sessionTs }) };
  }

  /**
   * Flush: seals every growing segment of the collections (their indexes then build in the
   * background).
   * @returns per collection, the IDs of all its sealed segments and the flush timestamp.
   * @throws MilvusError 100 for a missing collection.
   */
  flush(dbName: string | undefined, collectionNames: readonly string[]): Map<string, { segmentIds: bigint[]; flushTs: bigint }> {
    const out = new Map<string, { segmentIds: bigint[]; flushTs: bigint }>();
    for (const name of collectionNames) {
      const coll = this.collectionOf({ ...(dbName ? { dbName } : {}), collectionName: name });
      coll.data.sealAll();
      out.set(name, { segmentIds: coll.data.sealedSegmentIds(), flushTs: this.catalog.tso.next() });
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  /** Validates the collection name and resolves the collection. @throws 1100, 800, 100. */
  collectionOf(ref: CollectionRef): Collection {
    validateCollectionName(ref.collectionName);
    return this.catalog.collection(ref.dbName || DEFAULT_DATABASE, ref.collectionName);
  }

  private rejectPartitionKeyMode(coll: Collection, what: string): void {
    if (coll.schema.fields.some((f) => f.isPartitionKey)) throw new MilvusError(`disable ${what} if partition key mode is used`);
  }

  /** The loaded vector fields must have an index (all vector fields when every field loads). */
  private requireIndexes(coll: Collection, loadFields: ReadonlySet<string> | undefined): void {
    const vectors = coll.schema.fields.filter((f) => isVectorType(f.dataType) && isLoaded(loadFields, f.name));
    const indexed = new Set([...coll.indexes.values()].map((i) => i.fieldName));
    if (indexed.size === 0) throw MilvusError.of(Merr.IndexNotFound, formatMerr(Merr.IndexNotFound, { collection: coll.name }));
    const missing = vectors.filter((f) => !indexed.has(f.name)).map((f) => f.name);
    if (missing.length) throw new MilvusError(`there is no vector index on field: [${missing.join(' ')}], please create index firstly`);
  }

  /**
   * The replica number and resource groups of a load, as the 2.5 proxy picks them: a load that
   * names either (a user-specified replica mode) uses the request's (1 replica, the default group
   * for what it leaves out); one that names neither uses the database's `database.replica.number`
   * / `database.resource_groups`, else 1 replica in the default group.
   */
  private loadConfigOf(coll: Collection, ref: { replicaNumber?: number; resourceGroups?: readonly string[] }): { replicas: number; groups: readonly string[] } {
    const asked = ref.replicaNumber && ref.replicaNumber > 0 ? ref.replicaNumber : undefined;
    const db = this.catalog.database(coll.dbName);
    if (asked === undefined && !ref.resourceGroups?.length) {
      return { replicas: databaseReplicaNumber(db) ?? 1, groups: databaseResourceGroups(db) ?? [DEFAULT_RESOURCE_GROUP] };
    }
    return { replicas: asked ?? 1, groups: ref.resourceGroups?.length ? ref.resourceGroups : [DEFAULT_RESOURCE_GROUP] };
  }
  /** Unloads every partition and drops the collection's replicas. */
  private releaseAll(coll: Collection): void {
    for (const p of coll.partitions.values()) p.loaded = false;
    coll.loadType = 'none';
    coll.replicaNumber = 0;
    coll.loadFields = undefined;
    this.replicas.release(coll.id);
  }
}

/** Whether two lists hold the same names (`lo.Difference` empty both ways). */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
}

/** Index plans of a schema's indexed vector fields. */
function vectorPlans(fields: readonly { name: string; dataType: number }[], indexes: ReadonlyMap<string, IndexSpec>): IndexPlan[] {
  const vectors = new Set(fields.filter((f) => isVectorType(f.dataType)).map((f) => f.name));
  return [...indexes.values()].filter((i) => vectors.has(i.fieldName)).map(indexPlanOf);
}

function partitionNotLoaded(p: Partition): MilvusError {
  return MilvusError.of(Merr.PartitionNotLoaded, formatMerr(Merr.PartitionNotLoaded, { partition: p.id }));
}

