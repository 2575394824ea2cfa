/**
 * HybridSearch (Milvus 2.5 runs it as an advanced search: `searchTask` with `SubReqs`): several ANN
 * searches over the same partitions, each planned and run as a search is ({@link planSearch},
 * {@link runSearch}), their hits rescored by a ranker ({@link rankerOf}) and fused per query
 * vector (`rankSearchResultDataByPk`), then paged and rounded.
 *
 * @packageDocumentation
 */
import { MilvusError } from '@mvkit/core';
import type { Collection, KeyValue } from '../catalog.js';
import type { FilterPreparer } from './filter.js';
import type { Pacer } from './pacer.js';
import { checkNq, loadedPartitions, namedPartitions, planSearch, runSearch, type AnnSearchInput, type SearchPlan } from './plane.js';
import { fuseGroups, groupScorerOf } from './hybrid-group-by.js';
import type { GroupValue } from './group-by.js';
import { rankParamsOf, roundedScore, type RankParams } from './rank-params.js';
import { outputNamesOf, projectRow, projectionOf } from './read.js';
import { rankerOf, rescore } from './rerank.js';
import type { PrimaryKey, Row } from './values.js';

/** Most sub-searches of one hybrid search (`defaultMaxSearchRequest`). */
export const MAX_ANN_REQUESTS = 1024;

/**
 * One sub-search of a hybrid search: an ANN search whose `limit` (its `topk`) may be omitted, then
 * it is the rank `limit + offset`; its own `offset` is ignored, as Milvus ignores it.
 */
export type HybridSubSearch = Omit<AnnSearchInput, 'limit' | 'offset'> & { limit?: number };

/** HybridSearch input (`milvus.HybridSearchRequest`). */
export interface HybridSearchInput {
  partitionNames?: readonly string[];
  outputFields?: readonly string[];
  /** The sub-searches (`requests`), each with the same number of query vectors. */
  requests: readonly HybridSubSearch[];
  /**
   * `rank_params` as sent: `strategy` (`rrf` | `weighted`, default rrf with k = 60), `params` (JSON:
   * `{"k": n}` or `{"weights": [...], "norm_score": bool}`), `limit`, `offset`, `round_decimal`.
   */
  rankParams: readonly KeyValue[];
}

/** HybridSearch answer: per query vector, fused hits best first, rows projected onto the output fields. */
export interface HybridSearchOutcome {
  /** Fused hits; in a grouping search each carries its `group` value, the hits of a group together. */
  hits: { pk: PrimaryKey; score: number; row: Row; group?: GroupValue }[][];
  /** The field a grouping search grouped by (`group_by_field_value`), when it did. */
  groupByField?: Collection['schema']['fields'][number];
  /** Output field names as Milvus echoes them. */
  outputFields: string[];
  /** The rank `limit` (`SearchResultData.top_k`). */
  limit: number;
}

