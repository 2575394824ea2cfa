/**
 * The built package (`dist/`, as `pnpm build` leaves it) loads no protobuf or gRPC library: its
 * JavaScript and declaration files import only `@mvkit/core`, `lossless-json`, `undici` and
 * Node built-ins, so a browser bundle or a REST-only install carries neither.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const BUILT = /\.(js|cjs|d\.ts|d\.cts)$/;
const BANNED = ['@mvkit/proto', '@bufbuild/protobuf', '@grpc/grpc-js'];

/** Module specifiers of static and dynamic imports, re-exports and requires in a built file. */
function specifiers(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|require\s*\(\s*)["']([^"']+)["']/g)) found.add(m[1]!);
  return [...found];
}

it('dist/*.js, .cjs, .d.ts and .d.cts import no @mvkit/proto, @bufbuild/protobuf or @grpc/grpc-js', () => {
  expect(existsSync(DIST), 'dist/ is missing: run pnpm --filter @mvkit/transport-rest build').toBe(true);
  const files = readdirSync(DIST).filter((f) => BUILT.test(f));
  expect(files.sort()).toEqual(['index.cjs', 'index.d.cts', 'index.d.ts', 'index.js']);
  for (const file of files) {
    const imported = specifiers(readFileSync(join(DIST, file), 'utf8'));
    expect(imported, file).toContain('@mvkit/core');
    expect(imported.filter((s) => BANNED.some((b) => s === b || s.startsWith(`${b}/`))), file).toEqual([]);
  }
});
