import type { CallMetadata } from './metadata.js';
import { Merr, MilvusError } from '@mvkit/core';
import type { MilvusServiceHandlers } from './adapter.js';
import { parseGoInt, type Engine, type HybridSubSearch } from '../engine/index.js';
import { annSearchOf, searchResultsOf } from './search-request.js';

/**
 * HybridSearch on the gRPC front: each of `requests` read as a search is ({@link annSearchOf}),
 * with its `topk` left to the rank `limit + offset` when absent or not an integer (`parseSearchInfo`
 * of an advanced search), `rank_params` passed as sent, and the fused hits answered as Search
 * answers them. A `function_score` reranker is not served.
 *
 * @param dbOf - resolves a request's database (its `db_name`, else the `dbname` header).
 */
export function hybridHandlers(engine: Engine, dbOf: (req: { dbName?: string }, md: CallMetadata) => string): Partial<MilvusServiceHandlers> {
  return {
    async hybridSearch(req, md, signal) {
      const ref = { dbName: dbOf(req, md), collectionName: req.collectionName };
      const coll = engine.collectionOf(ref);
      if (req.functionScore) {
        throw MilvusError.of(Merr.ServiceUnimplemented, `${Merr.ServiceUnimplemented.message}: function_score rerankers are not supported by the mvkit reference server`);
      }
      const requests: HybridSubSearch[] = [];
      for (const sub of req.requests) {
        const { ann, topk } = await annSearchOf(engine, ref, coll, sub, signal);
        const limit = topk === undefined ? undefined : parseGoInt(topk);
        requests.push({ ...ann, ...(limit === undefined ? {} : { limit }) });
      }
      const out = await engine.hybridSearch({ ...ref, requests, rankParams: req.rankParams, partitionNames: req.partitionNames, outputFields: req.outputFields, signal });
      return searchResultsOf(coll, out.hits, out.outputFields, out.limit, { groupByField: out.groupByField });
    },
  };
}
