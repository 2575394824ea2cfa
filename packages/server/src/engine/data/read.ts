import { Merr, MilvusError, type SparseRow } from '@mvkit/core';
import type { CollectionSpec } from '../schema.js';
import type { Pacer } from './pacer.js';
import type { Metric, Segment } from './segment.js';
import { smallerIsBetter } from './segment.js';
import { isLoaded } from '../load-fields.js';
import { windowSearch, type ScoreWindow } from './range-search.js';
import { DYNAMIC_FIELD, type PrimaryKey, type Row } from './values.js';

/** A compiled filter: `evaluate(row)` is true for rows that match. */
export interface RowFilter {
  evaluate(row: Row): boolean;
}

/** One hit of a search: primary key, Milvus score (a float32 value) and the stored row. */
export interface SearchHit {
  pk: PrimaryKey;
  score: number;
  row: Row;
}

/** What one vector search over a set of segments needs. */
export interface SegmentSearch {
  /** The vector field searched. */
  annsField: string;
  metric: Metric;
  /** Query vectors (`Float32Array` for float fields, packed `Uint8Array` for binary ones, `SparseRow` for sparse ones, a `Bm25Query` for BM25). */
  vectors: readonly (Float32Array | Uint8Array | SparseRow)[];
  /** Hits returned per query after `offset` is skipped. */
  limit: number;
  offset: number;
  /** HNSW search breadth (`ef`), validated against `limit + offset` where Milvus checks it (HNSW raises a smaller one to k). */
  ef?: number;
  filter?: RowFilter;
  /** Rows written before this physical time (ms) are expired by collection TTL and not found; unset: none are. */
  sinceMs?: number;
  /** Range search or iterator page: only hits scoring inside this window (see {@link windowSearch}). */
  window?: ScoreWindow;
}

