/**
 * jieba-rs segmenters, loaded lazily from `jieba-wasm` (jieba-rs compiled to WebAssembly, the
 * library Milvus 2.5's `jieba` tokenizer wraps). Nothing is loaded at server start: the first
 * Chinese analysis reads and compiles the module (tens of milliseconds) and jieba-rs builds its
 * default dictionary on its first cut (a few hundred milliseconds, about 90 MB of WebAssembly
 * memory per instance).
 *
 * @packageDocumentation
 */
import { MilvusError } from '@mvkit/core';
import { nodeBuiltin } from '../node-builtin.js';

/** One token of jieba-rs's `Jieba::tokenize`: the word and its start and end in code points. */
export interface JiebaWord {
  word: string;
  start: number;
  end: number;
}

/** The functions of one jieba-wasm instance (`jieba-wasm`'s Node.js build) that analyzers use. */
interface JiebaModule {
  tokenize(text: string, mode: 'default' | 'search', hmm: boolean): JiebaWord[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}

/** jieba-rs's cut modes as `Jieba::tokenize` names them (`TokenizeMode::Default` and `Search`). */
export type JiebaCutMode = 'default' | 'search';

/** A segmenter: jieba-rs's `tokenize` over one dictionary. */
export type JiebaSegmenter = (text: string, mode: JiebaCutMode, hmm: boolean) => JiebaWord[];

/** Custom-dictionary instances kept alive at once; the least recently used beyond it is dropped and rebuilt on demand. */
const MAX_CUSTOM_INSTANCES = 2;

let cachedRequire: NodeJS.Require | undefined;

/**
 * Node's `require`, reached through `process.getBuiltinModule` (no static `node:` import, so the
 * engine bundles for browsers; there the jieba tokenizer is refused when first used).
 * @throws MilvusError 65535 `the jieba tokenizer needs Node.js (jieba-wasm's Node build)` elsewhere.
 */
function nodeRequire(): NodeJS.Require {
  const modules = nodeBuiltin<typeof import('node:module')>('node:module');
  if (!modules) throw new MilvusError("the jieba tokenizer needs Node.js (jieba-wasm's Node build)");
  return (cachedRequire ??= modules.createRequire(import.meta.url));
}

/** Where the package build puts jieba-wasm's Node.js build (its module and `.wasm`), under dist/. */
const BUNDLED_JIEBA = 'jieba-wasm/jieba_rs_wasm.cjs';

let cachedPath: string | undefined;

/**
 * The file of jieba-wasm's Node.js build: built, the copy in dist/ beside or above this module
 * (the module is `dist/*.js`, `dist/*.cjs` or a subpath's `dist/rest/web.*`), so an installed
 * @mvkit/server needs no `jieba-wasm` package; from the sources, the `jieba-wasm` devDependency.
 * @throws Error (Node's `MODULE_NOT_FOUND`) when neither is there (e.g. the `mvkit.cjs` bin and its bundle copied alone).
 */
function jiebaPath(req: NodeJS.Require): string {
  if (cachedPath) return cachedPath;
  const { existsSync } = nodeBuiltin<typeof import('node:fs')>('node:fs')!;
  const { fileURLToPath } = nodeBuiltin<typeof import('node:url')>('node:url')!;
  const bundled = ['./', '../'].map((dir) => fileURLToPath(new URL(dir + BUNDLED_JIEBA, import.meta.url))).find((file) => existsSync(file));
  return (cachedPath = bundled ?? req.resolve('jieba-wasm'));
}

/**
 * A new jieba-wasm instance: the package keeps one jieba-rs `Jieba` per loaded module, so a
 * dictionary of its own needs the module loaded afresh (out of Node's module cache).
 */
function loadInstance(): JiebaModule {
  const req = nodeRequire();
  const path = jiebaPath(req);
  delete req.cache[path];
  return req(path) as JiebaModule;
}

let defaultInstance: JiebaModule | undefined;
const customInstances = new Map<string, JiebaModule>();

/** The instance with jieba-rs's default dictionary (`Jieba::new()`), never given extra words. */
function defaultModule(): JiebaModule {
  return (defaultInstance ??= loadInstance());
}

/** The instance with the default dictionary plus `words` (each `add_word(word, None, None)`, in order). */
function customModule(words: readonly string[]): JiebaModule {
  const key = JSON.stringify(words);
  let instance = customInstances.get(key);
  if (instance) {
    customInstances.delete(key);
  } else {
    if (customInstances.size >= MAX_CUSTOM_INSTANCES) customInstances.delete(customInstances.keys().next().value!);
    instance = loadInstance();
    for (const w of words) instance.add_word(w, null, null);
  }
  customInstances.set(key, instance);
  return instance;
}

/**
 * The segmenter of jieba-rs's default dictionary with `words` added (none: `Jieba::new()`, shared
 * by every analyzer). Loads nothing until it first segments.
 */
export function jiebaSegmenter(words: readonly string[]): JiebaSegmenter {
  if (words.length === 0) return (text, mode, hmm) => defaultModule().tokenize(text, mode, hmm);
  const list = [...words];
  return (text, mode, hmm) => customModule(list).tokenize(text, mode, hmm);
}
