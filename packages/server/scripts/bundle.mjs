#!/usr/bin/env node
// Bundles the `mvkit` CLI into one file (dist/mvkit.mjs), its dependencies inlined (commander is
// only a devDependency: the library entry points do not use it): one file to read and compile
// instead of ~150 modules. Built from the sources (workspace siblings too, through their
// `@mvkit/source` condition), so it does not depend on how the package's dist/ entry points are
// laid out. The bundle is CommonJS, kept in a comment after the loader of scripts/bin-loader.mjs,
// which compiles it with V8's code cache (decision 0010).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

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
  logLevel: 'warning',
});
// MAIN goes into a comment at the end of the bin, not into a string literal: V8 skips a comment
// in a few ms where it scans a 1.x MB string literal (its escapes) in tens. `*/` inside it is
// written `*\u2060/` (U+2060 WORD JOINER), which the bundle never contains itself.
const JOINED_END = '*\u2060/';
for (const file of outputFiles) {
  if (!file.path.endsWith('mvkit.mjs')) {
    writeFileSync(file.path, file.contents);
    continue;
  }
  const main = file.text;
  if (main.includes(JOINED_END)) throw new Error('the bundle contains *\\u2060/, which the bin uses to escape */');
  const loader = readFileSync(new URL('bin-loader.mjs', import.meta.url), 'utf8').replace(/^(\/\/.*\n)+/, '');
  const sha = createHash('sha256').update(main).digest('hex').slice(0, 32);
  writeFileSync(file.path, `#!/usr/bin/env node\nconst MAIN_SHA256 = '${sha}';\n${loader}/*MAIN\n${main.replaceAll('*/', JOINED_END)}\n*/\n`, { mode: 0o755 });
}
