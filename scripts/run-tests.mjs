#!/usr/bin/env node
// Runs the whole vitest suite once and prints the plain closing line CI reads:
// "N passed, N failed" (", N skipped" when any), derived from vitest's JSON reporter.
// Exits non-zero when any test failed or when no test ran.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(mkdtempSync(join(tmpdir(), 'mvkit-vitest-')), 'report.json');
const run = spawnSync('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
let report;
try {
  report = JSON.parse(readFileSync(out, 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
  console.error(`vitest wrote no JSON report (exit ${run.status})`);
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
