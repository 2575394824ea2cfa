import { DataType, Merr, MilvusError, formatMerr, type SparseRow } from '@mvkit/core';
import { resolveEf } from '@mvkit/hnsw';
import { DEFAULT_PARTITION, partitionOf, type Collection, type Partition } from '../catalog.js';
import type { CollectionSpec } from '../schema.js';
import { validatePartitionName } from '../names.js';
import { virtualChannelNames } from '../replicas.js';
import { QUERY_NODE_ID } from '../segment-info.js';
import { isLoaded } from '../load-fields.js';
import { partitionIndexOf, partitionKeyFieldOf, partitionKeyPartitionName, partitionNamesRefused } from '../partition-key.js';
import type { Filter } from '../expr/index.js';
import { compileFilter, type FilterPreparer } from './filter.js';
import { withFunctionOutputs } from '../functions/bm25.js';
import { analyseMatchTexts } from '../text-match-schema.js';
import { bm25ParamsOf, bm25Queries } from '../functions/bm25-search.js';
import { dropRatioOf, dropSmallValues } from './drop-ratio.js';
import type { Pacer } from './pacer.js';
import { indexPlanOf } from './index-builder.js';
import { visibleSinceMs } from '../properties/ttl.js';
import { physicalMillis } from '../tso.js';
import { rangeWindowOf } from './range-search.js';
import { smallestKeyRows } from './pk-order.js';
import { checkQueryIteratorParams, checkSearchCollectionId, type QueryIteratorParams } from './query-iterator.js';
import { SearchIteratorTokens, intersectWindows, isIteratorSearch, iteratorV2PageOf, type IteratorV2Page, type IteratorV2Result, type SearchIteratorParams } from './search-iterator.js';
import { outputNamesOf, projectRow, projectionOf, scanSegments, searchSegments, type RowFilter, type SearchHit } from './read.js';
import type { Metric, Segment } from './segment.js';
import { checkGroupByAnnsField, checkGroupByCombination, groupSearchSegments, parseGroupBy, type GroupBy, type GroupByParams, type GroupedHit, type GroupValue } from './group-by.js';
import { queryVectorsOf } from './query-vectors.js';
import { DYNAMIC_FIELD, normaliseRow, primaryFieldOf, primaryKeyOf, type PrimaryKey, type Row } from './values.js';

/** Vector types the reference server stores and searches. */
const SEARCHABLE_VECTORS: ReadonlySet<number> = new Set([DataType.FloatVector, DataType.Float16Vector, DataType.BFloat16Vector, DataType.BinaryVector, DataType.SparseFloatVector]);

/** Largest `limit + offset` of a search or query (`quotaAndLimits.limits.topK`). */
export const MAX_TOPK = 16384;

/** Most query vectors in one search (`quotaAndLimits.limits.maxNQ`, 16384 in Milvus 2.5). */
export const MAX_NQ = 16384;

/** Values bound to `{name}` placeholders of a filter (`expr_template_values`, REST `exprParams`). */
export type ExprParams = Readonly<Record<string, unknown>>;

/** Insert or upsert input: rows of field values, into a partition (default `_default`). */
export interface WriteInput {
  partitionName?: string;
  rows: readonly Row[];
}

/** Outcome of a mutation, as `milvus.MutationResult` carries it. */
export interface Mutation {
  /** Primary keys written, in order (none for a delete). */
  ids: PrimaryKey[];
  /** Delete only: `delete_count` as Milvus reports it (see {@link deleteRows}). */
  deleteCount?: number;
  /** Hybrid timestamp of the mutation. */
  timestamp: bigint;
}

/** Delete input: a filter (a primary-key `in` list is the by-ids form) within a partition or all. */
export interface DeleteInput {
  partitionName?: string;
  filter: string;
  exprParams?: ExprParams;
}

/** Query input (`milvus.QueryRequest`): filter, projection, paging, partitions. */
export interface QueryInput {
  partitionNames?: readonly string[];
  filter?: string;
  exprParams?: ExprParams;
  outputFields?: readonly string[];
  limit?: number;
  offset?: number;
  /** The query iterator entries an SDK sends (see {@link checkQueryIteratorParams}). */
  iterator?: QueryIteratorParams;
}

