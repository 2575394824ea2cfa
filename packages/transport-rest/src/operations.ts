import {
  ConsistencyLevel,
  DataType,
  FunctionType,
  LoadState,
  Merr,
  MilvusError,
  formatMerr,
  indexParamsOf,
  normalizeField,
  type CollectionRequest,
  type PartialLoad,
  type ResourceGroupConfig,
  type LoadStateRequest,
  type OperationName,
  type OperationRequest,
  type OperationResult,
  type StatisticsResponse,
  withCollectionRows,
  withPartitionRows,
  withRowCount,
} from '@mvkit/core';
import * as data from './data-mappings.js';
import { hybridSearch } from './hybrid-mappings.js';
import { importOptionsOf, importStateOf, type ImportProgress } from './import-mappings.js';
import { errorFromMessage } from './errors.js';
import { RBAC_MAPPINGS } from './rbac-mappings.js';
import type { components, paths } from './gen/schema.js';
import { IndexState, OUTPUTS, type KeyValuePairInit } from './gen/shapes.js';
import { result, type MessageShape } from './result-shape.js';

/** A RESTful v2 path of `openapi/milvus-v2.yaml`, e.g. `/v2/vectordb/partitions/list`. */
export type RestPath = keyof paths;

/** A successful REST answer: `data` and the envelope's `message` (`''` when absent). */
export interface RestReply<T> {
  data: T;
  message: string;
  /** `topks` of an `entities/search` envelope (hits per query vector), when present. */
  topks?: number[];
}

/** What an operation mapping gets from the transport: the connection's database and one REST call under the operation's deadline. */
export interface RestCallContext {
  /** The connection's database (`DB-Name`), `default` when none was given. */
  readonly database: string;
  /** `POST` one RESTful v2 path. @throws MilvusError (business error or transport fault). */
  post<T = unknown>(path: RestPath, body: object): Promise<RestReply<T>>;
}

type Schemas = components['schemas'];
/** An int64 in a REST answer: a number, or a bigint beyond 2^53 (lossless parsing). */
type Int64 = number | bigint;
type Described = Omit<Schemas['CollectionDescription'], 'collectionID' | 'partitionsNum' | 'fields'> & {
  collectionID: Int64;
  partitionsNum: Int64;
  fields: (Omit<Schemas['FieldDescription'], 'id'> & { id: Int64 })[];
};
type IndexRow = Omit<Schemas['IndexDescription'], 'totalRows' | 'pendingRows' | 'indexedRows'> & { totalRows: Int64; pendingRows: Int64; indexedRows: Int64 };

const m = OUTPUTS;
const i64 = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v ?? 0))));
const enumOf = (table: Readonly<Record<string, number | string>>, name: string | undefined): number => {
  const v = name === undefined ? undefined : table[name];
  return typeof v === 'number' ? v : 0;
};
const nameOf = (table: Readonly<Record<string, number>>, value: number): string => Object.entries(table).find(([, v]) => v === value)?.[0] ?? String(value);

/** Body fields naming the request's database (the connection's goes in `DB-Name`). */
const dbOf = (req: { db_name?: string }) => (req.db_name ? { dbName: req.db_name } : {});
const collectionBody = (req: CollectionRequest) => ({ ...dbOf(req), collectionName: req.collection_name });
const dbNameOf = (ctx: RestCallContext, req: { db_name?: string }) => req.db_name || ctx.database;

/** Runs `fn` over `items` with at most `limit` in flight, keeping order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** `stats` plus the SDK's `data.row_count`. */
function rowCountResult(shape: MessageShape<{ stats?: readonly KeyValuePairInit[] }>, rowCount: unknown): StatisticsResponse {
  return withRowCount(result(shape, { stats: [{ key: 'row_count', value: String(rowCount ?? 0) }] }));
}

/** A partial load cannot be said in RESTful v2's load bodies: refused rather than loading every field. */
function refusePartialLoad(req: PartialLoad): void {
  if ((req.load_fields?.length ?? 0) > 0 || req.skip_load_dynamic_field) throw unimplemented('a partial load (load_fields, skip_load_dynamic_field)');
}

const unimplemented = (what: string) => MilvusError.of(Merr.ServiceUnimplemented, `${Merr.ServiceUnimplemented.message}: ${what} is not available over RESTful v2`, { origin: 'client' });

/** The partition names of a load-state request (`partition_name` is the docs' one-partition form). */
const partitionNamesOf = (req: LoadStateRequest): string[] => req.partition_names ?? (req.partition_name !== undefined ? [req.partition_name] : []);

/**
 * GetLoadState's answer for partitions of a collection that is not loaded, as the gRPC front
 * gives it: 200 for the first unknown partition, else not loaded (one `partitions/has` each).
 */
