/**
 * The collection and partition RPCs of the Milvus 1.x protocol: CreateCollection, HasCollection,
 * DescribeCollection, CountCollection, ShowCollections, ShowCollectionInfo, DropCollection,
 * CreatePartition, HasPartition, ShowPartitions, DropPartition — each checks what 1.1 checks,
 * in its order, then calls the engine.
 *
 * @packageDocumentation
 */
import { ErrorCode } from '@mvkit/proto/v1';
import type { MilvusV1ServiceHandlers } from '../grpc/adapter.js';
import { liveRowCounts, persistentSegments, querySegments, type Engine } from '../engine/index.js';
import { engineSchemaOf, isV1Collection, segmentRowsOf, v1Collection, v1Collections, type V1Collection } from './collection.js';
import { applyEngineIndex } from './engine-index.js';
import { checkCollectionLimit, checkPartitionLimit, MAX_COLLECTIONS_AND_PARTITIONS } from './limits.js';
import { V1Error } from './status.js';
import { INDEX_NAMES, isBinaryMetric, validateCollectionName, validateCollectionParams, validatePartitionTag } from './validation.js';

type Handlers = Pick<
  MilvusV1ServiceHandlers,
  | 'createCollection' | 'hasCollection' | 'describeCollection' | 'countCollection' | 'showCollections' | 'showCollectionInfo' | 'dropCollection'
  | 'createPartition' | 'hasPartition' | 'showPartitions' | 'dropPartition'
>;

/** The 1.x collection and partition handlers over `engine` (successes carry no status: the front adds it). */
export function collectionHandlers(engine: Engine): Handlers {
  return {
    async createCollection(req) {
      validateCollectionName(req.collectionName);
      const dimension = Number(req.dimension);
      const indexFileSize = Number(req.indexFileSize);
      validateCollectionParams(dimension, indexFileSize, req.metricType);
      if (engine.hasCollection({ collectionName: req.collectionName })) {
        throw new V1Error(ErrorCode.ILLEGAL_COLLECTION_NAME, 'Collection already exists');
      }
      checkCollectionLimit(engine);
      const { fields, properties } = engineSchemaOf(dimension, indexFileSize, req.metricType);
      const segmentMaxRows = segmentRowsOf(indexFileSize, dimension, isBinaryMetric(req.metricType));
      // 1.1 caps tags per collection only by the 4,096 of the whole deployment (checked by the front), not by 2.5's 1,024.
      engine.createCollection({ collectionName: req.collectionName, fields, properties, segmentMaxRows, maxPartitions: MAX_COLLECTIONS_AND_PARTITIONS + 1 });
      // A 1.x collection is searchable at once: FLAT (IDMAP / BIN_IDMAP) is its index until CreateIndex.
      applyEngineIndex(engine, v1Collection(engine, req.collectionName), 1, {});
      return { errorCode: ErrorCode.SUCCESS, reason: '' };
    },

    async hasCollection(req) {
      validateCollectionName(req.collectionName);
      return { boolReply: engine.hasCollection({ collectionName: req.collectionName }) && isV1Collection(engine.describeCollection({ collectionName: req.collectionName })) };
    },

    async describeCollection(req) {
      validateCollectionName(req.collectionName);
      const v = v1Collection(engine, req.collectionName);
      return { collectionName: v.name, dimension: BigInt(v.dimension), indexFileSize: BigInt(v.indexFileSize), metricType: v.metric };
    },

    async countCollection(req) {
      validateCollectionName(req.collectionName);
      const v = v1Collection(engine, req.collectionName);
      let rows = 0;
      for (const n of liveRowCounts(v.coll).values()) rows += n;
      return { collectionRowCount: BigInt(rows) };
    },

    async showCollections() {
      return { collectionNames: v1Collections(engine).map((v) => v.name) };
    },

    async showCollectionInfo(req) {
      validateCollectionName(req.collectionName);
      const v = v1Collection(engine, req.collectionName);
      return { jsonInfo: JSON.stringify(collectionStats(v)) };
    },

    async dropCollection(req) {
      validateCollectionName(req.collectionName);
      v1Collection(engine, req.collectionName);
      engine.releaseCollection({ collectionName: req.collectionName });
      engine.dropCollection({ collectionName: req.collectionName });
      return { errorCode: ErrorCode.SUCCESS, reason: '' };
    },

    async createPartition(req) {
      validateCollectionName(req.collectionName);
      const tag = validatePartitionTag(req.tag, true);
      const v = v1Collection(engine, req.collectionName);
      checkPartitionLimit(engine);
      if (v.coll.partitions.has(tag)) throw new V1Error(ErrorCode.ILLEGAL_COLLECTION_NAME, `Duplicate partition is not allowed: ${tag}`);
      engine.createPartition({ collectionName: v.name, partitionName: tag });
      return { errorCode: ErrorCode.SUCCESS, reason: '' };
    },

    async hasPartition(req) {
      validateCollectionName(req.collectionName);
      const tag = validatePartitionTag(req.tag);
      return { boolReply: v1Collection(engine, req.collectionName).coll.partitions.has(tag) };
    },

    async showPartitions(req) {
      validateCollectionName(req.collectionName);
      return { partitionTagArray: [...v1Collection(engine, req.collectionName).coll.partitions.keys()] };
    },

    async dropPartition(req) {
      validateCollectionName(req.collectionName);
      if (req.tag === '_default') throw new V1Error(ErrorCode.UNEXPECTED_ERROR, 'Default partition cannot be dropped.');
      const tag = validatePartitionTag(req.tag);
      const v = v1Collection(engine, req.collectionName);
      if (!v.coll.partitions.has(tag)) throw new V1Error(ErrorCode.UNEXPECTED_ERROR, `Partition ${tag} not found`);
      // 1.x drops a partition whatever its load state; the engine needs it released first.
      const wasLoaded = v.coll.loadType !== 'none';
      if (wasLoaded) engine.releaseCollection({ collectionName: v.name });
      engine.dropPartition({ collectionName: v.name, partitionName: tag });
      if (wasLoaded) engine.loadCollection({ collectionName: v.name });
      return { errorCode: ErrorCode.SUCCESS, reason: '' };
    },
  };
}

/**
 * ShowCollectionInfo's JSON, in 1.1's shape: `row_count` and per partition its `tag`,
 * `row_count` and `segments` (`name` = segment ID, `index_name`, `row_count`, `data_size` in bytes).
 */
function collectionStats(v: V1Collection): object {
  const live = liveRowCounts(v.coll);
  const indexed = new Map(querySegments(v.coll).map((s) => [s.segmentId, s.indexName !== '']));
  const indexName = INDEX_NAMES[v.index.indexType] === 'FLAT' ? (v.binary ? 'BIN_IDMAP' : 'IDMAP') : INDEX_NAMES[v.index.indexType]!;
  const bytesPerRow = v.binary ? v.dimension / 8 : v.dimension * 4;
  const sealed = persistentSegments(v.coll);
  const partitions = [...v.coll.partitions.values()].map((p) => ({
    tag: p.name,
    row_count: live.get(p.id) ?? 0,
    segments: sealed
      .filter((s) => s.partitionId === p.id)
      .map((s) => ({ name: String(s.segmentId), index_name: indexed.get(s.segmentId) ? indexName : 'IDMAP', row_count: s.numRows, data_size: s.numRows * bytesPerRow })),
  }));
  return { row_count: partitions.reduce((n, p) => n + p.row_count, 0), partitions };
}