/** Search input (`milvus.SearchRequest`), with the search parameters already flattened; grouping as {@link GroupByParams}. */
export interface SearchInput extends GroupByParams {
  partitionNames?: readonly string[];
  /** Vector field to search; may be omitted when the schema has exactly one. */
  annsField?: string;
  /** Query vectors: number arrays or `Float32Array` (float fields), bytes (binary fields), any `SparseInput` form or `SparseRow` (sparse fields). */
  vectors: readonly unknown[];
  limit: number;
  offset?: number;
  filter?: string;
  exprParams?: ExprParams;
  outputFields?: readonly string[];
  /** `metric_type` as requested (must match the index's), or unset. */
  metricType?: string;
  /** HNSW `ef`, or unset (then max(k, 16)). */
  ef?: number;
  /** The `hints` search parameter: `iterative_filter` or unset. */
  hints?: string;
  /** `drop_ratio_search` as sent (sparse fields: the share of smallest query values dropped), or unset. */
  dropRatioSearch?: string;
  /** `radius` of a range search as sent (a JSON number, or a decimal string), unset when absent (see {@link rangeWindowOf}). */
  radius?: unknown;
  /** `range_filter` of a range search as sent, unset when absent. */
  rangeFilter?: unknown;
  /** The search iterator parameters an SDK sends (see {@link SearchIteratorParams}). */
  iterator?: SearchIteratorParams;
}

/** Search answer: per query vector, hits best first, rows projected onto the output fields. */
export interface SearchOutcome {
  annsField: string;
  metric: Metric;
  /** Hits; in a grouping search each carries its `group` value, the hits of a group together. */
  hits: { pk: PrimaryKey; score: number; row: Row; group?: GroupValue }[][];
  /** Output field names as Milvus echoes them. */
  outputFields: string[];
  /** The field a grouping search grouped by (`group_by_field_value`), when it did. */
  groupByField?: CollectionSpec['fields'][number];
  /** A search iterator v2 page: its token and new last bound. */
  iteratorV2?: IteratorV2Result;
}


/**
 * Resolves the partition a write (or delete) addresses.
 * @throws MilvusError 65535 for a named partition in partition-key mode; 200 unknown partition.
 */
function writePartition(coll: Collection, name: string | undefined): Partition {
  if (name && partitionKeyFieldOf(coll.schema.fields)) throw partitionNamesRefused('write');
  if (name) validatePartitionName(name);
  return partitionOf(coll, name || DEFAULT_PARTITION);
}

/**
 * Groups normalised rows by the partition each goes to in partition-key mode: the partition its
 * key hashes to ({@link partitionIndexOf}) among `_default_0 … _default_{N-1}`.
 */
function routeByPartitionKey(coll: Collection, key: string, rows: readonly Row[]): Map<Partition, Row[]> {
  const count = coll.partitions.size;
  const partitions = Array.from({ length: count }, (_, i) => coll.partitions.get(partitionKeyPartitionName(i))!);
  const out = new Map<Partition, Row[]>();
  for (const row of rows) {
    const p = partitions[partitionIndexOf(row[key] as bigint | string, count)]!;
    const list = out.get(p);
    if (list) list.push(row);
    else out.set(p, [row]);
  }
  return out;
}

/**
 * Insert (`upsert` false) or Upsert: validates every row first (the batch is atomic), then appends
 * them to the partition's growing segment. Allowed on unloaded collections, as in Milvus. Keys
 * are not unique: an insert keeps the rows already there; an upsert deletes the rows its keys had
 * in the partition it writes to (in every partition in partition-key mode) and, as Milvus 2.5,
 * does not check its own batch for repeated keys.
 * @throws MilvusError 1100 for an invalid row; 200 unknown partition.
 */
