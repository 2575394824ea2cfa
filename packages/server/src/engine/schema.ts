import { DataType, Merr, MilvusError, isVectorType, type DefaultValue, type NormalizedField } from '@mvkit/core';
import { validateFieldName } from './names.js';

/** One field of a collection schema, as the engine stores it (mirrors `schema.FieldSchema`). */
export interface FieldSpec extends NormalizedField {
  /** Field ID; user fields start at 100 as in Milvus. */
  fieldID: bigint;
}

/** A collection schema as the engine stores it (mirrors `schema.CollectionSchema`). */
export interface CollectionSpec {
  name: string;
  description: string;
  autoID: boolean;
  fields: FieldSpec[];
  enableDynamicField: boolean;
}

/** Input shape of a field when creating a collection: a {@link FieldSpec} without its ID. */
export type FieldInput = NormalizedField;

/** `schemapb.DataType` names by value, as Go's `DataType.String()` gives them. */
const DATA_TYPE_NAMES = new Map<number, string>(Object.entries(DataType).map(([name, value]) => [value, name]));

/** First user field ID, as Milvus (`common.StartOfUserFieldID`). */
export const START_OF_USER_FIELD_ID = 100n;


/** Most shards of a collection (`proxy.maxShardNum`). */
export const MAX_SHARD_NUM = 16;
/** Most fields of a collection schema (`proxy.maxFieldNum`). */
export const MAX_FIELD_NUM = 64;
/** Most vector fields of a collection schema (`proxy.maxVectorFieldNum`). */
export const MAX_VECTOR_FIELD_NUM = 4;
/** Largest `max_capacity` of an Array field (`defaultMaxArrayCapacity`). */
export const MAX_ARRAY_CAPACITY = 4096;

/**
 * The caps CreateCollection checks first, before any name (the proxy's `createCollectionTask.PreExecute`
 * order): shards, fields, vector fields, then that there is a vector field at all.
 * @throws MilvusError 65535 `maximum shards's number should be limited to 16`, `maximum field's
 *   number should be limited to 64`, `maximum vector field's number should be limited to 4`;
 *   1100 `schema does not contain vector field`.
 */
export function checkSchemaCaps(inputs: readonly FieldInput[], shardsNum: number): void {
  if (shardsNum > MAX_SHARD_NUM) throw new MilvusError(`maximum shards's number should be limited to ${MAX_SHARD_NUM}`);
  if (inputs.length > MAX_FIELD_NUM) throw new MilvusError(`maximum field's number should be limited to ${MAX_FIELD_NUM}`);
  const vectors = inputs.filter((f) => isVectorType(f.dataType)).length;
  if (vectors > MAX_VECTOR_FIELD_NUM) throw new MilvusError(`maximum vector field's number should be limited to ${MAX_VECTOR_FIELD_NUM}`);
  if (vectors === 0) throw MilvusError.parameterInvalid('schema does not contain vector field');
}

/**
 * Validates a schema for CreateCollection as the Milvus proxy does and assigns field IDs (100, 101,
 * …); adds the `$meta` JSON field when the dynamic field is enabled.
 *
 * Rules: at least one field; unique valid field names; exactly one primary key of type Int64 or
 * VarChar, not nullable; at least one vector field; vector `dim` a positive integer (≤ 32768);
 * VarChar `max_length` in 1..65535; at most one partition key, not nullable; no nullable vector
 * field and default values that fit their field (rootcoord's checks, the last).
 *
 * @throws MilvusError 1100 / 1701 / 65535 with the proxy's wording (see the conformance report for
 *   messages that are guesses).
 */
export function buildSchema(name: string, description: string, inputs: readonly FieldInput[], enableDynamicField: boolean): CollectionSpec {
  if (inputs.length === 0) throw MilvusError.parameterInvalid('schema does not contain any field');
  const seen = new Set<string>();
  let primary: FieldInput | undefined;
  let partitionKeys = 0;
  for (const f of inputs) {
    validateFieldName(f.name);
    if (seen.has(f.name)) throw MilvusError.parameterInvalid(`duplicated field name ${f.name} found`);
    seen.add(f.name);
    if (f.isPrimaryKey) {
      if (primary) throw MilvusError.parameterInvalid(`there are more than one primary key, field name = ${primary.name}, ${f.name}`);
      primary = f;
    }
    if (f.isPartitionKey) {
      partitionKeys++;
      if (f.nullable) throw MilvusError.parameterInvalid('partition key field not support nullable');
    }
    if (isVectorType(f.dataType)) {
      if (f.dataType !== DataType.SparseFloatVector) {
        const dim = Number(f.typeParams.dim);
        if (f.typeParams.dim === undefined) throw MilvusError.parameterInvalid(`dimension is not defined in field type params of field ${f.name}, check type param \`dim\` for vector field`);
        if (!Number.isInteger(dim) || dim <= 0 || dim > 32768) throw MilvusError.parameterInvalid(`invalid dimension: ${f.typeParams.dim} of field ${f.name}. float vector dimension should be in range 2 ~ 32768`);
      }
    }
    if (f.dataType === DataType.Array) checkMaxCapacity(f, name);
    if (f.dataType === DataType.VarChar) {
      const max = Number(f.typeParams.max_length);
      if (f.typeParams.max_length === undefined) throw MilvusError.parameterInvalid(`type param(max_length) should be specified for the field(${f.name}) of collection ${name}`);
      if (!Number.isInteger(max) || max <= 0 || max > 65535) throw MilvusError.parameterInvalid(`the maximum length specified for the field(${f.name}) should be in (0, 65535], but got ${f.typeParams.max_length} instead`);
    }
  }
  if (!primary) throw MilvusError.parameterInvalid('primary key is not specified');
  if (primary.dataType !== DataType.Int64 && primary.dataType !== DataType.VarChar) {
    throw MilvusError.parameterInvalid('The data type of the primary key should be Int64 or VarChar');
  }
  if (primary.nullable) throw MilvusError.parameterInvalid('primary field not support null');
  if (primary.defaultValue) throw MilvusError.parameterInvalid('primary field not support default_value');
  if (partitionKeys > 1) throw MilvusError.parameterInvalid('there are more than one partition key');
  // Rootcoord's `checkFieldSchema`, after every proxy check.
  for (const f of inputs) {
    if (f.nullable && isVectorType(f.dataType)) throw MilvusError.parameterInvalid(`vector type not support null, type:${DATA_TYPE_NAMES.get(f.dataType)}, name:${f.name}`);
    if (f.defaultValue) checkDefaultValue(f, f.defaultValue);
  }
  const fields: FieldSpec[] = inputs.map((f, i) => ({ ...f, fieldID: START_OF_USER_FIELD_ID + BigInt(i) }));
  if (enableDynamicField) {
    fields.push({
      fieldID: START_OF_USER_FIELD_ID + BigInt(fields.length),
      name: '$meta',
      description: 'dynamic schema',
      dataType: DataType.JSON,
      isPrimaryKey: false,
      autoID: false,
      typeParams: {},
      isPartitionKey: false,
      isDynamic: true,
      isClusteringKey: false,
      elementType: DataType.None,
      nullable: false,
    });
  }
  return { name, description, autoID: primary.autoID, fields, enableDynamicField };
}

