// The build of every published package (run as `tsup --config ../../tsup.config.mjs` from the
// package's folder; see decisions/0005-dual-builds-with-tsup.md). The entry points are the
// package's `exports`: each subpath's `@mvkit/source` file (`./src/rest/web.ts`) is built to the
// same path under dist/ (`dist/rest/web.js` ESM, `dist/rest/web.cjs` CommonJS, and their
// `.d.ts` / `.d.cts`), so `exports` is the one list of entry points.
//
// A package that inlines its dependencies (`@mvkit/server`, decisions/0009-server-inlines-its-dependencies.md)
// uses `packageBuild({ inlineDependencies: true })` from a tsup.config.mjs of its own.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
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

/** The compiler options of the declaration builds, over the package's tsconfig.json. */
const DECLARATION_OPTIONS = { composite: false, incremental: false, rootDir: '../..' };

/**
 * Writes the `.d.ts` and `.d.cts` of every entry point with the declarations of everything the
 * package does not leave to the consumer inlined: only Node's built-ins, the package's peers and
 * its own name stay imports. Workspace siblings come from their sources (the `@mvkit/source`
 * condition), other packages from their published declarations (rollup-plugin-dts with
 * `respectExternal`, which tsup's own declaration build does not expose). Entry points share
 * chunks, as in the ESM build.
 * @throws Error when a declaration does not compile.
 */
async function bundleDeclarations() {
  const [{ rollup }, { dts }] = await Promise.all([import('rollup'), import('rollup-plugin-dts')]);
  const kept = [pkg.name, ...Object.keys(pkg.peerDependencies ?? {})];
  const bundle = await rollup({
    input: entry,
    external: (id) => id.startsWith('node:') || builtinModules.includes(id) || kept.some((name) => id === name || id.startsWith(`${name}/`)),
    // Real paths (the plugin preserves symlinks by default): a package reached through two
    // siblings' node_modules links is one module, not two copies of its types that do not match.
    plugins: [dts({ tsconfig: 'tsconfig.json', respectExternal: true, compilerOptions: { ...DECLARATION_OPTIONS, preserveSymlinks: false } })],
    onwarn(warning, warn) {
      // A package's declarations may import one it does not install: unused, it is shaken out;
      // used, the consumers' type-checks of scripts/test/packages.test.ts fail on it.
      if (warning.code !== 'UNRESOLVED_IMPORT') warn(warning);
    },
  });
  for (const ext of ['ts', 'cts']) await bundle.write({ dir: 'dist', format: 'es', entryFileNames: `[name].d.${ext}`, chunkFileNames: `[name]-[hash].d.${ext}` });
  await bundle.close();
}

/**
 * The esbuild options of a package that inlines its dependencies. It is built for any runtime
 * (esbuild's `neutral` platform): the inlined packages' `node` export
 * conditions and `browser` fields are not taken, their default variants run in Node and in
 * browsers alike, so the engine's files still bundle for browsers (`@mvkit/msw`). Node's built-ins
 * stay imports (the `neutral` platform does not know them). tsup's ESM `__dirname` shim is dropped: it
 * would import `path` and `url` into every file, and nothing inlined that runs uses it. The maps
 * point into the inlined packages without carrying their sources (which would triple their size);
 * the package's own sources ship in src/ as every package's do.
 */
function inlineOptions(options, format) {
  options.platform = 'neutral';
  options.external = [...(options.external ?? []), ...builtinModules, 'node:*'];
  options.mainFields = ['module', 'main'];
  options.sourcesContent = false;
  if (format === 'esm') options.inject = options.inject?.filter((file) => !file.endsWith('esm_shims.js'));
}

/**
 * The tsup options of the package in the current folder.
 * @param options.inlineDependencies - false (the default): the package's `dependencies` and
 *   `peerDependencies` stay imports in the JavaScript and the declarations, and the package lists
 *   them. True: the package lists no `dependencies` (what it uses are devDependencies, which tsup
 *   inlines), so its JavaScript carries them, and its declarations are bundled by
 *   {@link bundleDeclarations} to carry their types too.
 */
export function packageBuild({ inlineDependencies = false } = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    // `.d.ts` beside the ESM files and `.d.cts` beside the CommonJS ones: each `exports` condition
    // gets types of its own module kind.
    // Declarations are built per entry, not as a project-reference build. Siblings' types come from
    // their sources (the `@mvkit/source` condition of tsconfig.base.json), so packages build in any
    // order (the devDependencies between them have cycles); the rootDir takes those sources in. Their
    // imports stay `@mvkit/...` imports in the output: dependencies are external (a package that
    // inlines them has its declarations bundled instead).
    dts: inlineDependencies ? false : { compilerOptions: DECLARATION_OPTIONS },
    onSuccess: inlineDependencies ? bundleDeclarations : undefined,
    // `import.meta.url` (the server's worker threads, jieba's wasm) gets its CommonJS equivalent.
    shims: true,
    sourcemap: true,
    clean: true,
    platform: 'node',
    target: 'es2023',
    // Dependencies and peers, workspace siblings among them, stay imports (tsup's default); what
    // else the sources import (devDependencies) is inlined.
    // The package's own name too: an entry point that imports another by name (`@mvkit/server/jest`
    // imports `@mvkit/server`) shares its code at run time instead of carrying a copy in each build.
    external: [pkg.name],
    outDir: 'dist',
    esbuildOptions(options, { format }) {
      // A sibling that is inlined is built from its sources, as the declarations are, so that the
      // packages still build in any order.
      options.conditions = ['@mvkit/source'];
      if (inlineDependencies) inlineOptions(options, format);
      // In the CommonJS build a dynamic `import()` (the client's lazily loaded gRPC transport) becomes
      // `require`: an `import()` there would load the ESM build of a sibling beside the CommonJS one
      // the consumer required (two `MilvusError` classes), and Jest's CommonJS sandbox refuses it.
      if (format === 'cjs') options.supported = { ...options.supported, 'dynamic-import': false };
    },
  });
}

export default packageBuild();