export async function writeRows(coll: Collection, input: WriteInput, allocateId: () => bigint, timestamp: bigint, upsert: boolean, pacer: Pacer): Promise<Mutation> {
  const writtenMs = Number(physicalMillis(timestamp));
  // In partition-key mode a named partition is refused (writePartition); the rows go by their keys.
  const key = partitionKeyFieldOf(coll.schema.fields);
  const partition = key && !input.partitionName ? undefined : writePartition(coll, input.partitionName);
  if (input.rows.length === 0) throw MilvusError.parameterInvalid('the number of rows to insert must be positive');
  const rows: Row[] = [];
  for (const r of input.rows) {
    rows.push(normaliseRow(coll.schema, withFunctionOutputs(coll.schema, r), allocateId, upsert));
    if (pacer.due()) await pacer.pause();
  }
  // Only a batch that passed every check is analysed: the text match tokens of the stored rows.
  for (const row of rows) {
    analyseMatchTexts(coll.schema, row);
    if (pacer.due()) await pacer.pause();
  }
  if (partition) {
    const ids = await coll.data.append(partition.id, rows, writtenMs, pacer, upsert ? new Set([partition.id]) : undefined);
    return { ids, timestamp };
  }
  // Partition-key mode: each row to its key's partition; an upsert replaces the key in every partition.
  const everywhere = upsert ? new Set([...coll.partitions.values()].map((p) => p.id)) : undefined;
  for (const [p, group] of routeByPartitionKey(coll, key!.name, rows)) await coll.data.append(p.id, group, writtenMs, pacer, everywhere);
  const pk = primaryFieldOf(coll.schema).name;
  return { ids: rows.map((r) => r[pk] as PrimaryKey), timestamp };
}

/** Segments of the given partitions. */
function segmentsOf(coll: Collection, partitions: readonly Partition[]): Segment[] {
  return partitions.flatMap((p) => coll.data.segmentsOf(p.id));
}

/**
 * Delete, as Milvus's `deleteRunner`: a filter that is exactly `pk in [...]` or `pk == v` deletes
 * every row of those keys, loaded or not, and counts the keys it names (repeats included, present
 * or not); any other filter needs the collection loaded and deletes (and counts) the rows that
 * match it. In one partition or in all; no IDs are returned, as in Milvus.
 * @throws MilvusError 1100 for an empty or invalid filter; 200 unknown partition; 101
 *   `collection not loaded[collection=<id>]` for a filter other than by keys on an unloaded collection.
 */
export async function deleteRows(coll: Collection, input: DeleteInput, timestamp: bigint, pacer: Pacer, prepare?: FilterPreparer): Promise<Mutation> {
  if (!input.filter || !input.filter.trim()) throw MilvusError.parameterInvalid('expr cannot be empty');
  const filter = await compileFilter(coll.schema, input.filter, input.exprParams, prepare);
  const partitions = input.partitionName ? [writePartition(coll, input.partitionName)] : [...coll.partitions.values()];
  const scope = new Set(partitions.map((p) => p.id));
  if (filter.keyTerms) {
    for (const key of filter.keyTerms.values) {
      coll.data.remove(key, scope);
      if (pacer.due()) await pacer.pause();
    }
    return { ids: [], deleteCount: filter.keyTerms.count, timestamp };
  }
  if (coll.loadType === 'none') throw MilvusError.of(Merr.CollectionNotLoaded, formatMerr(Merr.CollectionNotLoaded, { collection: coll.id }));
  const matched: { segment: Segment; offset: number }[] = [];
  await scanSegments(segmentsOf(coll, partitions), filter, pacer, (segment, offset) => void matched.push({ segment, offset }), visibleSinceMs(coll));
  // The scan may have paused: a row deleted since then is not counted again.
  let deleteCount = 0;
  for (const { segment, offset } of matched) if (coll.data.removeAt(segment, offset)) deleteCount++;
  return { ids: [], deleteCount, timestamp };
}

/**
 * The partitions a search or query names, checked as the proxy's `PreExecute` does, before any load
 * check: none in partition-key mode, else each a valid name ({@link validatePartitionName}) of an
 * existing partition.
 * @returns undefined when none are named.
 * @throws MilvusError 65535 `Invalid partition name: <n>. <why>` or `partition name <n> not found`;
 *   in partition-key mode as `partitionNamesRefused` (65535 search, 1100 query).
 */
export function namedPartitions(coll: Collection, names: readonly string[] | undefined, op: 'search' | 'query'): Partition[] | undefined {
  if (!names || names.length === 0) return undefined;
  if (partitionKeyFieldOf(coll.schema.fields)) throw partitionNamesRefused(op);
  return names.map((n) => {
    validatePartitionName(n);
    const p = coll.partitions.get(n);
    if (!p) throw new MilvusError(`partition name ${n} not found`);
    return p;
  });
}

