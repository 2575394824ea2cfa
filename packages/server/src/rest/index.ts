/**
 * The HTTP fronts of the reference server: RESTful v2 (`/v2/vectordb/...`, same port as gRPC) and
 * the legacy `/api/v1` API (metrics port), both framework-free request → response functions, plus
 * the node:http listener that mounts either.
 *
 * @packageDocumentation
 */
export {
  createRestHandler,
  CORS_HEADERS,
  type RestAuthOptions,
  type RestHandler,
  type RestHandlerOptions,
  type RestRequest,
  type RestResponse,
} from './handler.js';
export { REST_ROUTES, type RestContext, type RestRoute, type RouteAnswer } from './routes.js';
export { GoBinder } from './bind.js';
export { goJson, scanGoJson, type GoJsonOptions, type GoScan } from './gojson.js';
export { restListener, MAX_BODY_BYTES, type RestListenerOptions } from './listener.js';
export { createLegacyHandler, goProtoValue, LEGACY_ROUTES, type LegacyHandlerOptions } from './legacy.js';
export { OPENAPI_ROUTES, OPENAPI_SCHEMAS } from './gen/openapi.js';
