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
  /**
   * The real Milvus the entry was checked against: `{ milvus: '2.3.5' }` when the real-server run
   * ({@link erratumConfirmations}) must reproduce it, or `{ milvus: null, why }` when no real
   * Milvus installable here can run the block.
   */
  checked: { milvus: string } | { milvus: null; why: string };
}

/** Where an output was documented and who ran it: what {@link resolveErratum} looks an erratum up by. */
export interface ErratumSite {
  page: string;
  language: string;
  /** Block position among the page's blocks of that language, 1-based. */
  block: number;
  /** The client that ran the block (`mvkit`, `official`, `pymilvus`, …). */
  client: string;
}

/**
 * The erratum that accounts for a block's output differing from its documented one: an entry for
 * the block's page, language and position, for its client (or for every client), documenting
 * one of `documented` (the forms the runner read the documented text as), whose expected value
 * `matches` the output. The one place every runner resolves errata.
 */
export function resolveErratum(errata: readonly Erratum[], site: ErratumSite, documented: readonly unknown[], matches: (expected: unknown) => boolean): Erratum | undefined {
  return errata.find(
    (e) =>
      e.page === site.page &&
      e.language === site.language &&
      e.block === site.block &&
      (!e.client || e.client === site.client) &&
      documented.some((d) => sameValue(e.documented, d)) &&
      matches(e.expected),
  );
}

/**
 * An erratum of a block's code (`"in": "code"` in `errata.json`): the documented code cannot run
 * anywhere (it does not compile, or calls an API no release of the SDK has); `documented` is the
 * faulty text and `expected` its correction. The runners report the block as a doc error and run
 * it with the correction, so that the target is still exercised.
 */
export interface CodeErratum extends Erratum {
  in: 'code';
  documented: string;
  expected: string;
}

/** Whether an erratum corrects a block's code rather than its output. */
export const isCodeErratum = (e: Erratum): e is CodeErratum => (e as Partial<CodeErratum>).in === 'code' && typeof e.documented === 'string' && typeof e.expected === 'string';

/**
 * The code errata of a block (its page, language, position, and client when the entry names one)
 * whose documented text the block contains, and the block's code with each correction applied.
 * The one place every runner resolves code errata.
 */
export function correctedCode(errata: readonly Erratum[], site: ErratumSite, code: string): { code: string; corrections: CodeErratum[] } {
  const corrections = errata.filter(
    (e): e is CodeErratum =>
      isCodeErratum(e) &&
      e.page === site.page &&
      e.language === site.language &&
      e.block === site.block &&
      (!e.client || e.client === site.client) &&
      code.includes(e.documented),
  );
  return { code: corrections.reduce((c, e) => c.split(e.documented).join(e.expected), code), corrections };
}

/** The corrections as text: `"<documented>" → "<expected>", …`. */
export function correctionsText(corrections: readonly CodeErratum[]): string {
  return corrections.map((e) => `${JSON.stringify(e.documented)} → ${JSON.stringify(e.expected)}`).join(', ');
}

/**
 * What is wrong with a list of errata: an entry repeated (same page, language, block, documented
 * value and client), or two entries for the same documented value whose clients overlap (one for
 * every client counts for each) that accept different answers — then a block could pass with either.
 * @returns one line per problem; empty when the list is sound.
 */
export function errataProblems(errata: readonly Erratum[]): string[] {
  const problems: string[] = [];
  const where = (e: Erratum) => `${e.page} ${e.language}#${e.block} documented ${render(e.documented)}`;
  errata.forEach((a, i) => {
    const c = a.checked as Partial<{ milvus: string | null; why: string }> | undefined;
    if (!c || !(typeof c.milvus === 'string' || (c.milvus === null && typeof c.why === 'string' && c.why))) problems.push(`${where(a)}: no record of the real Milvus it was checked against (checked: { milvus } or { milvus: null, why })`);
    for (const b of errata.slice(i + 1)) {
      if (a.page !== b.page || a.language !== b.language || a.block !== b.block || !sameValue(a.documented, b.documented)) continue;
      if (a.client === b.client) problems.push(`${where(a)}: two entries for ${a.client ?? 'every client'}`);
      else if ((!a.client || !b.client) && !sameValue(a.expected, b.expected)) {
        problems.push(`${where(a)}: ${render(a.expected)} (${a.client ?? 'every client'}) and ${render(b.expected)} (${b.client ?? 'every client'}) are both accepted`);
      }
    }
  });
  return problems;
}

