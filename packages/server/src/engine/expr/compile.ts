/**
 * The schema pass over a parsed filter: resolves names (schema fields, the dynamic `$meta` keys),
 * types every node as Milvus's `ParserVisitor` does (`internal/parser/planparserv2/parser_visitor.go`,
 * `utils.go`, `operators.go`), folds constants, fills `{template}` values, reports the same
 * semantic errors, and compiles what remains into closures over a row.
 *
 * Row semantics follow segcore: a comparison on a missing JSON key / dynamic key or on a JSON value
 * of another type is false, except `!=` which is true (`UnaryRangeJSONCompareNotEqual` in
 * `internal/core/src/exec/expression/UnaryExpr.cpp`); `not` is a plain negation, so
 * `not (j["k"] == 1)` matches rows without `k`. A null value of a nullable field makes every
 * predicate on it unknown (false), including under `not` (segcore ANDs `not` with the validity
 * bitmap); `and`/`or` combine unknowns as SQL does. An array index past the end is false for
 * every operator.
 *
 * @packageDocumentation
 */
import type { DataTypeName } from '@mvkit/core';
import type { RawBinaryOp, RawExpr, RawIdent, RawString } from './ast.js';
import { resolveFunction } from './functions.js';
import { SEGCORE_TEXT_INDEX_NOT_FOUND, SegcoreError } from './segcore-error.js';
import { likeMatcher } from './like.js';
import { anyTokenIn, matchAnalyzer, phraseMatches, phraseTerms, rowTokensOf, type RowText } from './text-match.js';
import { clip, MAX_ECHO_LENGTH, MAX_NESTING_DEPTH, NESTING_TOO_DEEP } from './limits.js';
import { ValueSet, type PackedValueSet } from './membership.js';
import {
  applyCmp, arrayElementType, cmpNum, cmpValueConst, cmpValues, constText, constType, isNum,
  MISSING, NULL, reverseCmp, wrap64, type CmpOp, type Const,
} from './values.js';

/** One field of the collection schema, as the filter needs it. */
export interface FilterField {
  /** Field name. */
  name: string;
  /** Data type by name (`'Int64'`, `'VarChar'`, `'JSON'`, `'Array'`, `'FloatVector'`, …). */
  type: DataTypeName;
  /** Element type of an `Array` field. */
  elementType?: DataTypeName;
  /** Whether the field is nullable (a null makes predicates on it unknown, i.e. false). */
  nullable?: boolean;
  /** Whether `text_match` / `phrase_match` may be used on this VarChar field (`enable_match`). */
  enableMatch?: boolean;
  /** The field's `analyzer_params` text (empty or absent: the standard analyzer); read with {@link enableMatch}. */
  analyzerParams?: string;
  /** The field ID, as Milvus's messages print it (`field 101 does not enable text match`). */
  id?: number;
}

/** The collection schema a filter is parsed against. */
export interface FilterSchema {
  /** The fields; a JSON field named `$meta` (the dynamic field itself) may be listed or not. */
  fields: readonly FilterField[];
  /** Whether the dynamic field is enabled: unknown names then read `$meta[name]`. */
  dynamic: boolean;
  /** The ID of the dynamic field `$meta`, when enabled (for messages naming it by ID). */
  metaFieldID?: number;
}

/**
 * A value for a `{name}` template variable (`expr_template_values`): JS numbers that are integers
 * are int64, other numbers double; bigint int64; or a tagged constant to force a type.
 */
export type FilterParam = boolean | number | bigint | string | readonly FilterParam[] | Const;

/** A row: field values by name, plus `$meta` with the dynamic keys. */
export type FilterRow = Readonly<Record<string, unknown>>;

/** A semantic error: reported as `cannot parse expression: <expr>, error: <message>`. */
export class ExprError extends Error {}

/** Segcore's names of the vector types (`milvus::DataType`), as its errors print them. */
const SEGCORE_VECTOR_TYPES: Readonly<Record<string, string>> = {
  FloatVector: 'VECTOR_FLOAT',
  BinaryVector: 'VECTOR_BINARY',
  Float16Vector: 'VECTOR_FLOAT16',
  BFloat16Vector: 'VECTOR_BFLOAT16',
  SparseFloatVector: 'VECTOR_SPARSE_FLOAT',
  Int8Vector: 'VECTOR_INT8',
};
/** A plan error reported without the `cannot parse expression` wrapper (as upstream). */
export class PlanError extends Error {}

type Tri = boolean | null;
type Ev = (row: FilterRow) => Tri;

interface Col {
  /** Top-level field read (`$meta` for dynamic keys). */
  field: string;
  /** Data type name of the field (`JSON` for dynamic keys). */
  type: string;
  elementType: string;
  path: string[];
  nullable: boolean;
  get: (row: FilterRow) => unknown;
}

type ArithOp = '+' | '-' | '*' | '/' | '%' | 'array_length';

type Sem =
  | { kind: 'const'; c: Const; template: string | null; text: string }
  | { kind: 'col'; col: Col; text: string }
  | { kind: 'arith'; op: ArithOp; l: Sem; r: Sem | null; dataType: string; text: string }
  | { kind: 'pred'; ev: Ev; text: string };

const INTEGER_TYPES = new Set(['Int8', 'Int16', 'Int32', 'Int64']);
const FLOAT_TYPES = new Set(['Float', 'Double']);
const isInteger = (t: string): boolean => INTEGER_TYPES.has(t);
const isFloating = (t: string): boolean => FLOAT_TYPES.has(t);
const isArithmetic = (t: string): boolean => isInteger(t) || isFloating(t);
const isString = (t: string): boolean => t === 'VarChar' || t === 'String';
const isJSON = (t: string): boolean => t === 'JSON';
const isArray = (t: string): boolean => t === 'Array';

const ARITH_NAMES: Record<string, string> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'mod' };

/**
 * Removes blanks outside string literals: the text ANTLR's `GetText()` gives for a node.
 * @param max - stop once the result is longer than this (for error messages, see {@link shown}).
 */
export function compactText(text: string, max = Infinity): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length && out.length <= max; i++) {
    const ch = text[i]!;
    if (quote) {
      out += ch;
      if (ch === '\\' && i + 1 < text.length) out += text[++i]!;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      out += ch;
    } else if (!/\s/.test(ch)) {
      out += ch;
    }
  }
  return out;
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34 };
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decodes the body of a string literal as upstream does (`convertEscapeSingle` then Go's
 * `strconv.Unquote`): C escapes, `\ooo`, `\xhh`, `\uhhhh`, `\Uhhhhhhhh`; anything else is
 * `invalid syntax`. Escaped bytes that are not UTF-8 decode to U+FFFD. Linear in the literal:
 * the text between escapes is copied in one piece.
 */
