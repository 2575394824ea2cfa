import type { BaseRequest, ResStatus } from './operations.js';

/**
 * Request and result shapes of `runAnalyzer` (RunAnalyzer), as the official Node SDK names them
 * (`types/Client.d.ts`).
 */

/**
 * `runAnalyzer` request: the texts and either `analyzer_params` (an object, sent as JSON; absent:
 * the standard analyzer) or the analyzer of VarChar field `field_name` of `collection_name`.
 * `with_detail` adds offsets and positions, `with_hash` each token's BM25 term ID.
 */
export interface RunAnalyzerRequest extends BaseRequest {
  text: string | string[];
  analyzer_params?: Record<string, unknown>;
  with_detail?: boolean;
  with_hash?: boolean;
  collection_name?: string;
  field_name?: string;
  /** Analyzer names of a multi-analyzer field. */
  analyzer_names?: string[];
}

/** One token: offsets in UTF-8 bytes of the text; offsets and positions are 0 without `with_detail`, `hash` 0 without `with_hash`. */
export interface AnalyzerToken {
  token: string;
  start_offset: number;
  end_offset: number;
  position: number;
  position_length: number;
  hash: number;
}

/** The tokens of one text. */
export interface AnalyzerResult {
  tokens: AnalyzerToken[];
}

/** `runAnalyzer` result: one {@link AnalyzerResult} per text, in order. */
export interface RunAnalyzerResponse {
  status: ResStatus;
  results: AnalyzerResult[];
}
