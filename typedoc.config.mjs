// TypeDoc configuration of `pnpm run docs`: the API reference of every published package, built into
// docs/api/. The entry points are each package's `exports` (their `@mvkit/source` condition, i.e.
// the TypeScript source of every subpath a consumer can import), read from the package.json files
// so that a new package or subpath is documented without editing this file. One TypeScript program
// (tsconfig.docs.json, every package's src/) resolves sibling imports to their sources.
// Any warning fails the build (`treatWarningsAsErrors`); scripts/test/docs.test.ts runs it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OptionDefaults } from 'typedoc';

/** The published packages, each after the siblings it depends on. */
function packagesInDependencyOrder() {
  const manifests = new Map(
    readdirSync('packages').map((dir) => {
      const manifest = JSON.parse(readFileSync(join('packages', dir, 'package.json'), 'utf8'));
      return [manifest.name, { dir, manifest }];
    }),
  );
  const ordered = [];
  const visit = (name) => {
    const entry = manifests.get(name);
    if (!entry || ordered.includes(entry)) return;
    for (const dependency of Object.keys(entry.manifest.dependencies ?? {})) visit(dependency);
    ordered.push(entry);
  };
  for (const name of [...manifests.keys()].sort()) visit(name);
  return ordered;
}

// In dependency order, so that a symbol a package re-exports from a sibling (`MilvusError`,
// exported by @mvkit/core and re-exported by @mvkit/client) is documented under the sibling that
// defines it, and linked from the re-exporting one.
const entryPoints = packagesInDependencyOrder().flatMap(({ dir, manifest }) =>
  Object.values(manifest.exports)
    .filter((target) => typeof target === 'object')
    .map((target) => join('packages', dir, target['@mvkit/source'])),
);

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  entryPoints,
  tsconfig: 'tsconfig.docs.json',
  out: 'docs/api',
  name: 'mvkit',
  readme: 'none',
  // Tags the generated sources carry: protobuf-es's `@generated from …` (packages/proto/src/gen),
  // openapi-typescript's `@description` and `@constant` (packages/transport-rest/src/gen).
  blockTags: [...OptionDefaults.blockTags, '@generated', '@description', '@constant'],
  // Source links point at the public repository (package.json `repository`), whatever the clone's
  // remote is (a CI clone's origin is a local path, which TypeDoc warns about).
  disableGit: true,
  sourceLinkTemplate: 'https://github.com/mvkit/mvkit/blob/main/{path}#L{line}',
  treatWarningsAsErrors: true,
  treatValidationWarningsAsErrors: true,
};
