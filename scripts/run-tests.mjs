#!/usr/bin/env node
// Runs the whole vitest suite once and prints the plain closing line CI reads:
// "N passed, N failed" (", N skipped" when any), derived from vitest's JSON reporter.
// Two passes: every test file but those that start a real Milvus, then those
// (conformance/test/real-milvus*.test.ts), so that a real Milvus's CPU load does not disturb the
// suite's timing-sensitive tests on a 2-core machine. With arguments (vitest filters or
// options), one pass with them.
// Exits non-zero when any test failed or when no test ran.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REAL_MILVUS = 'conformance/test/real-milvus';
const args = process.argv.slice(2);
const passes = args.length ? [args] : [['--exclude', `${REAL_MILVUS}*`], [REAL_MILVUS]];
let passed = 0;
let failed = 0;
let skipped = 0;
let ok = true;
for (const [i, pass] of passes.entries()) {
  const out = join(mkdtempSync(join(tmpdir(), 'mvkit-vitest-')), 'report.json');
  const run = spawnSync('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...pass], {
    stdio: 'inherit',
  });
  let report;
  try {
    report = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    console.error(`vitest wrote no JSON report in pass ${i + 1} (exit ${run.status})`);
    failed++;
    ok = false;
    continue;
  }
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  ok &&= run.status === 0 && (report.numTotalTests ?? 0) > 0;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
