/**
 * Stop-word lists of Milvus 2.5's `stop` filter and built-in analyzers (`stop_words.rs`, from the
 * Snowball project) and the expansion of `_english_` (`get_stop_words_list`).
 *
 * @packageDocumentation
 */
import { analyzerError } from './token.js';

/** Milvus's English stop words (`stop_words::ENGLISH`). */
export const ENGLISH_STOP_WORDS: readonly string[] = [
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it',
  'no', 'not', 'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these',
  'they', 'this', 'to', 'was', 'will', 'with',
];

/**
 * A list of strings from a JSON value (`get_string_list`).
 * @param label - names the list in errors (`filter stop_words`, `stop_words filter`).
 * @throws MilvusError 2000 `<label> should be array`, `<label> list item should be string`.
 */
export function stringListOf(value: unknown, label: string): string[] {
  if (!Array.isArray(value)) throw analyzerError(`${label} should be array`);
  return value.map((item) => {
    if (typeof item !== 'string') throw analyzerError(`${label} list item should be string`);
    return item;
  });
}

/** The stop words of a `stop_words` list, `_english_` expanded to {@link ENGLISH_STOP_WORDS}. */
export function expandStopWords(words: readonly string[]): string[] {
  return words.flatMap((w) => (w === '_english_' ? ENGLISH_STOP_WORDS : [w]));
}
