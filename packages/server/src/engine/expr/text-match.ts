/**
 * `TEXT_MATCH(field, 'a b')` and `PHRASE_MATCH(field, 'a b', slop)` over VarChar fields with
 * `enable_match`, as Milvus 2.5 runs them on its tantivy text index (`TextMatchIndex`,
 * `internal/core/thirdparty/tantivy`): the stored text and the query are both analysed with the
 * field's analyzer (`analyzer_params`); a text match is any query token among the row's tokens
 * (tantivy's `match_query`, a boolean SHOULD of term queries), a phrase match is tantivy's
 * `PhraseQuery` with slop over token positions.
 *
 * Milvus builds the index once per segment as rows arrive; here each stored row's analysed
 * tokens are computed the first time a match reads the row and kept beside it ({@link RowTokens}),
 * so a query never analyses a row twice. The cache is keyed by the row object itself: a deleted or
 * compacted-away row takes its tokens with it, and a row rewritten by upsert is a new object.
 *
 * @packageDocumentation
 */
import { createAnalyzer, type Analyzer } from '../analyzer/analyzer.js';

/** The analysed tokens of one text: each token's positions in increasing order. */
export type TokenPositions = ReadonlyMap<string, readonly number[]>;

/** Analyzers by their `analyzer_params` text, built once (params are fixed for a field's life). */
const analyzers = new Map<string, Analyzer>();
/** Most analyzers kept: params texts beyond this are rebuilt each time (a bound against odd clients). */
const MAX_ANALYZERS = 256;

/**
 * The analyzer of `analyzer_params` text `params` (empty: the standard analyzer), shared.
 * @throws MilvusError 2000 for params that do not build (see `createAnalyzer`).
 */
export function matchAnalyzer(params: string): Analyzer {
  let a = analyzers.get(params);
  if (!a) {
    a = createAnalyzer(params);
    if (analyzers.size < MAX_ANALYZERS) analyzers.set(params, a);
  }
  return a;
}

/** The tokens of `text` under `analyzer`, with their positions. */
export function positionsOf(analyzer: Analyzer, text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const t of analyzer(text)) {
    const list = out.get(t.text);
    if (list) list.push(t.position);
    else out.set(t.text, [t.position]);
  }
  return out;
}

/**
 * The analysed tokens of stored rows, per field: computed on first use and kept for as long as
 * the row object lives.
 */
export class RowTokens {
  private readonly cache = new WeakMap<object, TokenPositions>();

  constructor(private readonly analyzer: Analyzer) {}

  /** The tokens of `text`, the value of this field in `row` (cached by `row`). */
  of(row: object, text: string): TokenPositions {
    let t = this.cache.get(row);
    if (!t) this.cache.set(row, (t = positionsOf(this.analyzer, text)));
    return t;
  }
}

/** The token caches, one per field name and analyzer params (rows of a field share one). */
const rowTokens = new Map<string, RowTokens>();

/** The shared {@link RowTokens} of a field analysed with `params`. */
export function rowTokensOf(fieldKey: string, params: string): RowTokens {
  const key = `${fieldKey}\u0000${params}`;
  let r = rowTokens.get(key);
  if (!r) {
    r = new RowTokens(matchAnalyzer(params));
    if (rowTokens.size < MAX_ANALYZERS) rowTokens.set(key, r);
  }
  return r;
}

/** Whether any of the query tokens occurs in the row (`TEXT_MATCH`); an empty query matches nothing. */
export function anyTokenIn(row: TokenPositions, query: readonly string[]): boolean {
  for (const q of query) if (row.has(q)) return true;
  return false;
}

/** One term of a phrase: its text and its position in the analysed query. */
export interface PhraseTerm {
  text: string;
  offset: number;
}

/** The terms of an analysed phrase query, in order. */
export function phraseTerms(analyzer: Analyzer, query: string): PhraseTerm[] {
  return analyzer(query).map((t) => ({ text: t.text, offset: t.position }));
}

/**
 * Tantivy's phrase match with slop (`PhraseScorer`, `intersection_with_slop`): each term's
 * positions are shifted back by its offset in the query; walking the terms in order, a match
 * survives to the next term when that term has a shifted position at or after the match's and at
 * most `slop` beyond it (the match then moves there). So terms keep their order and each step
 * may skip up to `slop` tokens; `slop` 0 is an exact phrase. One term is a plain term match; no
 * term matches nothing. Linear in the positions of the query's terms in the row.
 */
export function phraseMatches(row: TokenPositions, terms: readonly PhraseTerm[], slop: number): boolean {
  if (terms.length === 0) return false;
  const first = row.get(terms[0]!.text);
  if (!first) return false;
  let left = first.map((p) => p - terms[0]!.offset);
  for (let i = 1; i < terms.length && left.length > 0; i++) {
    const positions = row.get(terms[i]!.text);
    if (!positions) return false;
    const right = positions.map((p) => p - terms[i]!.offset);
    left = intersectWithSlop(left, right, slop);
  }
  return left.length > 0;
}

/** `intersection_with_slop`: the values `r` of `right` with some `l` of `left` in `[r - slop, r]`, each `l` used once. */
function intersectWithSlop(left: readonly number[], right: readonly number[], slop: number): number[] {
  const out: number[] = [];
  let li = 0;
  let ri = 0;
  while (li < left.length && ri < right.length) {
    const l = left[li]!;
    const r = right[ri]!;
    if (l < r - slop) li++;
    else if (l > r) ri++;
    else {
      // The latest left value still within range is the best one to consume.
      while (li + 1 < left.length && left[li + 1]! <= r) li++;
      out.push(r);
      li++;
      ri++;
    }
  }
  return out;
}
