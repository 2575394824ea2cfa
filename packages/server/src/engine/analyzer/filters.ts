/**
 * The token filters of Milvus 2.5's `analyzer_params.filter` (`filter.rs`): by name
 * `lowercase`, `asciifolding`, `alphanumonly`, `cncharonly`, `cnalphanumonly`; by object
 * `{"type": "length"|"stop"|"decompounder"|"stemmer", ...}`.
 *
 * @packageDocumentation
 */
import snowball from 'snowball-stemmers';
import { foldToAscii } from './ascii-folding.js';
import { expandStopWords, stringListOf } from './stop-words.js';
import { analyzerError, type Token } from './token.js';
import { utf8Length } from '../utf8.js';

/** A token filter: tokens in, tokens out (offsets and positions are kept). */
export type TokenFilter = (tokens: Token[]) => Token[];

/** A filter that rewrites each token's text. */
function mapText(f: (text: string) => string): TokenFilter {
  return (tokens) => tokens.map((t) => ({ ...t, text: f(t.text) }));
}

/** A filter that keeps the tokens whose text passes `keep`. */
function keepIf(keep: (text: string) => boolean): TokenFilter {
  return (tokens) => tokens.filter((t) => keep(t.text));
}

const ASCII = /^[\x00-\x7f]*$/;

/** `lowercase` (tantivy's `LowerCaser`): each code point lowercased on its own (ASCII text in one step, the same result). */
export const lowercaseFilter: TokenFilter = mapText((text) => (ASCII.test(text) ? text.toLowerCase() : Array.from(text, (ch) => ch.toLowerCase()).join('')));

/** Most distinct words a stemmer remembers before it starts over (a vocabulary is mostly far smaller). */
const STEM_MEMO_SIZE = 65_536;

/** `f` remembering its results for up to {@link STEM_MEMO_SIZE} distinct arguments (then forgetting them all). */
function memoized(f: (text: string) => string): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      if (memo.size >= STEM_MEMO_SIZE) memo.clear();
      memo.set(text, (out = f(text)));
    }
    return out;
  };
}

const ASCII_ALPHANUMERIC = /^[A-Za-z0-9]*$/;
const HAN = /\p{Script=Han}/u;
const HAN_OR_ALPHANUMERIC = /[\p{Script=Han}a-zA-Z0-9]/u;

/** `cnalphanumonly`: keeps tokens with a Han, ASCII letter or digit code point (the `chinese` built-in's filter). */
export const cnAlphanumOnlyFilter: TokenFilter = keepIf((text) => HAN_OR_ALPHANUMERIC.test(text));

/** The filters named by a string in `filter`. */
const NAMED: ReadonlyMap<string, TokenFilter> = new Map([
  ['lowercase', lowercaseFilter],
  ['asciifolding', mapText(foldToAscii)],
  ['alphanumonly', keepIf((text) => ASCII_ALPHANUMERIC.test(text))],
  ['cncharonly', keepIf((text) => HAN.test(text))],
  ['cnalphanumonly', cnAlphanumOnlyFilter],
]);

/** A `stop` filter removing exactly `words`. */
export function stopFilter(words: readonly string[]): TokenFilter {
  const set = new Set(words);
  return keepIf((text) => !set.has(text));
}

/** `{"type": "length", "max": n}`: keeps tokens of at most `max` UTF-8 bytes (`RemoveLongFilter::limit(max + 1)`). */
function lengthFilter(params: Record<string, unknown>): TokenFilter {
  const max = params.max;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 0) throw analyzerError('lenth max param was none or not uint');
  return keepIf((text) => utf8Length(text) <= max);
}

/** `{"type": "stop", "stop_words": [...]}`. */
function stopWordsFilter(params: Record<string, unknown>): TokenFilter {
  if (params.stop_words === undefined) throw analyzerError("stop filter stop_words can't be empty");
  return stopFilter(expandStopWords(stringListOf(params.stop_words, 'stop_words filter')));
}

/** A trie of words by UTF-16 code unit; `end` marks a whole word. */
interface TrieNode {
  next: Map<number, TrieNode>;
  end: boolean;
}

/** The trie of `words` (empty words are skipped). */
function wordTrie(words: readonly string[]): TrieNode {
  const root: TrieNode = { next: new Map(), end: false };
  for (const w of words) {
    let node = root;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map(), end: false }));
      node = child;
    }
    if (node !== root) node.end = true;
  }
  return root;
}