export function decodeString(s: RawString): string {
  const raw = s.raw;
  let i = raw.indexOf('\\');
  if (i < 0) return raw;
  const chunks: Uint8Array[] = [utf8.encode(raw.slice(0, i))];
  const bytes: number[] = [];
  const flushBytes = (): void => {
    if (bytes.length > 0) chunks.push(Uint8Array.from(bytes));
    bytes.length = 0;
  };
  while (i >= 0) {
    const e = raw[++i];
    if (e === undefined) throw new ExprError('invalid syntax');
    const code = SIMPLE_ESCAPES[e];
    if (code !== undefined) {
      bytes.push(code);
    } else if (e >= '0' && e <= '7') {
      const oct = raw.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) throw new ExprError('invalid syntax');
      const v = parseInt(oct, 8);
      if (v > 255) throw new ExprError('invalid syntax');
      bytes.push(v);
      i += 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = raw.slice(i + 1, i + 1 + n);
      if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) throw new ExprError('invalid syntax');
      const v = parseInt(hex, 16);
      if (e === 'x') bytes.push(v);
      else {
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new ExprError('invalid syntax');
        flushBytes();
        chunks.push(utf8.encode(String.fromCodePoint(v)));
      }
      i += n;
    } else {
      throw new ExprError('invalid syntax');
    }
    const next = raw.indexOf('\\', i + 1);
    const text = raw.slice(i + 1, next < 0 ? raw.length : next);
    if (text !== '') {
      flushBytes();
      chunks.push(utf8.encode(text));
    }
    i = next;
  }
  flushBytes();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return fromUtf8.decode(out);
}

const INT64_MAX = 2n ** 63n - 1n;

/** Go's `strconv.ParseInt(text, 0, 64)` on an integer literal. */
export function parseIntLiteral(text: string): bigint {
  // BigInt reads decimal, 0x / 0X and 0b / 0B as Go does; a leading 0 alone means octal.
  const second = text.charCodeAt(1) | 0x20;
  const base = text.charCodeAt(0) !== 0x30 || text.length === 1 ? 10 : second === 0x78 ? 16 : second === 0x62 ? 2 : 8;
  const body = text.slice(base === 10 ? 0 : base === 8 ? 1 : 2);
  let zeros = 0;
  while (body.charCodeAt(zeros) === 0x30) zeros++;
  // More significant digits than int64 has is out of range, without converting them all.
  const v = body.length - zeros > MAX_DIGITS[base]! ? null : BigInt(base === 8 ? `0o${body}` : text);
  if (v === null || v > INT64_MAX) throw new ExprError(`strconv.ParseInt: parsing ${JSON.stringify(clip(text))}: value out of range`);
  return v;
}

/** Digits of 2^63 - 1 by base. */
const MAX_DIGITS: Readonly<Record<number, number>> = { 2: 63, 8: 21, 10: 19, 16: 16 };

/** Go's `strconv.ParseFloat(text, 64)` on a float literal (decimal or hex with a `p` exponent). */
function parseFloatLiteral(text: string, hex: boolean): number {
  let v: number;
  if (hex) {
    const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(text);
    const int = m?.[1] ?? '';
    const frac = m?.[2] ?? '';
    const mant = parseInt((int + frac) || '0', 16);
    v = mant * Math.pow(2, Number(m?.[3] ?? 0) - 4 * frac.length);
  } else {
    v = Number(text);
  }
  if (!Number.isFinite(v)) throw new ExprError(`strconv.ParseFloat: parsing ${JSON.stringify(clip(text))}: value out of range`);
  return v;
}

/** A template variable's value (`expr_template_values`) as a constant of the expression. */
export function paramToConst(name: string, p: unknown): Const {
  if (typeof p === 'boolean') return { t: 'bool', v: p };
  if (typeof p === 'bigint') return { t: 'int', v: p };
  if (typeof p === 'number') return Number.isInteger(p) && Math.abs(p) <= Number.MAX_SAFE_INTEGER ? { t: 'int', v: BigInt(p) } : { t: 'float', v: p };
  if (typeof p === 'string') return { t: 'str', v: p };
  if (Array.isArray(p)) return { t: 'arr', v: p.map((e) => paramToConst(name, e)) };
  if (p !== null && typeof p === 'object' && 't' in p && 'v' in p) return p as Const;
  throw new PlanError(`the value of expression template variable name {${clip(name)}} has an unsupported type`);
}

/** `castValue` of `utils.go`: the constant as the column's type wants it, or an error. */
function castValue(dataType: string, c: Const): Const {
  if (isJSON(dataType)) return c;
  if (isArray(dataType) && c.t === 'arr') return c;
  if (isString(dataType) && c.t === 'str') return c;
  if (dataType === 'Bool' && c.t === 'bool') return c;
  if (isFloating(dataType)) {
    if (c.t === 'float') return c;
    if (c.t === 'int') return { t: 'float', v: Number(c.v) };
  }
  if (isInteger(dataType) && c.t === 'int') return c;
  throw new ExprError(`cannot cast value to ${dataType}, value: ${shownConst(c)}`);
}

function canBeComparedDataType(left: string, right: string): boolean {
  if (left === 'Bool') return right === 'Bool' || isJSON(right);
  if (isArithmetic(left)) return isArithmetic(right) || isJSON(right);
  if (isString(left)) return isString(right) || isJSON(right);
  if (isJSON(left)) return true;
  return false;
}

function canArithmeticDataType(left: string, right: string): boolean {
  if (isInteger(left)) return isInteger(right) || isJSON(right);
  if (isFloating(left)) return isArithmetic(right) || isJSON(right);
  if (isJSON(left)) return isArithmetic(right);
  return false;
}

function canConvertToIntegerType(dataType: string, elementType: string): boolean {
  return isInteger(dataType) || isJSON(dataType) || (isArray(dataType) && isInteger(elementType));
}

function getTargetType(l: string, r: string): string {
  if (isJSON(l)) {
    if (isJSON(r)) return 'JSON';
    if (isFloating(r)) return 'Double';
    if (isInteger(r)) return 'Int64';
  }
  if (isFloating(l) && (isJSON(r) || isArithmetic(r))) return 'Double';
  if (isInteger(l)) {
    if (isFloating(r)) return 'Double';
    if (isInteger(r) || isJSON(r)) return 'Int64';
  }
  throw new ExprError(`incompatible data type, ${l}, ${r}`);
}

