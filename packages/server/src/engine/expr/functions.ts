/**
 * Generic filter function calls, `name(arg, …)` (Plan.g4's `Call` alternative, 2.5): the parser
 * accepts any identifier followed by arguments (`VisitCall` lower-cases the name), and segcore
 * resolves the call by name and argument types against its `FunctionFactory`, which registers
 * `empty(VARCHAR)` and `starts_with(VARCHAR, VARCHAR)`. Any other signature fails in segcore's
 * `ProtoParser::ParseCallExprs` with `ExprInvalid` (2028) `function <name>(<types>) not found. `,
 * the types spelled as segcore's `GetDataTypeName` spells them (`int64_t`, `varChar`, `json`, …).
 *
 * The dedicated functions of the grammar (`json_contains*`, `array_contains*`, `array_length`,
 * `text_match`, `phrase_match`) are keywords, never calls.
 *
 * @packageDocumentation
 */
import { SEGCORE_EXPR_INVALID, SegcoreError } from './segcore-error.js';

/** Segcore's `GetDataTypeName`, by our type names (`'Int64'` → `int64_t`). */
const SEGCORE_TYPE_NAMES: Readonly<Record<string, string>> = {
  None: 'none',
  Bool: 'bool',
  Int8: 'int8_t',
  Int16: 'int16_t',
  Int32: 'int32_t',
  Int64: 'int64_t',
  Float: 'float',
  Double: 'double',
  String: 'string',
  VarChar: 'varChar',
  Array: 'array',
  JSON: 'json',
  FloatVector: 'vector_float',
  BinaryVector: 'vector_binary',
  Float16Vector: 'vector_float16',
  BFloat16Vector: 'vector_bfloat16',
  SparseFloatVector: 'vector_sparse_float',
  Int8Vector: 'vector_int8',
};

/** A registered function: its argument types and what it computes from the argument values. */
interface FilterFunction {
  readonly params: readonly string[];
  /** The result for argument values of the registered types (strings for VarChar). */
  readonly apply: (args: readonly unknown[]) => boolean;
}

/** Segcore's registry (`FunctionFactory::RegisterAllFunctions`), by name. */
const FUNCTIONS: ReadonlyMap<string, readonly FilterFunction[]> = new Map([
  ['empty', [{ params: ['VarChar'], apply: (a) => a[0] === '' }]],
  ['starts_with', [{ params: ['VarChar', 'VarChar'], apply: (a) => (a[0] as string).startsWith(a[1] as string) }]],
]);

/**
 * The registered function `name` (lower-cased) with exactly these argument types.
 * @throws SegcoreError 2028 `function <name>(<types>) not found. ` otherwise.
 */
export function resolveFunction(name: string, argTypes: readonly string[]): FilterFunction['apply'] {
  const lower = name.toLowerCase();
  const found = FUNCTIONS.get(lower)?.find((f) => f.params.length === argTypes.length && f.params.every((p, i) => p === argTypes[i]));
  if (!found) {
    const types = argTypes.map((t) => SEGCORE_TYPE_NAMES[t] ?? t.toLowerCase()).join(', ');
    throw new SegcoreError(`function ${lower}(${types}) not found. `, SEGCORE_EXPR_INVALID);
  }
  return found.apply;
}
