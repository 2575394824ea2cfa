#!/usr/bin/env node
// Bundles the `mvkit` CLI into one file (dist/mvkit.mjs), its dependencies inlined (commander is
// only a devDependency: the library entry points do not use it): one file to read and compile
// instead of ~150 modules. Built from the sources (workspace siblings too, through their
// `@mvkit/source` condition), so it does not depend on how the package's dist/ entry points are
// laid out. The bundle is CommonJS, kept in a comment after the loader of scripts/bin-loader.mjs,
// which compiles it with V8's code cache (decision 0010); its protobuf descriptors are hydrated
// here, at build time (decision 0011).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { embeddedDescriptorsPlugin } from './embedded-descriptors.mjs';

const out = (path) => new URL(`../dist/${path}`, import.meta.url).pathname;
const { outputFiles } = await build({
  entryPoints: [new URL('../src/cli.ts', import.meta.url).pathname],
  outfile: out('mvkit.mjs'),
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
// MAIN goes into a comment at the end of the bin, not into a string literal: V8 skips a comment
// in a few ms where it scans a 1.x MB string literal (its escapes) in tens. `*/` inside it is
// written `*\/`, which the bundle never contains itself; the bundle is ASCII (esbuild's default
// charset), so the loader reads it back as Latin-1, without UTF-8 decoding.
const ESCAPED_END = '*\\/';
for (const file of outputFiles) {
  if (!file.path.endsWith('mvkit.mjs')) {
    writeFileSync(file.path, file.contents);
    continue;
  }
  const main = file.text;
  if (main.includes(ESCAPED_END)) throw new Error('the bundle contains *\\/, which the bin uses to escape */');
  if (!/^[\x00-\x7f]*$/.test(main)) throw new Error('the bundle is not ASCII, which the bin reads it back as');
  const loader = readFileSync(new URL('bin-loader.mjs', import.meta.url), 'utf8').replace(/^(\/\/.*\n)+/, '');
  const sha = createHash('sha256').update(main).digest('hex').slice(0, 32);
  writeFileSync(file.path, `#!/usr/bin/env node\nconst MAIN_SHA256 = '${sha}';\n${loader}/*MAIN\n${main.replaceAll('*/', ESCAPED_END)}\n*/\n`, { mode: 0o755 });
}