/** A piece of the expression as an error message shows it: blanks dropped, clipped. */
function shown(text: string): string {
  return clip(compactText(text, MAX_ECHO_LENGTH));
}

/** A constant as an error message shows it (Go's proto text), clipped. */
function shownConst(c: Const): string {
  return clip(constText(c, MAX_ECHO_LENGTH));
}

/** SQL `and` over predicates, left to right: false at the first false, else unknown if any is. */
function allOf(evs: readonly Ev[]): Ev {
  return (row) => {
    let out: Tri = true;
    for (const ev of evs) {
      const v = ev(row);
      if (v === false) return false;
      if (v === null) out = null;
    }
    return out;
  };
}

/** SQL `or` over predicates, left to right: true at the first true, else unknown if any is. */
function anyOf(evs: readonly Ev[]): Ev {
  return (row) => {
    let out: Tri = false;
    for (const ev of evs) {
      const v = ev(row);
      if (v === true) return true;
      if (v === null) out = null;
    }
    return out;
  };
}

/**
 * How a compile hands the value sets of literal `in` lists to, or takes them from, a compile of the
 * same expression in another thread (see `prepareFilter`).
 */
export interface ListSets {
  /** Sets built by the other compile, by the `packed` index of their list node. */
  readonly prebuilt?: readonly PackedValueSet[];
  /** Called with each literal `in` list whose values all cast, and the set built from it. */
  built?(list: Extract<RawExpr, { k: 'array' }>, set: ValueSet): void;
}

/** The schema pass and compiler for one expression. */
export class Compiler {
  /** Top-level fields the expression reads (`$meta` for dynamic keys). */
  readonly fields = new Set<string>();
  private readonly byName: Map<string, FilterField>;
  /** Nesting of {@link visit} calls: bounded by {@link MAX_NESTING_DEPTH}. */
  private depth = 0;

  constructor(
    private readonly schema: FilterSchema,
    private readonly params: Readonly<Record<string, unknown>> | undefined,
    private readonly lists: ListSets = {},
  ) {
    this.byName = new Map(schema.fields.map((f) => [f.name, f]));
  }

  /** Compiles the whole expression; `exprText` is the original text for the top-level error. */
  compileTop(raw: RawExpr, exprText: string): Ev {
    const sem = this.visit(raw);
    if (sem.kind !== 'pred') {
      throw new PlanError(`predicate is not a boolean expression: ${clip(exprText)}, data type: ${this.dataType(sem)}`);
    }
    return sem.ev;
  }

  // ---- typing helpers -------------------------------------------------------------------------

  private dataType(s: Sem): string {
    switch (s.kind) {
      case 'const': return constType(s.c);
      case 'col': return s.col.type;
      case 'arith': return s.dataType;
      case 'pred': return 'Bool';
    }
  }

  private elementType(s: Sem): string {
    if (s.kind === 'col') return s.col.elementType;
    if (s.kind === 'const') return arrayElementType(s.c);
    return 'None';
  }

  private typeText(s: Sem): string {
    const dt = this.dataType(s);
    return isArray(dt) ? `${dt}[${this.elementType(s)}]` : dt;
  }

  private checkDirectComparison(s: Sem): void {
    if (s.kind === 'col' && isArray(s.col.type) && s.col.path.length === 0) {
      throw new ExprError('can not comparisons array fields directly');
    }
  }

  private canBeCompared(l: Sem, r: Sem): boolean {
    const lt = this.dataType(l);
    const rt = this.dataType(r);
    if (!isArray(lt) && !isArray(rt)) return canBeComparedDataType(lt, rt);
    if (isArray(lt) && isArray(rt)) return canBeComparedDataType(this.elementType(l), this.elementType(r));
    if (isArray(lt)) return canBeComparedDataType(this.elementType(l), rt);
    return canBeComparedDataType(lt, this.elementType(r));
  }

  // ---- identifiers ----------------------------------------------------------------------------

  private dynamicRoot(): boolean {
    return this.schema.dynamic;
  }

  /** `GetFieldFromNameDefaultJSON`: a schema field, else the dynamic field, else an error. */
  private lookup(name: string): { field: FilterField | null; dynamicKey: boolean } {
    if (name === '$meta') {
      if (!this.dynamicRoot()) throw new ExprError('field $meta not exist');
      return { field: null, dynamicKey: false };
    }
    const f = this.byName.get(name);
    if (f && !(f.name === '$meta')) return { field: f, dynamicKey: false };
    if (!this.dynamicRoot()) throw new ExprError(`field ${clip(name)} not exist`);
    return { field: null, dynamicKey: true };
  }

  private makeCol(ident: RawIdent): Col {
    const { field, dynamicKey } = this.lookup(ident.name);
    const type = field ? field.type : 'JSON';
    if (ident.keys.length > 0 && type !== 'JSON' && type !== 'Array') {
      throw new ExprError(`${type} data type not supported accessed with []`);
    }
    const path: string[] = dynamicKey ? [ident.name] : [];
    for (const key of ident.keys) {
      if (key.quoted) {
        if (key.raw === '') throw new ExprError(`invalid identifier: ${shown(ident.t)}`);
        if (type === 'Array') throw new ExprError('can only access array field with integer index');
      }
      path.push(key.raw);
    }
    const fieldName = field ? field.name : '$meta';
    this.fields.add(fieldName);
    return {
      field: fieldName,
      type,
      elementType: field?.type === 'Array' ? field.elementType ?? 'None' : 'None',
      path,
      nullable: field?.nullable ?? false,
      get: makeGetter(fieldName, field === null, type, path),
    };
  }

  // ---- the visitor ----------------------------------------------------------------------------

  /** Visits a node, counting how deep the visit recursion (and so the compiled closures) nests. */
  private visit(e: RawExpr): Sem {
    this.enter();
    const sem = this.visitNode(e);
    this.depth--;
    return sem;
  }

  /** One level deeper (the caller steps back with `depth--`; after an error the compiler is dropped). */
  private enter(): void {
    if (++this.depth > MAX_NESTING_DEPTH) throw new ExprError(NESTING_TOO_DEEP);
  }

