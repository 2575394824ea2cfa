/**
 * Grouping search (`group_by_field`, `group_size`, `strict_group_size`) as Milvus 2.5 runs it: the
 * proxy's `parseGroupByInfo` reads the parameters, segcore's `SearchGroupBy` walks each segment's
 * hits best first filling at most `topk` groups of at most `group_size` hits, and the proxy's
 * `reduceSearchResultDataWithGroupBy` merges the segments, skipping the first `offset` groups.
 *
 * @packageDocumentation
 */
import { DataType, Merr, MilvusError, formatMerr } from '@mvkit/core';
import type { CollectionSpec, FieldSpec } from '../schema.js';
import type { Pacer } from './pacer.js';
import { parseGoInt } from './rank-params.js';
import { hitOrder, segmentHits, type SearchHit, type SegmentSearch } from './read.js';
import type { Segment } from './segment.js';

/** Largest `group_size` (`quotaAndLimits.limits.maxGroupSize`, 10 by default). */
export const MAX_GROUP_SIZE = 10;

/** The group-by parameters of a search as sent: texts (gRPC key-value pairs) or typed values. */
export interface GroupByParams {
  /** `group_by_field`: a scalar field name; unset or empty: no grouping. */
  groupByField?: string;
  /** `group_size` (default 1): hits per group. */
  groupSize?: number | string;
  /** `strict_group_size` (default false): fill every group to `group_size` before stopping. */
  strictGroupSize?: boolean | string;
}

/** A validated grouping: the field, hits per group, and whether group sizes are strict. */
export interface GroupBy {
  field: FieldSpec;
  size: number;
  strict: boolean;
}

/** A group value as stored: an integer (`number` or `bigint`), a string, a boolean, or null. */
export type GroupValue = number | bigint | string | boolean | null;

/** A search hit with the value of its group. */
export interface GroupedHit extends SearchHit {
  group: GroupValue;
}

/** Field types segcore's `SearchGroupBy` groups by. */
const GROUPABLE: ReadonlySet<number> = new Set([DataType.Int8, DataType.Int16, DataType.Int32, DataType.Int64, DataType.Bool, DataType.VarChar]);

/** Segcore's names of data types (`fmt::formatter<milvus::DataType>`), for its refusal. */
const SEGCORE_TYPE_NAMES: Readonly<Record<number, string>> = {
  [DataType.Float]: 'FLOAT',
  [DataType.Double]: 'DOUBLE',
  [DataType.String]: 'STRING',
  [DataType.Array]: 'ARRAY',
  [DataType.JSON]: 'JSON',
  [DataType.BinaryVector]: 'VECTOR_BINARY',
  [DataType.FloatVector]: 'VECTOR_FLOAT',
  [DataType.Float16Vector]: 'VECTOR_FLOAT16',
  [DataType.BFloat16Vector]: 'VECTOR_BFLOAT16',
  [DataType.SparseFloatVector]: 'VECTOR_SPARSE_FLOAT',
};

const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/**
 * Reads the group-by parameters as the proxy's `parseGroupByInfo`: the field by name among the
 * schema's fields (the dynamic field `$meta` included), `group_size` (an integer in Go's syntax,
 * 1 when absent, at most {@link MAX_GROUP_SIZE}; checked even without a field), `strict_group_size`
 * (Go's `ParseBool`, anything else is false).
 * @returns the grouping, or undefined when no field is named.
 * @throws MilvusError 1700 `groupBy field not found in schema: field not found[field=<f>]`; 1100
 *   `failed to parse input group size:<s>`, `input group size:<n> is negative, failed to do
 *   search_groupby`, `input group size:<n> exceeds configured max group size:10`.
 */
export function parseGroupBy(schema: CollectionSpec, params: GroupByParams): GroupBy | undefined {
  const name = params.groupByField ?? '';
  const field = name === '' ? undefined : schema.fields.find((f) => f.name === name);
  if (name !== '' && !field) throw MilvusError.of(Merr.FieldNotFound, formatMerr(Merr.FieldNotFound, { field: name }, 'groupBy field not found in schema'));
  const invalid = (why: string) => MilvusError.of(Merr.ParameterInvalid, `${why}: ${Merr.ParameterInvalid.message}`);
  let size = 1;
  if (params.groupSize !== undefined) {
    const text = String(params.groupSize);
    const parsed = typeof params.groupSize === 'number' ? params.groupSize : parseGoInt(text);
    if (parsed === undefined || !Number.isInteger(parsed)) throw invalid(`failed to parse input group size:${text}`);
    if (parsed <= 0) throw invalid(`input group size:${parsed} is negative, failed to do search_groupby`);
    size = parsed;
  }
  if (size > MAX_GROUP_SIZE) throw invalid(`input group size:${size} exceeds configured max group size:${MAX_GROUP_SIZE}`);
  const strict = typeof params.strictGroupSize === 'boolean' ? params.strictGroupSize : GO_TRUE.has(params.strictGroupSize ?? '');
  return field ? { field, size, strict } : undefined;
}

/**
 * The proxy's refusal of grouping on a binary vector search (`tryGeneratePlan`).
 * @throws MilvusError 65535 `not support search_group_by operation based on binary vector column`.
 */
export function checkGroupByAnnsField(groupBy: GroupBy | undefined, annsField: FieldSpec | undefined): void {
  if (groupBy && annsField?.dataType === DataType.BinaryVector) throw new MilvusError('not support search_group_by operation based on binary vector column');
}