/**
 * The partitions a search or query reads, with Milvus's load rules (checked when the request runs,
 * after its parameters): the collection must be loaded; no names means every loaded partition; a
 * named partition must be loaded (refused as the profile's `unloadedPartition` rule says).
 * @throws MilvusError 101 `failed to <op>: collection not loaded[collection=<id>]`; 201 `failed to
 *   <op>: partition not loaded[partition=<id>]` (the first unloaded one); profile 2.3: 65535
 *   `failed to search/query delegator 1 for channel <first vchannel>: fail to <Query|Search>,
 *   QueryNode ID = 1, reason=partition not loaded[partition=[<ids>]]` (the unloaded ones, space-separated).
 */
export function loadedPartitions(coll: Collection, named: readonly Partition[] | undefined, op: 'search' | 'query'): Partition[] {
  if (coll.loadType === 'none') {
    throw MilvusError.of(Merr.CollectionNotLoaded, formatMerr(Merr.CollectionNotLoaded, { collection: coll.id }, `failed to ${op}`));
  }
  if (!named) return [...coll.partitions.values()].filter((p) => p.loaded);
  const unloaded = named.filter((p) => !p.loaded);
  if (unloaded.length === 0) return [...named];
  if (coll.profile.unloadedPartition === 'proxy') {
    throw MilvusError.of(Merr.PartitionNotLoaded, formatMerr(Merr.PartitionNotLoaded, { partition: unloaded[0]!.id }, `failed to ${op}`));
  }
  const reason = formatMerr(Merr.PartitionNotLoaded, { partition: `[${unloaded.map((p) => p.id).join(' ')}]` });
  const verb = op === 'query' ? 'Query' : 'Search';
  throw new MilvusError(`failed to search/query delegator ${QUERY_NODE_ID} for channel ${virtualChannelNames(coll)[0]}: fail to ${verb}, QueryNode ID = ${QUERY_NODE_ID}, reason=${reason}`);
}

/**
 * The partitions a read uses: {@link namedPartitions} then {@link loadedPartitions}.
 * @throws as those two.
 */
export function readPartitions(coll: Collection, names: readonly string[] | undefined, op: 'search' | 'query'): Partition[] {
  return loadedPartitions(coll, namedPartitions(coll, names, op), op);
}

/**
 * A search's `topk` and `offset` as the proxy's `parseSearchInfo` checks them (plain errors, so 65535).
 * @throws MilvusError 65535 `topk [<k>] is invalid, it should be in range [1, 16384], but got <k>`,
 *   the same for a non-zero `offset`, and `offset+topk [<n>] is invalid, …` for their sum.
 */
function checkSearchPaging(topk: number, offset: number): void {
  const limit = (what: string, n: number) => {
    if (!Number.isInteger(n) || n < 1 || n > MAX_TOPK) throw new MilvusError(`${what} [${n}] is invalid, it should be in range [1, ${MAX_TOPK}], but got ${n}`);
  };
  limit('topk', topk);
  if (offset !== 0) limit('offset', offset);
  limit('offset+topk', topk + offset);
}

/**
 * A query's `limit` and `offset` as the proxy's `validateMaxQueryResultWindow` checks them.
 * @throws MilvusError 65535 `invalid max query result window, <why>`: `offset [<n>] is invalid,
 *   should be gte than 0`, `limit [<n>] is invalid, should be greater than 0` or `(offset+limit)
 *   should be in range [1, 16384], but got <n>`.
 */
export function checkQueryWindow(limit: number, offset: number): void {
  const invalid = (why: string) => new MilvusError(`invalid max query result window, ${why}`);
  if (!Number.isInteger(offset) || offset < 0) throw invalid(`offset [${offset}] is invalid, should be gte than 0`);
  if (!Number.isInteger(limit) || limit <= 0) throw invalid(`limit [${limit}] is invalid, should be greater than 0`);
  if (limit + offset > MAX_TOPK) throw invalid(`(offset+limit) should be in range [1, ${MAX_TOPK}], but got ${limit + offset}`);
}

/**
 * A read's filter, compiled; after a partial load it may read only loaded fields.
 * @throws MilvusError 1100 as {@link compileFilter}, or `failed to create query plan: cannot parse
 *   expression: <expr>, error: field <f> is not loaded` (`field $meta is dynamic but dynamic field
 *   is not loaded` for a dynamic key).
 */
