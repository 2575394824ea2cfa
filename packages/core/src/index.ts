/**
 * `@mvkit/core`: the vocabulary shared by the mvkit client, its transports and the reference
 * server — the Milvus error catalogue, {@link MilvusError}, wire enums, the typed operation table
 * and the {@link Transport} interface.
 *
 * @packageDocumentation
 * @module @mvkit/core
 */
export * from './enums.js';
export * from './merr.js';
export * from './milvus-error.js';
export * from './operations.js';
export * from './properties.js';
export * from './rbac.js';
export * from './import.js';
export * from './data.js';
export * from './hybrid.js';
export * from './grouping.js';
export * from './results.js';
export * from './schema.js';
export * from './connection.js';
export * from './deadline.js';
export * from './half-float.js';
export * from './sparse.js';
export * from './json-text.js';
export * from './float-check.js';
export * from './segments.js';
export * from './resource-groups.js';
export * from './analyzer.js';
