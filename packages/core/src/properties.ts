/**
 * Request and result types of the property and rename operations, in the official Node SDK's
 * shapes (`@zilliz/milvus2-sdk-node` 3.x: `AlterDatabaseRequest`, `DropDatabasePropertiesRequest`,
 * `DescribeDatabaseResponse`, `AlterCollectionReq`, `DropCollectionPropertiesReq`,
 * `AlterCollectionFieldPropertiesReq`, `AlterIndexReq`, `DropIndexPropertiesReq`,
 * `RenameCollectionReq`). Property values are sent as their `String(value)` text.
 *
 * @packageDocumentation
 */
import type { BaseRequest, CollectionRequest, KeyValuePair, ResStatus } from './operations.js';

/** Property values as the SDK takes them; each is sent as `String(value)`. */
export type Properties = Record<string, string | number | boolean>;

/** DescribeDatabase request: the database (`db_name`, default: the client's). */
export type DescribeDatabaseRequest = BaseRequest;

/** DescribeDatabase result. */
export interface DescribeDatabaseResponse {
  status: ResStatus;
  db_name: string;
  /** Database ID (int64 as a decimal string). */
  dbID: string;
  /** Hybrid timestamp of creation (uint64 as a decimal string). */
  created_timestamp: string;
  properties: KeyValuePair[];
}

/** AlterDatabase: set `properties` or delete `delete_keys` (not both, Milvus refuses that). */
export interface AlterDatabaseRequest extends Omit<BaseRequest, 'db_name'> {
  db_name: string;
  properties: Properties;
  delete_keys?: string[];
}

/** DropDatabaseProperties: the property keys to delete. */
export interface DropDatabasePropertiesRequest extends Omit<BaseRequest, 'db_name'> {
  db_name: string;
  properties: string[];
}

/** AlterCollection: set `properties` or delete `delete_keys`. */
export interface AlterCollectionRequest extends CollectionRequest {
  properties: Properties;
  delete_keys?: string[];
}

/** DropCollectionProperties: the property keys to delete. */
export interface DropCollectionPropertiesRequest extends CollectionRequest {
  properties: string[];
}

/** AlterCollectionField: type parameters of one field (`max_length`, `max_capacity`, `mmap.enabled`). */
export interface AlterCollectionFieldPropertiesRequest extends CollectionRequest {
  field_name: string;
  properties: Properties;
}

/** AlterIndex: index properties to set (`mmap.enabled`). */
export interface AlterIndexRequest extends CollectionRequest {
  index_name: string;
  params: Properties;
}

/** DropIndexProperties: the index property keys to delete. */
export interface DropIndexPropertiesRequest extends CollectionRequest {
  index_name: string;
  properties: string[];
}

/** RenameCollection, optionally into another database. */
export interface RenameCollectionRequest extends CollectionRequest {
  new_collection_name: string;
  new_db_name?: string;
}

/** Properties as key/value pairs, each value its `String(value)` text. */
export function propertyPairs(properties: Properties): KeyValuePair[] {
  return Object.entries(properties).map(([key, value]) => ({ key, value: String(value) }));
}
