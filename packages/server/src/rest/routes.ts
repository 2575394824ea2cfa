import { ConsistencyLevel, DataType, LoadState, Merr, MilvusError, formatMerr, type DataTypeValue, type NormalizedField, defaultValueOf } from '@mvkit/core';
import { paramOf, type Collection, type CollectionSpec, type Engine, type IndexSpec, type KeyValue, type Row } from '../engine/index.js';
import type { ReadBody } from './body-reader.js';
import { OPENAPI_ROUTES } from './gen/openapi.js';
import { ROUTE_RPCS } from './route-privileges.js';
import { HYBRID_HANDLERS } from './hybrid-routes.js';
import { ENTITY_HANDLERS } from './entities.js';
import { PROPERTIES_HANDLERS } from './properties-routes.js';
import { RBAC_HANDLERS } from './rbac-routes.js';
import { IMPORT_HANDLERS } from './import-routes.js';
import { RESOURCE_GROUP_HANDLERS } from './resource-group-routes.js';
import { S, Ss, obj, collectionRef as ref, type Body } from './body.js';
import { goFormat, goParseBool, goParseInt } from '../gojson.js';
import { functionDetailsOf, functionInputsOfBody } from './function-schema.js';

/** Per-request context a route gets. */
export interface RestContext {
  /** Database: the body's `dbName`, else the `DB-Name` header, else `default`. */
  readonly dbName: string;
  /** The authenticated user when authentication is on. */
  readonly user?: string;
  /**
   * Whether the client accepts int64 values as JSON numbers (`Accept-Type-Allow-Int64`, default
   * `proxy.http.acceptTypeAllowInt64` = true). Milvus honours it for entities only (insert/upsert
   * IDs, Int64 fields and keys of query/get/search rows); IDs in management answers are always
   * JSON numbers.
   */
  readonly allowInt64: boolean;
  /**
   * The request body as sent. Milvus's entities handlers read parts of it again with gjson (rows,
   * IDs, query vectors), exactly (int64 values beyond 2^53) and by exact key.
   */
  readonly rawBody: string;
  /**
   * The rows of the body's `data`, decoded against `schema` as `entities/insert` (`insert` true)
   * or `entities/upsert` read them ({@link ReadBody.rows}).
   * @throws MilvusError 1804 for a row Milvus cannot convert.
   */
  readonly rows: (schema: CollectionSpec, insert: boolean) => Promise<Row[]>;
}

/**
 * What a route answers: `data` for the `{ code: 0, data }` envelope and, where Milvus adds it, a
 * top-level `message` (collections/describe, collections/get_load_state) or other top-level
 * members (`cost` of the entities endpoints, `topks` of search).
 */
export interface RouteAnswer {
  readonly data: unknown;
  readonly message?: string;
  /** Further top-level members of the success envelope, e.g. `{ cost: 0 }`. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * One RESTful v2 endpoint (`POST`): its path, the Go request struct its body binds to (from
 * `openapi/milvus-v2.yaml`) and the translation to engine calls. Handlers throw `MilvusError`s
 * (the engine's, or the REST-specific ones Milvus's `handler_v2.go` raises itself).
 */
export interface RestRoute {
  /** URL path, e.g. `/v2/vectordb/partitions/list`. */
  readonly path: string;
  /** Go struct of the body, e.g. `PartitionReq` (named in Milvus's 1801/1802 messages). */
  readonly struct: string;
  /** `operationId` in the OpenAPI document, e.g. `listPartitions`. */
  readonly operationId: string;
  /** One-line description from the OpenAPI document. */
  readonly summary: string;
  /**
   * Runs the endpoint on a bound body (canonical keys, no nulls).
   * @throws MilvusError the business error to answer with `{ code, message }`.
   */
  handle(engine: Engine, body: Record<string, unknown>, ctx: RestContext): RouteAnswer | Promise<RouteAnswer>;
}

type Handle = RestRoute['handle'];

const partition = (b: Body, ctx: RestContext) => ({ ...ref(b, ctx), partitionName: S(b.partitionName) });
const ok = (data: unknown = {}): RouteAnswer => ({ data });

/** Name of a wire enum value, e.g. `FloatVector` for 101. */
const nameOf = (table: Readonly<Record<string, number>>, value: number): string => Object.entries(table).find(([, v]) => v === value)?.[0] ?? String(value);

/** A `common.KeyValuePair` as Go's encoding/json writes the proto struct (empty members omitted). */
const kvJson = (p: KeyValue) => ({ ...(p.key ? { key: p.key } : {}), ...(p.value ? { value: p.value } : {}) });

/** Map values as Milvus turns them into key/value pairs (`fmt.Sprintf("%v", v)`). */
const kvOf = (m: Body): KeyValue[] => Object.entries(m).map(([key, v]) => ({ key, value: goFormat(v) }));

/** `getElementTypeParams`: strings as is, anything else as its JSON text. */
const typeParamOf = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));


