#!/usr/bin/env node
// Makes sure Debian's `chromium` is installed at /usr/bin/chromium (the browser the headless test
// drives through playwright-core; Playwright's own browser downloads are never used) and prints
// its version, installing the package when missing (scripts/debian/ensure-package.mjs). Exits
// non-zero, naming what failed, when it cannot.
//
//   node scripts/browser/ensure-chromium.mjs
import { pathToFileURL } from 'node:url';
import { ensureDebianPackage, run } from '../debian/ensure-package.mjs';

/** Where Debian's `chromium` package puts its launcher. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The Debian package that provides {@link CHROMIUM_PATH}. */
const PACKAGE = 'chromium';

/**
 * The installed Chromium: its launcher path, the Debian package version (`dpkg-query`, e.g.
 * `156.0.8078.114-1~deb12u1`) and what the browser itself reports (`chromium --version`).
 * Installs Debian's `chromium` package first when {@link CHROMIUM_PATH} is missing.
 *
 * @returns {{ executablePath: string, packageVersion: string, browserVersion: string }}
 * @throws Error when it is missing and cannot be installed, or does not run
 */
export function ensureChromium() {
  const packageVersion = ensureDebianPackage(PACKAGE, CHROMIUM_PATH);
  const browser = run(CHROMIUM_PATH, ['--version']);
  if (browser.status !== 0) throw new Error(`${CHROMIUM_PATH} --version exited ${browser.status}:\n${browser.output}`);
  // stdout only: Debian's launcher sources /etc/chromium.d, whose checks may warn on stderr.
  return { executablePath: CHROMIUM_PATH, packageVersion, browserVersion: browser.stdout.trim() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { executablePath, packageVersion, browserVersion } = ensureChromium();
    console.log(`${executablePath}: ${browserVersion} (Debian package ${PACKAGE} ${packageVersion})`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
