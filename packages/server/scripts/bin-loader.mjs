// The `mvkit` bin's loader, the head of dist/mvkit.mjs (scripts/bundle.mjs puts the bundled CLI,
// MAIN, ASCII, after it in a comment, `*/` written `*\/`). It compiles MAIN with V8's code cache:
// from the second start on, V8 reads the compiled code instead of parsing and compiling the 1.x MB
// bundle (decision 0010). The cache lives in the user's cache directory (`$MVKIT_CACHE_DIR`, else
// `$XDG_CACHE_HOME/mvkit`, else `~/.cache/mvkit`): one file named by MAIN's SHA-256, the Node
// version and the architecture (V8 itself checks only the source length), written atomically once
// per bundle, a second after start or at exit if that comes first (removing the files of bundles
// written more than 30 days before). A missing, unwritable or rejected cache only means an
// ordinary compile. Worker threads (the decode and index workers run this file) read the cache and
// never write it.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/** Caches of other bundles (other versions, other builds) older than this are removed when a cache is written. */
const CACHE_RETAIN_MS = 30 * 24 * 3600 * 1000;
const filename = fileURLToPath(import.meta.url);
const bin = readFileSync(filename, 'latin1');
// The marker is found from the start (it follows this loader): V8's lastIndexOf walks a 1.x MB
// string backwards in ~3 ms, indexOf finds it at once. The comment's end is the file's last line.
const MAIN = bin.slice(bin.indexOf('/*MAIN\n') + 7, bin.lastIndexOf('\n*/')).replaceAll('*\\/', '*/');
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
      const stale = Date.now() - CACHE_RETAIN_MS;
      for (const name of readdirSync(cacheDir)) {
        const path = join(cacheDir, name);
        if (name.startsWith('bin-') && name.endsWith('.v8cache') && statSync(path).mtimeMs < stale) rmSync(path, { force: true });
      }
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
