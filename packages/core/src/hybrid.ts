/**
 * Request types of hybrid search (`hybridSearch`), in the official Node SDK's shapes
 * (`HybridSearchReq`, `HybridSearchSingleReq`, `RerankerObj`), and its reranker helpers.
 *
 * @packageDocumentation
 */
import type { SearchRequest } from './data.js';
import type { CollectionRequest } from './operations.js';
import type { GroupingOptions } from './grouping.js';

/** A reranker as the SDK's `RRFRanker` / `WeightedRanker` build it: `rank_params` `strategy` and `params`. */
export interface Reranker {
  /** `rrf` or `weighted` (Milvus refuses any other). */
  strategy: string;
  /** `{ k }` for `rrf`; `{ weights, norm_score? }` for `weighted`. */
  params: Record<string, unknown>;
}

/**
 * Reciprocal rank fusion: a hit scores Σ 1/(k + rank) over the sub-searches (ranks from 1).
 * @param k - in (0, 16384); default 60.
 */
export function RRFRanker(k = 60): Reranker {
  return { strategy: 'rrf', params: { k } };
}

/**
 * Weighted fusion: a hit scores Σ weightᵢ × scoreᵢ, each score first normalised into [0, 1] by its
 * metric unless `normScore` is false (Milvus's default is true).
 * @param weights - one per sub-search, each in [0, 1].
 */
export function WeightedRanker(weights: number[], normScore?: boolean): Reranker {
  return { strategy: 'weighted', params: { weights, ...(normScore === undefined ? {} : { norm_score: normScore }) } };
}

/** One sub-search of a hybrid search (the SDK's `HybridSearchSingleReq`). */
export interface HybridSearchSubRequest {
  /** Query vectors, as `search` takes them; every sub-search must have as many. */
  data: NonNullable<SearchRequest['data']>;
  anns_field: string;
  /** Filter of this sub-search (alias `filter`). */
  expr?: string;
  filter?: string;
  exprValues?: Record<string, unknown>;
  /** Top k of this sub-search; default the request's `limit` (as the SDK sends it). */
  limit?: number;
  /** Search parameters such as `{ ef: 64 }`. */
  params?: Record<string, unknown>;
  /** Must match the field's index metric when given. */
  metric_type?: string;
}

/** Hybrid search request (the SDK's `HybridSearchReq`); grouping applies to the fused hits. */
export interface HybridSearchRequest extends CollectionRequest, GroupingOptions {
  data: HybridSearchSubRequest[];
  /** Default `RRFRanker()`. */
  rerank?: Reranker;
  /** Fused hits per query vector (alias `topk`); default 100, as the SDK. */
  limit?: number;
  topk?: number;
  offset?: number;
  output_fields?: string[];
  partition_names?: string[];
}
