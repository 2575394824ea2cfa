// The `mvkit` bin, dist/mvkit.cjs: this loader, headed by the bundle's SHA-256 (scripts/bundle.mjs
// writes both). It compiles the bundled CLI, dist/mvkit-bundle.cjs (MAIN), with V8's code cache:
// from the second start on, V8 reads the compiled code instead of parsing and compiling the 1.x MB
// bundle (decision 0010). The bin is CommonJS and small, and MAIN a file of its own, so that Node's
// entry-point loader reads and scans only the loader (decision 0013). The cache lives in the
// user's cache directory (`$MVKIT_CACHE_DIR`, else `$XDG_CACHE_HOME/mvkit`, else `~/.cache/mvkit`):
// one file named by MAIN's SHA-256, the Node version and the architecture (V8 itself checks only
// the source length), written atomically once per bundle, a second after start or at exit if that
// comes first (removing the files of bundles written more than 30 days before). A missing,
// unwritable or rejected cache only means an ordinary compile. Worker threads (the decode and
// index workers run this file) read the cache and never write it.
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { homedir } = require('node:os');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { constants, Script } = require('node:vm');
const { isMainThread } = require('node:worker_threads');

/** Caches of other bundles (other versions, other builds) older than this are removed when a cache is written. */
const CACHE_RETAIN_MS = 30 * 24 * 3600 * 1000;
const mainFile = join(__dirname, 'mvkit-bundle.cjs');
// The bundle is ASCII (the build checks it): read as Latin-1, without UTF-8 decoding.
const MAIN = readFileSync(mainFile, 'latin1');
const cacheDir = process.env.MVKIT_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'mvkit');
const cacheName = `bin-${MAIN_SHA256}-${process.version}-${process.arch}.v8cache`;
const cacheFile = join(cacheDir, cacheName);
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // no cache yet
}
// The wrapper has a line of its own: stack traces give MAIN's own lines and columns.
const script = new Script(`(function (exports, require, module, __filename, __dirname, __mvkitUrl) {\n${MAIN}\n})`, {
  filename: mainFile,
  lineOffset: -1,
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
// MAIN runs as this module's body would: its `require` resolves from here, and `__mvkitUrl` is the
// URL of this file, which the worker threads start.
script.runInThisContext()(exports, require, module, __filename, __dirname, pathToFileURL(__filename).href);