async function filterOrUndefined(coll: Collection, text: string | undefined, params: ExprParams | undefined, prepare: FilterPreparer | undefined): Promise<Filter | undefined> {
  if (!text || !text.trim()) return undefined;
  const filter = await compileFilter(coll.schema, text, params, prepare);
  const unloaded = filter.fields.find((f) => !isLoaded(coll.loadFields, f));
  if (unloaded !== undefined) {
    const why = unloaded === DYNAMIC_FIELD ? `field ${DYNAMIC_FIELD} is dynamic but dynamic field is not loaded` : `field ${unloaded} is not loaded`;
    throw MilvusError.parameterInvalid(`failed to create query plan: cannot parse expression: ${text}, error: ${why}`);
  }
  return filter;
}

/**
 * The partitions a read of a partition-key collection needs: those the filter's partition-key
 * values hash to, when it names them (Milvus's partition pruning); else all it was given.
 */
function prunedPartitions(coll: Collection, partitions: Partition[], filter: Filter | undefined): Partition[] {
  const keys = filter?.partitionKeys;
  if (!keys || !partitionKeyFieldOf(coll.schema.fields)) return partitions;
  const count = coll.partitions.size;
  const wanted = new Set(keys.map((k) => partitionKeyPartitionName(partitionIndexOf(k, count))));
  return partitions.filter((p) => wanted.has(p.name));
}

/**
 * Query: rows of the loaded (or named) partitions matching the filter, projected onto the output
 * fields; `count(*)` as the only output field counts them instead. With a `limit`, the rows of
 * the smallest keys, ascending (what the SDKs' query iterators page by).
 * @throws MilvusError 101 / 201 / 65535 load and partition errors; 1100 bad iterator entries
 *   ({@link checkQueryIteratorParams}); 65535 a bad result window
 *   ({@link checkQueryWindow}); 1100 `empty expression should be used with limit`, `count entities
 *   with pagination is not allowed`, unknown output field, invalid filter.
 */
export async function queryRows(coll: Collection, input: QueryInput, pacer: Pacer, prepare?: FilterPreparer): Promise<{ rows: Row[]; outputFields: string[] }> {
  // The proxy's PreExecute order: partitions, paging, output fields, the filter; the load rules when it runs.
  const named = namedPartitions(coll, input.partitionNames, 'query');
  checkQueryIteratorParams(input.iterator, coll.id);
  const outputFields = [...(input.outputFields ?? [])];
  const count = outputFields.length === 1 && outputFields[0]!.toLowerCase() === 'count(*)';
  const offset = input.offset ?? 0;
  if (count && (input.limit !== undefined || input.offset)) throw MilvusError.parameterInvalid('count entities with pagination is not allowed');
  if (input.limit !== undefined) checkQueryWindow(input.limit, offset);
  else if (!count && !input.filter?.trim()) throw MilvusError.parameterInvalid('empty expression should be used with limit');
  const projection = count ? undefined : projectionOf(coll.schema, outputFields, true, coll.loadFields);
  const filter = await filterOrUndefined(coll, input.filter, input.exprParams, prepare);
  const segments = segmentsOf(coll, prunedPartitions(coll, loadedPartitions(coll, named, 'query'), filter));
  const sinceMs = visibleSinceMs(coll);
  if (!projection) {
    // count(*) counts every matching row, repeated keys included, as Milvus.
    let n = 0;
    await scanSegments(segments, filter, pacer, () => void n++, sinceMs);
    return { rows: [{ 'count(*)': BigInt(n) }], outputFields: ['count(*)'] };
  }
  const rows: Row[] = [];
  for (const r of await matchingRows(coll, segments, filter, pacer, offset, input.limit, sinceMs)) {
    rows.push(projectRow(r, projection));
    if (pacer.due()) await pacer.pause();
  }
  return { rows, outputFields: outputNamesOf(projection) };
}

/**
 * The rows of the segments that match `filter`, one per key as Milvus's query reduces them (the
 * preferred matching row of a key: `CollectionData.readRank`): with a `limit`, the smallest keys in key order
 * ({@link smallestKeyRows}); without, every one, each at the place of its key's first match.
 * `offset` rows are skipped; rows written before `sinceMs` (expired by TTL) are not read.
 */