async function firstUnknownPartition(ctx: RestCallContext, req: LoadStateRequest, names: readonly string[]): Promise<string | undefined> {
  for (const name of names) {
    const { data } = await ctx.post<Schemas['HasResponse']['data']>('/v2/vectordb/partitions/has', { ...collectionBody(req), partitionName: name });
    if (!data.has) return name;
  }
  return undefined;
}

const partitionNotFound = (name: string) => MilvusError.of(Merr.PartitionNotFound, formatMerr(Merr.PartitionNotFound, { partition: name }), { origin: 'server' });

/** The REST answer of `collections/get_load_state` (see the OpenAPI notes for its quirks). */
type LoadStateData = Omit<Schemas['LoadStateResponse']['data'], 'loadProgress'> & { loadProgress?: Int64 };

/** Describes one index by name; `[]` when it does not exist. */
async function describeIndexNamed(ctx: RestCallContext, req: CollectionRequest, indexName: string): Promise<IndexRow[]> {
  try {
    return (await ctx.post<IndexRow[]>('/v2/vectordb/indexes/describe', { ...collectionBody(req), indexName })).data;
  } catch (e) {
    if (MilvusError.is(e) && e.code === Merr.IndexNotFound.code) return [];
    throw e;
  }
}

/** All indexes of a collection (`indexes/list`, then `indexes/describe` each). */
async function describeAllIndexes(ctx: RestCallContext, req: CollectionRequest): Promise<IndexRow[]> {
  const { data: names } = await ctx.post<string[]>('/v2/vectordb/indexes/list', collectionBody(req));
  return (await mapLimit(names, 8, (name) => describeIndexNamed(ctx, req, name))).flat();
}

/**
 * DescribeCollection's missing collection with the legacy `error_code` Milvus's gRPC answer
 * carries: the proxy's describe task rewrites it to `UnexpectedError` ("compatibility with
 * PyMilvus") beside code 100 and the `can't find collection[...]` reason. RESTful v2 sends that
 * code and reason but no legacy code, so the transport restores it to match the gRPC transport.
 */
const describeNotFound = (e: MilvusError) =>
  new MilvusError(e.reason, { code: e.code, errorCode: 'UnexpectedError', retriable: e.retriable, origin: e.origin, ...(e.transportStatus !== undefined ? { transportStatus: e.transportStatus } : {}), cause: e });

/** DescribeIndex's miss as Milvus words it: by the index name asked for, else by the collection. */
const indexNotFound = (req: CollectionRequest & { index_name?: string }) =>
  MilvusError.of(Merr.IndexNotFound, formatMerr(Merr.IndexNotFound, req.index_name ? { indexName: req.index_name } : { collection: req.collection_name }), { origin: 'server' });

/** A client `ResourceGroupConfig` as the REST body's `config` (node labels as a map). */
function restConfig(cfg: ResourceGroupConfig): Schemas['ResourceGroupConfig'] {
  return {
    ...(cfg.requests ? { requests: cfg.requests } : {}),
    ...(cfg.limits ? { limits: cfg.limits } : {}),
    ...(cfg.transfer_from ? { transfer_from: cfg.transfer_from } : {}),
    ...(cfg.transfer_to ? { transfer_to: cfg.transfer_to } : {}),
    ...(cfg.node_filter ? { node_filter: { node_labels: Object.fromEntries(cfg.node_filter.node_labels.map((l) => [l.key, l.value])) } } : {}),
  } as Schemas['ResourceGroupConfig'];
}

type RestResourceGroup = Schemas['ResourceGroupDescription'];

/** `resource_groups/describe`'s group (Go's encoding/json of the proto, zero members omitted) as a `milvus.ResourceGroup` init. */
function resourceGroupOf(rg: RestResourceGroup) {
  const limit = (l: { node_num?: number } | undefined) => ({ nodeNum: l?.node_num ?? 0 });
  const transfers = (list: { resource_group?: string }[] | undefined) => (list ?? []).map((t) => ({ resourceGroup: t.resource_group ?? '' }));
  return {
    name: rg.name ?? '',
    capacity: rg.capacity ?? 0,
    numAvailableNode: rg.num_available_node ?? 0,
    numLoadedReplica: rg.num_loaded_replica ?? {},
    numOutgoingNode: rg.num_outgoing_node ?? {},
    numIncomingNode: rg.num_incoming_node ?? {},
    config: {
      requests: limit(rg.config?.requests),
      limits: limit(rg.config?.limits),
      transferFrom: transfers(rg.config?.transfer_from),
      transferTo: transfers(rg.config?.transfer_to),
      nodeFilter: { nodeLabels: (rg.config?.node_filter?.node_labels ?? []).map((l) => ({ key: l.key ?? '', value: l.value ?? '' })) },
    },
    nodes: (rg.nodes ?? []).map((n) => ({ nodeId: i64(n.node_id), address: n.address ?? '', hostname: n.hostname ?? '' })),
  };
}

