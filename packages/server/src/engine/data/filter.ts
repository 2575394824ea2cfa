import { parseFilter, type Filter, type FilterSchema, type PreparedFilter } from '../expr/index.js';
import type { CollectionSpec } from '../schema.js';
import { filterFieldOf } from '../text-match-schema.js';


const views = new WeakMap<CollectionSpec, FilterSchema>();

/** The view of a collection schema that the filter parser type-checks against (built once per schema). */
export function filterSchemaOf(schema: CollectionSpec): FilterSchema {
  let view = views.get(schema);
  if (!view) views.set(schema, (view = buildView(schema)));
  return view;
}

function buildView(schema: CollectionSpec): FilterSchema {
  const meta = schema.fields.find((f) => f.isDynamic);
  return {
    fields: schema.fields.filter((f) => !f.isDynamic).map(filterFieldOf),
    dynamic: schema.enableDynamicField,
    ...(meta ? { metaFieldID: Number(meta.fieldID) } : {}),
  };
}

/**
 * Prepares a large filter away from the event loop (the server's decode worker runs
 * `prepareFilter` of `../expr`): resolves its `PreparedFilter`, or rejects with its
 * MilvusError 1100.
 */
export type FilterPreparer = (text: string, schema: FilterSchema, params?: Readonly<Record<string, unknown>>) => Promise<PreparedFilter | undefined>;

/** Filters from this many characters on are prepared by the {@link FilterPreparer}, when there is one (parsing 64 KiB takes a few ms). */
export const PREPARE_MIN_CHARS = 64 * 1024;

/**
 * Compiles a Milvus boolean expression for a collection (see `../expr`); a long one is parsed and
 * checked by `prepare` first, so that this thread only assembles the result. The filter reports
 * its primary keys when it is a by-keys filter (`keyTerms`), and the partition-key values it
 * allows when it says (`partitionKeys`).
 * @throws MilvusError 1100 for a syntax or type error, as Milvus's plan parser.
 */
export async function compileFilter(schema: CollectionSpec, text: string, params?: Readonly<Record<string, unknown>>, prepare?: FilterPreparer): Promise<Filter> {
  const view = filterSchemaOf(schema);
  const prepared = prepare && text.length >= PREPARE_MIN_CHARS ? await prepare(text, view, params) : undefined;
  const partitionKey = schema.fields.find((f) => f.isPartitionKey)?.name;
  return parseFilter(text, view, params, { primaryKey: schema.fields.find((f) => f.isPrimaryKey)!.name, ...(partitionKey ? { partitionKey } : {}) }, prepared);
}