async function matchingRows(
  coll: Collection,
  segments: readonly Segment[],
  filter: RowFilter | undefined,
  pacer: Pacer,
  offset: number,
  limit: number | undefined,
  sinceMs: number | undefined,
): Promise<Row[]> {
  if (limit !== undefined) {
    const preferred = coll.data.hasDuplicates ? (pk: PrimaryKey, a: Row, b: Row) => coll.data.readRank(pk, a) > coll.data.readRank(pk, b) : undefined;
    return smallestKeyRows(segments, filter, pacer, offset, limit, sinceMs, preferred);
  }
  const out: Row[] = [];
  if (!coll.data.hasDuplicates) {
    let skipped = 0;
    await scanSegments(segments, filter, pacer, (segment, i) => {
      if (skipped < offset) skipped++;
      else out.push(segment.rows[i]!);
    }, sinceMs);
    return out;
  }
  const at = new Map<PrimaryKey, number>();
  await scanSegments(segments, filter, pacer, (segment, i) => {
    const pk = segment.pks[i]!;
    const row = segment.rows[i]!;
    const seen = at.get(pk);
    if (seen === undefined) at.set(pk, out.push(row) - 1);
    else if (coll.data.readRank(pk, row) > coll.data.readRank(pk, out[seen]!)) out[seen] = row;
  }, sinceMs);
  return out.slice(offset);
}

/**
 * Get: the rows with the given primary keys among the loaded (or named) partitions, each key
 * once (its preferred row there: `CollectionData.locate`), as Milvus's query by `pk in [...]`.
 * @throws as {@link queryRows}; 1100 for a key of the wrong type.
 */
export async function getRows(
  coll: Collection,
  ids: readonly unknown[],
  input: Omit<QueryInput, 'filter' | 'limit' | 'offset' | 'exprParams'>,
  pacer: Pacer,
): Promise<{ rows: Row[]; outputFields: string[] }> {
  const partitions = new Set(readPartitions(coll, input.partitionNames, 'query').map((p) => p.id));
  const pkField = primaryFieldOf(coll.schema);
  const projection = projectionOf(coll.schema, input.outputFields ?? [], true, coll.loadFields);
  const rows: Row[] = [];
  const keys = new Set(ids.map((id) => primaryKeyOf(pkField, id)));
  const sinceMs = visibleSinceMs(coll);
  for (const key of keys) {
    if (pacer.due()) await pacer.pause();
    const at = coll.data.locate(key, partitions);
    if (at && at.segment.isVisible(at.offset, sinceMs)) rows.push(projectRow(at.segment.rows[at.offset]!, projection));
  }
  return { rows, outputFields: outputNamesOf(projection) };
}

/**
 * The `nq` of a search as the proxy's `checkNq` checks it.
 * @throws MilvusError 65535 `nq [<n>] is invalid, nq (number of search vector per search request)
 *   should be in range [1, 16384], but got <n>`.
 */
export function checkNq(nq: number): void {
  if (nq < 1 || nq > MAX_NQ) throw new MilvusError(`nq [${nq}] is invalid, nq (number of search vector per search request) should be in range [1, ${MAX_NQ}], but got ${nq}`);
}

/** One ANN search of a request: a `SearchInput` without what belongs to the whole request. */
export type AnnSearchInput = Omit<SearchInput, 'partitionNames' | 'outputFields'>;

/** An ANN search as the proxy plans it (`tryGeneratePlan`), before any load check. */
export interface SearchPlan {
  field: CollectionSpec['fields'][number];
  filter?: Filter;
  limit: number;
  offset: number;
  /** The grouping, when the search groups its hits. */
  groupBy?: GroupBy;
  /** A search iterator v2 page (its batch size is `limit`). */
  iteratorV2?: IteratorV2Page;
}

/**
 * Plans one ANN search as the proxy's `tryGeneratePlan` does: the anns field (the only vector
 * field when none is named), `topk`/`offset` (`checkSearchPaging`; an iterator's topk out of
 * range is 16384), the iterator v2 page ({@link iteratorV2PageOf}), `hints`, then the filter
 * and the field (`CreateSearchPlan`); an iterator's `collection_id` must be the collection's.
 * @throws MilvusError 65535 `multiple anns_fields exist, please specify a anns_field in search_params`,
 *   bad `topk`/`offset`, grouping refusals ({@link parseGroupBy}, {@link checkGroupByAnnsField}),
 *   `hints: <h> not supported`; 1100 an invalid filter or `failed to create
 *   query plan: …` for an unknown, non-vector or unloaded field.
 */
