import { MilvusError, groupingBodyOf, queryVectorsOf, type DeleteRequest, type InsertRequest, type MutationResult, type QueryRequest, type QueryResults, type RowData, type SearchRequest, type SearchResultRow, type SearchResults, type ResStatus } from '@mvkit/core';
import type { RestCallContext, RestReply } from './operations.js';

/** The success status results carry (failures are thrown). */
const OK: ResStatus = { error_code: 'Success', reason: '', code: 0, retriable: false, detail: '', extra_info: {} };

/** The body's `dbName` of a request that names one. */
export const dbOf = (req: { db_name?: string }) => (req.db_name ? { dbName: req.db_name } : {});

/** Values as the REST body carries them: bigints as exact JSON numbers are not expressible, so as decimal strings. */
export function jsonSafe(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v)) return v.map(jsonSafe);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonSafe(x)]));
  return v;
}

/** A row of a REST answer as the SDK shows it: integers beyond 2^53 (parsed as bigint) as decimal strings. */
const sdkRow = (row: unknown): RowData => jsonSafe(row) as RowData;

/** Primary keys of an insert/upsert answer as `schema.IDs` in the SDK's shape. */
function idsOf(ids: unknown): MutationResult['IDs'] {
  const list = Array.isArray(ids) ? ids : [];
  const numeric = list.length > 0 && list.every((x) => typeof x === 'number' || typeof x === 'bigint' || (typeof x === 'string' && /^-?\d+$/.test(x)));
  return numeric ? { int_id: { data: list.map(String) }, id_field: 'int_id' } : list.length ? { str_id: { data: list.map(String) }, id_field: 'str_id' } : {};
}

function mutation(ids: MutationResult['IDs'], counts: { insert?: number; upsert?: number; delete?: number }): MutationResult {
  const n = ids.int_id?.data.length ?? ids.str_id?.data.length ?? 0;
  return {
    status: OK,
    IDs: ids,
    succ_index: Array.from({ length: n }, (_, i) => i),
    err_index: [],
    acknowledged: false,
    insert_cnt: String(counts.insert ?? 0),
    delete_cnt: String(counts.delete ?? 0),
    upsert_cnt: String(counts.upsert ?? 0),
    timestamp: '0',
  };
}

/** A request the client refuses before sending it (1100, origin `client`). */
const invalid = (message: string): MilvusError => MilvusError.parameterInvalid(message, undefined, { origin: 'client' });

/** `entities/insert`: rows as JSON; the answer's `insertIds` become `IDs`. The mutation timestamp is not exposed (`'0'`). */
export async function insert(ctx: RestCallContext, req: InsertRequest): Promise<MutationResult> {
  const rows = req.data ?? req.fields_data;
  if (!Array.isArray(rows)) throw invalid('insert needs `data`: an array of rows');
  const { data } = await ctx.post<{ insertCount: number; insertIds: unknown[] }>('/v2/vectordb/entities/insert' as never, {
    ...dbOf(req),
    collectionName: req.collection_name,
    ...(req.partition_name ? { partitionName: req.partition_name } : {}),
    data: jsonSafe(rows),
  });
  return mutation(idsOf(data.insertIds), { insert: Number(data.insertCount) });
}

/** `entities/upsert`. */
export async function upsert(ctx: RestCallContext, req: InsertRequest): Promise<MutationResult> {
  const rows = req.data ?? req.fields_data;
  if (!Array.isArray(rows)) throw invalid('upsert needs `data`: an array of rows');
  const { data } = await ctx.post<{ upsertCount: number; upsertIds: unknown[] }>('/v2/vectordb/entities/upsert' as never, {
    ...dbOf(req),
    collectionName: req.collection_name,
    ...(req.partition_name ? { partitionName: req.partition_name } : {}),
    data: jsonSafe(rows),
  });
  const count = Number(data.upsertCount);
  return mutation(idsOf(data.upsertIds), { insert: count, upsert: count });
}

/** `entities/delete` with `filter` (alias `expr`); `MilvusClient.delete` turns `ids` into a filter first. */
export async function remove(ctx: RestCallContext, req: DeleteRequest): Promise<MutationResult> {
  const filter = req.filter ?? req.expr ?? '';
  const { data } = await ctx.post<{ deleteCount?: number }>('/v2/vectordb/entities/delete' as never, {
    ...dbOf(req),
    collectionName: req.collection_name,
    ...(req.partition_name ? { partitionName: req.partition_name } : {}),
    filter,
    ...(req.exprValues ? { exprParams: jsonSafe(req.exprValues) } : {}),
  });
  return mutation({}, { delete: Number(data?.deleteCount ?? 0) });
}

/** `entities/query`: rows; `count(*)` as the only output field counts. */
export async function query(ctx: RestCallContext, req: QueryRequest): Promise<QueryResults> {
  const { data } = await ctx.post<unknown[]>('/v2/vectordb/entities/query' as never, {
    ...dbOf(req),
    collectionName: req.collection_name,
    filter: req.filter ?? req.expr ?? '',
    outputFields: req.output_fields ?? ['*'],
    ...(req.partition_names ? { partitionNames: req.partition_names } : {}),
    ...(req.limit !== undefined ? { limit: req.limit } : {}),
    ...(req.offset !== undefined ? { offset: req.offset } : {}),
    ...(req.exprValues ? { exprParams: jsonSafe(req.exprValues) } : {}),
  });
  return { status: OK, data: (data ?? []).map(sdkRow) };
}

/** `entities/search`: rows with `distance` become hits with `score`; several vectors give one list each (`topks`). */
export async function search(ctx: RestCallContext, req: SearchRequest): Promise<SearchResults> {
  const { vectors, several } = queryVectorsOf(req);
  const params = { ...(req.params ?? {}) };
  const reply = await ctx.post<unknown[]>('/v2/vectordb/entities/search' as never, {
    ...dbOf(req),
    collectionName: req.collection_name,
    data: jsonSafe(vectors),
    ...(req.anns_field ? { annsField: req.anns_field } : {}),
    limit: req.limit ?? req.topk ?? 100,
    ...(req.offset !== undefined ? { offset: req.offset } : {}),
    filter: req.filter ?? req.expr ?? '',
    outputFields: req.output_fields ?? ['*'],
    ...(req.partition_names ? { partitionNames: req.partition_names } : {}),
    searchParams: { ...(req.metric_type ? { metricType: req.metric_type } : {}), params },
    ...(req.exprValues ? { exprParams: jsonSafe(req.exprValues) } : {}),
    ...groupingBodyOf(req),
  });
  return searchResultsOf(reply, several);
}

/**
 * The result of an `entities/search` or `entities/hybrid_search` answer: rows with `distance`
 * become hits with `score`, split per query vector by `topks` (one list when `several` is false).
 */
export function searchResultsOf(reply: RestReply<unknown[]>, several: boolean): SearchResults {
  const rows = (reply.data ?? []).map((r) => {
    const { distance, ...rest } = sdkRow(r) as { distance: number } & RowData;
    return { score: distance, ...rest } as SearchResultRow;
  });
  const topks = reply.topks ?? [rows.length];
  const perQuery: SearchResultRow[][] = [];
  let at = 0;
  for (const k of topks) {
    perQuery.push(rows.slice(at, at + Number(k)));
    at += Number(k);
  }
  return { status: OK, results: several ? perQuery : (perQuery[0] ?? []) };
}
