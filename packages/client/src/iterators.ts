/**
 * Query and search iterators of `MilvusClient`, with the official Node SDK's request shapes
 * (`batchSize`, `limit`, `filter`/`expr`, `output_fields`, ...). They page with ordinary calls, so
 * they work on both transports:
 * - a query iterator asks for `<pk> > <last key>` with the batch size as limit (Milvus answers a
 *   query with a limit by its smallest keys, ascending), as the SDKs do;
 * - a search iterator pages by range search, as pymilvus's v1 iterator: after the first page, each
 *   asks for the hits between the last page's last score (`range_filter`, inclusive) and the far
 *   end (`radius`: the request's own, else the float32 extreme), without the keys already returned
 *   at exactly that score (`<pk> not in [...]`).
 *
 * @packageDocumentation
 */
import { MilvusError, queryVectorsOf, type CallOptions, type CollectionRequest, type QueryRequest, type RowData, type SearchRequest, type SearchResultRow } from '@mvkit/core';

/** Query iterator request (the SDK's `QueryIteratorReq`). */
export interface QueryIteratorRequest extends Omit<QueryRequest, 'limit' | 'offset'> {
  /** Rows per batch, 1 to 16384 (larger is read as 16384, as the SDK does). */
  batchSize: number;
  /** Most rows in all; unset or -1: every matching row. */
  limit?: number;
}

/** Search iterator request (the SDK's `SearchIteratorReq`): one query vector. */
export interface SearchIteratorRequest extends Omit<SearchRequest, 'limit' | 'topk' | 'offset'> {
  /** Hits per batch, 1 to 16384 (larger is read as 16384, as the SDK does). */
  batchSize: number;
  /** Most hits in all; unset or -1: every row the search reaches. */
  limit?: number;
}

/** The calls an iterator makes (the client's own methods). */
export interface IteratorCalls {
  describeCollection(request: CollectionRequest, options?: CallOptions): Promise<{ schema: { fields: { name: string; data_type: string; is_primary_key?: boolean }[] } }>;
  describeIndex(request: CollectionRequest & { field_name?: string }, options?: CallOptions): Promise<{ index_descriptions: { field_name: string; params: { key: string; value: string }[] }[] }>;
  query(request: QueryRequest, options?: CallOptions): Promise<{ data: RowData[] }>;
  search(request: SearchRequest, options?: CallOptions): Promise<{ results: SearchResultRow[] | SearchResultRow[][] }>;
}

/** Largest batch (`quotaAndLimits.limits.topK`). */
const MAX_BATCH = 16384;
/** The largest float32: the far end of a range when the request sets none. */
const FLOAT32_MAX = 3.4028234663852886e38;
/** Metrics whose smaller scores are better. */
const SMALLER_IS_BETTER = new Set(['L2', 'HAMMING', 'JACCARD']);

function batchOf(batchSize: number): number {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw MilvusError.parameterInvalid(`batchSize must be a positive integer, got ${batchSize}`, undefined, { origin: 'client' });
  return Math.min(batchSize, MAX_BATCH);
}

const limitOf = (limit: number | undefined) => (limit === undefined || limit === -1 ? Infinity : limit);

async function primaryOf(calls: IteratorCalls, request: CollectionRequest, options?: CallOptions) {
  const described = await calls.describeCollection({ collection_name: request.collection_name, ...(request.db_name ? { db_name: request.db_name } : {}) }, options);
  const pk = described.schema.fields.find((f) => f.is_primary_key);
  if (!pk) throw new MilvusError('the collection has no primary key', { origin: 'client' });
  const literal = (key: unknown) => (pk.data_type === 'VarChar' ? JSON.stringify(String(key)) : String(key));
  return { pk, literal, fields: described.schema.fields };
}

const and = (user: string, extra: string) => (user.trim() ? `(${user}) and ${extra}` : extra);

/**
 * Batches of query rows, each key once, in key order (see the module comment).
 * @throws MilvusError 1100 (origin `client`) for a bad `batchSize`; as `query` for each page.
 */
export async function* queryBatches(calls: IteratorCalls, request: QueryIteratorRequest, options?: CallOptions): AsyncGenerator<RowData[], void, undefined> {
  const { batchSize, limit, filter, expr, ...rest } = request;
  const batch = batchOf(batchSize);
  const { pk, literal } = await primaryOf(calls, request, options);
  const userFilter = filter ?? expr ?? '';
  let left = limitOf(limit);
  let last: unknown;
  while (left > 0) {
    const want = Math.min(batch, left);
    const page = await calls.query({ ...rest, filter: last === undefined ? userFilter : and(userFilter, `${pk.name} > ${literal(last)}`), limit: want }, options);
    if (page.data.length === 0) return;
    left -= page.data.length;
    last = page.data[page.data.length - 1]![pk.name];
    yield page.data;
    if (page.data.length < want) return;
  }
}

/**
 * Batches of search hits for one query vector, best first, each key once (see the module comment).
 * @throws MilvusError 1100 (origin `client`) for a bad `batchSize` or several query vectors; as
 *   `search` for each page.
 */
export async function* searchBatches(calls: IteratorCalls, request: SearchIteratorRequest, options?: CallOptions): AsyncGenerator<SearchResultRow[], void, undefined> {
  const { batchSize, limit, filter, expr, params, ...rest } = request;
  const batch = batchOf(batchSize);
  if (queryVectorsOf(request).vectors.length !== 1) throw MilvusError.parameterInvalid('a search iterator takes one query vector', undefined, { origin: 'client' });
  const { pk, literal, fields } = await primaryOf(calls, request, options);
  const annsField = request.anns_field ?? fields.find((f) => f.data_type.endsWith('Vector'))?.name;
  let metric = request.metric_type;
  if (!metric) {
    const described = await calls.describeIndex({ collection_name: request.collection_name, ...(request.db_name ? { db_name: request.db_name } : {}), ...(annsField ? { field_name: annsField } : {}) }, options);
    metric = described.index_descriptions.find((d) => d.field_name === annsField)?.params.find((p) => p.key === 'metric_type')?.value;
  }
  const smaller = SMALLER_IS_BETTER.has((metric ?? '').toUpperCase());
  const far = params?.radius ?? (smaller ? FLOAT32_MAX : -FLOAT32_MAX);
  const userFilter = filter ?? expr ?? '';
  let left = limitOf(limit);
  let bound: number | undefined;
  const tied: unknown[] = [];
  while (left > 0) {
    const want = Math.min(batch, left);
    const exclude = tied.length ? `${pk.name} not in [${tied.map(literal).join(',')}]` : '';
    const page = await calls.search(
      {
        ...rest,
        limit: want,
        filter: exclude ? and(userFilter, exclude) : userFilter,
        params: bound === undefined ? { ...params } : { ...params, radius: far, range_filter: bound },
      },
      options,
    );
    const hits = (Array.isArray(page.results[0]) ? page.results[0] : page.results) as SearchResultRow[];
    if (hits.length === 0) return;
    const lastScore = hits[hits.length - 1]!.score;
    if (lastScore !== bound) tied.length = 0;
    for (const h of hits) if (h.score === lastScore) tied.push(h[pk.name]);
    bound = lastScore;
    left -= hits.length;
    yield hits;
    if (hits.length < want) return;
  }
}
