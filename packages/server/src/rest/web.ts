/**
 * The browser- and worker-safe part of `@mvkit/server`: the engine and the RESTful v2 handler
 * table, without node:http, gRPC or the legacy API. Meant for a `./rest` subpath export, so that
 * `@mvkit/msw` can run in a browser (msw `setupWorker`) or a Worker.
 *
 * @packageDocumentation
 * @module @mvkit/server/rest
 */
export * from '../engine/index.js';
export {
  createRestHandler,
  CORS_HEADERS,
  type RestHandler,
  type RestHandlerOptions,
  type RestRequest,
  type RestResponse,
} from './handler.js';
export { REST_ROUTES, type RestContext, type RestRoute, type RouteAnswer } from './routes.js';
export { GoBinder } from './bind.js';
export { inThreadBodyReader, type BodyReader, type ReadBody } from './body-reader.js';
export { goJson, scanGoJson, type GoJsonOptions, type GoScan } from '../gojson.js';
export { OPENAPI_ROUTES, OPENAPI_SCHEMAS } from './gen/openapi.js';
