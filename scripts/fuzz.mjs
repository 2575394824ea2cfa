#!/usr/bin/env node
// The long fuzz run of every front (gRPC, RESTful v2, legacy /api/v1, garbage HTTP/2 and TCP
// streams) against `mvkit serve` in a child process on 127.0.0.1, so that a crash is seen as
// process death. Bounded in batches and in minutes. The CI-sized run is
// packages/server/test/fuzz.test.ts; both share the generators in packages/server/test/fuzz/.
//
//   npx --yes pnpm@10.34.9 build        # produces packages/server/dist/mvkit.cjs
//   node scripts/fuzz.mjs [--seed N] [--batches 20] [--minutes 10]
//                         [--grpc 40] [--rest 40] [--legacy 20] [--stream 200]
//                         [--server-heap-mb 2048] [--out DIR]
//
// Exit code 0 when no case failed, 1 otherwise (failing requests are saved under --out).
import { statSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(root, 'packages/server');
const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    batches: { type: 'string', default: '20' },
    minutes: { type: 'string', default: '10' },
    grpc: { type: 'string', default: '40' },
    rest: { type: 'string', default: '40' },
    legacy: { type: 'string', default: '20' },
    stream: { type: 'string', default: '200' },
    'server-heap-mb': { type: 'string', default: '2048' },
    out: { type: 'string', default: join(tmpdir(), 'mvkit-fuzz-failures') },
  },
});
const int = (name) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
};

const cli = join(server, 'dist/mvkit.cjs');
let built;
try {
  built = statSync(cli).mtimeMs;
} catch {
  console.error(`${cli} is missing: run \`npx --yes pnpm@10.34.9 build\` first`);
  process.exit(2);
}
const newest = (dir) => Math.max(...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
if (newest(join(server, 'src')) > built) console.warn(`warning: ${cli} is older than packages/server/src; rebuild to fuzz the current code`);

// The generators are TypeScript: bundle them (workspace packages from source) with the esbuild
// the server package already uses, then run them.
const { build } = createRequire(join(server, 'package.json'))('esbuild');
const dir = mkdtempSync(join(tmpdir(), 'mvkit-fuzz-run-'));
const bundle = join(dir, 'long-run.mjs');
await build({
  entryPoints: [join(server, 'test/fuzz/long-run.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['@mvkit/source'],
  banner: { js: "import { createRequire as __mvkitRequire } from 'node:module'; const require = __mvkitRequire(import.meta.url);" },
  logLevel: 'error',
});
try {
  const { longRun } = await import(pathToFileURL(bundle).href);
  process.exitCode = await longRun({
    seed: values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed),
    batches: int('batches'),
    minutes: Number(values.minutes),
    cases: { grpc: int('grpc'), rest: int('rest'), legacy: int('legacy'), stream: int('stream') },
    cli,
    serverHeapMb: int('server-heap-mb'),
    openapiFile: join(root, 'openapi/milvus-v2.yaml'),
    outDir: values.out,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
