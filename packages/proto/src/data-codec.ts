/**
 * Codecs of the data-plane payloads, shared by the gRPC front (server) and the gRPC transport
 * (client): row objects ↔ `schema.FieldData` columns, primary keys ↔ `schema.IDs`, query vectors
 * ↔ `common.PlaceholderGroup` bytes, filter parameters ↔ `schema.TemplateValue`.
 *
 * @packageDocumentation
 */
import { create, fromBinary, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { DataType, Merr, MilvusError, floatsOfHalfBytes, formatMerr, halfBytesOf, halfFormatOf, parseJsonExact, sparseBytesOf, stringifyJsonExact, sparseDimOf, sparseRowOf, sparseRowOfBytes, type SparseRow } from '@mvkit/core';
import { PlaceholderGroupSchema, PlaceholderType } from './gen/milvus/proto/common/common_pb.js';
import {
  FieldDataSchema,
  IDsSchema,
  ScalarFieldSchema,
  TemplateValueSchema,
  type FieldData,
  type IDs,
  type ScalarField,
  type TemplateArrayValue,
  type TemplateValue,
} from './gen/milvus/proto/schema/schema_pb.js';
import { checkWriteColumns, type WriteCheck } from './write-check.js';

/** A `schema.FieldData` as an init shape (what handlers return and requests carry). */
export type FieldDataInit = MessageInitShape<typeof FieldDataSchema>;
type ScalarInit = MessageInitShape<typeof ScalarFieldSchema>;

/** What the codecs need to know of a schema field. */
export interface ColumnField {
  name: string;
  /** A `schema.DataType` number. */
  dataType: number;
  /** Vector dimension (bits for binary vectors); 0 for scalars and sparse vectors. */
  dim: number;
  /** Element type of an Array field. */
  elementType: number;
  nullable: boolean;
  /** The hidden `$meta` JSON field of the dynamic schema. */
  isDynamic: boolean;
  fieldID?: bigint;
  /** The primary key of an auto-ID collection (its values are generated on insert). */
  autoID?: boolean;
  /** The field has a default value (a write may leave it out). */
  hasDefault?: boolean;
  /** A function's output (BM25), which a write leaves out. */
  isFunctionOutput?: boolean;
  /** `max_length` (VarChar, VarChar arrays) and `max_capacity` (arrays): what a write's values are checked against. */
  maxLength?: number;
  maxCapacity?: number;
}


/** Name of the dynamic field's column. */
export const DYNAMIC_COLUMN = '$meta';

/**
 * The column a `count(*)` query answers with (Milvus sends one Int64 column named `count(*)`); add
 * it to a schema's fields to encode or decode that answer like any other column.
 */
export const COUNT_COLUMN: ColumnField = { name: 'count(*)', dataType: DataType.Int64, dim: 0, elementType: DataType.None, nullable: false, isDynamic: false };

/**
 * A row: field name → value (Int64 `bigint`, vectors `Float32Array` / `Uint8Array`, JSON parsed;
 * decoded sparse vectors as their wire bytes, `Uint8Array`, for the receiver to read and check).
 */
export type ColumnRow = Record<string, unknown>;


const UTF8 = new TextEncoder();
const UTF8_DECODER = new TextDecoder();

/** The bytes of `parts` end to end, in one new array (`Buffer.concat` without Node). */
function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A JSON column's value: its text parsed, integers beyond ±(2^53 − 1) as `bigint`. */
function parseJson(bytes: Uint8Array, field: string): unknown {
  if (bytes.length === 0) return null;
  try {
    return parseJsonExact(UTF8_DECODER.decode(bytes));
  } catch {
    throw MilvusError.parameterInvalid(`the value of JSON field ${field} is not valid JSON`);
  }
}

/** The values of a ScalarField as a JS array (Array elements recursively; JSON parsed). */
function scalarValues(s: ScalarField | undefined, field: string): unknown[] {
  const d = s?.data;
  if (!d || d.case === undefined) return [];
  if (d.case === 'arrayData') return d.value.data.map((inner) => scalarValues(inner, field));
  if (d.case === 'jsonData') return d.value.data.map((b) => parseJson(b, field));
  return (d.value as { data: unknown[] }).data;
}

/** Values of one column, one per physical entry. */
function columnValues(c: FieldData, dim: number): unknown[] {
  const f = c.field;
  if (f.case === 'scalars') return scalarValues(f.value, c.fieldName);
  if (f.case !== 'vectors') return [];
  const v = f.value.data;
  if (v.case === 'sparseFloatVector') return v.value.contents.map((row) => new Uint8Array(row));
  if (dim <= 0) throw MilvusError.parameterInvalid(`vector field ${c.fieldName} has no dimension`);
  if (v.case === 'floatVector') {
    const out: Float32Array[] = [];
    for (let i = 0; i + dim <= v.value.data.length; i += dim) out.push(Float32Array.from(v.value.data.slice(i, i + dim)));
    if (v.value.data.length % dim !== 0) out.push(new Float32Array(0));
    return out;
  }
  if (v.case === 'binaryVector') {
    const bytes = dim / 8;
    const out: Uint8Array[] = [];
    for (let i = 0; i < v.value.length; i += bytes) out.push(v.value.slice(i, i + bytes));
    return out;
  }
  if (v.case === 'float16Vector' || v.case === 'bfloat16Vector') {
    const format = v.case === 'float16Vector' ? 'float16' : 'bfloat16';
    const out: Float32Array[] = [];
    for (let at = 0; at + dim * 2 <= v.value.length; at += dim * 2) out.push(floatsOfHalfBytes(v.value, format, at, dim));
    if (v.value.length % (dim * 2) !== 0) out.push(new Float32Array(0));
    return out;
  }
  throw MilvusError.parameterInvalid(`the reference server does not store ${v.case ?? 'empty'} vectors (field ${c.fieldName})`);
}

/**
 * Turns `fields_data` columns into row objects. Columns may be compact (only valid entries, as
 * inserts send them) or row-dense (as results carry them); `valid_data` marks nulls. The dynamic
 * column (`is_dynamic`) is read into each row's `$meta`.
 *
 * @param numRows - expected rows (Insert's `num_rows`); omitted: taken from the columns. Checked
 *   against every column before any row is allocated.
 * @param write - an Insert's or Upsert's columns are first checked against the schema ({@link checkWriteColumns}).
 * @throws MilvusError as {@link checkWriteColumns}; 65535 `the length(<n>) of float data should
 *   divide the dim(<d>)`; 1100 for `num_rows` of 0 (`num_rows should be greater than 0`), an
 *   unknown column, a vector column of the wrong dimension (`the dim (<n>) of field data(<f>) is
 *   not equal to schema dim (<d>)`) or a column of the wrong length (`the num_rows (<n>) of field
 *   (<f>) is not equal to passed num_rows (<m>)`).
 */
export function rowsOfColumns(fields: readonly ColumnField[], columns: readonly FieldData[], numRows?: number, write?: WriteCheck): ColumnRow[] {
  if (write) checkWriteColumns(fields, columns, numRows, write);
  const decoded = columns.map((c) => {
    const name = c.isDynamic ? DYNAMIC_COLUMN : c.fieldName;
    const field = fields.find((f) => f.name === name);
    if (!field) throw MilvusError.parameterInvalid(`field ${c.fieldName} does not exist in the collection schema`);
    if (c.field.case === 'vectors' && field.dataType !== DataType.SparseFloatVector) {
      const data = c.field.value.data;
      if (data.case === 'floatVector' && field.dim > 0 && data.value.data.length % field.dim !== 0) {
        throw new MilvusError(`the length(${data.value.data.length}) of float data should divide the dim(${field.dim})`);
      }
      const dim = Number(c.field.value.dim) || field.dim;
      if (dim !== field.dim) {
        throw MilvusError.of(
          Merr.ParameterInvalid,
          `the dim (${dim}) of field data(${field.name}) is not equal to schema dim (${field.dim}): ${formatMerr(Merr.ParameterInvalid, { expected: field.dim, actual: dim })}`,
        );
      }
    }
    return { name, column: c, values: columnValues(c, field.dim) };
  });
  if (numRows !== undefined && !(numRows > 0)) {
    throw MilvusError.parameterInvalid('num_rows should be greater than 0', { expected: 'invalid num_rows', actual: numRows });
  }
  const rows = numRows ?? Math.max(0, ...decoded.map((d) => (d.column.validData.length ? d.column.validData.length : d.values.length)));
  // Every column's row count is checked before the rows are allocated: num_rows is the caller's word.
  for (const { column, values } of decoded) {
    const valid = column.validData;
    const dense = valid.length === 0 || values.length === valid.length;
    let expected = valid.length === 0 ? rows : valid.length;
    if (!dense) for (const v of valid) if (!v) expected--;
    if (values.length !== expected || (valid.length !== 0 && valid.length !== rows)) {
      throw MilvusError.of(
        Merr.ParameterInvalid,
        `the num_rows (${values.length}) of field (${column.fieldName}) is not equal to passed num_rows (${rows}): ${formatMerr(Merr.ParameterInvalid, { expected: rows, actual: values.length })}`,
      );
    }
  }
  // Without any column one empty row stands for all: the schema check then names the missing field.
  const out: ColumnRow[] = Array.from({ length: decoded.length ? rows : Math.min(rows, 1) }, () => ({}));
  for (const { name, column, values } of decoded) {
    const valid = column.validData;
    const dense = valid.length === 0 || values.length === valid.length;
    let physical = 0;
    for (let i = 0; i < rows; i++) {
      if (valid.length !== 0 && !valid[i]) {
        out[i]![name] = null;
        if (dense) physical++;
      } else out[i]![name] = values[dense ? i : physical++];
    }
  }
  return out;
}

function scalarInit(type: number, values: readonly unknown[], elementType: number): ScalarInit {
  switch (type) {
    case DataType.Bool:
      return { data: { case: 'boolData', value: { data: values as boolean[] } } };
    case DataType.Int8:
    case DataType.Int16:
    case DataType.Int32:
      return { data: { case: 'intData', value: { data: values.map(Number) } } };
    case DataType.Int64:
      return { data: { case: 'longData', value: { data: values.map((v) => BigInt(v as bigint)) } } };
    case DataType.Float:
      return { data: { case: 'floatData', value: { data: values as number[] } } };
    case DataType.Double:
      return { data: { case: 'doubleData', value: { data: values as number[] } } };
    case DataType.VarChar:
    case DataType.String:
      return { data: { case: 'stringData', value: { data: values as string[] } } };
    case DataType.JSON:
      return { data: { case: 'jsonData', value: { data: values.map((v) => UTF8.encode(stringifyJsonExact(v ?? null) ?? 'null')) } } };
    case DataType.Array:
      return { data: { case: 'arrayData', value: { elementType, data: values.map((v) => scalarInit(elementType, (v ?? []) as unknown[], DataType.None)) } } };
    default:
      throw MilvusError.parameterInvalid(`cannot encode values of data type ${type}`);
  }
}

/** Placeholder value of a null in a row-dense column. */
function zeroOf(type: number): unknown {
  switch (type) {
    case DataType.Bool:
      return false;
    case DataType.Int64:
      return 0n;
    case DataType.VarChar:
    case DataType.String:
      return '';
    case DataType.JSON:
      return null;
    case DataType.Array:
      return [];
    default:
      return 0;
  }
}

/**
 * Encodes one field of rows as a column; nullable fields get `valid_data` and are row-dense
 * (`compact` false, as results carry them) or hold only the valid values (`compact` true, as
 * inserts send them).
 * @throws MilvusError 1100 for a vector of the wrong dimension.
 */
export function columnOf(field: ColumnField, rows: readonly ColumnRow[], compact = false): FieldDataInit {
  const values = rows.map((r) => r[field.name]);
  const base = { type: field.dataType, fieldName: field.name, isDynamic: field.isDynamic, ...(field.fieldID === undefined ? {} : { fieldId: field.fieldID }) };
  if (field.dataType === DataType.FloatVector) {
    const data: number[] = [];
    for (const v of values) {
      const vec = v as ArrayLike<number>;
      if (!vec || vec.length !== field.dim) throw MilvusError.parameterInvalid(`the dim (${vec?.length ?? 0}) of field data(${field.name}) is not equal to schema dim (${field.dim})`);
      for (let i = 0; i < vec.length; i++) data.push(vec[i]!);
    }
    return { ...base, field: { case: 'vectors', value: { dim: BigInt(field.dim), data: { case: 'floatVector', value: { data } } } } };
  }
  if (field.dataType === DataType.BinaryVector) {
    const parts = values.map((v) => Uint8Array.from(v as ArrayLike<number>));
    return { ...base, field: { case: 'vectors', value: { dim: BigInt(field.dim), data: { case: 'binaryVector', value: concatBytes(parts) } } } };
  }
  if (field.dataType === DataType.SparseFloatVector) {
    const sparse = values.map((v) => sparseRowOf(v, false));
    const dim = sparse.reduce((max, row) => Math.max(max, sparseDimOf(row)), 0);
    return { ...base, field: { case: 'vectors', value: { dim: BigInt(dim), data: { case: 'sparseFloatVector', value: { dim: BigInt(dim), contents: sparse.map(sparseBytesOf) } } } } };
  }
  const half = halfFormatOf(field.dataType);
  if (half) {
    const parts = values.map((v) => {
      const vec = v as ArrayLike<number>;
      if (!vec || vec.length !== field.dim) throw MilvusError.parameterInvalid(`the dim (${vec?.length ?? 0}) of field data(${field.name}) is not equal to schema dim (${field.dim})`);
      return halfBytesOf(vec, half);
    });
    const data = half === 'float16' ? { case: 'float16Vector' as const, value: concatBytes(parts) } : { case: 'bfloat16Vector' as const, value: concatBytes(parts) };
    return { ...base, field: { case: 'vectors', value: { dim: BigInt(field.dim), data } } };
  }
  if (!field.nullable) return { ...base, field: { case: 'scalars', value: scalarInit(field.dataType, values, field.elementType) } };
  const validData = values.map((v) => v !== null && v !== undefined);
  const data = compact ? values.filter((_, i) => validData[i]) : values.map((v, i) => (validData[i] ? v : zeroOf(field.dataType)));
  return { ...base, validData, field: { case: 'scalars', value: scalarInit(field.dataType, data, field.elementType) } };
}

/**
 * Encodes rows as `fields_data` in the order of `names`: each schema field named, then the
 * dynamic `$meta` column once when `$meta` or any name outside the schema is listed.
 */
export function columnsOfRows(fields: readonly ColumnField[], rows: readonly ColumnRow[], names: readonly string[], compact = false): FieldDataInit[] {
  const out: FieldDataInit[] = [];
  let meta = false;
  for (const name of names) {
    const field = fields.find((f) => f.name === name && !f.isDynamic);
    if (field) out.push(columnOf(field, rows, compact));
    else meta = true;
  }
  const dynamic = fields.find((f) => f.isDynamic);
  if (meta && dynamic) out.push(columnOf(dynamic, rows.map((r) => ({ [DYNAMIC_COLUMN]: r[DYNAMIC_COLUMN] ?? {} })), compact));
  return out;
}

/** Primary keys as `schema.IDs`: `int_id` for Int64 keys, `str_id` for VarChar keys. */
export function idsOf(keys: readonly (bigint | string)[], pkType: number): MessageInitShape<typeof IDsSchema> {
  return pkType === DataType.Int64
    ? { idField: { case: 'intId', value: { data: keys.map((k) => BigInt(k)) } } }
    : { idField: { case: 'strId', value: { data: keys.map(String) } } };
}

/** The keys of a `schema.IDs`. */
export function keysOf(ids: IDs | undefined): (bigint | string)[] {
  return ids?.idField.value?.data ?? [];
}

/**
 * Encodes query vectors for a field of `dataType` as a serialized `common.PlaceholderGroup` (tag
 * `$0`), as the official SDKs do: little-endian float32 per FloatVector (type 101), packed bytes
 * per BinaryVector (100), two bytes per dimension for Float16Vector / BFloat16Vector (102 / 103),
 * the pairs of each sparse vector (any `SparseInput` form) for SparseFloatVector (104); texts
 * (full-text search) as UTF-8 VarChar placeholders (21), whatever the field's type.
 */
export function placeholderGroupOf(vectors: readonly unknown[], dataType: number): Uint8Array {
  // Texts (full-text search on a BM25 function's output) go as VarChar placeholders (type 21).
  if (vectors.length > 0 && vectors.every((v) => typeof v === 'string')) {
    const values = vectors.map((v) => new TextEncoder().encode(v as string));
    return toBinary(PlaceholderGroupSchema, create(PlaceholderGroupSchema, { placeholders: [{ tag: '$0', type: PlaceholderType.VarChar, values }] }));
  }
  if (dataType === DataType.SparseFloatVector) {
    const values = vectors.map((v) => sparseBytesOf(sparseRowOf(v, false)));
    return toBinary(PlaceholderGroupSchema, create(PlaceholderGroupSchema, { placeholders: [{ tag: '$0', type: PlaceholderType.SparseFloatVector, values }] }));
  }
  const half = halfFormatOf(dataType);
  const binary = dataType === DataType.BinaryVector;
  const values = vectors.map((v) => (binary ? Uint8Array.from(v as ArrayLike<number>) : half ? halfBytesOf(v as ArrayLike<number>, half) : new Uint8Array(Float32Array.from(v as ArrayLike<number>).buffer)));
  const type = binary ? PlaceholderType.BinaryVector : half === 'float16' ? PlaceholderType.Float16Vector : half === 'bfloat16' ? PlaceholderType.BFloat16Vector : PlaceholderType.FloatVector;
  return toBinary(PlaceholderGroupSchema, create(PlaceholderGroupSchema, { placeholders: [{ tag: '$0', type, values }] }));
}

/**
 * Decodes a search request's `placeholder_group` into query vectors: `Float32Array` (float and
 * half-precision types), `Uint8Array` (binary), {@link SparseRow} (sparse, read but not checked),
 * `string` (VarChar: the texts of a full-text search).
 * @throws MilvusError 1100 for undecodable bytes or an unsupported placeholder type; 65535 a
 *   sparse vector whose length is not a multiple of 8.
 */
export function vectorsOfPlaceholderGroup(bytes: Uint8Array): (Float32Array | Uint8Array | SparseRow | string)[] {
  let group;
  try {
    group = fromBinary(PlaceholderGroupSchema, bytes);
  } catch {
    throw MilvusError.parameterInvalid('failed to decode the placeholder group of the search request');
  }
  const ph = group.placeholders[0];
  if (!ph) throw MilvusError.parameterInvalid('the search request has no query vectors');
  return ph.values.map((v) => {
    if (ph.type === PlaceholderType.FloatVector) {
      if (v.length % 4 !== 0) throw MilvusError.parameterInvalid('a float vector placeholder must be a multiple of 4 bytes');
      const copy = new Uint8Array(v);
      return new Float32Array(copy.buffer, 0, copy.length / 4);
    }
    if (ph.type === PlaceholderType.BinaryVector) return new Uint8Array(v);
    if (ph.type === PlaceholderType.Float16Vector || ph.type === PlaceholderType.BFloat16Vector) {
      if (v.length % 2 !== 0) throw MilvusError.parameterInvalid('a float16 or bfloat16 vector placeholder must be a multiple of 2 bytes');
      return floatsOfHalfBytes(v, ph.type === PlaceholderType.Float16Vector ? 'float16' : 'bfloat16');
    }
    if (ph.type === PlaceholderType.SparseFloatVector) return sparseRowOfBytes(v);
    if (ph.type === PlaceholderType.VarChar) return new TextDecoder().decode(v);
    throw MilvusError.parameterInvalid(`the reference server does not search placeholders of type ${PlaceholderType[ph.type] ?? ph.type}`);
  });
}

function templateArray(a: TemplateArrayValue | undefined): unknown[] {
  const d = a?.data;
  if (!d || d.case === undefined) return [];
  if (d.case === 'arrayData') return d.value.data.map(templateArray);
  if (d.case === 'jsonData') return d.value.data.map((b) => parseJson(b, 'template'));
  return (d.value as { data: unknown[] }).data;
}

/** Decodes `expr_template_values` into plain values for a filter's `{name}` placeholders. */
export function paramsOfTemplateValues(values: { [key: string]: TemplateValue }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, tv] of Object.entries(values)) {
    const v = tv.val;
    if (v.case === 'arrayVal') out[key] = templateArray(v.value);
    else if (v.case === 'bytesVal') out[key] = parseJson(v.value, key);
    else if (v.case !== undefined) out[key] = v.value;
  }
  return out;
}

