/**
 * Collection aliases, as rootcoord's alias table keeps them (`internal/rootcoord/meta_table.go`
 * CreateAlias / AlterAlias / DropAlias / DescribeAlias / ListAliases, with the proxy's name checks
 * of `internal/proxy/task.go` first). An alias belongs to one database and names one collection;
 * a collection may have several. Every lookup of a collection by name resolves aliases first
 * ({@link Catalog.collection}).
 *
 * @packageDocumentation
 */
import { Merr, MilvusError, formatMerr } from '@mvkit/core';
import { collectionNotFound, type Catalog, type Collection, type Database } from './catalog.js';
import { validateCollectionAlias, validateCollectionName } from './names.js';

/** An alias and the collection it names (`milvus.DescribeAliasResponse`). */
export interface AliasDescription {
  readonly dbName: string;
  readonly alias: string;
  /** Name of the collection the alias names. */
  readonly collectionName: string;
}

const conflict = (db: Database, alias: string): MilvusError =>
  MilvusError.of(Merr.AliasCollectionNameConfilct, formatMerr(Merr.AliasCollectionNameConfilct, { database: db.name, alias }));

const aliasNotFound = (db: string, alias: string): MilvusError => MilvusError.of(Merr.AliasNotFound, formatMerr(Merr.AliasNotFound, { database: db, alias }));

/** The 100 error of AlterAlias and ListAliases, which name no database: `collection not found[collection=<name>]`. */
const collectionNotFoundNoDb = (name: string): MilvusError => MilvusError.of(Merr.CollectionNotFound, formatMerr(Merr.CollectionNotFound, { collection: name }));

/**
 * CreateAlias: `alias` names collection `collectionName` (a collection name, not another alias).
 * Creating the same alias for the same collection again succeeds.
 * @throws MilvusError 1100 a bad alias, then a bad collection name; 800 unknown database; 1601
 *   `alias and collection name conflict[database=<db>][alias=<alias>]` when a collection has that
 *   name; 100 `collection not found[database=<db>][collection=<name>]`; 1602 `<alias> is alias to
 *   another collection: <other>: alias already exist[database=<db>][alias=<alias>]`.
 */
export function createAlias(catalog: Catalog, dbName: string, alias: string, collectionName: string): void {
  validateCollectionAlias(alias);
  validateCollectionName(collectionName);
  const db = catalog.database(dbName);
  if (db.collections.has(alias)) throw conflict(db, alias);
  const coll = db.collections.get(collectionName);
  if (!coll) throw collectionNotFound(db.name, collectionName);
  const current = db.aliases.get(alias);
  if (current === coll) return;
  if (current) {
    throw MilvusError.of(Merr.AliasAlreadyExist, `${alias} is alias to another collection: ${current.name}: ${formatMerr(Merr.AliasAlreadyExist, { database: db.name, alias })}`);
  }
  db.aliases.set(alias, coll);
}

/**
 * AlterAlias: moves an existing alias to collection `collectionName`.
 * @throws MilvusError 1100 a bad alias, then a bad collection name; 800 unknown database; 1601
 *   when a collection is named `alias`; 100 `collection not found[collection=<name>]`; 1600
 *   `alias not found[database=<db>][alias=<alias>]`.
 */
export function alterAlias(catalog: Catalog, dbName: string, alias: string, collectionName: string): void {
  validateCollectionAlias(alias);
  validateCollectionName(collectionName);
  const db = catalog.database(dbName);
  if (db.collections.has(alias)) throw conflict(db, alias);
  const coll = db.collections.get(collectionName);
  if (!coll) throw collectionNotFoundNoDb(collectionName);
  if (!db.aliases.has(alias)) throw aliasNotFound(db.name, alias);
  db.aliases.set(alias, coll);
}

/**
 * DropAlias: removes the alias; a missing alias is a success, as in Milvus.
 * @throws MilvusError 1100 a bad alias; 800 unknown database.
 */
export function dropAlias(catalog: Catalog, dbName: string, alias: string): void {
  validateCollectionAlias(alias);
  catalog.database(dbName).aliases.delete(alias);
}

/**
 * DescribeAlias: the collection an alias names.
 * @throws MilvusError 1100 a bad alias; 800 unknown database; 1600 `alias not found[database=<db>][alias=<alias>]`.
 */
export function describeAlias(catalog: Catalog, dbName: string, alias: string): AliasDescription {
  validateCollectionAlias(alias);
  const db = catalog.database(dbName);
  const coll = db.aliases.get(alias);
  if (!coll) throw aliasNotFound(db.name, alias);
  return { dbName: db.name, alias, collectionName: coll.name };
}

/**
 * ListAliases: the aliases of a database, or of one collection when `collectionName` is not empty
 * (named by its collection name, not by an alias).
 * @throws MilvusError 1100 a bad collection name; 800 unknown database; 100 `collection not found[collection=<name>]`.
 */
export function listAliases(catalog: Catalog, dbName: string, collectionName: string): string[] {
  if (collectionName !== '') validateCollectionName(collectionName);
  const db = catalog.database(dbName);
  if (collectionName === '') return [...db.aliases.keys()];
  const coll = db.collections.get(collectionName);
  if (!coll) throw collectionNotFoundNoDb(collectionName);
  return catalog.aliasesOf(coll);
}

/**
 * The checks DropCollection makes about aliases (rootcoord's dropCollectionTask): the name may not
 * be an alias, and the collection may have none.
 * @throws MilvusError 65535 `cannot drop the collection via alias = <name>`; 65535 `unable to drop
 *   the collection [<name>] because it has associated aliases [<a> <b>], please remove all aliases
 *   before dropping the collection`.
 */
export function checkDropWithAliases(catalog: Catalog, db: Database, name: string, coll: Collection | undefined): void {
  if (db.aliases.has(name)) throw new MilvusError(`cannot drop the collection via alias = ${name}`);
  const aliases = coll ? catalog.aliasesOf(coll) : [];
  if (aliases.length) {
    throw new MilvusError(`unable to drop the collection [${name}] because it has associated aliases [${aliases.join(' ')}], please remove all aliases before dropping the collection`);
  }
}
