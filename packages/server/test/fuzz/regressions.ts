import { create, toBinary, type DescMethod } from '@bufbuild/protobuf';
import { MilvusService, methodPath } from '@mvkit/proto';
import { REPLY_DEADLINE_MS, checkGrpcReply, checkHttpReply } from './checks.js';
import { FIXTURE_COLLECTIONS } from './fixture.js';
import { hex } from './report.js';
import { probe, seedFixture, type FuzzTarget } from './target.js';
import { RawGrpc, httpCall, postJson } from './wire.js';

/**
 * Regression cases: requests that hung or crashed the server when the fuzzers (or the hardening
 * issue) found them. Each runs against a fresh server in a child process, on
 * the fixture state; it passes when the reply is valid, came within 5 s and the server still
 * serves afterwards.
 *
 * @packageDocumentation
 */

/** A regression case: optional REST setup steps, then one gRPC or REST request. */
export interface RegressionCase {
  /** `<issue id>: <what is sent>`. */
  readonly name: string;
  /** RESTful v2 calls run first (path under `/v2/vectordb`, JSON body); each must answer code 0. */
  readonly setup?: readonly { readonly path: string; readonly body: unknown }[];
  readonly grpc?: { readonly method: DescMethod; readonly bytes: Uint8Array };
  readonly rest?: { readonly path: string; readonly body: string };
  /**
   * Run against a server started in the test process (`startServer`, as embedders run it) rather
   * than the CLI in a child process: for cases that cannot crash or hang the process but behave
   * differently there (the CLI serves from a worker thread with its own stack).
   */
  readonly inProcess?: boolean;
}

const books = FIXTURE_COLLECTIONS[0]!;
const rpc = <M extends DescMethod>(method: M, init: Record<string, unknown>) => ({ method, bytes: toBinary(method.input, create(method.input, init as never)) });
const longTitles = { path: '/entities/insert', body: { collectionName: books.name, data: [{ id: 9001, title: 'a'.repeat(60), year: 1, rating: 0, small: 0, flag: true, tags: [], meta: {}, note: null, vector: Array(8).fill(0.5) }] } };

/** The regression cases. */
export const REGRESSIONS: readonly RegressionCase[] = [
  {
    name: 'insert-num-rows-alloc: gRPC Insert with num_rows 4294967295 and no fields_data',
    grpc: rpc(MilvusService.method.insert, { collectionName: books.name, numRows: 4294967295 }),
  },
  {
    name: 'insert-num-rows-alloc: gRPC Upsert with num_rows 4294967295 and no fields_data',
    grpc: rpc(MilvusService.method.upsert, { collectionName: books.name, numRows: 4294967295 }),
  },
  {
    name: 'like-redos: gRPC Query with `title like "%a%a%a%a%a%a%a%a%ab"` over a 60-character title',
    setup: [longTitles],
    grpc: rpc(MilvusService.method.query, { collectionName: books.name, expr: `title like "${'%a'.repeat(9)}b"`, outputFields: ['id'] }),
  },
  {
    name: 'query-count-star-mixed: gRPC Query with output_fields [id, count(*)] on a dynamic schema (answered status 65535 "Cannot convert undefined to a BigInt")',
    grpc: rpc(MilvusService.method.query, { collectionName: books.name, expr: 'id >= 0', outputFields: ['id', 'count(*)'] }),
  },
  ...(
    [
      ['databases/create properties', '/v2/vectordb/databases/create', (deep: string) => `{"dbName":"deep","properties":{"a":${deep}}}`],
      ['entities/insert dynamic field', '/v2/vectordb/entities/insert', (deep: string) => `{"collectionName":"${books.name}","data":[{"id":1,"title":"t","year":1,"rating":0,"small":0,"flag":true,"tags":[],"meta":{},"vector":[0,0,0,0,0,0,0,0],"deep":${deep}}]}`],
      ['entities/query exprParams', '/v2/vectordb/entities/query', (deep: string) => `{"collectionName":"${books.name}","filter":"id > 0","limit":1,"exprParams":{"x":${deep}}}`],
    ] as const
  ).map(([what, path, body]) => ({ name: `rest-deep-json: REST ${what} nested 9000 levels, in process (overflowed the stack of the body readers)`, inProcess: true, rest: { path, body: body(`${'['.repeat(9000)}${']'.repeat(9000)}`) } })),
  {
    name: 'rest-deep-json: REST entities/insert dynamic field nested 9000 levels, CLI (overflowed in its worker thread)',
    rest: { path: '/v2/vectordb/entities/insert', body: `{"collectionName":"${books.name}","data":[{"id":1,"title":"t","year":1,"rating":0,"small":0,"flag":true,"tags":[],"meta":{},"vector":[0,0,0,0,0,0,0,0],"deep":${'['.repeat(9000)}${']'.repeat(9000)}}]}` },
  },
];

/** How to send a regression case again by hand. */
export function regressionRepro(c: RegressionCase): string {
  const setup = (c.setup ?? []).map((s) => `POST /v2/vectordb${s.path} ${JSON.stringify(s.body)}; then `).join('');
  const body = c.rest && (c.rest.body.length <= 400 ? c.rest.body : `(${c.rest.body.length} characters) ${c.rest.body.slice(0, 200)}…`);
  return setup + (c.grpc ? `RPC ${c.grpc.method.name} hex ${hex(c.grpc.bytes)}` : `POST ${c.rest!.path} body ${body}`);
}

/**
 * Runs `c` against `target` (seeded first) and returns what went wrong: an invalid or late reply,
 * or a server that no longer serves. Empty when the case passes.
 */
export async function runRegression(target: FuzzTarget, c: RegressionCase): Promise<string[]> {
  await seedFixture(target, 1);
  for (const s of c.setup ?? []) {
    const r = await postJson(target.restUrl, `/v2/vectordb${s.path}`, s.body);
    if (r.code !== 0) return [`setup ${s.path} failed: ${r.code} ${r.message ?? ''}`];
  }
  const grpc = new RawGrpc(target.address);
  try {
    let problem: string | undefined;
    if (c.grpc) {
      const reply = await grpc.call(methodPath(c.grpc.method), c.grpc.bytes, {}, REPLY_DEADLINE_MS);
      problem = checkGrpcReply(c.grpc.method, true, true, reply);
    } else {
      const reply = await httpCall(target.restUrl, { method: 'POST', path: c.rest!.path, headers: {}, body: c.rest!.body }, REPLY_DEADLINE_MS);
      problem = checkHttpReply(reply, 'v2');
    }
    // A late or missing reply already says the server is stuck or gone: no need to wait for a probe too.
    if (problem && (target.death() || /took|DEADLINE_EXCEEDED|UNAVAILABLE|no HTTP answer/.test(problem))) return [problem, ...(target.death() ? [target.death()!] : [])];
    return [...(problem ? [problem] : []), ...(await probe(target, grpc))];
  } finally {
    grpc.close();
  }
}
