/**
 * `@mvkit/client`: the typed Milvus client. Re-exports the shared vocabulary (errors, enums,
 * request/result types) so `import { MilvusClient, DataType, MilvusError } from '@mvkit/client'`
 * is all an application needs.
 *
 * @packageDocumentation
 * @module @mvkit/client
 */
export * from '@mvkit/core';
export { MilvusClient, DEFAULT_WAIT_TIMEOUT_MS, type MilvusClientOptions } from './milvus-client.js';
export { DEFAULT_MAX_RETRIES, type RetryBackoff } from './retry.js';
export type { QueryIteratorRequest, SearchIteratorRequest } from './iterators.js';
export { legacyManagers, type CollectionManager, type DataManager, type IndexManager, type LegacyManagers, type LegacySearchRequest, type PartitionManager } from './legacy-managers.js';
