/**
 * Errors Milvus raises in segcore (the C++ core) while it builds or runs a filter's plan, rather
 * than in the proxy's parser: they reach the client with segcore's own error code
 * (`common/EasyAssert.h`, passed through by `merr.SegcoreError`) and message, not as the parser's
 * 1100 `failed to create query plan: …`.
 *
 * @packageDocumentation
 */

/** Segcore's `ErrorCode::ExprInvalid`: a plan segcore cannot build (e.g. an unknown function). */
export const SEGCORE_EXPR_INVALID = 2028;
/** Segcore's `ErrorCode::TextIndexNotFound`: a text or phrase match on a field without a text index. */
export const SEGCORE_TEXT_INDEX_NOT_FOUND = 2042;

/** A segcore error: reported as MilvusError `code` with this message as the reason. */
export class SegcoreError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}
