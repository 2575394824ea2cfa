/**
 * The published packages as npm users get them: packed with pnpm (the build must have run, as the
 * test command does), each tarball linted (contents, rewritten ranges, publint, attw on every
 * resolution mode), then installed with npm into a fresh project outside the workspace where ESM,
 * CommonJS, TypeScript node16-CommonJS and bundler consumers, a Jest and a vitest project on the
 * server's test kit, the `mvkit` bin and every README example run; and @mvkit/server installed
 * alone, which must be one package that serves, type-checks and runs its threads and jieba.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NPM_ENV, packAll, publishedPackages, tarballProblems } from '../check-packages.mjs';
import { makeConsumerProject, makeServerAloneProject, runNode, typecheck } from '../consumers.mjs';

/** What `serve-once.cjs` prints for a fresh server: no collections over REST, ShowCollections answered over gRPC. */
const SERVED = { rest: { code: 0, data: [] }, grpc: { status: 200, grpcStatus: '0', message: true } };

type Packed = ReturnType<typeof packAll>;
let packed: Packed;
let project: string;
let alone: string;

beforeAll(() => {
  packed = packAll();
}, 120_000);
afterAll(() => {
  for (const dir of new Set([...(packed ?? []).map((p) => dirname(p.tarball)), ...[project, alone].filter(Boolean)])) rmSync(dir, { recursive: true, force: true });
});

describe('packed tarballs', () => {
  it('packs the eight published packages, not the private ones', () => {
    expect(packed.map((p) => p.name).sort()).toEqual(['@mvkit/client', '@mvkit/core', '@mvkit/hnsw', '@mvkit/msw', '@mvkit/proto', '@mvkit/server', '@mvkit/transport-grpc', '@mvkit/transport-rest']);
  });

  it('each has LICENSE, README.md, exact sibling versions, and passes publint and attw', async () => {
    const versions = Object.fromEntries(publishedPackages().map((p) => [p.name, p.version]));
    const problems: Record<string, string[]> = {};
    for (const p of packed) problems[p.name] = await tarballProblems(p.tarball, versions);
    expect(problems).toEqual(Object.fromEntries(packed.map((p) => [p.name, []])));
  }, 120_000);

  it('finds the ranges npm pack leaves unrewritten', async () => {
    const client = publishedPackages().find((p) => p.name === '@mvkit/client')!;
    const out = mkdtempSync(join(tmpdir(), 'mvkit-npm-pack-'));
    const file = execFileSync('npm', ['pack', '--pack-destination', out, '--loglevel=error'], { cwd: client.folder, env: NPM_ENV, encoding: 'utf8' }).trim().split('\n').pop()!;
    const problems = await tarballProblems(join(out, file), { '@mvkit/core': client.version });
    expect(problems).toContain('dependencies.@mvkit/core is still workspace:*');
    expect(problems).toContain('devDependencies.@mvkit/server is still workspace:*');
    rmSync(out, { recursive: true, force: true });
  }, 60_000);
});

