/**
 * Milvus 2.5's `jieba` tokenizer (`tokenizers/jieba_tokenizer.rs`): jieba-rs's `tokenize` in
 * search mode (default) or exact mode, with or without HMM for unknown words, over the default
 * dictionary plus the user's words; each token keeps its byte offsets, and its position and
 * position length are its start and length in code points, as tantivy's JiebaTokenizer sets them.
 *
 * @packageDocumentation
 */
import { jiebaSegmenter, type JiebaCutMode } from './jieba-instances.js';
import { analyzerError, type Token } from './token.js';
import type { Tokenizer } from './tokenizers.js';

/** The dictionary entry that stands for jieba-rs's default dictionary. */
const DEFAULT_DICT = '_default_';

/**
 * The user's words of `dict` (`get_jieba_dict`); absent: the default dictionary alone.
 * @throws MilvusError 2000 `jieba tokenizer dict must be array`, `jieba tokenizer dict item must
 *   be string`; and, a divergence, `jieba tokenizer dict without "_default_" is not supported`
 *   (Milvus then starts from an empty dictionary, which jieba-wasm cannot build).
 */
function dictWords(params: Record<string, unknown>): string[] {
  const dict = params.dict;
  if (dict === undefined) return [];
  if (!Array.isArray(dict)) throw analyzerError('jieba tokenizer dict must be array');
  let useDefault = false;
  const words: string[] = [];
  for (const item of dict) {
    if (typeof item !== 'string') throw analyzerError('jieba tokenizer dict item must be string');
    if (item === DEFAULT_DICT) useDefault = true;
    else words.push(item);
  }
  if (!useDefault) throw analyzerError(`jieba tokenizer dict without "${DEFAULT_DICT}" is not supported`);
  return words;
}

/**
 * The cut mode of `mode` (`get_jieba_mode`): `search` when absent.
 * @throws MilvusError 2000 `jieba tokenizer mode must be string`, `jieba tokenizer mode must be "exact" or "search"`.
 */
function cutMode(params: Record<string, unknown>): JiebaCutMode {
  const mode = params.mode;
  if (mode === undefined) return 'search';
  if (typeof mode !== 'string') throw analyzerError('jieba tokenizer mode must be string');
  if (mode === 'exact') return 'default';
  if (mode === 'search') return 'search';
  throw analyzerError('jieba tokenizer mode must be "exact" or "search"');
}

/**
 * Whether HMM finds unknown words (`get_jieba_hmm`): true when absent.
 * @throws MilvusError 2000 `jieba tokenizer mode must be boolean` (upstream's wording for `hmm`).
 */
function useHmm(params: Record<string, unknown>): boolean {
  const hmm = params.hmm;
  if (hmm === undefined) return true;
  if (typeof hmm !== 'boolean') throw analyzerError('jieba tokenizer mode must be boolean');
  return hmm;
}

/** For each code point index of `text` (and its end): the UTF-16 index and the UTF-8 byte offset. */
function codePointIndex(text: string): { utf16: Uint32Array; bytes: Uint32Array } {
  const utf16 = new Uint32Array(text.length + 1);
  const bytes = new Uint32Array(text.length + 1);
  let n = 0;
  let unit = 0;
  let byte = 0;
  for (const ch of text) {
    utf16[n] = unit;
    bytes[n] = byte;
    n++;
    const cp = ch.codePointAt(0)!;
    unit += ch.length;
    byte += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  utf16[n] = unit;
  bytes[n] = byte;
  return { utf16, bytes };
}

/**
 * The `jieba` tokenizer: `params` is the tokenizer object (`{"type": "jieba", "dict": [...],
 * "mode": "exact"|"search", "hmm": bool}`, checked in that order), or undefined for the plain
 * `"jieba"` name (search mode, HMM, default dictionary). Token text is the text between the
 * token's offsets.
 * @throws MilvusError 2000 for a bad `dict`, `mode` or `hmm` (see the messages above).
 */
export function jiebaTokenizer(params?: Record<string, unknown>): Tokenizer {
  const words = params ? dictWords(params) : [];
  const mode = params ? cutMode(params) : 'search';
  const hmm = params ? useHmm(params) : true;
  const segment = jiebaSegmenter(words);
  return (text) => {
    if (text === '') return [];
    const { utf16, bytes } = codePointIndex(text);
    return segment(text, mode, hmm).map(
      (w): Token => ({
        text: text.slice(utf16[w.start], utf16[w.end]),
        startOffset: bytes[w.start]!,
        endOffset: bytes[w.end]!,
        position: w.start,
        positionLength: w.end - w.start,
      }),
    );
  };
}
