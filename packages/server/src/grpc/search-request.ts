/**
 * The gRPC form of one search: a `milvus.SearchRequest` (its own, or a sub-request of a
 * HybridSearch) read into the engine's ANN search input, and hits written as `SearchResults`.
 *
 * @packageDocumentation
 */
import { MilvusError, isVectorType } from '@mvkit/core';
import { columnsOfRows, idsOf, keysOf, paramsOfTemplateValues, vectorsOfPlaceholderGroup, type SearchRequest } from '@mvkit/proto';
import { paramOf, primaryFieldOf, type SearchIteratorParams, type AnnSearchInput, type Collection, type Engine, type FieldSpec, type PrimaryKey, type Row } from '../engine/index.js';
import { columnFieldsOf } from './field-data.js';

/** Parses an optional integer parameter. @throws MilvusError 1100 when it is not one. */
export function intParam(value: string | undefined, key: string): number | undefined {
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
 * A range parameter (`radius`, `range_filter`) as Milvus reads it: from the `params` JSON (its JSON
 * value, whatever its type), else a flat entry (a decimal string); undefined when in neither.
 * @throws MilvusError 1100 when `params` is not JSON.
 */
function rangeParamOf(params: readonly { key: string; value: string }[], key: string): unknown {
  const nested = paramOf(params, 'params');
  if (nested) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(nested);
    } catch {
      throw MilvusError.parameterInvalid(`search params ${nested} is not a json object`);
    }
    if (parsed !== null && typeof parsed === 'object' && key in parsed) return (parsed as Record<string, unknown>)[key];
  }
  return paramOf(params, key);
}

/** The search iterator entries of `search_params` (flat, as the proxy reads them). */
function iteratorParamsOf(params: readonly { key: string; value: string }[]): SearchIteratorParams {
  const out: SearchIteratorParams = {};
  const keys = { iterator: 'iterator', v2: 'search_iter_v2', token: 'search_iter_id', batchSize: 'search_iter_batch_size', lastBound: 'search_iter_last_bound', collectionId: 'collection_id' } as const;
  for (const [name, key] of Object.entries(keys) as [keyof SearchIteratorParams, string][]) {
    const value = paramOf(params, key);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/**
 * One ANN search of a `SearchRequest`: the query vectors (a placeholder group, or the vectors of
 * the rows whose primary keys are given), `anns_field`, `offset`, `metric_type`, `ef`, `hints` and
 * `drop_ratio_search` (flat or in `params`), `radius` and `range_filter` ({@link rangeParamOf}),
 * `group_by_field`, `group_size` and `strict_group_size` (flat, as pymilvus and the Node SDK send
 * them), the iterator entries, the filter and its template values; and `topk` (alias `limit`) as
 * sent, undefined when absent or empty (each caller applies its own rule).
 * @throws MilvusError 1100 for a request without vectors or keys, a non-integer `offset`/`ef`, or
 *   `params` that is not JSON; as `Engine.get` for keys.
 */
export async function annSearchOf(
  engine: Engine,
  ref: { dbName: string; collectionName: string },
  coll: Collection,
  req: SearchRequest,
  signal: AbortSignal | undefined,
): Promise<{ ann: Omit<AnnSearchInput, 'limit'>; topk: string | undefined }> {
  const params = req.searchParams;
  const annsField = paramOf(params, 'anns_field');
  let vectors: unknown[];
  if (req.searchInput.case === 'placeholderGroup') vectors = vectorsOfPlaceholderGroup(req.searchInput.value);
  else if (req.searchInput.case === 'ids') {
    const ids = keysOf(req.searchInput.value);
    const field = annsField || coll.schema.fields.find((f) => isVectorType(f.dataType))?.name || '';
    vectors = (await engine.get({ ...ref, ids, partitionNames: req.partitionNames, outputFields: [field], ...(signal ? { signal } : {}) })).rows.map((r) => r[field]);
  } else throw MilvusError.parameterInvalid('the search request has neither query vectors nor primary keys');
  const topk = paramOf(params, 'topk') ?? paramOf(params, 'limit');
  const offset = intParam(paramOf(params, 'offset'), 'offset');
  const ef = intParam(searchParamOf(params, 'ef'), 'ef');
  const metricType = paramOf(params, 'metric_type');
  const hints = searchParamOf(params, 'hints');
  const groupByField = paramOf(params, 'group_by_field');
  const groupSize = paramOf(params, 'group_size');
  const strictGroupSize = paramOf(params, 'strict_group_size');
  const dropRatio = searchParamOf(params, 'drop_ratio_search');
  const radius = rangeParamOf(params, 'radius');
  const rangeFilter = rangeParamOf(params, 'range_filter');
  const ann = {
    ...(annsField ? { annsField } : {}),
    vectors,
    ...(offset === undefined ? {} : { offset }),
    filter: req.dsl,
    exprParams: paramsOfTemplateValues(req.exprTemplateValues),
    ...(metricType ? { metricType } : {}),
    ...(ef === undefined ? {} : { ef }),
    ...(hints === undefined ? {} : { hints }),
    ...(groupByField === undefined ? {} : { groupByField }),
    ...(groupSize === undefined ? {} : { groupSize }),
    ...(strictGroupSize === undefined ? {} : { strictGroupSize }),
    ...(dropRatio === undefined ? {} : { dropRatioSearch: dropRatio }),
    ...(radius === undefined ? {} : { radius }),
    ...(rangeFilter === undefined ? {} : { rangeFilter }),
    iterator: iteratorParamsOf(params),
  };
  return { ann, topk: topk === '' ? undefined : topk };
}

/**
 * `SearchResults` of per-query hits: `num_queries`, `top_k`, the output fields as columns, scores,
 * IDs, `topks`, `output_fields` and `primary_field_name`, with the collection's name; for a
 * grouping search (`groupByField`), `group_by_field_value`: the hits' group values as one column;
 * for a v2 iterator page (`iteratorV2`), its token and last bound.
 */
export function searchResultsOf(
  coll: Collection,
  hits: readonly { pk: PrimaryKey; score: number; row: Row; group?: unknown }[][],
  outputFields: string[],
  topK: number,
  extra: { groupByField?: FieldSpec | undefined; iteratorV2?: { token: string; lastBound: number } | undefined } = {},
) {
  const flat = hits.flat();
  const pk = primaryFieldOf(coll.schema);
  const fields = columnFieldsOf(coll.schema);
  const { groupByField, iteratorV2 } = extra;
  const groupValues = groupByField ? columnsOfRows(fields, flat.map((h) => ({ [groupByField.name]: h.group })), [groupByField.name]) : [];
  return {
    collectionName: coll.name,
    results: {
      numQueries: BigInt(hits.length),
      topK: BigInt(topK),
      fieldsData: columnsOfRows(fields, flat.map((h) => h.row), outputFields),
      scores: flat.map((h) => h.score),
      ids: idsOf(flat.map((h) => h.pk), pk.dataType),
      topks: hits.map((h) => BigInt(h.length)),
      outputFields,
      primaryFieldName: pk.name,
      ...(groupValues[0] ? { groupByFieldValue: groupValues[0] } : {}),
      ...(iteratorV2 ? { searchIteratorV2Results: iteratorV2 } : {}),
    },
  };
}