/** `convertToExtraParams`: `index_type` (field or `params.index_type`), `metric_type`, `params` as JSON (keys sorted, as Go marshals maps). */
function extraParamsOf(p: Body): KeyValue[] {
  const params = obj(p.params);
  const out: KeyValue[] = [];
  const indexType = S(p.indexType) || (params.index_type !== undefined ? goFormat(params.index_type) : '');
  if (indexType) out.push({ key: 'index_type', value: indexType });
  if (S(p.metricType)) out.push({ key: 'metric_type', value: S(p.metricType) });
  const keys = Object.keys(params).sort();
  if (keys.length) out.push({ key: 'params', value: JSON.stringify(Object.fromEntries(keys.map((k) => [k, params[k]]))) });
  return out;
}

/** `params.consistencyLevel` as `createCollection` reads it (default Bounded). */
function consistencyOf(params: Body): number {
  if (!('consistencyLevel' in params)) return ConsistencyLevel.Bounded;
  const v = params.consistencyLevel;
  const level = typeof v === 'string' ? (ConsistencyLevel as Record<string, number>)[v] : undefined;
  if (level === undefined) {
    throw MilvusError.parameterInvalid('consistencyLevel can only be [Strong, Session, Bounded, Eventually, Customized], default: Bounded', { expected: 'Strong, Session, Bounded, Eventually, Customized', actual: goFormat(v) });
  }
  return level;
}

/** Shards, partitions (`partitionsNum`), consistency and properties from `params`, as `createCollection` reads them after the schema. */
function collectionParams(params: Body) {
  const shards = 'shardsNum' in params ? goParseInt(goFormat(params.shardsNum)) : undefined;
  const partitions = 'partitionsNum' in params ? goParseInt(goFormat(params.partitionsNum)) : undefined;
  const consistencyLevel = consistencyOf(params);
  const properties: KeyValue[] = [];
  if ('ttlSeconds' in params) properties.push({ key: 'collection.ttl.seconds', value: goFormat(params.ttlSeconds) });
  if ('partitionKeyIsolation' in params) properties.push({ key: 'partitionkey.isolation', value: goFormat(params.partitionKeyIsolation) });
  return { ...(shards !== undefined ? { shardsNum: Number(shards) } : {}), ...(partitions !== undefined ? { numPartitions: Number(partitions) } : {}), consistencyLevel, properties };
}

/** A field of a quick-setup or schema create, with every attribute explicit. */
function field(name: string, dataType: DataTypeValue, extra: Partial<NormalizedField> = {}): NormalizedField {
  return {
    name,
    description: '',
    dataType,
    isPrimaryKey: false,
    autoID: false,
    typeParams: {},
    isPartitionKey: false,
    isDynamic: false,
    isClusteringKey: false,
    elementType: DataType.None,
    nullable: false,
    ...extra,
  };
}

