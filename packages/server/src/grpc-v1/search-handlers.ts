/**
 * The search RPCs of the Milvus 1.x protocol: Search, SearchByID, SearchInFiles. Results are
 * `TopKQueryResult`s: `row_num` = number of queries, `ids` and `distances` query-major with
 * `topk` entries per query, a query with fewer hits padded with id -1 (pymilvus 1.x stops a
 * query's hits at the first -1).
 *
 * @packageDocumentation
 */
import { ErrorCode, type KeyValuePair, type TopKQueryResult } from '@mvkit/proto/v1';
import type { MilvusV1ServiceHandlers } from '../grpc/adapter.js';
import type { MessageInitShape } from '@bufbuild/protobuf';
import type { TopKQueryResultSchema } from '@mvkit/proto/v1';
import type { Engine } from '../engine/index.js';
import { ID_FIELD, VECTOR_FIELD, v1Collection, type V1Collection } from './collection.js';
import { vectorsOf } from './data-handlers.js';
import { ensureLoaded } from './engine-index.js';
import { V1Error } from './status.js';
import { INDEX_NAMES, paramsJson, validateCollectionName, validatePartitionTag, validateSearchParams, validateTopk } from './validation.js';

type Handlers = Pick<MilvusV1ServiceHandlers, 'search' | 'searchByID' | 'searchInFiles'>;
type Result = MessageInitShape<typeof TopKQueryResultSchema> & Pick<TopKQueryResult, 'rowNum'>;

/** The distance that pads a short result: the worst of the metric (1.x pads with faiss's). */
function padDistance(v: V1Collection): number {
  return v.metric === 2 ? -3.4028234663852886e38 : 3.4028234663852886e38;
}

/** Checks tags, topk and search parameters as 1.1's SearchRequest. @returns partitions and HNSW ef. */
function prepare(v: V1Collection, tags: readonly string[], topk: number, extra: readonly KeyValuePair[]): { partitionNames?: string[]; ef?: number } {
  validateTopk(topk);
  const params = paramsJson(extra);
  const ef = validateSearchParams(INDEX_NAMES[v.index.indexType]!, params, topk);
  const partitionNames = tags.map((t) => validatePartitionTag(t));
  for (const p of partitionNames) {
    if (!v.coll.partitions.has(p)) throw new V1Error(ErrorCode.UNEXPECTED_ERROR, `Partition tag ${p} not found in collection ${v.name}`);
  }
  return { ...(partitionNames.length ? { partitionNames } : {}), ...(ef !== undefined ? { ef } : {}) };
}

async function run(engine: Engine, v: V1Collection, vectors: readonly unknown[], topk: number, prepared: ReturnType<typeof prepare>, signal: AbortSignal): Promise<Result> {
  ensureLoaded(engine, v);
  const outcome = await engine.search({ collectionName: v.name, annsField: VECTOR_FIELD, vectors, limit: topk, metricType: v.engineMetric, signal, ...prepared });
  const ids: bigint[] = [];
  const distances: number[] = [];
  for (const hits of outcome.hits) {
    for (let i = 0; i < topk; i++) {
      const hit = hits[i];
      ids.push(hit ? BigInt(hit.pk) : -1n);
      distances.push(hit ? hit.score : padDistance(v));
    }
  }
  return { rowNum: BigInt(vectors.length), ids, distances };
}

/** The 1.x search handlers over `engine`. */
export function searchHandlers(engine: Engine): Handlers {
  return {
    async search(req, _metadata, signal) {
      validateCollectionName(req.collectionName);
      const v = v1Collection(engine, req.collectionName);
      const topk = Number(req.topk);
      const prepared = prepare(v, req.partitionTagArray, topk, req.extraParams);
      return run(engine, v, vectorsOf(v, req.queryRecordArray), topk, prepared, signal);
    },

    async searchByID(req, _metadata, signal) {
      validateCollectionName(req.collectionName);
      const v = v1Collection(engine, req.collectionName);
      const topk = Number(req.topk);
      const prepared = prepare(v, req.partitionTagArray, topk, req.extraParams);
      if (req.idArray.length === 0) throw new V1Error(ErrorCode.ILLEGAL_ARGUMENT, 'No vector id specified');
      ensureLoaded(engine, v);
      const { rows } = await engine.get({ collectionName: v.name, ids: req.idArray, outputFields: [VECTOR_FIELD], signal });
      const byId = new Map(rows.map((r) => [String(r[ID_FIELD]), r[VECTOR_FIELD]]));
      const vectors = req.idArray.map((id) => {
        const vector = byId.get(String(id));
        if (vector === undefined) throw new V1Error(ErrorCode.ILLEGAL_ARGUMENT, `Vector id ${id} not found in collection ${v.name}`);
        return vector;
      });
      return run(engine, v, vectors, topk, prepared, signal);
    },

    async searchInFiles(req, _metadata, signal) {
      const param = req.searchParam;
      validateCollectionName(param?.collectionName ?? '');
      const v = v1Collection(engine, param!.collectionName);
      if (req.fileIdArray.length === 0) throw new V1Error(ErrorCode.ILLEGAL_ARGUMENT, 'File id array is empty');
      const topk = Number(param!.topk);
      const prepared = prepare(v, param!.partitionTagArray, topk, param!.extraParams);
      // Files are segments here; the search covers the collection (see known-divergences).
      return run(engine, v, vectorsOf(v, param!.queryRecordArray), topk, prepared, signal);
    },
  };
}
