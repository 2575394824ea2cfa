#!/usr/bin/env node
// Copies jieba-wasm's Node.js build (its CommonJS module, the `.wasm` it reads from beside itself
// and its licence) to dist/jieba-wasm/, where the built analyzers load it from
// (src/engine/analyzer/jieba-instances.ts): the wasm cannot be inlined into the bundles, and
// @mvkit/server installs without a `jieba-wasm` package. The module is renamed `.cjs` because
// dist/ is in a `"type": "module"` package.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const main = createRequire(import.meta.url).resolve('jieba-wasm');
const from = dirname(main);
const to = new URL('../dist/jieba-wasm/', import.meta.url).pathname;
mkdirSync(to, { recursive: true });
copyFileSync(main, join(to, 'jieba_rs_wasm.cjs'));
copyFileSync(join(from, 'jieba_rs_wasm_bg.wasm'), join(to, 'jieba_rs_wasm_bg.wasm'));
copyFileSync(join(from, '../../LICENSE'), join(to, 'LICENSE'));
