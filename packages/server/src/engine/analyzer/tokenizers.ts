/**
 * The tokenizers of Milvus 2.5's `analyzer_params` (`tokenizers/tokenizer.rs`): `standard`
 * (tantivy's `SimpleTokenizer`), `whitespace` (tantivy's `WhitespaceTokenizer`) and `jieba` (see
 * `jieba.ts`). `lindera` is refused as an unknown tokenizer.
 *
 * @packageDocumentation
 */
import { jiebaTokenizer } from './jieba.js';
import { analyzerError, type Token } from './token.js';

/** A tokenizer: text in, tokens with byte offsets and positions out. */
export type Tokenizer = (text: string) => Token[];

/** The UTF-8 length of one code point. */
function utf8Width(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Splits `text` into maximal runs of code points for which `inToken` holds, with UTF-8 byte
 * offsets and consecutive positions from 0.
 */
function runsOf(text: string, inToken: (ch: string) => boolean): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  let start = -1;
  let chars: string[] = [];
  const close = () => {
    if (start >= 0) tokens.push({ text: chars.join(''), startOffset: start, endOffset: offset, position: tokens.length, positionLength: 1 });
    start = -1;
    chars = [];
  };
  for (const ch of text) {
    if (inToken(ch)) {
      if (start < 0) start = offset;
      chars.push(ch);
    } else {
      close();
    }
    offset += utf8Width(ch.codePointAt(0)!);
  }
  close();
  return tokens;
}

const ALPHANUMERIC = /^[\p{Alphabetic}\p{N}]$/u;
const ASCII_WHITESPACE = /^[ \t\n\f\r]$/;

/** `standard`: runs of alphanumeric code points (Rust's `char::is_alphanumeric`: Alphabetic or N*). */
export const standardTokenizer: Tokenizer = (text) => runsOf(text, (ch) => ALPHANUMERIC.test(ch));

/** `whitespace`: runs of code points other than ASCII whitespace (Rust's `char::is_ascii_whitespace`). */
export const whitespaceTokenizer: Tokenizer = (text) => runsOf(text, (ch) => !ASCII_WHITESPACE.test(ch));

/**
 * The tokenizer of an analyzer's `tokenizer` value: a name, or an object with a `type`
 * (`get_builder_with_tokenizer`).
 * @throws MilvusError 2000 `tokenizer type should be string`, `costum tokenizer must set type`,
 *   `unsupported tokenizer: <name>` (lindera included: not served), and jieba's parameter errors
 *   for a `{"type": "jieba", ...}` object.
 */
export function tokenizerOf(value: unknown): Tokenizer {
  let name: string;
  let params: Record<string, unknown> | undefined;
  if (typeof value === 'string') {
    name = value;
  } else {
    params = value as Record<string, unknown>;
    const type = params.type;
    if (type === undefined) throw analyzerError('costum tokenizer must set type');
    if (typeof type !== 'string') throw analyzerError('tokenizer type should be string');
    name = type;
  }
  switch (name) {
    case 'standard':
      return standardTokenizer;
    case 'whitespace':
      return whitespaceTokenizer;
    case 'jieba':
      return jiebaTokenizer(params);
    default:
      throw analyzerError(`unsupported tokenizer: ${name}`);
  }
}
