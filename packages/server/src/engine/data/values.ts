import { DataType, Merr, MilvusError, floatsOfHalfBytes, halfFormatOf, parseJsonExact, roundToHalf, sparseRowOf, stringifyJsonExact, type DataTypeValue, type HalfFormat } from '@mvkit/core';
import type { CollectionSpec, FieldSpec } from '../schema.js';
import { utf8Length, utf8Text } from '../utf8.js';

/** A primary key: Int64 keys are `bigint`, VarChar keys `string`. */
export type PrimaryKey = bigint | string;

/**
 * A stored row, keyed by field name. Values are normalised: Int64 → `bigint`, Int8/16/32, Float,
 * Double → `number`, VarChar → `string`, Bool → `boolean`, JSON → parsed value, Array → JS array,
 * FloatVector → `Float32Array`, Float16Vector / BFloat16Vector → `Float32Array` of values the
 * format holds exactly, BinaryVector → `Uint8Array` (packed bits), SparseFloatVector →
 * `SparseRow` (indices ascending, values non-negative), a nullable field's
 * missing value → `null`. With the dynamic field enabled, keys outside the schema live in the
 * `$meta` object.
 */
export type Row = Record<string, unknown>;

/** Name of the hidden JSON field holding dynamic keys. */
export const DYNAMIC_FIELD = '$meta';


const INT_RANGES: Partial<Record<DataTypeValue, [number, number]>> = {
  [DataType.Int8]: [-128, 127],
  [DataType.Int16]: [-32768, 32767],
  [DataType.Int32]: [-2147483648, 2147483647],
};

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Vector dimension of a vector field (`dim` type param; bits for binary vectors); 0 for a sparse vector field, which has none. */
export function dimOf(field: FieldSpec): number {
  return field.dataType === DataType.SparseFloatVector ? 0 : Number(field.typeParams.dim);
}

/**
 * Parses an Int64 given as `bigint`, a safe-integer `number` or a decimal string.
 * @throws MilvusError 1100 for anything else or a value outside int64.
 */
export function toInt64(value: unknown, what: string): bigint {
  let v: bigint | undefined;
  if (typeof value === 'bigint') v = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) v = BigInt(value);
  else if (typeof value === 'string' && /^-?\d+$/.test(value)) v = BigInt(value);
  if (v === undefined || v < INT64_MIN || v > INT64_MAX) throw MilvusError.parameterInvalid(`${what} expects an Int64 value, got ${describe(value)}`);
  return v;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Normalises one value of a scalar type (also used for Array elements).
 * @throws MilvusError 1100 on a wrong type, an out-of-range integer or an over-long string.
 */
function scalarValue(type: DataTypeValue, value: unknown, field: FieldSpec): unknown {
  const what = `field ${field.name}`;
  switch (type) {
    case DataType.Bool:
      if (typeof value !== 'boolean') throw MilvusError.parameterInvalid(`${what} expects a Bool value, got ${describe(value)}`);
      return value;
    case DataType.Int8:
    case DataType.Int16:
    case DataType.Int32: {
      const n = typeof value === 'bigint' ? Number(value) : value;
      const [min, max] = INT_RANGES[type]!;
      if (typeof n !== 'number' || !Number.isInteger(n)) throw MilvusError.parameterInvalid(`${what} expects an integer value, got ${describe(value)}`);
      if (n < min || n > max) throw MilvusError.parameterInvalid(`the value ${n} of ${what} is out of range`, { expected: `[${min}, ${max}]`, actual: n });
      return n;
    }
    case DataType.Int64:
      return toInt64(value, what);
    case DataType.Float:
    case DataType.Double: {
      const n = typeof value === 'bigint' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw MilvusError.parameterInvalid(`${what} expects a ${type === DataType.Float ? 'Float' : 'Double'} value, got ${describe(value)}`);
      return type === DataType.Float ? Math.fround(n) : n;
    }
    case DataType.VarChar:
    case DataType.String: {
      if (typeof value !== 'string') throw MilvusError.parameterInvalid(`${what} expects a VarChar value, got ${describe(value)}`);
      const max = Number(field.typeParams.max_length);
      const length = utf8Length(value);
      if (Number.isFinite(max) && length > max) {
        throw MilvusError.parameterInvalid(`length of varchar field ${field.name} exceeds max length`, { expected: max, actual: length });
      }
      return value;
    }
    default:
      throw MilvusError.parameterInvalid(`${what} has unsupported element type ${type}`);
  }
}