/** One operation over RESTful v2: builds the REST call(s) and returns the gRPC transport's result shape. */
export type RestMapping<K extends OperationName> = (ctx: RestCallContext, request: OperationRequest<K>) => Promise<OperationResult<K>>;

/**
 * Every client operation over RESTful v2 (Milvus 2.5), with the gaps RESTful v2 leaves:
 *
 * - `getVersion`: no REST v2 endpoint; throws MilvusError 10 (origin `client`).
 * - `checkHealth`: `collections/list` on `default`; healthy when it answers.
 * - `listDatabases`: `databases/list` + `databases/describe` per database for `db_ids`;
 *   `created_timestamp` is empty (not exposed).
 * - `createCollection`: `collections/create` with a schema; `description` and properties other
 *   than `collection.ttl.seconds` / `partitionkey.isolation` are not expressible (dropped).
 * - `describeCollection`: `collections/describe` (the dynamic `$meta` field is not listed, as
 *   over gRPC; `enable_dynamic_field` tells it);
 *   channel names and creation timestamps are empty/0 (not exposed). A missing collection (100)
 *   gets the legacy `errorCode` `UnexpectedError`, as Milvus's gRPC DescribeCollection sends it.
 * - `showCollections`: `collections/list` + `collections/describe` per collection (IDs, load
 *   state); creation timestamps empty; `type: 1` (InMemory, deprecated) throws 10.
 * - `loadCollection` / `loadPartitions`: `replica_number` is not expressible (server default);
 *   a partial load (`load_fields`, `skip_load_dynamic_field`) throws 10 (not sent rather than
 *   ignored).
 * - `getLoadState` / `getLoadingProgress`: `collections/get_load_state`, with its answers turned
 *   back into the gRPC results and errors (a missing collection is `LoadStateNotExist`; a named
 *   partition not loaded is `LoadStateNotLoad` / 201; unknown partitions are 200, checked with
 *   `partitions/has` when the collection is not loaded). A missing collection in
 *   `getLoadingProgress` keeps REST's reason (`collection not found[collection=<name>]`); a
 *   partition of a released collection is reported by name, not ID, in the 201 reason.
 * - `showPartitions`: `partitions/list`: names only; `partitionIDs` and the creation timestamps
 *   are empty (REST v2 exposes them nowhere); `type: 1` throws 10.
 * - `describeIndex`: `indexes/describe` (with `indexes/list` when no `index_name`); `indexID` is 0
 *   and `params` holds only `index_type` and `metric_type` (build parameters are not exposed).
 * - `dropIndex` without `index_name`: resolved by field through `indexes/list` + `describe`.
 * - `insert` / `upsert` / `delete`: `entities/*`; the mutation `timestamp` is not exposed (`'0'`);
 *   `delete` by `ids` resolves the primary key with `collections/describe`.
 * - `search` / `query`: `entities/search` (`distance` → `score`) and `entities/query`. Rows are
 *   Milvus's REST rows: JSON fields as their JSON text, Array fields in Go's raw protobuf shape
 *   (upstream issue #52048), dynamic keys at the top level, and search hits also carry `id` (the
 *   primary key, whatever the field is called).
 * - `describeDatabase`: `databases/describe`; `created_timestamp` is 0 (not exposed).
 * - `alterDatabase` / `alterCollectionProperties` with `delete_keys`: the `drop_properties` endpoint.
 * - `hybridSearch`: `entities/hybrid_search`, hits as `search`'s.
 * - `flush`: no RESTful v2 endpoint; throws MilvusError 10 (origin `client`).
 * - `createResourceGroup`, `updateResourceGroups`, `dropResourceGroup`, `listResourceGroups`,
 *   `describeResourceGroup`, `transferReplica`: the `resource_groups/*` endpoints (node labels
 *   travel as a map). `transferReplica`'s body has no `dbName`: the collection is looked up in the
 *   connection's database, and a `db_name` naming another one throws 10 (not sent rather than
 *   ignored). `transferNode`, `getReplicas`, `loadBalance`, `getMetric`: no RESTful v2 endpoint;
 *   throw MilvusError 10 (origin `client`).
 * - `compact`, `getCompactionState(WithPlans)`, `getFlushState`, `flushAll`, `getFlushAllState`,
 *   `getQuerySegmentInfo`, `getPersistentSegmentInfo`: no RESTful v2 endpoint in Milvus 2.5; throw
 *   MilvusError 10 (origin `client`).
 * - `runAnalyzer`: no RESTful v2 endpoint was confirmed in Milvus 2.5; throws MilvusError 10 (origin `client`).
 * - `backupRBAC`, `restoreRBAC`: no RESTful v2 endpoint in Milvus 2.5; throw MilvusError 10 (origin `client`).
 */
