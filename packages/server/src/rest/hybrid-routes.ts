/**
 * RESTful v2 `entities/hybrid_search` (and `entities/advanced_search`, the path 2.5 keeps for
 * backward compatibility), as Milvus 2.5's `handler_v2.go` `advancedSearch` serves both:
 * DescribeCollection, each `search` entry read as `entities/search` reads its search
 * ({@link annSearchOfBody}, the entry's `params` as its search parameters, `limit` as its top k,
 * 0 when absent), the rank parameters built from `rerank`, `limit` and `offset` (`strategy`,
 * `params` as JSON, `limit`, `offset`, `round_decimal` -1), then HybridSearch, answered as a search.
 *
 * @packageDocumentation
 */
import type { GroupByParams, KeyValue } from '../engine/index.js';
import { annSearchOfBody, checkConsistency, searchAnswer } from './entities.js';
import { groupingOfBody } from './grouping.js';
import { goFormat } from '../gojson.js';
import { memberOf, parseJsonNode } from './json-node.js';
import { S, Ss, obj, collectionRef as target, type Body } from './body.js';
import type { RestContext, RouteAnswer } from './routes.js';
import type { Engine } from '../engine/index.js';

type Handle = (engine: Engine, body: Body, ctx: RestContext) => Promise<RouteAnswer>;

/** Grouping parameters as the rank parameters of a hybrid search carry them. */
function groupingRankParams(g: GroupByParams): KeyValue[] {
  return [
    ...(g.groupByField ? [{ key: 'group_by_field', value: g.groupByField }] : []),
    ...(g.groupSize === undefined ? [] : [{ key: 'group_size', value: String(g.groupSize) }, { key: 'strict_group_size', value: String(g.strictGroupSize === true) }]),
  ];
}

const hybridSearch: Handle = async (engine, b, ctx) => {
  checkConsistency(b);
  const ref = target(b, ctx);
  const coll = engine.describeCollection(ref);
  const raw = memberOf(parseJsonNode(ctx.rawBody), 'search');
  const entries = Array.isArray(b.search) ? (b.search as unknown[]).map(obj) : [];
  const requests = entries.map((sub, i) => ({
    ...annSearchOfBody(coll, sub, obj(sub.params), raw?.kind === 'array' ? memberOf(raw.items[i], 'data') : undefined),
    limit: Number(sub.limit ?? 0),
  }));
  const rerank = obj(b.rerank);
  const rankParams: KeyValue[] = [
    { key: 'strategy', value: S(rerank.strategy) },
    { key: 'params', value: rerank.params === undefined ? 'null' : JSON.stringify(rerank.params) },
    { key: 'limit', value: goFormat(b.limit ?? 0) },
    { key: 'offset', value: goFormat(b.offset ?? 0) },
    { key: 'round_decimal', value: '-1' },
    ...groupingRankParams(groupingOfBody(b)),
  ];
  const outputFields = Ss(b.outputFields);
  const out = await engine.hybridSearch({ ...ref, requests, rankParams, partitionNames: Ss(b.partitionNames), outputFields });
  return searchAnswer(coll, out.hits, outputFields, ctx);
};

/** The hybrid search endpoints, by path, for the REST front's route table. */
export const HYBRID_HANDLERS: Readonly<Record<string, Handle>> = {
  '/v2/vectordb/entities/hybrid_search': hybridSearch,
  '/v2/vectordb/entities/advanced_search': hybridSearch,
};