/** The `ValueField` case that carries a default value of each scalar type, and its name in messages. */
const DEFAULT_VALUE_CASES: ReadonlyMap<number, DefaultValue['case']> = new Map([
  [DataType.Bool, 'boolData'],
  [DataType.Int8, 'intData'],
  [DataType.Int16, 'intData'],
  [DataType.Int32, 'intData'],
  [DataType.Int64, 'longData'],
  [DataType.Float, 'floatData'],
  [DataType.Double, 'doubleData'],
  [DataType.VarChar, 'stringData'],
]);
const CASE_TYPE_NAMES: Readonly<Record<DefaultValue['case'], string>> = {
  boolData: 'Bool',
  intData: 'Int',
  longData: 'Int64',
  floatData: 'Float',
  doubleData: 'Double',
  stringData: 'VarChar',
  bytesData: 'Bytes',
};
const INT_RANGES: ReadonlyMap<number, readonly [number, number]> = new Map([
  [DataType.Int8, [-128, 127]],
  [DataType.Int16, [-32768, 32767]],
]);

/**
 * Rootcoord's default-value rules: only scalar types other than JSON and Array take one, in the
 * `ValueField` case of the field's type, an Int8/Int16 value in range, a VarChar value (in UTF-8
 * bytes) within `max_length`. Messages as Milvus's own tests of 2.5 expect them (a guess where they
 * show only part of the text: see the conformance divergences).
 * @throws MilvusError 1100.
 */
function checkDefaultValue(f: FieldInput, d: DefaultValue): void {
  const typeName = DATA_TYPE_NAMES.get(f.dataType);
  const wanted = DEFAULT_VALUE_CASES.get(f.dataType);
  if (!wanted) throw MilvusError.parameterInvalid(`type (${typeName}) not support default_value`);
  if (d.case !== wanted) throw MilvusError.parameterInvalid(`type (${typeName}) of field (${f.name}) is not equal to the type(DataType_${CASE_TYPE_NAMES[d.case]}) of default_value`);
  const range = INT_RANGES.get(f.dataType);
  if (range && ((d.value as number) < range[0] || (d.value as number) > range[1])) {
    throw MilvusError.of(Merr.ParameterInvalid, `default value out of range: ${Merr.ParameterInvalid.message}[${d.value} out of range ${range[0]} <= value <= ${range[1]}]`);
  }
  if (d.case === 'stringData') {
    const length = new TextEncoder().encode(d.value).length;
    const max = Number(f.typeParams.max_length);
    if (length > max) {
      throw MilvusError.parameterInvalid(`the length (${length}) of string exceeds max length (${max})`, { expected: 'valid length string', actual: 'string length exceeds max length' });
    }
  }
}

/**
 * `validateMaxCapacityPerRow`: an Array field needs an integer `max_capacity` in (0, 4096].
 * @throws MilvusError 65535 with the proxy's words.
 */
function checkMaxCapacity(f: FieldInput, collectionName: string): void {
  const text = f.typeParams.max_capacity;
  if (text === undefined) throw new MilvusError(`type param(max_capacity) should be specified for array field ${f.name} of collection ${collectionName}`);
  const cap = Number(text);
  if (!/^[+-]?\d+$/.test(String(text).trim())) throw new MilvusError(`the value for max_capacity of field ${f.name} must be an integer`);
  if (cap > MAX_ARRAY_CAPACITY || cap <= 0) throw new MilvusError(`the maximum capacity specified for a Array should be in (0, ${MAX_ARRAY_CAPACITY}]`);
}

/** Whether two schemas are the same for a repeated CreateCollection (then a no-op success). */
export function sameSchema(a: CollectionSpec, b: CollectionSpec): boolean {
  return JSON.stringify(a, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ===
    JSON.stringify(b, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