/**
 * Normalises a float vector: `number[]` or `Float32Array` of exactly `dim` finite numbers.
 * @throws MilvusError 1100 `the dim (<n>) of field data(<f>) is not equal to schema dim (<dim>): invalid parameter[expected=<dim>][actual=<n>]`.
 */
export function floatVector(value: unknown, field: FieldSpec): Float32Array {
  const dim = dimOf(field);
  if (!(value instanceof Float32Array) && !(Array.isArray(value) && value.every((x) => typeof x === 'number'))) {
    throw MilvusError.parameterInvalid(`field ${field.name} expects a FloatVector (array of numbers), got ${describe(value)}`);
  }
  const vec = value instanceof Float32Array ? value : Float32Array.from(value as number[]);
  if (vec.length !== dim) throw MilvusError.parameterInvalid(`the dim (${vec.length}) of field data(${field.name}) is not equal to schema dim (${dim})`, { expected: dim, actual: vec.length });
  for (const x of vec) if (!Number.isFinite(x)) throw MilvusError.parameterInvalid(`field ${field.name} contains a NaN or infinite value`);
  return vec;
}

/**
 * Normalises a Float16Vector or BFloat16Vector value: its bytes (`2 × dim`, little-endian, as the
 * wire carries them) or `dim` numbers, which are rounded to the format as Milvus converts float
 * input (see `halfBytesOf`).
 * @throws MilvusError 1100 as {@link floatVector}, or for a byte length other than `2 × dim`.
 */
export function halfVector(value: unknown, field: FieldSpec, format: HalfFormat): Float32Array {
  if (!(value instanceof Uint8Array)) return roundToHalf(floatVector(value, field), format);
  const dim = dimOf(field);
  if (value.length !== dim * 2) throw MilvusError.parameterInvalid(`the dim (${value.length / 2}) of field data(${field.name}) is not equal to schema dim (${dim})`, { expected: dim, actual: value.length / 2 });
  return floatsOfHalfBytes(value, format);
}

/**
 * Normalises a binary vector: `Uint8Array` or `number[]` of `dim / 8` bytes.
 * @throws MilvusError 1100 on a wrong byte length (reported in bits, as Milvus does).
 */
export function binaryVector(value: unknown, field: FieldSpec): Uint8Array {
  const dim = dimOf(field);
  let bytes: Uint8Array;
  if (value instanceof Uint8Array) bytes = value;
  else if (Array.isArray(value) && value.every((x) => Number.isInteger(x) && x >= 0 && x <= 255)) bytes = Uint8Array.from(value as number[]);
  else throw MilvusError.parameterInvalid(`field ${field.name} expects a BinaryVector (bytes), got ${describe(value)}`);
  if (bytes.length * 8 !== dim) throw MilvusError.parameterInvalid(`the dim (${bytes.length * 8}) of field data(${field.name}) is not equal to schema dim (${dim})`, { expected: dim, actual: bytes.length * 8 });
  return bytes;
}

/**
 * A JSON field value, given as a value (stored as it is: the string `"6"` stays a string) or as
 * the UTF-8 bytes of its JSON text (parsed; text that is not JSON is kept as a string, as the
 * reference server has always read it). Integers beyond ±(2^53 − 1) are kept exact, as `bigint`.
 */
function jsonValue(value: unknown, field: FieldSpec): unknown {
  if (value instanceof Uint8Array) {
    const text = utf8Text(value);
    try {
      return parseJsonExact(text);
    } catch {
      return text;
    }
  }
  if (typeof value === 'string') return value;
  const text = typeof value === 'function' || typeof value === 'symbol' ? undefined : stringifyJsonExact(value);
  if (text === undefined) throw MilvusError.parameterInvalid(`field ${field.name} expects a JSON value`);
  return parseJsonExact(text);
}

/**
 * Normalises the value of one field of a row; an absent or null value becomes the field's default
 * value, or null for a nullable field.
 * @throws MilvusError 1100 for a value of the wrong type or size, or one missing from a field with neither.
 */
