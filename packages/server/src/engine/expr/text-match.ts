/**
 * `TEXT_MATCH(field, 'a b')` and `PHRASE_MATCH(field, 'a b', slop)` over VarChar fields with
 * `enable_match`, as Milvus 2.5 runs them on its tantivy text index (`TextMatchIndex`,
 * `internal/core/thirdparty/tantivy`): the stored text and the query are both analysed with the
 * field's analyzer (`analyzer_params`); a text match is any query token among the row's tokens
 * (tantivy's `match_query`, a boolean SHOULD of term queries), a phrase match is tantivy's
 * `PhraseQuery` with slop over token positions.
 *
 * Milvus builds the index as rows arrive; here each stored row's analysed tokens are computed when
 * the row is written (`analyseMatchTexts`, on the insert / upsert / import path) and kept beside
 * it, as IDs of a per-field vocabulary ({@link RowTokens}), so a match only reads them. The cache
 * is keyed by the row object itself: a deleted or compacted-away row takes its tokens with it, and
 * a row rewritten by upsert is a new object. A row whose tokens are gone (the vocabulary started
 * over at {@link MAX_VOCABULARY}) is analysed again the first time a match reads it.
 *
 * @packageDocumentation
 */
import { createAnalyzer, type Analyzer } from '../analyzer/analyzer.js';

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

/** The analysed tokens of one stored text: token IDs (of its field's vocabulary) in text order, and their positions. */
export interface RowText {
  readonly ids: Uint32Array;
  readonly positions: Uint32Array;
}

/** Most distinct tokens a field's vocabulary holds before it starts over (rows are then analysed again). */
export const MAX_VOCABULARY = 1 << 20;

/**
 * The analysed tokens of stored rows of one field, computed when written (or on first use) and kept for as long as
 * the row object lives, as token IDs of a vocabulary shared by the field's rows (a few bytes a
 * token). Query tokens are looked up in the same vocabulary ({@link lookup}).
 */
export class RowTokens {
  private cache = new WeakMap<object, RowText>();
  private vocabulary = new Map<string, number>();
  /** Changes whenever the vocabulary does (a lookup made before may miss a token added since). */
  private version = 0;

  /** @param maxVocabulary - distinct tokens kept before starting over ({@link MAX_VOCABULARY}). */
  constructor(
    private readonly analyzer: Analyzer,
    private readonly maxVocabulary = MAX_VOCABULARY,
  ) {}

  /** The tokens of `text`, the value of this field in `row` (cached by `row`). */
  of(row: object, text: string): RowText {
    const cached = this.cache.get(row);
    if (cached) return cached;
    if (this.vocabulary.size >= this.maxVocabulary) {
      this.cache = new WeakMap();
      this.vocabulary = new Map();
      this.version++;
    }
    const tokens = this.analyzer(text);
    const ids = new Uint32Array(tokens.length);
    const positions = new Uint32Array(tokens.length);
    tokens.forEach((t, i) => {
      let id = this.vocabulary.get(t.text);
      if (id === undefined) {
        this.vocabulary.set(t.text, (id = this.vocabulary.size));
        this.version++;
      }
      ids[i] = id;
      positions[i] = t.position;
    });
    const out = { ids, positions };
    this.cache.set(row, out);
    return out;
  }

  /**
   * A lookup of query tokens: `ids()` gives each token's ID, -1 for a token no row analysed so far
   * holds (looked up again only when the vocabulary has changed).
   */
  lookup(tokens: readonly string[]): () => readonly number[] {
    let version = -1;
    let ids: number[] = [];
    return () => {
      if (version !== this.version) {
        version = this.version;
        ids = tokens.map((t) => this.vocabulary.get(t) ?? -1);
      }
      return ids;
    };
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

/** Whether any of the query token IDs occurs in the row (`TEXT_MATCH`); no query token matches nothing. */
export function anyTokenIn(row: RowText, query: readonly number[]): boolean {
  for (const id of row.ids) if (query.includes(id)) return true;
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
 * Tantivy's phrase match with slop (`PhraseScorer`, `intersection_with_slop`, as its source reads): each term's
 * positions are shifted back by its offset in the query; walking the terms in order, a match
 * survives to the next term when that term has a shifted position at or after the match's and at
 * most `slop` beyond it (the match then moves there). So terms keep their order and each step
 * may skip up to `slop` tokens; `slop` 0 is an exact phrase. One term is a plain term match; no
 * term matches nothing. `ids` are the terms' token IDs ({@link RowTokens.lookup}). Linear in the
 * row's tokens times the query's terms.
 */
export function phraseMatches(row: RowText, terms: readonly PhraseTerm[], ids: readonly number[], slop: number): boolean {
  if (terms.length === 0) return false;
  let left = shiftedPositions(row, ids[0]!, terms[0]!.offset);
  for (let i = 1; i < terms.length && left.length > 0; i++) {
    left = intersectWithSlop(left, shiftedPositions(row, ids[i]!, terms[i]!.offset), slop);
  }
  return left.length > 0;
}

/** The positions of token `id` in the row, less `offset`, in increasing order. */
function shiftedPositions(row: RowText, id: number, offset: number): number[] {
  const out: number[] = [];
  if (id < 0) return out;
  for (let k = 0; k < row.ids.length; k++) if (row.ids[k] === id) out.push(row.positions[k]! - offset);
  return out;
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
