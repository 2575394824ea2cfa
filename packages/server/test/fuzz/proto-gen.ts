import { ScalarType, create, toBinary, type DescEnum, type DescField, type DescMessage, type Message, type MessageShape } from '@bufbuild/protobuf';
import { DataType } from '@mvkit/core';
import { CollectionSchemaSchema, FieldDataSchema, KeyValuePairSchema, PlaceholderGroupSchema, columnsOfRows, placeholderGroupOf, type FieldData } from '@mvkit/proto';
import { FIXTURE_COLLECTIONS, NAMES, columnFieldsOf, fixtureRows, type FixtureCollection } from './fixture.js';
import type { Rng } from './rng.js';
import { filterExpr, randomBigInt, randomDouble, randomInt, randomString, validFilter, type Limits } from './values.js';

/**
 * Random "valid-ish" protobuf messages built from protobuf-es descriptors: every field gets a
 * random value of its type (edge integers, NaN, empty and very long strings, unicode, nested
 * messages, oneof cases, maps, enum values in and out of the enum). The field *names* of the
 * descriptors steer the vocabulary so that requests reach the engine: `collection_name` is
 * usually a fixture collection, `expr`/`dsl` a filter expression, `fields_data` columns of the
 * fixture schema with a matching `num_rows`, `placeholder_group` encoded query vectors, a
 * `bytes schema` an encoded `CollectionSchema`, `key`/`value` pairs known parameters.
 *
 * @packageDocumentation
 */

/** What a generation run has chosen so far (later fields follow earlier ones, e.g. `num_rows`). */
interface GenContext {
  readonly rng: Rng;
  readonly limits: Limits;
  /** Bytes left before strings, bytes and lists are kept small (see `Limits.maxBytes`). */
  budget: number;
  /**
   * A coherent request: the fixture vocabulary always (names, a valid filter, valid columns and
   * parameters), other fields rarely. Half of the requests are coherent so that they get past the
   * checks into the engine; the other half (and the mutations of both) explore the rest.
   */
  readonly coherent: boolean;
  /** The request carries a `schema`: it creates a collection, so a fresh name is worth trying. */
  creating?: boolean;
  /** The collection the request names so far, and its fixture definition when it is one. */
  collectionName?: string;
  collection?: FixtureCollection;
  rows?: number;
}

const INT32: readonly [number, number] = [-(2 ** 31), 2 ** 31 - 1];
const UINT32: readonly [number, number] = [0, 2 ** 32 - 1];

/** Known parameter keys (search, index, type and collection parameters) and plausible values. */
const PARAMS: Readonly<Record<string, readonly string[]>> = {
  topk: ['1', '3', '10', '0', '-1', '16384', '16385', '2147483648', '1.5', 'abc', ''],
  limit: ['1', '10', '0', '-5', '16384', '99999999999'],
  offset: ['0', '1', '5', '-1', '16384', '1e3'],
  anns_field: ['vector', 'bits', 'title', 'nope', ''],
  metric_type: ['L2', 'IP', 'COSINE', 'HAMMING', 'JACCARD', 'l2', 'BM25', ''],
  index_type: ['HNSW', 'FLAT', 'IVF_FLAT', 'BIN_FLAT', 'AUTOINDEX', 'INVERTED', 'STL_SORT', 'Trie', 'SPARSE_WAND', 'nope', ''],
  params: ['{"ef": 64}', '{"ef": -1}', '{"M": 8, "efConstruction": 16}', '{"nlist": 128}', '{"ef": 1e309}', '{', '[]', 'null', '{"ef": "x"}'],
  ef: ['1', '64', '0', '-1', '32768', '1e9'],
  round_decimal: ['-1', '0', '3', '7', '99'],
  dim: ['8', '16', '0', '-1', '32768', '32769', 'x'],
  max_length: ['1', '64', '65535', '65536', '0', '-1'],
  max_capacity: ['1', '8', '4096', '4097', '0'],
  'collection.ttl.seconds': ['0', '60', '-1', 'x'],
  'mmap.enabled': ['true', 'false', 'x'],
  ignore_growing: ['true', 'false'],
  group_by_field: ['year', 'title', 'nope'],
  radius: ['0.5', '-1', 'NaN'],
  range_filter: ['0.1', '10'],
};

/** `bytes` fields that carry an encoded message, by field name: generated as that message. */
export const EMBEDDED_MESSAGES: Readonly<Record<string, DescMessage>> = { schema: CollectionSchemaSchema };

