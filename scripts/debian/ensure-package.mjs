#!/usr/bin/env node
// Makes sure a Debian package's program is installed (Chromium for the browser test, nghttp2's
// h2load for `pnpm bench rest`): installs the package non-interactively with apt-get when the
// program is missing (as root; `apt-get update` only when the package lists have no candidate or
// the first install attempt fails) and prints the program and the package version. Exits non-zero,
// naming what failed, when it cannot.
//
//   node scripts/debian/ensure-package.mjs <package> <program path>
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Runs a command without standard input (CI has none) and returns its exit status and output.
 *
 * @param {string} command
 * @param {string[]} args
 * @returns {{ status: number | null, stdout: string, output: string }}
 */
export function run(command, args) {
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

/** Whether apt's package lists offer a candidate version of `pkg`. */
function hasCandidate(pkg) {
  const { status, output } = run('apt-cache', ['policy', pkg]);
  return status === 0 && /Candidate: (?!\(none\))\S+/.test(output);
}

/**
 * Installs Debian's `pkg` when `program` is missing, and returns the package's installed version
 * (`dpkg-query`, e.g. `1.52.0-1+deb12u3`; `(not a Debian package)` for a program installed otherwise).
 *
 * @param {string} pkg the Debian package, e.g. `nghttp2-client`
 * @param {string} program the path the package installs its program at, e.g. `/usr/bin/h2load`
 * @returns {string}
 * @throws Error when the program is missing and the package cannot be installed (not root, apt-get failing)
 */
export function ensureDebianPackage(pkg, program) {
  if (!existsSync(program)) {
    if (typeof process.getuid === 'function' && process.getuid() !== 0) {
      throw new Error(`${program} is missing and installing Debian's ${pkg} needs root (run: apt-get install -y --no-install-recommends ${pkg})`);
    }
    if (!hasCandidate(pkg)) aptGet(['update']);
    const installArgs = ['install', '-y', '--no-install-recommends', pkg];
    try {
      aptGet(installArgs);
    } catch {
      // Stale package lists (a mirror that moved on answers 404): refresh once and retry.
      aptGet(['update']);
      aptGet(installArgs);
    }
    if (!existsSync(program)) throw new Error(`apt-get installed ${pkg} but ${program} is still missing`);
  }
  const version = run('dpkg-query', ['-W', '-f=${Version}', pkg]);
  return version.status === 0 ? version.stdout.trim() : '(not a Debian package)';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [pkg, program] = process.argv.slice(2);
  try {
    if (!pkg || !program) throw new Error('usage: node scripts/debian/ensure-package.mjs <package> <program path>');
    console.log(`${program} (Debian package ${pkg} ${ensureDebianPackage(pkg, program)})`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
