/**
 * The data RPCs of the Milvus 1.x protocol: Insert, GetVectorsByID, GetVectorIDs, DeleteByID,
 * Flush, Compact, PreloadCollection, ReleaseCollection, ReloadSegments.
 *
 * @packageDocumentation
 */
import { ErrorCode, type RowRecord } from '@mvkit/proto/v1';
import type { MilvusV1ServiceHandlers } from '../grpc/adapter.js';
import { segmentKeys, type Engine } from '../engine/index.js';
import { ID_FIELD, VECTOR_FIELD, setV1Ids, v1Collection, v1Collections, type V1Collection } from './collection.js';
import { ensureLoaded } from './engine-index.js';
import { V1Error } from './status.js';
import { MAX_INSERT_BYTES, validateCollectionName, validatePartitionTag } from './validation.js';

type Handlers = Pick<
  MilvusV1ServiceHandlers,
  'insert' | 'getVectorsByID' | 'getVectorIDs' | 'deleteByID' | 'flush' | 'compact' | 'preloadCollection' | 'releaseCollection' | 'reloadSegments'
>;

const ok = { errorCode: ErrorCode.SUCCESS, reason: '' };

/**
 * The vectors of `records` as the engine takes them (number arrays or packed bytes), checked as
 * 1.1's `ValidateVectorData` and `ValidateVectorDataSize`: not empty, every record of the
 * collection's dimension, at most 256 MB in all.
 * @throws V1Error ILLEGAL_ROWRECORD, ILLEGAL_DIMENSION.
 */
export function vectorsOf(v: V1Collection, records: readonly RowRecord[]): (number[] | Uint8Array)[] {
  const empty = 'The vector array is empty. Make sure you have entered vector records.';
  if (records.length === 0) throw new V1Error(ErrorCode.ILLEGAL_ROWRECORD, empty);
  const width = v.binary ? v.dimension / 8 : v.dimension;
  const bytes = records.reduce((n, r) => n + (v.binary ? r.binaryData.length : r.floatData.length * 4), 0);
  if (bytes === 0) throw new V1Error(ErrorCode.ILLEGAL_ROWRECORD, empty);
  if (bytes > MAX_INSERT_BYTES) throw new V1Error(ErrorCode.ILLEGAL_ROWRECORD, 'The amount of data inserted each time cannot exceed 256 MB');
  return records.map((r) => {
    const got = v.binary ? r.binaryData.length : r.floatData.length;
    if (got !== width) throw new V1Error(ErrorCode.ILLEGAL_DIMENSION, 'The vector dimension must be equal to the collection dimension.');
    return v.binary ? r.binaryData : r.floatData;
  });
}

/** The partition a tag names ('' = `_default`). @throws V1Error UNEXPECTED_ERROR for an unknown tag. */
function partitionOfTag(v: V1Collection, tag: string): string | undefined {
  if (tag === '') return undefined;
  const trimmed = validatePartitionTag(tag);
  if (!v.coll.partitions.has(trimmed)) throw new V1Error(ErrorCode.UNEXPECTED_ERROR, `Partition tag ${trimmed} not found in collection ${v.name}`);
  return trimmed;
}