  /** The items of a `[…]` list in order, each of which must be a constant. */
  private eachListItem(items: readonly RawExpr[], each: (c: Const) => void): void {
    for (const item of items) {
      const s = this.visit(item);
      if (s.kind !== 'const') throw new ExprError(`array element type must be generic value, but got: ${shown(item.t)}`);
      each(s.c);
    }
  }

  private visitNode(e: RawExpr): Sem {
    const text = e.t;
    switch (e.k) {
      case 'paren':
        return this.visit(e.e);
      case 'int':
        return { kind: 'const', c: { t: 'int', v: parseIntLiteral(e.t) }, template: null, text };
      case 'float':
        return { kind: 'const', c: { t: 'float', v: parseFloatLiteral(e.t, e.hex) }, template: null, text };
      case 'bool':
        return { kind: 'const', c: { t: 'bool', v: e.v }, template: null, text };
      case 'string':
        return { kind: 'const', c: { t: 'str', v: decodeString(e) }, template: null, text };
      case 'template': {
        if (!this.params || !Object.hasOwn(this.params, e.name)) {
          throw new PlanError(`the value of expression template variable name {${clip(e.name)}} is not found`);
        }
        return { kind: 'const', c: paramToConst(e.name, this.params[e.name]), template: e.name, text };
      }
      case 'ident':
        return { kind: 'col', col: this.makeCol(e), text };
      case 'array': {
        const items: Const[] = [];
        this.eachListItem(e.items, (c) => items.push(c));
        return { kind: 'const', c: { t: 'arr', v: items }, template: null, text };
      }
      case 'unary':
        return this.visitUnary(e.op, this.visit(e.e), text);
      case 'bin':
        return this.visitBinary(e.op, e.l, e.r, text);
      case 'logical':
        return this.visitLogical(e.op, e.items, text);
      case 'in':
        return this.visitTerm(e.not, e.l, e.r);
      case 'range':
        return this.visitRange(e);
      case 'like':
        return this.visitLike(e.e, e.pattern, text);
      case 'exists':
        return this.visitExists(e.e);
      case 'call':
        return this.visitContains(e.fn, e.args[0], e.args[1], text);
      case 'array_length': {
        const col = this.makeCol(e.id);
        if (!isJSON(col.type) && !isArray(col.type)) {
          throw new ExprError(`array_length operation are only supported on json or array fields now, got: ${shown(text)}`);
        }
        return { kind: 'arith', op: 'array_length', l: { kind: 'col', col, text: e.id.t }, r: null, dataType: 'Int64', text };
      }
      case 'isnull':
        return this.visitIsNull(e.id, e.not, text);
      case 'text_match':
      case 'phrase_match':
        return this.visitMatch(e, text);
      case 'fcall':
        return this.visitCall(e.name, e.args, text);
    }
  }

  /**
   * A generic call (`VisitCall`, then segcore's function lookup): the arguments are visited in
   * order, then the call resolves by name and argument types ({@link resolveFunction}). Every
   * registered function takes VarChar arguments, so a resolved call reads string columns and
   * string constants only.
   */
  private visitCall(name: string, rawArgs: readonly RawExpr[], text: string): Sem {
    const args = rawArgs.map((a) => this.visit(a));
    const apply = resolveFunction(name, args.map((a) => this.dataType(a)));
    const getters = args.map((a): ((row: FilterRow) => unknown) => {
      if (a.kind === 'col') return a.col.get;
      const v = a.kind === 'const' ? a.c.v : undefined;
      return () => v;
    });
    const ev: Ev = (row) => {
      const values = getters.map((g) => g(row));
      if (values.includes(NULL)) return null;
      return values.every((v) => typeof v === 'string') && apply(values);
    };
    return { kind: 'pred', ev, text };
  }

  private visitUnary(op: '+' | '-' | '~' | 'not', child: Sem, text: string): Sem {
    if (child.kind === 'const') {
      const c = child.c;
      switch (op) {
        case '+': return child;
        case '-':
          if (c.t === 'int') return { kind: 'const', c: { t: 'int', v: wrap64(-c.v) }, template: null, text };
          if (c.t === 'float') return { kind: 'const', c: { t: 'float', v: -c.v }, template: null, text };
          throw new ExprError(`unexpected op: -`);
        case 'not':
          if (c.t !== 'bool') throw new ExprError('not can only apply on boolean');
          return { kind: 'const', c: { t: 'bool', v: !c.v }, template: null, text };
        default:
          throw new ExprError(`unexpected op: ${op}`);
      }
    }
    this.checkDirectComparison(child);
    switch (op) {
      case '+': return child;
      case 'not': {
        if (child.kind !== 'pred') throw new ExprError('not op can only be applied on boolean expression');
        const ev = child.ev;
        return { kind: 'pred', ev: (row) => { const v = ev(row); return v === null ? null : !v; }, text };
      }
      default:
        throw new ExprError(`unexpected op: ${op}`);
    }
  }

  private visitBinary(op: RawBinaryOp, le: RawExpr, re: RawExpr, text: string): Sem {
    switch (op) {
      case '|': throw new ExprError(`BitOr is not supported: ${shown(text)}`);
      case '^': throw new ExprError(`BitXor is not supported: ${shown(text)}`);
      case '&': throw new ExprError(`BitAnd is not supported: ${shown(text)}`);
      case '<<':
      case '>>': throw new ExprError(`shift is not supported: ${shown(text)}`);
    }
    const l = this.visit(le);
    const r = this.visit(re);
    switch (op) {
      case '**':
        if (l.kind === 'const' && r.kind === 'const') {
          if (!(l.c.t === 'int' || l.c.t === 'float') || !(r.c.t === 'int' || r.c.t === 'float')) throw new ExprError('power can only apply on numbers');
          return { kind: 'const', c: { t: 'float', v: Math.pow(Number(l.c.v), Number(r.c.v)) }, template: null, text };
        }
        throw new ExprError(`power can only apply on constants: ${shown(text)}`);
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
        return this.visitArith(op, l, r, text);
      default:
        return this.visitCompare(op as CmpOp, l, r, text);
    }
  }

