/**
 * The grouping members of a RESTful v2 search body (`groupingField`, `groupSize`,
 * `strictGroupSize`), translated as Milvus 2.5's `handler_v2` does: `group_size` and
 * `strict_group_size` are passed on only with a grouping field and a positive `groupSize`.
 *
 * @packageDocumentation
 */
import type { GroupByParams } from '../engine/index.js';
import { S, type Body } from './body.js';

/** The grouping parameters of `entities/search` or `entities/hybrid_search` (none without `groupingField`). */
export function groupingOfBody(b: Body): GroupByParams {
  const field = S(b.groupingField);
  if (!field) return {};
  const size = Number(b.groupSize ?? 0);
  return size > 0 ? { groupByField: field, groupSize: Math.trunc(size), strictGroupSize: b.strictGroupSize === true } : { groupByField: field };
}
