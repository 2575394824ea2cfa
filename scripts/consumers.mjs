// Fresh npm projects that use the packed tarballs as npm users would, outside the workspace:
// `npm install` of the tarballs (npm's cache kept in the gitignored .cache/packages/), then the
// consumers of scripts/consumers/ (ESM, CommonJS, TypeScript `module: node16` CommonJS and
// `moduleResolution: bundler`, a Jest and a vitest project on the server's test kit) and the first
// `ts` example of every package README, type-checked with the workspace's TypeScript and run; and a
// project with @mvkit/server installed alone (scripts/consumers/server-alone/). Used by
// scripts/test/packages.test.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NPM_ENV, ROOT } from './check-packages.mjs';

const FIXTURES = join(ROOT, 'scripts/consumers');
/** The consumers of the project with @mvkit/server alone: not copied into the other one. */
const SERVER_ALONE = join(FIXTURES, 'server-alone');
/** npm's cache between runs, so that a warm run installs offline. */
const NPM_CACHE = join(ROOT, '.cache/packages/npm');
const TSC = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
const TYPES_NODE = JSON.parse(readFileSync(join(ROOT, 'node_modules/@types/node/package.json'), 'utf8')).version;
/** The vitest of the test-kit consumer: the workspace's (its catalog pins it). */
const VITEST = JSON.parse(readFileSync(join(ROOT, 'node_modules/vitest/package.json'), 'utf8')).version;
/** The Jest of the test-kit consumer (the newest release as of this pin; the workspace itself does not use Jest). */
const JEST = '30.5.2';

const COMPILER = { target: 'es2023', lib: ['es2023', 'dom'], strict: true, types: ['node'], skipLibCheck: false };
/** The server-alone project's tsconfigs: its only package has no @types/node, so the workspace's is used. */
const SERVER_ALONE_COMPILER = { ...COMPILER, typeRoots: [join(ROOT, 'node_modules/@types')], noEmit: true };
const SERVER_ALONE_TSCONFIGS = {
  'tsconfig.node16.json': { compilerOptions: { ...SERVER_ALONE_COMPILER, module: 'node16', moduleResolution: 'node16' }, files: ['types.ts'] },
  'tsconfig.bundler.json': { compilerOptions: { ...SERVER_ALONE_COMPILER, module: 'esnext', moduleResolution: 'bundler' }, files: ['types.ts'] },
};
const TSCONFIGS = {
  'tsconfig.node16.json': { compilerOptions: { ...COMPILER, module: 'node16', moduleResolution: 'node16', noEmit: true }, files: ['node16-cjs.ts'] },
  'tsconfig.bundler.json': { compilerOptions: { ...COMPILER, module: 'esnext', moduleResolution: 'bundler', noEmit: true }, files: ['bundler.ts'] },
  'tsconfig.vitest.json': { compilerOptions: { ...COMPILER, module: 'esnext', moduleResolution: 'bundler', noEmit: true }, files: ['vitest/kit.test.ts'] },
  'tsconfig.readme.json': { compilerOptions: { ...COMPILER, module: 'es2022', moduleResolution: 'bundler', outDir: 'readme/dist' }, include: ['readme/*.ts'] },
};

/** The first ```ts block of a README, or undefined. */
const firstTsBlock = (markdown) => /```ts\n([\s\S]*?)```/.exec(markdown)?.[1];

/**
 * Makes a new npm project in the temporary folder and installs every tarball into it (each
 * sibling dependency pinned to its tarball through `overrides`, so nothing of ours comes from the
 * registry) with the workspace's `@types/node` and vitest and a pinned Jest; copies in the consumers, the tsconfigs and the
 * README examples.
 * @param packed - the packages from `packAll()` (name, folder, tarball).
 * @returns the project's folder.
 * @throws Error when npm install fails.
 */
export function makeConsumerProject(packed) {
  const dir = mkdtempSync(join(tmpdir(), 'mvkit-consumer-'));
  const dependencies = Object.fromEntries(packed.map((p) => [p.name, `file:${p.tarball}`]));
  const overrides = Object.fromEntries(packed.map((p) => [p.name, `$${p.name}`]));
  const manifest = { name: 'mvkit-consumer', version: '1.0.0', private: true, dependencies, devDependencies: { '@types/node': TYPES_NODE, jest: JEST, vitest: VITEST }, overrides };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  npmInstall(dir);
  cpSync(FIXTURES, dir, { recursive: true, filter: (path) => path !== SERVER_ALONE });
  for (const [file, config] of Object.entries(TSCONFIGS)) writeFileSync(join(dir, file), JSON.stringify(config, null, 2));
  mkdirSync(join(dir, 'readme'));
  writeFileSync(join(dir, 'readme/package.json'), JSON.stringify({ type: 'module' }));
  for (const p of packed) {
    const example = firstTsBlock(readFileSync(join(p.folder, 'README.md'), 'utf8'));
    if (example) writeFileSync(join(dir, 'readme', `${p.name.replace('@mvkit/', '')}.ts`), example);
  }
  return dir;
}

/**
 * Makes a new npm project in a temporary folder with only the @mvkit/server tarball installed
 * (nothing else: the workspace's TypeScript and @types/node type-check it from outside) and copies
 * in the consumers of scripts/consumers/server-alone/, `serve-once.cjs` and the tsconfigs.
 * @param tarball - path of the server's `.tgz`.
 * @returns the project's folder.
 * @throws Error when npm install fails.
 */
export function makeServerAloneProject(tarball) {
  const dir = mkdtempSync(join(tmpdir(), 'mvkit-server-alone-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'mvkit-server-alone', version: '1.0.0', private: true, dependencies: { '@mvkit/server': `file:${tarball}` } }, null, 2));
  npmInstall(dir);
  cpSync(SERVER_ALONE, dir, { recursive: true });
  cpSync(join(FIXTURES, 'serve-once.cjs'), join(dir, 'serve-once.cjs'));
  for (const [file, config] of Object.entries(SERVER_ALONE_TSCONFIGS)) writeFileSync(join(dir, file), JSON.stringify(config, null, 2));
  return dir;
}

/** `npm install` in `dir` with the kept cache (offline when it is warm). @throws Error when npm fails. */
function npmInstall(dir) {
  mkdirSync(NPM_CACHE, { recursive: true });
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', '--cache', NPM_CACHE], { cwd: dir, env: NPM_ENV, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * Runs a command in the project and returns its exit status and output.
 * @param dir - the project's folder.
 * @param args - node's arguments (a script and its options).
 */
export function runNode(dir, args) {
  const run = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Type-checks (and for the README config, emits) one of the project's tsconfigs with the
 * workspace's TypeScript.
 * @param dir - the project's folder.
 * @param tsconfig - a key of the tsconfigs written by {@link makeConsumerProject} or {@link makeServerAloneProject}.
 */
export function typecheck(dir, tsconfig) {
  return runNode(dir, [TSC, '-p', tsconfig, '--pretty', 'false']);
}
