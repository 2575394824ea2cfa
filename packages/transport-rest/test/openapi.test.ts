import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without types
import { OUTPUTS, generate } from '../../../openapi/generate.mjs';

it('keeps the code generated from openapi/milvus-v2.yaml current (run: pnpm --filter @mvkit/transport-rest gen:openapi)', async () => {
  const files = (await generate()) as Record<string, string>;
  expect(Object.keys(files).sort()).toEqual(Object.values(OUTPUTS as Record<string, string>).sort());
  for (const [path, contents] of Object.entries(files)) {
    expect(readFileSync(path, 'utf8') === contents, `${path} is stale`).toBe(true);
  }
}, 60_000);