export function fieldValue(field: FieldSpec, value: unknown): unknown {
  if (value === null || value === undefined) {
    if (field.defaultValue) return scalarValue(field.dataType, field.defaultValue.value, field);
    if (field.nullable) return null;
    throw MilvusError.parameterInvalid(`the value of field ${field.name} is missing and the field is not nullable`);
  }
  switch (field.dataType) {
    case DataType.FloatVector:
      return floatVector(value, field);
    case DataType.Float16Vector:
    case DataType.BFloat16Vector:
      return halfVector(value, field, halfFormatOf(field.dataType)!);
    case DataType.BinaryVector:
      return binaryVector(value, field);
    case DataType.SparseFloatVector:
      return sparseRowOf(value);
    case DataType.JSON:
      return jsonValue(value, field);
    case DataType.Array: {
      if (!Array.isArray(value)) throw MilvusError.parameterInvalid(`field ${field.name} expects an Array value, got ${describe(value)}`);
      const cap = Number(field.typeParams.max_capacity);
      if (Number.isFinite(cap) && value.length > cap) throw MilvusError.parameterInvalid(`the length (${value.length}) of array field (${field.name}) exceeds max capacity (${cap})`, { expected: cap, actual: value.length });
      return value.map((v) => scalarValue(field.elementType, v, field));
    }
    default:
      if (field.dataType >= DataType.Float16Vector) throw MilvusError.of(Merr.ParameterInvalid, `${Merr.ParameterInvalid.message}: the reference server does not store ${field.name}'s vector type`);
      return scalarValue(field.dataType, value, field);
  }
}

/** The primary-key field of a schema. */
export function primaryFieldOf(schema: CollectionSpec): FieldSpec {
  return schema.fields.find((f) => f.isPrimaryKey)!;
}

/**
 * Normalises one input row for insert (`upsert` false) or upsert, as the Milvus proxy validates it:
 * every schema field present unless it is nullable or has a default value (the auto-ID primary key
 * absent on insert), an absent or null value replaced by the field's default, values of the right
 * type, extra keys moved into `$meta` when the dynamic field is enabled.
 *
 * @param allocateId - called for the primary key of an auto-ID collection on insert.
 * @throws MilvusError 1100 for missing, unknown or ill-typed fields; 65535 `cannot set json key
 *   to: $meta` or `dynamic field name cannot include the static field name: <f>` for such a key in
 *   the `$meta` value given.
 */
export function normaliseRow(schema: CollectionSpec, input: Row, allocateId: () => bigint, upsert: boolean): Row {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw MilvusError.parameterInvalid('a row must be an object of field values');
  const row: Row = {};
  const meta: Record<string, unknown> = {};
  const known = new Set<string>();
  for (const field of schema.fields) {
    known.add(field.name);
    if (field.isDynamic) continue;
    const given = input[field.name];
    if (field.isPrimaryKey && field.autoID && !upsert) {
      if (given !== undefined) throw MilvusError.parameterInvalid(`the primary key ${field.name} is set by the server when auto_id is enabled; do not provide it`);
      row[field.name] = field.dataType === DataType.Int64 ? allocateId() : String(allocateId());
      continue;
    }
    if (given === undefined && !field.nullable && !field.defaultValue) {
      throw MilvusError.parameterInvalid(`Insert missed an field \`${field.name}\` to collection without set nullable==true or set default_value`);
    }
    row[field.name] = fieldValue(field, given);
  }
  const dynamicGiven = input[DYNAMIC_FIELD];
  for (const [key, value] of Object.entries(input)) {
    if (known.has(key)) continue;
    if (!schema.enableDynamicField) throw MilvusError.parameterInvalid(`field ${key} does not exist in the collection schema and the dynamic field is disabled`);
    meta[key] = value;
  }
  if (schema.enableDynamicField) {
    const fromMeta = dynamicGiven === undefined ? {} : jsonValue(dynamicGiven, { name: DYNAMIC_FIELD } as FieldSpec);
    if (fromMeta === null || typeof fromMeta !== 'object' || Array.isArray(fromMeta)) throw MilvusError.parameterInvalid('the dynamic field ($meta) must be a JSON object');
    // The proxy's `verifyDynamicFieldData`: no `$meta` key, no key named as a schema field.
    if (Object.hasOwn(fromMeta, DYNAMIC_FIELD)) throw new MilvusError(`cannot set json key to: ${DYNAMIC_FIELD}`);
    for (const f of schema.fields) if (!f.isDynamic && Object.hasOwn(fromMeta, f.name)) throw new MilvusError(`dynamic field name cannot include the static field name: ${f.name}`);
    row[DYNAMIC_FIELD] = jsonValue({ ...(fromMeta as object), ...meta }, { name: DYNAMIC_FIELD } as FieldSpec);
  }
  return row;
}

/**
 * Normalises a primary-key value of the collection's key type.
 * @throws MilvusError 1100 for a value of the wrong type.
 */
export function primaryKeyOf(field: FieldSpec, value: unknown): PrimaryKey {
  if (field.dataType === DataType.Int64) return toInt64(value, `primary key ${field.name}`);
  if (typeof value !== 'string') throw MilvusError.parameterInvalid(`primary key ${field.name} expects a VarChar value, got ${describe(value)}`);
  return value;
}
