#!/usr/bin/env node
// Creates (idempotently) a Python environment of the conformance suite, every package pinned and
// installed with --no-deps (nothing is resolved beyond the requirements file). Two environments:
// - `runner` (default): conformance/.venv with conformance/python/requirements.txt, the pymilvus
//   the Python runner replays the documentation with;
// - `milvus-2.3`: conformance/.cache/milvus-2.3/venv with python/requirements-milvus-2.3.txt, the
//   embedded Milvus 2.3.5 server package and pymilvus 2.3.7 (the real-server target and the
//   differential test; conformance/src/real-milvus.ts);
// - `milvus-cli`: conformance/.cache/milvus-cli/venv with python/requirements-milvus-cli.txt, the
//   milvus_cli (and its pymilvus 2.5) the milvus_cli runner replays the shell blocks with
//   (conformance/src/runners/milvus-cli.ts);
// - `pymilvus-1.x`: conformance/.cache/pymilvus-1.x/venv with python/requirements-pymilvus-1.x.txt,
//   pymilvus 1.1.2 (module `milvus`), the client of the Milvus 1.x protocol: its tests and the
//   Python runner's blocks written against the 1.x API.
//
// Cached: a stamp file in the venv holds the SHA-256 of the requirements and the base
// interpreter's version; when it matches and the venv's python imports the pinned pymilvus,
// nothing is run and nothing touches the network. Otherwise the venv is recreated (--clear) and
// the requirements installed. Concurrent runs (parallel test files, a replay beside a test) wait
// on a lock directory; a lock left by a dead process is taken over.
//
// Non-interactive (PIP_NO_INPUT, no version check, no prompts). Interpreter: $MVKIT_PYTHON, else
// python3, else python. `node python-env.mjs [runner|milvus-2.3|milvus-cli|pymilvus-1.x]`: exit 0 and the venv's
// interpreter path on the last stdout line, or exit 1 with the reason on stderr.
//
// Also importable: `ensurePythonEnv({ name, log })` resolves to { python, pymilvus, cached } or throws.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const isWindows = process.platform === 'win32';
const LOCK_WAIT_MS = 600_000;

/** Where the milvus-2.3 environment unpacks the Milvus binaries (`bin/milvus` and its libraries). */
export const MILVUS_23_BASE = join(ROOT, '.cache', 'milvus-2.3');

/**
 * The environments by name: venv directory, requirements file, the modules whose `__version__`
 * must equal their pin (`module==version` in the requirements, or `distribution==version` with
 * `distributions`, the distribution name of each module, where the two differ) for the venv to count as ready,
 * and an optional setup step (Python code run by the venv's interpreter after the install, part
 * of the cached work) with the file it leaves behind.
 */
export const ENVS = {
  runner: { venv: join(ROOT, '.venv'), requirements: join(ROOT, 'python', 'requirements.txt'), modules: ['pymilvus'] },
  'milvus-2.3': {
    venv: join(MILVUS_23_BASE, 'venv'),
    requirements: join(ROOT, 'python', 'requirements-milvus-2.3.txt'),
    modules: ['pymilvus', 'milvus'],
    // The package's own unpacking of its lzma-packed binaries into <base>/bin (md5-stamped).
    setup: { code: 'import sys, milvus; milvus._initialize_data_files(sys.argv[1])', args: [MILVUS_23_BASE], leaves: join(MILVUS_23_BASE, 'bin', 'milvus') },
  },
  'milvus-cli': {
    venv: join(ROOT, '.cache', 'milvus-cli', 'venv'),
    requirements: join(ROOT, 'python', 'requirements-milvus-cli.txt'),
    modules: ['pymilvus'],
    // milvus_cli has no __version__: the setup imports its click app and records the installed
    // distribution's version, so a venv whose CLI does not import is never taken as ready.
    setup: {
      code: 'import sys, pathlib, importlib.metadata as md; import milvus_cli.scripts.milvus_client_cli; pathlib.Path(sys.argv[1]).write_text(md.version("milvus-cli"))',
      args: [join(ROOT, '.cache', 'milvus-cli', 'venv', 'milvus-cli.version')],
      leaves: join(ROOT, '.cache', 'milvus-cli', 'venv', 'milvus-cli.version'),
    },
  },
  'pymilvus-1.x': {
    venv: join(ROOT, '.cache', 'pymilvus-1.x', 'venv'),
    requirements: join(ROOT, 'python', 'requirements-pymilvus-1.x.txt'),
    // pymilvus 1.x is imported as `milvus`; its __version__ is the distribution's (pkg_resources).
    modules: ['milvus'],
    distributions: ['pymilvus'],
  },
};

/** A venv's interpreter. */
const venvPython = (venv) => (isWindows ? join(venv, 'Scripts', 'python.exe') : join(venv, 'bin', 'python'));

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

/** The pinned versions of `modules` in the requirements text, in order. */
function pins(text, file, modules) {
  return modules.map((m) => {
    const pin = new RegExp(`^${m}==([^\\s#]+)`, 'm').exec(text);
    if (!pin) throw new Error(`${file} does not pin ${m}==<version>`);
    return pin[1];
  });
}

