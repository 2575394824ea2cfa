import { fromBinary, type DescMethod } from '@bufbuild/protobuf';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { parse as parseYaml } from 'yaml';
import type { GrpcReply, HttpReply } from './wire.js';

/**
 * The fuzzers' oracles: what a reply of each front may look like, whatever was sent.
 *
 * @packageDocumentation
 */

/** Longest a reply may take, in ms. */
export const REPLY_DEADLINE_MS = 5000;

/**
 * Text of a JavaScript runtime error (a bug that escaped as a Milvus status or envelope, where
 * Milvus would send a proper business error).
 */
const JS_ERROR = /\b(TypeError|RangeError|ReferenceError|SyntaxError|InternalError)\b|Cannot read propert|Cannot set propert|Cannot convert|Cannot mix BigInt|is not a function|is not iterable|^\S+ is not defined$|is not a constructor|Invalid array length|Invalid typed array length|Invalid string length|Maximum call stack|Array buffer allocation failed|out of memory|\bundefined\b|\[object Object\]|Do not know how to serialize/;

/** The JS runtime error a reason text betrays, if any. */
export function jsErrorIn(reason: string): string | undefined {
  return JS_ERROR.exec(reason)?.[0];
}

/**
 * Checks one gRPC reply of `method` (`served`: the server implements it; `wellFormed`: the request
 * bytes decode as the method's input). Returns what is wrong, or `undefined`.
 *
 * - An unserved RPC must answer UNIMPLEMENTED.
 * - A well-formed request to a served RPC must answer OK (business errors go in `status`), or
 *   RESOURCE_EXHAUSTED when it exceeds the server's message size limit.
 * - Malformed bytes may answer any gRPC error but DEADLINE_EXCEEDED or UNAVAILABLE (a hang or a
 *   dead connection).
 * - An OK reply must decode as the output message and carry a `status` (or be a `common.Status`, or the 1.x `milvus.grpc.Status`)
 *   whose reason is not a JavaScript runtime error, unless its type has no status (DummyResponse).
 */
export function checkGrpcReply(method: DescMethod, served: boolean, wellFormed: boolean, reply: GrpcReply): string | undefined {
  if (reply.ms > REPLY_DEADLINE_MS) return `reply took ${reply.ms.toFixed(0)} ms`;
  if (!reply.ok) {
    if (!served) return reply.code === GrpcStatus.UNIMPLEMENTED ? undefined : `unserved RPC answered gRPC ${GrpcStatus[reply.code]} (${reply.details}), not UNIMPLEMENTED`;
    if (reply.code === GrpcStatus.DEADLINE_EXCEEDED || reply.code === GrpcStatus.UNAVAILABLE) return `gRPC ${GrpcStatus[reply.code]}: ${reply.details}`;
    if (wellFormed && reply.code !== GrpcStatus.RESOURCE_EXHAUSTED) return `well-formed request answered gRPC ${GrpcStatus[reply.code]} (${reply.details.slice(0, 300)})`;
    return undefined;
  }
  if (!served) return 'unserved RPC answered OK';
  let out: Record<string, unknown>;
  try {
    out = fromBinary(method.output, reply.bytes) as unknown as Record<string, unknown>;
  } catch (e) {
    return `OK reply does not decode as ${method.output.typeName}: ${(e as Error).message}`;
  }
  const isStatus = method.output.typeName === 'milvus.proto.common.Status' || method.output.typeName === 'milvus.grpc.Status';
  const status = (isStatus ? out : out.status) as { code?: number; errorCode?: number; reason: string } | undefined;
  // A reply type without a status field (DummyResponse) has nothing to check.
  if (!status) return method.output.fields.some((f) => f.localName === 'status') ? `OK reply without status (${method.output.typeName})` : undefined;
  const leaked = jsErrorIn(status.reason);
  if (leaked) return `status ${status.code ?? status.errorCode} leaks a JS error (${leaked}): ${status.reason.slice(0, 300)}`;
  return undefined;
}

/** Body of a 404, on both HTTP ports (gin's default). */
const NOT_FOUND = '404 page not found';

/**
 * Checks one HTTP reply; `style` says whose: Milvus's RESTful v2 or the legacy API. RESTful v2: HTTP 200 / 401 / 408 / 413 with a JSON object whose `code` is
 * a number (200 success must be code 0 with `data`), 404 `404 page not found`, 307 with a
 * `Location`, 204 with no body; any 5xx is a handler failure. Legacy: 200 a JSON (or YAML) object,
 * 400 `{"error_code": 5}`, 404 text. In both, no envelope may carry a JavaScript error text.
 */
export function checkHttpReply(reply: HttpReply, style: 'v2' | 'legacy', yaml = false): string | undefined {
  if (!reply.ok) return `no HTTP answer: ${reply.error}`;
  if (reply.ms > REPLY_DEADLINE_MS) return `reply took ${reply.ms.toFixed(0)} ms`;
  const { status, body } = reply;
  if (status === 404) return body === NOT_FOUND ? undefined : `404 with body ${JSON.stringify(body.slice(0, 200))}`;
  if (status === 307) return reply.headers.location ? undefined : '307 without Location';
  if (status === 204) return body === '' ? undefined : `204 with a body ${JSON.stringify(body.slice(0, 200))}`;
  if (status >= 500) return `HTTP ${status}: ${body.slice(0, 300)}`;
  let parsed: unknown;
  try {
    parsed = yaml ? parseYaml(body) : JSON.parse(body);
  } catch {
    return `HTTP ${status} body is not ${yaml ? 'YAML' : 'JSON'}: ${JSON.stringify(body.slice(0, 200))}`;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return `HTTP ${status} body is not an object: ${body.slice(0, 200)}`;
  const envelope = parsed as Record<string, unknown>;
  const leaked = jsErrorIn(String(envelope.message ?? envelope.reason ?? (envelope.status as { reason?: string } | undefined)?.reason ?? ''));
  if (leaked) return `HTTP ${status} envelope leaks a JS error (${leaked}): ${body.slice(0, 300)}`;
  if (style === 'legacy') {
    if (status === 200) return undefined;
    return status === 400 && envelope.error_code === 5 ? undefined : `legacy HTTP ${status}: ${body.slice(0, 300)}`;
  }
  if (![200, 401, 408, 413].includes(status)) return `HTTP ${status} is not documented: ${body.slice(0, 300)}`;
  if (typeof envelope.code !== 'number') return `HTTP ${status} envelope without numeric code: ${body.slice(0, 300)}`;
  if (status === 200 && envelope.code === 0 && !('data' in envelope)) return `success envelope without data: ${body.slice(0, 300)}`;
  return undefined;
}
