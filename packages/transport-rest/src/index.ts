/**
 * `@mvkit/transport-rest`: the RESTful v2 {@link RestTransport} for `@mvkit/client` — Milvus's
 * `/v2/vectordb` API over any fetch (undici keep-alive pool by default), returning the same
 * result shapes as the gRPC transport.
 *
 * @packageDocumentation
 * @module @mvkit/transport-rest
 */
export { RestTransport, type FetchLike, type RestRequestOptions, type RestTransportOptions } from './transport.js';
export { REST_MAPPINGS, type RestCallContext, type RestMapping, type RestPath, type RestReply } from './operations.js';
export { errorFromMessage, fromFetchFault, fromRestError } from './errors.js';
export type { components as RestSchemas, paths as RestPaths, operations as RestOperations } from './gen/schema.js';