/** The `__version__`s of `modules` as the venv imports them (space-separated), or undefined. */
function installedVersions(python, modules) {
  if (!existsSync(python)) return undefined;
  const r = run(python, ['-c', `import ${modules.join(', ')}; print(${modules.map((m) => `${m}.__version__`).join(', ')})`]);
  return r.ok ? r.stdout.trim() : undefined;
}

function readStamp(stamp) {
  try {
    return JSON.parse(readFileSync(stamp, 'utf8'));
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

async function withLock(lockDir, fn, log) {
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner;
      try {
        owner = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
      } catch {
        // the owner has not written its pid yet, or just released the lock
      }
      const age = (() => {
        try {
          return Date.now() - statSync(lockDir).mtimeMs;
        } catch {
          return 0;
        }
      })();
      if ((owner && !pidAlive(owner)) || (!owner && age > 10_000)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`timed out waiting for ${lockDir} (held by pid ${owner ?? '?'})`);
      if (!announced) log(`python-env: waiting for another setup (pid ${owner ?? '?'}) to finish`);
      announced = true;
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Makes sure the named environment's venv holds its pinned requirements.
 * @param {{ name?: string, spec?: (typeof ENVS)[keyof typeof ENVS], log?: (line: string) => void }} [options]
 *   `name` default `runner`, one of {@link ENVS}; or, with `spec`, an environment of the caller's
 *   own in the same terms (e.g. the server benchmark's milvus-lite), named `name` in messages.
 * @returns {Promise<{ python: string, pymilvus: string, cached: boolean, seconds: number }>}
 */
export async function ensurePythonEnv(options = {}) {
  const log = options.log ?? ((line) => console.error(line));
  const name = options.name ?? 'runner';
  const spec = options.spec ?? ENVS[name];
  if (!spec) throw new Error(`no Python environment named ${name} (one of ${Object.keys(ENVS).join(', ')})`);
  const { venv, requirements: requirementsFile, modules, distributions = modules, setup } = spec;
  const python = venvPython(venv);
  const stampFile = join(venv, '.mvkit-stamp.json');
  const lockDir = `${venv}.lock`;
  const t0 = Date.now();
  const requirements = readFileSync(requirementsFile, 'utf8');
  const hash = createHash('sha256').update(requirements).digest('hex');
  const pinned = pins(requirements, requirementsFile, distributions);
  const fresh = () => {
    const stamp = readStamp(stampFile);
    return stamp && stamp.requirements === hash && (!setup || existsSync(setup.leaves)) && installedVersions(python, modules) === pinned.join(' ') ? stamp : undefined;
  };
  const done = (cached) => ({ python, pymilvus: pinned[0], cached, seconds: (Date.now() - t0) / 1000 });
  // Fast path, no lock, no network: the stamp matches and the venv imports the pinned pymilvus.
  if (fresh()) return done(true);
  mkdirSync(dirname(venv), { recursive: true });
  return withLock(lockDir, async () => {
    if (fresh()) return done(true); // another process finished the setup while we waited
    const base = baseInterpreter();
    log(`python-env: creating ${venv} with ${base.python} (Python ${base.version}) and installing ${requirementsFile}`);
    rmSync(stampFile, { force: true });
    const created = run(base.python, ['-m', 'venv', '--clear', venv]);
    if (!created.ok) throw new Error(`${base.python} -m venv ${venv} failed (exit ${created.status}): ${(created.stderr || created.stdout).trim() || created.error?.message}`);
    const pip = run(python, ['-m', 'pip', 'install', '--no-input', '--disable-pip-version-check', '--no-deps', '--progress-bar', 'off', '-r', requirementsFile]);
    if (!pip.ok) throw new Error(`pip install -r ${requirementsFile} failed (exit ${pip.status}): ${(pip.stderr || pip.stdout).trim().split('\n').slice(-15).join('\n')}`);
    const got = installedVersions(python, modules);
    if (got !== pinned.join(' ')) {
      const why = run(python, ['-c', `import ${modules.join(', ')}`]);
      throw new Error(`after installing, the venv imports ${modules.join(' ')} ${got ?? '(none)'}, not ${pinned.join(' ')}: ${why.stderr.trim().split('\n').slice(-3).join(' ')}`);
    }
    if (setup) {
      const step = run(python, ['-c', setup.code, ...setup.args]);
      if (!step.ok || !existsSync(setup.leaves)) throw new Error(`the setup step of ${name} (${setup.code}) failed (exit ${step.status}): ${(step.stderr || step.stdout).trim().split('\n').slice(-5).join('\n')}`);
    }
    writeFileSync(stampFile, `${JSON.stringify({ requirements: hash, versions: Object.fromEntries(modules.map((m, i) => [m, pinned[i]])), python: base.version, createdAt: new Date().toISOString() }, null, 2)}\n`);
    const result = done(false);
    log(`python-env: installed ${modules.map((m, i) => `${m} ${pinned[i]}`).join(', ')} in ${result.seconds.toFixed(1)} s`);
    return result;
  }, log);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  ensurePythonEnv({ name: process.argv[2] ?? 'runner' })
    .then((r) => {
      if (!r.cached) console.error(`python-env: ready (${r.seconds.toFixed(1)} s)`);
      console.log(r.python);
    })
    .catch((e) => {
      console.error(`python-env: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    });
}
