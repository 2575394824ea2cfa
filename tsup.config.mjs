// The build of every published package (run as `tsup --config ../../tsup.config.mjs` from the
// package's folder; see decisions/0005-dual-builds-with-tsup.md). The entry points are the
// package's `exports`: each subpath's `@mvkit/source` file (`./src/rest/web.ts`) is built to the
// same path under dist/ (`dist/rest/web.js` ESM, `dist/rest/web.cjs` CommonJS, and their
// `.d.ts` / `.d.cts`), so `exports` is the one list of entry points.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsup';

const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));

/** `{ 'rest/web': 'src/rest/web.ts' }` for each subpath of `exports` that has an `@mvkit/source` file. */
const entry = Object.fromEntries(
  Object.values(pkg.exports)
    .map((target) => (typeof target === 'object' ? target['@mvkit/source'] : undefined))
    .filter((source) => typeof source === 'string')
    .map((source) => [source.replace(/^\.\/src\//, '').replace(/\.ts$/, ''), source.replace(/^\.\//, '')]),
);

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  // `.d.ts` beside the ESM files and `.d.cts` beside the CommonJS ones: each `exports` condition
  // gets types of its own module kind.
  // Declarations are built per entry, not as a project-reference build. Siblings' types come from
  // their sources (the `@mvkit/source` condition of tsconfig.base.json), so packages build in any
  // order (the devDependencies between them have cycles); the rootDir takes those sources in. Their
  // imports stay `@mvkit/...` imports in the output: dependencies are external.
  dts: { compilerOptions: { composite: false, incremental: false, rootDir: '../..' } },
  // `import.meta.url` (the server's worker threads, jieba's wasm) gets its CommonJS equivalent.
  shims: true,
  sourcemap: true,
  clean: true,
  platform: 'node',
  target: 'es2023',
  // Dependencies and peers stay imports (tsup's default); workspace siblings are dependencies.
  // The package's own name too: an entry point that imports another by name (`@mvkit/server/jest`
  // imports `@mvkit/server`) shares its code at run time instead of carrying a copy in each build.
  external: [pkg.name],
  outDir: 'dist',
  // In the CommonJS build a dynamic `import()` (the client's lazily loaded gRPC transport) becomes
  // `require`: an `import()` there would load the ESM build of a sibling beside the CommonJS one
  // the consumer required (two `MilvusError` classes), and Jest's CommonJS sandbox refuses it.
  esbuildOptions(options, { format }) {
    if (format === 'cjs') options.supported = { ...options.supported, 'dynamic-import': false };
  },
});
