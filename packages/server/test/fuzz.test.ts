import { fileURLToPath } from 'node:url';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { MilvusService } from '@mvkit/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_ROUTES, startServer } from '../src/index.js';
import { runCampaign, servedRpcs, type FuzzFront } from './fuzz/campaign.js';
import { checkGrpcReply, checkHttpReply } from './fuzz/checks.js';
import { bundleCliFromSource, type BundledCli } from './fuzz/child.js';
import { mutateBytes } from './fuzz/mutate.js';
import { loadOpenApi } from './fuzz/openapi.js';
import { deeplyNested, randomRequest } from './fuzz/proto-gen.js';
import { REGRESSIONS, regressionRepro, runRegression } from './fuzz/regressions.js';
import { FuzzReport } from './fuzz/report.js';
import { Rng } from './fuzz/rng.js';
import { childTarget, inProcessTarget, type FuzzTarget } from './fuzz/target.js';
import { CI_LIMITS } from './fuzz/values.js';

/**
 * Fuzz test of every front (small counts; `node scripts/fuzz.mjs` is the long run): gRPC (every
 * RPC of MilvusService and of the Milvus 1.x milvus.grpc.MilvusService, generated and mutated
 * requests), RESTful v2 (every route of
 * openapi/milvus-v2.yaml), the legacy /api/v1 API, and garbage HTTP/2 / TCP streams, against an
 * in-process server; after each batch the server must still answer within 5 s.
 * `MVKIT_FUZZ_SEED=<n>` replays another seed.
 */
const SEED = Number(process.env.MVKIT_FUZZ_SEED ?? 20250611);
const BATCHES = 2;
/** Per batch: cases per RPC / per route, stream cases in all. */
const CASES: Record<FuzzFront, number> = { grpc: 10, rest: 8, legacy: 6, stream: 40 };
/** Wall-clock bound of one front's campaign (the case counts normally end it well before). */
const FRONT_BUDGET_MS = 14_000;

const openapi = loadOpenApi(fileURLToPath(new URL('../../../openapi/milvus-v2.yaml', import.meta.url)));

describe(`fuzz of every front (seed ${SEED})`, () => {
  let target: FuzzTarget;
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);

  beforeAll(async () => {
    console.log(`fuzz seed ${SEED} (MVKIT_FUZZ_SEED to replay)`);
    target = inProcessTarget(await startServer({ port: 0, legacyHttpPort: 0, logLevel: 'error' }));
    process.on('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await target?.close();
  });

  /** Runs the campaign of one front and checks its report. */
  async function fuzz(front: FuzzFront): Promise<FuzzReport> {
    const report = new FuzzReport();
    warnings.length = 0;
    await runCampaign(
      target,
      {
        seed: SEED,
        batches: BATCHES,
        fronts: [front],
        cases: CASES,
        limits: CI_LIMITS,
        deadline: Date.now() + FRONT_BUDGET_MS,
        rssGrowthLimit: 512 * 2 ** 20,
        openapi,
        legacyRoutes: LEGACY_ROUTES,
      },
      report,
    );
    console.log(`[${front}] ${report.summary()}`);
    expect(report.failures, report.summary()).toEqual([]);
    expect(warnings, 'process warnings while fuzzing').toEqual([]);
    expect(report.cases.health, 'health probes (one per finished batch)').toBeGreaterThanOrEqual(1);
    expect(report.slowest[0]?.ms ?? 0).toBeLessThan(5000);
    return report;
  }

  /** Targets (RPCs, routes) with at least one successful answer. */
  const succeeded = (report: FuzzReport) => new Set(Object.entries(report.successRates()).flatMap(([k, v]) => (v > 0 ? [k] : [])));

  it('gRPC: every RPC answers generated and mutated requests with a status (UNIMPLEMENTED for RPCs not served)', { timeout: 60_000 }, async () => {
    const report = await fuzz('grpc');
    expect(report.cases.grpc).toBeGreaterThan(servedRpcs().size * CASES.grpc);
    // the cases reach the engine: most data-plane and schema RPCs, and most RPCs overall, succeed at least once
    const ok = succeeded(report);
    const deep = ['Insert', 'Upsert', 'Delete', 'Search', 'Query', 'CreateCollection', 'CreateIndex'];
    expect(deep.filter((rpc) => ok.has(rpc)).length, `deep RPCs that succeeded: ${deep.filter((rpc) => ok.has(rpc)).join(', ')}`).toBeGreaterThanOrEqual(5);
    // Two thirds: resource-group, replica and maintenance RPCs succeed only on named, existing objects.
    expect(ok.size).toBeGreaterThan(servedRpcs().size * 0.66);
  });

  it('RESTful v2: every route of openapi/ answers mutated bodies and headers with a Milvus envelope (or 404 / 307 / 204)', { timeout: 60_000 }, async () => {
    const report = await fuzz('rest');
    expect(report.cases.rest).toBeGreaterThan(openapi.routes.length * CASES.rest);
    const entities = openapi.routes.map((r) => r.path).filter((p) => p.startsWith('/v2/vectordb/entities/'));
    const reached = entities.filter((p) => succeeded(report).has(p));
    expect(reached.length, `entities routes that succeeded: ${reached.join(', ')}`).toBeGreaterThanOrEqual(entities.length - 2);
    // every documented route is served (none only ever answered 404)
    for (const route of openapi.routes) expect(Object.keys(report.outcomes).some((k) => k.startsWith(`${route.path} code `)), route.path).toBe(true);
  });

  it('legacy /api/v1: every route answers mutated JSON and YAML bodies with JSON/YAML, 400 or 404', { timeout: 60_000 }, async () => {
    const report = await fuzz('legacy');
    expect(report.cases.legacy).toBeGreaterThan(Object.keys(LEGACY_ROUTES).length * CASES.legacy);
    expect(succeeded(report).size).toBeGreaterThan(Object.keys(LEGACY_ROUTES).length * 0.75);
  });

  it('garbage HTTP/2 frames, raw TCP bytes and half-open connections leave the server answering', { timeout: 60_000 }, async () => {
    const report = await fuzz('stream');
    expect(report.cases.stream).toBe(BATCHES * CASES.stream);
  });
});