/**
 * `collections/create`, as `handler_v2.go`'s createCollection: quick setup (no `schema.fields`)
 * or a schema; then CreateIndex and LoadCollection when the quick setup or `indexParams` ask for
 * them. Like upstream, it issues the three engine operations itself (REST's quick setup differs
 * from the SDKs': `shardsNum`/`ttlSeconds` params, the VarChar `max_length` passed through, an
 * index with only `metric_type`).
 */
function createCollection(engine: Engine, b: Body, ctx: RestContext): RouteAnswer {
  const name = S(b.collectionName);
  const params = obj(b.params);
  const schema = obj(b.schema);
  const fieldsIn = Array.isArray(schema.fields) ? (schema.fields as Body[]) : [];
  const functions = Array.isArray(schema.functions) ? schema.functions : [];
  const target = { dbName: ctx.dbName, collectionName: name };

  if (fieldsIn.length === 0) {
    if (functions.length) throw MilvusError.parameterInvalid('functions are not supported for quickly create collection', { expected: 'schema', actual: 'functions' });
    if (!b.dimension) {
      throw MilvusError.parameterInvalid('dimension is required for quickly create collection(default metric type: COSINE)', { expected: 'collectionName & dimension', actual: 'collectionName' });
    }
    const idType = S(b.idType);
    let pk: NormalizedField;
    const pkName = S(b.primaryFieldName) || 'id';
    if (idType === 'VarChar' || idType === 'Varchar') {
      pk = field(pkName, DataType.VarChar, { isPrimaryKey: true, autoID: b.autoID === true, typeParams: { max_length: goFormat(params.max_length) } });
    } else if (idType === '' || idType === 'Int64' || idType === 'int64') {
      pk = field(pkName, DataType.Int64, { isPrimaryKey: true, autoID: b.autoID === true });
    } else {
      throw MilvusError.parameterInvalid('idType can only be [Int64, VarChar], default: Int64', { expected: 'Int64, Varchar', actual: idType });
    }
    const vectorName = S(b.vectorFieldName) || 'vector';
    let enableDynamicField = true;
    if ('enableDynamicField' in params) {
      const text = goFormat(params.enableDynamicField);
      const parsed = goParseBool(text);
      if (parsed === undefined) throw new MilvusError(`parse enableDynamicField fail, err:strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`);
      enableDynamicField = parsed;
    }
    const fields = [pk, field(vectorName, DataType.FloatVector, { typeParams: { dim: String(b.dimension) } })];
    engine.createCollection({ ...target, fields, enableDynamicField, ...collectionParams(params) });
    engine.createIndex({ ...target, fieldName: vectorName, indexName: vectorName, params: [{ key: 'metric_type', value: S(b.metricType) || 'COSINE' }] });
    engine.loadCollection(target);
    return ok();
  }

  const functionInputs = functionInputsOfBody(functions as Body[]);
  const autoID = schema.autoID === true;
  const fields = fieldsIn.map((f) => {
    const typeName = S(f.dataType);
    const dataType = (DataType as Record<string, DataTypeValue>)[typeName];
    if (dataType === undefined) throw MilvusError.of(Merr.ParameterInvalid, `${Merr.ParameterInvalid.message}, data type ${typeName} is invalid(case sensitive).`);
    let elementType: DataTypeValue = DataType.None;
    if (dataType === DataType.Array) {
      const e = (DataType as Record<string, DataTypeValue>)[S(f.elementDataType)];
      if (e === undefined) throw MilvusError.of(Merr.ParameterInvalid, `${Merr.ParameterInvalid.message}, element data type ${S(f.elementDataType)} is invalid(case sensitive).`);
      elementType = e;
    }
    const isPrimaryKey = f.isPrimary === true;
    return field(S(f.fieldName), dataType, {
      isPrimaryKey,
      autoID: isPrimaryKey && autoID,
      isPartitionKey: f.isPartitionKey === true,
      isClusteringKey: f.isClusteringKey === true,
      nullable: f.nullable === true,
      ...(f.defaultValue !== undefined && f.defaultValue !== null ? { defaultValue: defaultValueOf(dataType, f.defaultValue) } : {}),
      elementType,
      typeParams: Object.fromEntries(Object.entries(obj(f.elementTypeParams)).map(([k, v]) => [k, typeParamOf(v)])),
    });
  });
  engine.createCollection({ ...target, fields, functions: functionInputs, enableDynamicField: schema.enableDynamicField === true, ...collectionParams(params) });
  const indexParams = Array.isArray(b.indexParams) ? (b.indexParams as Body[]) : [];
  if (indexParams.length === 0) return ok();
  const names = new Set(fields.map((f) => f.name));
  for (const p of indexParams) {
    if (!names.has(S(p.fieldName))) {
      throw MilvusError.of(Merr.MissingRequiredParameters, `${Merr.MissingRequiredParameters.message}, error: \`${S(p.fieldName)}\` hasn't defined in schema`);
    }
    engine.createIndex({ ...target, fieldName: S(p.fieldName), indexName: S(p.indexName), params: extraParamsOf(p) });
  }
  engine.loadCollection(target);
  return ok();
}

