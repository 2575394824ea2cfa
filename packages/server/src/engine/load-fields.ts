/**
 * Partial load (Milvus 2.5 `load_fields`, `skip_load_dynamic_field`): which fields of a collection
 * a LoadCollection / LoadPartitions loads, checked as the proxy's `GetLoadFieldIDs` /
 * `validateLoadFields` and querycoord's load job check them, and what reads may then touch.
 *
 * @packageDocumentation
 */
import { Merr, MilvusError, formatMerr, isVectorType } from '@mvkit/core';
import type { CollectionSpec } from './schema.js';

/** The fields a load asks for: names (none: every field) and whether the dynamic field stays unloaded. */
export interface LoadFieldsInput {
  loadFields?: readonly string[];
  skipLoadDynamicField?: boolean;
}

/**
 * The loaded fields a load asks for, by name, or `undefined` when it loads every field.
 * @throws MilvusError 65535 `failed to get field schema by name: fieldName(<f>) not found` for an
 *   unknown name (a dynamic key included); 1100 `load field list [<names>] does not contain primary
 *   key field <pk>: invalid parameter`, then the same for a vector field, the partition key and
 *   the clustering key.
 */
export function loadFieldsOf(schema: CollectionSpec, input: LoadFieldsInput): ReadonlySet<string> | undefined {
  const names = input.loadFields ?? [];
  const dynamic = schema.fields.find((f) => f.isDynamic);
  const skipDynamic = input.skipLoadDynamicField === true;
  if (names.length === 0) return skipDynamic && dynamic ? new Set(schema.fields.filter((f) => !f.isDynamic).map((f) => f.name)) : undefined;
  const loaded = new Set<string>();
  for (const name of names) {
    if (!schema.fields.some((f) => f.name === name)) throw new MilvusError(`failed to get field schema by name: fieldName(${name}) not found`);
    loaded.add(name);
  }
  if (dynamic && !skipDynamic) loaded.add(dynamic.name);
  const list = `[${names.join(' ')}]`;
  const missing = (what: string) => MilvusError.parameterInvalid(`load field list ${list} does not contain ${what}`);
  const pk = schema.fields.find((f) => f.isPrimaryKey)!;
  if (!loaded.has(pk.name)) throw missing(`primary key field ${pk.name}`);
  if (!schema.fields.some((f) => isVectorType(f.dataType) && loaded.has(f.name))) throw missing('vector field');
  const partitionKey = schema.fields.find((f) => f.isPartitionKey);
  if (partitionKey && !loaded.has(partitionKey.name)) throw missing(`partition key field ${partitionKey.name}`);
  const clusteringKey = schema.fields.find((f) => f.isClusteringKey);
  if (clusteringKey && !loaded.has(clusteringKey.name)) throw missing(`clustering key field ${clusteringKey.name}`);
  return loaded;
}

/** Whether `field` is loaded under `loaded` (`undefined`: every field is). */
export const isLoaded = (loaded: ReadonlySet<string> | undefined, field: string): boolean => loaded === undefined || loaded.has(field);

/**
 * Querycoord's check of a load of a loaded collection: the loaded field list may not change (an
 * empty list means every field).
 * @param prefix - LoadCollection's proxy wrapper (`call query coordinator LoadCollection`), which
 *   turns the error into a plain one (65535); LoadPartitions keeps the code (1100).
 * @throws MilvusError `can't change the load field list for loaded collection: invalid
 *   parameter[expected=[<field IDs>]][actual=[<field IDs>]]`.
 */
export function checkLoadFieldsUnchanged(schema: CollectionSpec, before: ReadonlySet<string> | undefined, after: ReadonlySet<string> | undefined, prefix?: string): void {
  const ids = (set: ReadonlySet<string> | undefined) => schema.fields.filter((f) => isLoaded(set, f.name)).map((f) => f.fieldID);
  const old = ids(before);
  const asked = ids(after);
  if (old.length === asked.length && old.every((id, i) => id === asked[i])) return;
  const text = `can't change the load field list for loaded collection: ${formatMerr(Merr.ParameterInvalid, { expected: `[${old.join(' ')}]`, actual: `[${asked.join(' ')}]` })}`;
  throw prefix ? new MilvusError(`${prefix}: ${text}`) : MilvusError.of(Merr.ParameterInvalid, text);
}
