#!/usr/bin/env node
// Makes sure Debian's `chromium` is installed at /usr/bin/chromium (the browser the headless test
// drives through playwright-core; Playwright's own browser downloads are never used) and prints
// its version. Installs it non-interactively with apt-get when missing (as root; `apt-get update`
// only when the package lists have no candidate or the first install attempt fails). Exits
// non-zero, naming what failed, when it cannot.
//
//   node scripts/browser/ensure-chromium.mjs
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Where Debian's `chromium` package puts its launcher. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The Debian package that provides {@link CHROMIUM_PATH}. */
const PACKAGE = 'chromium';

/**
 * Runs a command without standard input (CI has none) and returns its exit status and output.
 *
 * @param {string} command
 * @param {string[]} args
 * @returns {{ status: number | null, stdout: string, output: string }}
 */
function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return { status: result.status, stdout: result.stdout ?? '', output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

/**
 * Runs an apt-get command (waiting up to 5 min for another apt/dpkg to release its lock) and
 * throws with the tail of its output when it fails.
 *
 * @param {string[]} args apt-get arguments
 */
function aptGet(args) {
  const { status, output } = run('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args]);
  if (status !== 0) throw new Error(`apt-get ${args.join(' ')} exited ${status}:\n${output.split('\n').slice(-20).join('\n')}`);
}

/** Whether apt's package lists offer a candidate version of {@link PACKAGE}. */
function hasCandidate() {
  const { status, output } = run('apt-cache', ['policy', PACKAGE]);
  return status === 0 && /Candidate: (?!\(none\))\S+/.test(output);
}

/** Installs {@link PACKAGE} with apt-get; refreshes the package lists first when needed. */
function install() {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`${CHROMIUM_PATH} is missing and installing Debian's ${PACKAGE} needs root (run: apt-get install -y --no-install-recommends ${PACKAGE})`);
  }
  if (!hasCandidate()) aptGet(['update']);
  const installArgs = ['install', '-y', '--no-install-recommends', PACKAGE];
  try {
    aptGet(installArgs);
  } catch {
    // Stale package lists (a mirror that moved on answers 404): refresh once and retry.
    aptGet(['update']);
    aptGet(installArgs);
  }
}

/**
 * The installed Chromium: its launcher path, the Debian package version (`dpkg-query`, e.g.
 * `156.0.8078.114-1~deb12u1`) and what the browser itself reports (`chromium --version`).
 * Installs Debian's `chromium` package first when {@link CHROMIUM_PATH} is missing.
 *
 * @returns {{ executablePath: string, packageVersion: string, browserVersion: string }}
 * @throws Error when it is missing and cannot be installed, or does not run
 */
export function ensureChromium() {
  if (!existsSync(CHROMIUM_PATH)) install();
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed ${PACKAGE} but ${CHROMIUM_PATH} is still missing`);
  const pkg = run('dpkg-query', ['-W', '-f=${Version}', PACKAGE]);
  const browser = run(CHROMIUM_PATH, ['--version']);
  if (browser.status !== 0) throw new Error(`${CHROMIUM_PATH} --version exited ${browser.status}:\n${browser.output}`);
  return {
    executablePath: CHROMIUM_PATH,
    packageVersion: pkg.status === 0 ? pkg.stdout.trim() : '(not a Debian package)',
    // stdout only: Debian's launcher sources /etc/chromium.d, whose checks may warn on stderr.
    browserVersion: browser.stdout.trim(),
  };
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