describe('fuzz oracles flag bad replies', () => {
  const describeCollection = MilvusService.method.describeCollection;
  const status = (reason: string) => Buffer.from(toBinary(describeCollection.output, create(describeCollection.output, { status: { code: 65535, reason } })));

  it('gRPC: a missing status, a leaked JS error, a late reply or a transport fault fails; a business error or a decode error of bad bytes passes', () => {
    expect(checkGrpcReply(describeCollection, true, true, { ok: true, bytes: Buffer.alloc(0), ms: 1 })).toMatch(/without status/);
    expect(checkGrpcReply(describeCollection, true, true, { ok: true, bytes: status("Cannot read properties of undefined (reading 'x')"), ms: 1 })).toMatch(/leaks a JS error/);
    expect(checkGrpcReply(describeCollection, true, true, { ok: true, bytes: status('collection not found[collection=x]'), ms: 6000 })).toMatch(/took/);
    expect(checkGrpcReply(describeCollection, true, true, { ok: false, code: GrpcStatus.UNAVAILABLE, details: 'x', ms: 1 })).toMatch(/UNAVAILABLE/);
    expect(checkGrpcReply(describeCollection, true, true, { ok: false, code: GrpcStatus.INTERNAL, details: 'x', ms: 1 })).toMatch(/well-formed/);
    expect(checkGrpcReply(describeCollection, false, true, { ok: true, bytes: status(''), ms: 1 })).toMatch(/unserved/);
    expect(checkGrpcReply(describeCollection, true, true, { ok: true, bytes: status('collection not found[collection=x]'), ms: 1 })).toBeUndefined();
    expect(checkGrpcReply(describeCollection, true, false, { ok: false, code: GrpcStatus.INTERNAL, details: 'Failed to parse', ms: 1 })).toBeUndefined();
  });

  it('HTTP: a 5xx, a non-JSON body, an envelope without code or a leaked JS error fails; envelopes, 404 text and 307 pass', () => {
    const reply = (status: number, body: string, headers: Record<string, string> = {}) => ({ ok: true as const, status, headers, body, ms: 1 });
    expect(checkHttpReply(reply(500, '{"code":65535}'), 'v2')).toMatch(/HTTP 500/);
    expect(checkHttpReply(reply(200, 'oops'), 'v2')).toMatch(/not JSON/);
    expect(checkHttpReply(reply(200, '{"message":"x"}'), 'v2')).toMatch(/without numeric code/);
    expect(checkHttpReply(reply(200, '{"code":0}'), 'v2')).toMatch(/without data/);
    expect(checkHttpReply(reply(200, '{"code":65535,"message":"Maximum call stack size exceeded"}'), 'v2')).toMatch(/leaks a JS error/);
    expect(checkHttpReply(reply(404, 'nope'), 'v2')).toMatch(/404/);
    expect(checkHttpReply(reply(200, '{"code":100,"message":"collection not found[collection=x]"}'), 'v2')).toBeUndefined();
    expect(checkHttpReply(reply(404, '404 page not found'), 'legacy')).toBeUndefined();
    expect(checkHttpReply(reply(307, '', { location: '/v2/vectordb/collections/list' }), 'v2')).toBeUndefined();
    expect(checkHttpReply(reply(400, '{"error_code":5,"reason":"parse body failed"}'), 'legacy')).toBeUndefined();
  });

  it('mutations keep producing both decodable and undecodable requests, and deep nesting is built on the wire', () => {
    const rng = new Rng(SEED);
    const insert = MilvusService.method.insert;
    let decodable = 0;
    for (let i = 0; i < 200; i++) {
      const { bytes } = mutateBytes(rng, randomRequest(insert.input, rng, CI_LIMITS).bytes, randomRequest(insert.input, rng, CI_LIMITS).bytes);
      try {
        fromBinary(insert.input, bytes);
        decodable++;
      } catch {
        // an undecodable mutation
      }
    }
    expect(decodable).toBeGreaterThan(20);
    expect(decodable).toBeLessThan(180);
    expect(() => fromBinary(insert.input, deeplyNested(insert.input, 20)!)).not.toThrow();
    expect(() => fromBinary(insert.input, deeplyNested(insert.input, 200)!)).toThrow(/recursion/);
  });
});

/**
 * Requests that hung, crashed or broke the server when the fuzzers (or the hardening issue)
 * found them, each against its own server in a child process (bundled from source) so that a
 * crash or a hang fails the case and not the run; each would fail again if its fix regressed.
 */
describe.concurrent('fuzz regressions: requests that hung, crashed or broke the server', () => {
  let cli: BundledCli;
  beforeAll(async () => {
    cli = await bundleCliFromSource();
  });
  afterAll(() => cli?.remove());

  it.each(REGRESSIONS.map((c) => [c.name, c] as const))('%s', { timeout: 30_000 }, async (_name, c) => {
    const target = c.inProcess ? inProcessTarget(await startServer({ port: 0, legacyHttpPort: 0, logLevel: 'error' })) : await childTarget(['--max-old-space-size=512', cli.file]);
    try {
      expect(await runRegression(target, c), regressionRepro(c)).toEqual([]);
    } finally {
      await target.close();
    }
  });
});
