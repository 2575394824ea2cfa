import { isDeepStrictEqual } from 'node:util';

/**
 * Projections the Milvus docs use when they print a simplified result: the documented value
 * stands for one field of the object the SDK returns. Kept as data, each with its reason.
 */
export const PROJECTIONS: readonly { field: string; reason: string }[] = [
  { field: 'value', reason: 'BoolResponse (hasPartition, hasCollection) is documented by its value' },
  { field: 'state', reason: 'GetLoadStateResponse is documented by its state name' },
  { field: 'partition_names', reason: 'ShowPartitionsResponse (listPartitions) is documented by its names' },
  { field: 'collection_names', reason: 'ShowCollectionsResponse (listCollections) is documented by its names' },
  { field: 'data', reason: 'SDK results that wrap their payload in data' },
];

/** An erratum: where a page documents a value Milvus does not produce, with the value it does produce. */
export interface Erratum {
  page: string;
  language: string;
  /** Block position among the page's blocks of that language, 1-based. */
  block: number;
  /** Only for this client (`mvkit` / `official`); all clients when absent. */
  client?: string;
  documented: unknown;
  /** What Milvus produces instead. */
  expected: unknown;
  /** `erratum`: a typo-level mistake, the block passes with the corrected value. `doc-error`: the documented output cannot be reached; the block is reported as such, not as a pass. */
  kind: 'erratum' | 'doc-error';
  reason: string;
  source: string;
}

/** How a documented output compares with what a block printed. */
export type MatchResult = { ok: true; via?: string } | { ok: false; detail: string };

const sortedIfNames = (v: unknown): unknown => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v].sort() : v);

/** Deep equality where lists of names are order-insensitive (Milvus does not promise their order). */
export function sameValue(documented: unknown, actual: unknown): boolean {
  return isDeepStrictEqual(sortedIfNames(documented), sortedIfNames(actual));
}

/**
 * Whether a printed value matches a documented one: equal, or equal to one of the
 * {@link PROJECTIONS} of the printed object.
 */
export function matchOutput(documented: unknown, actual: unknown): MatchResult {
  if (sameValue(documented, actual)) return { ok: true };
  if (actual && typeof actual === 'object' && !Array.isArray(actual)) {
    for (const p of PROJECTIONS) {
      if (p.field in actual && sameValue(documented, (actual as Record<string, unknown>)[p.field])) return { ok: true, via: `.${p.field}` };
    }
  }
  return { ok: false, detail: `documented ${JSON.stringify(documented)}, printed ${render(actual)}` };
}

/** Short JSON rendering of a printed value for reports. */
export function render(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return text === undefined ? String(value) : text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