export async function planSearch(coll: Collection, input: AnnSearchInput, prepare?: FilterPreparer, advanced?: { groupBy?: GroupBy }): Promise<SearchPlan> {
  const vectorFields = coll.schema.fields.filter((f) => SEARCHABLE_VECTORS.has(f.dataType));
  if (!input.annsField && vectorFields.length > 1) throw new MilvusError('multiple anns_fields exist, please specify a anns_field in search_params');
  const offset = input.offset ?? 0;
  const topk = isIteratorSearch(input.iterator) && !(Number.isInteger(input.limit) && input.limit >= 1 && input.limit <= MAX_TOPK) ? MAX_TOPK : input.limit;
  checkSearchPaging(topk, offset);
  // A hybrid search's sub-searches group as its rank parameters say, whatever their own say.
  const groupBy = advanced ? advanced.groupBy : parseGroupBy(coll.schema, input);
  checkGroupByAnnsField(groupBy, input.annsField ? coll.schema.fields.find((f) => f.name === input.annsField) : vectorFields[0]);
  checkGroupByCombination(groupBy, { iterator: isIteratorSearch(input.iterator), range: input.radius !== undefined });
  const iteratorV2 = iteratorV2PageOf(input.iterator, offset, MAX_TOPK);
  checkSearchCollectionId(input.iterator?.collectionId, coll.id);
  if (input.hints !== undefined && input.hints !== '' && input.hints !== 'iterative_filter') throw new MilvusError(`hints: ${input.hints} not supported`);
  // `CreateSearchPlan`: the filter first, then the anns field.
  const filter = await filterOrUndefined(coll, input.filter, input.exprParams, prepare);
  const field = input.annsField ? coll.schema.fields.find((f) => f.name === input.annsField) : vectorFields[0];
  const planError = (why: string) => MilvusError.parameterInvalid(`failed to create query plan: ${why}`);
  if (!field) throw planError(`failed to get field schema by name: fieldName(${input.annsField}) not found`);
  if (!vectorFields.includes(field)) throw planError(`field (${field.name}) to search is not of vector data type`);
  if (!isLoaded(coll.loadFields, field.name)) throw planError(`ann field "${field.name}" not loaded`);
  return { field, limit: iteratorV2 ? iteratorV2.batchSize : topk, offset, ...(filter ? { filter } : {}), ...(groupBy ? { groupBy } : {}), ...(iteratorV2 ? { iteratorV2 } : {}) };
}

/**
 * Runs a planned ANN search over the partitions it may read (pruned by the filter's partition
 * keys): the field's index and metric (a requested metric must match), HNSW `ef` (checked against
 * k only for a top-k search through a segment's HNSW index: growing and small segments are
 * searched by brute force, which ignores it, and so do range searches and iterators), the query
 * vectors in the field's format ({@link queryVectorsOf}: with no segment to search, a vector of the
 * wrong size yields no hits), the score window of a range search ({@link rangeWindowOf}) or an
 * iterator v2 page (`tokens`), then {@link searchSegments}, or {@link groupSearchSegments} for a
 * grouping search.
 * @throws MilvusError 700 when the field has no index; 65535 `index <name> cannot be searched: …`
 *   for an `UNBUILT` index (a binary metric on a float vector field, profile 2.3); 1100 `metric type not match: invalid
 *   parameter[expected=<index>][actual=<given>]`, `ef(<ef>) should be larger than k(<k>)`, bad
 *   range parameters ({@link rangeWindowOf}); 2000 a vector of the wrong size; 2001 a field that
 *   cannot be grouped.
 */