  /**
   * `a and b and …` / `a or b or …`, left to right as upstream folds the chain: predicates make
   * one predicate over all of them (no nesting however long the chain), boolean constants fold,
   * anything else is an error.
   */
  private visitLogical(op: 'and' | 'or', items: readonly RawExpr[], text: string): Sem {
    const invalid = (): ExprError => new ExprError(`'${op}' can only be used between boolean expressions`);
    const first = this.visit(items[0]!);
    if (first.kind === 'pred') {
      const evs = [first.ev];
      for (let i = 1; i < items.length; i++) {
        const r = this.visit(items[i]!);
        if (r.kind !== 'pred') throw invalid();
        evs.push(r.ev);
      }
      return { kind: 'pred', ev: op === 'and' ? allOf(evs) : anyOf(evs), text };
    }
    let acc = first;
    for (let i = 1; i < items.length; i++) {
      const r = this.visit(items[i]!);
      if (acc.kind !== 'const' || r.kind !== 'const' || acc.c.t !== 'bool' || r.c.t !== 'bool') throw invalid();
      acc = { kind: 'const', c: { t: 'bool', v: op === 'and' ? acc.c.v && r.c.v : acc.c.v || r.c.v }, template: null, text };
    }
    return acc;
  }

  private foldArith(op: string, a: Const, b: Const, text: string): Sem {
    const name = ARITH_NAMES[op]!;
    const num = (c: Const): c is Extract<Const, { t: 'int' | 'float' }> => c.t === 'int' || c.t === 'float';
    if (!num(a) || !num(b)) throw new ExprError(`${name} can only apply on numbers`);
    const out = (c: Const): Sem => ({ kind: 'const', c, template: null, text });
    if (a.t === 'int' && b.t === 'int') {
      switch (op) {
        case '+': return out({ t: 'int', v: wrap64(a.v + b.v) });
        case '-': return out({ t: 'int', v: wrap64(a.v - b.v) });
        case '*': return out({ t: 'int', v: wrap64(a.v * b.v) });
        case '/':
          if (b.v === 0n) throw new ExprError('cannot divide by zero');
          return out({ t: 'int', v: wrap64(a.v / b.v) });
        default:
          if (b.v === 0n) throw new ExprError('cannot modulo by zero');
          return out({ t: 'int', v: a.v % b.v });
      }
    }
    if (op === '%') throw new ExprError('modulo can only apply on integer types');
    const x = Number(a.v);
    const y = Number(b.v);
    switch (op) {
      case '+': return out({ t: 'float', v: x + y });
      case '-': return out({ t: 'float', v: x - y });
      case '*': return out({ t: 'float', v: x * y });
      default:
        if (y === 0) throw new ExprError('cannot divide by zero');
        return out({ t: 'float', v: x / y });
    }
  }

  private visitArith(op: '+' | '-' | '*' | '/' | '%', l: Sem, r: Sem, text: string): Sem {
    if (l.kind === 'const' && r.kind === 'const') {
      if (l.template !== null || r.template !== null) throw new ExprError(`placeholder was not supported between two constants with operator: ${op}`);
      return this.foldArith(op, l.c, r.c, text);
    }
    this.checkDirectComparison(l);
    this.checkDirectComparison(r);
    const reverse = l.kind === 'const';
    let lt = this.dataType(l);
    let rt = this.dataType(r);
    if (isArray(lt)) lt = this.elementType(l);
    if (isArray(rt)) rt = this.elementType(r);
    const [a, b] = reverse ? [rt, lt] : [lt, rt];
    if (!canArithmeticDataType(a, b)) {
      throw new ExprError(`'${ARITH_NAMES[op]}' cannot perform arithmetic between ${a} field and ${b}`);
    }
    if (op === '%' && (!canConvertToIntegerType(this.dataType(l), this.elementType(l)) || !canConvertToIntegerType(this.dataType(r), this.elementType(r)))) {
      throw new ExprError('modulo can only apply on integer types');
    }
    const dataType = getTargetType(a, b);
    return { kind: 'arith', op, l, r, dataType, text };
  }

  private visitCompare(op: CmpOp, l: Sem, r: Sem, text: string): Sem {
    if (op !== '==' && op !== '!=') {
      // VisitRelational checks constants first, then array fields.
      if (!(l.kind === 'const' && r.kind === 'const')) {
        this.checkDirectComparison(l);
        this.checkDirectComparison(r);
      }
    }
    if (l.kind === 'const' && r.kind === 'const') {
      if (l.template !== null || r.template !== null) throw new ExprError(`placeholder was not supported between two constants with operator: ${op}`);
      const c = foldCompare(op, l.c, r.c);
      if (c === null) throw new ExprError(`comparison operations cannot be applied to two incompatible operands: ${shown(text)}`);
      return { kind: 'const', c: { t: 'bool', v: c }, template: null, text };
    }
    if (!this.canBeCompared(l, r)) {
      throw new ExprError(`comparisons between ${this.typeText(l)} and ${this.typeText(r)} are not supported`);
    }
    if (l.kind === 'const') return this.compareRightValue(reverseCmp(op), r, l.c, text);
    if (r.kind === 'const') return this.compareRightValue(op, l, r.c, text);
    return this.compareColumns(op, l, r, text);
  }

  private compareRightValue(op: CmpOp, left: Sem, value: Const, text: string): Sem {
    let dataType = this.dataType(left);
    if (left.kind === 'col' && isArray(dataType) && left.col.path.length > 0) dataType = left.col.elementType;
    const c = castValue(dataType, value);
    if (left.kind === 'arith') return this.compareArith(op, left, c, text);
    if (left.kind !== 'col') throw new ExprError('not supported to combine multiple fields');
    return { kind: 'pred', ev: compareColConst(left.col, op, c), text };
  }

  private compareArith(op: CmpOp, arith: Extract<Sem, { kind: 'arith' }>, value: Const, text: string): Sem {
    if (arith.op === 'array_length') {
      const col = (arith.l as Extract<Sem, { kind: 'col' }>).col;
      const get = col.get;
      const ev: Ev = (row) => {
        const v = get(row);
        if (v === NULL) return null;
        // A missing path, or a value that is not an array, has length 0 (segcore).
        return applyCmp(op, cmpNum(Array.isArray(v) ? v.length : 0, value.v as bigint | number));
      };
      return { kind: 'pred', ev, text };
    }
    const { l, r } = arith;
    const rr = r!;
    if (l.kind === 'col' && rr.kind === 'col') throw new ExprError('not supported to do arithmetic operations between multiple fields');
    let col: Col;
    let operand: Const;
    if (l.kind === 'col' && rr.kind === 'const') {
      col = l.col;
      operand = rr.c;
    } else if (rr.kind === 'col' && l.kind === 'const') {
      if (arith.op !== '+' && arith.op !== '*') throw new ExprError('module field is not yet supported');
      col = rr.col;
      operand = l.c;
    } else {
      throw new ExprError('complicated arithmetic operations are not supported');
    }
    operand = castValue(arith.dataType, operand);
    if ((arith.op === '/' || arith.op === '%') && (operand.t === 'int' || operand.t === 'float') && Number(operand.v) === 0) {
      throw new ExprError('division or modulus by zero');
    }
    return { kind: 'pred', ev: compareArithColConst(col, arith.op, operand, op, value), text };
  }