export const REST_MAPPINGS: { readonly [K in OperationName]: RestMapping<K> } = {
  async getVersion() {
    throw unimplemented('GetVersion');
  },
  async checkHealth(ctx) {
    await ctx.post('/v2/vectordb/collections/list', { dbName: 'default' });
    return result(m.checkHealth, { isHealthy: true }) as never;
  },

  // databases
  async createDatabase(ctx, req) {
    await ctx.post('/v2/vectordb/databases/create', { dbName: req.db_name });
    return result(m.createDatabase, {}) as never;
  },
  async dropDatabase(ctx, req) {
    await ctx.post('/v2/vectordb/databases/drop', { dbName: req.db_name });
    return result(m.dropDatabase, {}) as never;
  },
  async listDatabases(ctx) {
    const { data: names } = await ctx.post<string[]>('/v2/vectordb/databases/list', {});
    const described = await mapLimit(names, 8, (dbName) => ctx.post<Omit<Schemas['DatabaseDescription'], 'dbID'> & { dbID: Int64 }>('/v2/vectordb/databases/describe', { dbName }));
    return result(m.listDatabases, { dbNames: names, dbIds: described.map((d) => i64(d.data.dbID)) }) as never;
  },

  // collections
  async createCollection(ctx, req) {
    const fields = req.fields.map(normalizeField);
    const properties = req.properties ?? {};
    const params: Record<string, unknown> = {};
    if (req.shards_num !== undefined) params.shardsNum = req.shards_num;
    if (req.consistency_level !== undefined) params.consistencyLevel = req.consistency_level;
    if (req.num_partitions !== undefined) params.partitionsNum = req.num_partitions;
    if (properties['collection.ttl.seconds'] !== undefined) params.ttlSeconds = properties['collection.ttl.seconds'];
    if (properties['partitionkey.isolation'] !== undefined) params.partitionKeyIsolation = properties['partitionkey.isolation'];
    const body: Schemas['CollectionReq'] = {
      ...dbOf(req),
      collectionName: req.collection_name,
      schema: {
        autoID: fields.some((f) => f.isPrimaryKey && f.autoID),
        enableDynamicField: req.enable_dynamic_field ?? false,
        fields: fields.map((f) => ({
          fieldName: f.name,
          dataType: nameOf(DataType, f.dataType),
          ...(f.dataType === DataType.Array ? { elementDataType: nameOf(DataType, f.elementType) } : {}),
          isPrimary: f.isPrimaryKey,
          isPartitionKey: f.isPartitionKey,
          isClusteringKey: f.isClusteringKey,
          elementTypeParams: f.typeParams,
          nullable: f.nullable,
          // RESTful v2 takes the plain value (an Int64 default within ±2^53 as a JSON number).
          ...(f.defaultValue ? { defaultValue: typeof f.defaultValue.value === 'bigint' ? Number(f.defaultValue.value) : f.defaultValue.value } : {}),
        })) as Schemas['FieldSchema'][],
        ...(req.functions?.length
          ? {
              functions: req.functions.map((fn) => ({
                name: fn.name,
                description: fn.description ?? '',
                type: typeof fn.type === 'number' ? nameOf(FunctionType, fn.type) : fn.type,
                inputFieldNames: fn.input_field_names,
                outputFieldNames: fn.output_field_names,
                params: fn.params ?? {},
              })),
            }
          : {}),
      },
      ...(Object.keys(params).length ? { params } : {}),
    };
    await ctx.post('/v2/vectordb/collections/create', body);
    return result(m.createCollection, {}) as never;
  },
  async dropCollection(ctx, req) {
    await ctx.post('/v2/vectordb/collections/drop', collectionBody(req));
    return result(m.dropCollection, {}) as never;
  },
  async hasCollection(ctx, req) {
    const { data } = await ctx.post<Schemas['HasResponse']['data']>('/v2/vectordb/collections/has', collectionBody(req));
    return result(m.hasCollection, { value: data.has }) as never;
  },
  async describeCollection(ctx, req) {
    let c: Described;
    try {
      ({ data: c } = await ctx.post<Described>('/v2/vectordb/collections/describe', collectionBody(req)));
    } catch (e) {
      throw MilvusError.is(e) && e.code === Merr.CollectionNotFound.code ? describeNotFound(e) : e;
    }
    const fields = c.fields.map((f) => ({
      fieldID: i64(f.id),
      name: f.name,
      isPrimaryKey: f.primaryKey,
      description: f.description,
      dataType: enumOf(DataType, f.type),
      typeParams: (f.params ?? []).map((p) => ({ key: p.key ?? '', value: p.value ?? '' })),
      autoID: f.autoId,
      elementType: enumOf(DataType, f.elementType),
      isPartitionKey: f.partitionKey,
      isClusteringKey: f.clusteringKey,
      nullable: f.nullable,
      isFunctionOutput: f.isFunctionOutput ?? false,
      isDynamic: false,
    }));
    return result(m.describeCollection, {
      schema: {
        name: c.collectionName,
        description: c.description,
        autoID: c.autoId,
        fields,
        enableDynamicField: c.enableDynamicField,
        functions: (c.functions ?? []).map((fn) => ({
          name: fn.name ?? '',
          id: i64(fn.id ?? '0'),
          description: fn.description ?? '',
          type: fn.type ?? 0,
          inputFieldNames: fn.inputFieldNames ?? [],
          outputFieldNames: fn.outputFieldNames ?? [],
          params: (fn.params ?? []).map((p) => ({ key: p.key ?? '', value: p.value ?? '' })),
        })),
      },
      collectionID: i64(c.collectionID),
      shardsNum: c.shardsNum,
      aliases: c.aliases,
      consistencyLevel: enumOf(ConsistencyLevel, c.consistencyLevel),
      collectionName: c.collectionName,
      properties: c.properties.map((p) => ({ key: p.key ?? '', value: p.value ?? '' })),
      dbName: dbNameOf(ctx, req),
      numPartitions: i64(c.partitionsNum),
    }) as never;
  },
  async showCollections(ctx, req) {
    if (req.type === 1) throw unimplemented('ShowCollections with type InMemory');
    const { data: names } = await ctx.post<string[]>('/v2/vectordb/collections/list', dbOf(req));
    const described = await mapLimit(names, 8, async (collectionName) => {
      try {
        return (await ctx.post<Described>('/v2/vectordb/collections/describe', { ...dbOf(req), collectionName })).data;
      } catch (e) {
        if (MilvusError.is(e) && e.code === Merr.CollectionNotFound.code) return undefined; // dropped meanwhile
        throw e;
      }
    });
    const live = described.filter((c): c is Described => c !== undefined);
    return withCollectionRows(
      result(m.showCollections, {
        collectionNames: live.map((c) => c.collectionName),
        collectionIds: live.map((c) => i64(c.collectionID)),
        queryServiceAvailable: live.map((c) => c.load !== 'LoadStateNotLoad' && c.load !== ''),
      }),
    ) as never;
  },
  async loadCollection(ctx, req) {
    refusePartialLoad(req);
    await ctx.post('/v2/vectordb/collections/load', collectionBody(req));
    return result(m.loadCollection, {}) as never;
  },
  async releaseCollection(ctx, req) {
    await ctx.post('/v2/vectordb/collections/release', collectionBody(req));
    return result(m.releaseCollection, {}) as never;
  },
  async getLoadState(ctx, req) {
    const names = partitionNamesOf(req);
    let reply: RestReply<LoadStateData>;
    try {
      reply = await ctx.post<LoadStateData>('/v2/vectordb/collections/get_load_state', { ...collectionBody(req), ...(names.length ? { partitionNames: names } : {}) });
    } catch (e) {
      if (MilvusError.is(e) && e.code === Merr.CollectionNotFound.code && e.reason.startsWith('collection not found[collection=')) {
        return result(m.getLoadState, { state: LoadState.LoadStateNotExist }) as never;
      }
      throw e;
    }
    const { data, message } = reply;
    let state: number = enumOf(LoadState, data.loadState);
    if (data.loadState === 'LoadStateNotLoad' && names.length) {
      const unknown = await firstUnknownPartition(ctx, req, names);
      if (unknown !== undefined) throw partitionNotFound(unknown);
    }
    if (names.length && Number(data.loadProgress) === -1) {
      const cause = errorFromMessage(message);
      if (cause.code === Merr.PartitionNotFound.code) throw cause;
      state = LoadState.LoadStateNotLoad; // a named partition is not loaded
    }
    return result(m.getLoadState, { state }) as never;
  },
  async getLoadingProgress(ctx, req) {
    const names = partitionNamesOf(req);
    const { data, message } = await ctx.post<LoadStateData>('/v2/vectordb/collections/get_load_state', { ...collectionBody(req), ...(names.length ? { partitionNames: names } : {}) });
    if (data.loadState === 'LoadStateNotLoad') {
      if (names.length) {
        const unknown = await firstUnknownPartition(ctx, req, names);
        throw unknown !== undefined ? partitionNotFound(unknown) : MilvusError.of(Merr.PartitionNotLoaded, formatMerr(Merr.PartitionNotLoaded, { partition: names[0]! }), { origin: 'server' });
      }
      const { data: c } = await ctx.post<Described>('/v2/vectordb/collections/describe', collectionBody(req));
      throw MilvusError.of(Merr.CollectionNotLoaded, formatMerr(Merr.CollectionNotLoaded, { collection: i64(c.collectionID) }), { origin: 'server' });
    }
    if (Number(data.loadProgress) === -1) throw errorFromMessage(message);
    return result(m.getLoadingProgress, { progress: i64(data.loadProgress), refreshProgress: 0n }) as never;
  },
  async getCollectionStatistics(ctx, req) {
    const { data } = await ctx.post<{ rowCount: Int64 }>('/v2/vectordb/collections/get_stats', collectionBody(req));
    return rowCountResult(m.getCollectionStatistics, data.rowCount) as never;
  },

  // aliases
  async createAlias(ctx, req) {
    await ctx.post('/v2/vectordb/aliases/create', { ...collectionBody(req), aliasName: req.alias });
    return result(m.createAlias, {}) as never;
  },
  async alterAlias(ctx, req) {
    await ctx.post('/v2/vectordb/aliases/alter', { ...collectionBody(req), aliasName: req.alias });
    return result(m.alterAlias, {}) as never;
  },
  async dropAlias(ctx, req) {
    await ctx.post('/v2/vectordb/aliases/drop', { ...dbOf(req), aliasName: req.alias });
    return result(m.dropAlias, {}) as never;
  },
  async describeAlias(ctx, req) {
    const { data } = await ctx.post<Schemas['AliasDescriptionResponse']['data']>('/v2/vectordb/aliases/describe', { ...dbOf(req), aliasName: req.alias });
    return result(m.describeAlias, { dbName: data.dbName, alias: data.aliasName, collection: data.collectionName }) as never;
  },
  async listAliases(ctx, req) {
    const { data } = await ctx.post<string[]>('/v2/vectordb/aliases/list', { ...dbOf(req), ...(req.collection_name ? { collectionName: req.collection_name } : {}) });
    return result(m.listAliases, { dbName: dbNameOf(ctx, req), collectionName: req.collection_name ?? '', aliases: data }) as never;
  },

  // partitions
  async createPartition(ctx, req) {
    await ctx.post('/v2/vectordb/partitions/create', { ...collectionBody(req), partitionName: req.partition_name });
    return result(m.createPartition, {}) as never;
  },
  async dropPartition(ctx, req) {
    await ctx.post('/v2/vectordb/partitions/drop', { ...collectionBody(req), partitionName: req.partition_name });
    return result(m.dropPartition, {}) as never;
  },
  async hasPartition(ctx, req) {
    const { data } = await ctx.post<Schemas['HasResponse']['data']>('/v2/vectordb/partitions/has', { ...collectionBody(req), partitionName: req.partition_name });
    return result(m.hasPartition, { value: data.has }) as never;
  },
  async showPartitions(ctx, req) {
    if (req.type === 1) throw unimplemented('ShowPartitions with type InMemory');
    const { data: names } = await ctx.post<string[]>('/v2/vectordb/partitions/list', collectionBody(req));
    return withPartitionRows(result(m.showPartitions, { partitionNames: names })) as never;
  },
  async loadPartitions(ctx, req) {
    refusePartialLoad(req);
    await ctx.post('/v2/vectordb/partitions/load', { ...collectionBody(req), partitionNames: req.partition_names });
    return result(m.loadPartitions, {}) as never;
  },
  async releasePartitions(ctx, req) {
    await ctx.post('/v2/vectordb/partitions/release', { ...collectionBody(req), partitionNames: req.partition_names });
    return result(m.releasePartitions, {}) as never;
  },
  async getPartitionStatistics(ctx, req) {
    const { data } = await ctx.post<{ rowCount: Int64 }>('/v2/vectordb/partitions/get_stats', { ...collectionBody(req), partitionName: req.partition_name });
    return rowCountResult(m.getPartitionStatistics, data.rowCount) as never;
  },

  // indexes
  async createIndex(ctx, req) {
    const kv = new Map(indexParamsOf(req).map((p) => [p.key, p.value]));
    const params: Record<string, unknown> = {};
    for (const [k, v] of kv) if (k !== 'index_type' && k !== 'metric_type' && k !== 'params') params[k] = v;
    if (kv.has('params')) Object.assign(params, JSON.parse(kv.get('params')!) as object);
    const indexParam: Schemas['IndexParam'] = {
      fieldName: req.field_name,
      ...(req.index_name ? { indexName: req.index_name } : {}),
      ...(kv.get('metric_type') ? { metricType: kv.get('metric_type')! } : {}),
      ...(kv.get('index_type') ? { indexType: kv.get('index_type')! } : {}),
      ...(Object.keys(params).length ? { params } : {}),
    };
    await ctx.post('/v2/vectordb/indexes/create', { ...collectionBody(req), indexParams: [indexParam] });
    return result(m.createIndex, {}) as never;
  },
  async describeIndex(ctx, req) {
    let rows = req.index_name ? await describeIndexNamed(ctx, req, req.index_name) : await describeAllIndexes(ctx, req);
    if (req.field_name) rows = rows.filter((r) => r.fieldName === req.field_name);
    if (rows.length === 0) throw indexNotFound(req);
    return result(m.describeIndex, {
      indexDescriptions: rows.map((r) => ({
        indexName: r.indexName,
        indexID: 0n,
        params: [
          ...(r.indexType ? [{ key: 'index_type', value: r.indexType }] : []),
          ...(r.metricType ? [{ key: 'metric_type', value: r.metricType }] : []),
        ],
        fieldName: r.fieldName,
        indexedRows: i64(r.indexedRows),
        totalRows: i64(r.totalRows),
        state: enumOf(IndexState, r.indexState),
        indexStateFailReason: r.failReason,
        pendingIndexRows: i64(r.pendingRows),
      })),
    }) as never;
  },
  async dropIndex(ctx, req) {
    let indexNames = req.index_name ? [req.index_name] : [];
    if (!req.index_name) {
      const rows = await describeAllIndexes(ctx, req);
      indexNames = rows.filter((r) => !req.field_name || r.fieldName === req.field_name).map((r) => r.indexName);
    }
    for (const indexName of indexNames) await ctx.post('/v2/vectordb/indexes/drop', { ...collectionBody(req), indexName });
    return result(m.dropIndex, {}) as never;
  },

  // properties and renames
  async describeDatabase(ctx, req) {
    const { data } = await ctx.post<{ dbName: string; dbID: Int64; properties?: { key: string; value: string }[] }>('/v2/vectordb/databases/describe', { dbName: dbNameOf(ctx, req) });
    return result(m.describeDatabase, { dbName: data.dbName, dbID: i64(data.dbID), properties: data.properties ?? [] }) as never;
  },
  async alterDatabase(ctx, req) {
    if (req.delete_keys?.length) await ctx.post('/v2/vectordb/databases/drop_properties', { dbName: req.db_name, propertyKeys: req.delete_keys });
    else await ctx.post('/v2/vectordb/databases/alter', { dbName: req.db_name, properties: req.properties });
    return result(m.alterDatabase, {}) as never;
  },
  async dropDatabaseProperties(ctx, req) {
    await ctx.post('/v2/vectordb/databases/drop_properties', { dbName: req.db_name, propertyKeys: req.properties });
    return result(m.alterDatabase, {}) as never;
  },
  async renameCollection(ctx, req) {
    await ctx.post('/v2/vectordb/collections/rename', { ...collectionBody(req), newCollectionName: req.new_collection_name, ...(req.new_db_name ? { newDbName: req.new_db_name } : {}) });
    return result(m.renameCollection, {}) as never;
  },
  async alterCollectionProperties(ctx, req) {
    if (req.delete_keys?.length) await ctx.post('/v2/vectordb/collections/drop_properties', { ...collectionBody(req), propertyKeys: req.delete_keys });
    else await ctx.post('/v2/vectordb/collections/alter_properties', { ...collectionBody(req), properties: req.properties });
    return result(m.alterCollection, {}) as never;
  },
  async dropCollectionProperties(ctx, req) {
    await ctx.post('/v2/vectordb/collections/drop_properties', { ...collectionBody(req), propertyKeys: req.properties });
    return result(m.alterCollection, {}) as never;
  },
  async alterCollectionFieldProperties(ctx, req) {
    await ctx.post('/v2/vectordb/collections/fields/alter_properties', { ...collectionBody(req), fieldName: req.field_name, fieldParams: req.properties });
    return result(m.alterCollectionField, {}) as never;
  },
  async alterIndexProperties(ctx, req) {
    await ctx.post('/v2/vectordb/indexes/alter_properties', { ...collectionBody(req), indexName: req.index_name, properties: req.params });
    return result(m.alterIndex, {}) as never;
  },
  async dropIndexProperties(ctx, req) {
    await ctx.post('/v2/vectordb/indexes/drop_properties', { ...collectionBody(req), indexName: req.index_name, propertyKeys: req.properties });
    return result(m.alterIndex, {}) as never;
  },
  // users, roles, grants, privilege groups
  ...RBAC_MAPPINGS,

  // hybrid search
  hybridSearch,
  // bulk import (jobs/import/*)
  async bulkInsert(ctx, req) {
    const body = { ...collectionBody(req), ...(req.partition_name ? { partitionName: req.partition_name } : {}), files: [req.files], options: importOptionsOf(req.options) };
    const { data } = await ctx.post<{ jobId: string }>('/v2/vectordb/jobs/import/create', body);
    return result(m.import, { tasks: [BigInt(data.jobId)] }) as never;
  },
  async getImportState(ctx, req) {
    const { data } = await ctx.post<ImportProgress>('/v2/vectordb/jobs/import/get_progress', { ...dbOf(req), jobId: String(req.task) });
    return result(m.getImportState, importStateOf(data)) as never;
  },
  async listImportTasks(ctx, req) {
    const { data } = await ctx.post<{ records: { jobId: string }[] }>('/v2/vectordb/jobs/import/list', { ...dbOf(req), ...(req.collection_name ? { collectionName: req.collection_name } : {}) });
    const records = req.limit && req.limit > 0 ? data.records.slice(-req.limit) : data.records;
    // The list carries no row counts: each job's progress is read, as GetImportState reports it.
    const states = await mapLimit(records, 4, async (r) => (await ctx.post<ImportProgress>('/v2/vectordb/jobs/import/get_progress', { ...dbOf(req), jobId: r.jobId })).data);
    return result(m.listImportTasks, { tasks: states.map(importStateOf) }) as never;
  },

  // data (entities)
  async compact() {
    throw unimplemented('ManualCompaction');
  },
  async getCompactionState() {
    throw unimplemented('GetCompactionState');
  },
  async getCompactionStateWithPlans() {
    throw unimplemented('GetCompactionStateWithPlans');
  },
  async getFlushState() {
    throw unimplemented('GetFlushState');
  },
  async flushAll() {
    throw unimplemented('FlushAll');
  },
  async getFlushAllState() {
    throw unimplemented('GetFlushAllState');
  },
  async getQuerySegmentInfo() {
    throw unimplemented('GetQuerySegmentInfo');
  },
  async getPersistentSegmentInfo() {
    throw unimplemented('GetPersistentSegmentInfo');
  },
  async createResourceGroup(ctx, req) {
    await ctx.post('/v2/vectordb/resource_groups/create', { name: req.resource_group, ...(req.config ? { config: restConfig(req.config) } : {}) });
    return result(m.createResourceGroup, {}) as never;
  },
  async updateResourceGroups(ctx, req) {
    const configs = Object.fromEntries(Object.entries(req.resource_groups).map(([name, cfg]) => [name, restConfig(cfg)]));
    await ctx.post('/v2/vectordb/resource_groups/alter', { resource_groups: configs });
    return result(m.updateResourceGroups, {}) as never;
  },
  async dropResourceGroup(ctx, req) {
    await ctx.post('/v2/vectordb/resource_groups/drop', { name: req.resource_group });
    return result(m.dropResourceGroup, {}) as never;
  },
  async listResourceGroups(ctx) {
    const { data } = await ctx.post<string[]>('/v2/vectordb/resource_groups/list', {});
    return result(m.listResourceGroups, { resourceGroups: data }) as never;
  },
  async describeResourceGroup(ctx, req) {
    const { data } = await ctx.post<Schemas['ResourceGroupDescriptionResponse']['data']>('/v2/vectordb/resource_groups/describe', { name: req.resource_group });
    return result(m.describeResourceGroup, { resourceGroup: resourceGroupOf(data.resource_group) }) as never;
  },
  async transferNode() {
    throw unimplemented('TransferNode');
  },
  async transferReplica(ctx, req) {
    // the body has no dbName: Milvus looks the collection up in the DB-Name header's database
    if (req.db_name && req.db_name !== ctx.database) throw unimplemented('TransferReplica in a database other than the connection\'s (db_name)');
    await ctx.post('/v2/vectordb/resource_groups/transfer_replica', {
      sourceRgName: req.source_resource_group,
      targetRgName: req.target_resource_group,
      collectionName: req.collection_name,
      replicaNum: Number(req.num_replica),
    });
    return result(m.transferReplica, {}) as never;
  },
  async getReplicas() {
    throw unimplemented('GetReplicas');
  },
  async loadBalance() {
    throw unimplemented('LoadBalance');
  },
  async getMetric() {
    throw unimplemented('GetMetrics');
  },
  async runAnalyzer() {
    throw unimplemented('RunAnalyzer');
  },
  async backupRBAC() {
    throw unimplemented('BackupRBAC');
  },
  async restoreRBAC() {
    throw unimplemented('RestoreRBAC');
  },
  insert: data.insert,
  upsert: data.upsert,
  delete: data.remove,
  search: data.search,
  query: data.query,
  async flush() {
    throw unimplemented('Flush');
  },
};
