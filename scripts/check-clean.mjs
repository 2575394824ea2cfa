#!/usr/bin/env node
// Fails when the given paths differ from what git has committed (e.g. stale generated code).
import { execFileSync } from 'node:child_process';

const paths = process.argv.slice(2);
const diff = execFileSync('git', ['status', '--porcelain', '--', ...paths], { encoding: 'utf8' });
if (diff.trim()) {
  console.error(`Generated files are stale; commit the regenerated output:\n${diff}`);
  process.exit(1);
}
