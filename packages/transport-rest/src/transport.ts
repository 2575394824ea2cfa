import { isInteger, isSafeNumber, parse as parseLossless } from 'lossless-json';
import {
  Merr,
  MilvusConnectionError,
  MilvusError,
  callDeadline,
  credentialOf,
  timeLeft,
  parseAddress,
  type CallOptions,
  type ConnectionOptions,
  type OperationName,
  type OperationRequest,
  type OperationResult,
  type Transport,
} from '@mvkit/core';
import { fromFetchFault, fromRestError } from './errors.js';
import { REST_MAPPINGS, type RestCallContext, type RestPath, type RestReply } from './operations.js';

/** The fetch function the transport calls (the WHATWG `fetch` signature). */
export type FetchLike = typeof globalThis.fetch;

/** Options of {@link RestTransport}: where and as whom to connect, and optionally the fetch to use. */
export interface RestTransportOptions extends ConnectionOptions {
  /**
   * The fetch to call. Default, decided at each call:
   * - in Node, while `globalThis.fetch` is still the function it was when this module loaded: a
   *   fetch over undici's `Agent.request` with a keep-alive pool owned by the transport (closed,
   *   sockets and all, by `close()`; about a third faster than `fetch`);
   * - once something has replaced `globalThis.fetch` (msw's `setupServer().listen()`, a test
   *   double), and in every other runtime (browsers, workers, Deno, Bun): `globalThis.fetch`, so
   *   msw intercepts the calls with no extra wiring. (A fetch replaced before this module loaded
   *   looks like the runtime's own: pass it here.)
   * `tls` certificates or a server name, `keepAliveTimeout` and `connections` need the pool (Node).
   * Pass any fetch-compatible function to run elsewhere or to serve calls in-process, e.g. one
   * built from msw's `getResponse`.
   */
  fetch?: FetchLike;
  /** Keep-alive of idle pooled connections, in ms (selects the undici pool, Node only); default 30000 there. */
  keepAliveTimeout?: number;
  /** Most connections per origin (selects the undici pool, Node only); default unlimited. */
  connections?: number;
}

/** Options of {@link RestTransport.request}: the per-call options and extra request headers. */
export interface RestRequestOptions extends CallOptions {
  /** Headers sent besides (and over) the transport's own, e.g. those of a documented cURL command. */
  headers?: Record<string, string>;
}

/** Lossless JSON: integers beyond 2^53 (collection, field and database IDs) become bigints. */
function parseJson(text: string): unknown {
  return parseLossless(text, null, (value: string) => (isInteger(value) && !isSafeNumber(value) ? BigInt(value) : Number(value)));
}

/** The module of the Node-only pooled fetch, named through a constant so that bundlers do not follow it. */
const UNDICI = 'undici';
/** `globalThis.fetch` when this module loaded: the runtime's own, unless something replaced it before. */
const LOADED_FETCH: FetchLike | undefined = globalThis.fetch;
/** Whether this runtime is Node (where the undici pool can be used). */
const IN_NODE = typeof process !== 'undefined' && process.versions?.node !== undefined;
/** `globalThis.fetch` as it is at the time of each call (msw's replacement once installed). */
const GLOBAL_FETCH: FetchLike = (input, init) => globalThis.fetch(input, init);

/** The database REST calls address when a request names none: the connection's, else `default`. */
const DEFAULT_DATABASE = 'default';

