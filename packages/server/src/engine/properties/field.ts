/**
 * Field properties: AlterCollectionField, with the proxy's checks of `alterCollectionFieldTask`
 * (the keys a field lets change or drop, `max_length` only on VarChar fields and VarChar arrays and
 * at most `proxy.maxVarCharLength`, `max_capacity` only on arrays, mmap not while loaded) and then
 * rootcoord's (`UpdateFieldPropertyParams`: the pairs are merged into the field's type parameters,
 * which DescribeCollection returns and inserts check from then on).
 *
 * @packageDocumentation
 */
import { DataType, Merr, MilvusError, formatMerr } from '@mvkit/core';
import type { Collection, KeyValue } from '../catalog.js';
import { MAX_ARRAY_CAPACITY } from '../schema.js';
import { MAX_CAPACITY_KEY, MAX_LENGTH_KEY, MMAP_ENABLED_KEY, parseGoInt } from './keys.js';

/** Longest VarChar (`proxy.maxVarCharLength`). */
export const MAX_VARCHAR_LENGTH = 65535;

/** Keys AlterCollectionField may set. */
const ALTERABLE: ReadonlySet<string> = new Set([MAX_LENGTH_KEY, MMAP_ENABLED_KEY, MAX_CAPACITY_KEY]);
/** Keys AlterCollectionField may delete. */
const DROPPABLE: ReadonlySet<string> = new Set([MMAP_ENABLED_KEY]);

const loadedError = (coll: Collection, why: string): MilvusError =>
  MilvusError.of(Merr.CollectionLoaded, formatMerr(Merr.CollectionLoaded, { collection: coll.name }, why));

/**
 * AlterCollectionField: merges `properties` into the type parameters of field `fieldName` and
 * removes `deleteKeys` from them.
 * @throws MilvusError 1100 `<key> does not allow update in collection field param`; 104 `can not
 *   alter collection field properties if collection loaded: collection already
 *   loaded[collection=<name>]` for `mmap.enabled` while loaded; 1100 `<field> can not modify the
 *   maxlength for non-string types` (the field name empty when the field is not a string, as
 *   upstream); 1100 `max_length should be an integer, but got string`; 1100 `<v> exceeds the
 *   maximum allowed value 65535`; 1100 `<field> can not modify the maxcapacity for non-array
 *   types`; 1100 `the value for max_capacity of field <f> must be an integer`; 1100 `the maximum
 *   capacity specified for a Array should be in (0, 4096]`; 1100 `<key> is not allowed to drop in
 *   collection field param`; 104 `can not drop collection field properties if collection loaded:
 *   …`; 65535 `only support alter collection properties, but collection field properties is
 *   empty`; 1100 `field <f> does not exist in collection`.
 */
export function alterCollectionField(coll: Collection, fieldName: string, properties: readonly KeyValue[], deleteKeys: readonly string[]): void {
  const loaded = coll.loadType !== 'none';
  const named = coll.schema.fields.find((f) => f.name === fieldName && !f.isDynamic);
  for (const { key, value } of properties) {
    if (!ALTERABLE.has(key)) throw MilvusError.parameterInvalid(`${key} does not allow update in collection field param`);
    if (key === MMAP_ENABLED_KEY && loaded) throw loadedError(coll, 'can not alter collection field properties if collection loaded');
    if (key === MAX_LENGTH_KEY) {
      const string = named && (named.dataType === DataType.VarChar || (named.dataType === DataType.Array && named.elementType === DataType.VarChar));
      if (!string) throw MilvusError.parameterInvalid(' can not modify the maxlength for non-string types');
      const n = parseGoInt(value);
      if (n === undefined) throw MilvusError.parameterInvalid(`${key} should be an integer, but got string`);
      if (n > MAX_VARCHAR_LENGTH) throw MilvusError.parameterInvalid(`${value} exceeds the maximum allowed value ${MAX_VARCHAR_LENGTH}`);
    }
    if (key === MAX_CAPACITY_KEY) {
      if (named?.dataType !== DataType.Array) throw MilvusError.parameterInvalid(' can not modify the maxcapacity for non-array types');
      const n = parseGoInt(value);
      if (n === undefined) throw MilvusError.parameterInvalid(`the value for ${MAX_CAPACITY_KEY} of field ${named.name} must be an integer`);
      if (n <= 0 || n > MAX_ARRAY_CAPACITY) throw MilvusError.parameterInvalid(`the maximum capacity specified for a Array should be in (0, ${MAX_ARRAY_CAPACITY}]`);
    }
  }
  for (const key of deleteKeys) {
    if (!DROPPABLE.has(key)) throw MilvusError.parameterInvalid(`${key} is not allowed to drop in collection field param`);
    if (loaded) throw loadedError(coll, 'can not drop collection field properties if collection loaded');
  }
  if (properties.length === 0 && deleteKeys.length === 0) throw new MilvusError('only support alter collection properties, but collection field properties is empty');
  if (!named) throw MilvusError.parameterInvalid(`field ${fieldName} does not exist in collection`);
  for (const { key, value } of properties) named.typeParams[key] = value;
  for (const key of deleteKeys) delete named.typeParams[key];
}