function compareKeys(a: PrimaryKey, b: PrimaryKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The nq of every sub-search, which must agree (`checkNq` of an advanced search), then the nq limit.
 * No sub-search at all makes HybridSearch a plain search without vectors: nq 0.
 * @throws MilvusError 1100 `sub search request nq should be the same: invalid
 *   parameter[expected=<n>][actual=<m>]`; 65535 as {@link checkNq}.
 */
function commonNq(requests: readonly HybridSubSearch[]): number {
  const nq = requests[0]?.vectors.length ?? 0;
  for (const r of requests) {
    if (r.vectors.length !== nq) throw MilvusError.parameterInvalid('sub search request nq should be the same', { expected: nq, actual: r.vectors.length });
  }
  checkNq(nq);
  return nq;
}

/**
 * Fuses per-query hit lists as `rankSearchResultDataByPk`: a key's score is the float32 sum of its
 * rescored hits over the sub-searches (in their order), keys sorted by score (ties by key), the
 * window `[offset, offset + limit)` kept, scores rounded.
 */
function fuse(lists: readonly { pk: PrimaryKey; score: number }[][], rank: RankParams): { pk: PrimaryKey; score: number }[] {
  const sums = new Map<PrimaryKey, number>();
  for (const list of lists) for (const h of list) sums.set(h.pk, Math.fround((sums.get(h.pk) ?? 0) + h.score));
  const keys = [...sums.keys()].sort((a, b) => sums.get(b)! - sums.get(a)! || compareKeys(a, b));
  return keys.slice(rank.offset, rank.offset + rank.limit).map((pk) => ({ pk, score: roundedScore(sums.get(pk)!, rank.roundDecimal) }));
}

/**
 * HybridSearch with Milvus 2.5's order of checks: the named partitions, the output fields, the
 * number of sub-searches, their nq, the ranker, the group scorer, the rank paging and grouping,
 * every sub-search's plan (grouped as the rank parameters say); then, when
 * it runs, the load rules and each sub-search (index, metric, vectors). A hit's row is its key's
 * preferred row in the partitions read (`CollectionData.locate`), as the proxy's requery by keys finds it.
 * @throws MilvusError 65535 / 101 / 201 partition and load errors as a search; 1100 / 65535 output
 *   fields as {@link projectionOf}; 65535 `maximum of ann search requests is 1024`; nq errors
 *   (`commonNq`); ranker errors ({@link rankerOf}); 1100 a bad `rank_group_scorer`
 *   ({@link groupScorerOf}); rank paging and grouping errors ({@link rankParamsOf});
 *   each sub-search's errors as {@link planSearch} and {@link runSearch}.
 */
export async function hybridSearchRows(coll: Collection, input: HybridSearchInput, pacer: Pacer, prepare?: FilterPreparer): Promise<HybridSearchOutcome> {
  const named = namedPartitions(coll, input.partitionNames, 'search');
  const projection = projectionOf(coll.schema, input.outputFields ?? [], false, coll.loadFields);
  if (input.requests.length > MAX_ANN_REQUESTS) throw new MilvusError(`maximum of ann search requests is ${MAX_ANN_REQUESTS}`);
  const nq = commonNq(input.requests);
  const ranker = rankerOf(input.rankParams, input.requests.length);
  const scorer = groupScorerOf(input.rankParams);
  const rank = rankParamsOf(input.rankParams, coll.schema);
  const subs: { plan: SearchPlan; input: AnnSearchInput }[] = [];
  for (const r of input.requests) {
    const sub = { ...r, limit: r.limit ?? rank.limit + rank.offset, offset: 0 };
    subs.push({ plan: await planSearch(coll, sub, prepare, rank.groupBy ? { groupBy: rank.groupBy } : {}), input: sub });
  }
  const partitions = loadedPartitions(coll, named, 'search');
  // Per query vector, per sub-search: the rescored hits (with their groups); and the hits' rows by key.
  const perQuery: { pk: PrimaryKey; score: number; group: GroupValue }[][][] = Array.from({ length: nq }, () => []);
  const rows = new Map<PrimaryKey, Row>();
  for (const [i, sub] of subs.entries()) {
    const { metric, hits } = await runSearch(coll, partitions, sub.plan, sub.input, pacer);
    hits.forEach((list, q) => {
      perQuery[q]!.push(list.map((h, at) => ({ pk: h.pk, score: rescore(ranker, i, at, h.score, metric), group: 'group' in h ? h.group : null })));
      for (const h of list) if (!rows.has(h.pk)) rows.set(h.pk, h.row);
    });
  }
  const scope = new Set(partitions.map((p) => p.id));
  const rowOf = (pk: PrimaryKey): Row => {
    const at = coll.data.locate(pk, scope);
    return projectRow(at ? at.segment.rows[at.offset]! : rows.get(pk)!, projection);
  };
  const hits: HybridSearchOutcome['hits'] = [];
  for (const lists of perQuery) {
    const fused = rank.groupBy ? fuseGroups(lists, rank, rank.groupBy.size, scorer) : fuse(lists, rank);
    hits.push(fused.map((h) => ({ ...h, row: rowOf(h.pk) })));
    if (pacer.due()) await pacer.pause();
  }
  return { hits, outputFields: outputNamesOf(projection), limit: rank.limit, ...(rank.groupBy ? { groupByField: rank.groupBy.field } : {}) };
}
