/**
 * `@mvkit/client` over RESTful v2 and `@mvkit/msw` in a browser (issue 14): esbuild bundles the two
 * programs of `scripts/browser/` for browsers from the packages' published entry points (what a
 * consumer's bundler sees; `pnpm test` builds them first) with 0 errors, and headless Chromium
 * (Debian's `chromium`, installed by `scripts/browser/ensure-chromium.mjs` when missing, driven by
 * playwright-core) runs them in one page: the REST program against a real reference server on
 * another origin (so every call goes through a CORS preflight), then the msw program in msw's
 * browser worker, answered in the page by the engine. Both must see the same Milvus answers.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@mvkit/server';
import { build, formatMessages, type BuildFailure, type Message } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureChromium } from '../browser/ensure-chromium.mjs';
import { ROOT } from '../check-packages.mjs';

const PROGRAMS = join(ROOT, 'scripts/browser');

/** The launch flags of the issue: headless, no sandbox (root in CI), no GPU, no network of its own. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** What each program must report (see `scripts/browser/exercise.ts`): the same for both. */
const EXPECTED = {
  insertCount: '5',
  // L2 from [1.2, 0, 0, 0] to [i, 0, 0, 0]: rows 1, 2, 3 (0.04, 0.64, 3.24).
  search: [
    ['1', 'Dune'],
    ['2', 'Ficciones'],
    ['3', 'Café Müller'],
  ],
  filteredSearch: [
    ['2', 'Ficciones'],
    ['3', 'Café Müller'],
    ['4', '東京物語'],
  ],
  query: [
    { id: '3', title: 'Café Müller' },
    { id: '4', title: '東京物語' },
    { id: '5', title: 'Solaris' },
  ],
  count: 4,
};

/** What the page leaves per program in `window.mvkitResults`: its result, or its error with the Milvus code. */
interface Outcome {
  result?: unknown;
  error?: string;
}

/** Bundles the programs as the issue asks (browser, ESM, bundled); resolves to the files or esbuild's errors. */
async function bundle(): Promise<{ files: Map<string, string>; errors: Message[] }> {
  try {
    const { outputFiles, errors } = await build({
      entryPoints: { 'rest-program': join(PROGRAMS, 'rest-program.ts'), 'msw-program': join(PROGRAMS, 'msw-program.ts') },
      platform: 'browser',
      format: 'esm',
      bundle: true,
      target: 'es2022',
      outdir: '/bundles',
      write: false,
      logLevel: 'silent',
    });
    return { files: new Map(outputFiles.map((file) => [`/${file.path.split('/').pop()}`, file.text])), errors };
  } catch (failure) {
    return { files: new Map(), errors: (failure as BuildFailure).errors ?? [{ text: String(failure) } as Message] };
  }
}

/** Counts esbuild messages by the package of the file they point at, e.g. `undici@7.30.2 118, @grpc/grpc-js@1.14.7 28`. */
function byPackage(messages: Message[]): string {
  const counts = new Map<string, number>();
  for (const { location } of messages) {
    const file = location?.file ?? '(no file)';
    const name = /node_modules\/\.pnpm\/([^/]+)/.exec(file)?.[1]?.replace(/^(@[^+]+)\+/, '$1/') ?? /^packages\/[^/]+/.exec(file)?.[0] ?? file;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`).join(', ');
}

/** A static server for the page, the bundles and msw's worker script, on its own origin. */
async function serveStatic(files: Map<string, string>): Promise<Server> {
  const routes = new Map<string, [string, string]>([
    ['/', ['text/html; charset=utf-8', readFileSync(join(PROGRAMS, 'index.html'), 'utf8')]],
    ['/mockServiceWorker.js', ['text/javascript', readFileSync(createRequire(join(ROOT, 'package.json')).resolve('msw/mockServiceWorker.js'), 'utf8')]],
    ...[...files].map(([path, text]): [string, [string, string]] => [path, ['text/javascript', text]]),
  ]);
  const server = createServer((request, response) => {
    const route = routes.get(new URL(request.url ?? '/', 'http://page').pathname);
    response.writeHead(route ? 200 : 404, { 'content-type': route?.[0] ?? 'text/plain', 'cache-control': 'no-store' });
    response.end(route?.[1] ?? 'not found');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

describe('the REST client and @mvkit/msw in headless Chromium', () => {
  let bundled: Awaited<ReturnType<typeof bundle>>;
  let milvus: RunningServer | undefined;
  let page: Server | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    bundled = await bundle();
  });
  afterAll(async () => {
    await browser?.close();
    page?.closeAllConnections();
    if (page?.listening) await new Promise((done) => page!.close(done));
    await milvus?.close();
  });

  it('bundles both programs for browsers with 0 esbuild errors', async () => {
    if (bundled.errors.length) {
      console.error(`${bundled.errors.length} esbuild errors; by package of the importing file: ${byPackage(bundled.errors)}`);
      console.error((await formatMessages(bundled.errors, { kind: 'error' })).join('\n'));
    }
    expect(bundled.errors.length).toBe(0);
    expect([...bundled.files.keys()].sort()).toEqual(['/msw-program.js', '/rest-program.js']);
  });

  it(
    'runs them against mvkit serve and in msw\'s browser worker, with the same answers',
    async () => {
      expect(bundled.errors.length, 'the bundles did not build').toBe(0);
      // Installs Debian's chromium when missing (throws when it cannot: the test fails, never skips).
      const installed = ensureChromium();
      console.log(`${installed.executablePath}: ${installed.browserVersion} (Debian package chromium ${installed.packageVersion})`);

      milvus = await startServer({ port: 0 });
      page = await serveStatic(bundled.files);
      const pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/?milvus=${encodeURIComponent(milvus.restUrl)}`;
      browser = await chromium.launch({ executablePath: installed.executablePath, args: CHROMIUM_ARGS, timeout: 30_000 });
      const tab = await browser.newPage();
      const consoleErrors: string[] = [];
      tab.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${message.type()}: ${message.text()}`);
      });
      const pageError = new Promise<never>((_, reject) => tab.on('pageerror', (error) => reject(new Error(`page error: ${error.stack ?? error.message}`))));

      await tab.goto(pageUrl);
      const outcomes = await Promise.race([
        tab.waitForFunction(() => (window as unknown as { mvkitResults?: unknown }).mvkitResults, undefined, { timeout: 30_000 }).then((handle) => handle.jsonValue() as Promise<{ rest: Outcome; msw: Outcome }>),
        pageError,
      ]).catch((error: unknown) => {
        throw new Error(`${error instanceof Error ? error.message : error}\nconsole:\n${consoleErrors.join('\n')}`);
      });
      const failed = Object.entries(outcomes).filter(([, outcome]) => outcome.error);
      expect(failed.map(([name, outcome]) => `${name}: ${outcome.error}`).join('\n') + (failed.length ? `\nconsole:\n${consoleErrors.join('\n')}` : '')).toBe('');
      expect(outcomes.rest.result).toEqual(EXPECTED);
      expect(outcomes.msw.result).toEqual(EXPECTED);
    },
    // The first run on a machine may install chromium with apt-get (about 30 s); later runs take a few seconds.
    300_000,
  );
});
