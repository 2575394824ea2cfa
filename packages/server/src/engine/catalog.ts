import { Merr, MilvusError, formatMerr } from '@mvkit/core';
import type { CollectionData } from './data/collection-data.js';
import type { BehaviourProfile } from './profiles.js';
import type { CollectionSpec } from './schema.js';
import { Tso } from './tso.js';

/** Name of the partition every collection is created with. */
export const DEFAULT_PARTITION = '_default';
/** Name of the database that always exists. */
export const DEFAULT_DATABASE = 'default';

/** A key/value property as on the wire (`common.KeyValuePair`). */
export interface KeyValue {
  key: string;
  value: string;
}

/** A partition: its ID, name, creation timestamp and load flag. */
export interface Partition {
  readonly id: bigint;
  readonly name: string;
  /** Hybrid timestamp of creation. */
  readonly createdTs: bigint;
  /** Whether the partition is loaded (in-memory loading completes at once: progress 100). */
  loaded: boolean;
}

/** An index on one field (mirrors `milvus.IndexDescription`). */
export interface IndexSpec {
  readonly indexID: bigint;
  readonly indexName: string;
  readonly fieldName: string;
  readonly fieldID: bigint;
  /** The field's `schema.DataType`. */
  readonly fieldType: number;
  /** The index parameters flattened (`params` JSON merged in), with `index_type` and, for vectors, `metric_type` set. */
  params: readonly KeyValue[];
  /** The parameters as sent (`user_index_params`), which DescribeIndex returns; AlterIndex edits both lists. */
  userParams: readonly KeyValue[];
  /** A JSON path index: its path, normalised (`/a/b`; `/` for the whole field). */
  readonly jsonPath?: string;
  readonly createdTs: bigint;
}

/**
 * How a collection is loaded, as querycoord records it: not at all, through LoadCollection (new
 * partitions are loaded automatically) or through LoadPartitions.
 */
export type LoadType = 'none' | 'collection' | 'partitions';

/** A collection and everything the catalog keeps about it. */
export interface Collection {
  readonly id: bigint;
  /** Database and name; both change on RenameCollection. */
  dbName: string;
  name: string;
  readonly schema: CollectionSpec;
  readonly createdTs: bigint;
  readonly shardsNum: number;
  readonly consistencyLevel: number;
  properties: KeyValue[];
  /** Partitions in creation order, `_default` first. */
  readonly partitions: Map<string, Partition>;
  /** This collection's own partition cap (`_default` included), overriding the server's `maxPartitionsPerCollection`; undefined: the server's. */
  readonly maxPartitions?: number;
  /** Indexes by index name. */
  readonly indexes: Map<string, IndexSpec>;
  loadType: LoadType;
  replicaNumber: number;
  /** The fields loaded, by name, while loaded through a partial load (`load_fields`); undefined: every field. */
  loadFields?: ReadonlySet<string>;
  /** The collection's rows: segments per partition and the primary-key index. */
  readonly data: CollectionData;
  /** The behaviour profile of the engine holding it, whose rules the data plane reads. */
  readonly profile: BehaviourProfile;
}

/** A database, its collections and its collection aliases. */
export interface Database {
  readonly id: bigint;
  readonly name: string;
  readonly createdTs: bigint;
  properties: KeyValue[];
  readonly collections: Map<string, Collection>;
  /** Collection aliases of this database (rootcoord's alias table), alias → collection. */
  readonly aliases: Map<string, Collection>;
}

/**
 * The metadata store of the reference server (what rootcoord and querycoord keep in Milvus):
 * databases → collections → partitions and indexes, with the ID/timestamp oracle.
 */
export class Catalog {
  /** Hybrid-timestamp oracle; also allocates IDs. */
  readonly tso = new Tso();
  /** Databases by name. */
  readonly databases = new Map<string, Database>();

  constructor() {
    this.addDatabase(DEFAULT_DATABASE, []);
  }

  /**
   * Back to a new catalogue's contents: only an empty `default` database (with a new ID). The TSO
   * keeps counting, so IDs and timestamps from before are never handed out again.
   */
  reset(): void {
    this.databases.clear();
    this.addDatabase(DEFAULT_DATABASE, []);
  }

  /** Creates the database record (no checks). */
  addDatabase(name: string, properties: KeyValue[]): Database {
    const db: Database = { id: this.tso.next(), name, createdTs: this.tso.next(), properties, collections: new Map(), aliases: new Map() };
    this.databases.set(name, db);
    return db;
  }

  /**
   * The database named `name`.
   * @throws MilvusError 800 `database not found[database=<name>]`.
   */
  database(name: string): Database {
    const db = this.databases.get(name);
    if (!db) throw MilvusError.of(Merr.DatabaseNotFound, formatMerr(Merr.DatabaseNotFound, { database: name }));
    return db;
  }

  /**
   * The collection `name` in database `dbName`, where `name` is an alias or a collection name
   * (aliases first, as rootcoord's `getCollectionByName`).
   * @throws MilvusError 800 for an unknown database; 100
   *   `collection not found[database=<db>][collection=<name>]` for an unknown collection.
   */
  collection(dbName: string, name: string): Collection {
    const coll = this.findCollection(dbName, name);
    if (!coll) throw collectionNotFound(dbName, name);
    return coll;
  }

  /**
   * The collection an alias or collection name denotes in database `dbName`, or `undefined`.
   * @throws MilvusError 800 for an unknown database.
   */
  findCollection(dbName: string, name: string): Collection | undefined {
    const db = this.database(dbName);
    return db.aliases.get(name) ?? db.collections.get(name);
  }

  /** The aliases of `coll`, in creation order. */
  aliasesOf(coll: Collection): string[] {
    const db = this.databases.get(coll.dbName);
    return db ? [...db.aliases].filter(([, c]) => c === coll).map(([alias]) => alias) : [];
  }

  /** Number of collections over all databases. */
  collectionCount(): number {
    let n = 0;
    for (const db of this.databases.values()) n += db.collections.size;
    return n;
  }

  /** Finds a collection by ID in any database (datacoord and querycoord address collections by ID alone), or `undefined`. */
  collectionWithId(id: bigint): Collection | undefined {
    for (const db of this.databases.values()) for (const c of db.collections.values()) if (c.id === id) return c;
    return undefined;
  }

  /** Finds a collection by ID in a database, or `undefined`. */
  collectionById(dbName: string, id: bigint): Collection | undefined {
    for (const c of this.database(dbName).collections.values()) if (c.id === id) return c;
    return undefined;
  }
}

/** The 100 error Milvus gives for a missing collection: `collection not found[database=<db>][collection=<name>]`. */
export function collectionNotFound(dbName: string, name: string): MilvusError {
  return MilvusError.of(Merr.CollectionNotFound, formatMerr(Merr.CollectionNotFound, { database: dbName, collection: name }));
}

/**
 * The partition `name` of `coll`.
 * @throws MilvusError 200 `partition not found[partition=<name>]`.
 */
export function partitionOf(coll: Collection, name: string): Partition {
  const p = coll.partitions.get(name);
  if (!p) throw MilvusError.of(Merr.PartitionNotFound, formatMerr(Merr.PartitionNotFound, { partition: name }));
  return p;
}
