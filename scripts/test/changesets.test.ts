/**
 * The release flow, dry: `changeset version` on a copy of the workspace bumps every published
 * package by its pending changesets and writes each CHANGELOG.md, without touching the real tree.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { changesetVersionDryRun } from '../changeset-dry-run.mjs';
import { ROOT } from '../check-packages.mjs';

/** The bump each package gets from the pending changesets: the highest one named in their front matter. */
function pendingBumps(): Record<string, 'major' | 'minor' | 'patch'> {
  const rank = { patch: 0, minor: 1, major: 2 } as const;
  const bumps: Record<string, keyof typeof rank> = {};
  const dir = join(ROOT, '.changeset');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? '';
    for (const [, name, bump] of front.matchAll(/^"([^"]+)":\s*(major|minor|patch)$/gm)) {
      const b = bump as keyof typeof rank;
      if (!bumps[name!] || rank[b] > rank[bumps[name!]!]) bumps[name!] = b;
    }
  }
  return bumps;
}

const bumped = (version: string, bump: 'major' | 'minor' | 'patch'): string => {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  // Below 1.0.0 changesets still applies the bump as named.
  return bump === 'major' ? `${major + 1}.0.0` : bump === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
};

it('changeset version bumps each package by its changesets and writes its CHANGELOG.md, on a copy', () => {
  const status = () => execFileSync('git', ['status', '--porcelain', '--', '.changeset', 'packages', 'package.json'], { cwd: ROOT, encoding: 'utf8' });
  const before = status();
  const bumps = pendingBumps();
  expect(Object.keys(bumps).length).toBeGreaterThan(0);
  const { copy, packages } = changesetVersionDryRun();
  for (const pkg of packages) {
    const bump = bumps[pkg.name];
    if (!bump) continue;
    expect(pkg.after, pkg.name).toBe(bumped(pkg.before, bump));
    expect(pkg.changelog, pkg.name).toMatch(new RegExp(`^# ${pkg.name}\\n\\n## ${pkg.after.replaceAll('.', '\\.')}\\n`));
  }
  // The changesets were consumed in the copy, and their text is in the changelogs.
  expect(readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md')).toEqual([]);
  expect(packages.find((p) => p.name === '@mvkit/client')?.changelog).toContain('Publishable packages');
  expect(status()).toBe(before);
  rmSync(copy, { recursive: true, force: true });
});
