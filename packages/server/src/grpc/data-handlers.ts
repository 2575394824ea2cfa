import type { Metadata } from '@grpc/grpc-js';
import { MilvusError, isVectorType } from '@mvkit/core';
import {
  COUNT_COLUMN,
  columnsOfRows,
  idsOf,
  keysOf,
  paramsOfTemplateValues,
  vectorsOfPlaceholderGroup,
  type MilvusServiceHandlers,
} from '@mvkit/proto';
import { paramOf, primaryFieldOf, type Engine } from '../engine/index.js';
import { columnFieldsOf } from './field-data.js';
import { decodeWriteInThread, writeRequestOf, type WriteDecoder, type WriteMessage } from './write-request.js';


/** Whether a query's output is the `count(*)` answer. */
const isCount = (outputFields: readonly string[]) => outputFields.length === 1 && outputFields[0] === COUNT_COLUMN.name;

/** Parses an optional non-negative integer parameter. @throws MilvusError 1100 when it is not one. */
function intParam(value: string | undefined, key: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw MilvusError.parameterInvalid(`${key} [${value}] is invalid, should be an integer`);
  return n;
}

/** Reads a search parameter that may be given flat or inside the `params` JSON. */
function searchParamOf(params: readonly { key: string; value: string }[], key: string): string | undefined {
  const direct = paramOf(params, key);
  if (direct !== undefined) return direct;
  const nested = paramOf(params, 'params');
  if (!nested) return undefined;
  try {
    const value = (JSON.parse(nested) as Record<string, unknown>)[key];
    return value === undefined ? undefined : String(value);
  } catch {
    throw MilvusError.parameterInvalid(`search params ${nested} is not a json object`);
  }
}

/**
 * The data-plane RPCs of the gRPC front: Insert, Upsert, Delete, Search, Query and Flush,
 * translated to and from the engine (columns ↔ rows, placeholder groups, IDs).
 *
 * @param dbOf - resolves a request's database (its `db_name`, else the `dbname` header).
 * @param decodeWrite - decodes Insert and Upsert requests that arrive as raw bytes (the server
 *   registers them raw when it decodes large ones in a worker); default: in this thread.
 */
export function dataHandlers(engine: Engine, dbOf: (req: { dbName?: string }, md: Metadata) => string, decodeWrite: WriteDecoder = decodeWriteInThread): Partial<MilvusServiceHandlers> {
  const write = (upsert: boolean) => async (message: WriteMessage | Uint8Array, md: Metadata) => {
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
      const params = req.searchParams;
      const annsField = paramOf(params, 'anns_field');
      let vectors: unknown[];
      if (req.searchInput.case === 'placeholderGroup') vectors = vectorsOfPlaceholderGroup(req.searchInput.value);
      else if (req.searchInput.case === 'ids') {
        const ids = keysOf(req.searchInput.value);
        const field = annsField || coll.schema.fields.find((f) => isVectorType(f.dataType))?.name || '';
        vectors = (await engine.get({ ...ref, ids, partitionNames: req.partitionNames, outputFields: [field], signal })).rows.map((r) => r[field]);
      } else throw MilvusError.parameterInvalid('the search request has neither query vectors nor primary keys');
      const limit = intParam(paramOf(params, 'topk') ?? paramOf(params, 'limit'), 'topk');
      if (limit === undefined) throw MilvusError.parameterInvalid('topk not found in search_params');
      const offset = intParam(paramOf(params, 'offset'), 'offset');
      const ef = intParam(searchParamOf(params, 'ef'), 'ef');
      const metricType = paramOf(params, 'metric_type');
      const hints = searchParamOf(params, 'hints');
      const out = await engine.search({
        ...ref,
        partitionNames: req.partitionNames,
        ...(annsField ? { annsField } : {}),
        vectors,
        limit,
        ...(offset === undefined ? {} : { offset }),
        filter: req.dsl,
        exprParams: paramsOfTemplateValues(req.exprTemplateValues),
        outputFields: req.outputFields,
        ...(metricType ? { metricType } : {}),
        ...(ef === undefined ? {} : { ef }),
        ...(hints === undefined ? {} : { hints }),
        signal,
      });
      const flat = out.hits.flat();
      const pk = primaryFieldOf(coll.schema);
      return {
        collectionName: coll.name,
        results: {
          numQueries: BigInt(out.hits.length),
          topK: BigInt(limit),
          fieldsData: columnsOfRows(columnFieldsOf(coll.schema), flat.map((h) => h.row), out.outputFields),
          scores: flat.map((h) => h.score),
          ids: idsOf(flat.map((h) => h.pk), pk.dataType),
          topks: out.hits.map((h) => BigInt(h.length)),
          outputFields: out.outputFields,
          primaryFieldName: pk.name,
        },
      };
    },
    async query(req, md, signal) {
      const ref = { dbName: dbOf(req, md), collectionName: req.collectionName };
      const coll = engine.collectionOf(ref);
      const limit = intParam(paramOf(req.queryParams, 'limit'), 'limit');
      const offset = intParam(paramOf(req.queryParams, 'offset'), 'offset');
      const out = await engine.query({
        ...ref,
        partitionNames: req.partitionNames,
        filter: req.expr,
        exprParams: paramsOfTemplateValues(req.exprTemplateValues),
        outputFields: req.outputFields,
        ...(limit === undefined ? {} : { limit }),
        ...(offset === undefined ? {} : { offset }),
        signal,
      });
      return {
        collectionName: coll.name,
        outputFields: out.outputFields,
        primaryFieldName: primaryFieldOf(coll.schema).name,
        // `count(*)` is the count only as the sole output field (Milvus's matchCountRule); beside
        // others it is an ordinary (dynamic) field name.
        fieldsData: columnsOfRows(isCount(out.outputFields) ? [COUNT_COLUMN] : columnFieldsOf(coll.schema), out.rows, out.outputFields),
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