/**
 * `collections/describe`: DescribeCollection, then (errors only noted in `message`) GetLoadState,
 * DescribeIndex of the first vector field and ListAliases, as `getCollectionDetails`.
 */
function describeCollection(engine: Engine, b: Body, ctx: RestContext): RouteAnswer {
  const c: Collection = engine.describeCollection(ref(b, ctx));
  const target = { dbName: c.dbName, collectionName: c.name };
  let message = '';
  const load = nameOf(LoadState, engine.getLoadState(target));
  // Every index (2.5 asks DescribeIndex without a field), with the metric of its parameters as sent.
  let indexes: { fieldName: string; indexName: string; metricType: string }[] = [];
  try {
    indexes = engine
      .describeIndex(target)
      .map((i) => ({ fieldName: i.fieldName, indexName: i.indexName, metricType: paramOf(i.userParams, 'metric_type') ?? '' }));
  } catch (e) {
    if (!MilvusError.is(e)) throw e;
    message += `${e.reason};`;
  }
  const primary = c.schema.fields.find((f) => f.isPrimaryKey);
  return {
    data: {
      collectionName: c.name,
      collectionID: c.id,
      description: c.schema.description,
      autoId: primary?.autoID ?? false,
      fields: c.schema.fields
        .filter((f) => f.name !== '$meta')
        .map((f) => ({
          name: f.name,
          primaryKey: f.isPrimaryKey,
          partitionKey: f.isPartitionKey,
          clusteringKey: f.isClusteringKey,
          autoId: f.autoID,
          description: f.description,
          nullable: f.nullable,
          ...(f.defaultValue ? { defaultValue: f.defaultValue.value } : {}),
          ...(f.isFunctionOutput ? { isFunctionOutput: true } : {}),
          type: nameOf(DataType, f.dataType),
          id: f.fieldID,
          ...(Object.keys(f.typeParams).length ? { params: Object.entries(f.typeParams).map(([key, value]) => kvJson({ key, value })) } : {}),
          ...(f.dataType === DataType.Array ? { elementType: nameOf(DataType, f.elementType) } : {}),
        })),
      functions: functionDetailsOf(c.schema.functions ?? []),
      aliases: engine.aliasesOf(c),
      indexes,
      load,
      shardsNum: c.shardsNum,
      partitionsNum: BigInt(c.partitions.size),
      consistencyLevel: nameOf(ConsistencyLevel, c.consistencyLevel),
      enableDynamicField: c.schema.enableDynamicField,
      properties: c.properties.map(kvJson),
    },
    message,
  };
}

/**
 * `collections/get_load_state`, with Milvus's quirks: the state is the collection's; a missing
 * collection is 100 `collection not found[collection=<name>]`; a loaded collection also runs
 * GetLoadingProgress with `partitionNames`, whose failure gives `loadProgress: -1`, state
 * `LoadStateLoading` and the error text plus `.` in `message`.
 */
