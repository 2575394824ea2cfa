/**
 * Milvus boolean filter expressions: `parseFilter(text, schema, params?)` → a compiled
 * {@link Filter} whose `evaluate(row)` tells whether a row matches.
 *
 * Parsing uses the peggy parser generated from `filter.peggy` (`gen/parser.ts`, regenerated with
 * `pnpm --filter @mvkit/server gen:expr`; a test fails when it is stale). The schema pass and the
 * row semantics are in `compile.ts`.
 *
 * How Milvus 2.5 reports a bad filter (milvus-io/milvus, checked in the upstream source):
 * - `internal/parser/planparserv2/plan_parser_v2.go` (`ParseExpr` / `parseExprInner`): any parse or
 *   visitor error becomes `cannot parse expression: <expr>, error: <detail>`; a well-formed
 *   expression that is not a predicate becomes `predicate is not a boolean expression: <expr>,
 *   data type: <type>` (no `cannot parse` prefix); empty / blank text means "match everything".
 * - `internal/proxy/task_query.go` (`createPlan`) and `task_search.go` wrap it as
 *   `merr.WrapErrParameterInvalidMsg("failed to create query plan: %v", err)` (query also with
 *   `WrapErrAsInputError`). `WrapErrParameterInvalidMsg` is `errors.Wrapf(ErrParameterInvalid, …)`
 *   (`pkg/util/merr/utils.go`), so the reason ends with `: invalid parameter`; the status carries
 *   code 1100 (`ErrParameterInvalid`, `pkg/util/merr/errors.go`) and legacy error_code
 *   `IllegalArgument` (`merr.oldCode`). Observed on a live 2.4 server (milvus-sdk-go issue #777):
 *   `code=1100, message=failed to create query plan: cannot parse expression: field in [1, 2],
 *   error: field field not exist: invalid parameter`.
 * - Syntax errors come from the ANTLR error listener (`error_listener.go`) as
 *   `line 1:<col> <antlr message>`; ours keep that shape (`line 1:<col> mismatched input '<tok>'
 *   expecting <what>`), the wording after the position is peggy's, not ANTLR's.
 * - Semantic messages (`field x not exist`, `comparisons between VarChar and Int64 are not
 *   supported`, `cannot cast value to Int64, value: float_val:1.5`, …) are copied from
 *   `parser_visitor.go`, `utils.go` and `typeutil/schema.go`.
 *
 * Bounds (see `limits.ts`): an expression nested deeper than `MAX_NESTING_DEPTH` is a parse error
 * (`expression nesting depth exceeds the limit of …`) instead of a stack overflow, and error
 * messages clip the user text they repeat to 256 characters plus `...` (upstream repeats it all).
 * Parsing, compiling and each row's evaluation are linear in the size of the expression.
 *
 * Row semantics worth knowing (segcore, `internal/core/src/exec/expression/`): a comparison on a
 * missing JSON / dynamic key, or on a JSON value of another type, is false, except `!=` which is
 * true; `not` is a plain negation, so `not (k == 1)` matches rows without `k`; a null in a nullable
 * field makes predicates on it false, also under `not`.
 *
 * @packageDocumentation
 */
import { Merr, MilvusError } from '@mvkit/core';
import type { RawExpr } from './ast.js';
import { Compiler, ExprError, PlanError, type FilterParam, type FilterRow, type FilterSchema } from './compile.js';
import type { PackedValueSet, ValueSet } from './membership.js';
import { parse, type PeggySyntaxError } from './gen/parser.js';
import { clip, NESTING_TOO_DEEP } from './limits.js';
import { SegcoreError } from './segcore-error.js';
import { fieldValuesOf, keyTermsOf, type KeyTerms } from './key-terms.js';

export type { FilterField, FilterParam, FilterRow, FilterSchema } from './compile.js';
export type { Const as FilterConst } from './values.js';
export type { PackedValueSet } from './membership.js';
export type { RawExpr } from './ast.js';
export type { KeyTerms } from './key-terms.js';

/** A parsed and compiled filter expression. */
export interface Filter {
  /** The expression as given. */
  readonly text: string;
  /** Whether a row matches (unknown, e.g. a null field, counts as no match). */
  evaluate(row: FilterRow): boolean;
  /** Top-level fields the expression reads, in first-use order; `$meta` for dynamic keys. */
  readonly fields: string[];
  /** With {@link ParseFilterOptions.primaryKey}: the keys, when the filter is exactly `pk in [...]` or `pk == v` ({@link keyTermsOf}). */
  readonly keyTerms?: KeyTerms;
  /** With {@link ParseFilterOptions.partitionKey}: the partition-key values a matching row can hold, when the filter says ({@link fieldValuesOf}). */
  readonly partitionKeys?: (bigint | string)[];
}

