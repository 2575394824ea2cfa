/**
 * The Milvus proxy's checks of an Insert's or Upsert's `fields_data` against the collection
 * schema, in its order (`checkPrimaryFieldData` → `checkFieldsDataBySchema`, then
 * `validateUtil.Validate`'s per-column checks), and in its words. They need the columns as the wire
 * carries them, so they run where the columns are decoded (`rowsOfColumns`); the alignment checks
 * (row counts, dims) follow there.
 *
 * @packageDocumentation
 */
import { DataType, Merr, MilvusError, dataTypeName, formatMerr, sparseRowOfBytes, validateSparseRow, verifyFloat } from '@mvkit/core';
import type { FieldData, ScalarField } from './gen/milvus/proto/schema/schema_pb.js';

/** What the checks need of a schema field (a `ColumnField` of the data codec). */
export interface CheckedField {
  name: string;
  dataType: number;
  elementType: number;
  nullable: boolean;
  isDynamic: boolean;
  /** The primary key of an auto-ID collection. */
  autoID?: boolean;
  hasDefault?: boolean;
  /** A function's output (BM25): the server computes it, a write leaves it out (the engine refuses it when given). */
  isFunctionOutput?: boolean;
  /** `max_length` (VarChar, VarChar arrays) and `max_capacity` (arrays), when the schema sets them. */
  maxLength?: number;
  maxCapacity?: number;
}

/** An Insert (`upsert` false) or an Upsert. */
export interface WriteCheck {
  upsert: boolean;
}

/** Longest JSON value, in bytes (`common.JSONMaxLength`). */
const JSON_MAX_LENGTH = 65536;

const DYNAMIC_COLUMN = '$meta';

/** `merr.WrapErrParameterInvalid(expected, actual, msg)`. */
const invalid = (msg: string, expected: string | number, actual: string | number) => MilvusError.of(Merr.ParameterInvalid, `${msg}: ${formatMerr(Merr.ParameterInvalid, { expected, actual })}`);
/** `merr.WrapErrParameterInvalidMsg(msg)`. */
const invalidMsg = (msg: string) => MilvusError.parameterInvalid(msg);

/** `typeutil.VerifyFloats32` / `VerifyFloats64`. */
function verifyFloats(values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) verifyFloat(values[i]!);
}

/** `typeutil.VerifyFloats16` / `VerifyBFloats16`: an exponent of all ones is NaN or infinity. */
function verifyHalfFloats(bytes: Uint8Array, format: 'float16' | 'bfloat16'): void {
  if (bytes.length % 2 !== 0) throw invalidMsg(format === 'float16' ? 'The length of float16 is not aligned to 2.' : 'The length of bfloat16 in not aligned to 2');
  const mask = format === 'float16' ? 0x7c00 : 0x7f80;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (((bytes[i]! | (bytes[i + 1]! << 8)) & mask) === mask) throw invalidMsg(`${format} vector contain nan or infinity value.`);
  }
}

/** `verifyOverflowByRange` for Int8 / Int16 values. */
function verifyRange(values: readonly number[], type: number): void {
  const [lb, ub] = type === DataType.Int8 ? [-128, 127] : type === DataType.Int16 ? [-32768, 32767] : [-Infinity, Infinity];
  values.forEach((e, idx) => {
    if (e < lb || e > ub) throw invalid(`the ${idx}th element (${e}) out of range: [${lb}, ${ub}]`, "integer doesn't overflow", 'out of range');
  });
}

const utf8 = new TextEncoder();
/** Bytes of a string in UTF-8 (Go's `len` of a string). */
const utf8Length = (s: string) => utf8.encode(s).length;

/** The oneof case of each scalar type's values, the kind Milvus names in its messages, and Go's type name of the case. */
const ELEMENT_KINDS: ReadonlyMap<number, { case: string; kind: string }> = new Map([
  [DataType.Bool, { case: 'boolData', kind: 'bool' }],
  [DataType.Int8, { case: 'intData', kind: 'int' }],
  [DataType.Int16, { case: 'intData', kind: 'int' }],
  [DataType.Int32, { case: 'intData', kind: 'int' }],
  [DataType.Int64, { case: 'longData', kind: 'int64' }],
  [DataType.Float, { case: 'floatData', kind: 'float' }],
  [DataType.Double, { case: 'doubleData', kind: 'double' }],
  [DataType.VarChar, { case: 'stringData', kind: 'string' }],
  [DataType.String, { case: 'stringData', kind: 'string' }],
]);
const goCaseName = (c: string) => `*schemapb.ScalarField_${c[0]!.toUpperCase()}${c.slice(1)}`;