export async function runSearch(
  coll: Collection,
  partitions: Partition[],
  plan: SearchPlan,
  input: AnnSearchInput,
  pacer: Pacer,
  tokens?: SearchIteratorTokens,
): Promise<{ metric: Metric; hits: (SearchHit | GroupedHit)[][] }> {
  const { field } = plan;
  const spec = [...coll.indexes.values()].find((i) => i.fieldName === field.name);
  if (!spec) throw MilvusError.of(Merr.IndexNotFound, formatMerr(Merr.IndexNotFound, { collection: coll.name }));
  const index = indexPlanOf(spec);
  if (index.kind === 'UNBUILT') throw new MilvusError(`index ${spec.indexName} cannot be searched: metric ${index.metric} does not apply to float vectors, so knowhere built nothing`);
  const given = input.metricType?.toUpperCase();
  if (given && given !== index.metric) {
    throw MilvusError.of(Merr.ParameterInvalid, `metric type not match: ${formatMerr(Merr.ParameterInvalid, { expected: index.metric, actual: given })}`);
  }
  const segments = segmentsOf(coll, prunedPartitions(coll, partitions, plan.filter));
  const window = intersectWindows(rangeWindowOf(input.radius, input.rangeFilter, index.metric), plan.iteratorV2 && tokens?.windowOf(plan.iteratorV2, index.metric), index.metric);
  let ef: number | undefined;
  // knowhere checks `ef` against k for a top-k search through the index only (not for a range search or an iterator).
  if (index.kind === 'HNSW' && !window && !plan.iteratorV2 && segments.some((s) => s.indexSearched(field.name, index.metric))) {
    try {
      ef = resolveEf(plan.limit + plan.offset, input.ef);
    } catch (e) {
      throw MilvusError.parameterInvalid((e as Error).message);
    }
  } else if (index.kind === 'HNSW') {
    // Unchecked, as Milvus's brute force, range search and iterators ignore it; a small sealed segment's HNSW raises it to k.
    ef = input.ef;
  }
  // A BM25 index is searched by text: the texts become IDF-weighted queries over the loaded data.
  const bm25 = index.metric === 'BM25' ? bm25Queries(coll, field.name, input.vectors, bm25ParamsOf(spec.params)) : undefined;
  let vectors = bm25 ?? queryVectorsOf(field, input.vectors, segments.some((s) => s.size > 0));
  if (!vectors) return { metric: index.metric, hits: input.vectors.map(() => []) };
  if (field.dataType === DataType.SparseFloatVector && input.dropRatioSearch !== undefined) {
    const ratio = dropRatioOf(input.dropRatioSearch);
    vectors = (vectors as SparseRow[]).map((q) => dropSmallValues(q, ratio));
  }
  const sinceMs = visibleSinceMs(coll);
  const search = {
    annsField: field.name,
    metric: index.metric,
    vectors,
    limit: plan.limit,
    offset: plan.offset,
    ...(ef === undefined ? {} : { ef }),
    ...(plan.filter ? { filter: plan.filter } : {}),
    ...(sinceMs === undefined ? {} : { sinceMs }),
    ...(window ? { window } : {}),
  };
  const hits = plan.groupBy ? await groupSearchSegments(segments, search, plan.groupBy, pacer) : await searchSegments(segments, search, pacer);
  return { metric: index.metric, hits };
}

/**
 * Search: the top `limit` rows per query vector over the loaded (or named) partitions, by the
 * metric of the field's index, with Milvus's parameter rules: the partitions, `nq`
 * ({@link checkNq}), the plan ({@link planSearch}), the output fields, the load rules, then the
 * search itself ({@link runSearch}); an iterator v2 page is recorded in `tokens`.
 * @throws MilvusError 101 / 201 / 65535 load and partition errors; as {@link checkNq},
 *   {@link planSearch}, {@link projectionOf} and {@link runSearch}.
 */
export async function searchRows(coll: Collection, input: SearchInput, pacer: Pacer, prepare?: FilterPreparer, tokens = new SearchIteratorTokens()): Promise<SearchOutcome> {
  const named = namedPartitions(coll, input.partitionNames, 'search');
  checkNq(input.vectors.length);
  const plan = await planSearch(coll, input, prepare);
  // Milvus 2.5 returns the primary key among a search's output fields only when it is asked for.
  const projection = projectionOf(coll.schema, input.outputFields ?? [], false, coll.loadFields);
  const partitions = loadedPartitions(coll, named, 'search');
  const { metric, hits } = await runSearch(coll, partitions, plan, input, pacer, tokens);
  return {
    ...(plan.iteratorV2 ? { iteratorV2: tokens.record(plan.iteratorV2, hits[0] ?? []) } : {}),
    annsField: plan.field.name,
    metric,
    hits: hits.map((list) => list.map((h) => ({ pk: h.pk, score: h.score, row: projectRow(h.row, projection), ...('group' in h ? { group: h.group } : {}) }))),
    outputFields: outputNamesOf(projection),
    ...(plan.groupBy ? { groupByField: plan.groupBy.field } : {}),
  };
}