  private compareColumns(op: CmpOp, l: Sem, r: Sem, text: string): Sem {
    if (l.kind !== 'col' || r.kind !== 'col') throw new ExprError('only comparison between two fields is supported');
    if (isJSON(l.col.type) || isJSON(r.col.type)) throw new ExprError('two column comparison with JSON type is not supported');
    if ((isArray(l.col.type) && l.col.path.length === 0) || (isArray(r.col.type) && r.col.path.length === 0)) {
      throw new ExprError('can not comparisons array fields directly');
    }
    const ga = l.col.get;
    const gb = r.col.get;
    const fa = l.col.type === 'Float' || l.col.elementType === 'Float';
    const fb = r.col.type === 'Float' || r.col.elementType === 'Float';
    const ev: Ev = (row) => {
      let a = ga(row);
      let b = gb(row);
      if (a === NULL || b === NULL) return null;
      if (a === MISSING || b === MISSING) return false;
      if (fa && typeof a === 'number') a = Math.fround(a);
      if (fb && typeof b === 'number') b = Math.fround(b);
      const c = cmpValues(a, b);
      return c === undefined ? false : applyCmp(op, c);
    };
    return { kind: 'pred', ev, text };
  }

  private visitTerm(not: boolean, le: RawExpr, re: RawExpr): Sem {
    const child = this.visit(le);
    if (child.kind === 'const') throw new ExprError(`'term' can only be used on non-const expression, but got: ${shown(le.t)}`);
    if (child.kind !== 'col') throw new ExprError(`'term' can only be used on single field, but got: ${shown(le.t)}`);
    const col = child.col;
    const dataType = isArray(col.type) && col.path.length > 0 ? col.elementType : col.type;
    const float32 = col.type === 'Float' || (col.path.length > 0 && col.elementType === 'Float');
    const prebuilt = re.k === 'array' && re.packed !== undefined ? this.lists.prebuilt?.[re.packed] : undefined;
    if (prebuilt) return this.termPred(not, col, new ValueSet(prebuilt.float32, prebuilt), le.t);
    const set = new ValueSet(float32);
    // Every value is read before any cast is reported, as upstream builds the list first. A
    // literal list goes straight into the set, without a constant array in between.
    let castError: ExprError | null = null;
    const add = (c: Const): void => {
      let v: Const;
      try {
        v = castValue(dataType, c);
      } catch {
        castError ??= new ExprError(`value '${shownConst(c)}' in list cannot be casted to ${dataType}`);
        return;
      }
      set.add(v);
    };
    if (re.k === 'array') {
      this.enter();
      this.eachListItem(re.items, add);
      this.depth--;
      if (!castError) this.lists.built?.(re, set);
    } else {
      const term = this.visit(re);
      if (term.kind !== 'const') throw new ExprError(`value '${shown(re.t)}' in list cannot be a non-const expression`);
      if (term.c.t !== 'arr') throw new ExprError(`the right-hand side of 'in' must be a list, but got: ${shown(re.t)}`);
      term.c.v.forEach(add);
    }
    if (castError) throw castError;
    return this.termPred(not, col, set, le.t);
  }

  /** The predicate `col in set` (`not in` with `not`); unknown for a null. */
  private termPred(not: boolean, col: Col, set: ValueSet, text: string): Sem {
    const get = col.get;
    const inEv: Ev = (row) => {
      const x = get(row);
      if (x === NULL) return null;
      return x !== MISSING && set.has(x);
    };
    const ev: Ev = not ? (row) => { const v = inEv(row); return v === null ? null : !v; } : inEv;
    return { kind: 'pred', ev, text };
  }

  private visitRange(e: Extract<RawExpr, { k: 'range' }>): Sem {
    const col = this.makeCol(e.id);
    const colSem: Sem = { kind: 'col', col, text: e.id.t };
    this.checkDirectComparison(colSem);
    const forward = e.op1 === '<' || e.op1 === '<=';
    // Range: lo < x < hi. ReverseRange: hi > x > lo.
    const lowerRaw = forward ? e.lo : e.hi;
    const upperRaw = forward ? e.hi : e.lo;
    const lower = this.visit(lowerRaw);
    const upper = this.visit(upperRaw);
    if (lower.kind !== 'const') throw new ExprError(`lowerbound cannot be a non-const expression: ${shown(e.lo.t)}`);
    if (upper.kind !== 'const') throw new ExprError(`upperbound cannot be a non-const expression: ${shown(e.hi.t)}`);
    const fieldType = isArray(col.type) ? col.elementType : col.type;
    const lo = castRangeValue(fieldType, lower.c);
    const hi = castRangeValue(fieldType, upper.c);
    const loInc = forward ? e.op1 === '<=' : e.op2 === '>=';
    const hiInc = forward ? e.op2 === '<=' : e.op1 === '>=';
    if (lower.template === null && upper.template === null) {
      const ge = foldCompare(loInc && hiInc ? '>' : '>=', lo, hi);
      if (ge === true) throw new ExprError('invalid range: lowerbound is greater than upperbound');
    }
    const get = col.get;
    const float32 = fieldType === 'Float';
    const L = float32 && lo.t === 'float' ? { t: 'float' as const, v: Math.fround(lo.v) } : lo;
    const H = float32 && hi.t === 'float' ? { t: 'float' as const, v: Math.fround(hi.v) } : hi;
    const ev: Ev = (row) => {
      let x = get(row);
      if (x === NULL) return null;
      if (x === MISSING) return false;
      if (float32 && typeof x === 'number') x = Math.fround(x);
      const a = cmpValueConst(x, L);
      const b = cmpValueConst(x, H);
      if (a === undefined || b === undefined) return false;
      return (loInc ? a >= 0 : a > 0) && (hiInc ? b <= 0 : b < 0);
    };
    return { kind: 'pred', ev, text: e.t };
  }

