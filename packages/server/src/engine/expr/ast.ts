/**
 * The syntax tree the generated filter parser builds (see `filter.peggy`). It records what was
 * written, not what it means: field lookup, typing and folding happen in `compile.ts`.
 * Every node carries `t`, its source text: from its first character to its last, blanks inside
 * included (what ANTLR's `GetText()` gives for the node, before blanks are dropped).
 *
 * @packageDocumentation
 */

/** A string literal: the text between the quotes, escapes still encoded. */
export interface RawString {
  k: 'string';
  raw: string;
  quote: '"' | "'";
  t: string;
}

/** One `[...]` step of a JSON path or array index. */
export interface RawKey {
  /** `true` for `["key"]`, `false` for `[3]`. */
  quoted: boolean;
  /** The key text (escapes still encoded) or the decimal index. */
  raw: string;
  quote: '"' | "'" | null;
}

/** `name`, `$meta`, `name["a"][0]`. */
export interface RawIdent {
  k: 'ident';
  name: string;
  keys: RawKey[];
  t: string;
}

/** Binary operators other than `and` / `or` (those make {@link RawExpr} `logical` chains). */
export type RawBinaryOp =
  | '|' | '^' | '&' | '==' | '!=' | '<' | '<=' | '>' | '>='
  | '<<' | '>>' | '+' | '-' | '*' | '/' | '%' | '**';

/** The `*_contains*` functions (upper-case spellings folded to lower case). */
export type RawContainsFn =
  | 'json_contains' | 'json_contains_all' | 'json_contains_any'
  | 'array_contains' | 'array_contains_all' | 'array_contains_any';

/** Any node of the syntax tree. */
export type RawExpr =
  | { k: 'int'; t: string }
  | { k: 'float'; hex: boolean; t: string }
  | { k: 'bool'; v: boolean; t: string }
  | RawString
  | RawIdent
  | { k: 'template'; name: string; t: string }
  /**
   * `[a, b, …]`. `packed` is set (and `items` emptied) by `prepareFilter` on a long literal `in`
   * list whose value set it built: the index of that set in the prepared filter; `packedItems`
   * is how many items the list had (repeats included).
   */
  | { k: 'array'; items: RawExpr[]; packed?: number; packedItems?: number; t: string }
  | { k: 'paren'; e: RawExpr; t: string }
  | { k: 'unary'; op: '+' | '-' | '~' | 'not'; e: RawExpr; t: string }
  | { k: 'exists'; e: RawExpr; t: string }
  | { k: 'like'; e: RawExpr; pattern: RawString; t: string }
  | { k: 'bin'; op: RawBinaryOp; l: RawExpr; r: RawExpr; t: string }
  /** `a and b and c` (`&&` too) or `a or b or c` (`||` too): one node for the whole chain, in order. */
  | { k: 'logical'; op: 'and' | 'or'; items: RawExpr[]; t: string }
  | { k: 'in'; not: boolean; l: RawExpr; r: RawExpr; t: string }
  | { k: 'range'; lo: RawExpr; op1: '<' | '<=' | '>' | '>='; id: RawIdent; op2: '<' | '<=' | '>' | '>='; hi: RawExpr; t: string }
  | { k: 'call'; fn: RawContainsFn; args: [RawExpr, RawExpr]; t: string }
  | { k: 'array_length'; id: RawIdent; t: string }
  /** A generic call `name(args…)`: any non-keyword identifier, resolved in the schema pass (`functions.ts`). */
  | { k: 'fcall'; name: string; args: RawExpr[]; t: string }
  | { k: 'isnull'; not: boolean; id: RawIdent; t: string }
  | { k: 'text_match'; id: RawIdent; query: RawString; t: string }
  | { k: 'phrase_match'; id: RawIdent; query: RawString; slop: RawExpr | null; t: string };