/** The end index of the longest word of `trie` starting at `at` in `text`, if any. */
function longestWordAt(trie: TrieNode, text: string, at: number): number | undefined {
  let node: TrieNode | undefined = trie;
  let end: number | undefined;
  for (let i = at; i < text.length; i++) {
    node = node.next.get(text.charCodeAt(i));
    if (!node) break;
    if (node.end) end = i + 1;
  }
  return end;
}

/**
 * `{"type": "decompounder", "word_list": [...]}` (tantivy's `SplitCompoundWords`): a token that
 * the words cover whole, longest word first at each point, becomes its parts (each with the
 * token's offsets and position); any other token is kept.
 */
function decompounderFilter(params: Record<string, unknown>): TokenFilter {
  const list = params.word_list;
  if (!Array.isArray(list)) throw analyzerError('decompounder word list should be array');
  const words = list.map((w) => {
    if (typeof w !== 'string') throw analyzerError('decompounder word list item should be string');
    return w;
  });
  const trie = wordTrie(words);
  const split = (text: string): string[] | undefined => {
    const parts: string[] = [];
    let at = 0;
    while (at < text.length) {
      const end = longestWordAt(trie, text, at);
      if (end === undefined) return undefined;
      parts.push(text.slice(at, end));
      at = end;
    }
    return parts;
  };
  return (tokens) => tokens.flatMap((t) => split(t.text)?.map((text) => ({ ...t, text })) ?? [t]);
}

/** Languages of the `stemmer` filter (`into_language`), with their Snowball algorithm; `arabig` is upstream's spelling. */
const STEMMER_LANGUAGES: ReadonlyMap<string, string> = new Map(
  ['danish', 'dutch', 'english', 'finnish', 'french', 'german', 'hungarian', 'italian', 'norwegian', 'portuguese', 'romanian', 'russian', 'spanish', 'swedish', 'tamil', 'turkish']
    .map((l): [string, string] => [l, l])
    .concat([['arabig', 'arabic']]),
);

/** A Snowball stemmer filter for a language of {@link STEMMER_LANGUAGES} (`english` for the built-in). */
export function stemmerFilter(language: string): TokenFilter {
  const algorithm = STEMMER_LANGUAGES.get(language.toLowerCase());
  if (!algorithm) throw analyzerError(`create stemmer failed : unsupport language: ${language.toLowerCase()}`);
  const stemmer = snowball.newStemmer(algorithm);
  // Snowball takes microseconds a word; texts repeat their words, so each is stemmed once.
  return mapText(memoized((text) => stemmer.stem(text)));
}

/** `{"type": "stemmer", "language": ...}`. */
function stemmerFilterOf(params: Record<string, unknown>): TokenFilter {
  if (typeof params.language !== 'string') throw analyzerError('stemmer language field should be string');
  return stemmerFilter(params.language);
}

/**
 * The filters of an analyzer's `filter` value, in order (`build_filter`); entries that are
 * neither strings nor objects are skipped, as upstream skips them.
 * @throws MilvusError 2000 `filter params should be array`, `build analyzer failed, filter not
 *   found :<name>`, `no type field in filter params`, `filter type should be string`,
 *   `unsupport filter type: <type>`, and each filter's own parameter errors.
 */
export function filtersOf(value: unknown): TokenFilter[] {
  if (!Array.isArray(value)) throw analyzerError('filter params should be array');
  const filters: TokenFilter[] = [];
  for (const entry of value) {
    if (typeof entry === 'string') {
      const named = NAMED.get(entry);
      if (!named) throw analyzerError(`build analyzer failed, filter not found :${entry}`);
      filters.push(named);
    } else if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
      filters.push(filterOfObject(entry as Record<string, unknown>));
    }
  }
  return filters;
}

/** One `{"type": ...}` filter (`SystemFilter::try_from`). */
function filterOfObject(params: Record<string, unknown>): TokenFilter {
  const type = params.type;
  if (type === undefined) throw analyzerError('no type field in filter params');
  if (typeof type !== 'string') throw analyzerError('filter type should be string');
  switch (type) {
    case 'length':
      return lengthFilter(params);
    case 'stop':
      return stopWordsFilter(params);
    case 'decompounder':
      return decompounderFilter(params);
    case 'stemmer':
      return stemmerFilterOf(params);
    default:
      throw analyzerError(`unsupport filter type: ${type}`);
  }
}