  private visitLike(le: RawExpr, pattern: RawString, text: string): Sem {
    const left = this.visit(le);
    if (left.kind !== 'col') {
      if (left.kind === 'const') throw new ExprError('the left operand of like is invalid');
      throw new ExprError('like operation on complicated expr is unsupported');
    }
    this.checkDirectComparison(left);
    const col = left.col;
    if (!isString(col.type) && !isJSON(col.type) && !(isArray(col.type) && isString(col.elementType))) {
      throw new ExprError('like operation on non-string or no-json field is unsupported');
    }
    const matches = likeMatcher(decodeString(pattern));
    const get = col.get;
    const ev: Ev = (row) => {
      const x = get(row);
      if (x === NULL) return null;
      return typeof x === 'string' && matches(x);
    };
    return { kind: 'pred', ev, text };
  }

  private visitExists(ce: RawExpr): Sem {
    const child = this.visit(ce);
    if (child.kind !== 'col') throw new ExprError(`exists operations are only supported on single fields now, got: ${shown(ce.t)}`);
    if (!isJSON(child.col.type)) throw new ExprError(`exists operations are only supportted on json field, got:${child.col.type}`);
    if (child.col.path.length === 0) throw new ExprError('exists operations are only supportted on json key');
    const get = child.col.get;
    const ev: Ev = (row) => {
      const x = get(row);
      return x === NULL ? null : x !== MISSING;
    };
    return { kind: 'pred', ev, text: ce.t };
  }

  private visitIsNull(id: RawIdent, not: boolean, text: string): Sem {
    const col = this.makeCol(id);
    const get = col.get;
    // Segcore's null check takes neither vectors nor array elements.
    const vector = SEGCORE_VECTOR_TYPES[col.type];
    if (vector) throw new ExprError(`unsupported data type: ${vector}`);
    if (isArray(col.type) && col.path.length > 0) throw new ExprError('unsupported data type: ARRAY');
    if (col.path.length > 0) {
      // json["a"] is null → not exists json["a"] (a key holding JSON null does not exist); is not null → exists.
      const exists: Ev = (row) => { const x = get(row); return x !== NULL && x !== MISSING && x !== null; };
      return { kind: 'pred', ev: not ? exists : (row) => !exists(row), text };
    }
    const field = col.field;
    const isDynamicRoot = col.field === '$meta';
    const ev: Ev = (row) => {
      const v = row[field];
      const isNull = isDynamicRoot ? false : v === null || v === undefined;
      return not ? !isNull : isNull;
    };
    return { kind: 'pred', ev, text };
  }

  private visitContains(fn: string, fe: RawExpr, ve: RawExpr, text: string): Sem {
    const op = fn.endsWith('_all') ? 'ContainsAll' : fn.endsWith('_any') ? 'ContainsAny' : 'Contains';
    const opName = op === 'ContainsAll' ? 'contains_all' : op === 'ContainsAny' ? 'contains_any' : 'contains';
    const field = this.visit(fe);
    if (field.kind !== 'col' || (!isJSON(field.col.type) && !isArray(field.col.type))) {
      throw new ExprError(`${opName} operation are only supported on json or array fields now, got: ${shown(fe.t)}`);
    }
    const element = this.visit(ve);
    if (element.kind !== 'const') {
      throw new ExprError(`${opName} operation are only supported explicitly specified element, got: ${shown(ve.t)}`);
    }
    const col = field.col;
    let value = element.c;
    if (op !== 'Contains' && value.t !== 'arr') throw new ExprError(`${op} operation element must be an array`);
    if (isArray(col.type)) {
      const elementType = col.elementType;
      let elements: Const[];
      if (op === 'Contains') {
        value = castValue(elementType, value);
        elements = [value];
      } else {
        elements = (value as Extract<Const, { t: 'arr' }>).v;
      }
      for (const v of elements) {
        if (!canBeComparedDataType(elementType, constType(v))) {
          throw new ExprError(`${op} operation can't compare between array element type: ${elementType} and ${constType(v)}`);
        }
      }
    }
    const wanted: Const[] = op === 'Contains' ? [value] : (value as Extract<Const, { t: 'arr' }>).v;
    const get = col.get;
    const set = new ValueSet(isArray(col.type) && col.elementType === 'Float');
    wanted.forEach((c) => set.add(c));
    const ev: Ev = (row) => {
      const x = get(row);
      if (x === NULL) return null;
      if (!Array.isArray(x)) return false;
      return op === 'ContainsAll' ? set.allIn(x) : set.hasAny(x);
    };
    return { kind: 'pred', ev, text };
  }

  /**
   * `VisitTextMatch` / `VisitPhraseMatch` (2.5): the field must exist; text match then needs
   * `enable_match` (`field <id> does not enable text match`) and a string field; phrase match
   * needs a string field and a constant `slop` in uint32 range (a constant that is not an integer
   * reads as 0, as `GetInt64Val` does), and then segcore the text index of `enable_match`.
   */
  private visitMatch(e: Extract<RawExpr, { k: 'text_match' | 'phrase_match' }>, text: string): Sem {
    const col = this.makeCol(e.id);
    const field = this.byName.get(e.id.name);
    const fieldID = (col.field === '$meta' ? this.schema.metaFieldID : field?.id) ?? 0;
    let slop = 0;
    if (e.k === 'text_match') {
      if (!field?.enableMatch) throw new ExprError(`field ${fieldID} does not enable text match`);
      if (!isString(col.type)) throw new ExprError('text match operation on non-string is unsupported');
    } else {
      if (!isString(col.type)) throw new ExprError('phrase match operation on non-string is unsupported');
      if (e.slop) slop = this.slopOf(e.slop);
      // The parser does not check; segcore finds no text index for the field.
      if (!field?.enableMatch) throw new SegcoreError(`text index not found for field ${fieldID}`, SEGCORE_TEXT_INDEX_NOT_FOUND);
    }
    const query = decodeString(e.query);
    const tokens = rowTokensOf(col.field, field.analyzerParams ?? '');
    const get = col.get;
    const analyzer = matchAnalyzer(field.analyzerParams ?? '');
    // A null value is unknown; anything but a string (a dynamic key holding a number) never matches.
    const over = (test: (t: RowText) => boolean): Ev => (row) => {
      const x = get(row);
      if (x === NULL) return null;
      return typeof x === 'string' && test(tokens.of(row, x));
    };
    if (e.k === 'text_match') {
      const wanted = tokens.lookup([...new Set(analyzer(query).map((t) => t.text))]);
      return { kind: 'pred', ev: over((t) => anyTokenIn(t, wanted())), text };
    }
    const terms = phraseTerms(analyzer, query);
    const ids = tokens.lookup(terms.map((t) => t.text));
    return { kind: 'pred', ev: over((t) => phraseMatches(t, terms, ids(), slop)), text };
  }

