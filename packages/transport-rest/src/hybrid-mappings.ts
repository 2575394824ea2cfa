import { groupingBodyOf, queryVectorsOf, type HybridSearchRequest, type SearchResults } from '@mvkit/core';
import { dbOf, jsonSafe, searchResultsOf } from './data-mappings.js';
import type { RestCallContext } from './operations.js';

/**
 * `entities/hybrid_search`: each sub-request as a `search` entry (`data`, `annsField`, `filter`,
 * `limit` — default the request's —, `params` with `metric_type`, `exprParams`), `rerank` (default
 * `rrf` with k = 60), `limit` (default 100), `offset`; the answer as `entities/search`'s (one list
 * per query vector when the sub-requests carry several).
 */
export async function hybridSearch(ctx: RestCallContext, req: HybridSearchRequest): Promise<SearchResults> {
  const limit = req.limit ?? req.topk ?? 100;
  const search = req.data.map((sub) => {
    const filter = sub.filter ?? sub.expr;
    return {
      data: jsonSafe(queryVectorsOf({ collection_name: req.collection_name, data: sub.data }).vectors),
      annsField: sub.anns_field,
      limit: sub.limit ?? limit,
      ...(filter ? { filter } : {}),
      params: { ...(sub.params ?? {}), ...(sub.metric_type ? { metric_type: sub.metric_type } : {}) },
      ...(sub.exprValues ? { exprParams: jsonSafe(sub.exprValues) } : {}),
    };
  });
  const reply = await ctx.post<unknown[]>('/v2/vectordb/entities/hybrid_search' as never, {
    ...dbOf(req),
    collectionName: req.collection_name,
    search,
    rerank: req.rerank ?? { strategy: 'rrf', params: { k: 60 } },
    limit,
    ...(req.offset !== undefined ? { offset: req.offset } : {}),
    outputFields: req.output_fields ?? ['*'],
    ...(req.partition_names ? { partitionNames: req.partition_names } : {}),
    ...groupingBodyOf(req),
  });
  const first = req.data[0];
  return searchResultsOf(reply, first ? queryVectorsOf({ collection_name: req.collection_name, data: first.data }).several : false);
}
