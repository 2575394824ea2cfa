/**
 * Bounds on what a filter expression may cost the server: how deeply it may nest, and how much
 * of it an error message echoes back.
 *
 * Nesting. Milvus 2.5 sets no limit (ANTLR and the plan visitor recurse on the goroutine stack
 * until Go's 1 GB stack runs out, which kills the process: milvus-io/milvus#53404); later
 * versions add a configurable `proxy.maxExpressionDepth` whose error mentions the "nesting depth"
 * (`plan_parser_depth_limit_test.go`). Here the parser and the compiled closures recurse on the JS
 * stack, a few frames per level, so the depth is bounded well inside what a default Node or browser
 * stack holds (the parser alone manages about 1,200 to 4,000 levels, depending on the construct):
 * deeper expressions are an 1100 parse error, never a stack overflow. Long flat chains (`a == 1 or a == 2 or …`, long lists, long JSON
 * paths) are not nesting and have no limit.
 *
 * Echoes. Milvus puts the whole expression, and pieces of it, into its error messages
 * (`cannot parse expression: <expr>, error: …`); here every piece of user text in a message is
 * clipped to {@link MAX_ECHO_LENGTH} characters plus `...`.
 *
 * Size. Milvus has no limit on the length of an expression other than the request size (the
 * gRPC receive limit), so neither is there one here: parsing and compiling are linear in it.
 *
 * @packageDocumentation
 */

/**
 * The deepest nesting accepted: the number of syntax-tree levels, each pair of parentheses, prefix
 * operator, list, call and binary operator counting one (`((a > 1))` is 4 deep).
 */
export const MAX_NESTING_DEPTH = 500;

/** The detail of the error for an expression nested deeper than {@link MAX_NESTING_DEPTH}. */
export const NESTING_TOO_DEEP = `expression nesting depth exceeds the limit of ${MAX_NESTING_DEPTH}`;

/** How many characters of user text an error message repeats. */
export const MAX_ECHO_LENGTH = 256;

/**
 * User text as an error message repeats it: unchanged up to {@link MAX_ECHO_LENGTH} characters,
 * else its first {@link MAX_ECHO_LENGTH} (never half a surrogate pair) followed by `...`.
 */
export function clip(text: string): string {
  if (text.length <= MAX_ECHO_LENGTH) return text;
  const high = text.charCodeAt(MAX_ECHO_LENGTH - 1);
  const cut = high >= 0xd800 && high <= 0xdbff ? MAX_ECHO_LENGTH - 1 : MAX_ECHO_LENGTH;
  return `${text.slice(0, cut)}...`;
}