/** Fields the fixture vocabulary fills, set more often than others so that cases reach the engine. */
const VOCABULARY = /^(collection_name|partition_names?|field_name|index_name|expr|dsl|fields_data|num_rows|placeholder_group|search_params|output_fields|schema)$/;

/** Strings for fields whose proto name says what they hold. */
function namedString(name: string, parent: DescMessage, ctx: GenContext): string | undefined {
  const { rng, limits } = ctx;
  if (!ctx.coherent && !rng.chance(0.9)) return undefined;
  if (/^(collection_name|collection_names|old_name|new_name|collectionName)$/.test(name) || (name === 'name' && parent.typeName.endsWith('CollectionSchema'))) {
    if (ctx.collectionName !== undefined && name === 'name') return ctx.collectionName;
    const picked = ctx.coherent && ctx.creating && rng.chance(0.8) ? `fuzz_new_${rng.int(0, 99)}` : rng.chance(0.6) ? NAMES.collections[0]! : rng.pick(NAMES.collections);
    if (name !== 'new_name') {
      ctx.collectionName = picked;
      ctx.collection = FIXTURE_COLLECTIONS.find((c) => c.name === picked);
    }
    return picked;
  }
  if (/db_?name|newDBName/i.test(name)) return ctx.coherent ? '' : rng.weighted([
    [6, ''],
    [2, 'default'],
    [1, rng.pick(NAMES.databases)],
  ]);
  if (/^partition_names?$/.test(name)) return rng.pick(ctx.coherent && ctx.collection ? ['_default', ...ctx.collection.partitions] : NAMES.partitions);
  if (/^(field_name|output_fields|anns_field|input_field_names|output_field_names|group_by_field_name)$/.test(name) || (name === 'name' && parent.typeName.endsWith('FieldSchema'))) {
    const fields = ctx.collection?.fields.map((f) => f.name);
    return rng.pick(fields ? (ctx.coherent ? fields : [...fields, '*', '$meta', 'count(*)']) : NAMES.fields);
  }
  if (name === 'index_name') return ctx.coherent ? '' : rng.pick([...NAMES.indexes, '']);
  if (name === 'expr' || name === 'dsl') return ctx.coherent ? validFilter(rng, (ctx.collection ?? FIXTURE_COLLECTIONS[0]!).fields) : filterExpr(rng, limits);
  if (name === 'key' || name === 'delete_keys') return rng.pick(Object.keys(PARAMS));
  return undefined;
}

/** Takes `value`'s size from the budget; once it is spent, strings and bytes shrink to a few units. */
function charge<T extends string | Uint8Array>(value: T, ctx: GenContext): T {
  const size = typeof value === 'string' ? value.length * 6 : value.length * 2;
  if (size > ctx.budget) value = value.slice(0, 8) as T;
  ctx.budget -= typeof value === 'string' ? value.length * 6 : value.length * 2;
  return value;
}

/** A random value of a scalar type (64-bit integers as bigint). */
function scalarValue(type: ScalarType, ctx: GenContext): unknown {
  const { rng, limits } = ctx;
  ctx.budget -= 16;
  switch (type) {
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return randomInt(rng, ...INT32);
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return randomInt(rng, ...UINT32);
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return randomBigInt(rng, -(2n ** 63n), 2n ** 63n - 1n);
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return randomBigInt(rng, 0n, 2n ** 64n - 1n);
    case ScalarType.FLOAT:
      return randomDouble(rng, true);
    case ScalarType.DOUBLE:
      return randomDouble(rng);
    case ScalarType.BOOL:
      return rng.chance(0.5);
    case ScalarType.STRING:
      return charge(randomString(rng, limits), ctx);
    case ScalarType.BYTES:
      return charge(rng.chance(0.3) ? new TextEncoder().encode(JSON.stringify({ n: rng.int(0, 9), s: randomString(rng, { ...limits, maxString: 64 }) })) : rng.bytes(rng.size(limits.maxRepeated * 8)), ctx);
  }
}

/** An enum number: usually a declared value, sometimes any int32. */
function enumValue(e: DescEnum, ctx: GenContext): number {
  return ctx.rng.chance(0.85) ? ctx.rng.pick(e.values).number : randomInt(ctx.rng, ...INT32);
}

