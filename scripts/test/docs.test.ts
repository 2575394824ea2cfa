/**
 * The documentation: `pnpm docs` (TypeDoc over every published package's `exports`) builds the
 * API reference without a warning, with one module per entry point a consumer can import.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../check-packages.mjs';

const out = mkdtempSync(join(tmpdir(), 'mvkit-docs-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every subpath of every published package, as a consumer imports it (`@mvkit/proto/v1`). */
function importSpecifiers(): string[] {
  return readdirSync(join(ROOT, 'packages')).flatMap((dir) => {
    const { name, exports } = JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
    return Object.entries(exports)
      .filter(([, target]) => typeof target === 'object')
      .map(([subpath]) => (subpath === '.' ? name : `${name}/${subpath.slice(2)}`));
  });
}

it('builds the TypeDoc reference of every package without a warning', () => {
  const run = spawnSync('pnpm', ['exec', 'typedoc', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`;
  expect(output).not.toMatch(/\[(warning|error)\]/);
  expect(run.status, output).toBe(0);
  const specifiers = importSpecifiers();
  expect(specifiers).toContain('@mvkit/proto/v1');
  for (const specifier of specifiers) {
    // TypeDoc names a module page after the `@module` tag of its entry point: `@mvkit/proto/v1` → _mvkit_proto_v1.html.
    expect(existsSync(join(out, 'modules', `${specifier.replace(/[@/]/g, '_')}.html`)), specifier).toBe(true);
  }
}, 90_000);