/**
 * Segcore's refusal of a field type it does not group by, raised when a segment is searched.
 * @throws MilvusError 2001 `unsupported data type <TYPE> for group by operator: segcore unsupported error`.
 */
function checkGroupable(field: FieldSpec): void {
  if (GROUPABLE.has(field.dataType)) return;
  const name = SEGCORE_TYPE_NAMES[field.dataType] ?? 'unknown';
  throw MilvusError.of(Merr.SegcoreUnsupported, `unsupported data type ${name} for group by operator: ${Merr.SegcoreUnsupported.message}`);
}

/** The group value of a stored row. */
function groupOf(hit: SearchHit, field: FieldSpec): GroupValue {
  return (hit.row[field.name] ?? null) as GroupValue;
}

/**
 * The proxy's refusal of a grouping search that is also an iteration or a range search
 * (`parseSearchInfo`, after the group-by is parsed).
 * @throws MilvusError 1100 `Not allowed to do groupBy when doing iteration: invalid parameter[expected=][actual=]`,
 *   `Not allowed to do range-search when doing search-group-by: invalid parameter[expected=][actual=]`.
 */
export function checkGroupByCombination(groupBy: GroupBy | undefined, search: { iterator: boolean; range: boolean }): void {
  if (!groupBy) return;
  const refuse = (why: string) => MilvusError.of(Merr.ParameterInvalid, formatMerr(Merr.ParameterInvalid, { expected: '', actual: '' }, why));
  if (search.iterator) throw refuse('Not allowed to do groupBy when doing iteration');
  if (search.range) throw refuse('Not allowed to do range-search when doing search-group-by');
}

/**
 * One segment's grouped hits for one query vector, as segcore's `GroupIteratorResult`: hits best
 * first, each kept when its group already exists and is not full, or is new while fewer than `topk`
 * groups exist; it stops once `topk` groups exist (strict: once `topk` groups are full) or the
 * segment has no more rows. The candidate window doubles until one of those holds.
 */
function groupSegment(segment: Segment, query: SegmentSearch['vectors'][number], topk: number, search: SegmentSearch, groupBy: GroupBy): GroupedHit[] {
  let k = Math.min(segment.liveCount, Math.max(16, topk * groupBy.size));
  for (;;) {
    const hits = segmentHits(segment, query, k, search);
    const counts = new Map<GroupValue, number>();
    let full = 0;
    const kept: GroupedHit[] = [];
    const enough = () => counts.size === topk && (!groupBy.strict || full === topk);
    for (const hit of hits) {
      if (enough()) break;
      const group = groupOf(hit, groupBy.field);
      const n = counts.get(group);
      if (n === undefined ? counts.size >= topk : n >= groupBy.size) continue;
      counts.set(group, (n ?? 0) + 1);
      if ((n ?? 0) + 1 === groupBy.size) full++;
      kept.push({ ...hit, group });
    }
    if (enough() || hits.length < k || k >= segment.liveCount) return kept;
    k = Math.min(segment.liveCount, k * 2);
  }
}

/**
 * Merges grouped hits of several segments as the proxy's `reduceSearchResultDataWithGroupBy`:
 * best first (ties by key), each key once; the first `offset` groups met are skipped whole; at most
 * `limit` groups of at most `size` hits are kept; the answer lists the groups in the order met
 * (each ordered by its best hit), the hits of a group together.
 */
export function reduceGroups(lists: readonly GroupedHit[][], search: Pick<SegmentSearch, 'metric'>, limit: number, offset: number, size: number): GroupedHit[] {
  const all = lists.flat().sort(hitOrder(search.metric));
  const seen = new Set<SearchHit['pk']>();
  const skipped = new Set<GroupValue>();
  const groups = new Map<GroupValue, GroupedHit[]>();
  let taken = 0;
  for (const hit of all) {
    if (taken >= limit * size) break;
    if (seen.has(hit.pk)) continue;
    const members = groups.get(hit.group);
    if (skipped.size < offset || skipped.has(hit.group)) skipped.add(hit.group);
    else if (!members && groups.size >= limit) continue;
    else if (members && members.length >= size) continue;
    else {
      if (members) members.push(hit);
      else groups.set(hit.group, [hit]);
      seen.add(hit.pk);
      taken++;
    }
  }
  return [...groups.values()].flat();
}

/**
 * Grouping search over segments: per query vector, each non-empty segment grouped
 * (`groupSegment`, `topk` = limit + offset groups), then merged ({@link reduceGroups}).
 * @throws MilvusError 2001 when a segment is searched and the field's type cannot be grouped.
 */
export async function groupSearchSegments(segments: readonly Segment[], search: SegmentSearch, groupBy: GroupBy, pacer: Pacer): Promise<GroupedHit[][]> {
  const live = segments.filter((s) => s.liveCount > 0);
  if (segments.some((s) => s.size > 0)) checkGroupable(groupBy.field);
  const topk = search.limit + search.offset;
  const out: GroupedHit[][] = [];
  for (const query of search.vectors) {
    const lists: GroupedHit[][] = [];
    for (const segment of live) {
      lists.push(groupSegment(segment, query, topk, search, groupBy));
      if (pacer.due(1)) await pacer.pause();
    }
    out.push(reduceGroups(lists, search, search.limit, search.offset, groupBy.size));
  }
  return out;
}
