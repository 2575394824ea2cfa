import { create, type JsonObject } from '@bufbuild/protobuf';
import { groupingParamsOf, type HybridSearchRequest, type SearchResults } from '@mvkit/core';
import { HybridSearchRequestSchema, type SearchResults as SearchResultsMessage } from '@mvkit/proto';
import { searchRequest, searchResult, type CollectionInfo } from './data-mappings.js';

/**
 * HybridSearch request: each sub-request as a SearchRequest (its `limit` defaulting to the
 * request's, as the SDK merges them), `rank_params` `strategy`/`params` of `rerank` (default
 * `rrf` with k = 60), `limit` (default 100), `offset` and `round_decimal` -1, as the SDK sends them.
 */
export function hybridSearchRequest(req: HybridSearchRequest, info: CollectionInfo) {
  const limit = req.limit ?? req.topk ?? 100;
  const outputFields = req.output_fields ?? ['*'];
  const requests = req.data.map((sub) => {
    const filter = sub.filter ?? sub.expr;
    return searchRequest(
      {
        collection_name: req.collection_name,
        ...(req.db_name ? { db_name: req.db_name } : {}),
        data: sub.data,
        anns_field: sub.anns_field,
        limit: sub.limit ?? limit,
        ...(filter ? { filter } : {}),
        ...(sub.exprValues ? { exprValues: sub.exprValues } : {}),
        ...(sub.params ? { params: sub.params } : {}),
        ...(sub.metric_type ? { metric_type: sub.metric_type } : {}),
        ...(req.partition_names ? { partition_names: req.partition_names } : {}),
        output_fields: outputFields,
      },
      info,
    );
  });
  const rerank = req.rerank ?? { strategy: 'rrf', params: { k: 60 } };
  const rankParams = { strategy: rerank.strategy, params: JSON.stringify(rerank.params), limit: String(limit), offset: String(req.offset ?? 0), round_decimal: '-1', ...groupingParamsOf(req) };
  return create(HybridSearchRequestSchema, {
    dbName: req.db_name ?? '',
    collectionName: req.collection_name,
    partitionNames: req.partition_names ?? [],
    requests,
    rankParams: Object.entries(rankParams).map(([key, value]) => ({ key, value })),
    outputFields,
  });
}

/** HybridSearch result: as a search's, one list per query vector when the sub-requests carry several. */
export function hybridSearchResult(json: JsonObject, info: CollectionInfo, req: HybridSearchRequest, message: SearchResultsMessage): SearchResults {
  return searchResult(json, info, { collection_name: req.collection_name, ...(req.data[0] ? { data: req.data[0].data } : { data: [] }) }, message);
}
