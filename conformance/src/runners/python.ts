import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CodeBlock } from '../extract.js';
import { correctedCode, correctionsText, matchOutput, render, resolveErratum, type Erratum } from '../match.js';
import { JsonLinesProcess } from './json-lines.js';
import type { BlockResult, FixtureStep, Outcome } from './node.js';

/** The script that creates the venv (`conformance/.venv`) with the pinned pymilvus. */
export const PYTHON_ENV_SCRIPT = fileURLToPath(new URL('../../scripts/python-env.mjs', import.meta.url));
/** The driver that runs a page's blocks in one Python process. */
export const PYTHON_DRIVER = fileURLToPath(new URL('../../python/driver.py', import.meta.url));
/** The pymilvus 1.x client the runner predefines as `milvus` for pages written against the 1.x API (see {@link prelude1x}). */
export const PYMILVUS_1X_CLIENT = fileURLToPath(new URL('../../python/pymilvus1x_client.py', import.meta.url));
/** The runner's name in reports. */
export const PYMILVUS = 'pymilvus';

/** A ready Python environment: the venv's interpreter and the pymilvus it imports. */
export interface PythonEnv {
  python: string;
  pymilvus: string;
}

/**
 * Creates (or finds, cached by the requirements' hash) a venv with its pinned pymilvus by
 * running `conformance/scripts/python-env.mjs`. Network only when the venv is missing or stale.
 *
 * @param options.name `runner` (default: `conformance/.venv`, the Python runner's pymilvus) or
 *   `milvus-2.3` (`conformance/.cache/milvus-2.3`: the embedded Milvus 2.3.5 and pymilvus 2.3.7),
 *   `milvus-cli` (`conformance/.cache/milvus-cli`: milvus_cli and its pymilvus 2.5), or
 *   `pymilvus-1.x` (`conformance/.cache/pymilvus-1.x`: pymilvus 1.1.2, imported as `milvus`).
 * @throws Error with the script's reason (no python3, no venv module, pip failed, …).
 */
export async function ensurePythonEnv(options: { timeout?: number; name?: 'runner' | 'milvus-2.3' | 'milvus-cli' | 'pymilvus-1.x' } = {}): Promise<PythonEnv> {
  const python = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [PYTHON_ENV_SCRIPT, options.name ?? 'runner'], { timeout: options.timeout ?? 600_000, maxBuffer: 16 << 20, env: { ...process.env, PIP_NO_INPUT: '1' } }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`could not set up the Python environment (${PYTHON_ENV_SCRIPT}): ${stderr.trim() || error.message}`));
      resolve(stdout.trim().split('\n').pop()!);
    });
  });
  const version = await new Promise<string>((resolve, reject) => {
    // pymilvus 1.x is imported as `milvus` (the milvus-2.3 venv's `milvus` is the server package).
    const module = options.name === 'pymilvus-1.x' ? 'milvus' : 'pymilvus';
    execFile(python, ['-c', `import ${module}; print(${module}.__version__)`], (error, stdout, stderr) => (error ? reject(new Error(`${python} cannot import ${module}: ${stderr.trim()}`)) : resolve(stdout.trim())));
  });
  return { python, pymilvus: version };
}

/** The server the Python blocks run against. */
export interface PythonTarget {
  /** `http://host:port` (the gRPC port; pymilvus's `uri`). */
  uri: string;
  /** Token or `user:password`; the docs' `root:Milvus` is replaced by it. */
  token: string;
}

/**
 * The names of the pymilvus 1.x API (`from milvus import Milvus, MetricType, IndexType`,
 * `milvus = Milvus(host, port)`) that the docs use without importing or creating them.
 */
export const PYMILVUS_1X_NAMES: readonly string[] = ['Milvus', 'MetricType', 'IndexType'];