/** Options of {@link parseFilter}. */
export interface ParseFilterOptions {
  /**
   * The reason prefix, `failed to create query plan` by default (query and search). Delete uses
   * `failed to create expr plan, expr = <expr>`-style wording upstream; pass what the caller needs.
   */
  readonly reasonPrefix?: string;
  /** The primary-key field's name: the filter then reports its {@link Filter.keyTerms}. */
  readonly primaryKey?: string;
  /** The partition-key field's name: the filter then reports its {@link Filter.partitionKeys}. */
  readonly partitionKey?: string;
}

const MATCH_ALL: Omit<Filter, 'text'> = { evaluate: () => true, fields: [] };

/**
 * Parses a Milvus boolean expression against a schema and compiles it.
 *
 * @param text - the filter (`expr`) as sent; empty or blank matches every row.
 * @param schema - the collection's fields and whether the dynamic field is enabled.
 * @param params - values of `{name}` template variables (`expr_template_values`), see {@link FilterParam};
 *   a value of another type is reported as a plan error.
 * @param prepared - what {@link prepareFilter} gave for the same text, schema and params (in a
 *   worker thread): the tree is compiled without parsing again, long lists not read again.
 * @throws MilvusError code 1100 (`IllegalArgument`), reason
 *   `failed to create query plan: cannot parse expression: <text>, error: <detail>: invalid parameter`
 *   (`<text>` clipped to 256 characters plus `...`); `detail` carries the part after
 *   `failed to create query plan: `. Errors Milvus raises in segcore keep segcore's code and
 *   message (`segcore-error.ts`): a call of no registered function is 2028 `function
 *   <name>(<types>) not found. `, a phrase match on a field without `enable_match` 2042 `text
 *   index not found for field <id>`.
 */
export function parseFilter(
  text: string,
  schema: FilterSchema,
  params?: Readonly<Record<string, FilterParam | unknown>>,
  options: ParseFilterOptions = {},
  prepared?: PreparedFilter,
): Filter {
  if (text.trim().length === 0) return { text, ...MATCH_ALL };
  return reported(text, options, () => {
    const compiler = new Compiler(schema, params, prepared ? { prebuilt: prepared.sets } : {});
    const tree = prepared?.tree ?? parseTree(text);
    const ev = compiler.compileTop(tree, text);
    const keyTerms = options.primaryKey === undefined ? undefined : keyTermsOf(tree, options.primaryKey, params, prepared?.sets);
    const partitionKeys = options.partitionKey === undefined ? undefined : fieldValuesOf(tree, options.partitionKey, params, prepared?.sets);
    return { text, evaluate: (row) => ev(row) === true, fields: [...compiler.fields], ...(keyTerms ? { keyTerms } : {}), ...(partitionKeys ? { partitionKeys } : {}) };
  });
}

/**
 * A filter parsed, type-checked and compiled once, in a form that crosses to another thread
 * cheaply and compiles there again in a moment ({@link parseFilter}'s `prepared`): the syntax tree,
 * with each literal `in` list of {@link PACK_MIN_ITEMS} values or more replaced by the value set it
 * built ({@link PackedValueSet}), and node texts longer than {@link PREPARED_TEXT_LENGTH} cut to it
 * (they serve error messages only, which show 256 characters; and a prepared filter compiles
 * without errors, as it did the first time).
 */
export interface PreparedFilter {
  readonly tree: RawExpr;
  readonly sets: PackedValueSet[];
}

/** Literal `in` lists from this many values on are packed by {@link prepareFilter}. */
export const PACK_MIN_ITEMS = 256;

/** Longest node text a {@link PreparedFilter} keeps. */
export const PREPARED_TEXT_LENGTH = 64 * 1024;

/**
 * Does {@link parseFilter}'s parsing and checking (for a worker thread) and returns what lets
 * another thread compile the same filter without doing it again; `undefined` for a blank filter.
 * @throws MilvusError 1100, as {@link parseFilter}.
 */