/** Encoded query vectors: valid for a fixture collection, or random dimensions and types. */
function placeholderBytes(ctx: GenContext, depth: number): Uint8Array {
  const { rng } = ctx;
  const target = ctx.collection ?? rng.pick(FIXTURE_COLLECTIONS);
  const field = target.fields.find((f) => f.name === target.vectorField)!;
  const binary = field.type === 'BinaryVector';
  const dim = ctx.coherent || rng.chance(0.8) ? field.dim! : rng.pick([0, 1, 3, 7, 9, 4096]);
  if (ctx.coherent || rng.chance(0.75)) {
    const vectors = Array.from({ length: rng.int(1, 4) }, () => Array.from({ length: binary ? Math.ceil(dim / 8) : dim }, () => (binary ? rng.int(0, 255) : ctx.coherent ? rng.float() * 2 - 1 : randomDouble(rng, true))));
    return placeholderGroupOf(vectors, binary ? DataType.BinaryVector : DataType.FloatVector);
  }
  return toBinary(PlaceholderGroupSchema, randomMessage(PlaceholderGroupSchema, ctx, depth + 1));
}

/** A valid `CollectionSchema`: the fields of a fixture collection (maybe fewer), named after the collection the request names. */
function fixtureSchema(ctx: GenContext): MessageShape<typeof CollectionSchemaSchema> {
  const { rng } = ctx;
  const base = rng.pick(FIXTURE_COLLECTIONS);
  const fields = base.fields.filter((f) => f.primary || f.name === base.vectorField || rng.chance(0.6));
  return create(CollectionSchemaSchema, {
    name: ctx.collectionName ?? base.name,
    enableDynamicField: rng.chance(0.5),
    fields: fields.map((f) => ({
      name: f.name,
      isPrimaryKey: f.primary ?? false,
      dataType: DataType[f.type],
      elementType: f.elementType ? DataType[f.elementType] : DataType.None,
      nullable: f.nullable ?? false,
      typeParams: [
        ...(f.dim ? [{ key: 'dim', value: String(f.dim) }] : []),
        ...(f.maxLength ? [{ key: 'max_length', value: String(f.maxLength) }] : []),
        ...(f.type === 'Array' ? [{ key: 'max_capacity', value: '8' }] : []),
      ],
    })),
  });
}

/**
 * A parameter list (`search_params`, `extra_params`, `properties`, ...): distinct known keys
 * (usually with `topk`), each with a plausible value. Coherent: `topk` (and `params`) to search,
 * one scalar index type to create an index (the same each time, so that a repeat is accepted),
 * nothing otherwise.
 */
function keyValueList(ctx: GenContext, name: string): Message[] {
  const { rng } = ctx;
  const kv = (key: string, value: string) => create(KeyValuePairSchema, { key, value });
  if (ctx.coherent && name === 'search_params') return [kv('topk', String(rng.int(1, 10))), ...(rng.chance(0.5) ? [kv('params', '{"ef": 64}')] : [])];
  if (ctx.coherent && name === 'extra_params') return [kv('index_type', 'INVERTED')];
  if (ctx.coherent) return [];
  const keys = new Set(Object.keys(PARAMS).filter(() => rng.chance(0.15)));
  if (rng.chance(0.9)) keys.add(rng.pick(['topk', 'limit']));
  if (rng.chance(0.5)) keys.add('params');
  if (rng.chance(0.4)) keys.add('metric_type');
  const pairs = [...keys].map((key) => create(KeyValuePairSchema, { key, value: rng.chance(0.85) ? rng.pick(PARAMS[key]!) : randomString(rng, ctx.limits) }));
  return rng.chance(0.1) ? [...pairs, ...pairs] : pairs;
}

/** Columns of the chosen fixture collection (sometimes one column replaced by a random one). */
function fieldDataList(ctx: GenContext, depth: number): FieldData[] {
  const { rng } = ctx;
  const target = ctx.collection ?? rng.pick(FIXTURE_COLLECTIONS);
  const count = ctx.coherent ? rng.int(1, 5) : rng.weighted([
    [6, rng.int(1, 5)],
    [1, 0],
    [1, rng.size(ctx.limits.maxRepeated)],
  ]);
  const rows = fixtureRows(target, rng.int(0, 60), count, rng);
  const names = target.fields.filter(() => ctx.coherent || rng.chance(0.98)).map((f) => f.name);
  if (rng.chance(0.5)) names.push('$meta');
  const columns = columnsOfRows(columnFieldsOf(target), rows, names, true).map((c) => create(FieldDataSchema, c));
  if (columns.length && !ctx.coherent && rng.chance(0.25)) columns[rng.int(0, columns.length - 1)] = randomMessage(FieldDataSchema, ctx, depth + 1);
  ctx.rows = count;
  return columns;
}

