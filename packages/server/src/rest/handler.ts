import { Merr, MilvusError } from '@mvkit/core';
import { DEFAULT_DATABASE, Pacer, PermissionDeniedError, type AuthOptions, type Engine } from '../engine/index.js';
import { httpUserOf, NOT_AUTHENTICATED } from './auth.js';
import { inThreadBodyReader, type BodyReader } from './body-reader.js';
import { goJson, goJsonPaced, goParseBool, goParseInt } from '../gojson.js';
import { REST_ROUTES, type RestContext, type RestRoute } from './routes.js';
import { ROUTE_RPCS, rpcRequestOf } from './route-privileges.js';

/** A transport-neutral HTTP request, as the node:http listener and the msw handlers build it. */
export interface RestRequest {
  /** HTTP method, e.g. `POST`. */
  readonly method: string;
  /** URL path, e.g. `/v2/vectordb/partitions/list` (a query string, if any, is ignored). */
  readonly path: string;
  /** Request headers; names are matched case-insensitively. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The raw body: bytes (decoded as UTF-8) or text. */
  readonly body: Uint8Array | string;
}

/** A transport-neutral HTTP response. */
export interface RestResponse {
  readonly status: number;
  /** Response headers, lower-case names. */
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A REST front: one request in, one response out; never rejects. */
export type RestHandler = (request: RestRequest) => Promise<RestResponse>;

/** Options of {@link createRestHandler}. */
export interface RestHandlerOptions {
  /**
   * Require credentials, as Milvus with `common.security.authorizationEnabled`:
   * `Authorization: Bearer <user>:<password>` or `Basic`. Off by default, as a fresh Milvus.
   */
  auth?: AuthOptions;
  /** Deadline of a call without a `Request-Timeout` header, in ms (`proxy.http.requestTimeoutMs`); default 30000. */
  requestTimeoutMs?: number;
  /** Default of `Accept-Type-Allow-Int64` when the header is absent or not a bool (`proxy.http.acceptTypeAllowInt64`); default true. */
  acceptTypeAllowInt64?: boolean;
  /** How bodies are bound and rows decoded; default {@link inThreadBodyReader}. */
  bodyReader?: BodyReader;
}

/**
 * The CORS headers Milvus's REST middleware sets on every answer, with the request headers of the
 * RESTful v2 clients (`DB-Name`, `Accept-Type-Allow-Int64`, `Request-Timeout`) added to the
 * allowed ones, so that a browser's preflight lets `@mvkit/client` (and pymilvus's headers) through.
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-credentials': 'true',
  'access-control-allow-headers':
    'Content-Type, Content-Length, Accept-Encoding, X-CSRF-Token, Authorization, accept, origin, Cache-Control, X-Requested-With, DB-Name, Accept-Type-Allow-Int64, Request-Timeout',
  'access-control-allow-methods': 'GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH',
};

const JSON_TYPE = 'application/json; charset=utf-8';

const TIMEOUT = Symbol('request timeout');
/** Longest delay a Node timer takes (2^31 - 1 ms, ~24.8 days); a longer one would fire after 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The RESTful v2 front (`/v2/vectordb/...`) over an engine, framework-free: one request in, one
 * response out, for the node:http listener ({@link restListener}) and the msw handlers alike.
 * Mirrors the gin server of Milvus 2.5 (`internal/distributed/proxy/service.go`,
 * `httpserver/handler_v2.go`):
 *
 * - `OPTIONS` on any path → 204 with the CORS headers (every answer carries them);
 * - with `auth` (its users seed the engine's RBAC store), missing or wrong credentials → HTTP 401
 *   `{"code":1800,"message":"user hasn't authenticated"}`; a route whose RPC the user may not call
 *   (`ROUTE_RPCS`, `Rbac.authorize`, in the request's database) → HTTP 403
 *   `{"code":65535,"message":"rpc error: code = PermissionDenied desc = <reason>"}`;
 * - a path that is not a `POST` route → HTTP 404 `404 page not found` (text/plain); a route
 *   path with a trailing slash → 307 to the route (gin's `RedirectTrailingSlash`);
 * - the body is bound to the route's Go struct ({@link BodyReader}, by default `GoBinder` in this
 *   thread: 1801 / 1802 errors);
 * - success → HTTP 200 `{"code":0,"data":...}`; a business error → HTTP 200 `{"code":<merr>,"message":<reason>}`;
 * - `Request-Timeout` (seconds) exceeded → HTTP 408 `{"code":10001,"message":"request timeout"}`
 *   (the operation still runs to completion, as in Milvus).
 *
 * The database is the body's `dbName`, else the `DB-Name` header, else `default`.
 */
export function createRestHandler(engine: Engine, options: RestHandlerOptions = {}): RestHandler {
  const reader = options.bodyReader ?? inThreadBodyReader();
  if (options.auth) engine.rbac.seedUsers(options.auth.users);
  const routes = new Map<string, RestRoute>(REST_ROUTES.map((r) => [r.path, r]));
  const jsonText = (status: number, body: string): RestResponse => ({ status, headers: { ...CORS_HEADERS, 'content-type': JSON_TYPE }, body });
  const json = (status: number, payload: unknown): RestResponse => jsonText(status, goJson(payload));
  const failure = (e: unknown) => {
    const err = MilvusError.is(e) ? e : new MilvusError(e instanceof Error ? e.message : String(e));
    return json(200, { code: err.code, message: err.reason });
  };

  return async (request) => {
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
    const method = request.method.toUpperCase();
    const rawPath = request.path.split('?')[0] ?? '';
    let path = rawPath;
    try {
      path = decodeURIComponent(rawPath); // gin routes on the decoded URL path
    } catch {
      path = rawPath;
    }
    const route = method === 'POST' ? routes.get(path) : undefined;
    // gin redirects a trailing slash before any middleware runs (no CORS, no auth).
    if (!route && method === 'POST' && path.length > 1 && path.endsWith('/') && routes.has(path.slice(0, -1))) {
      return { status: 307, headers: { location: path.slice(0, -1) }, body: '' };
    }
    if (method === 'OPTIONS') return { status: 204, headers: { ...CORS_HEADERS }, body: '' };
    const user = options.auth ? await httpUserOf(engine.rbac, headers.authorization) : undefined;
    if (options.auth && user === undefined) return json(401, NOT_AUTHENTICATED);
    if (!route) return { status: 404, headers: { ...CORS_HEADERS, 'content-type': 'text/plain' }, body: '404 page not found' };

    const timeoutHeader = headers['request-timeout'];
    const seconds = timeoutHeader === undefined ? undefined : goParseInt(timeoutHeader);
    const timeoutMs = seconds !== undefined ? Number(seconds) * 1000 : (options.requestTimeoutMs ?? 30_000);
    const allowHeader = headers['accept-type-allow-int64'];
    const allowInt64 = (allowHeader === undefined ? undefined : goParseBool(allowHeader)) ?? options.acceptTypeAllowInt64 ?? true;

    const work = (async () => {
      try {
        const read = await reader.read(route.struct, request.body);
        try {
          const body = read.body;
          const dbName = (typeof body.dbName === 'string' && body.dbName) || headers['db-name'] || DEFAULT_DATABASE;
          const ctx: RestContext = {
            dbName,
            ...(user !== undefined ? { user } : {}),
            allowInt64,
            get rawBody() {
              return read.text();
            },
            rows: read.rows,
          };
          const rpc = ROUTE_RPCS[route.path];
          if (user !== undefined && rpc) {
            try {
              engine.rbac.authorize(rpc, rpcRequestOf(body), { user, dbName });
            } catch (e) {
              if (e instanceof PermissionDeniedError) return json(403, { code: 65535, message: `rpc error: code = PermissionDenied desc = ${e.message}` });
              throw e;
            }
          }
          const answer = await route.handle(engine, body, ctx);
          const pacer = new Pacer();
          // Large answers (200,000 insert IDs, 16,384 query rows) are written a slice at a time.
          return jsonText(200, await goJsonPaced({ ...answer.extra, code: 0, data: answer.data, ...(answer.message !== undefined ? { message: answer.message } : {}) }, () => pacer.pause()));
        } finally {
          read.release();
        }
      } catch (e) {
        return failure(e);
      }
    })();
    if (!(timeoutMs > 0)) {
      await work;
      return json(408, { code: Merr.Timeout.code, message: 'request timeout' });
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const winner = await Promise.race([work, new Promise<typeof TIMEOUT>((resolve) => (timer = setTimeout(resolve, Math.min(timeoutMs, MAX_TIMER_MS), TIMEOUT)))]);
      return winner === TIMEOUT ? json(408, { code: Merr.Timeout.code, message: 'request timeout' }) : winner;
    } finally {
      clearTimeout(timer);
    }
  };
}
