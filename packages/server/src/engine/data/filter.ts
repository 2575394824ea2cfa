import { DataType, type DataTypeName } from '@mvkit/core';
import { parseFilter, type FilterSchema } from '../expr/index.js';
import type { CollectionSpec } from '../schema.js';
import type { RowFilter } from './read.js';

const NAMES = new Map<number, DataTypeName>(Object.entries(DataType).map(([name, value]) => [value, name as DataTypeName]));

const views = new WeakMap<CollectionSpec, FilterSchema>();

/** The view of a collection schema that the filter parser type-checks against (built once per schema). */
export function filterSchemaOf(schema: CollectionSpec): FilterSchema {
  let view = views.get(schema);
  if (!view) views.set(schema, (view = buildView(schema)));
  return view;
}

function buildView(schema: CollectionSpec): FilterSchema {
  return {
    fields: schema.fields
      .filter((f) => !f.isDynamic)
      .map((f) => ({ name: f.name, type: NAMES.get(f.dataType)!, ...(f.elementType ? { elementType: NAMES.get(f.elementType)! } : {}), nullable: f.nullable })),
    dynamic: schema.enableDynamicField,
  };
}

/**
 * Compiles a Milvus boolean expression for a collection (see `../expr`).
 * @throws MilvusError 1100 for a syntax or type error, as Milvus's plan parser.
 */
export function compileFilter(schema: CollectionSpec, text: string, params?: Readonly<Record<string, unknown>>): RowFilter {
  return parseFilter(text, filterSchemaOf(schema), params);
}
