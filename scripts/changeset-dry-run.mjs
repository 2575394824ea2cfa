#!/usr/bin/env node
// The release flow, dry: copies the workspace's manifests and .changeset/ into a temporary folder
// and runs `changeset version` there (the real tree is not touched), so CI sees which versions the
// pending changesets give and the CHANGELOG.md each package gets. Used by
// scripts/test/changesets.test.ts; run alone it prints the result as JSON.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedPackages, ROOT } from './check-packages.mjs';

const CHANGESET = join(ROOT, 'node_modules/@changesets/cli/bin.js');

/**
 * Runs `changeset version` on a copy of .changeset/ and the workspace's tracked manifests and changelogs.
 * @returns the copy's folder, and for each published package its version before and after and its
 *   CHANGELOG.md after (undefined when none was written).
 * @throws Error when changeset fails.
 */
export function changesetVersionDryRun() {
  const copy = mkdtempSync(join(tmpdir(), 'mvkit-changeset-'));
  const tracked = execFileSync('git', ['ls-files', '-z', 'package.json', 'pnpm-workspace.yaml', '**/package.json', '**/CHANGELOG.md'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of tracked) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(ROOT, file), join(copy, file));
  }
  cpSync(join(ROOT, '.changeset'), join(copy, '.changeset'), { recursive: true });
  execFileSync(process.execPath, [CHANGESET, 'version'], { cwd: copy, stdio: ['ignore', 'ignore', 'inherit'] });
  const packages = publishedPackages().map((pkg) => {
    const folder = join(copy, pkg.folder.slice(ROOT.length));
    const changelog = join(folder, 'CHANGELOG.md');
    return {
      name: pkg.name,
      before: pkg.version,
      after: JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).version,
      changelog: existsSync(changelog) ? readFileSync(changelog, 'utf8') : undefined,
    };
  });
  return { copy, packages };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(changesetVersionDryRun().packages, null, 2));