function getLoadState(engine: Engine, b: Body, ctx: RestContext): RouteAnswer {
  const target = ref(b, ctx);
  const state = engine.getLoadState(target);
  if (state === LoadState.LoadStateNotExist) throw MilvusError.of(Merr.CollectionNotFound, formatMerr(Merr.CollectionNotFound, { collection: target.collectionName }));
  if (state === LoadState.LoadStateNotLoad) return { data: { loadState: 'LoadStateNotLoad' } };
  let progress = -1;
  let message = '';
  try {
    progress = engine.getLoadingProgress({ ...target, partitionNames: Ss(b.partitionNames) }).progress;
  } catch (e) {
    if (!MilvusError.is(e)) throw e;
    message = `${e.reason}.`;
  }
  return { data: { loadState: progress >= 100 ? 'LoadStateLoaded' : 'LoadStateLoading', loadProgress: progress }, message };
}

/** `indexes/describe` rows: the index with its build progress. */
function describeIndexes(engine: Engine, b: Body, ctx: RestContext): RouteAnswer {
  const target = ref(b, ctx);
  return ok(
    engine.describeIndex({ ...target, indexName: S(b.indexName) }).map((i: IndexSpec) => {
      const p = engine.indexProgress(target, i.fieldName);
      return {
        indexName: i.indexName,
        fieldName: i.fieldName,
        indexType: paramOf(i.userParams, 'index_type') ?? '',
        metricType: paramOf(i.userParams, 'metric_type') ?? '',
        totalRows: BigInt(p.totalRows),
        pendingRows: BigInt(p.pendingIndexRows),
        indexedRows: BigInt(p.indexedRows),
        indexState: 'Finished',
        failReason: '',
      };
    }),
  );
}

/** `indexes/list`: the index names; a collection without index is `[]` (IndexNotFound swallowed). */
function listIndexes(engine: Engine, b: Body, ctx: RestContext): RouteAnswer {
  try {
    return ok(engine.describeIndex(ref(b, ctx)).map((i) => i.indexName));
  } catch (e) {
    if (MilvusError.is(e) && e.code === Merr.IndexNotFound.code) return ok([]);
    throw e;
  }
}

