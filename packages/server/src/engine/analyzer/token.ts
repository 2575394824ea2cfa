/**
 * The token of Milvus 2.5's analyzers (tantivy's `Token`), and the error every analyzer
 * parameter check throws.
 *
 * @packageDocumentation
 */
import { MilvusError } from '@mvkit/core';

/** One token of an analyzed text (tantivy's `Token`). */
export interface Token {
  /** The token text after every filter. */
  text: string;
  /** UTF-8 byte offset of the token's first byte in the analyzed text, as Rust reports it. */
  startOffset: number;
  /** UTF-8 byte offset just past the token's last byte in the analyzed text. */
  endOffset: number;
  /**
   * Index of the token in the tokenizer's output (0-based); tokens removed by filters leave gaps.
   * For `jieba`: the token's first code point index in the text (search-mode tokens overlap).
   */
  position: number;
  /** Positions the token spans: 1, or for `jieba` the token's length in code points. */
  positionLength: number;
}

/** merr `ErrSegcore`: the code a failed analyzer build answers (the Rust error crosses segcore). */
export const ANALYZER_ERROR_CODE = 2000;

/**
 * The error of an invalid `analyzer_params`: MilvusError code 2000 whose reason is the Rust
 * binding's message (`unsupported tokenizer: x`, `filter params should be array`, …).
 */
export function analyzerError(message: string): MilvusError {
  return new MilvusError(message, { code: ANALYZER_ERROR_CODE });
}