/**
 * The REST transport: Milvus's RESTful v2 API (`POST /v2/vectordb/...`, Milvus 2.4+, same port as
 * gRPC) behind the {@link Transport} interface, with the results the gRPC transport returns.
 *
 * - No I/O in the constructor. `connect()` (also run before the first call) checks the server,
 *   the credentials and the database with `collections/list`.
 * - Every call sends `Authorization: Bearer <token or user:password>`, `DB-Name` (the connection's
 *   database; a request's `db_name` goes into the body) and `Accept-Type-Allow-Int64: false`; IDs
 *   in answers are parsed losslessly and returned as decimal strings.
 * - A REST business error (HTTP 200 with `code != 0`) is thrown as a {@link MilvusError} with
 *   the same `code` and `reason` as over gRPC, `origin: 'rest'`; HTTP 401/403/408 carry Milvus
 *   codes too (1800, …, 10001). Transport faults: unreachable → `MilvusConnectionError` (2),
 *   deadline → `MilvusTimeoutError` (10001), abort → `MilvusAbortError` (10000), HTTP 502/503/504
 *   without a Milvus envelope (a proxy in front of Milvus) → `MilvusConnectionError` (2), HTTP
 *   429 → 8 `rate limit exceeded` (retriable), HTTP 404 (no RESTful v2 there) → 10, anything else
 *   → 65535 with `transportStatus`.
 * - One deadline per call, covering its connect check and its REST requests: the call's
 *   `timeout`, else the constructor's, else `DEFAULT_TIMEOUT_MS` (15 s); `0` or `Infinity` for
 *   none. Also sent as `Request-Timeout`, in whole seconds. Timers are cleared when the call
 *   settles. The deadline is the only timeout (undici's own timers are off). The transport never
 *   retries (`MilvusClient` does).
 * - TLS (`https://` address, `ssl` or `tls`): the server certificate must chain to the system
 *   roots, or (Node, the undici pool) to `tls.rootCert`, and name the address host, or
 *   `tls.serverName` when set (sent as SNI and verified); `privateKey` with `certChain`
 *   authenticate the client (mutual TLS). A failed verification is a fault: code 2. Certificates
 *   or a server name outside Node are refused (1100): `fetch` cannot take them.
 *
 * Each operation maps to one or a few REST calls ({@link REST_MAPPINGS}); where RESTful v2 does
 * not expose a field the gRPC answer has, the result carries its empty value (see the mapping
 * notes, e.g. partition IDs).
 */
export class RestTransport implements Transport {
  /** Transport name in messages: `rest`. */
  readonly kind = 'rest';
  readonly #options: RestTransportOptions;
  #fetch: FetchLike | undefined;
  #agent: { close(): Promise<void> } | undefined;
  #connecting: Promise<void> | undefined;

  /** Whether the options need the undici pool (see {@link RestTransportOptions.fetch}). */
  readonly #poolOnly: boolean;

  /** @param options - address (`http(s)://host:port`, default port 19530), credentials, database, TLS, default timeout, fetch. */
  constructor(options: RestTransportOptions) {
    this.#options = options;
    const tls = options.tls;
    this.#poolOnly =
      tls?.rootCert !== undefined || tls?.privateKey !== undefined || tls?.certChain !== undefined || tls?.serverName !== undefined || options.keepAliveTimeout !== undefined || options.connections !== undefined;
  }