/** A value for one field (not a list or map element); `undefined` leaves it unset. */
function fieldValue(field: DescField, parent: DescMessage, ctx: GenContext, depth: number): unknown {
  const { rng } = ctx;
  switch (field.fieldKind) {
    case 'scalar':
      if (field.scalar === ScalarType.STRING) {
        const named = namedString(field.name, parent, ctx);
        if (named !== undefined) return charge(named, ctx);
        return field.name === 'value' && rng.chance(0.6) ? rng.pick(Object.values(PARAMS).flat()) : scalarValue(field.scalar, ctx);
      }
      if (field.scalar === ScalarType.BYTES && field.name === 'placeholder_group') return placeholderBytes(ctx, depth);
      if (field.scalar === ScalarType.BYTES && field.name === 'schema' && ctx.coherent) return toBinary(CollectionSchemaSchema, fixtureSchema(ctx));
      if (field.scalar === ScalarType.BYTES && EMBEDDED_MESSAGES[field.name]) return toBinary(EMBEDDED_MESSAGES[field.name]!, randomMessage(EMBEDDED_MESSAGES[field.name]!, ctx, depth + 1));
      if (field.name === 'num_rows' && ctx.rows !== undefined && (ctx.coherent || rng.chance(0.8))) return ctx.rows;
      if (field.name === 'data_type' || field.name === 'element_type') return rng.chance(0.8) ? rng.pick(Object.values(DataType)) : scalarValue(field.scalar, ctx);
      return scalarValue(field.scalar, ctx);
    case 'enum':
      return enumValue(field.enum, ctx);
    case 'message':
      return depth >= ctx.limits.maxDepth ? undefined : randomMessage(field.message, ctx, depth + 1);
    case 'list': {
      if (field.listKind === 'message' && field.message.typeName === FieldDataSchema.typeName && rng.chance(0.7)) return fieldDataList(ctx, depth);
      if (field.listKind === 'message' && field.message.typeName === KeyValuePairSchema.typeName && rng.chance(0.85)) return keyValueList(ctx, field.name);
      const n = ctx.budget <= 0 ? rng.int(0, 1) : rng.weighted([
        [5, rng.int(0, 3)],
        [1, rng.size(ctx.limits.maxRepeated)],
      ]);
      const item = (): unknown => {
        if (field.listKind === 'enum') return enumValue(field.enum, ctx);
        if (field.listKind === 'message') return depth >= ctx.limits.maxDepth ? create(field.message) : randomMessage(field.message, ctx, depth + 1);
        const named = field.scalar === ScalarType.STRING ? namedString(field.name, parent, ctx) : undefined;
        return named !== undefined ? charge(named, ctx) : scalarValue(field.scalar, ctx);
      };
      return Array.from({ length: n }, item);
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      for (let i = rng.int(0, 3); i > 0; i--) {
        const key = field.mapKey === ScalarType.STRING ? rng.pick(['x', 'p', 'ids', rng.pick(NAMES.collections), randomString(rng, { ...ctx.limits, maxString: 64 })]) : String(scalarValue(field.mapKey, ctx));
        if (field.mapKind === 'scalar') out[key] = scalarValue(field.scalar, ctx);
        else if (field.mapKind === 'enum') out[key] = enumValue(field.enum, ctx);
        else out[key] = depth >= ctx.limits.maxDepth ? create(field.message) : randomMessage(field.message, ctx, depth + 1);
      }
      return out;
    }
  }
}

/**
 * A random message of type `desc`: each field set with probability 0.6 (0.95 for the fixture
 * vocabulary; a oneof to one of its cases or none), values as described in the module comment.
 */
function randomMessage<D extends DescMessage>(desc: D, ctx: GenContext, depth = 0): MessageShape<D> {
  const { rng } = ctx;
  if (ctx.budget <= 0) return create(desc);
  ctx.budget -= 64;
  if (depth === 0) ctx.creating = desc.fields.some((f) => f.name === 'schema');
  const init: Record<string, unknown> = {};
  for (const member of desc.members) {
    if (member.kind === 'oneof') {
      const known = ctx.coherent ? member.fields.find((f) => VOCABULARY.test(f.name)) : undefined;
      if (!known && !rng.chance(ctx.coherent ? 0.3 : 0.8)) continue;
      const field = known ?? rng.pick(member.fields);
      const value = fieldValue(field, desc, ctx, depth);
      if (value !== undefined) init[member.localName] = { case: field.localName, value };
      continue;
    }
    if (!rng.chance(VOCABULARY.test(member.name) ? (ctx.coherent ? 1 : 0.95) : ctx.coherent ? 0.05 : 0.6)) continue;
    const value = fieldValue(member, desc, ctx, depth);
    if (value !== undefined) init[member.localName] = value;
  }
  return create(desc, init as never);
}

