#!/usr/bin/env node
// Creates (idempotently) the Python environment of the conformance suite's Python runner:
// a venv at conformance/.venv with conformance/python/requirements.txt installed, every package
// pinned and installed with --no-deps (nothing is resolved beyond the file).
//
// Cached: a stamp file in the venv holds the SHA-256 of the requirements and the base
// interpreter's version; when it matches and the venv's python imports the pinned pymilvus,
// nothing is run and nothing touches the network. Otherwise the venv is recreated (--clear) and
// the requirements installed. Concurrent runs (parallel test files, a replay beside a test) wait
// on a lock directory; a lock left by a dead process is taken over.
//
// Non-interactive (PIP_NO_INPUT, no version check, no prompts). Interpreter: $MVKIT_PYTHON, else
// python3, else python. Exit 0 and the venv's interpreter path on the last stdout line, or exit 1
// with the reason on stderr.
//
// Also importable: `ensurePythonEnv({ log })` resolves to { python, pymilvus, cached } or throws.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const VENV = join(ROOT, '.venv');
export const REQUIREMENTS = join(ROOT, 'python', 'requirements.txt');
const STAMP = join(VENV, '.mvkit-stamp.json');
const LOCK = join(ROOT, '.venv.lock');
const LOCK_WAIT_MS = 600_000;
const isWindows = process.platform === 'win32';
/** The venv's interpreter. */
export const VENV_PYTHON = isWindows ? join(VENV, 'Scripts', 'python.exe') : join(VENV, 'bin', 'python');

const quiet = { encoding: 'utf8', env: { ...process.env, PIP_NO_INPUT: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1' } };

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { ...quiet, maxBuffer: 64 << 20, ...options });
  return { ok: r.status === 0 && !r.error, status: r.status, error: r.error, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** The base interpreter: $MVKIT_PYTHON, python3 or python, at least 3.8; with its version. */
function baseInterpreter() {
  const candidates = process.env.MVKIT_PYTHON ? [process.env.MVKIT_PYTHON] : ['python3', 'python'];
  const tried = [];
  for (const c of candidates) {
    const r = run(c, ['-c', 'import sys, venv; print("%d.%d.%d" % sys.version_info[:3])']);
    if (!r.ok) {
      tried.push(`${c}: ${r.error ? r.error.message : r.stderr.trim().split('\n').pop() || `exit ${r.status}`}`);
      continue;
    }
    const version = r.stdout.trim();
    const [major, minor] = version.split('.').map(Number);
    if (major < 3 || (major === 3 && minor < 8)) {
      tried.push(`${c}: Python ${version} is older than 3.8 (pymilvus 2.5 needs 3.8+)`);
      continue;
    }
    return { python: c, version };
  }
  throw new Error(`no usable Python interpreter with the venv module (set MVKIT_PYTHON): ${tried.join('; ')}`);
}

/** The pinned pymilvus version of the requirements. */
function pinnedPymilvus(text) {
  const m = /^pymilvus==([^\s#]+)/m.exec(text);
  if (!m) throw new Error(`${REQUIREMENTS} does not pin pymilvus==<version>`);
  return m[1];
}

/** The pymilvus version the venv imports, or undefined. */
function installedPymilvus() {
  if (!existsSync(VENV_PYTHON)) return undefined;
  const r = run(VENV_PYTHON, ['-c', 'import pymilvus; print(pymilvus.__version__)']);
  return r.ok ? r.stdout.trim() : undefined;
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return undefined;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

async function withLock(fn, log) {
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner;
      try {
        owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
      } catch {
        // the owner has not written its pid yet, or just released the lock
      }
      const age = (() => {
        try {
          return Date.now() - statSync(LOCK).mtimeMs;
        } catch {
          return 0;
        }
      })();
      if ((owner && !pidAlive(owner)) || (!owner && age > 10_000)) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`timed out waiting for ${LOCK} (held by pid ${owner ?? '?'})`);
      if (!announced) log(`python-env: waiting for another setup (pid ${owner ?? '?'}) to finish`);
      announced = true;
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Makes sure conformance/.venv holds the pinned requirements.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ python: string, pymilvus: string, cached: boolean, seconds: number }>}
 */
export async function ensurePythonEnv(options = {}) {
  const log = options.log ?? ((line) => console.error(line));
  const t0 = Date.now();
  const requirements = readFileSync(REQUIREMENTS, 'utf8');
  const hash = createHash('sha256').update(requirements).digest('hex');
  const pin = pinnedPymilvus(requirements);
  const fresh = () => {
    const stamp = readStamp();
    return stamp && stamp.requirements === hash && existsSync(VENV_PYTHON) && installedPymilvus() === pin ? stamp : undefined;
  };
  const done = (cached) => ({ python: VENV_PYTHON, pymilvus: pin, cached, seconds: (Date.now() - t0) / 1000 });
  // Fast path, no lock, no network: the stamp matches and the venv imports the pinned pymilvus.
  if (fresh()) return done(true);
  return withLock(async () => {
    if (fresh()) return done(true); // another process finished the setup while we waited
    const base = baseInterpreter();
    log(`python-env: creating ${VENV} with ${base.python} (Python ${base.version}) and installing ${REQUIREMENTS}`);
    mkdirSync(dirname(VENV), { recursive: true });
    rmSync(STAMP, { force: true });
    const venv = run(base.python, ['-m', 'venv', '--clear', VENV]);
    if (!venv.ok) throw new Error(`${base.python} -m venv ${VENV} failed (exit ${venv.status}): ${(venv.stderr || venv.stdout).trim() || venv.error?.message}`);
    const pip = run(VENV_PYTHON, ['-m', 'pip', 'install', '--no-input', '--disable-pip-version-check', '--no-deps', '--progress-bar', 'off', '-r', REQUIREMENTS]);
    if (!pip.ok) throw new Error(`pip install -r ${REQUIREMENTS} failed (exit ${pip.status}): ${(pip.stderr || pip.stdout).trim().split('\n').slice(-15).join('\n')}`);
    const got = installedPymilvus();
    if (got !== pin) {
      const why = run(VENV_PYTHON, ['-c', 'import pymilvus']);
      throw new Error(`after installing, the venv imports pymilvus ${got ?? '(none)'}, not ${pin}: ${why.stderr.trim().split('\n').slice(-3).join(' ')}`);
    }
    writeFileSync(STAMP, `${JSON.stringify({ requirements: hash, pymilvus: pin, python: base.version, createdAt: new Date().toISOString() }, null, 2)}\n`);
    const result = done(false);
    log(`python-env: installed pymilvus ${pin} in ${result.seconds.toFixed(1)} s`);
    return result;
  }, log);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  ensurePythonEnv()
    .then((r) => {
      if (!r.cached) console.error(`python-env: ready (${r.seconds.toFixed(1)} s)`);
      console.log(r.python);
    })
    .catch((e) => {
      console.error(`python-env: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    });
}
