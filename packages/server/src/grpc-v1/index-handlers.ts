/**
 * The index RPCs of the Milvus 1.x protocol: CreateIndex, DescribeIndex, DropIndex. The 1.x index
 * (type number and JSON parameters) is recorded with the collection and served by the engine
 * index of {@link applyEngineIndex}.
 *
 * @packageDocumentation
 */
import { ErrorCode } from '@mvkit/proto/v1';
import type { MilvusV1ServiceHandlers } from '../grpc/adapter.js';
import type { Engine } from '../engine/index.js';
import { v1Collection } from './collection.js';
import { applyEngineIndex } from './engine-index.js';
import { INDEX_NAMES, paramsJson, validateCollectionName, validateIndexParams, validateIndexType } from './validation.js';

type Handlers = Pick<MilvusV1ServiceHandlers, 'createIndex' | 'describeIndex' | 'dropIndex'>;

const ok = { errorCode: ErrorCode.SUCCESS, reason: '' };

/** The 1.x index handlers over `engine`. */
export function indexHandlers(engine: Engine): Handlers {
  return {
    async createIndex(req) {
      validateCollectionName(req.collectionName);
      const v = v1Collection(engine, req.collectionName);
      validateIndexType(req.indexType);
      const params = paramsJson(req.extraParams);
      validateIndexParams(INDEX_NAMES[req.indexType]!, params, v.dimension);
      applyEngineIndex(engine, v, req.indexType, params);
      return ok;
    },

    async describeIndex(req) {
      validateCollectionName(req.collectionName);
      const v = v1Collection(engine, req.collectionName);
      return { collectionName: v.name, indexType: v.index.indexType, extraParams: [{ key: 'params', value: JSON.stringify(v.index.params) }] };
    },

    async dropIndex(req) {
      validateCollectionName(req.collectionName);
      const v = v1Collection(engine, req.collectionName);
      applyEngineIndex(engine, v, 1, {});
      return ok;
    },
  };
}
