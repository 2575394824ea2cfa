/**
 * Property keys of databases, collections, fields and indexes that Milvus 2.5 gives a meaning
 * (`pkg/common/common.go`), and the helpers that edit a property list as rootcoord and datacoord
 * do (`MergeProperties`, `DeleteProperties`, `UpdateParams`).
 *
 * @packageDocumentation
 */
import type { KeyValue } from '../catalog.js';

/** `collection.ttl.seconds`: rows older than this many seconds are no longer read. */
export const COLLECTION_TTL_KEY = 'collection.ttl.seconds';
/** `mmap.enabled` of a collection, field or index. */
export const MMAP_ENABLED_KEY = 'mmap.enabled';
/** `lazyload.enabled` of a collection. */
export const LAZY_LOAD_KEY = 'lazyload.enabled';
/** `partitionkey.isolation` of a partition-key collection. */
export const PARTITION_KEY_ISOLATION_KEY = 'partitionkey.isolation';
/** `indexoffsetcache.enabled` of a (BITMAP) index. */
export const INDEX_OFFSET_CACHE_KEY = 'indexoffsetcache.enabled';
/** `database.max.collections`: most collections of one database. */
export const DATABASE_MAX_COLLECTIONS_KEY = 'database.max.collections';
/** `database.replica.number`: replicas a load of the database's collections uses when it names none. */
export const DATABASE_REPLICA_NUMBER_KEY = 'database.replica.number';
/** `database.resource_groups`: resource groups (comma-separated) such a load uses. */
export const DATABASE_RESOURCE_GROUPS_KEY = 'database.resource_groups';
/** `database.force.deny.writing`: `true` refuses inserts, upserts and deletes in the database. */
export const DATABASE_FORCE_DENY_WRITING_KEY = 'database.force.deny.writing';
/** `database.force.deny.reading`: `true` refuses searches and queries in the database. */
export const DATABASE_FORCE_DENY_READING_KEY = 'database.force.deny.reading';
/** `max_length` type parameter of VarChar fields and VarChar arrays. */
export const MAX_LENGTH_KEY = 'max_length';
/** `max_capacity` type parameter of Array fields. */
export const MAX_CAPACITY_KEY = 'max_capacity';

/** The value of `key` in a property list, if set. */
export function propertyOf(props: readonly KeyValue[], key: string): string | undefined {
  return props.find((p) => p.key === key)?.value;
}

/**
 * `props` with `updates` applied: a key already there takes the new value in place, a new key is
 * appended (Milvus keeps them in a Go map, so its order is unspecified; this one is stable).
 */
export function mergeProperties(props: readonly KeyValue[], updates: readonly KeyValue[]): KeyValue[] {
  const next = new Map(props.map((p) => [p.key, p.value]));
  for (const u of updates) next.set(u.key, u.value);
  return [...next].map(([key, value]) => ({ key, value }));
}

/** `props` without the keys of `keys` (missing keys are ignored). */
export function deleteProperties(props: readonly KeyValue[], keys: readonly string[]): KeyValue[] {
  const doomed = new Set(keys);
  return props.filter((p) => !doomed.has(p.key)).map((p) => ({ ...p }));
}

/** Whether every pair of `updates` is already in `props` with the same value (rootcoord's `ContainsKeyPairArray`: the alter is then a no-op). */
export function containsAll(updates: readonly KeyValue[], props: readonly KeyValue[]): boolean {
  return updates.every((u) => propertyOf(props, u.key) === u.value);
}

/**
 * Go's `strconv.ParseBool`: `1 t T TRUE true True` and `0 f F FALSE false False`.
 * @returns the value, or undefined for any other text.
 */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/**
 * Go's `strconv.Atoi` on a property value: an optional sign and decimal digits, in int64 range.
 * @returns the number, or undefined when Go would fail.
 */
export function parseGoInt(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}
