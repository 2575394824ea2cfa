/**
 * Request and result types of the data-plane operations (insert, upsert, delete, search, query,
 * get, count, flush), in the official `@zilliz/milvus2-sdk-node` shapes.
 *
 * @packageDocumentation
 */
import { MilvusError } from './milvus-error.js';
import type { CollectionRequest, ResStatus } from './operations.js';
import type { SparseInput } from './sparse.js';
import type { GroupingOptions } from './grouping.js';

/**
 * A row: field name → value. Int64 values may be given as `number`, `bigint` or decimal string
 * and come back as decimal strings; FloatVector as `number[]` (or `Float32Array`); BinaryVector
 * as bytes (`number[]` / `Uint8Array`); SparseFloatVector as any `SparseInput` form (it comes back
 * as `{ "<index>": value }`); JSON as any JSON value; keys outside the schema go to the
 * dynamic field when it is enabled.
 */
export type RowData = Record<string, unknown>;

/** Insert / Upsert request (`data` rows; `fields_data` is the SDK's older name for the same). */
export interface InsertRequest extends CollectionRequest {
  /** Target partition; default `_default`. */
  partition_name?: string;
  data?: RowData[];
  fields_data?: RowData[];
}

/** Primary keys in a {@link MutationResult} (`schema.IDs`): Int64 keys as decimal strings. */
export interface ResultIDs {
  int_id?: { data: string[] };
  str_id?: { data: string[] };
  /** Which of the two is set, as the SDK's protobuf decoding reports it. */
  id_field?: 'int_id' | 'str_id';
}

/** Result of Insert, Upsert and Delete (`milvus.MutationResult`); counts and timestamp as decimal strings. */
export interface MutationResult {
  status: ResStatus;
  IDs: ResultIDs;
  succ_index: number[];
  err_index: number[];
  acknowledged: boolean;
  insert_cnt: string;
  delete_cnt: string;
  upsert_cnt: string;
  /** Hybrid timestamp of the mutation. */
  timestamp: string;
}

/** Delete request: a boolean `filter` (alias `expr`) or primary keys `ids`. */
export interface DeleteRequest extends CollectionRequest {
  partition_name?: string;
  filter?: string;
  expr?: string;
  ids?: (string | number | bigint)[];
  /** Values of `{name}` placeholders in the filter. */
  exprValues?: Record<string, unknown>;
}

/** Search request, as the official SDK's `search` takes it (single or several vectors), grouping included. */
export interface SearchRequest extends CollectionRequest, GroupingOptions {
  /**
   * One vector (`number[]`) or several (`number[][]`); `vector` / `vectors` are accepted aliases.
   * On a BM25 function's output field: one text or several (full-text search).
   */
  data?: number[] | number[][] | Uint8Array | Uint8Array[] | SparseInput | SparseInput[] | string | string[];
  vector?: number[] | SparseInput;
  vectors?: number[][] | SparseInput[];
  /** Vector field to search; may be omitted when the collection has one. */
  anns_field?: string;
  /** Hits per query vector (alias `topk`); default 100, as the SDK. */
  limit?: number;
  topk?: number;
  offset?: number;
  filter?: string;
  expr?: string;
  exprValues?: Record<string, unknown>;
  output_fields?: string[];
  partition_names?: string[];
  /** Must match the index's metric when given. */
  metric_type?: string;
  /** Index search parameters such as `{ ef: 64 }`, or a range search's `{ radius, range_filter }`. */
  params?: SearchParams;
}

/**
 * Index search parameters (the SDK's `params`): HNSW `ef`; for a range search `radius` (the far
 * bound, exclusive) and `range_filter` (the near bound, inclusive): L2, HAMMING and JACCARD keep
 * `range_filter <= distance < radius`, IP and COSINE `radius < score <= range_filter`. Other keys
 * are passed as given.
 */
export interface SearchParams {
  ef?: number;
  radius?: number;
  range_filter?: number;
  [key: string]: unknown;
}

