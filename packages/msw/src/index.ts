/**
 * `@mvkit/msw`: Milvus's RESTful v2 API (`POST /v2/vectordb/...`) as msw request handlers, served
 * in-process by the `@mvkit/server` engine — the same REST handler table as the server's HTTP
 * front, so answers, error codes and messages are Milvus's.
 *
 * Two ways to wire it:
 * - `setupServer(...createMilvusHandlers({ baseUrl }))` (msw/node) or `setupWorker` (browser) when
 *   the code under test uses the global `fetch`;
 * - {@link createHandlersFetch} to get a `fetch` function from the handlers (msw's `getResponse`),
 *   for clients that take a fetch (e.g. `@mvkit/transport-rest`) or that msw cannot intercept
 *   (undici's own `fetch`/dispatchers, Workers, Deno).
 *
 * @packageDocumentation
 * @module @mvkit/msw
 */
import { Engine, createRestHandler, type RestHandlerOptions } from '@mvkit/server/rest';
import { getResponse, http, HttpResponse, type HttpHandler, type RequestHandler } from 'msw';

/** Options of {@link createMilvusHandlers}. */
export interface MilvusHandlersOptions extends RestHandlerOptions {
  /** Origin (and optional path prefix) the handlers answer for, e.g. `http://localhost:19530`. */
  baseUrl: string;
  /** The engine to serve; default a new, empty one (a fresh Milvus with the `default` database). */
  engine?: Engine;
}

/**
 * msw handlers serving Milvus's RESTful v2 API from an in-process engine: `POST
 * <baseUrl>/v2/vectordb/*` (every route of `openapi/milvus-v2.yaml`; an unknown one answers
 * HTTP 404 as Milvus) and `OPTIONS` (204 with Milvus's CORS headers). Options `auth`,
 * `requestTimeoutMs` and `acceptTypeAllowInt64` behave as on the reference server.
 */
export function createMilvusHandlers(options: MilvusHandlersOptions): HttpHandler[] {
  const handle = createRestHandler(options.engine ?? new Engine(), options);
  const pattern = `${options.baseUrl.replace(/\/+$/, '')}/v2/vectordb/*`;
  const resolver = async ({ request }: { request: Request }) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => (headers[key] = value));
    const answer = await handle({
      method: request.method,
      path: new URL(request.url).pathname,
      headers,
      body: new Uint8Array(await request.arrayBuffer()),
    });
    const empty = answer.status === 204 || answer.status === 307;
    return new HttpResponse(empty ? null : answer.body, { status: answer.status, headers: answer.headers });
  };
  return [http.post(pattern, resolver), http.options(pattern, resolver)];
}

/** Options of {@link createHandlersFetch}. */
export interface HandlersFetchOptions {
  /** Called for a request no handler answers; default: HTTP 404 `404 page not found`. */
  onUnhandled?: (request: Request) => Response | Promise<Response>;
}

/**
 * A `fetch` served by msw handlers through msw's `getResponse` (no interception, no global
 * patching): pass it as the `fetch` option of `RestTransport` or to any code that takes a fetch.
 */
export function createHandlersFetch(handlers: readonly RequestHandler[], options: HandlersFetchOptions = {}): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    request.signal.throwIfAborted();
    const response = await getResponse([...handlers], request);
    if (response) return response;
    return options.onUnhandled ? options.onUnhandled(request) : new Response('404 page not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  };
}