/**
 * Whether a page's Python blocks are written against the pymilvus 1.x API: one uses a name of
 * {@link PYMILVUS_1X_NAMES} or calls a method of a `milvus` client (`milvus.create_collection(…)`),
 * and none mentions pymilvus 2.x (`pymilvus`, `MilvusClient`, `connections`). Such a page runs
 * in the pymilvus 1.x environment against the target's Milvus 1.x protocol.
 */
export function usesPymilvus1x(blocks: readonly CodeBlock[]): boolean {
  const legacy = blocks.some((b) => PYMILVUS_1X_NAMES.some((n) => uses(b.code, n)) || /(?<![\w.])milvus\.\w+\s*\(/.test(b.code));
  return legacy && !blocks.some((b) => /\b(?:pymilvus|MilvusClient|connections)\b/.test(b.code));
}

/** A change made to a documented block before it ran, or a name the runner predefined for it. */
export interface PythonRewrite {
  /** 1-based line of the block (0: not a line of the block, e.g. a predefined name). */
  line: number;
  from: string;
  to: string;
}

/**
 * Points a documented block at the target: the documented endpoint in string literals
 * (`http://localhost:19530`, `localhost:19530`, `127.0.0.1` forms) becomes the target's URI, an
 * ORM `host="localhost"` / `port="19530"` pair the target's host and port, and `root:Milvus` the
 * target's token. Doctest prompts (`>>> `, `... `) are removed. Every change is returned.
 */
export function rewritePythonBlock(code: string, target: PythonTarget): { script: string; rewrites: PythonRewrite[] } {
  const rewrites: PythonRewrite[] = [];
  const url = new URL(target.uri);
  const doctest = /^\s*>>>( |$)/m.test(code);
  let prompts = 0;
  const lines = code.split('\n').map((line, i) => {
    let out = line;
    const swap = (pattern: RegExp, to: (m: string) => string) => {
      out = out.replace(pattern, (m: string) => {
        const t = to(m);
        if (t !== m) rewrites.push({ line: i + 1, from: m, to: t });
        return t;
      });
    };
    if (doctest) {
      const stripped = out.replace(/^\s*(?:>>>|\.\.\.)(?: |$)/, '');
      if (stripped !== out) {
        prompts++;
        out = stripped;
      } else if (out.trim() && !out.trim().startsWith('#')) out = `# ${out.trim()}`; // a doctest output line (documented, not code)
    }
    swap(/(?<=["'])(?:https?:\/\/)?(?:localhost|127\.0\.0\.1):19530(?=["'/])/g, (m) => (/^https?:/.test(m) ? target.uri : url.host));
    swap(/(?<=\bhost\s*=\s*["'])(?:localhost|127\.0\.0\.1)(?=["'])/g, () => url.hostname);
    swap(/(?<=\bport\s*=\s*["']?)19530(?=["']?)/g, () => url.port || '19530');
    swap(/(?<=["'])root:Milvus(?=["'])/g, () => target.token);
    return out;
  });
  if (prompts) rewrites.unshift({ line: 0, from: 'doctest prompts (>>> / ...)', to: `removed from ${prompts} line(s)` });
  return { script: lines.join('\n'), rewrites };
}

/** One answer of the driver for one block. */
export interface DriverResult {
  ok: boolean;
  stdout: string;
  printed: { value: unknown; text: string }[];
  error?: { type: string; message: string; code?: number; milvus_message?: string; name?: string; api?: string; line?: number };
}

/** A Python process running one page's blocks (`python/driver.py`). */
class Driver {
  private readonly process: JsonLinesProcess;
  readonly ready: Promise<{ python: string; pymilvus: string | null; importError: string | null }>;

  constructor(python: string) {
    this.process = new JsonLinesProcess(python, ['-u', PYTHON_DRIVER], 'Python', { ...process.env, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' });
    this.ready = this.process.next(60_000) as Promise<{ python: string; pymilvus: string | null; importError: string | null }>;
  }

  /** Runs code in the page's namespace. */
  async run(code: string, filename: string, timeout: number): Promise<DriverResult> {
    return (await this.process.ask({ code, filename }, timeout)) as DriverResult;
  }

  close(): Promise<void> {
    return this.process.close();
  }

  kill(): void {
    this.process.kill();
  }
}

/** Options of {@link runPythonPage}. */
export interface PythonPageOptions {
  target: PythonTarget;
  /** The venv; when absent (setup failed), every block fails with `envError`. */
  env?: PythonEnv;
  /** Why the Python environment could not be set up. */
  envError?: string;
  /** The setup the page assumes (its fixture), run before the first block. */
  setup: () => Promise<void>;
  /** The page's fixture steps: their collection is predefined as `collection` (see {@link prelude}). */
  fixture: readonly FixtureStep[];
  errata: readonly Erratum[];
  /** The pymilvus 1.x venv (`pymilvus-1.x`), for a page written against the 1.x API (see {@link usesPymilvus1x}). */
  env1x?: PythonEnv;
  /** Why the pymilvus 1.x environment could not be set up. */
  env1xError?: string;
  /** Per-block time limit, ms. Default 30 000. */
  blockTimeout?: number;
}

const py = (s: string) => JSON.stringify(s);
const assigns = (blocks: readonly CodeBlock[], name: string) => blocks.some((b) => new RegExp(`^\\s*(?:>>>\\s*)?${name}\\s*=`, 'm').test(b.code));
const uses = (code: string, name: string) => new RegExp(`\\b${name}\\b`).test(code);

/**
 * What a reader of the page has from the pages before it, which the page's blocks use without
 * creating: the ORM's `default` connection to the target (when a block uses the ORM —
 * `Collection`, `Partition`, `utility`, `collection` — and none calls `connections.connect`),
 * `client`, a `MilvusClient` on the target, and `collection`, the ORM `Collection` of the page's
 * fixture (each when a block uses the name and none assigns it). Each predefined name is reported
 * as a rewrite of the first block that uses it.
 */
export function prelude(blocks: readonly CodeBlock[], fixture: readonly FixtureStep[], target: PythonTarget): { code: string; names: { name: string; code: string }[] } {
  const names: { name: string; code: string }[] = [];
  const code: string[] = [];
  const used = (name: string) => blocks.some((b) => uses(b.code, name)) && !assigns(blocks, name);
  const created = [...fixture].reverse().find((s) => s.op === 'createCollection')?.args.collection_name;
  const predefineCollection = typeof created === 'string' && used('collection');
  const orm = predefineCollection || blocks.some((b) => /\b(?:Collection|Partition|utility)\b/.test(b.code));
  if (orm && !blocks.some((b) => /connections\.connect\s*\(/.test(b.code))) {
    code.push(`from pymilvus import connections as __mvkit_connections\n__mvkit_connections.connect(alias="default", uri=${py(target.uri)}, token=${py(target.token)})`);
  }
  if (used('client')) {
    code.push(`from pymilvus import MilvusClient as __mvkit_MilvusClient\nclient = __mvkit_MilvusClient(uri=${py(target.uri)}, token=${py(target.token)})`);
    names.push({ name: 'client', code: `client = MilvusClient(uri=${py(target.uri)}, token=${py(target.token)})` });
  }
  if (predefineCollection) {
    code.push(`from pymilvus import Collection as __mvkit_Collection\ncollection = __mvkit_Collection(${py(created)})`);
    names.push({ name: 'collection', code: `collection = Collection(${py(created)})` });
  }
  return { code: code.join('\n'), names };
}

/**
 * What a page written against the pymilvus 1.x API assumes (see {@link usesPymilvus1x}): the names
 * of {@link PYMILVUS_1X_NAMES} it uses, imported from `milvus`, and `milvus`, a `Milvus` client
 * on the target's host and gRPC port (when a block uses it and none assigns it). pymilvus 1.x
 * answers a refusal with a `Status` instead of raising, so this client (`python/pymilvus1x_client.py`)
 * raises `Milvus1xStatusError` on a call whose answer (or first item of its answer) is a non-OK
 * Status: a refused call fails its block. Each predefined name is reported as a rewrite.
 */
export function prelude1x(blocks: readonly CodeBlock[], target: PythonTarget): { code: string; names: { name: string; code: string }[] } {
  const url = new URL(target.uri);
  const [host, port] = [url.hostname, Number(url.port || '19530')];
  const names: { name: string; code: string }[] = [];
  const imported = PYMILVUS_1X_NAMES.filter((n) => blocks.some((b) => uses(b.code, n)) && !assigns(blocks, n));
  const code: string[] = [];
  if (imported.length) {
    code.push(`from milvus import ${imported.join(', ')}`);
    names.push(...imported.map((n) => ({ name: n, code: `from milvus import ${n}` })));
  }
  if (blocks.some((b) => uses(b.code, 'milvus')) && !assigns(blocks, 'milvus')) {
    code.push(`from runpy import run_path as __mvkit_run_path\nmilvus = __mvkit_run_path(${py(PYMILVUS_1X_CLIENT)})["checked"](${py(host)}, ${port})`);
    names.push({ name: 'milvus', code: `milvus = Milvus(${py(host)}, ${port}) (pymilvus 1.x; a non-OK Status raises Milvus1xStatusError)` });
  }
  return { code: code.join('\n'), names };
}

/**
 * Runs the Python blocks of one page in page order with pymilvus against the target, in one
 * Python process (`python/driver.py`) so that names persist from block to block, after the page's
 * setup; checks each block's documented outputs against what it printed. A page written against
 * the pymilvus 1.x API runs with pymilvus 1.x (`options.env1x`) and {@link prelude1x}.
 */
export async function runPythonPage(page: string, blocks: readonly CodeBlock[], options: PythonPageOptions): Promise<BlockResult[]> {
  const result = (block: CodeBlock, outcome: Outcome, detail: string, rewrites: PythonRewrite[] = []): BlockResult => ({
    page,
    language: block.language,
    block: block.languageIndex,
    client: PYMILVUS,
    outcome,
    detail,
    ...(rewrites.length ? { rewrites: rewrites.map((r) => (r.line ? `line ${r.line}: ${r.from} → ${r.to}` : `${r.from} → ${r.to}`)) } : {}),
  });
  const legacy = usesPymilvus1x(blocks);
  const env = legacy ? options.env1x : options.env;
  const envError = legacy ? (options.env1xError ?? 'the pymilvus 1.x environment was not set up (PythonPageOptions.env1x)') : options.envError;
  if (!env) return blocks.map((b) => result(b, 'fail', `no Python environment${legacy ? ' for the pymilvus 1.x API' : ''}: ${envError ?? 'not set up'}`));
  try {
    await options.setup();
  } catch (e) {
    return blocks.map((b) => result(b, 'fail', `page fixture failed: ${(e as Error).message}`));
  }
  const timeout = options.blockTimeout ?? 30_000;
  const driver = new Driver(env.python);
  const out: BlockResult[] = [];
  try {
    const ready = await driver.ready;
    if (ready.importError) return blocks.map((b) => result(b, 'fail', `pymilvus does not import: ${ready.importError}`));
    const pre = legacy ? prelude1x(blocks, options.target) : prelude(blocks, options.fixture, options.target);
    if (pre.code) {
      const r = await driver.run(pre.code, `${page}#python-prelude`, timeout);
      if (!r.ok) return blocks.map((b) => result(b, 'fail', `the runner's prelude failed (${pre.code.replace(/\n/g, '; ')}): ${errorText(r.error!)}`));
    }
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      // A block whose code has an erratum runs corrected (and is reported as the doc error it is).
      const { code, corrections } = correctedCode(options.errata, { page, language: block.language, block: block.languageIndex, client: PYMILVUS }, block.code);
      const { script, rewrites } = rewritePythonBlock(code, options.target);
      for (const n of pre.names) if (uses(block.code, n.name) && !blocks.slice(0, i).some((b) => uses(b.code, n.name))) rewrites.push({ line: 0, from: 'predefined', to: n.code });
      let answer: DriverResult;
      try {
        answer = await driver.run(script, `${page}#python-${block.languageIndex}`, timeout);
      } catch (e) {
        driver.kill();
        out.push(result(block, 'fail', (e as Error).message, rewrites));
        for (const rest of blocks.slice(i + 1)) out.push(result(rest, 'fail', `not run: the Python process was stopped after python#${block.languageIndex} (${(e as Error).message})`));
        return out;
      }
      const [outcome, detail] = answer.ok ? checkPrinted(block, answer, options.errata) : failureOf(answer.error!, env.pymilvus);
      if (!corrections.length) out.push(result(block, outcome, detail, rewrites));
      else if (outcome === 'pass' || outcome === 'doc-error') out.push(result(block, 'doc-error', `as documented the block cannot run with any pymilvus: ${corrections.map((e) => e.reason).join(' ')} With the correction ${correctionsText(corrections)} it ran against the target: ${detail}`, rewrites));
      else out.push(result(block, 'fail', `even with the correction ${correctionsText(corrections)}: ${detail}`, rewrites));
    }
    return out;
  } catch (e) {
    return [...out, ...blocks.slice(out.length).map((b) => result(b, 'fail', `the Python driver failed: ${(e as Error).message}`))];
  } finally {
    await driver.close();
  }
}

/** An exception as text: `MilvusException (code 100): <message>`, `TypeError: …`. */
function errorText(error: NonNullable<DriverResult['error']>): string {
  const where = error.line ? ` at line ${error.line}` : '';
  if (error.code !== undefined) return `raised ${error.type} (code ${error.code})${where}: ${error.milvus_message ?? error.message}`;
  return `raised ${error.type}${where}: ${error.message}`;
}

/** Outcome of a block that raised: n/a when it uses an API no installable pymilvus has, else a failure. */
function failureOf(error: NonNullable<DriverResult['error']>, version: string): [Outcome, string] {
  if (error.api) return ['n/a', `not part of the pymilvus ${version} API (${error.type}: ${error.api}); no pymilvus release offers it`];
  return ['fail', errorText(error)];
}

/** Compares the values a block printed with the outputs it documents, with the errata (as the Node runner does). */
export function checkPrinted(block: CodeBlock, answer: Pick<DriverResult, 'printed'>, errata: readonly Erratum[]): [Outcome, string] {
  const documented = block.documentedOutputs;
  if (documented.length === 0) return ['pass', answer.printed.length ? `ran without error, printed ${render(answer.printed.map((p) => p.value))}` : 'ran without error'];
  if (answer.printed.length < documented.length) return ['fail', `documents ${documented.length} output(s) but printed ${answer.printed.length}`];
  const printed = answer.printed.slice(answer.printed.length - documented.length);
  const notes: string[] = [];
  let docError: string | undefined;
  for (let i = 0; i < documented.length; i++) {
    const doc = documented[i]!;
    const actual = printed[i]!;
    const direct = matchOutput(doc.value, actual.value);
    if (direct.ok || doc.text === actual.text.trim()) {
      notes.push(`output matches${direct.ok && direct.via ? ` (${direct.via})` : ''}`);
      continue;
    }
    const fix = resolveErratum(errata, { page: block.page, language: block.language, block: block.languageIndex, client: PYMILVUS }, [doc.value], (expected) => matchOutput(expected, actual.value).ok);
    if (!fix) return ['fail', `${direct.ok ? '' : direct.detail}; printed text: ${actual.text.slice(0, 200)}`];
    if (fix.kind === 'doc-error') docError = `documented ${render(doc.value)} is unreachable: printed ${render(actual.value)} as the target answered. ${fix.reason}`;
    else notes.push(`output matches the erratum ${render(fix.expected)} for documented ${render(doc.value)}: ${fix.reason}`);
  }
  return docError ? ['doc-error', docError] : ['pass', notes.join('; ')];
}
