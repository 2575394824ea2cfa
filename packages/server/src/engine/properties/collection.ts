/**
 * Collection properties: AlterCollection with `properties` or `delete_keys` (DropCollectionProperties
 * is AlterCollection with delete keys), with the proxy's checks of `alterCollectionTask.PreExecute`
 * first (mmap and lazy load of a loaded collection, `collection.ttl.seconds`, `partitionkey.isolation`)
 * and then rootcoord's `alterCollectionTask.Execute` (properties or keys, not both nor neither).
 *
 * @packageDocumentation
 */
import { Merr, MilvusError, formatMerr, isVectorType } from '@mvkit/core';
import type { Collection, KeyValue } from '../catalog.js';
import { partitionKeyFieldOf } from '../partition-key.js';
import { checkCollectionTtl } from './ttl.js';
import {
  LAZY_LOAD_KEY,
  MMAP_ENABLED_KEY,
  PARTITION_KEY_ISOLATION_KEY,
  containsAll,
  deleteProperties,
  mergeProperties,
  parseGoBool,
  propertyOf,
} from './keys.js';

/** Keys that may not change while the collection is loaded. */
const LOAD_BOUND_KEYS: ReadonlySet<string> = new Set([MMAP_ENABLED_KEY, LAZY_LOAD_KEY]);

const loadedError = (coll: Collection, why: string): MilvusError =>
  MilvusError.of(Merr.CollectionLoaded, formatMerr(Merr.CollectionLoaded, { collection: coll.name }, why));

/**
 * The `partitionkey.isolation` value of a property list (false when unset).
 * @throws MilvusError 65535 `failed to parse partition key isolation: strconv.ParseBool: parsing "<v>": invalid syntax`.
 */
function isolationOf(props: readonly KeyValue[]): boolean {
  const text = propertyOf(props, PARTITION_KEY_ISOLATION_KEY);
  if (text === undefined) return false;
  const on = parseGoBool(text.toLowerCase());
  if (on === undefined) throw new MilvusError(`failed to parse partition key isolation: strconv.ParseBool: parsing "${text}": invalid syntax`);
  return on;
}

/**
 * The proxy's `validatePartitionKeyIsolation` and its index rule: isolation may be turned on only
 * in partition-key mode, and not while a vector index exists.
 * @throws MilvusError as {@link isolationOf}; 105 `partition key isolation mode is enabled but no
 *   partition key field is set. Please set the partition key first: illegal collection
 *   schema[collection=<name>]`; 702 `can not alter partition key isolation mode if the collection
 *   already has a vector index. Please drop the index first: index duplicates[indexName=<vector field>]`.
 */
function checkIsolation(coll: Collection, properties: readonly KeyValue[]): void {
  const next = isolationOf(properties);
  if (!next) return;
  if (!partitionKeyFieldOf(coll.schema.fields)) {
    throw MilvusError.of(
      Merr.CollectionIllegalSchema,
      formatMerr(Merr.CollectionIllegalSchema, { collection: coll.name }, 'partition key isolation mode is enabled but no partition key field is set. Please set the partition key first'),
    );
  }
  if (isolationOf(coll.properties)) return;
  const vector = [...coll.indexes.values()].find((i) => isVectorType(i.fieldType));
  if (vector) {
    throw MilvusError.of(
      Merr.IndexDuplicate,
      formatMerr(Merr.IndexDuplicate, { indexName: vector.fieldName }, 'can not alter partition key isolation mode if the collection already has a vector index. Please drop the index first'),
    );
  }
}

/**
 * AlterCollection of properties (DropCollectionProperties when `deleteKeys` are given): sets
 * `properties` (a key given again takes the new value) or removes `deleteKeys`. A request whose
 * pairs are all set already changes nothing.
 * @throws MilvusError 104 `can not alter mmap properties if collection loaded: collection already
 *   loaded[collection=<name>]` for `mmap.enabled` or `lazyload.enabled` on a loaded collection,
 *   104 `can not delete mmap properties if collection loaded: …` for deleting them; as
 *   {@link checkCollectionTtl}; as {@link checkIsolation}; 65535 `The collection properties to alter
 *   and keys to delete must not be empty at the same time`; 65535 `can not provide properties and
 *   deletekeys at the same time`.
 */
export function alterCollectionProperties(coll: Collection, properties: readonly KeyValue[], deleteKeys: readonly string[]): void {
  const loaded = coll.loadType !== 'none';
  if (properties.length > 0) {
    if (loaded && properties.some((p) => LOAD_BOUND_KEYS.has(p.key))) throw loadedError(coll, 'can not alter mmap properties if collection loaded');
    checkCollectionTtl(properties);
  } else if (loaded && deleteKeys.some((k) => LOAD_BOUND_KEYS.has(k))) throw loadedError(coll, 'can not delete mmap properties if collection loaded');
  checkIsolation(coll, properties);
  if (properties.length === 0 && deleteKeys.length === 0) throw new MilvusError('The collection properties to alter and keys to delete must not be empty at the same time');
  if (properties.length > 0 && deleteKeys.length > 0) throw new MilvusError('can not provide properties and deletekeys at the same time');
  if (properties.length > 0) {
    if (!containsAll(properties, coll.properties)) coll.properties = mergeProperties(coll.properties, properties);
  } else coll.properties = deleteProperties(coll.properties, deleteKeys);
}
