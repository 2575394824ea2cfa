/**
 * Milvus 2.5's analyzers (`analyzer.rs`, `build_in_analyzer.rs`): an `analyzer_params` JSON
 * object builds either a built-in analyzer (`{"type": "standard"|"english"|"chinese", "stop_words": [...]}`)
 * or a custom one (`{"tokenizer": ..., "filter": [...]}`).
 *
 * @packageDocumentation
 */
import { cnAlphanumOnlyFilter, filtersOf, lowercaseFilter, stemmerFilter, stopFilter, type TokenFilter } from './filters.js';
import { jiebaTokenizer } from './jieba.js';
import { ENGLISH_STOP_WORDS, expandStopWords, stringListOf } from './stop-words.js';
import { analyzerError, type Token } from './token.js';
import { standardTokenizer, tokenizerOf, type Tokenizer } from './tokenizers.js';

/** A built analyzer: text in, tokens out. */
export type Analyzer = (text: string) => Token[];

/** The analyzer of a tokenizer followed by filters. */
function pipeline(tokenizer: Tokenizer, filters: readonly TokenFilter[]): Analyzer {
  return (text) => filters.reduce((tokens, f) => f(tokens), tokenizer(text));
}

/** The user stop words of a built-in analyzer (`get_stop_words_option`), as a filter when any. */
function userStopWords(params: Record<string, unknown>): TokenFilter[] {
  if (params.stop_words === undefined) return [];
  const words = expandStopWords(stringListOf(params.stop_words, 'filter stop_words'));
  return words.length ? [stopFilter(words)] : [];
}

/**
 * A built-in analyzer (`build_template`): `standard` is the standard tokenizer and `lowercase`;
 * `english` adds the English stemmer and the English stop words; `chinese` is the plain `jieba`
 * tokenizer (search mode, HMM, default dictionary) and `cnalphanumonly`. All end with the user's
 * `stop_words`; other keys are ignored.
 * @throws MilvusError 2000 `unknown build-in analyzer type: <type>`, and `stop_words`'s errors.
 */
function builtIn(type: string, params: Record<string, unknown>): Analyzer {
  switch (type) {
    case 'standard':
      return pipeline(standardTokenizer, [lowercaseFilter, ...userStopWords(params)]);
    case 'english':
      return pipeline(standardTokenizer, [lowercaseFilter, stemmerFilter('english'), stopFilter(ENGLISH_STOP_WORDS), ...userStopWords(params)]);
    case 'chinese':
      return pipeline(jiebaTokenizer(), [cnAlphanumOnlyFilter, ...userStopWords(params)]);
    default:
      throw analyzerError(`unknown build-in analyzer type: ${type}`);
  }
}

/**
 * The analyzer of an `analyzer_params` object (`create_analyzer_by_json`): the standard built-in
 * when empty; a built-in when it has `type`; else a tokenizer and filters, where every other key
 * is refused (keys are checked in sorted order, as serde_json's map iterates them).
 * @throws MilvusError 2000 `analyzer type shoud be string`, `tokenizer name or type must be set`,
 *   `tokenizer name should be string or dict`, `unknown analyzer option key: <key>`, and the
 *   tokenizer's and filters' errors.
 */
export function analyzerOf(params: Record<string, unknown>): Analyzer {
  const keys = Object.keys(params);
  if (keys.length === 0) return builtIn('standard', params);
  if (params.type !== undefined) {
    if (typeof params.type !== 'string') throw analyzerError('analyzer type shoud be string');
    return builtIn(params.type, params);
  }
  const tokenizer = params.tokenizer;
  if (tokenizer === undefined) throw analyzerError('tokenizer name or type must be set');
  if (typeof tokenizer !== 'string' && (tokenizer === null || typeof tokenizer !== 'object' || Array.isArray(tokenizer))) {
    throw analyzerError('tokenizer name should be string or dict');
  }
  const tok = tokenizerOf(tokenizer);
  let filters: TokenFilter[] = [];
  for (const key of keys.sort()) {
    if (key === 'tokenizer') continue;
    if (key !== 'filter') throw analyzerError(`unknown analyzer option key: ${key}`);
    filters = filtersOf(params.filter);
  }
  return pipeline(tok, filters);
}

/**
 * The analyzer of an `analyzer_params` JSON text (`create_analyzer`): empty text is the standard
 * built-in.
 * @throws MilvusError 2000 `params should be a json map` for JSON that is not an object,
 *   `invalid analyzer params json: <why>` for text that is not JSON, and `analyzerOf`'s errors.
 */
export function createAnalyzer(paramsText: string): Analyzer {
  if (paramsText === '') return builtIn('standard', {});
  let parsed: unknown;
  try {
    parsed = JSON.parse(paramsText);
  } catch (e) {
    throw analyzerError(`invalid analyzer params json: ${(e as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw analyzerError('params should be a json map');
  return analyzerOf(parsed as Record<string, unknown>);
}
