/**
 * The primary keys a filter names when it is the form Milvus deletes by keys.
 *
 * @packageDocumentation
 */
import type { RawExpr } from './ast.js';
import { decodeString, paramToConst, parseIntLiteral } from './compile.js';
import type { PackedValueSet } from './membership.js';
import type { Const } from './values.js';

/** The keys of a by-keys filter: their values, and how many the expression lists (repeats counted). */
export interface KeyTerms {
  /** The distinct values named (integers as `bigint`, strings as `string`). */
  values: (bigint | string)[];
  /** How many values the expression lists, repeats included (Milvus's `delete_count` for it). */
  count: number;
}

const unwrap = (e: RawExpr): RawExpr => (e.k === 'paren' ? unwrap(e.e) : e);

const isKey = (e: RawExpr, pk: string): boolean => {
  const u = unwrap(e);
  return u.k === 'ident' && u.name === pk && u.keys.length === 0;
};

/** A constant's key value, or undefined when it is neither an integer nor a string. */
function keyOf(c: Const): bigint | string | undefined {
  return c.t === 'int' || c.t === 'str' ? c.v : undefined;
}

/** A literal (an integer, a negated one, a string or a template variable) as constants. */
function literal(e: RawExpr, params: Readonly<Record<string, unknown>> | undefined): Const | undefined {
  const u = unwrap(e);
  if (u.k === 'int') return { t: 'int', v: parseIntLiteral(u.t) };
  if (u.k === 'unary' && u.op === '-' && unwrap(u.e).k === 'int') return { t: 'int', v: -parseIntLiteral(unwrap(u.e).t) };
  if (u.k === 'string') return { t: 'str', v: decodeString(u) };
  if (u.k === 'template' && params && Object.hasOwn(params, u.name)) return paramToConst(u.name, params[u.name]);
  return undefined;
}

/**
 * The keys of a filter that is, parentheses aside, exactly `pk in [v, …]` or `pk == v` (either
 * side), literals or template variables: the form Milvus's `getPrimaryKeysFromPlan` turns into a
 * delete by keys. Anything else (`not in`, `!=`, a conjunction, another field) is undefined.
 * Call it on a filter that compiled: its values then have the key's type.
 *
 * @param sets - the packed value sets of a prepared filter (for its long `in` lists).
 */
export function keyTermsOf(tree: RawExpr, pk: string, params?: Readonly<Record<string, unknown>>, sets: readonly PackedValueSet[] = []): KeyTerms | undefined {
  const e = unwrap(tree);
  if (e.k === 'bin' && e.op === '==') {
    const c = isKey(e.l, pk) ? literal(e.r, params) : isKey(e.r, pk) ? literal(e.l, params) : undefined;
    const v = c && keyOf(c);
    return v === undefined ? undefined : { values: [v], count: 1 };
  }
  if (e.k !== 'in' || e.not || !isKey(e.l, pk)) return undefined;
  const list = unwrap(e.r);
  if (list.k === 'array' && list.packed !== undefined) {
    const set = sets[list.packed];
    if (!set || !set.numbers.every(Number.isInteger)) return undefined;
    const values = [...set.bigints, ...set.strings, ...Array.from(set.numbers, (n) => BigInt(n))];
    return { values, count: list.packedItems ?? values.length };
  }
  const items: Const[] = [];
  if (list.k === 'array') {
    for (const item of list.items) {
      const c = literal(item, params);
      if (!c) return undefined;
      items.push(c);
    }
  } else {
    const c = literal(list, params);
    if (c?.t !== 'arr') return undefined;
    items.push(...c.v);
  }
  const values: (bigint | string)[] = [];
  for (const c of items) {
    const v = keyOf(c);
    if (v === undefined) return undefined;
    values.push(v);
  }
  return { values: [...new Set(values)], count: values.length };
}

/**
 * The values of `field` a row can hold when it matches the filter, when the filter says so: a
 * term on the field ({@link keyTermsOf}'s forms), an `and` chain with such a term among its items
 * (its values, a superset of those the whole chain allows), or an `or` chain whose every item says
 * so (their union). Otherwise undefined: any value may match. Milvus prunes partition-key
 * partitions with it (`exprutil.ParseKeys`); unlike Milvus 2.5, an `or` with a branch on another
 * field prunes nothing (2.5 drops that branch's matches).
 */
export function fieldValuesOf(tree: RawExpr, field: string, params?: Readonly<Record<string, unknown>>, sets: readonly PackedValueSet[] = []): (bigint | string)[] | undefined {
  const e = unwrap(tree);
  if (e.k === 'logical') {
    const parts = e.items.map((item) => fieldValuesOf(item, field, params, sets));
    if (e.op === 'and') return parts.find((p) => p !== undefined);
    return parts.every((p) => p !== undefined) ? [...new Set(parts.flat() as (bigint | string)[])] : undefined;
  }
  return keyTermsOf(e, field, params, sets)?.values;
}
