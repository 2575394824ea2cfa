/**
 * Hybrid search with grouping, as Milvus 2.5's proxy fuses it (`rankSearchResultDataByGroup`):
 * each sub-search is a grouping search, its hits are rescored by the ranker, a key's fused score is
 * the sum of its rescored hits, and the keys are gathered into groups of at most `group_size`,
 * scored by the `rank_group_scorer` (`max`, `sum` or `avg` of their fused scores).
 *
 * @packageDocumentation
 */
import { Merr, MilvusError } from '@mvkit/core';
import type { KeyValue } from '../catalog.js';
import { paramOf } from '../indexes.js';
import type { GroupValue } from './group-by.js';
import { roundedScore, type RankParams } from './rank-params.js';
import type { PrimaryKey } from './values.js';

/** How a group's score derives from its members' fused scores (`rank_group_scorer`). */
export type GroupScorer = 'max' | 'sum' | 'avg';

/** A fused hit of a hybrid grouping search. */
export interface FusedGroupHit {
  pk: PrimaryKey;
  score: number;
  group: GroupValue;
}

/**
 * `rank_group_scorer` of the rank parameters (`GetGroupScorer`; default `max`).
 * @throws MilvusError 1100 `input group scorer type: <s> is not supported!: invalid parameter`.
 */
export function groupScorerOf(params: readonly KeyValue[]): GroupScorer {
  const text = paramOf(params, 'rank_group_scorer') ?? 'max';
  if (text === 'max' || text === 'sum' || text === 'avg') return text;
  throw MilvusError.of(Merr.ParameterInvalid, `input group scorer type: ${text} is not supported!: ${Merr.ParameterInvalid.message}`);
}

function compareKeys(a: PrimaryKey, b: PrimaryKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Fuses one query vector's rescored sub-search hits into groups: a key's score is the float32 sum
 * of its hits (its group the one its first hit carries); keys best first (ties by key) fill their
 * group up to `size`; groups are ordered by their scorer's score, then the larger group, then the
 * smaller first key; the groups `[offset, offset + limit)` are kept, their members in order.
 */
export function fuseGroups(lists: readonly { pk: PrimaryKey; score: number; group: GroupValue }[][], rank: RankParams, size: number, scorer: GroupScorer): FusedGroupHit[] {
  const fused = new Map<PrimaryKey, { score: number; group: GroupValue }>();
  for (const list of lists) {
    for (const h of list) {
      const seen = fused.get(h.pk);
      if (seen) seen.score = Math.fround(seen.score + h.score);
      else fused.set(h.pk, { score: h.score, group: h.group });
    }
  }
  const keys = [...fused.keys()].sort((a, b) => fused.get(b)!.score - fused.get(a)!.score || compareKeys(a, b));
  const buckets = new Map<GroupValue, PrimaryKey[]>();
  for (const pk of keys) {
    const group = fused.get(pk)!.group;
    const members = buckets.get(group) ?? [];
    if (members.length >= size) continue;
    members.push(pk);
    buckets.set(group, members);
  }
  const scored = [...buckets.values()].map((members) => {
    const scores = members.map((pk) => fused.get(pk)!.score);
    const sum = scores.reduce((a, b) => Math.fround(a + b), 0);
    const score = scorer === 'max' ? Math.max(...scores) : scorer === 'sum' ? sum : Math.fround(sum / members.length);
    return { members, score };
  });
  scored.sort((a, b) => b.score - a.score || b.members.length - a.members.length || compareKeys(a.members[0]!, b.members[0]!));
  return scored
    .slice(rank.offset, rank.offset + rank.limit)
    .flatMap((g) => g.members.map((pk) => ({ pk, score: roundedScore(fused.get(pk)!.score, rank.roundDecimal), group: fused.get(pk)!.group })));
}
