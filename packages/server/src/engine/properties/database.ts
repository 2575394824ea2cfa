/**
 * Database properties, as Milvus 2.5 keeps and applies them: AlterDatabase (rootcoord's
 * `alterDatabaseTask`: set or delete keys, never both), the per-database collection limit
 * (`database.max.collections`, rootcoord's `checkMaxCollectionsPerDB`), the load defaults
 * (`database.replica.number`, `database.resource_groups`, querycoord's default load config) and
 * the administrator's switches `database.force.deny.writing` / `reading` (the quota center's
 * force-deny, answered by the proxy's rate limiter).
 *
 * @packageDocumentation
 */
import { Merr, MilvusError, formatMerr } from '@mvkit/core';
import type { Catalog, Database, KeyValue } from '../catalog.js';
import {
  DATABASE_FORCE_DENY_READING_KEY,
  DATABASE_FORCE_DENY_WRITING_KEY,
  DATABASE_MAX_COLLECTIONS_KEY,
  DATABASE_REPLICA_NUMBER_KEY,
  DATABASE_RESOURCE_GROUPS_KEY,
  containsAll,
  deleteProperties,
  mergeProperties,
  parseGoBool,
  parseGoInt,
  propertyOf,
} from './keys.js';

/** Collections per database when `database.max.collections` is unset (`quotaAndLimits.limits.maxCollectionNumPerDB`). */
export const DEFAULT_MAX_COLLECTIONS_PER_DB = 65536;

/**
 * AlterDatabase: sets `properties` (a key given again takes the new value) or removes `deleteKeys`.
 * A request whose pairs are all set already changes nothing.
 * @throws MilvusError 65535 `alter database failed, database name does not exists` (empty name);
 *   65535 `alter database requires either properties or deletekeys to modify or delete keys, both
 *   cannot be empty`; 65535 `alter database operation cannot modify properties and delete keys at
 *   the same time`; 800 `database not found[database=<name>]`.
 */
export function alterDatabase(catalog: Catalog, dbName: string, properties: readonly KeyValue[], deleteKeys: readonly string[]): void {
  if (dbName === '') throw new MilvusError('alter database failed, database name does not exists');
  if (properties.length === 0 && deleteKeys.length === 0) {
    throw new MilvusError('alter database requires either properties or deletekeys to modify or delete keys, both cannot be empty');
  }
  if (properties.length > 0 && deleteKeys.length > 0) throw new MilvusError('alter database operation cannot modify properties and delete keys at the same time');
  const db = catalog.database(dbName);
  if (properties.length > 0) {
    if (!containsAll(properties, db.properties)) db.properties = mergeProperties(db.properties, properties);
  } else db.properties = deleteProperties(db.properties, deleteKeys);
}

/**
 * The per-database collection limit CreateCollection checks: `database.max.collections`, else
 * {@link DEFAULT_MAX_COLLECTIONS_PER_DB}.
 * @throws MilvusError 102 `exceeded the limit number of collections[dbName=<db>][limit=<n>]` once
 *   the database holds that many; 65535 `parse value of property fail, key:database.max.collections,
 *   value:<v>` for a value that is not an integer.
 */
export function checkDatabaseCollectionLimit(db: Database): void {
  const text = propertyOf(db.properties, DATABASE_MAX_COLLECTIONS_KEY);
  let limit = DEFAULT_MAX_COLLECTIONS_PER_DB;
  if (text !== undefined && text !== '') {
    const n = parseGoInt(text);
    if (n === undefined) throw new MilvusError(`parse value of property fail, key:${DATABASE_MAX_COLLECTIONS_KEY}, value:${text}`);
    limit = n;
  }
  if (db.collections.size >= limit) {
    throw MilvusError.of(Merr.CollectionNumLimitExceeded, formatMerr(Merr.CollectionNumLimitExceeded, { dbName: db.name, limit }));
  }
}

/**
 * The replica number a load that names none (0) uses by the database's `database.replica.number`;
 * undefined when unset or not a positive integer (the cluster default applies).
 */
export function databaseReplicaNumber(db: Database): number | undefined {
  const n = parseGoInt(propertyOf(db.properties, DATABASE_REPLICA_NUMBER_KEY) ?? '');
  return n !== undefined && n > 0 ? n : undefined;
}

/**
 * The resource groups a load that names none uses by the database's `database.resource_groups`
 * (comma-separated); undefined when unset or empty (the default resource group applies).
 */
export function databaseResourceGroups(db: Database): string[] | undefined {
  const groups = (propertyOf(db.properties, DATABASE_RESOURCE_GROUPS_KEY) ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  return groups.length ? groups : undefined;
}

/**
 * The administrator's force-deny of a database (`database.force.deny.writing` for inserts,
 * upserts and deletes, `database.force.deny.reading` for searches and queries), checked before the
 * request runs, as the proxy's rate limiter does. An unknown database passes (the request then
 * fails on it).
 * @throws MilvusError 9 `quota exceeded[reason=access has been disabled by the administrator]`.
 */
export function checkForceDeny(catalog: Catalog, dbName: string, what: 'writing' | 'reading'): void {
  const db = catalog.databases.get(dbName);
  if (!db) return;
  const key = what === 'writing' ? DATABASE_FORCE_DENY_WRITING_KEY : DATABASE_FORCE_DENY_READING_KEY;
  if (parseGoBool(propertyOf(db.properties, key) ?? '') === true) {
    throw MilvusError.of(Merr.ServiceQuotaExceeded, formatMerr(Merr.ServiceQuotaExceeded, { reason: 'access has been disabled by the administrator' }));
  }
}
