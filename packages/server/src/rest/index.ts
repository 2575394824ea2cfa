/**
 * The HTTP fronts of the reference server: RESTful v2 (`/v2/vectordb/...`, same port as gRPC) and
 * the legacy `/api/v1` API (metrics port), both framework-free request → response functions, plus
 * the node:http listener that mounts either. The browser-safe part is `./web.ts` (subpath export
 * `@mvkit/server/rest`).
 *
 * @packageDocumentation
 */
export * from './web.js';
export { restListener, MAX_BODY_BYTES, type RestListenerOptions } from './listener.js';
export { createLegacyHandler, goProtoValue, LEGACY_ROUTES, type LegacyHandlerOptions } from './legacy.js';
