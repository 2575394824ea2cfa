import type { MilvusService } from '@mvkit/proto';
import { Engine } from '../../src/engine/index.js';
import { grpcFront } from '../../src/grpc/front.js';
import { createLogger } from '../../src/logger.js';
import type { BatchOptions } from './batch.js';
import { grpcBatch } from './grpc-fuzz.js';
import { legacyBatch } from './legacy-fuzz.js';
import type { OpenApiDoc } from './openapi.js';
import type { Front, FuzzReport } from './report.js';
import { restBatch } from './rest-fuzz.js';
import { Rng } from './rng.js';
import { streamBatch } from './stream-fuzz.js';
import { probe, seedFixture, type FuzzTarget } from './target.js';
import type { Limits } from './values.js';
import { RawGrpc } from './wire.js';

/**
 * A fuzz campaign: batches of cases against one target, each batch starting from the fixture
 * state and ending with a health check (GetVersion, REST `collections/list` and the legacy
 * health route within 5 s, RSS within bounds). Used by the CI test (in-process server, small
 * counts) and by `scripts/fuzz.mjs` (child process, large counts, restarts after a crash).
 *
 * @packageDocumentation
 */

/** The fronts a campaign can fuzz. */
export type FuzzFront = Exclude<Front, 'health'>;

/** Options of {@link runCampaign}. */
export interface CampaignOptions {
  /** Printed with every report; the same seed gives the same cases. */
  readonly seed: number;
  readonly batches: number;
  /** Fronts fuzzed in each batch, in order. */
  readonly fronts: readonly FuzzFront[];
  /** Cases per batch: per RPC (gRPC), per route (REST, legacy), in all (streams). */
  readonly cases: Readonly<Record<FuzzFront, number>>;
  readonly limits: Limits;
  /** No case starts after this time (ms since epoch). */
  readonly deadline: number;
  /** Largest RSS growth over the first batch's, in bytes. */
  readonly rssGrowthLimit: number;
  readonly openapi: OpenApiDoc;
  /** Legacy routes (`'METHOD /api/v1/path'` → RPC local name). */
  readonly legacyRoutes: Readonly<Record<string, keyof typeof MilvusService.method>>;
  /** Starts a fresh server after a crash or hang (the script); without it the campaign stops. */
  readonly restart?: () => Promise<FuzzTarget>;
  /** Most restarts; default 5. */
  readonly maxRestarts?: number;
  /** Progress lines. */
  readonly log?: (line: string) => void;
}

/** Local names of the RPCs the server implements (the rest answer UNIMPLEMENTED). */
export function servedRpcs(): ReadonlySet<string> {
  return new Set(Object.keys(grpcFront(new Engine(), createLogger('error'))));
}

/** A seed for batch `batch` of front `front`, mixed from the campaign seed. */
function mix(seed: number, batch: number, front: number): number {
  let h = (seed ^ Math.imul(batch + 1, 0x9e3779b1) ^ Math.imul(front + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return (h ^ (h >>> 16)) | 0;
}

/** Problems that mean the server may have stopped answering (worth a probe right away). */
const STALL = /took|DEADLINE_EXCEEDED|UNAVAILABLE|no HTTP answer|no answer/;

/**
 * Runs the campaign against `target`, recording into `report`. Returns the target in use at the
 * end (a restarted one after a crash) so the caller can close it.
 */
export async function runCampaign(target: FuzzTarget, o: CampaignOptions, report: FuzzReport): Promise<FuzzTarget> {
  const served = servedRpcs();
  let grpc = new RawGrpc(target.address);
  let lastCase = '(none yet)';
  let baselineRss = 0;
  let restarts = 0;
  try {
    for (let b = 0; b < o.batches && Date.now() < o.deadline; b++) {
      let down: string | undefined;
      const proceed = async (problem: string | undefined): Promise<boolean> => {
        if (Date.now() >= o.deadline) return false;
        const death = target.death();
        if (death) down = death;
        else if (problem && STALL.test(problem)) {
          const problems = await probe(target, grpc);
          if (problems.length) down = `server stopped answering: ${problems.join('; ')}`;
        }
        return down === undefined;
      };
      try {
        await seedFixture(target, o.seed + b);
      } catch (e) {
        report.fail({ front: 'health', problem: `batch ${b}: fixture could not be set up: ${(e as Error).message}`, repro: `last case before: ${lastCase}` });
        down = target.death() ?? 'fixture failed';
      }
      for (const [i, front] of o.fronts.entries()) {
        if (down) break;
        const between = async () => {
          if (!down && !target.death()) await seedFixture(target, o.seed + b, false).catch((e: Error) => (down = `fixture could not be repaired: ${e.message}`));
        };
        const batch: BatchOptions = { rng: new Rng(mix(o.seed, b, i)), limits: o.limits, cases: o.cases[front], proceed, between, onCase: (r) => (lastCase = r) };
        if (front === 'grpc') await grpcBatch(grpc, report, { ...batch, served });
        else if (front === 'rest') await restBatch(target.restUrl, o.openapi, report, batch);
        else if (front === 'legacy') await legacyBatch(target.legacyUrl, o.legacyRoutes, report, batch);
        else
          await streamBatch(target.host, target.port, report, batch, async () => {
            const problems = await probe(target, grpc);
            if (problems.length) down = `server stopped answering with half-open connections: ${problems.join('; ')}`;
          });
      }
      if (!down) {
        const problems = await probe(target, grpc);
        report.cases.health++;
        if (problems.length) down = `after batch ${b}: ${problems.join('; ')}`;
      }
      const rss = target.rssBytes();
      if (baselineRss === 0) baselineRss = rss;
      else if (rss > baselineRss + o.rssGrowthLimit) report.fail({ front: 'health', problem: `RSS grew from ${(baselineRss / 2 ** 20).toFixed(0)} MiB to ${(rss / 2 ** 20).toFixed(0)} MiB by batch ${b}`, repro: `seed ${o.seed}, batches 0..${b}` });
      o.log?.(`batch ${b}: ${Object.entries(report.cases).map(([k, v]) => `${k} ${v}`).join(', ')}; failures ${report.failures.length}; rss ${(rss / 2 ** 20).toFixed(0)} MiB`);
      if (!down) continue;
      report.fail({ front: 'health', problem: `batch ${b}: ${down}`, repro: `case in flight: ${lastCase}` });
      if (!o.restart || restarts >= (o.maxRestarts ?? 5)) break;
      restarts++;
      grpc.close();
      await target.close();
      target = await o.restart();
      grpc = new RawGrpc(target.address);
      baselineRss = 0;
      o.log?.(`restarted the server (${restarts})`);
    }
  } finally {
    grpc.close();
  }
  return target;
}