/** What a block's run looks like when an erratum of this kind accounts for it. */
const confirms = (e: Erratum, r: { outcome: string; detail: string }) => (e.kind === 'doc-error' ? r.outcome === 'doc-error' : r.outcome === 'pass' && r.detail.includes('erratum'));

/**
 * Which errata a real Milvus's run does not reproduce: each entry recorded as checked against
 * `version` must have, among `results` (of a replay against that Milvus), a run of its block by
 * its client (by any client when it names none) that it accounts for — a pass through the
 * erratum, or the doc-error. An entry Milvus does not need, or answers otherwise, is a problem.
 * @returns one line per unconfirmed entry; empty when all are confirmed.
 */
export function erratumConfirmations(errata: readonly Erratum[], results: readonly (ErratumSite & { outcome: string; detail: string })[], version: string): string[] {
  return errata
    .filter((e) => e.checked.milvus === version)
    .flatMap((e) => {
      const runs = results.filter((r) => r.page === e.page && r.language === e.language && r.block === e.block && (!e.client || r.client === e.client));
      if (runs.some((r) => confirms(e, r))) return [];
      return [`${e.page} ${e.language}#${e.block}${e.client ? ` (${e.client})` : ''}: the ${e.kind} is not reproduced by Milvus ${version}: ${runs.map((r) => `${r.client} ${r.outcome}: ${r.detail}`).join('; ') || 'the block did not run'}`];
    });
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

/**
 * Values Milvus makes run-dependent: IDs it assigns and timestamps it stamps. In JSON answers
 * (cURL blocks) such a key is compared by presence only, and such a fragment of a message is
 * replaced by a placeholder, in the documented value and the answer alike. Kept as data, each
 * with its reason.
 */
export const RUN_DEPENDENT: {
  readonly keys: readonly { key: string; reason: string }[];
  readonly messages: readonly { pattern: string; placeholder: string; reason: string }[];
} = {
  keys: [
    { key: 'collectionID', reason: 'collection ID, allocated by rootcoord at creation (RESTful v2 collections/describe)' },
    { key: 'collection_id', reason: 'collection ID (legacy /api/v1 answers)' },
    { key: 'partitionID', reason: 'partition ID, allocated at creation' },
    { key: 'partitionIDs', reason: 'partition IDs (legacy /api/v1 ShowPartitions)' },
    { key: 'partition_ids', reason: 'partition IDs (snake_case form)' },
    { key: 'insertIds', reason: 'auto-generated primary keys (RESTful v2 entities/insert)' },
    { key: 'upsertIds', reason: 'auto-generated primary keys (RESTful v2 entities/upsert)' },
    { key: 'created_timestamp', reason: 'hybrid timestamp of creation' },
    { key: 'created_timestamps', reason: 'hybrid timestamps of creation (legacy ShowPartitions)' },
    { key: 'created_utc_timestamps', reason: 'wall-clock creation times (legacy ShowPartitions)' },
    { key: 'createdTimestamp', reason: 'hybrid timestamp of creation (camelCase form)' },
    { key: 'timestamp', reason: 'hybrid timestamp of an operation' },
    { key: 'identifier', reason: 'connection identifier returned by Connect' },
  ],
  messages: [
    { pattern: '\\[partition=\\d+\\]', placeholder: '[partition=<id>]', reason: 'merr.WrapErrPartitionNotLoaded(partitionID) names the partition by its ID' },
    { pattern: '\\[partition=\\[[\\d ]+\\]\\]', placeholder: '[partition=[<ids>]]', reason: 'a query node\'s merr.WrapErrPartitionNotLoaded(partitionIDs) names the partitions by their IDs (Milvus 2.3)' },
    { pattern: 'by-dev-rootcoord-dml_\\d+_\\d+v\\d+', placeholder: '<vchannel>', reason: 'a virtual channel name carries the physical channel rootcoord assigned and the collection ID' },
    { pattern: '\\[collection=\\d+\\]', placeholder: '[collection=<id>]', reason: 'some merr wrappers name the collection by its ID' },
    { pattern: '\\[collectionID=\\d+\\]', placeholder: '[collectionID=<id>]', reason: 'collection ID in a message' },
  ],
};

/** The placeholder a run-dependent value is replaced by. */
export const RUN_DEPENDENT_VALUE = '<run-dependent>';

/** Marks a documented `...` (elided part of an output): in an array, any further elements; as an object key, any further keys. */
export const ELLIPSIS = '…';

/** Replaces the {@link RUN_DEPENDENT} values of a JSON value by placeholders (a new value; bigints become strings). */
export function normalizeRunDependent(value: unknown): unknown {
  const keys = new Set(RUN_DEPENDENT.keys.map((k) => k.key));
  const patterns = RUN_DEPENDENT.messages.map((m) => ({ re: new RegExp(m.pattern, 'g'), placeholder: m.placeholder }));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'string') return patterns.reduce((s, p) => s.replace(p.re, p.placeholder), v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, keys.has(k) ? RUN_DEPENDENT_VALUE : walk(x)]));
    return v;
  };
  return walk(value);
}

