/**
 * `@mvkit/core`: the vocabulary shared by the mvkit client, its transports and the reference
 * server — the Milvus error catalogue and {@link MilvusError}.
 *
 * @packageDocumentation
 */
export * from './merr.js';
export * from './milvus-error.js';
