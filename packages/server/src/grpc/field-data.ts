import type { ColumnField } from '@mvkit/proto';
import { isVectorType } from '@mvkit/core';
import { dimOf, type CollectionSpec } from '../engine/index.js';

const views = new WeakMap<CollectionSpec, ColumnField[]>();

/** The codec view (`@mvkit/proto` data codec) of a collection schema's fields (built once per schema). */
export function columnFieldsOf(schema: CollectionSpec): readonly ColumnField[] {
  let view = views.get(schema);
  if (!view) views.set(schema, (view = buildView(schema)));
  return view;
}

function buildView(schema: CollectionSpec): ColumnField[] {
  return schema.fields.map((f) => ({
    name: f.name,
    dataType: f.dataType,
    dim: isVectorType(f.dataType) ? dimOf(f) : 0,
    elementType: f.elementType,
    nullable: f.nullable,
    isDynamic: f.isDynamic,
    fieldID: f.fieldID,
    autoID: f.isPrimaryKey && f.autoID,
    hasDefault: f.defaultValue !== undefined,
    isFunctionOutput: f.isFunctionOutput ?? false,
    ...(f.typeParams.max_length === undefined ? {} : { maxLength: Number(f.typeParams.max_length) }),
    ...(f.typeParams.max_capacity === undefined ? {} : { maxCapacity: Number(f.typeParams.max_capacity) }),
  }));
}