  /**
   * The `slop` of `phrase_match`: a constant in uint32 range. A `{template}` is refused: upstream
   * reads the value while parsing, before template values are filled in.
   */
  private slopOf(raw: RawExpr): number {
    const s = this.visit(raw);
    if (s.kind !== 'const' || s.template !== null) {
      throw new ExprError(`"slop" should be a const integer expression with "uint32" value. "slop" expression passed: ${shown(raw.t)}`);
    }
    const v = s.c.t === 'int' ? s.c.v : 0n;
    if (v < 0n) throw new ExprError(`"slop" should not be a negative interger. "slop" passed: ${shown(raw.t)}`);
    if (v > 4294967295n) throw new ExprError(`"slop" exceeds the range of "uint32". "slop" expression passed: ${shown(raw.t)}`);
    return Number(v);
  }
}

/** `castRangeValue` of `utils.go`. */
function castRangeValue(dataType: string, c: Const): Const {
  if (isString(dataType)) {
    if (c.t !== 'str') throw new ExprError('invalid range operations');
  } else if (dataType === 'Bool') {
    throw new ExprError('invalid range operations on boolean expr');
  } else if (isInteger(dataType)) {
    if (c.t !== 'int') throw new ExprError('invalid range operations');
  } else if (isFloating(dataType)) {
    if (c.t !== 'int' && c.t !== 'float') throw new ExprError('invalid range operations');
    if (c.t === 'int') return { t: 'float', v: Number(c.v) };
  }
  return c;
}

/** Folds a comparison of two constants; `null` when the operands are incompatible. */
function foldCompare(op: CmpOp, a: Const, b: Const): boolean | null {
  let c: number | undefined;
  if ((a.t === 'int' || a.t === 'float') && (b.t === 'int' || b.t === 'float')) c = cmpNum(a.v, b.v);
  else if (a.t === 'str' && b.t === 'str') c = cmpValueConst(a.v, b);
  else if (a.t === 'bool' && b.t === 'bool' && (op === '==' || op === '!=')) c = a.v === b.v ? 0 : 1;
  if (c === undefined) return null;
  return applyCmp(op, c);
}

/** Reads a column from a row: the value, {@link NULL} for a null field, {@link MISSING} for an absent key. */
function makeGetter(field: string, dynamic: boolean, type: string, path: readonly string[]): (row: FilterRow) => unknown {
  if (dynamic) {
    return (row) => {
      const meta = row.$meta;
      const root = meta === undefined || meta === null ? {} : meta;
      return walk(root, path);
    };
  }
  if (path.length === 0) {
    return (row) => {
      const v = row[field];
      return v === undefined || v === null ? NULL : v;
    };
  }
  if (type === 'Array') {
    const index = Number(path[0]);
    return (row) => {
      const v = row[field];
      if (v === undefined || v === null) return NULL;
      if (!Array.isArray(v) || index >= v.length) return MISSING;
      return v[index];
    };
  }
  return (row) => {
    const v = row[field];
    if (v === undefined || v === null) return NULL;
    return walk(v, path);
  };
}

const INDEX = /^(0|[1-9][0-9]*)$/;

/** Follows a JSON path (JSON-pointer style: a decimal step indexes arrays, else reads a key). */
function walk(root: unknown, path: readonly string[]): unknown {
  let cur: unknown = root;
  for (const step of path) {
    if (Array.isArray(cur)) {
      if (!INDEX.test(step)) return MISSING;
      const i = Number(step);
      if (i >= cur.length) return MISSING;
      cur = cur[i];
    } else if (cur !== null && typeof cur === 'object') {
      if (!Object.hasOwn(cur, step)) return MISSING;
      cur = (cur as Record<string, unknown>)[step];
    } else {
      return MISSING;
    }
  }
  return cur;
}

/** `column op constant` for one row, with Milvus's missing-key and type-mismatch rules. */
function compareColConst(col: Col, op: CmpOp, value: Const): Ev {
  const get = col.get;
  const json = isJSON(col.type);
  const float32 = col.type === 'Float' || (col.path.length > 0 && col.elementType === 'Float');
  const c: Const = float32 && value.t === 'float' ? { t: 'float', v: Math.fround(value.v) } : value;
  const mismatch = json && op === '!=';
  // Against an array literal, a missing path is neither equal nor unequal (segcore).
  const missing = mismatch && value.t !== 'arr';
  return (row) => {
    let x = get(row);
    if (x === NULL) return null;
    if (x === MISSING) return missing;
    if (float32 && typeof x === 'number') x = Math.fround(x);
    const r = cmpValueConst(x, c);
    if (r === undefined) return mismatch;
    return applyCmp(op, r);
  };
}

/** `column arith operand op value` (`BinaryArithOpEvalRange`). */
function compareArithColConst(col: Col, arith: '+' | '-' | '*' | '/' | '%', operand: Const, op: CmpOp, value: Const): Ev {
  const get = col.get;
  const json = isJSON(col.type);
  const float32 = col.type === 'Float' || (col.path.length > 0 && col.elementType === 'Float');
  const mismatch = json && op === '!=';
  const o = operand.v as bigint | number;
  const target = value.v as bigint | number;
  return (row) => {
    const x = get(row);
    if (x === NULL) return null;
    if (x === MISSING || !isNum(x)) return mismatch;
    let result: bigint | number;
    const xInt = typeof x === 'bigint' || (Number.isInteger(x) && (json || !isFloating(col.type)));
    if (xInt && typeof o === 'bigint') {
      const a = typeof x === 'bigint' ? x : BigInt(x);
      switch (arith) {
        case '+': result = wrap64(a + o); break;
        case '-': result = wrap64(a - o); break;
        case '*': result = wrap64(a * o); break;
        case '/': result = a / o; break;
        default: result = a % o; break;
      }
    } else {
      const f = float32 ? Math.fround : (n: number): number => n;
      const a = f(Number(x));
      const b = f(Number(o));
      switch (arith) {
        case '+': result = f(a + b); break;
        case '-': result = f(a - b); break;
        case '*': result = f(a * b); break;
        case '/': result = f(a / b); break;
        default: result = f(a % b); break;
      }
      if (float32 && typeof target === 'number') return applyCmp(op, cmpNum(result, Math.fround(target)));
    }
    return applyCmp(op, cmpNum(result, target));
  };
}