/**
 * The query vectors of a search request (`data`, alias `vectors` / `vector`) and whether several
 * were sent (then results come back per vector): several when `data` is an array of vectors
 * (arrays, byte arrays, or sparse vectors as objects), one when it is a vector itself (numbers, a
 * sparse object, or a sparse vector as `{ index, value }` pairs).
 * @throws MilvusError 1100 (origin `client`) when no vector is given.
 */
export function queryVectorsOf(req: SearchRequest): { vectors: unknown[]; several: boolean } {
  const raw = req.data ?? req.vectors ?? req.vector;
  if (raw === undefined) throw MilvusError.parameterInvalid('search needs `data`: a vector or an array of vectors', undefined, { origin: 'client' });
  const first: unknown = Array.isArray(raw) ? raw[0] : undefined;
  const pair = typeof first === 'object' && first !== null && 'index' in first && 'value' in first;
  const several = Array.isArray(first) || ArrayBuffer.isView(first) || typeof first === 'string' || (typeof first === 'object' && first !== null && !pair);
  return { vectors: several ? (raw as unknown[]) : [raw], several };
}

/** One search hit: `score`, the primary key and output fields by name (Int64 as decimal strings). */
export type SearchResultRow = { score: number } & RowData;

/** One query of a search: a dense vector, a binary vector's bytes, one sparse vector, or one text (BM25 full-text search). */
export type SearchQuery = number[] | Uint8Array | SparseInput | string;

/** Several queries of a search, each answered by its own list of hits. */
export type SearchQueries = number[][] | Uint8Array[] | SparseInput[] | string[];

/** A search request with one query (`data` or `vector`): answered by one list of hits. */
export type SingleSearchRequest = SearchRequest & ({ data: SearchQuery } | { data?: undefined; vectors?: undefined; vector: number[] | SparseInput });

/** A search request with several queries (`data` or `vectors`): answered by one list of hits per query. */
export type MultiSearchRequest = SearchRequest & ({ data: SearchQueries } | { data?: undefined; vectors: number[][] | SparseInput[] });

/**
 * Search result, as the official Node SDK shapes it: `results` is the hits of the one query
 * vector (`SearchResultRow[]`), or one list per vector when several were sent
 * (`SearchResultRow[][]`). `MilvusClient.search` narrows `R` from the request's `data`.
 */
export interface SearchResults<R extends SearchResultRow[] | SearchResultRow[][] = SearchResultRow[] | SearchResultRow[][]> {
  status: ResStatus;
  results: R;
}

/** Query request. */
export interface QueryRequest extends CollectionRequest {
  filter?: string;
  expr?: string;
  exprValues?: Record<string, unknown>;
  output_fields?: string[];
  partition_names?: string[];
  limit?: number;
  offset?: number;
}

/** Query / Get result: matching rows (Int64 as decimal strings). */
export interface QueryResults {
  status: ResStatus;
  data: RowData[];
}

/** Get request: rows by primary key. */
export interface GetRequest extends CollectionRequest {
  ids: (string | number | bigint)[];
  output_fields?: string[];
  partition_names?: string[];
}

/** Count request (`count(*)` query). */
export interface CountRequest extends CollectionRequest {
  filter?: string;
  expr?: string;
  partition_names?: string[];
}

/** Count result. */
export interface CountResult {
  status: ResStatus;
  data: number;
}

/** Flush request. */
export interface FlushRequest {
  collection_names: string[];
  db_name?: string;
  timeout?: number;
}

/** Flush result: per collection the sealed segment IDs (decimal strings). */
export interface FlushResult {
  status: ResStatus;
  db_name: string;
  coll_segIDs: Record<string, { data: string[] }>;
  flush_coll_segIDs: Record<string, { data: string[] }>;
  coll_seal_times: Record<string, string>;
  coll_flush_ts: Record<string, string>;
}
