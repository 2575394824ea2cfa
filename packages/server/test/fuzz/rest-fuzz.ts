import { checkHttpReply } from './checks.js';
import { NAMES } from './fixture.js';
import { jsonText, mutateBody, randomBody } from './json-gen.js';
import type { JsonSchema, OpenApiDoc, OpenApiRoute } from './openapi.js';
import { clip, type FuzzReport } from './report.js';
import type { BatchOptions } from './batch.js';
import type { Rng } from './rng.js';
import { httpCall, sendableHeaders, type HttpCase, type HttpReply } from './wire.js';

/**
 * The RESTful v2 fuzzer: for every operation of the OpenAPI document, random bodies from its
 * request schema (or its example) and mutations of them, sent with random documented headers
 * (`Request-Timeout`, `Accept-Type-Allow-Int64`, `DB-Name`), `Authorization` and `Content-Type`,
 * now and then with another method or a bent path. Each reply is checked with `checkHttpReply`.
 *
 * @packageDocumentation
 */

/** A header value for a documented header: numbers for numeric patterns, else words and edge cases. */
function headerValue(rng: Rng, schema: JsonSchema): string {
  if (typeof schema.pattern === 'string' && schema.pattern.includes('[0-9]')) {
    return rng.pick(['0', '1', '5', '30', '-1', '-30', '2147483', '2147484', '99999999999', '9223372036854775807', '9223372036854775808', '+5', ' 5', '5s', '1.5', '0x10', '', 'abc']);
  }
  return rng.pick(['true', 'false', 'TRUE', 'F', '1', '0', 't', 'yes', '', ' ', ...NAMES.databases, 'nope', 'x'.repeat(300), '中文', '\u0000', 'a\r\nX-Injected: 1']);
}

const AUTHORIZATION = ['Bearer root:Milvus', 'Bearer root', 'Bearer :', 'Basic cm9vdDpNaWx2dXM=', 'Basic !!!', 'Basic ', 'Bearer ', 'x', `Bearer ${'a'.repeat(5000)}:${'b'.repeat(10)}`];
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-yaml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '*/*', ''];

/** Random headers: each documented header with probability 0.3, plus `Authorization` / `Content-Type` now and then. */
export function randomHeaders(rng: Rng, documented: OpenApiRoute['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const h of documented) if (rng.chance(0.3)) headers[rng.chance(0.8) ? h.name : h.name.toLowerCase()] = headerValue(rng, h.schema);
  if (rng.chance(0.15)) headers.Authorization = rng.pick(AUTHORIZATION);
  if (rng.chance(0.5)) headers['Content-Type'] = rng.pick(CONTENT_TYPES);
  return headers;
}

/** The route's path, or now and then a bent one (trailing slash, query, encoding, case, unknown). */
export function bentPath(rng: Rng, path: string): string {
  return rng.weighted<() => string>([
    [60, () => path],
    [1, () => `${path}/`],
    [1, () => `${path}?dbName=fuzz_db&x=%ZZ`],
    [1, () => `/${path.slice(1).replace(/\//g, '%2F')}`],
    [1, () => path.replace(/s\//, '%73/')],
    [1, () => path.toUpperCase()],
    [1, () => `/${path}`],
    [1, () => `${path}/../list`],
    [1, () => `${path.slice(0, path.lastIndexOf('/'))}/nope`],
    [1, () => `${path}#frag`],
  ])();
}

/** One case's method: the documented one, or now and then another. */
function methodOf(rng: Rng, documented: string): string {
  return rng.chance(0.9) ? documented : rng.pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'post', 'TRACE']);
}

/** The printable reproduction of an HTTP case. */
export function httpRepro(c: HttpCase): string {
  const headers = sendableHeaders(c.headers);
  return `${c.method} ${c.path}${Object.keys(headers).length ? ` headers ${JSON.stringify(headers)}` : ''} body ${clip(JSON.stringify(typeof c.body === 'string' ? c.body : Buffer.from(c.body).toString('latin1')))}`;
}

/** A 408 that came back before the `Request-Timeout` it was sent with could have elapsed. */
function prematureTimeout(c: HttpCase, reply: HttpReply): string | undefined {
  if (!reply.ok || reply.status !== 408) return undefined;
  const header = Object.entries(sendableHeaders(c.headers)).find(([k]) => k.toLowerCase() === 'request-timeout')?.[1];
  const seconds = header === undefined ? undefined : Number(header);
  if (seconds === undefined || !Number.isSafeInteger(seconds) || seconds <= 0 || reply.ms + 1000 >= seconds * 1000) return undefined;
  return `HTTP 408 after ${reply.ms.toFixed(0)} ms although Request-Timeout is ${header} s`;
}

/**
 * Sends one batch to `baseUrl`: for each route of `doc`, `cases` cases, alternately a
 * generated body (sometimes the documented example) and a mutation of one.
 */
export async function restBatch(baseUrl: string, doc: OpenApiDoc, report: FuzzReport, o: BatchOptions): Promise<void> {
  for (const route of doc.routes) {
    for (let i = 0; i < o.cases; i++) {
      const rng = o.rng.fork();
      const body = route.example !== undefined && rng.chance(0.1) ? (route.example as never) : randomBody(doc, route.body, rng, o.limits);
      const mutated = i % 2 === 0 ? undefined : mutateBody(body, rng, o.limits);
      const text = mutated?.text ?? jsonText(body);
      const c: HttpCase = { method: methodOf(rng, route.method), path: bentPath(rng, route.path), headers: randomHeaders(rng, route.headers), body: rng.chance(0.03) ? Buffer.concat([Buffer.from(text), Buffer.from([0xff, 0xfe, 0xc0])]) : text };
      const repro = `${httpRepro(c)}${mutated ? ` (mutation ${mutated.mutation})` : ''}`;
      o.onCase?.(repro);
      const reply = await httpCall(baseUrl, c);
      report.record({ front: 'rest', ms: reply.ms, repro, payload: c.body });
      report.outcome(`${route.path} ${reply.ok ? (reply.status === 200 ? `code ${/"code":(-?\d+)/.exec(reply.body)?.[1]}` : `http ${reply.status}`) : 'no answer'}`);
      const problem = c.method === 'HEAD' ? (reply.ok ? undefined : `no HTTP answer: ${reply.error}`) : (checkHttpReply(reply, 'v2') ?? prematureTimeout(c, reply));
      if (problem) report.fail({ front: 'rest', problem: `${route.path}: ${problem}`, repro, payload: c.body });
      if (!(await o.proceed(problem))) return;
    }
    await o.between?.();
  }
}
