// The one way the repository's generators (gen:simd, gen:expr, gen:shapes) write a checked-in
// generated file, or, with `--check` on their command line, fail when it is stale: the tests
// that guard a generated file run its generator with `--check`.
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Writes `source` to `path`, or, when the process was started with `--check`, exits 1 (naming
 * `regenerate`, the command that rewrites it) unless the file already holds exactly `source`.
 *
 * @param {string} path the generated file
 * @param {string} source its expected contents
 * @param {string} regenerate the command that rewrites it, e.g. `pnpm --filter @mvkit/hnsw gen:simd`
 */
export function writeGenerated(path, source, regenerate) {
  if (!process.argv.includes('--check')) {
    writeFileSync(path, source);
    console.log(`wrote ${path}`);
    return;
  }
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== source) {
    console.error(`${path} is stale: run ${regenerate}`);
    process.exit(1);
  }
}
