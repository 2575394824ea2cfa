/**
 * The published packages as npm users get them: packed with pnpm (the build must have run, as the
 * test command does), each tarball linted (contents, rewritten ranges, publint, attw on every
 * resolution mode), then installed with npm into a fresh project outside the workspace where ESM,
 * CommonJS, TypeScript node16-CommonJS and bundler consumers and every README example run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NPM_ENV, packAll, publishedPackages, tarballProblems } from '../check-packages.mjs';
import { makeConsumerProject, runNode, typecheck } from '../consumers.mjs';

type Packed = ReturnType<typeof packAll>;
let packed: Packed;
let project: string;

beforeAll(() => {
  packed = packAll();
}, 120_000);
afterAll(() => {
  for (const dir of new Set([...(packed ?? []).map((p) => dirname(p.tarball)), ...(project ? [project] : [])])) rmSync(dir, { recursive: true, force: true });
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
    const run = runNode(project, ['node_modules/@mvkit/server/dist/mvkit.mjs', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('serve');
  });

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