/**
 * Compares a documented JSON answer with the JSON a server sent: deep equality after
 * {@link normalizeRunDependent} on both, where arrays of strings (name lists, which Milvus does not
 * order) are compared as multisets, and a documented {@link ELLIPSIS} stands for elided elements
 * or keys. The detail names the first differing path.
 */
export function compareJson(documented: unknown, actual: unknown): MatchResult {
  const doc = normalizeRunDependent(documented);
  const got = normalizeRunDependent(actual);
  const diff = firstDifference(doc, got, '$');
  return diff === undefined ? { ok: true } : { ok: false, detail: `${diff}: documented ${render(documented)}, answered ${render(actual)}` };
}

function firstDifference(doc: unknown, got: unknown, path: string): string | undefined {
  if (Array.isArray(doc)) {
    if (!Array.isArray(got)) return `${path} is ${render(got)}, not an array`;
    const open = doc.length > 0 && doc[doc.length - 1] === ELLIPSIS;
    const items = open ? doc.slice(0, -1) : doc;
    if (items.every((x) => typeof x === 'string') && got.every((x) => typeof x === 'string')) {
      const want = [...(items as string[])].sort();
      const have = [...(got as string[])].sort();
      if (open ? want.every((w) => have.includes(w)) : isDeepStrictEqual(want, have)) return undefined;
      return `${path} holds ${render(got)}, not the names ${render(items)}${open ? ' (and more)' : ''}`;
    }
    if (open ? got.length < items.length : got.length !== items.length) return `${path} has ${got.length} element(s), documented ${items.length}${open ? ' or more' : ''}`;
    for (let i = 0; i < items.length; i++) {
      const d = firstDifference(items[i], got[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (doc && typeof doc === 'object') {
    if (!got || typeof got !== 'object' || Array.isArray(got)) return `${path} is ${render(got)}, not an object`;
    const open = ELLIPSIS in doc;
    const docKeys = Object.keys(doc).filter((k) => k !== ELLIPSIS);
    for (const k of docKeys) {
      if (!(k in got)) return `${path}.${k} is missing`;
      const d = firstDifference((doc as Record<string, unknown>)[k], (got as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    if (!open) {
      const extra = Object.keys(got).filter((k) => !docKeys.includes(k));
      if (extra.length) return `${path} has undocumented key(s) ${extra.join(', ')}`;
    }
    return undefined;
  }
  return isDeepStrictEqual(doc, got) ? undefined : `${path} is ${render(got)}, documented ${render(doc)}`;
}
