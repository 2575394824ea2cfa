import { ScalarType, fromBinary, toJson, type DescMessage, type JsonValue, type Message } from '@bufbuild/protobuf';
import { MilvusService } from '@mvkit/proto';
import { stringify as stringifyYaml } from 'yaml';
import type { BatchOptions } from './batch.js';
import { checkHttpReply } from './checks.js';
import { jsonText, mutateBody, type Json } from './json-gen.js';
import { EMBEDDED_MESSAGES, randomRequest } from './proto-gen.js';
import type { FuzzReport } from './report.js';
import { bentPath, httpRepro } from './rest-fuzz.js';
import type { Rng } from './rng.js';
import { httpCall, type HttpCase } from './wire.js';

/**
 * The legacy `/api/v1` fuzzer: for every route of the legacy route table, the RPC's request
 * message generated from its descriptor and written in the JSON the legacy API reads (snake_case
 * proto names; embedded messages such as `schema` as objects), or as YAML, then mutated; sent with
 * the route's method (or another) and random `Content-Type` / `Accept`.
 *
 * @packageDocumentation
 */

type RpcName = keyof typeof MilvusService.method;

/** A YAML alias bomb (the `yaml` parser must refuse it rather than expand it). */
const ALIAS_BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n');

/** The request as the legacy API's JSON: proto names, embedded messages as objects. */
function legacyJson(desc: DescMessage, message: Message, rng: Rng): Json {
  const json = toJson(desc, message, { useProtoFieldName: true, enumAsInteger: rng.chance(0.7) }) as Record<string, JsonValue>;
  for (const field of desc.fields) {
    const embedded = EMBEDDED_MESSAGES[field.name];
    const value = (message as unknown as Record<string, unknown>)[field.localName];
    if (!embedded || field.fieldKind !== 'scalar' || field.scalar !== ScalarType.BYTES || !(value instanceof Uint8Array) || !value.length) continue;
    try {
      json[field.name] = toJson(embedded, fromBinary(embedded, value), { useProtoFieldName: true, enumAsInteger: true });
    } catch {
      // not a valid embedded message: leave the base64 text
    }
  }
  return json as Json;
}

/**
 * Sends one batch to the legacy API at `baseUrl`: for each route of `routes`
 * (`'METHOD /api/v1/path'` → RPC local name), `cases` cases, alternately a generated body and a
 * mutation of one.
 */
export async function legacyBatch(baseUrl: string, routes: Readonly<Record<string, RpcName>>, report: FuzzReport, o: BatchOptions): Promise<void> {
  for (const [key, rpc] of Object.entries(routes)) {
    const [method, path] = key.split(' ') as [string, string];
    const input = MilvusService.method[rpc].input;
    for (let i = 0; i < o.cases; i++) {
      const rng = o.rng.fork();
      const { message } = randomRequest(input, rng, o.limits);
      const body = legacyJson(input, message, rng);
      const yaml = rng.chance(0.15);
      const mutated = yaml || i % 2 === 0 ? undefined : mutateBody(body, rng, o.limits);
      const text = yaml ? (rng.chance(0.2) ? ALIAS_BOMB : stringifyYaml(JSON.parse(jsonText(body)))) : (mutated?.text ?? jsonText(body));
      const acceptYaml = rng.chance(0.15);
      const c: HttpCase = {
        method: rng.chance(0.9) ? method : rng.pick(['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS']),
        path: bentPath(rng, path),
        headers: { ...(yaml ? { 'Content-Type': 'application/x-yaml' } : rng.chance(0.3) ? { 'Content-Type': 'application/json' } : {}), ...(acceptYaml ? { Accept: 'application/x-yaml' } : {}) },
        body: text,
      };
      const repro = `${httpRepro(c)}${mutated ? ` (mutation ${mutated.mutation})` : ''}`;
      o.onCase?.(repro);
      const reply = await httpCall(baseUrl, c);
      report.record({ front: 'legacy', ms: reply.ms, repro, payload: c.body });
      report.outcome(`${key} ${reply.ok ? (reply.status === 200 ? `code ${/"code":(-?\d+)/.exec(reply.body)?.[1] ?? 0}` : `http ${reply.status}`) : 'no answer'}`);
      const problem = checkHttpReply(reply, 'legacy', acceptYaml && reply.ok && /yaml/.test(String(reply.headers['content-type'])));
      if (problem) report.fail({ front: 'legacy', problem: `${key}: ${problem}`, repro, payload: c.body });
      if (!(await o.proceed(problem))) return;
    }
    await o.between?.();
  }
}
