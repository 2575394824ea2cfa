/**
 * The `asciifolding` filter's character folding (tantivy's `AsciiFoldingFilter`, Lucene's
 * table), approximated: a code point folds to its canonical decomposition without combining
 * marks when that is ASCII, else to a small table of letters without a decomposition.
 *
 * @packageDocumentation
 */

/** Letters without a canonical decomposition that Lucene's table folds. */
const LETTERS: ReadonlyMap<string, string> = new Map(Object.entries({
  ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D',
  ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i', ŀ: 'l', Ŀ: 'L', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T',
}));

const MARKS = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** `text` with every foldable non-ASCII code point folded to ASCII; others are kept. */
export function foldToAscii(text: string): string {
  if (ASCII.test(text)) return text;
  let out = '';
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    const stripped = ch.normalize('NFD').replace(MARKS, '');
    out += stripped !== '' && ASCII.test(stripped) ? stripped : (LETTERS.get(ch) ?? ch);
  }
  return out;
}
