/**
 * The grouping options of a search or hybrid search request, as the official Node SDK and
 * pymilvus name them (Milvus 2.5 grouping search).
 *
 * @packageDocumentation
 */

/** Grouping search options: hits grouped by a scalar field's value. */
export interface GroupingOptions {
  /** Field whose values group the hits (Int8/16/32/64, VarChar or Bool); `limit` then counts groups. */
  group_by_field?: string;
  /** Hits per group (default 1, at most 10 in Milvus 2.5). */
  group_size?: number;
  /** Fill every group to `group_size` before the search stops (default false). */
  strict_group_size?: boolean;
}

/** The grouping options as key-value parameters (gRPC `search_params` or `rank_params`), absent ones left out. */
export function groupingParamsOf(req: GroupingOptions): Record<string, string> {
  return {
    ...(req.group_by_field ? { group_by_field: req.group_by_field } : {}),
    ...(req.group_size !== undefined ? { group_size: String(req.group_size) } : {}),
    ...(req.strict_group_size !== undefined ? { strict_group_size: String(req.strict_group_size) } : {}),
  };
}

/** The grouping options as a RESTful v2 search body carries them (`groupingField`, `groupSize`, `strictGroupSize`). */
export function groupingBodyOf(req: GroupingOptions): { groupingField?: string; groupSize?: number; strictGroupSize?: boolean } {
  return {
    ...(req.group_by_field ? { groupingField: req.group_by_field } : {}),
    ...(req.group_size !== undefined ? { groupSize: req.group_size } : {}),
    ...(req.strict_group_size !== undefined ? { strictGroupSize: req.strict_group_size } : {}),
  };
}
