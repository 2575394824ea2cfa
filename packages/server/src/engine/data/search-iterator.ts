/**
 * The search iterators of the official SDKs, as Milvus 2.5 serves them: `iterator` (v1, which
 * pages by range search), and v2 (`search_iter_v2`) with its token, batch size and last bound
 * (`parseSearchIteratorV2Info` in the proxy's `search_util.go`).
 *
 * A v2 page holds the best `batch_size` hits scoring beyond the last bound. Ties: the server keeps,
 * per token, the keys it returned at exactly the bound, so hits tied at a page boundary are each
 * returned once; for a token it does not hold (or another bound) a page starts strictly beyond the
 * bound.
 *
 * @packageDocumentation
 */
import { MilvusError } from '@mvkit/core';
import { goParseBool } from './query-iterator.js';
import type { ScoreWindow } from './range-search.js';
import { parseGoInt } from './rank-params.js';
import { smallerIsBetter, type Metric } from './segment.js';
import type { PrimaryKey } from './values.js';

/** The iterator search parameters as an SDK sends them (strings of `search_params`), unset when absent. */
export interface SearchIteratorParams {
  /** `iterator`: `True`/`true` for any iterator page. */
  iterator?: string;
  /** `search_iter_v2`. */
  v2?: string;
  /** `search_iter_id`: the token of a v2 iterator (a UUID), empty on its first page. */
  token?: string;
  /** `search_iter_batch_size`. */
  batchSize?: string;
  /** `search_iter_last_bound`: the score of the previous page's last hit. */
  lastBound?: string;
  /** `collection_id`: the ID the SDK read when the iterator began (checked by `checkSearchCollectionId`). */
  collectionId?: string;
}

/** A v2 iterator page, as planned. */
export interface IteratorV2Page {
  token: string;
  batchSize: number;
  lastBound?: number;
}

/** What a v2 page answers: the token and the new last bound (`SearchIteratorV2Results`). */
export interface IteratorV2Result {
  token: string;
  lastBound: number;
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Whether Go's `strconv.ParseBool` reads `s` as true. */
const goBool = (s: string | undefined) => s !== undefined && goParseBool(s) === true;

/** Whether the request is an iterator page (`iterator` is `True` or `true`, as the proxy reads it). */
export function isIteratorSearch(params: SearchIteratorParams | undefined): boolean {
  return params?.iterator === 'True' || params?.iterator === 'true';
}

/**
 * The v2 page of a search, checked as `parseSearchIteratorV2Info` does (after topk and offset).
 *
 * @param topkLimit - the largest batch size (`quotaAndLimits.limits.topK`).
 * @returns undefined when `search_iter_v2` is not true.
 * @throws MilvusError, each `parse iterator v2 info failed: <why>`: 65535 `both iterator and
 *   search_iter_v2 must be set in the SDK`, `invalid token format`, `batch size is required`,
 *   `batch size is invalid, …`, `failed to parse input last bound, …`; 1100 `Setting an offset is
 *   not permitted when using a search iterator v2`.
 */
export function iteratorV2PageOf(params: SearchIteratorParams | undefined, offset: number, topkLimit: number): IteratorV2Page | undefined {
  if (!goBool(params?.v2)) return undefined;
  const fail = (why: string) => new MilvusError(`parse iterator v2 info failed: ${why}`);
  if (!isIteratorSearch(params)) throw fail('both iterator and search_iter_v2 must be set in the SDK');
  // merr.WrapErrParameterInvalid("", "", msg) wrapped by the caller's prefix: code 1100 survives.
  if (offset > 0) throw MilvusError.parameterInvalid('parse iterator v2 info failed: Setting an offset is not permitted when using a search iterator v2', { expected: '', actual: '' });
  let token = params?.token ?? '';
  if (token === '') token = crypto.randomUUID();
  else if (!UUID.test(token)) throw fail('invalid token format');
  const size = params?.batchSize ?? '';
  if (size === '') throw fail('batch size is required');
  const batchSize = parseGoInt(size);
  if (batchSize === undefined) throw fail(`batch size is invalid, strconv.ParseInt: parsing ${JSON.stringify(size)}: invalid syntax`);
  if (batchSize < 1 || batchSize > topkLimit) throw fail(`batch size is invalid, it should be in range [1, ${topkLimit}], but got ${batchSize}`);
  const bound = params?.lastBound ?? '';
  if (bound === '') return { token, batchSize };
  const lastBound = Number(bound);
  if (bound.trim() === '' || Number.isNaN(lastBound)) throw fail(`failed to parse input last bound, strconv.ParseFloat: parsing ${JSON.stringify(bound)}: invalid syntax`);
  return { token, batchSize, lastBound: Math.fround(lastBound) };
}

/** The float32 next to `x` in the worse direction of a metric: the nearest score strictly beyond `x`. */
function float32Beyond(x: number, ascending: boolean): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, x);
  const bits = view.getUint32(0);
  const up = ascending; // L2: the next larger float; IP: the next smaller one.
  if (x === 0) {
    view.setUint32(0, up ? 1 : 0x80000001);
  } else {
    const positive = x > 0;
    view.setUint32(0, positive === up ? bits + 1 : bits - 1);
  }
  return view.getFloat32(0);
}