const HANDLERS: Readonly<Record<string, Handle>> = {
  // databases
  '/v2/vectordb/databases/create': (e, b) => (e.createDatabase(S(b.dbName), kvOf(obj(b.properties))), ok()),
  '/v2/vectordb/databases/drop': (e, b) => (e.dropDatabase(S(b.dbName)), ok()),
  '/v2/vectordb/databases/list': (e) => ok(e.listDatabases().map((d) => d.name)),
  '/v2/vectordb/databases/describe': (e, b) => {
    const d = e.describeDatabase(S(b.dbName));
    return ok({ dbName: d.name, dbID: d.id, properties: d.properties.map(kvJson) });
  },
  // collections
  '/v2/vectordb/collections/create': createCollection,
  '/v2/vectordb/collections/describe': describeCollection,
  '/v2/vectordb/collections/list': (e, _b, c) => ok(e.showCollections(c.dbName).map((s) => s.item.name)),
  '/v2/vectordb/collections/has': (e, b, c) => ok({ has: e.hasCollection(ref(b, c)) }),
  '/v2/vectordb/collections/drop': (e, b, c) => (e.dropCollection(ref(b, c)), ok()),
  '/v2/vectordb/collections/load': (e, b, c) => (e.loadCollection(ref(b, c)), ok()),
  '/v2/vectordb/collections/release': (e, b, c) => (e.releaseCollection(ref(b, c)), ok()),
  '/v2/vectordb/collections/get_load_state': getLoadState,
  '/v2/vectordb/collections/get_stats': (e, b, c) => ok({ rowCount: e.getCollectionStatistics(ref(b, c)).rowCount }),
  // partitions
  '/v2/vectordb/partitions/list': (e, b, c) => ok(e.showPartitions(ref(b, c)).map((s) => s.item.name)),
  '/v2/vectordb/partitions/has': (e, b, c) => ok({ has: e.hasPartition(partition(b, c)) }),
  '/v2/vectordb/partitions/create': (e, b, c) => (e.createPartition(partition(b, c)), ok()),
  '/v2/vectordb/partitions/drop': (e, b, c) => (e.dropPartition(partition(b, c)), ok()),
  '/v2/vectordb/partitions/load': (e, b, c) => (e.loadPartitions({ ...ref(b, c), partitionNames: Ss(b.partitionNames) }), ok()),
  '/v2/vectordb/partitions/release': (e, b, c) => (e.releasePartitions({ ...ref(b, c), partitionNames: Ss(b.partitionNames) }), ok()),
  '/v2/vectordb/partitions/get_stats': (e, b, c) => ok({ rowCount: e.getPartitionStatistics(partition(b, c)).rowCount }),
  // indexes
  '/v2/vectordb/indexes/create': (e, b, c) => {
    for (const p of (b.indexParams as Body[] | undefined) ?? []) {
      e.createIndex({ ...ref(b, c), fieldName: S(p.fieldName), indexName: S(p.indexName), params: extraParamsOf(obj(p)) });
    }
    return ok();
  },
  '/v2/vectordb/indexes/describe': describeIndexes,
  '/v2/vectordb/indexes/list': listIndexes,
  '/v2/vectordb/indexes/drop': (e, b, c) => (e.dropIndex({ ...ref(b, c), indexName: S(b.indexName) }), ok()),
  // aliases
  '/v2/vectordb/aliases/list': (e, b, c) => ok(e.listAliases({ dbName: c.dbName, collectionName: S(b.collectionName) })),
  '/v2/vectordb/aliases/describe': (e, b, c) => {
    const d = e.describeAlias({ dbName: c.dbName, alias: S(b.aliasName) });
    return ok({ dbName: d.dbName, collectionName: d.collectionName, aliasName: d.alias });
  },
  '/v2/vectordb/aliases/create': (e, b, c) => (e.createAlias({ dbName: c.dbName, alias: S(b.aliasName), collectionName: S(b.collectionName) }), ok()),
  '/v2/vectordb/aliases/drop': (e, b, c) => (e.dropAlias({ dbName: c.dbName, alias: S(b.aliasName) }), ok()),
  '/v2/vectordb/aliases/alter': (e, b, c) => (e.alterAlias({ dbName: c.dbName, alias: S(b.aliasName), collectionName: S(b.collectionName) }), ok()),
  ...PROPERTIES_HANDLERS,
  // users, roles, privilege groups
  ...RBAC_HANDLERS,
  // hybrid search
  ...HYBRID_HANDLERS,
  // bulk import
  ...IMPORT_HANDLERS,
  ...RESOURCE_GROUP_HANDLERS,
  // entities
  ...ENTITY_HANDLERS,
};

/**
 * Every RESTful v2 endpoint the reference server serves: the paths of `openapi/milvus-v2.yaml`,
 * each with its handler (a path without handler, or a handler without path, fails at load). One
 * table for the node:http front and the msw handlers.
 */
export const REST_ROUTES: readonly RestRoute[] = (() => {
  const undocumented = Object.keys(HANDLERS).filter((p) => !(p in OPENAPI_ROUTES));
  if (undocumented.length) throw new Error(`REST handlers missing from openapi/milvus-v2.yaml: ${undocumented.join(', ')}`);
  const unchecked = Object.keys(OPENAPI_ROUTES).filter((p) => !(p in ROUTE_RPCS));
  if (unchecked.length) throw new Error(`REST routes without an RPC for the privilege check (rest/route-privileges.ts): ${unchecked.join(', ')}`);
  return Object.entries(OPENAPI_ROUTES).map(([path, meta]) => {
    const handle = HANDLERS[path];
    if (!handle) throw new Error(`no handler for ${path} (openapi/milvus-v2.yaml)`);
    return { path, struct: meta.struct, operationId: meta.operationId, summary: meta.summary, handle };
  });
})();