/** Encodes filter parameters as `expr_template_values` (numbers: int64 when integral, else float). */
export function templateValuesOf(params: Readonly<Record<string, unknown>>): Record<string, MessageInitShape<typeof TemplateValueSchema>> {
  type ArrayInit = NonNullable<Extract<MessageInitShape<typeof TemplateValueSchema>['val'], { case: 'arrayVal' }>['value']>;
  const array = (a: readonly unknown[]): ArrayInit => {
    if (a.every((x) => typeof x === 'boolean')) return { data: { case: 'boolData', value: { data: a as boolean[] } } };
    if (a.every((x) => typeof x === 'bigint' || (typeof x === 'number' && Number.isInteger(x)))) return { data: { case: 'longData', value: { data: a.map((x) => BigInt(x as number)) } } };
    if (a.every((x) => typeof x === 'number')) return { data: { case: 'doubleData', value: { data: a as number[] } } };
    if (a.every((x) => typeof x === 'string')) return { data: { case: 'stringData', value: { data: a as string[] } } };
    if (a.every(Array.isArray)) return { data: { case: 'arrayData', value: { data: a.map((x) => array(x as unknown[])) } } };
    return { data: { case: 'jsonData', value: { data: a.map((x) => UTF8.encode(stringifyJsonExact(x) ?? 'null')) } } };
  };
  const one = (v: unknown): MessageInitShape<typeof TemplateValueSchema> => {
    if (Array.isArray(v)) return { val: { case: 'arrayVal', value: array(v) } };
    if (typeof v === 'boolean') return { val: { case: 'boolVal', value: v } };
    if (typeof v === 'bigint') return { val: { case: 'int64Val', value: v } };
    if (typeof v === 'number') return Number.isInteger(v) ? { val: { case: 'int64Val', value: BigInt(v) } } : { val: { case: 'floatVal', value: v } };
    if (typeof v === 'string') return { val: { case: 'stringVal', value: v } };
    return { val: { case: 'bytesVal', value: UTF8.encode(stringifyJsonExact(v) ?? 'null') } };
  };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, one(v)]));
}