/** Most tokens whose tie keys are kept (the least recently used is forgotten first). */
const MAX_TOKENS = 1024;
/** Most tie keys kept over all tokens (least recently used tokens are forgotten to stay below). */
const MAX_KEYS = 1 << 20;

/**
 * Per-token state of v2 iterators: the last bound a page ended at and the keys returned at
 * exactly it. Bounded: `MAX_TOKENS` tokens and `MAX_KEYS` keys in all, least recently
 * used tokens forgotten first (a forgotten token's next page starts strictly past its bound).
 */
export class SearchIteratorTokens {
  readonly #tokens = new Map<string, { bound: number; keys: Set<PrimaryKey> }>();
  #keys = 0;

  /** Forgets every token (engine reset). */
  clear(): void {
    this.#tokens.clear();
    this.#keys = 0;
  }

  /**
   * The score window of a page: past its last bound (none on the first page), with the keys
   * returned at it when this token ended its previous page there, else strictly beyond it.
   */
  windowOf(page: IteratorV2Page, metric: Metric): ScoreWindow | undefined {
    if (page.lastBound === undefined) return undefined;
    const held = this.#tokens.get(page.token);
    if (held && held.bound === page.lastBound) return { best: page.lastBound, tiedKeys: held.keys };
    return { best: float32Beyond(page.lastBound, smallerIsBetter(metric)) };
  }

  /**
   * Records a page's hits (best first) and answers its token and new last bound: the last hit's
   * score, or the bound it started from when it is empty (0 on an empty first page).
   */
  record(page: IteratorV2Page, hits: readonly { pk: PrimaryKey; score: number }[]): IteratorV2Result {
    const last = hits[hits.length - 1];
    if (!last) return { token: page.token, lastBound: page.lastBound ?? 0 };
    const held = this.#tokens.get(page.token);
    const keys = held && held.bound === last.score && page.lastBound === last.score ? held.keys : new Set<PrimaryKey>();
    if (held) {
      this.#keys -= held.keys.size;
      this.#tokens.delete(page.token);
    }
    for (const h of hits) if (h.score === last.score) keys.add(h.pk);
    this.#tokens.set(page.token, { bound: last.score, keys });
    this.#keys += keys.size;
    while (this.#tokens.size > MAX_TOKENS || (this.#keys > MAX_KEYS && this.#tokens.size > 1)) {
      const [oldest, state] = this.#tokens.entries().next().value!;
      this.#keys -= state.keys.size;
      this.#tokens.delete(oldest);
    }
    return { token: page.token, lastBound: last.score };
  }
}

/**
 * The intersection of two score windows (either may be unset): the tighter bound on each side.
 * A tie set goes with the near bound it belongs to.
 */
export function intersectWindows(a: ScoreWindow | undefined, b: ScoreWindow | undefined, metric: Metric): ScoreWindow | undefined {
  if (!a) return b;
  if (!b) return a;
  const ascending = smallerIsBetter(metric);
  const tighterWorst = (x?: number, y?: number) => (x === undefined ? y : y === undefined ? x : ascending ? Math.min(x, y) : Math.max(x, y));
  const worst = tighterWorst(a.worst, b.worst);
  let near: ScoreWindow = a;
  if (a.best === undefined || (b.best !== undefined && (ascending ? b.best > a.best : b.best < a.best))) near = b;
  return {
    ...(worst === undefined ? {} : { worst }),
    ...(near.best === undefined ? {} : { best: near.best }),
    ...(near.tiedKeys ? { tiedKeys: near.tiedKeys } : {}),
  };
}