export function prepareFilter(
  text: string,
  schema: FilterSchema,
  params?: Readonly<Record<string, FilterParam | unknown>>,
  options: ParseFilterOptions = {},
): PreparedFilter | undefined {
  if (text.trim().length === 0) return undefined;
  return reported(text, options, () => {
    const tree = parseTree(text);
    const sets: PackedValueSet[] = [];
    const built = (list: Extract<RawExpr, { k: 'array' }>, set: ValueSet) => {
      if (list.items.length < PACK_MIN_ITEMS) return;
      list.packed = sets.push(set.pack()) - 1;
      list.packedItems = list.items.length;
      list.items = [];
    };
    new Compiler(schema, params, { built }).compileTop(tree, text);
    cutTexts(tree);
    return { tree, sets };
  });
}

/** Cuts every node text of `tree` longer than {@link PREPARED_TEXT_LENGTH} (iteratively: trees nest up to the parser's limit). */
function cutTexts(tree: RawExpr): void {
  const stack: unknown[] = [tree];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) stack.push(...node);
    else {
      const n = node as { t?: unknown };
      if (typeof n.t === 'string' && n.t.length > PREPARED_TEXT_LENGTH) n.t = n.t.slice(0, PREPARED_TEXT_LENGTH);
      for (const v of Object.values(node)) if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
}

/**
 * Runs a parse or compile of `text`, turning its own errors (segcore's, the planner's, the
 * compiler's and the parser's) into Milvus's errors; any other error (a fault of the runtime or a
 * bug) is rethrown as it is, never disguised as a bad expression.
 */
function reported<T>(text: string, options: ParseFilterOptions, work: () => T): T {
  let inner: string;
  try {
    return work();
  } catch (err) {
    if (err instanceof SegcoreError) throw new MilvusError(err.message, { code: err.code });
    if (err instanceof PlanError) inner = err.message;
    else if (err instanceof ExprError || isPeggyError(err)) inner = `cannot parse expression: ${clip(text)}, error: ${detailOf(err, text)}`;
    else throw err;
  }
  const prefix = options.reasonPrefix ?? 'failed to create query plan';
  return throwInvalid(`${prefix}: ${inner}: ${Merr.ParameterInvalid.message}`, inner);
}

/**
 * The syntax tree of an expression. The parser recurses a few frames per nesting level, so running
 * out of stack means an expression nested far beyond `MAX_NESTING_DEPTH`: reported as such.
 */
function parseTree(text: string): RawExpr {
  try {
    return parse(text);
  } catch (err) {
    if (isStackOverflow(err)) throw new ExprError(NESTING_TOO_DEEP);
    throw err;
  }
}

/**
 * Whether an error is the JS stack running out: a RangeError, or (V8, when a regular expression
 * is first compiled at that point) a SyntaxError saying so; Firefox says "too much recursion".
 */
function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError || (err instanceof Error && /call stack|too much recursion/i.test(err.message));
}

function throwInvalid(reason: string, detail: string): never {
  throw MilvusError.of(Merr.ParameterInvalid, reason, { detail });
}

function isPeggyError(err: unknown): err is PeggySyntaxError {
  return err instanceof Error && err.name === 'SyntaxError' && 'location' in err && 'expected' in err;
}

function detailOf(err: ExprError | PeggySyntaxError, text: string): string {
  return err instanceof ExprError ? err.message : syntaxMessage(err, text);
}

/** `line 1:<col> mismatched input '<token>' expecting <...>`, columns 0-based as in ANTLR. */
function syntaxMessage(err: PeggySyntaxError, text: string): string {
  const { line, column, offset } = err.location.start;
  const rest = text.slice(offset);
  const token = rest.length === 0 ? '<EOF>' : (/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|\S)/.exec(rest)?.[0] ?? rest[0]!);
  const expected = [...new Set((err.expected ?? []).flatMap((e) => {
    if (e.type === 'literal') return [`'${e.text ?? ''}'`];
    if (e.type === 'end') return ['<EOF>'];
    if (e.type === 'class' && !e.inverted && Array.isArray(e.parts)) {
      return e.parts.map((p) => (Array.isArray(p) ? `'${String(p[0])}'..'${String(p[1])}'` : `'${String(p)}'`));
    }
    return [e.description ?? e.type];
  }).filter((d) => d !== 'whitespace'))];
  const expecting = expected.length === 0 ? '' : ` expecting ${expected.length === 1 ? expected[0] : `{${expected.join(', ')}}`}`;
  return `line ${line}:${column - 1} mismatched input '${clip(token)}'${expecting}`;
}
