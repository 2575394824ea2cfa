// The `mvkit` bin's loader, the tail of dist/mvkit.mjs (scripts/bundle.mjs puts the bundled CLI
// before it as the string MAIN). It compiles MAIN with V8's code cache: from the second start on,
// V8 reads the compiled code instead of parsing and compiling the 1.x MB bundle (decision 0008).
// The cache lives in the user's cache directory (`$MVKIT_CACHE_DIR`, else `$XDG_CACHE_HOME/mvkit`,
// else `~/.cache/mvkit`): one file named by MAIN's SHA-256, the Node version and the architecture
// (V8 itself checks only the source length), written atomically once per bundle, a second after
// start or at exit if that comes first, replacing the files of other bundles. A missing,
// unwritable or rejected cache only means an ordinary compile. Worker threads (the decode and
// index workers run this file) read the cache and never write it.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

const filename = fileURLToPath(import.meta.url);
const cacheDir = process.env.MVKIT_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'mvkit');
const cacheName = `bin-${MAIN_SHA256}-${process.version}-${process.arch}.v8cache`;
const cacheFile = join(cacheDir, cacheName);
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // no cache yet
}
const script = new Script(`(function (exports, require, module, __filename, __dirname, __mvkitUrl) {${MAIN}\n})`, {
  filename,
  cachedData,
  importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
if (isMainThread && (cachedData === undefined || script.cachedDataRejected)) {
  let written = false;
  const writeCache = () => {
    if (written) return;
    written = true;
    try {
      mkdirSync(cacheDir, { recursive: true });
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
      renameSync(partial, cacheFile);
      for (const name of readdirSync(cacheDir)) if (name.startsWith('bin-') && name.endsWith('.v8cache') && name !== cacheName) rmSync(join(cacheDir, name), { force: true });
    } catch {
      // no writable cache directory: every start compiles
    }
  };
  setTimeout(writeCache, 1000).unref();
  // Registered first: `--version` and `--help` exit while MAIN runs.
  process.once('exit', writeCache);
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename), import.meta.url);
