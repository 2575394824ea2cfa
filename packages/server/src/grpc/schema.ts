import { fromBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { Merr, MilvusError, type DataTypeValue, type DefaultValue } from '@mvkit/core';
import { CollectionSchemaSchema, FieldSchemaSchema, type CollectionSchema } from '@mvkit/proto';
import type { CollectionSpec, FieldInput, FieldSpec, FunctionInput } from '../engine/index.js';

/**
 * Decodes the serialized `schema.CollectionSchema` of a CreateCollectionRequest.
 * @throws MilvusError 1100 for empty or undecodable bytes.
 */
export function decodeSchema(bytes: Uint8Array): CollectionSchema {
  if (bytes.length === 0) throw MilvusError.of(Merr.ParameterInvalid, `schema is empty: ${Merr.ParameterInvalid.message}`);
  try {
    return fromBinary(CollectionSchemaSchema, bytes);
  } catch (e) {
    throw MilvusError.of(Merr.ParameterInvalid, `failed to unmarshal collection schema: ${(e as Error).message}: ${Merr.ParameterInvalid.message}`);
  }
}

/** Wire fields → engine field inputs (the engine assigns IDs and validates). */
export function fieldInputsOf(schema: CollectionSchema): FieldInput[] {
  // A field marked dynamic is passed on: the engine refuses it, as the proxy does.
  return schema.fields.map((f) => ({
    name: f.name,
    description: f.description,
    dataType: f.dataType as DataTypeValue,
    isPrimaryKey: f.isPrimaryKey,
    autoID: f.autoID || (f.isPrimaryKey && schema.autoID),
    typeParams: Object.fromEntries(f.typeParams.map((p) => [p.key, p.value])),
    isPartitionKey: f.isPartitionKey,
    isDynamic: f.isDynamic,
    isClusteringKey: f.isClusteringKey,
    elementType: f.elementType as DataTypeValue,
    nullable: f.nullable,
    ...(f.defaultValue?.data.case ? { defaultValue: f.defaultValue.data as DefaultValue } : {}),
  }));
}

/** Engine field → `schema.FieldSchema` init. */
export function fieldSchemaOf(f: FieldSpec): MessageInitShape<typeof FieldSchemaSchema> {
  return {
    fieldID: f.fieldID,
    name: f.name,
    isPrimaryKey: f.isPrimaryKey,
    description: f.description,
    dataType: f.dataType,
    typeParams: Object.entries(f.typeParams).map(([key, value]) => ({ key, value })),
    autoID: f.autoID,
    elementType: f.elementType,
    isDynamic: f.isDynamic,
    isPartitionKey: f.isPartitionKey,
    isClusteringKey: f.isClusteringKey,
    nullable: f.nullable,
    ...(f.defaultValue ? { defaultValue: { data: f.defaultValue } } : {}),
    isFunctionOutput: f.isFunctionOutput ?? false,
  };
}

/** Wire functions → engine function inputs (the engine validates and assigns IDs). */
export function functionInputsOf(schema: CollectionSchema): FunctionInput[] {
  return schema.functions.map((f) => ({
    name: f.name,
    description: f.description,
    type: f.type,
    inputFieldNames: f.inputFieldNames,
    outputFieldNames: f.outputFieldNames,
    params: f.params.map((p) => ({ key: p.key, value: p.value })),
  }));
}

/** Engine schema → `schema.CollectionSchema` init. */
export function collectionSchemaOf(spec: CollectionSpec): MessageInitShape<typeof CollectionSchemaSchema> {
  return {
    name: spec.name,
    description: spec.description,
    autoID: spec.autoID,
    // The dynamic `$meta` field is not listed, as the proxy's DescribeCollection leaves it out
    // (`describeCollectionTask.Execute` skips `IsDynamic` fields); `enable_dynamic_field` says it exists.
    fields: spec.fields.filter((f) => !f.isDynamic).map(fieldSchemaOf),
    enableDynamicField: spec.enableDynamicField,
    functions: (spec.functions ?? []).map((f) => ({
      name: f.name,
      id: f.id,
      description: f.description,
      type: f.type,
      inputFieldNames: [...f.inputFieldNames],
      inputFieldIds: f.inputFieldIds,
      outputFieldNames: [...f.outputFieldNames],
      outputFieldIds: f.outputFieldIds,
      params: f.params.map((p) => ({ ...p })),
    })),
  };
}
