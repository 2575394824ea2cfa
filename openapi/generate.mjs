#!/usr/bin/env node
// Generates the code derived from openapi/milvus-v2.yaml, or checks that the committed copies
// are current (`--check`, exit 1 when stale):
//   - packages/transport-rest/src/gen/schema.ts: TypeScript types (openapi-typescript);
//   - packages/server/src/rest/gen/openapi.ts: the request/answer JSON schemas and the
//     path -> request struct table the REST front validates bodies with (ajv).
// Run: pnpm --filter @mvkit/transport-rest gen:openapi   (check: ... check:openapi)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
// The generator's tools are devDependencies of @mvkit/transport-rest.
const requireTools = createRequire(join(root, 'packages/transport-rest/package.json'));
const SPEC = join(here, 'milvus-v2.yaml');

export const OUTPUTS = {
  types: join(root, 'packages/transport-rest/src/gen/schema.ts'),
  server: join(root, 'packages/server/src/rest/gen/openapi.ts'),
};

const HEADER = '// Generated from openapi/milvus-v2.yaml by openapi/generate.mjs. Do not edit.\n';

/** Renders every derived file; returns `{ path: contents }`. */
export async function generate() {
  // require.resolve yields the CommonJS entries; unwrap their default export.
  const ots = await import(pathToFileURL(requireTools.resolve('openapi-typescript')).href);
  const openapiTS = ots.default?.default ?? ots.default;
  const astToString = ots.astToString ?? ots.default?.astToString;
  const yaml = await import(pathToFileURL(requireTools.resolve('yaml')).href);
  const parse = yaml.parse ?? yaml.default?.parse;
  const text = readFileSync(SPEC, 'utf8');
  const doc = parse(text, { maxAliasCount: -1 });

  const ast = await openapiTS(pathToFileURL(SPEC));
  const types = `${HEADER}/* eslint-disable */\n${astToString(ast)}`;

  const routes = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    const op = item.post;
    const ref = op.requestBody.$ref ?? op.requestBody.content['application/json'].schema.$ref;
    const name = ref.split('/').pop();
    const struct = doc.components.requestBodies[name]?.content['application/json'].schema.$ref.split('/').pop() ?? name;
    routes[path] = { operationId: op.operationId, summary: op.summary, struct };
  }
  const server =
    `${HEADER}\n` +
    `/** JSON schemas (draft 2020-12) of \`components.schemas\` in openapi/milvus-v2.yaml, keyed by name; request schemas are named after Milvus's Go request structs. */\n` +
    `export const OPENAPI_SCHEMAS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = ${JSON.stringify(doc.components.schemas, null, 2)};\n\n` +
    `/** Every RESTful v2 path of openapi/milvus-v2.yaml (all \`POST\`): operation ID, summary and the Go request struct its body binds to. */\n` +
    `export const OPENAPI_ROUTES: Readonly<Record<string, { readonly operationId: string; readonly summary: string; readonly struct: string }>> = ${JSON.stringify(routes, null, 2)};\n`;
  return { [OUTPUTS.types]: types, [OUTPUTS.server]: server };
}

async function main() {
  const check = process.argv.includes('--check');
  const files = await generate();
  let stale = 0;
  for (const [path, contents] of Object.entries(files)) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {}
    if (current === contents) continue;
    if (check) {
      stale++;
      console.error(`stale: ${relative(root, path)}`);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, contents);
      console.log(`wrote ${relative(root, path)}`);
    }
  }
  if (stale) {
    console.error('Regenerate with: pnpm --filter @mvkit/transport-rest gen:openapi');
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
