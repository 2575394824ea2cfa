/**
 * Range search: the `radius` and `range_filter` search parameters, read and checked as Milvus
 * does, and a segment search that returns every hit inside a score window (up to a count) instead
 * of the plain top k. The search iterator v2 pages with the same window (see `search-iterator.ts`).
 *
 * @packageDocumentation
 */
import { MilvusError } from '@mvkit/core';
import type { Hit, VectorIndex } from '@mvkit/hnsw';
import type { Pacer } from './pacer.js';
import { smallerIsBetter, type Metric } from './segment.js';
import type { PrimaryKey } from './values.js';

/**
 * The scores a search keeps, in the metric's direction. For smaller-is-better metrics (L2,
 * HAMMING, JACCARD) a score `d` is kept when `best <= d < worst`; for larger-is-better ones (IP,
 * COSINE, BM25) when `worst < d <= best` — knowhere's `distance_in_range`. A bound left unset is
 * open. Hits whose key is in `tiedKeys` are dropped when they score exactly `best` (the search
 * iterator's keys already returned at its last bound).
 */
export interface ScoreWindow {
  /** Exclusive far bound (`radius`). */
  worst?: number;
  /** Inclusive near bound (`range_filter`, or the iterator's last bound). */
  best?: number;
  /** Keys already returned at exactly `best`. */
  tiedKeys?: ReadonlySet<PrimaryKey>;
}

/** The metrics a range search accepts (knowhere has no range search over the structure filters). */
function rangeSearchable(metric: Metric): boolean {
  return metric !== 'SUBSTRUCTURE' && metric !== 'SUPERSTRUCTURE';
}

/**
 * A range parameter as the proxy's `checkRangeSearchParams` decodes it from the search params JSON
 * (a JSON number; a flat `search_params` entry is a decimal string).
 * @throws MilvusError 1100 `pass invalid type for <key>` (JSON null), `must pass numpy type for <key>` (anything else).
 */
function rangeNumber(value: unknown, key: string): number {
  if (value === null) throw MilvusError.parameterInvalid(`pass invalid type for ${key}`);
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw MilvusError.parameterInvalid(`must pass numpy type for ${key}`);
  return n;
}

/** A bound as the index compares it: knowhere reads `radius` and `range_filter` as float32. */
const asFloat32 = Math.fround;

/** Go's `%f`: six decimals. */
const goF = (n: number) => n.toFixed(6);

/**
 * The score window of a range search, from its raw `radius` and `range_filter` (undefined when
 * absent), with Milvus's checks (`checkRangeSearchParams`): no `radius`, no range search (a lone
 * `range_filter` is ignored); `range_filter` must lie on the better side of `radius` for the metric.
 * The bounds are compared as float32 values, as the scores are.
 *
 * @param metric - the metric the search runs with (the index's).
 * @returns undefined when the search is not a range search.
 * @throws MilvusError 1100 for a non-numeric value; `range_filter must be greater than radius for
 *   IP/COSINE, range_filter:<f>, radius:<r>` or `range_filter must be less than radius for
 *   L2/HAMMING/JACCARD, …`; `metric type <m> does not support range search` for SUBSTRUCTURE /
 *   SUPERSTRUCTURE.
 */
export function rangeWindowOf(radius: unknown, rangeFilter: unknown, metric: Metric): ScoreWindow | undefined {
  if (radius === undefined) return undefined;
  const r = rangeNumber(radius, 'radius');
  if (!rangeSearchable(metric)) throw MilvusError.parameterInvalid(`metric type ${metric} does not support range search`);
  if (rangeFilter === undefined) return { worst: asFloat32(r) };
  const f = rangeNumber(rangeFilter, 'range_filter');
  if (smallerIsBetter(metric)) {
    if (r <= f) throw MilvusError.parameterInvalid(`range_filter must be less than radius for L2/HAMMING/JACCARD, range_filter:${goF(f)}, radius:${goF(r)}`);
  } else if (r >= f) {
    throw MilvusError.parameterInvalid(`range_filter must be greater than radius for IP/COSINE, range_filter:${goF(f)}, radius:${goF(r)}`);
  }
  return { worst: asFloat32(r), best: asFloat32(f) };
}

/**
 * Where a score falls for a window: `'better'` (before the near bound: skip it, later hits may
 * qualify), `'in'`, or `'worse'` (past the far bound: every later hit is too).
 */
export function placeInWindow(window: ScoreWindow, score: number, ascending: boolean): 'better' | 'in' | 'worse' {
  const { worst, best } = window;
  if (ascending) {
    if (worst !== undefined && score >= worst) return 'worse';
    if (best !== undefined && score < best) return 'better';
  } else {
    if (worst !== undefined && score <= worst) return 'worse';
    if (best !== undefined && score > best) return 'better';
  }
  return 'in';
}

/**
 * The HNSW beam of a window search, per hit asked for. The hits a window keeps are the tail of the
 * index's top k (those better than the near bound are skipped), where a beam of `ef` = k is least
 * accurate; a beam four times wider keeps an iterator's pages from skipping rows they should hold.
 */
const WINDOW_EF_FACTOR = 4;

/**
 * The best at most `need` hits of one index whose scores lie in `window`, best first.
 *
 * How: the index is asked for its top k with k = `need`, and while that answer is full, its
 * last hit is still inside the far bound and fewer than `need` hits were kept, k is multiplied by
 * four (HNSW `ef` rises with it) up to the index's size. A FLAT index so finds every hit in the
 * window; an HNSW index finds those its graph walk reaches with `ef` = max(ef, 4k), which at k = size covers
 * the whole connected graph. Cost: at most log4(size / need) + 1 index searches.
 *
 * @param options.ef - the request's HNSW `ef` (the search uses max(ef, 4k)).
 * @param options.filter - label predicate, as for `VectorIndex.search`.
 * @param keyOf - the primary key of a label (for `window.tiedKeys`).
 */
export async function windowSearch(
  index: VectorIndex<unknown>,
  query: unknown,
  need: number,
  window: ScoreWindow,
  options: { ef?: number; filter?: (label: number) => boolean },
  keyOf: (label: number) => PrimaryKey,
  metric: Metric,
  pacer: Pacer,
): Promise<Hit[]> {
  const ascending = smallerIsBetter(metric);
  const size = index.size;
  let k = Math.min(need, size);
  for (;;) {
    const hits = index.search(query, k, { ...options, ef: Math.max(options.ef ?? 0, k * WINDOW_EF_FACTOR) });
    const kept: Hit[] = [];
    let pastFar = false;
    for (const hit of hits) {
      const score = Math.fround(hit.score);
      const place = placeInWindow(window, score, ascending);
      if (place === 'worse') {
        pastFar = true;
        break;
      }
      if (place === 'better') continue;
      if (window.tiedKeys && score === window.best && window.tiedKeys.has(keyOf(hit.label))) continue;
      kept.push(hit);
    }
    if (kept.length >= need || pastFar || hits.length < k || k >= size) return kept.slice(0, need);
    k = Math.min(k * 4, size);
    if (pacer.due(1)) await pacer.pause();
  }
}
