import type { CallMetadata } from './metadata.js';
import { IndexState, ShowType } from '@mvkit/proto';
import type { MilvusServiceHandlers } from './adapter.js';
import { physicalMillis, type Collection, type Engine, type Partition } from '../engine/index.js';
import { DEFAULT_DATABASE } from '../engine/catalog.js';
import { virtualChannelNames } from '../engine/replicas.js';
import { dataHandlers } from './data-handlers.js';
import { segmentHandlers } from './segment-handlers.js';
import { analyzerHandlers } from './analyzer-handlers.js';
import { hybridHandlers } from './hybrid-handlers.js';
import { standaloneHandlers } from './standalone-handlers.js';
import { propertiesHandlers } from './properties-handlers.js';
import { resourceGroupHandlers } from './resource-group-handlers.js';
import { rbacHandlers } from './rbac-handlers.js';
import { importHandlers } from './import-handlers.js';
import type { WriteDecoder } from './write-request.js';
import { collectionSchemaOf, decodeSchema, fieldInputsOf, functionInputsOf } from './schema.js';

/** The database a request addresses: its `db_name`, else the `dbname` metadata, else `default`. */
function dbOf(request: { dbName?: string }, metadata: CallMetadata): string {
  if (request.dbName) return request.dbName;
  const header = metadata.get('dbname')[0];
  return header ? String(header) : DEFAULT_DATABASE;
}

const partitionRows = (rows: { item: Partition; inMemoryPercentage?: number }[]) => ({
  partitionNames: rows.map((r) => r.item.name),
  partitionIDs: rows.map((r) => r.item.id),
  createdTimestamps: rows.map((r) => r.item.createdTs),
  createdUtcTimestamps: rows.map((r) => physicalMillis(r.item.createdTs)),
  inMemoryPercentages: rows.flatMap((r) => (r.inMemoryPercentage === undefined ? [] : [BigInt(r.inMemoryPercentage)])),
});

const collectionRows = (rows: { item: Collection; inMemoryPercentage?: number }[]) => ({
  collectionNames: rows.map((r) => r.item.name),
  collectionIds: rows.map((r) => r.item.id),
  createdTimestamps: rows.map((r) => r.item.createdTs),
  createdUtcTimestamps: rows.map((r) => physicalMillis(r.item.createdTs)),
  inMemoryPercentages: rows.flatMap((r) => (r.inMemoryPercentage === undefined ? [] : [BigInt(r.inMemoryPercentage)])),
  queryServiceAvailable: rows.map((r) => r.item.loadType !== 'none'),
});

/** DescribeIndex's `index_descriptions`: the matching indexes with their build progress. */
function indexDescriptions(engine: Engine, ref: { dbName: string; collectionName: string }, by: { indexName: string; fieldName?: string }) {
  return engine.describeIndex({ ...ref, indexName: by.indexName, fieldName: by.fieldName ?? '' }).map((i) => {
    const p = engine.indexProgress(ref, i.fieldName);
    return {
      indexName: i.indexName,
      indexID: i.indexID,
      // `user_index_params`: as sent (AUTOINDEX as `index_type`, `metric_type`).
      params: [...i.userParams],
      fieldName: i.fieldName,
      indexedRows: BigInt(p.indexedRows),
      totalRows: BigInt(p.totalRows),
      state: IndexState.Finished,
      indexStateFailReason: '',
      pendingIndexRows: BigInt(p.pendingIndexRows),
    };
  });
}

const rowCountStats = (rowCount: number) => ({ stats: [{ key: 'row_count', value: String(rowCount) }] });

/**
 * The gRPC front: one translation per RPC of `milvus.proto.milvus.MilvusService` that the reference
 * server serves — decode the request, call the engine, encode the response. Business errors are
 * thrown by the engine as MilvusErrors and become the response `status` (see `statusOf`); RPCs
 * not listed here answer gRPC UNIMPLEMENTED.
 *
 * @param decodeWrite - decodes Insert and Upsert requests that arrive as raw bytes (see `dataHandlers`).
 */