/** The 1.x data handlers over `engine`. */
export function dataHandlers(engine: Engine): Handlers {
  return {
    async insert(req) {
      validateCollectionName(req.collectionName);
      if (req.rowRecordArray.length === 0) throw new V1Error(ErrorCode.ILLEGAL_ROWRECORD, 'The vector array is empty. Make sure you have entered vector records.');
      const userIds = req.rowIdArray.length > 0;
      if (userIds && req.rowIdArray.length !== req.rowRecordArray.length) {
        throw new V1Error(ErrorCode.ILLEGAL_VECTOR_ID, 'The size of vector ID array must be equal to the size of the vector.');
      }
      const v = v1Collection(engine, req.collectionName);
      if (v.ids === 'user' && !userIds) throw new V1Error(ErrorCode.ILLEGAL_VECTOR_ID, 'Entities IDs are user-defined. Please provide IDs for all entities of the collection.');
      if (v.ids === 'auto' && userIds) throw new V1Error(ErrorCode.ILLEGAL_VECTOR_ID, 'Entities IDs are auto-generated. All vectors of this collection must use auto-generated IDs.');
      const vectors = vectorsOf(v, req.rowRecordArray);
      const partitionName = partitionOfTag(v, req.partitionTag);
      const ids = userIds ? req.rowIdArray : vectors.map(() => engine.allocTimestamp());
      await engine.insert({ collectionName: v.name, ...(partitionName ? { partitionName } : {}), rows: vectors.map((vector, i) => ({ [ID_FIELD]: ids[i], [VECTOR_FIELD]: vector })) });
      if (v.ids === undefined) setV1Ids(engine, v.name, userIds ? 'user' : 'auto');
      return { vectorIdArray: ids };
    },

    async getVectorsByID(req, _metadata, signal) {
      validateCollectionName(req.collectionName);
      const v = v1Collection(engine, req.collectionName);
      if (req.idArray.length === 0) throw new V1Error(ErrorCode.ILLEGAL_ARGUMENT, 'No vector id specified');
      const partitionName = partitionOfTag(v, req.partitionTag);
      ensureLoaded(engine, v);
      const { rows } = await engine.get({ collectionName: v.name, ids: req.idArray, outputFields: [VECTOR_FIELD], signal, ...(partitionName ? { partitionNames: [partitionName] } : {}) });
      const byId = new Map(rows.map((r) => [String(r[ID_FIELD]), r[VECTOR_FIELD]]));
      return {
        vectorsData: req.idArray.map((id) => {
          const vector = byId.get(String(id));
          if (vector === undefined) return {};
          return v.binary ? { binaryData: vector as Uint8Array } : { floatData: Array.from(vector as ArrayLike<number>) };
        }),
      };
    },

    async getVectorIDs(req) {
      validateCollectionName(req.collectionName);
      const v = v1Collection(engine, req.collectionName);
      const keys = /^\d+$/.test(req.segmentName) ? segmentKeys(v.coll, BigInt(req.segmentName)) : undefined;
      if (!keys) throw new V1Error(ErrorCode.UNEXPECTED_ERROR, `Segment ${req.segmentName} not found in collection ${v.name}`);
      return { vectorIdArray: keys.map((k) => BigInt(k)) };
    },

    async deleteByID(req, _metadata, signal) {
      validateCollectionName(req.collectionName);
      const v = v1Collection(engine, req.collectionName);
      if (req.idArray.length === 0) throw new V1Error(ErrorCode.ILLEGAL_ARGUMENT, 'No vector id specified');
      const partitionName = partitionOfTag(v, req.partitionTag);
      await engine.delete({ collectionName: v.name, filter: `${ID_FIELD} in [${req.idArray.join(',')}]`, signal, ...(partitionName ? { partitionName } : {}) });
      return ok;
    },

    async flush(req) {
      // An empty list flushes every collection, as 1.1.
      const names = req.collectionNameArray.length > 0 ? req.collectionNameArray : v1Collections(engine).map((c) => c.name);
      for (const name of names) {
        validateCollectionName(name);
        v1Collection(engine, name);
      }
      engine.flush(undefined, names);
      return ok;
    },

    async compact(req) {
      validateCollectionName(req.collectionName);
      const v = v1Collection(engine, req.collectionName);
      engine.manualCompaction({ collectionName: v.name, collectionId: v.coll.id });
      return ok;
    },

    async preloadCollection(req) {
      validateCollectionName(req.collectionName);
      const v = v1Collection(engine, req.collectionName);
      for (const tag of req.partitionTagArray) partitionOfTag(v, tag);
      ensureLoaded(engine, v);
      return ok;
    },

    async releaseCollection(req) {
      validateCollectionName(req.collectionName);
      const v = v1Collection(engine, req.collectionName);
      for (const tag of req.partitionTagArray) partitionOfTag(v, tag);
      engine.releaseCollection({ collectionName: v.name });
      return ok;
    },

    async reloadSegments(req) {
      validateCollectionName(req.collectionName);
      const v = v1Collection(engine, req.collectionName);
      ensureLoaded(engine, v);
      return ok;
    },
  };
}
