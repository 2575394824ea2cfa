#!/usr/bin/env node
// Bundles the `mvkit` CLI into one file (dist/mvkit-bundle.cjs), its dependencies inlined (commander
// is only a devDependency: the library entry points do not use it): one file to read and compile
// instead of ~150 modules. Built from the sources (workspace siblings too, through their
// `@mvkit/source` condition), so it does not depend on how the package's dist/ entry points are
// laid out. The bundle is CommonJS; the bin, dist/mvkit.cjs, is the loader of
// scripts/bin-loader.cjs, which compiles the bundle with V8's code cache (decisions 0010, 0013).
// The bundle's protobuf descriptors are hydrated here, at build time (decision 0011).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { embeddedDescriptorsPlugin } from './embedded-descriptors.mjs';

const out = (path) => new URL(`../dist/${path}`, import.meta.url).pathname;
const { outputFiles } = await build({
  entryPoints: [new URL('../src/cli.ts', import.meta.url).pathname],
  outfile: out('mvkit-bundle.cjs'),
  write: false,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  conditions: ['@mvkit/source'],
  minify: true,
  legalComments: 'linked',
  // The loader passes the bin's own URL (the worker threads start the bin as their module).
  define: { 'import.meta.url': '__mvkitUrl' },
  // The descriptors (the Milvus protos and the well-known types protobuf-es's JSON codec imports)
  // as JSON hydrated at build time, not base64 decoded at every start.
  plugins: [embeddedDescriptorsPlugin([new URL('../../proto/src/gen/', import.meta.url), new URL('./google/protobuf/', import.meta.resolve('@bufbuild/protobuf/wkt'))].map((url) => fileURLToPath(url)))],
  logLevel: 'warning',
});
// The bin reads the bundle back as Latin-1, without UTF-8 decoding: it must be ASCII (esbuild's
// default charset). The bin is headed by the bundle's SHA-256, which names its code cache.
for (const file of outputFiles) {
  if (file.path.endsWith('mvkit-bundle.cjs') && !/^[\x00-\x7f]*$/.test(file.text)) throw new Error('the bundle is not ASCII, which the bin reads it back as');
  writeFileSync(file.path, file.contents);
  if (!file.path.endsWith('mvkit-bundle.cjs')) continue;
  const loader = readFileSync(new URL('bin-loader.cjs', import.meta.url), 'utf8').replace(/^(\/\/.*\n)+/, '');
  const sha = createHash('sha256').update(file.contents).digest('hex').slice(0, 32);
  writeFileSync(out('mvkit.cjs'), `#!/usr/bin/env node\nconst MAIN_SHA256 = '${sha}';\n${loader}`, { mode: 0o755 });
}