export function milvusHandlers(engine: Engine, decodeWrite?: WriteDecoder): Partial<MilvusServiceHandlers> {
  return {
    // session
    async connect(_req, md) {
      const { identifier } = engine.connect(dbOf({}, md));
      return { serverInfo: { buildTags: engine.limits.version, deployMode: 'STANDALONE', reserved: { engine: 'mvkit' } }, identifier: BigInt.asIntN(64, identifier) };
    },
    async getVersion() {
      return { version: engine.limits.version };
    },
    async checkHealth() {
      return { isHealthy: true };
    },
    async allocTimestamp() {
      return { timestamp: engine.allocTimestamp() };
    },

    // databases
    async createDatabase(req) {
      engine.createDatabase(req.dbName, req.properties.map((p) => ({ key: p.key, value: p.value })));
      return {};
    },
    async dropDatabase(req) {
      engine.dropDatabase(req.dbName);
      return {};
    },
    async listDatabases() {
      const dbs = engine.listDatabases();
      return { dbNames: dbs.map((d) => d.name), createdTimestamp: dbs.map((d) => d.createdTs), dbIds: dbs.map((d) => d.id) };
    },
    async describeDatabase(req, md) {
      const db = engine.describeDatabase(dbOf(req, md));
      return { dbName: db.name, dbID: db.id, createdTimestamp: db.createdTs, properties: db.properties };
    },

    // collections
    async createCollection(req, md) {
      const schema = decodeSchema(req.schema);
      engine.createCollection({
        dbName: dbOf(req, md),
        collectionName: req.collectionName,
        description: schema.description,
        fields: fieldInputsOf(schema),
        functions: functionInputsOf(schema),
        enableDynamicField: schema.enableDynamicField,
        shardsNum: req.shardsNum,
        numPartitions: Number(req.numPartitions),
        consistencyLevel: req.consistencyLevel,
        properties: req.properties.map((p) => ({ key: p.key, value: p.value })),
      });
      return {};
    },
    async dropCollection(req, md) {
      engine.dropCollection({ dbName: dbOf(req, md), collectionName: req.collectionName });
      return {};
    },
    async hasCollection(req, md) {
      return { value: engine.hasCollection({ dbName: dbOf(req, md), collectionName: req.collectionName }) };
    },
    async describeCollection(req, md) {
      const c = engine.describeCollection({ dbName: dbOf(req, md), collectionName: req.collectionName });
      return {
        schema: collectionSchemaOf(c.schema),
        collectionID: c.id,
        virtualChannelNames: virtualChannelNames(c),
        physicalChannelNames: Array.from({ length: c.shardsNum }, (_, i) => `by-dev-rootcoord-dml_${i}`),
        createdTimestamp: c.createdTs,
        createdUtcTimestamp: physicalMillis(c.createdTs),
        shardsNum: c.shardsNum,
        consistencyLevel: c.consistencyLevel,
        collectionName: c.name,
        properties: c.properties,
        dbName: c.dbName,
        numPartitions: BigInt(c.partitions.size),
        aliases: engine.aliasesOf(c),
      };
    },
    async showCollections(req, md) {
      const type = req.type === ShowType.InMemory ? 1 : 0;
      return collectionRows(engine.showCollections(dbOf(req, md), type, req.collectionNames));
    },
    async loadCollection(req, md) {
      engine.loadCollection({
        dbName: dbOf(req, md),
        collectionName: req.collectionName,
        replicaNumber: req.replicaNumber,
        resourceGroups: req.resourceGroups,
        loadFields: req.loadFields,
        skipLoadDynamicField: req.skipLoadDynamicField,
      });
      return {};
    },
    async releaseCollection(req, md) {
      engine.releaseCollection({ dbName: dbOf(req, md), collectionName: req.collectionName });
      return {};
    },
    async getLoadState(req, md) {
      return { state: engine.getLoadState({ dbName: dbOf(req, md), collectionName: req.collectionName, partitionNames: req.partitionNames }) };
    },
    async getLoadingProgress(req, md) {
      const p = engine.getLoadingProgress({ dbName: dbOf(req, md), collectionName: req.collectionName, partitionNames: req.partitionNames });
      return { progress: BigInt(p.progress), refreshProgress: BigInt(p.refreshProgress) };
    },
    async renameCollection(req, md) {
      engine.renameCollection({ dbName: dbOf(req, md), collectionName: req.oldName, newName: req.newName, ...(req.newDBName ? { newDbName: req.newDBName } : {}) });
      return {};
    },
    async alterCollection(req, md) {
      engine.alterCollectionProperties({
        dbName: dbOf(req, md),
        collectionName: req.collectionName,
        properties: req.properties.map((p) => ({ key: p.key, value: p.value })),
        deleteKeys: req.deleteKeys,
      });
      return {};
    },
    async getCollectionStatistics(req, md) {
      return rowCountStats(engine.getCollectionStatistics({ dbName: dbOf(req, md), collectionName: req.collectionName }).rowCount);
    },

    // aliases
    async createAlias(req, md) {
      engine.createAlias({ dbName: dbOf(req, md), alias: req.alias, collectionName: req.collectionName });
      return {};
    },
    async alterAlias(req, md) {
      engine.alterAlias({ dbName: dbOf(req, md), alias: req.alias, collectionName: req.collectionName });
      return {};
    },
    async dropAlias(req, md) {
      engine.dropAlias({ dbName: dbOf(req, md), alias: req.alias });
      return {};
    },
    async describeAlias(req, md) {
      const d = engine.describeAlias({ dbName: dbOf(req, md), alias: req.alias });
      return { dbName: d.dbName, alias: d.alias, collection: d.collectionName };
    },
    async listAliases(req, md) {
      const dbName = dbOf(req, md);
      return { dbName, collectionName: req.collectionName, aliases: engine.listAliases({ dbName, collectionName: req.collectionName }) };
    },

    // partitions
    async createPartition(req, md) {
      engine.createPartition({ dbName: dbOf(req, md), collectionName: req.collectionName, partitionName: req.partitionName });
      return {};
    },
    async dropPartition(req, md) {
      engine.dropPartition({ dbName: dbOf(req, md), collectionName: req.collectionName, partitionName: req.partitionName });
      return {};
    },
    async hasPartition(req, md) {
      return { value: engine.hasPartition({ dbName: dbOf(req, md), collectionName: req.collectionName, partitionName: req.partitionName }) };
    },
    async showPartitions(req, md) {
      const type = req.type === ShowType.InMemory ? 1 : 0;
      return partitionRows(engine.showPartitions({ dbName: dbOf(req, md), collectionName: req.collectionName, partitionNames: req.partitionNames, type }));
    },
    async loadPartitions(req, md) {
      engine.loadPartitions({
        dbName: dbOf(req, md),
        collectionName: req.collectionName,
        partitionNames: req.partitionNames,
        replicaNumber: req.replicaNumber,
        resourceGroups: req.resourceGroups,
        loadFields: req.loadFields,
        skipLoadDynamicField: req.skipLoadDynamicField,
      });
      return {};
    },
    async releasePartitions(req, md) {
      engine.releasePartitions({ dbName: dbOf(req, md), collectionName: req.collectionName, partitionNames: req.partitionNames });
      return {};
    },
    async getPartitionStatistics(req, md) {
      return rowCountStats(engine.getPartitionStatistics({ dbName: dbOf(req, md), collectionName: req.collectionName, partitionName: req.partitionName }).rowCount);
    },

    // indexes
    async createIndex(req, md) {
      engine.createIndex({
        dbName: dbOf(req, md),
        collectionName: req.collectionName,
        fieldName: req.fieldName,
        indexName: req.indexName,
        params: req.extraParams.map((p) => ({ key: p.key, value: p.value })),
      });
      return {};
    },
    async describeIndex(req, md) {
      return { indexDescriptions: indexDescriptions(engine, { dbName: dbOf(req, md), collectionName: req.collectionName }, req) };
    },
    // GetIndexStatistics: the descriptions of DescribeIndex, by index name (datacoord's GetIndexStatistics).
    async getIndexStatistics(req, md) {
      return { indexDescriptions: indexDescriptions(engine, { dbName: dbOf(req, md), collectionName: req.collectionName }, req) };
    },
    async getIndexState(req, md) {
      engine.describeIndex({ dbName: dbOf(req, md), collectionName: req.collectionName, indexName: req.indexName, fieldName: req.fieldName });
      return { state: IndexState.Finished };
    },
    async getIndexBuildProgress(req, md) {
      const ref = { dbName: dbOf(req, md), collectionName: req.collectionName };
      const [index] = engine.describeIndex({ ...ref, indexName: req.indexName, fieldName: req.fieldName });
      const p = engine.indexProgress(ref, index!.fieldName);
      return { indexedRows: BigInt(p.indexedRows), totalRows: BigInt(p.totalRows) };
    },
    async dropIndex(req, md) {
      engine.dropIndex({ dbName: dbOf(req, md), collectionName: req.collectionName, indexName: req.indexName, fieldName: req.fieldName });
      return {};
    },

    ...segmentHandlers(engine, dbOf),
    ...propertiesHandlers(engine, dbOf),
    ...resourceGroupHandlers(engine, dbOf),
    ...hybridHandlers(engine, dbOf),
    ...importHandlers(engine, dbOf),
    ...analyzerHandlers(engine, dbOf),
    ...dataHandlers(engine, dbOf, decodeWrite),
    ...standaloneHandlers(),
    ...rbacHandlers(engine),
  };
}