describe('a fresh npm project with the tarballs installed', () => {
  beforeAll(() => {
    project = makeConsumerProject(packed);
  }, 180_000);

  it('an ESM consumer calls a server started from the installed @mvkit/server over gRPC and REST', () => {
    const run = runNode(project, ['esm.mjs']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ grpc: { nearest: '2', missingCode: 100 }, rest: { nearest: '2', missingCode: 100 } });
  });

  it('a CommonJS consumer requires the client, the server, its ./rest entry and the index', () => {
    const run = runNode(project, ['cjs.cjs']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ nearest: '7', missingCode: 100, restList: { code: 0, data: [] }, hnsw: 3 });
  });

  it('the installed mvkit bin answers --help', () => {
    const run = runNode(project, ['node_modules/@mvkit/server/dist/mvkit.cjs', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('serve');
  });

  it('npx @mvkit/server and node_modules/.bin/mvkit print the package version', () => {
    const { version } = packed.find((p) => p.name === '@mvkit/server')!;
    const npx = spawnSync('npx', ['--no-install', '@mvkit/server', '--version'], { cwd: project, env: NPM_ENV, encoding: 'utf8', timeout: 60_000 });
    expect(npx).toMatchObject({ status: 0, stdout: `${version}\n` });
    const bin = spawnSync(join(project, 'node_modules/.bin/mvkit'), ['--version'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
    expect(bin).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('the bin is two files: dist/mvkit.cjs and its bundle alone, without node_modules, serve REST and gRPC', () => {
    const bin = mkdtempSync(join(tmpdir(), 'mvkit-bin-alone-'));
    try {
      for (const file of ['mvkit.cjs', 'mvkit-bundle.cjs']) copyFileSync(join(project, 'node_modules/@mvkit/server/dist', file), join(bin, file));
      const child = spawnSync(process.execPath, [join(project, 'serve-once.cjs'), process.execPath, join(bin, 'mvkit.cjs')], { cwd: bin, encoding: 'utf8', timeout: 60_000 });
      expect(child.status, child.stderr).toBe(0);
      expect(JSON.parse(child.stdout)).toEqual(SERVED);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('a Jest (CommonJS) project: the @mvkit/server/jest globalSetup serves @mvkit/client, reset between tests', () => {
    const run = runNode(project, ['node_modules/jest/bin/jest.js', '--config', 'jest/jest.config.cjs', '--ci']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Tests:\s+2 passed, 2 total/);
  }, 90_000);

  it('a vitest project: the @mvkit/server/vitest globalSetup provides the address, reset between tests', () => {
    const run = runNode(project, ['node_modules/vitest/vitest.mjs', 'run', '--root', 'vitest', '--reporter', 'json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ numPassedTests: 2, numFailedTests: 0, numTotalTests: 2 });
    expect(typecheck(project, 'tsconfig.vitest.json')).toMatchObject({ stdout: '', status: 0 });
  }, 90_000);

  it('a TypeScript module: node16 CommonJS consumer type-checks', () => {
    expect(typecheck(project, 'tsconfig.node16.json')).toMatchObject({ stdout: '', status: 0 });
  }, 60_000);

  it('a TypeScript moduleResolution: bundler consumer type-checks', () => {
    expect(typecheck(project, 'tsconfig.bundler.json')).toMatchObject({ stdout: '', status: 0 });
  }, 60_000);

  it("every package README's example type-checks and runs", () => {
    expect(typecheck(project, 'tsconfig.readme.json')).toMatchObject({ stdout: '', status: 0 });
    const examples = readdirSync(join(project, 'readme/dist')).filter((f) => f.endsWith('.js'));
    expect(examples.sort()).toEqual(packed.map((p) => `${p.name.replace('@mvkit/', '')}.js`).sort());
    for (const file of examples) expect(runNode(project, [`readme/dist/${file}`]), file).toMatchObject({ status: 0, stderr: '' });
  }, 90_000);
});

describe('the @mvkit/server tarball installed alone in a fresh npm project', () => {
  beforeAll(() => {
    alone = makeServerAloneProject(packed.find((p) => p.name === '@mvkit/server')!.tarball);
  }, 180_000);

  it('adds exactly one package: no dependencies, everything inlined', () => {
    // Every installed package's folder, the project's first.
    const installed = execFileSync('npm', ['ls', '--all', '--parseable'], { cwd: alone, env: NPM_ENV, encoding: 'utf8' }).trim().split('\n');
    expect(installed).toEqual([alone, join(alone, 'node_modules/@mvkit/server')]);
    expect(readdirSync(join(alone, 'node_modules')).filter((f) => !f.startsWith('.'))).toEqual(['@mvkit']);
  });

  it('npx @mvkit/server serve --port 0 serves REST and gRPC', () => {
    const run = spawnSync(process.execPath, ['serve-once.cjs', 'npx', '--no-install', '@mvkit/server'], { cwd: alone, env: NPM_ENV, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(SERVED);
  }, 60_000);

  it('its ESM and CommonJS builds run jieba analyzers and the decode and index worker threads', () => {
    const expected = {
      jieba: ['南京', '京市', '南京市', '长江', '大桥', '长江大桥'],
      jiebaRest: ['南京', '京市', '南京市', '长江', '大桥', '长江大桥'],
      filteredRows: 34, // ids 0, 3, …, 99 of the 100 rows
      index: { totalRows: 1500, indexedRows: 1200, pendingIndexRows: 300 },
      threads: { decoder: true, builder: true },
    };
    for (const file of ['runtime.mjs', 'runtime.cjs']) {
      const run = runNode(alone, [file]);
      expect(run.stderr, file).toBe('');
      expect(JSON.parse(run.stdout), file).toEqual(expected);
    }
  }, 60_000);

  it('a TypeScript consumer type-checks under module: node16 and moduleResolution: bundler', () => {
    expect(typecheck(alone, 'tsconfig.node16.json')).toMatchObject({ stdout: '', status: 0 });
    expect(typecheck(alone, 'tsconfig.bundler.json')).toMatchObject({ stdout: '', status: 0 });
  }, 60_000);
});