function compareKeys(a: PrimaryKey, b: PrimaryKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of hits under `metric`: best score first, ties by primary key. */
export function hitOrder(metric: Metric): (a: SearchHit, b: SearchHit) => number {
  const ascending = smallerIsBetter(metric);
  return (a, b) => (a.score === b.score ? compareKeys(a.pk, b.pk) : ascending ? a.score - b.score : b.score - a.score);
}

/** The index search options of a segment search: `ef`, and a predicate for visibility and the filter when one is needed. */
function indexSearchOptions(segment: Segment, search: SegmentSearch): { ef?: number; filter?: (label: number) => boolean } {
  const { filter, sinceMs } = search;
  const predicate =
    filter === undefined && sinceMs === undefined && segment.liveCount === segment.size
      ? undefined
      : (label: number): boolean => segment.isVisible(label, sinceMs) && (filter === undefined || filter.evaluate(segment.rows[label]!));
  return { ...(search.ef === undefined ? {} : { ef: search.ef }), ...(predicate ? { filter: predicate } : {}) };
}

/** Index hits of a segment as search hits; Milvus computes and returns scores as float32 (`SearchResultData.scores`). */
function hitsOf(segment: Segment, found: readonly { label: number; score: number }[]): SearchHit[] {
  return found.map((hit) => ({ pk: segment.pks[hit.label]!, score: Math.fround(hit.score), row: segment.rows[hit.label]! }));
}

/**
 * The best `k` visible rows of one segment for one query vector that pass the search's filter,
 * best first, through the segment's index (its built index when sealed, else exact); scores are float32.
 */
export function segmentHits(segment: Segment, query: SegmentSearch['vectors'][number], k: number, search: SegmentSearch): SearchHit[] {
  return hitsOf(segment, segment.searchIndex(search.annsField, search.metric).search(query, k, indexSearchOptions(segment, search)));
}

/** As {@link segmentHits}, keeping only hits that score inside `window` ({@link windowSearch}). */
async function segmentWindowHits(segment: Segment, query: SegmentSearch['vectors'][number], k: number, search: SegmentSearch, window: ScoreWindow, pacer: Pacer): Promise<SearchHit[]> {
  const index = segment.searchIndex(search.annsField, search.metric);
  return hitsOf(segment, await windowSearch(index, query, k, window, indexSearchOptions(segment, search), (label) => segment.pks[label]!, search.metric, pacer));
}

/**
 * Searches every segment (growing ones exactly, sealed ones through their index when it is built)
 * for each query vector and merges the per-segment top `limit + offset` into one ranking, best
 * score first (ties broken by primary key), each key once (its best-scoring row), then skips `offset`.
 *
 * With a `window` (range search, iterator pages) each segment gives its best k hits inside it.
 *
 * Cost: per segment one index search of k = limit + offset (a window may take a few, see
 * {@link windowSearch}); the merge is O(segments · k · log).
 */
export async function searchSegments(segments: readonly Segment[], search: SegmentSearch, pacer: Pacer): Promise<SearchHit[][]> {
  const k = search.limit + search.offset;
  const out: SearchHit[][] = [];
  for (const query of search.vectors) {
    const hits: SearchHit[] = [];
    for (const segment of segments) {
      if (segment.liveCount === 0) continue;
      hits.push(...(search.window ? await segmentWindowHits(segment, query, k, search, search.window, pacer) : segmentHits(segment, query, k, search)));
      if (pacer.due(1)) await pacer.pause();
    }
    hits.sort(hitOrder(search.metric));
    // A key appears once per query, its best-scoring row (Milvus's `SearchCommonReduce`).
    const seen = new Set<PrimaryKey>();
    const unique: SearchHit[] = [];
    for (const h of hits) {
      if (seen.has(h.pk)) continue;
      seen.add(h.pk);
      unique.push(h);
    }
    out.push(unique.slice(search.offset, k));
  }
  return out;
}

/**
 * Visits the live rows of the segments in order that match `filter`, until `visit` returns true.
 * Pauses with `pacer`; rows appended after the scan began are not read, rows deleted meanwhile
 * are skipped, and so are rows written before `sinceMs` (expired by collection TTL), when given.
 */
export async function scanSegments(
  segments: readonly Segment[],
  filter: RowFilter | undefined,
  pacer: Pacer,
  visit: (segment: Segment, offset: number) => boolean | void,
  sinceMs?: number,
): Promise<void> {
  // Rows appended while the scan pauses are not read: it sees the segments as they were when it began.
  const ends = segments.map((s) => s.size);
  for (const [n, segment] of segments.entries()) {
    for (let i = 0; i < ends[n]!; i++) {
      if (pacer.due()) await pacer.pause();
      if (!segment.isVisible(i, sinceMs)) continue;
      if (filter && !filter.evaluate(segment.rows[i]!)) continue;
      if (visit(segment, i) === true) return;
    }
  }
}

/** The fields a result carries: schema fields by name and, separately, dynamic keys. */
export interface Projection {
  /** Schema fields (primary key first). */
  fields: string[];
  /** Dynamic keys to return from `$meta`; `'*'` for all of them. */
  dynamic: string[] | '*';
}

/**
 * Resolves `output_fields` as Milvus does (`translateOutputFields`): `*` means every field
 * (vectors included) and every dynamic key; a name outside the schema is a dynamic key when the
 * dynamic field is enabled; the primary key comes first, and is always there when `withPrimary`
 * (a query), only when asked for otherwise (a search, whose hits carry their keys as IDs). After a
 * partial load (`loaded`), `*` means the loaded fields only. A function's output field (BM25) is
 * never returned: `*` leaves it out, naming it is refused (`CanRetrieveRawFieldData`).
 * @throws MilvusError 1100 `field <name> not exist` for an unknown field without dynamic field,
 *   `not allowed to retrieve raw data of field <name>: invalid parameter` for a function output;
 *   65535 `field <name> is not loaded`, `field <key> cannot be returned since dynamic field not loaded`.
 */
export function projectionOf(schema: CollectionSpec, outputFields: readonly string[], withPrimary = true, loaded?: ReadonlySet<string>): Projection {
  const pk = schema.fields.find((f) => f.isPrimaryKey)!.name;
  const fields = new Set<string>(withPrimary || outputFields.includes(pk) || outputFields.includes('*') ? [pk] : []);
  const dynamic = new Set<string>();
  const dynamicLoaded = schema.enableDynamicField && isLoaded(loaded, DYNAMIC_FIELD);
  let allDynamic = false;
  for (const name of outputFields) {
    if (name === '*') {
      for (const f of schema.fields) if (!f.isDynamic && !f.isFunctionOutput && isLoaded(loaded, f.name)) fields.add(f.name);
      allDynamic = dynamicLoaded;
    } else if (name === DYNAMIC_FIELD && schema.enableDynamicField) {
      if (!dynamicLoaded) throw new MilvusError(`field ${name} is not loaded`);
      allDynamic = true;
    } else if (schema.fields.some((f) => f.name === name && !f.isDynamic)) {
      if (schema.fields.some((f) => f.name === name && f.isFunctionOutput)) throw MilvusError.parameterInvalid(`not allowed to retrieve raw data of field ${name}`);
      if (!isLoaded(loaded, name)) throw new MilvusError(`field ${name} is not loaded`);
      fields.add(name);
    } else if (schema.enableDynamicField) {
      if (!dynamicLoaded) throw new MilvusError(`field ${name} cannot be returned since dynamic field not loaded`);
      dynamic.add(name);
    } else {
      throw MilvusError.of(Merr.ParameterInvalid, `field ${name} not exist: ${Merr.ParameterInvalid.message}`);
    }
  }
  return { fields: [...fields], dynamic: allDynamic ? '*' : [...dynamic] };
}

/**
 * The output field names a result echoes (`output_fields`): the schema fields (primary key
 * first), then the asked dynamic keys, or `$meta` when every dynamic key is returned.
 */
export function outputNamesOf(projection: Projection): string[] {
  return [...projection.fields, ...(projection.dynamic === '*' ? [DYNAMIC_FIELD] : projection.dynamic)];
}

/** Projects a stored row: the projection's fields, then `$meta` reduced to the asked dynamic keys. */
export function projectRow(row: Row, projection: Projection): Row {
  const out: Row = {};
  for (const f of projection.fields) out[f] = row[f];
  const meta = row[DYNAMIC_FIELD] as Record<string, unknown> | undefined;
  if (meta && (projection.dynamic === '*' || projection.dynamic.length)) {
    if (projection.dynamic === '*') out[DYNAMIC_FIELD] = meta;
    else {
      const picked: Record<string, unknown> = {};
      for (const key of projection.dynamic) if (key in meta) picked[key] = meta[key];
      out[DYNAMIC_FIELD] = picked;
    }
  }
  return out;
}