/** The values of a scalar column when they are of `wanted` case, else undefined (Go's nil getter). */
function scalarData(column: FieldData, wanted: string): unknown[] | undefined {
  const d = column.field.case === 'scalars' ? column.field.value.data : undefined;
  return d && d.case === wanted ? (d.value as { data: unknown[] }).data : undefined;
}

/** `checkArrayFieldData` and `checkArrayElement`. */
function checkArrayColumn(field: CheckedField, column: FieldData, write: WriteCheck): void {
  const d = column.field.case === 'scalars' ? column.field.value.data : undefined;
  if (!d || d.case !== 'arrayData') {
    throw invalid(`array field '${column.fieldName}' is illegal, array type mismatch`, `need ${dataTypeName(field.elementType)} array`, 'got nil');
  }
  const rows: ScalarField[] = d.value.data;
  const element = ELEMENT_KINDS.get(field.elementType);
  if (!write.upsert && field.maxCapacity !== undefined) {
    rows.forEach((row, i) => {
      const length = row.data.case === element?.case ? (row.data.value as { data: unknown[] }).data.length : 0;
      if (length > field.maxCapacity!) throw invalid(`the length (${length}) of ${i}th array exceeds max capacity (${field.maxCapacity})`, 'valid length array', 'array length exceeds max capacity');
    });
  }
  if (!element) return;
  rows.forEach((row, rowCnt) => {
    if (row.data.case === undefined) throw invalid('insert data does not match', `${element.kind} array`, 'nil array');
    if (row.data.case !== element.case) throw invalid('insert data does not match', `${element.kind} array`, `${goCaseName(row.data.case)} array`);
    const values = (row.data.value as { data: unknown[] }).data;
    if (element.case === 'intData') verifyRange(values as number[], field.elementType);
    if (element.case === 'stringData' && field.maxLength !== undefined) {
      (values as string[]).forEach((s, i) => {
        const length = utf8Length(s);
        if (length > field.maxLength!) {
          throw invalidMsg(`length of Array array field "${field.name}" exceeds max length, row number: ${rowCnt}, array index: ${i}, length: ${length}, max length: ${field.maxLength}`);
        }
      });
    }
  });
}

/** `validateUtil.Validate`'s check of one column, by the field's type. */
function checkColumnValues(field: CheckedField, column: FieldData, write: WriteCheck): void {
  const name = column.fieldName;
  const optional = field.nullable || field.hasDefault === true;
  const vectors = column.field.case === 'vectors' ? column.field.value.data : undefined;
  const scalar = (wanted: string, need: string, label = 'field'): unknown[] | undefined => {
    const data = scalarData(column, wanted);
    if (data === undefined && !optional) throw invalid(`${label} '${name}' is illegal, array type mismatch`, need, 'got nil');
    return data;
  };
  switch (field.dataType) {
    case DataType.FloatVector:
      if (vectors?.case !== 'floatVector') throw invalid(`float vector field '${name}' is illegal, array type mismatch`, 'need float vector', 'got nil');
      return verifyFloats(vectors.value.data);
    case DataType.Float16Vector:
      if (vectors?.case !== 'float16Vector') throw invalid(`float16 float field '${name}' is illegal, nil Vector_Float16 type`, 'need vector_float16 array', 'got nil');
      return verifyHalfFloats(vectors.value, 'float16');
    case DataType.BFloat16Vector:
      if (vectors?.case !== 'bfloat16Vector') throw invalid(`bfloat16 float field '${name}' is illegal, nil Vector_BFloat16 type`, 'need vector_bfloat16 array', 'got nil');
      return verifyHalfFloats(vectors.value, 'bfloat16');
    case DataType.BinaryVector:
      if (vectors?.case !== 'binaryVector') throw invalid(`binary float vector field '${name}' is illegal, array type mismatch`, 'need bytes array', 'got nil');
      return;
    case DataType.SparseFloatVector:
      if (vectors?.case !== 'sparseFloatVector') throw invalid(`sparse float field '${name}' is illegal, nil SparseFloatVector`, 'need sparse float array', 'got nil');
      for (const row of vectors.value.contents) validateSparseRow(sparseRowOfBytes(row));
      return;
    case DataType.VarChar: {
      const data = scalar('stringData', 'need string array', 'varchar field') as string[] | undefined;
      if (!data || field.autoID || field.maxLength === undefined) return;
      data.forEach((s, i) => {
        const length = utf8Length(s);
        if (length > field.maxLength!) throw invalidMsg(`length of varchar field ${field.name} exceeds max length, row number: ${i}, length: ${length}, max length: ${field.maxLength}`);
      });
      return;
    }
    case DataType.JSON: {
      const data = scalar('jsonData', 'need json array', 'json field') as Uint8Array[] | undefined;
      for (const bytes of data ?? []) {
        if (bytes.length <= JSON_MAX_LENGTH) continue;
        if (column.isDynamic) throw invalid(`the length (${bytes.length}) of dynamic field exceeds max length (${JSON_MAX_LENGTH})`, 'valid length dynamic field', 'length exceeds max length');
        throw invalid(`the length (${bytes.length}) of json field (${name}) exceeds max length (${JSON_MAX_LENGTH})`, 'valid length json string', 'length exceeds max length');
      }
      return;
    }
    case DataType.Int8:
    case DataType.Int16:
    case DataType.Int32: {
      const data = scalar('intData', 'need int array') as number[] | undefined;
      if (data) verifyRange(data, field.dataType);
      return;
    }
    case DataType.Int64:
      scalar('longData', 'need long int array');
      return;
    case DataType.Float:
      verifyFloats((scalar('floatData', 'need float32 array') as number[] | undefined) ?? []);
      return;
    case DataType.Double:
      verifyFloats((scalar('doubleData', 'need float64(double) array') as number[] | undefined) ?? []);
      return;
    case DataType.Array:
      return checkArrayColumn(field, column, write);
    default:
  }
}

