/**
 * The primary-key order of a query with a limit. Milvus's segments answer a limited retrieve with
 * their first matching keys in key order (`find_first` over the key-ordered offset map), and the
 * proxy merges the answers by smallest key (`reduceRetrieveResults`), so a query with a `limit`
 * returns the `offset + limit` smallest matching keys, ascending. The SDKs' query iterators rely
 * on it: each page asks for `<pk> > <last key of the previous page>` with the batch size as limit.
 *
 * @packageDocumentation
 */
import { cmpStr } from '../expr/values.js';
import type { Pacer } from './pacer.js';
import { scanSegments, type RowFilter } from './read.js';
import type { Segment } from './segment.js';
import type { PrimaryKey, Row } from './values.js';

/** Key order as the filter compares keys (`<pk> > <last>`): Int64 by value, VarChar by code point (UTF-8 byte order). */
const byKey = (a: { pk: PrimaryKey }, b: { pk: PrimaryKey }) =>
  typeof a.pk === 'string' && typeof b.pk === 'string' ? cmpStr(a.pk, b.pk) : a.pk < b.pk ? -1 : a.pk > b.pk ? 1 : 0;

/**
 * The matching rows with the smallest keys, ascending, one per key (with repeated keys, the row
 * `preferred(pk, a, b)` prefers), skipping `offset` and returning at most `limit`.
 *
 * Cost: one scan of the segments; memory O(offset + limit) without repeated keys (candidates are
 * cut back to the best `offset + limit` whenever they reach twice that plus 1,024), O(matches) with them.
 *
 * @param preferred - with repeated keys: true when reads prefer row `a` to row `b` of the same key; undefined when keys are unique.
 */
export async function smallestKeyRows(
  segments: readonly Segment[],
  filter: RowFilter | undefined,
  pacer: Pacer,
  offset: number,
  limit: number,
  sinceMs: number | undefined,
  preferred: ((pk: PrimaryKey, a: Row, b: Row) => boolean) | undefined,
): Promise<Row[]> {
  const need = offset + limit;
  if (preferred) {
    const byPk = new Map<PrimaryKey, Row>();
    await scanSegments(segments, filter, pacer, (segment, i) => {
      const pk = segment.pks[i]!;
      const row = segment.rows[i]!;
      const seen = byPk.get(pk);
      if (seen === undefined || preferred(pk, row, seen)) byPk.set(pk, row);
    }, sinceMs);
    const all = [...byPk].map(([pk, row]) => ({ pk, row }));
    return all.sort(byKey).slice(offset, need).map((c) => c.row);
  }
  let candidates: { pk: PrimaryKey; row: Row }[] = [];
  const cap = 2 * need + 1024;
  await scanSegments(segments, filter, pacer, (segment, i) => {
    candidates.push({ pk: segment.pks[i]!, row: segment.rows[i]! });
    if (candidates.length >= cap) candidates = candidates.sort(byKey).slice(0, need);
  }, sinceMs);
  return candidates.sort(byKey).slice(offset, need).map((c) => c.row);
}
