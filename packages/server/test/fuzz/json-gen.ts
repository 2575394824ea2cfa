import { DataType } from '@mvkit/core';
import { FIXTURE_COLLECTIONS, NAMES, createBodyOf, fixtureRows, restRow, type FixtureCollection } from './fixture.js';
import type { JsonSchema, OpenApiDoc } from './openapi.js';
import type { Rng } from './rng.js';
import { filterExpr, randomBigInt, randomDouble, randomInt, randomString, validFilter, type Limits } from './values.js';

/**
 * Random JSON bodies from the JSON schemas of the OpenAPI document, and mutations of them: type
 * swaps, deletions (missing required keys), extra and case-variant keys, deep nesting, huge and
 * odd number literals, unicode and lone surrogates, truncated text, duplicate keys and non-JSON
 * bodies. Property names steer the vocabulary (`collectionName` a fixture collection, `filter` a
 * filter expression, `data` fixture rows or query vectors, ...) so that bodies reach the engine.
 *
 * @packageDocumentation
 */

/** A literal written as is into the JSON text (e.g. `1e400`, `-0`, `NaN`). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A JSON value; bigints are written as bare integers, {@link RawJson} verbatim. */
export type Json = null | boolean | number | bigint | string | RawJson | Json[] | { [key: string]: Json };