/**
 * Checks a write's columns: `num_rows` positive; no column twice; every field without a default
 * value, not nullable and not generated (the auto-ID key on insert) present; no column beyond the
 * schema's fields (an auto-ID key sent on insert counts twice, as Milvus counts it); then each
 * column's values as `validateUtil.Validate` checks them, column by column: of the field's type,
 * finite floats, VarChar lengths in UTF-8 bytes, JSON lengths, Int8/Int16 ranges, sparse rows,
 * Array capacity (insert only), element kinds and VarChar element lengths.
 * @throws MilvusError 1100 `num_rows should be greater than 0: invalid parameter[expected=invalid
 *   num_rows][actual=<n>]`, `duplicated field <f> found: invalid parameter`, `fieldSchema(<f>) has
 *   no corresponding fieldData pass in: invalid parameter`, `more fieldData has pass in: invalid
 *   parameter[expected=<fields>][actual=<columns>]`, then the value checks' messages (e.g. `field
 *   '<f>' is illegal, array type mismatch: invalid parameter[expected=need long int array][actual=got
 *   nil]`, `the length (<n>) of <i>th array exceeds max capacity (<c>): …`); 65535 for a sparse row
 *   `ValidateSparseFloatRows` refuses.
 */
export function checkWriteColumns(fields: readonly CheckedField[], columns: readonly FieldData[], numRows: number | undefined, write: WriteCheck): void {
  if (numRows !== undefined && !(numRows > 0)) throw MilvusError.parameterInvalid('num_rows should be greater than 0', { expected: 'invalid num_rows', actual: numRows });
  const given = new Set<string>();
  for (const c of columns) {
    const name = c.isDynamic ? DYNAMIC_COLUMN : c.fieldName;
    if (given.has(name)) throw MilvusError.parameterInvalid(`duplicated field ${c.fieldName} found`);
    given.add(name);
  }
  // Columns the proxy adds or generates: a missing nullable or defaulted field, `$meta`, the auto-ID key, a function's output.
  let added = 0;
  for (const f of fields) {
    const generated = f.autoID === true && !write.upsert;
    if (generated) added++;
    if (given.has(f.name) || generated) continue;
    if (!f.isDynamic && !f.nullable && !f.hasDefault && !f.isFunctionOutput) throw MilvusError.parameterInvalid(`fieldSchema(${f.name}) has no corresponding fieldData pass in`);
    added++;
  }
  const actual = columns.length + added;
  if (actual !== fields.length) throw MilvusError.parameterInvalid('more fieldData has pass in', { expected: fields.length, actual });
  for (const c of columns) {
    const field = fields.find((f) => f.name === (c.isDynamic ? DYNAMIC_COLUMN : c.fieldName));
    if (field) checkColumnValues(field, c, write);
  }
}