/**
 * A random valid-ish request of type `desc`, encoded. Messages that protobuf-es refuses to encode
 * never come out (the generator stays within each type's range; out-of-range bytes are the byte
 * mutators' job).
 */
export function randomRequest(desc: DescMessage, rng: Rng, limits: Limits): { message: Message; bytes: Uint8Array } {
  const message = randomMessage(desc, { rng, limits, budget: limits.maxBytes, coherent: rng.chance(0.5) });
  return { message, bytes: toBinary(desc, message) };
}

/** One step into a nested message on the wire: a field number, and whether it is a map entry's value. */
interface NestStep {
  readonly number: number;
  readonly map: boolean;
}

/** The message fields of `desc` (singular, repeated or map values) as nesting steps. */
function messageSteps(desc: DescMessage): { step: NestStep; message: DescMessage }[] {
  return desc.fields.flatMap((f): { step: NestStep; message: DescMessage }[] => {
    if (f.fieldKind === 'message') return [{ step: { number: f.number, map: false }, message: f.message }];
    if (f.fieldKind === 'list' && f.listKind === 'message') return [{ step: { number: f.number, map: false }, message: f.message }];
    if (f.fieldKind === 'map' && f.mapKind === 'message' && f.mapKey === ScalarType.STRING) return [{ step: { number: f.number, map: true }, message: f.message }];
    return [];
  });
}

/**
 * A path from `root` to a message type that contains itself, and that cycle (e.g. InsertRequest →
 * fields_data → scalars → array_data → data → array_data ...), found breadth-first; `undefined` when
 * the input has no recursive type.
 */
function recursion(root: DescMessage): { path: NestStep[]; cycle: NestStep[] } | undefined {
  /** Shortest step lists from `from` to every message type it reaches. */
  const reachable = (from: DescMessage) => {
    const found = new Map<string, { desc: DescMessage; steps: NestStep[] }>([[from.typeName, { desc: from, steps: [] }]]);
    const queue: DescMessage[] = [from];
    let cycle: NestStep[] | undefined;
    while (queue.length) {
      const m = queue.shift()!;
      for (const { step, message } of messageSteps(m)) {
        if (message.typeName === from.typeName) cycle ??= [...found.get(m.typeName)!.steps, step];
        if (found.has(message.typeName)) continue;
        found.set(message.typeName, { desc: message, steps: [...found.get(m.typeName)!.steps, step] });
        queue.push(message);
      }
    }
    return { found, cycle };
  };
  for (const { desc, steps } of reachable(root).found.values()) {
    const { cycle } = reachable(desc);
    if (cycle) return { path: steps, cycle };
  }
  return undefined;
}

function varintBytes(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n % 128) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

/**
 * An encoded request of type `desc` whose recursive message type is nested `depth` times (a deep
 * `ScalarField.array_data`, `TemplateArrayValue.array_data`, `FunctionParamValue.array_value`, ...),
 * written directly on the wire (encoding it with protobuf-es would recurse as deep). `undefined` when
 * the type has no recursion.
 */
export function deeplyNested(desc: DescMessage, depth: number): Uint8Array | undefined {
  const r = recursion(desc);
  if (!r) return undefined;
  const steps = [...r.path, ...Array.from({ length: depth }, () => r.cycle).flat()];
  // Each step is a prefix (tag, length, and for a map entry the key and the value's tag and length);
  // lengths are those of everything after the prefix, so they are computed from the inside out.
  const prefixes: number[][] = new Array(steps.length);
  let after = 0;
  for (let k = steps.length - 1; k >= 0; k--) {
    const s = steps[k]!;
    let prefix: number[];
    if (s.map) {
      const entry = [0x0a, 1, 0x78, 0x12, ...varintBytes(after)];
      prefix = [...varintBytes((s.number << 3) | 2), ...varintBytes(entry.length + after), ...entry];
    } else prefix = [...varintBytes((s.number << 3) | 2), ...varintBytes(after)];
    prefixes[k] = prefix;
    after += prefix.length;
  }
  const out = new Uint8Array(after);
  let at = 0;
  for (const p of prefixes) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
