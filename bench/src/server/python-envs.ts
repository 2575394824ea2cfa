/**
 * The two Python environments of the server benchmark, both made by the project's one venv
 * maker, `conformance/scripts/python-env.mjs` (pinned requirements, `pip install --no-deps`,
 * cached by the requirements' hash, locked against concurrent setups):
 *
 * - `milvus-2.3` (`conformance/.cache/milvus-2.3/venv`): the embedded Milvus 2.3.5 server package
 *   and pymilvus 2.3.7, the client `workload.py` runs with against every target;
 * - `milvus-lite` (`bench/.cache/milvus-lite/venv`, `requirements-milvus-lite.txt`): milvus-lite
 *   3.2.2 and the pymilvus 3.0.2 whose gRPC stubs its server imports. The environment is the
 *   benchmark's own: its spec is passed to the script (`spec`) rather than listed in its `ENVS`.
 *
 * @packageDocumentation
 */
import { fileURLToPath } from 'node:url';

/** `conformance/scripts/python-env.mjs` (the same path from `src/server/` and `dist/server/`). */
const PYTHON_ENV = new URL('../../../conformance/scripts/python-env.mjs', import.meta.url);

/** What python-env.mjs needs to know of an environment (the shape of its `ENVS` entries). */
interface EnvSpec {
  venv: string;
  requirements: string;
  /** Modules whose `__version__` must equal their pin. */
  modules: string[];
  /** The distribution name of each module, where it differs. */
  distributions?: string[];
}

/** The part of python-env.mjs used here. */
interface PythonEnvModule {
  ensurePythonEnv(options: { name: string; spec?: EnvSpec; log?: (line: string) => void }): Promise<{ python: string; pymilvus: string }>;
}

/** A ready environment: its interpreter and the version of its first pinned module (pymilvus). */
export interface BenchPythonEnv {
  python: string;
  pymilvus: string;
}

/** The milvus-lite environment, in python-env.mjs's terms. */
const MILVUS_LITE_ENV: EnvSpec = {
  venv: fileURLToPath(new URL('../../.cache/milvus-lite/venv', import.meta.url)),
  requirements: fileURLToPath(new URL('../../src/server/requirements-milvus-lite.txt', import.meta.url)),
  modules: ['pymilvus', 'milvus_lite'],
  distributions: ['pymilvus', 'milvus-lite'],
};

/**
 * Makes sure the named environment exists (first use: a venv and `pip install`, network, ~1–3
 * min; then a stamp check only) and returns its interpreter.
 *
 * @param name - `milvus-2.3` (pymilvus 2.3.7, the workload's client; Milvus 2.3.5) or
 *   `milvus-lite` (milvus-lite 3.2.2's server).
 * @throws Error with python-env.mjs's reason (no python3, pip failed, …).
 */
export async function ensureBenchPythonEnv(name: 'milvus-2.3' | 'milvus-lite', log: (line: string) => void = (line) => console.error(line)): Promise<BenchPythonEnv> {
  const mod = (await import(PYTHON_ENV.href)) as PythonEnvModule;
  const { python, pymilvus } = await mod.ensurePythonEnv({ name, log, ...(name === 'milvus-lite' ? { spec: MILVUS_LITE_ENV } : {}) });
  return { python, pymilvus };
}
