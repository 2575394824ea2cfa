import type { CallMetadata } from './metadata.js';
import { MilvusError } from '@mvkit/core';
import { COUNT_COLUMN, columnsOfRows, idsOf, paramsOfTemplateValues } from '@mvkit/proto';
import type { MilvusServiceHandlers } from './adapter.js';
import { paramOf, primaryFieldOf, type Engine } from '../engine/index.js';
import { columnFieldsOf } from './field-data.js';
import { annSearchOf, intParam, searchResultsOf } from './search-request.js';
import { decodeWriteInThread, writeRequestOf, type WriteDecoder, type WriteMessage } from './write-request.js';


/** Whether a query's output is the `count(*)` answer. */
const isCount = (outputFields: readonly string[]) => outputFields.length === 1 && outputFields[0] === COUNT_COLUMN.name;

/**
 * The data-plane RPCs of the gRPC front: Insert, Upsert, Delete, Search, Query and Flush,
 * translated to and from the engine (columns ↔ rows, placeholder groups, IDs).
 *
 * @param dbOf - resolves a request's database (its `db_name`, else the `dbname` header).
 * @param decodeWrite - decodes Insert and Upsert requests that arrive as raw bytes (the server
 *   registers them raw when it decodes large ones in a worker); default: in this thread.
 */
export function dataHandlers(engine: Engine, dbOf: (req: { dbName?: string }, md: CallMetadata) => string, decodeWrite: WriteDecoder = decodeWriteInThread): Partial<MilvusServiceHandlers> {
  const write = (upsert: boolean) => async (message: WriteMessage | Uint8Array, md: CallMetadata) => {
    const req = message instanceof Uint8Array ? await decodeWrite(message, upsert) : writeRequestOf(message, upsert);
    try {
      const ref = { dbName: dbOf(req, md), collectionName: req.collectionName };
      const coll = engine.collectionOf(ref);
      const rows = await req.rows(columnFieldsOf(coll.schema));
      const m = await (upsert ? engine.upsert : engine.insert).call(engine, { ...ref, partitionName: req.partitionName, rows });
      const count = BigInt(m.ids.length);
      return {
        IDs: idsOf(m.ids, primaryFieldOf(coll.schema).dataType),
        succIndex: m.ids.map((_, i) => i),
        insertCnt: count,
        upsertCnt: upsert ? count : 0n,
        timestamp: m.timestamp,
      };
    } finally {
      req.release();
    }
  };

  return {
    insert: write(false),
    upsert: write(true),
    async delete(req, md, signal) {
      const ref = { dbName: dbOf(req, md), collectionName: req.collectionName };
      const m = await engine.delete({ ...ref, partitionName: req.partitionName, filter: req.expr, exprParams: paramsOfTemplateValues(req.exprTemplateValues), signal });
      // Milvus's delete answers no IDs (`IDs{IdField: nil}`).
      return { IDs: {}, deleteCnt: BigInt(m.deleteCount ?? 0), timestamp: m.timestamp };
    },
    async search(req, md, signal) {
      const ref = { dbName: dbOf(req, md), collectionName: req.collectionName };
      const coll = engine.collectionOf(ref);
      const { ann, topk } = await annSearchOf(engine, ref, coll, req, signal);
      const limit = intParam(topk, 'topk');
      if (limit === undefined) throw MilvusError.parameterInvalid('topk not found in search_params');
      const out = await engine.search({ ...ref, ...ann, limit, partitionNames: req.partitionNames, outputFields: req.outputFields, signal });
      return { ...searchResultsOf(coll, out.hits, out.outputFields, limit, { groupByField: out.groupByField, iteratorV2: out.iteratorV2 }), sessionTs: out.sessionTs ?? 0n };
    },
    async query(req, md, signal) {
      const ref = { dbName: dbOf(req, md), collectionName: req.collectionName };
      const coll = engine.collectionOf(ref);
      const limit = intParam(paramOf(req.queryParams, 'limit'), 'limit');
      const offset = intParam(paramOf(req.queryParams, 'offset'), 'offset');
      const iterator = { iterator: paramOf(req.queryParams, 'iterator'), reduceStopForBest: paramOf(req.queryParams, 'reduce_stop_for_best'), collectionId: paramOf(req.queryParams, 'collection_id') };
      const out = await engine.query({
        ...ref,
        partitionNames: req.partitionNames,
        filter: req.expr,
        exprParams: paramsOfTemplateValues(req.exprTemplateValues),
        outputFields: req.outputFields,
        ...(limit === undefined ? {} : { limit }),
        ...(offset === undefined ? {} : { offset }),
        iterator: Object.fromEntries(Object.entries(iterator).filter(([, v]) => v !== undefined)),
        signal,
      });
      return {
        collectionName: coll.name,
        outputFields: out.outputFields,
        primaryFieldName: primaryFieldOf(coll.schema).name,
        // `count(*)` is the count only as the sole output field (Milvus's matchCountRule); beside
        // others it is an ordinary (dynamic) field name.
        fieldsData: columnsOfRows(isCount(out.outputFields) ? [COUNT_COLUMN] : columnFieldsOf(coll.schema), out.rows, out.outputFields),
        sessionTs: out.sessionTs ?? 0n,
      };
    },
    async flush(req, md) {
      const dbName = dbOf(req, md);
      const flushed = engine.flush(dbName, req.collectionNames);
      const segIds: Record<string, { data: bigint[] }> = {};
      const flushTs: Record<string, bigint> = {};
      const sealTimes: Record<string, bigint> = {};
      for (const [name, f] of flushed) {
        segIds[name] = { data: f.segmentIds };
        flushTs[name] = f.flushTs;
        sealTimes[name] = BigInt(Math.floor(Date.now() / 1000));
      }
      return { dbName, collSegIDs: segIds, flushCollSegIDs: segIds, collSealTimes: sealTimes, collFlushTs: flushTs };
    },
  };
}
