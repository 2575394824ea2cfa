#!/usr/bin/env node
// Checks the published packages as npm users get them: `pnpm pack`s each one (from its built
// dist/), then lints every tarball (contents, rewritten ranges, publint, attw on every resolution
// mode). `scripts/test/packages.test.ts` runs this in the test command, with the consumer projects
// of `scripts/consumers.mjs`. Run alone: `node scripts/check-packages.mjs` (after `pnpm build`)
// prints each tarball's problems and exits non-zero when there is any.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { problemKindInfo } from '@arethetypeswrong/core/problems';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The pnpm the repository pins (`packageManager`), run through npx as the README does. */
export const PNPM = ['--yes', JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager];

/** The environment without the npm_config_* variables pnpm sets for its scripts (npm warns of them). */
export const NPM_ENV = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));

/**
 * The published packages: every `packages/*` whose package.json is not private.
 * @returns name, version and folder of each, in folder order.
 */
export function publishedPackages() {
  const dir = join(ROOT, 'packages');
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((folder) => existsSync(join(folder, 'package.json')))
    .map((folder) => ({ folder, manifest: JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ folder, manifest }) => ({ name: manifest.name, version: manifest.version, folder }));
}

/**
 * `pnpm pack`s every published package into a new temporary folder. pnpm rewrites `workspace:`
 * and `catalog:` ranges in the packed package.json; the packages must have been built.
 * @returns each package with the path of its tarball.
 * @throws Error when a package has no dist/ (not built) or pnpm fails.
 */
export function packAll() {
  const out = mkdtempSync(join(tmpdir(), 'mvkit-pack-'));
  return publishedPackages().map((pkg) => {
    if (!existsSync(join(pkg.folder, 'dist'))) throw new Error(`${pkg.name} is not built (no dist/): run pnpm build first`);
    const before = new Set(readdirSync(out));
    execFileSync('npx', [...PNPM, 'pack', '--pack-destination', out], { cwd: pkg.folder, env: NPM_ENV, stdio: ['ignore', 'ignore', 'inherit'] });
    const made = readdirSync(out).filter((f) => !before.has(f));
    if (made.length !== 1) throw new Error(`pnpm pack of ${pkg.name} made ${made.length} files`);
    return { ...pkg, tarball: join(out, made[0]) };
  });
}

/** Dependency fields whose ranges end up in users' installs. */
const RANGE_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'];

/**
 * Everything wrong with one packed tarball, as readable lines (empty when it is fine):
 * LICENSE and README.md missing; `workspace:`/`catalog:` ranges left; a sibling dependency that is
 * not the sibling's exact version; every publint message (suggestions included); every attw
 * problem in any resolution mode (node10, node16 CJS, node16 ESM, bundler).
 * @param tarball - path of the `.tgz`.
 * @param versions - version of each published package, by name (the exact ranges siblings must have).
 */
export async function tarballProblems(tarball, versions) {
  const data = new Uint8Array(readFileSync(tarball));
  const pkg = createPackageFromTarballData(data);
  const base = `/node_modules/${pkg.packageName}`;
  const problems = [];
  for (const file of ['LICENSE', 'README.md', 'package.json']) {
    if (!pkg.fileExists(`${base}/${file}`)) problems.push(`no ${file} in the tarball`);
  }
  const manifest = JSON.parse(pkg.readFile(`${base}/package.json`));
  for (const field of RANGE_FIELDS) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (/^(workspace|catalog):/.test(range)) problems.push(`${field}.${dep} is still ${range}`);
      else if (field !== 'devDependencies' && dep in versions && range !== versions[dep]) problems.push(`${field}.${dep} is ${range}, not the sibling's exact version ${versions[dep]}`);
    }
  }
  const lint = await publint({ pack: { tarball: data.buffer }, level: 'suggestion', strict: true });
  for (const message of lint.messages) problems.push(`publint ${message.type}: ${formatMessage(message, lint.pkg, { color: false })}`);
  const analysis = await checkPackage(pkg);
  if (!analysis.types) problems.push('attw: the package has no types');
  else {
    for (const problem of analysis.problems) {
      const where = [problem.entrypoint, problem.resolutionKind].filter(Boolean).join(' under ');
      problems.push(`attw ${problem.kind}${where ? ` (${where})` : ''}: ${problemKindInfo[problem.kind].description}`);
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const packed = packAll();
  const versions = Object.fromEntries(packed.map((p) => [p.name, p.version]));
  let failed = false;
  for (const p of packed) {
    const problems = await tarballProblems(p.tarball, versions);
    failed ||= problems.length > 0;
    console.log(`${p.name}@${p.version}: ${problems.length ? `\n  ${problems.join('\n  ')}` : 'ok'}`);
  }
  process.exit(failed ? 1 : 0);
}
