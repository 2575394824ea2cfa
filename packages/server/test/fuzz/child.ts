import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The `mvkit` CLI bundled from the package sources (not `dist/`), for tests that need the server
 * in a child process (a crash or a hang must not take the test runner down).
 *
 * @packageDocumentation
 */

/** A bundled CLI and how to remove it. */
export interface BundledCli {
  /** Path of the bundled `mvkit` CLI script. */
  readonly file: string;
  /** Deletes the bundle. */
  remove(): void;
}

/** Bundles `packages/server/src/cli.ts` (workspace packages from source) into a temporary file. */
export async function bundleCliFromSource(): Promise<BundledCli> {
  const dir = mkdtempSync(join(tmpdir(), 'mvkit-fuzz-'));
  const file = join(dir, 'mvkit.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../../src/cli.ts', import.meta.url))],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@mvkit/source'],
    banner: { js: "import { createRequire as __mvkitRequire } from 'node:module'; const require = __mvkitRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
