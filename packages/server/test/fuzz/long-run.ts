import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEGACY_ROUTES } from '../../src/rest/legacy.js';
import { runCampaign, type FuzzFront } from './campaign.js';
import { loadOpenApi } from './openapi.js';
import { FuzzReport } from './report.js';
import { childTarget } from './target.js';
import { LONG_LIMITS } from './values.js';

/**
 * The long fuzz run behind `scripts/fuzz.mjs`: every front against `mvkit serve` in a child
 * process (so a crash shows as process death), with large cases, a restart after each crash or hang, and every failing case (and the slowest one) saved to a file.
 *
 * @packageDocumentation
 */

/** Options of {@link longRun} (the script's command line). */
export interface LongRunOptions {
  readonly seed: number;
  readonly batches: number;
  readonly minutes: number;
  /** Cases per batch: per RPC, per route, per legacy route, streams. */
  readonly cases: Readonly<Record<FuzzFront, number>>;
  /** The `mvkit` CLI to spawn, e.g. `packages/server/dist/mvkit.cjs`. */
  readonly cli: string;
  /** Heap limit of the server process, in MiB. */
  readonly serverHeapMb: number;
  /** `openapi/milvus-v2.yaml`. */
  readonly openapiFile: string;
  /** Directory for the failing cases (one file per failure) and the slowest case. */
  readonly outDir: string;
}

/**
 * Runs the campaign, prints the report and saves each failure's request to `outDir`.
 * @returns the process exit code: 0 without failures, 1 with.
 */
export async function longRun(o: LongRunOptions): Promise<number> {
  const start = Date.now();
  const spawnServer = () => childTarget([`--max-old-space-size=${o.serverHeapMb}`, o.cli]);
  console.log(`fuzz seed ${o.seed}: ${o.batches} batches, at most ${o.minutes} min, cases ${JSON.stringify(o.cases)}:`);
  const report = new FuzzReport();
  const last = await runCampaign(
    await spawnServer(),
    {
      seed: o.seed,
      batches: o.batches,
      fronts: ['grpc', 'rest', 'legacy', 'stream'],
      cases: o.cases,
      limits: LONG_LIMITS,
      deadline: start + o.minutes * 60_000,
      rssGrowthLimit: 1024 * 2 ** 20,
      openapi: loadOpenApi(o.openapiFile),
      legacyRoutes: LEGACY_ROUTES,
      restart: spawnServer,
      log: (line) => console.log(`[${((Date.now() - start) / 1000).toFixed(0)} s] ${line}`),
    },
    report,
  );
  await last.close();
  console.log(report.summary());
  mkdirSync(o.outDir, { recursive: true });
  const slowest = report.slowest[0];
  if (slowest?.payload) {
    writeFileSync(join(o.outDir, `slowest-${o.seed}.txt`), `${slowest.front}: ${slowest.ms.toFixed(0)} ms\n${slowest.repro}\n`);
    writeFileSync(join(o.outDir, `slowest-${o.seed}.bin`), slowest.payload);
  }
  if (report.failures.length) {
    report.failures.forEach((f, i) => {
      const file = join(o.outDir, `failure-${o.seed}-${i}.txt`);
      writeFileSync(file, `${f.front}: ${f.problem}\n${f.repro}\n`);
      if (f.payload) writeFileSync(`${file.slice(0, -4)}.bin`, f.payload);
    });
  }
  console.log(`failing and slowest cases written to ${o.outDir}`);
  console.log(`done in ${((Date.now() - start) / 1000).toFixed(0)} s`);
  return report.failures.length ? 1 : 0;
}