/** The JSON text of `v` (numbers that JSON cannot write become `null`, as `JSON.stringify`). */
export function jsonText(v: Json): string {
  if (v instanceof RawJson) return v.text;
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return `[${v.map(jsonText).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${jsonText(x)}`).join(',')}}`;
  return JSON.stringify(v);
}

/** What a body generation has chosen so far. */
interface JsonContext {
  readonly rng: Rng;
  readonly limits: Limits;
  readonly doc: OpenApiDoc;
  /** Characters left before strings and arrays are kept small (see `Limits.maxBytes`). */
  budget: number;
  /** A coherent body: every hinted property with a good value, few others (as in `proto-gen.ts`). */
  readonly coherent: boolean;
  /** The body carries a `schema`: it creates a collection, so a fresh name is worth trying. */
  creating?: boolean;
  collection?: FixtureCollection;
}

const METRICS = ['L2', 'IP', 'COSINE', 'HAMMING', 'JACCARD', 'BM25', 'l2', ''];
const INDEX_TYPES = ['HNSW', 'FLAT', 'IVF_FLAT', 'BIN_FLAT', 'AUTOINDEX', 'INVERTED', 'STL_SORT', 'Trie', 'nope', ''];

/** A fixture collection's primary keys (some present, some not), as REST writes them. */
function keyOf(ctx: JsonContext): Json {
  const c = ctx.collection ?? FIXTURE_COLLECTIONS[0]!;
  const varchar = c.fields.find((f) => f.primary)!.type === 'VarChar';
  const one = (): Json => (varchar ? `k${ctx.rng.int(0, 60)}` : ctx.rng.chance(0.8) ? ctx.rng.int(0, 2100) : String(ctx.rng.int(0, 50)));
  return ctx.rng.chance(0.4) ? one() : Array.from({ length: ctx.rng.size(ctx.limits.maxRepeated) }, one);
}

/** Query vectors for the chosen collection's vector field (usually the right dimension). */
function vectorsOf(ctx: JsonContext): Json {
  const { rng } = ctx;
  const c = ctx.collection ?? FIXTURE_COLLECTIONS[0]!;
  const field = c.fields.find((f) => f.name === c.vectorField)!;
  const binary = field.type === 'BinaryVector';
  const dim = ctx.coherent || rng.chance(0.8) ? field.dim! : rng.pick([0, 1, 7, 9, 1000]);
  return Array.from({ length: rng.int(1, 3) }, () =>
    binary && rng.chance(0.3) ? Buffer.from(rng.bytes(dim / 8)).toString('base64') : Array.from({ length: binary ? Math.ceil(dim / 8) : dim }, () => (binary ? rng.int(0, 255) : ctx.coherent ? rng.float() * 2 - 1 : randomDouble(rng, true))),
  );
}

/** Partition names to pick from: the chosen collection's in a coherent body, any fixture name otherwise. */
const partitionsOf = (ctx: JsonContext): readonly string[] => (ctx.coherent && ctx.collection ? ['_default', ...ctx.collection.partitions] : NAMES.partitions);

/** Values for properties whose name says what they hold (used with probability 0.85; `undefined`: use the schema). */
const HINTS: Readonly<Record<string, (ctx: JsonContext, schema: JsonSchema) => Json | undefined>> = {
  collectionName: (ctx) => {
    const name = ctx.coherent && ctx.creating && ctx.rng.chance(0.8) ? `fuzz_new_${ctx.rng.int(0, 99)}` : ctx.rng.chance(0.6) ? NAMES.collections[0]! : ctx.rng.pick(NAMES.collections);
    ctx.collection = FIXTURE_COLLECTIONS.find((c) => c.name === name);
    return name;
  },
  dbName: ({ rng, coherent }) => coherent ? 'default' : rng.weighted([
    [5, 'default'],
    [2, rng.pick(NAMES.databases)],
    [1, 'nope'],
  ]),
  partitionName: (ctx) => ctx.rng.pick(partitionsOf(ctx)),
  partitionNames: (ctx) => Array.from({ length: ctx.rng.int(0, 3) }, () => ctx.rng.pick(partitionsOf(ctx))),
  fieldName: (ctx) => ctx.rng.pick(ctx.collection?.fields.map((f) => f.name) ?? NAMES.fields),
  annsField: (ctx) => (ctx.coherent ? (ctx.collection ?? FIXTURE_COLLECTIONS[0]!).vectorField : ctx.rng.pick([ctx.collection?.vectorField ?? 'vector', 'title', 'nope'])),
  outputFields: ({ rng }) => Array.from({ length: rng.int(0, 4) }, () => rng.pick(NAMES.fields)),
  indexName: ({ rng }) => rng.pick([...NAMES.indexes, '', 'nope']),
  filter: (ctx) => {
    const f = ctx.coherent ? validFilter(ctx.rng, (ctx.collection ?? FIXTURE_COLLECTIONS[0]!).fields) : filterExpr(ctx.rng, ctx.limits);
    ctx.budget -= f.length * 3;
    return f;
  },
  groupingField: (ctx) => (ctx.coherent || ctx.rng.chance(0.8) ? '' : ctx.rng.pick(NAMES.fields)),
  id: keyOf,
  metricType: ({ rng }) => rng.pick(METRICS),
  indexType: ({ rng }) => rng.pick(INDEX_TYPES),
  idType: ({ rng }) => rng.pick(['Int64', 'VarChar', 'Varchar', 'int64', 'String', '']),
  dimension: ({ rng }) => rng.pick([8, 1, 0, -1, 32768, 32769, 2 ** 31 - 1]),
  dataType: ({ rng }) => rng.pick([...Object.keys(DataType), 'Float64', 'varchar', '']),
  elementDataType: ({ rng }) => rng.pick([...Object.keys(DataType), '']),
  limit: ({ rng, coherent }) => (coherent ? rng.int(1, 20) : randomInt(rng, -(2 ** 31), 2 ** 31)),
  elementTypeParams: ({ rng }) => ({ ...(rng.chance(0.5) ? { dim: rng.pick<Json>([8, '8', 0, -1, 32769, 'x']) } : {}), ...(rng.chance(0.5) ? { max_length: rng.pick<Json>([64, '64', 0, 65536]) } : {}), ...(rng.chance(0.2) ? { max_capacity: rng.pick<Json>([8, 4097]) } : {}) }),
  searchParams: ({ rng, coherent }) => coherent ? { params: { ef: 64 } } : ({
    ...(rng.chance(0.6) ? { params: { ef: rng.pick<Json>([64, -1, 0, 'x', 1e309, 32768]), ...(rng.chance(0.3) ? { nprobe: 8 } : {}) } } : {}),
    ...(rng.chance(0.3) ? { metric_type: rng.pick(METRICS) } : {}),
    ...(rng.chance(0.2) ? { ef: rng.pick<Json>([16, 64, '64']) } : {}),
    ...(rng.chance(0.2) ? { radius: 0.5, range_filter: 0.1 } : {}),
  }),
  schema: (ctx) => (ctx.coherent ? (createBodyOf(ctx.rng.pick(FIXTURE_COLLECTIONS)).schema as Json) : undefined),
  exprParams: ({ rng }) => ({ x: rng.int(-5, 50), ids: [1, 2, 3], s: 't1', ...(rng.chance(0.3) ? { deep: [[1], { a: null }] } : {}) }),
};

/** Values of `data`: rows of the chosen collection (objects) or query vectors (anything). */
function dataOf(ctx: JsonContext, schema: JsonSchema): Json {
  const items = ctx.doc.resolve(schema.items ?? {});
  if (items.type !== 'object') return vectorsOf(ctx);
  const c = ctx.collection ?? FIXTURE_COLLECTIONS[0]!;
  const rows = fixtureRows(c, ctx.rng.int(0, 3000), ctx.coherent ? ctx.rng.int(1, 4) : ctx.rng.chance(0.1) ? 0 : Math.max(1, lengthOf(ctx)), ctx.rng).map((r) => restRow(r) as Json);
  for (const row of ctx.coherent ? [] : (rows as Record<string, Json>[])) {
    if (ctx.rng.chance(0.1)) delete row[ctx.rng.pick(Object.keys(row))];
    if (ctx.rng.chance(0.1)) row[ctx.rng.pick(Object.keys(row))] = anyJson(ctx, 2);
  }
  return rows;
}

/** A random string, charged to the budget (a few characters once it is spent). */
function stringOf(ctx: JsonContext, maxString = ctx.limits.maxString): string {
  let s = randomString(ctx.rng, { ...ctx.limits, maxString });
  if (s.length * 3 > ctx.budget) s = s.slice(0, 8);
  ctx.budget -= s.length * 3 + 2;
  return s;
}

/** A list length: usually small, sometimes up to `limits.maxRepeated`, at most 1 once the budget is spent. */
function lengthOf(ctx: JsonContext): number {
  ctx.budget -= 8;
  if (ctx.budget <= 0) return ctx.rng.int(0, 1);
  return ctx.rng.weighted([
    [5, ctx.rng.int(0, 3)],
    [1, ctx.rng.size(ctx.limits.maxRepeated)],
  ]);
}

/** Any JSON value, up to `depth` levels. */
function anyJson(ctx: JsonContext, depth: number): Json {
  const { rng } = ctx;
  return rng.weighted<() => Json>([
    [2, () => stringOf(ctx, 256)],
    [2, () => randomInt(rng, -(2 ** 31), 2 ** 31)],
    [1, () => randomDouble(rng)],
    [1, () => randomBigInt(rng, -(2n ** 64n), 2n ** 64n)],
    [1, () => rng.chance(0.5)],
    [1, () => null],
    [depth > 0 ? 1 : 0, () => Array.from({ length: rng.int(0, 4) }, () => anyJson(ctx, depth - 1))],
    [depth > 0 ? 1 : 0, () => Object.fromEntries(Array.from({ length: rng.int(0, 3) }, () => [stringOf(ctx, 16), anyJson(ctx, depth - 1)]))],
  ])();
}

/** A random value for `schema` (property `name`, if it is one). */
function valueFor(schema: JsonSchema, ctx: JsonContext, depth: number, name?: string): Json {
  const { rng, limits } = ctx;
  const s = ctx.doc.resolve(schema);
  if (name === 'data') return dataOf(ctx, s);
  const hint = name === undefined ? undefined : HINTS[name];
  const hinted = hint && (ctx.coherent || rng.chance(0.85)) ? hint(ctx, s) : undefined;
  if (hinted !== undefined) return hinted;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return valueFor(rng.pick(alternatives), ctx, depth, name);
  if (s.const !== undefined) return s.const as Json;
  if (s.enum?.length && rng.chance(0.9)) return rng.pick(s.enum) as Json;
  switch (s.type) {
    case 'string':
      return stringOf(ctx);
    case 'integer':
      return s.format === 'int32' ? randomInt(rng, s.minimum ?? -(2 ** 31), s.maximum ?? 2 ** 31 - 1) : randomBigInt(rng, -(2n ** 63n), 2n ** 63n - 1n);
    case 'number': {
      const d = randomDouble(rng);
      return Number.isFinite(d) ? d : new RawJson(rng.pick(['1e400', '-1e400', '1e-400']));
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'array':
      if (depth >= limits.maxDepth) return [];
      return Array.from({ length: lengthOf(ctx) }, () => valueFor(s.items ?? {}, ctx, depth + 1));
    case 'object': {
      const out: Record<string, Json> = {};
      if (ctx.budget <= 0) return out;
      ctx.budget -= 16;
      if (depth === 0) ctx.creating = 'schema' in (s.properties ?? {});
      const required = new Set(s.required ?? []);
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        const p = ctx.coherent ? (required.has(key) || (key in HINTS && key !== 'groupingField') ? 1 : 0.1) : required.has(key) ? 0.95 : 0.5;
        if (rng.chance(p) && depth < limits.maxDepth) out[key] = valueFor(prop, ctx, depth + 1, key);
      }
      if (s.additionalProperties && !ctx.coherent && rng.chance(0.5)) {
        for (let n = rng.int(1, 3); n > 0; n--) out[rng.pick(['ttlSeconds', 'consistencyLevel', 'enableDynamicField', 'max_length', 'shardsNum', 'M', 'efConstruction', 'nlist', 'x', randomString(rng, { ...limits, maxString: 24 })])] = anyJson(ctx, 2);
      }
      return out;
    }
    default:
      return anyJson(ctx, Math.min(3, limits.maxDepth - depth));
  }
}

/** A random body for a request schema. */
export function randomBody(doc: OpenApiDoc, schema: JsonSchema, rng: Rng, limits: Limits): Json {
  return valueFor(schema, { rng, limits, doc, budget: limits.maxBytes, coherent: rng.chance(0.5) }, 0);
}

/** The paths (key lists) of every value inside `v`, the root included. */
function pathsOf(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (out.length > 2000) return out;
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...prefix, i], out));
  else if (v && typeof v === 'object' && !(v instanceof RawJson)) for (const [k, x] of Object.entries(v)) pathsOf(x, [...prefix, k], out);
  return out;
}

/** `v` with the value at `path` replaced by `f(old)` (`undefined` deletes it). */
function updateAt(v: Json, path: readonly (string | number)[], f: (old: Json) => Json | undefined): Json | undefined {
  if (path.length === 0) return f(v);
  const [head, ...rest] = path;
  if (Array.isArray(v)) {
    const copy = [...v];
    const next = updateAt(copy[head as number]!, rest, f);
    if (next === undefined) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const copy = { ...(v as Record<string, Json>) };
  const next = updateAt(copy[head as string]!, rest, f);
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

const HUGE_NUMBERS = ['1e400', '-1e400', '1e-400', '-0', '0.0', '1.0', '1E+2', '123456789012345678901234567890', '9223372036854775807', '9223372036854775808', '-9223372036854775809', '18446744073709551616', '4294967296', '2147483648', '0.30000000000000004', '5e-324'];
const ODD_STRINGS = ['"\\ud800"', '"\\udfff\\ud800"', '"\\u0000"', '"\\uffff"', '"🦄"', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\u2028\u2029"', '"é"', '"\\u00e9"'];

/** The body mutation kinds (named in reproductions). */
const JSON_MUTATIONS = ['swap', 'delete', 'extra', 'case', 'null', 'nest', 'number', 'unicode', 'big-array', 'truncate', 'duplicate', 'not-json', 'garbage-tail'] as const;

/**
 * One random mutation of a body: a changed JSON tree written out, or text-level damage
 * (truncation, duplicate keys, trailing garbage, a different format altogether).
 */
export function mutateBody(body: Json, rng: Rng, limits: Limits): { text: string; mutation: (typeof JSON_MUTATIONS)[number] } {
  const mutation = rng.pick(JSON_MUTATIONS);
  const paths = pathsOf(body);
  const path = rng.pick(paths);
  const objects = paths.filter((p) => {
    let v: Json = body;
    for (const k of p) v = (v as Record<string, Json>)[k as string]!;
    return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof RawJson);
  });
  const swapTo = (old: Json): Json => {
    const kinds: (() => Json)[] = [() => 'x', () => 1, () => -1.5, () => true, () => null, () => [old], () => ({ v: old }), () => [], () => ({}), () => String(jsonText(old)).slice(0, 200)];
    return rng.pick(kinds)();
  };
  const tree = (f: (old: Json) => Json | undefined, at = path) => jsonText(updateAt(body, at, f) ?? null);
  const text = jsonText(body);
  const out = ((): string => {
    switch (mutation) {
      case 'swap':
        return tree(swapTo);
      case 'delete':
        return path.length ? tree(() => undefined) : '{}';
      case 'extra':
      case 'case': {
        const at = objects.length ? rng.pick(objects) : [];
        return tree((o) => {
          const obj = o && typeof o === 'object' && !Array.isArray(o) && !(o instanceof RawJson) ? { ...o } : {};
          const keys = Object.keys(obj);
          if (mutation === 'case' && keys.length) {
            const k = rng.pick(keys);
            obj[rng.pick([k.toUpperCase(), k.toLowerCase(), k[0]!.toUpperCase() + k.slice(1), `${k} `])] = swapTo(obj[k]!);
          } else obj[rng.pick(['', ' ', '__proto__', 'constructor', 'toString', '$meta', randomString(rng, { ...limits, maxString: 32 })])] = swapTo(null);
          return obj;
        }, at);
      }
      case 'null':
        return tree(() => null);
      case 'nest': {
        const n = rng.size(limits.maxNesting);
        return tree((old) => new RawJson(rng.chance(0.5) ? `${'['.repeat(n)}${jsonText(old)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}${jsonText(old)}${'}'.repeat(n)}`));
      }
      case 'number':
        return tree(() => new RawJson(rng.pick(HUGE_NUMBERS)));
      case 'unicode':
        return tree(() => new RawJson(rng.pick(ODD_STRINGS)));
      case 'big-array':
        return tree(() => new RawJson(`[${Array.from({ length: rng.size(limits.maxRepeated * 50) }, () => rng.pick(['1', '0.5', '"x"', 'null', '[]', '{}'])).join(',')}]`));
      case 'truncate':
        return text.slice(0, rng.int(0, Math.max(0, text.length - 1)));
      case 'duplicate':
        return text.startsWith('{') && text.length > 2 ? `{${text.slice(1, -1)},${text.slice(1)}` : `${text}${text}`;
      case 'garbage-tail':
        return `${text}${rng.pick(['x', ' ', '\n', '}', ']', ',', '{}', '\u0000', ' // c', '/* c */'])}`;
      case 'not-json':
        return rng.pick(['', ' ', 'null', 'true', '[]', '"x"', '123', '{', '}', "{'a': 1}", '{"a": NaN}', '{"a": Infinity}', '{"a": 1,}', '[1,]', 'a=1&b=2', '<xml/>', '\ufeff{}', '---\na: 1', '{"collectionName": "fuzz_books" "x": 1}', Buffer.from(rng.bytes(rng.int(1, 64))).toString('latin1')]);
    }
  })();
  return { text: out, mutation };
}