  /** `http(s)://host:port` the calls go to. @throws TypeError for an address without a host. */
  get baseUrl(): string {
    const { host, port, secure } = parseAddress(this.#options.address);
    const tls = secure || this.#options.ssl === true || this.#options.tls !== undefined;
    return `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  /** The database calls address when a request names none. */
  get database(): string {
    return this.#options.database || DEFAULT_DATABASE;
  }

  /**
   * Checks reachability, credentials and the database (`collections/list`); idempotent, concurrent
   * callers share one attempt, a failure is not remembered.
   * @throws MilvusError 2 unreachable, 1800 bad credentials, 800 unknown database.
   */
  connect(options: CallOptions = {}): Promise<void> {
    this.#connecting ??= this.#scoped(options, (ctx) => ctx.post('/v2/vectordb/collections/list', {}).then(() => undefined)).catch((e: unknown) => {
      this.#connecting = undefined;
      throw e;
    });
    return this.#connecting;
  }

  /** Performs one operation; see {@link Transport.call}. */
  async call<K extends OperationName>(op: K, request: OperationRequest<K>, options: CallOptions = {}): Promise<OperationResult<K>> {
    const deadline = callDeadline(options.timeout, this.#options.timeout);
    const rest = (what: string): CallOptions => ({ timeout: timeLeft(deadline, what), ...(options.signal ? { signal: options.signal } : {}) });
    await this.connect(rest('connect'));
    const mapping = REST_MAPPINGS[op] as (ctx: RestCallContext, req: OperationRequest<K>) => Promise<OperationResult<K>>;
    return this.#scoped(rest(op), (ctx) => mapping(ctx, request));
  }

  /**
   * One raw RESTful v2 call: `POST <baseUrl><path>` with `body`; resolves with `data` and the
   * envelope's `message`.
   * @throws MilvusError for a business error or a transport fault, as {@link RestTransport} describes.
   */
  post<T = unknown>(path: RestPath, body: object, options: CallOptions = {}): Promise<RestReply<T>> {
    return this.#scoped(options, (ctx) => ctx.post<T>(path, body));
  }

  /**
   * One raw RESTful v2 request, as a cURL example sends it: `POST <baseUrl><path>` with `body` as
   * JSON, the transport's credentials (`Authorization: Bearer`), database (`DB-Name`) and
   * `Request-Timeout` headers, then `options.headers` (which win over those). Unlike
   * {@link RestTransport.post} it does not connect first, does not send
   * `Accept-Type-Allow-Int64`, and resolves with the parsed response body unchanged: the
   * `{ code, data, message }` envelope, business errors (`code != 0`) and non-200 statuses that
   * carry JSON included. Integers beyond 2^53 are parsed losslessly as bigints.
   *
   * @param path - path under the base URL, e.g. `/v2/vectordb/partitions/list`.
   * @param body - the request body; serialized with `JSON.stringify`.
   * @param options - per-call `timeout` and `signal`, and extra `headers`.
   * @throws MilvusError only for transport faults (unreachable 2, deadline 10001, abort 10000) and
   *   for an answer that is not JSON (HTTP 404 → 10, otherwise 65535 with `transportStatus`).
   */
  request(path: string, body: unknown, options: RestRequestOptions = {}): Promise<unknown> {
    if (!path.startsWith('/')) throw new TypeError(`request path must start with "/": ${path}`);
    return this.#scoped(options, async (_ctx, signal, deadline) => {
      const { status, text } = await this.#send(path, JSON.stringify(body), signal, deadline, options.headers ?? {}, false);
      try {
        return parseJson(text);
      } catch {
        throw nonJson(path, status, text);
      }
    });
  }

  /** Closes the keep-alive pool (if the transport created one); idempotent. A later call reopens it. */
  async close(): Promise<void> {
    const agent = this.#agent;
    this.#agent = undefined;
    this.#fetch = undefined;
    this.#connecting = undefined;
    await agent?.close();
  }

  /** Runs `work` under one deadline and signal (timers cleared when it settles). */
  async #scoped<T>(options: CallOptions, work: (ctx: RestCallContext, signal: AbortSignal, deadline: number | undefined) => Promise<T>): Promise<T> {
    const deadline = callDeadline(options.timeout, this.#options.timeout);
    const timer = new AbortController();
    let handle: ReturnType<typeof setTimeout> | undefined;
    if (deadline !== undefined) {
      const timeout = deadline - Date.now();
      handle = setTimeout(() => timer.abort(new DOMException(`timed out after ${timeout} ms`, 'TimeoutError')), timeout);
    }
    const signal = options.signal ? AbortSignal.any([options.signal, timer.signal]) : timer.signal;
    try {
      return await work(
        {
          database: this.database,
          post: <R>(path: RestPath, body: object) => this.#post<R>(path, body, signal, deadline),
        },
        signal,
        deadline,
      );
    } finally {
      clearTimeout(handle);
    }
  }

  /** The fetch of this call (see {@link RestTransportOptions.fetch}); only the global fetch's identity is read per call. */
  async #fetchFn(): Promise<FetchLike> {
    if (this.#options.fetch) return this.#options.fetch;
    if (this.#poolOnly && !IN_NODE) {
      throw MilvusError.parameterInvalid('TLS certificates, a TLS server name, keepAliveTimeout and connections need Node.js (the undici pool); fetch cannot take them');
    }
    if (this.#poolOnly || (IN_NODE && globalThis.fetch === LOADED_FETCH)) return this.#pool();
    return GLOBAL_FETCH;
  }

  /** The pooled fetch (Node), created on first use. */
  async #pool(): Promise<FetchLike> {
    if (this.#fetch) return this.#fetch;
    const tls = this.#options.tls;
    // Not a literal specifier: bundlers for browsers and workers leave undici out.
    const undici = (await import(UNDICI)) as typeof import('undici');
    // Another call may have created the pool while the module loaded.
    if (this.#fetch) return this.#fetch;
    const connect = tls
      ? {
          ...(tls.rootCert !== undefined ? { ca: toText(tls.rootCert) } : {}),
          ...(tls.privateKey !== undefined ? { key: toText(tls.privateKey) } : {}),
          ...(tls.certChain !== undefined ? { cert: toText(tls.certChain) } : {}),
          ...(tls.serverName !== undefined ? { servername: tls.serverName } : {}),
        }
      : undefined;
    const agent = new undici.Agent({
      keepAliveTimeout: this.#options.keepAliveTimeout ?? 30_000,
      pipelining: 1,
      // The call's deadline is the only timeout (10001): undici's own headers and body timers are
      // off, they would fail a call early (coarse timers, counted per request) with code 2.
      headersTimeout: 0,
      bodyTimeout: 0,
      ...(this.#options.connections !== undefined ? { connections: this.#options.connections } : {}),
      ...(connect ? { connect } : {}),
    });
    this.#agent = agent;
    this.#fetch = requestFetch(agent);
    return this.#fetch;
  }

  async #post<T>(path: RestPath, body: object, signal: AbortSignal, deadline: number | undefined): Promise<RestReply<T>> {
    const { status, text } = await this.#send(path, JSON.stringify(body), signal, deadline, {}, true);
    let envelope: { code?: unknown; data?: unknown; message?: unknown } | undefined;
    try {
      const parsed = parseJson(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) envelope = parsed as typeof envelope;
    } catch {
      envelope = undefined;
    }
    const code = typeof envelope?.code === 'number' ? envelope.code : typeof envelope?.code === 'bigint' ? Number(envelope.code) : undefined;
    const message = typeof envelope?.message === 'string' ? envelope.message : '';
    if (status === 200 && envelope && code !== undefined) {
      // 200 was the success code of some Milvus 2.4.0–2.4.3 endpoints; as an error it never comes with `data`.
      if (code === 0 || (code === 200 && 'data' in envelope && !message)) {
        const topks = (envelope as { topks?: unknown }).topks;
        return { data: envelope.data as T, message, ...(Array.isArray(topks) ? { topks: topks.map(Number) } : {}) };
      }
      throw fromRestError(code, message);
    }
    if (envelope && code !== undefined && code !== 0) throw fromRestError(code, message, status);
    throw nonJson(path, status, text);
  }

  /** Sends one POST through the fetch seam; resolves with the HTTP status and body text, rejects with transport faults as MilvusErrors. */
  async #send(path: string, body: string, signal: AbortSignal, deadline: number | undefined, extraHeaders: Record<string, string>, int64AsString: boolean): Promise<{ status: number; text: string }> {
    const faultOf = (e: unknown): MilvusError => {
      if (MilvusError.is(e)) return e;
      if (signal.aborted) {
        const reason: unknown = signal.reason;
        const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
        return fromFetchFault(timedOut ? 'timeout' : 'aborted', timedOut ? reason.message : `request to ${path} aborted`, e);
      }
      const cause = (e as { cause?: { message?: string; code?: string } }).cause;
      return fromFetchFault('unreachable', `${this.baseUrl}${path}: ${cause?.code ?? cause?.message ?? (e as Error).message}`, e);
    };
    if (signal.aborted) throw faultOf(signal.reason);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (int64AsString) headers['accept-type-allow-int64'] = 'false';
    const credential = credentialOf(this.#options);
    if (credential) headers.authorization = `Bearer ${credential}`;
    if (this.#options.database) headers['db-name'] = this.#options.database;
    if (deadline !== undefined) headers['request-timeout'] = String(Math.max(1, Math.ceil((deadline - Date.now()) / 1000)));
    for (const [name, value] of Object.entries(extraHeaders)) headers[name.toLowerCase()] = value;

    let status: number;
    let text: string;
    try {
      const fetchFn = await this.#fetchFn();
      if (signal.aborted) throw signal.reason;
      const response = await fetchFn(`${this.baseUrl}${path}`, { method: 'POST', headers, body, signal });
      status = response.status;
      text = await response.text();
    } catch (e) {
      throw faultOf(e);
    }
    return { status, text };
  }
}

/**
 * The pooled fetch (Node): the POST-with-string-body subset of `fetch` that the transport uses, over
 * undici's `Agent.request` (the keep-alive pool without the WHATWG streams machinery of
 * `undici.fetch`, which cost the REST transport about a third of its throughput). It resolves with
 * a minimal `Response` (`status`, `ok`, `headers`, `text()`, `json()`).
 */
function requestFetch(agent: import('undici').Agent): FetchLike {
  return (async (input: Parameters<FetchLike>[0], init: Parameters<FetchLike>[1] = {}) => {
    const url = new URL(String(input));
    const { statusCode, headers, body } = await agent.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: (init.method ?? 'GET') as 'POST',
      headers: init.headers as Record<string, string>,
      body: init.body as string | undefined,
      signal: init.signal ?? undefined,
    });
    const text = await body.text();
    return {
      status: statusCode,
      ok: statusCode >= 200 && statusCode < 300,
      headers: new Headers(Object.entries(headers).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x])))),
      text: async () => text,
      json: async () => JSON.parse(text) as unknown,
    } as unknown as Response;
  }) as FetchLike;
}

/**
 * The fault for an answer that is not a Milvus JSON envelope: HTTP 502/503/504 (a gateway or load
 * balancer without a healthy Milvus behind it) → 2 `service unavailable`, 429 (a gateway's rate
 * limit) → 8 `rate limit exceeded`, both retriable; 404 → 10 (no RESTful v2 there); anything
 * else → 65535.
 */
function nonJson(path: string, status: number, text: string): MilvusError {
  const answered = `POST ${path} answered HTTP ${status}`;
  if (status === 502 || status === 503 || status === 504) {
    return new MilvusConnectionError(`${Merr.ServiceUnavailable.message}: ${answered}: ${text.slice(0, 200)}`, { origin: 'rest', transportStatus: status });
  }
  if (status === 429) return MilvusError.of(Merr.ServiceRateLimit, `${Merr.ServiceRateLimit.message}: ${answered}`, { origin: 'rest', transportStatus: status });
  if (status === 404) {
    return MilvusError.of(Merr.ServiceUnimplemented, `${Merr.ServiceUnimplemented.message}: POST ${path} answered HTTP 404 (not a Milvus 2.4+ RESTful v2 endpoint)`, {
      origin: 'rest',
      transportStatus: 404,
    });
  }
  return MilvusError.of(Merr.Unexpected, `${Merr.Unexpected.message}: POST ${path} answered HTTP ${status}: ${text.slice(0, 200)}`, { origin: 'rest', transportStatus: status });
}

function toText(v: Uint8Array | string): string {
  return typeof v === 'string' ? v : new TextDecoder().decode(v);
}
