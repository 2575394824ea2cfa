import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import type { CodeBlock } from '../extract.js';
import { compareJson, render, resolveErratum, type Erratum } from '../match.js';
import { BASH, parseCommand, splitCommands, type CurlRequest } from '../shell.js';
import type { BlockResult, Outcome } from './node.js';

/** The `curl` binary the blocks run with. */
export const CURL = '/usr/bin/curl';

/** The server the cURL blocks run against. */
export interface CurlTarget {
  /** `http://host:port` of the RESTful v2 API (Milvus: the gRPC port, 19530). */
  restUrl: string;
  /** `http://host:port` of the legacy `/api/v1` HTTP API (Milvus: 9091); legacy blocks fail without it. */
  legacyUrl?: string;
  /** Token or `user:password`; `TOKEN` is set to it and the docs' `root:Milvus` is replaced by it. */
  token: string;
}

/** A change the runner made to a documented block before running it. */
export interface Rewrite {
  /** 1-based line of the block. */
  line: number;
  from: string;
  to: string;
}

/** Endpoints the docs hard-code, and which API of the target each stands for. */
export const DOC_ENDPOINTS: readonly { pattern: RegExp; api: 'v2' | 'legacy' | 'by-path' }[] = [
  { pattern: /https?:\/\/(?:localhost|127\.0\.0\.1):19530/g, api: 'v2' },
  { pattern: /https?:\/\/(?:localhost|127\.0\.0\.1):9091/g, api: 'legacy' },
  { pattern: /(?<![\w/])(?:localhost|127\.0\.0\.1):19530/g, api: 'v2' },
  { pattern: /(?<![\w/])(?:localhost|127\.0\.0\.1):9091/g, api: 'legacy' },
  { pattern: /(?:https?:\/\/)?\$\{?MILVUS_HOST\}?:\$\{?MILVUS_PORT\}?/g, api: 'by-path' },
  { pattern: /(?:https?:\/\/)?\$\{?MILVUS_URI\}?/g, api: 'by-path' },
];
/** Credentials the docs hard-code. */
const DOC_TOKENS = ['root:Milvus'];

/**
 * Points a documented block at the target: hard-coded Milvus endpoints become the target's
 * RESTful v2 base (port 19530 style) or legacy base (port 9091 style; `${MILVUS_HOST}:${MILVUS_PORT}`
 * style addresses by the path that follows: `/api/v1` → legacy), and the docs' `root:Milvus`
 * becomes the target's token. Every change is returned.
 */
export function rewriteBlock(code: string, target: CurlTarget): { script: string; rewrites: Rewrite[] } {
  const rewrites: Rewrite[] = [];
  const lines = code.split('\n').map((line, i) => {
    let out = line;
    for (const { pattern, api } of DOC_ENDPOINTS) {
      out = out.replace(pattern, (match: string, offset: number, whole: string) => {
        const legacy = api === 'legacy' || (api === 'by-path' && whole.slice(offset + match.length).startsWith('/api/v1'));
        const to = legacy ? (target.legacyUrl ?? match) : target.restUrl;
        if (to !== match) rewrites.push({ line: i + 1, from: match, to });
        return to;
      });
    }
    for (const token of DOC_TOKENS) {
      if (target.token !== token && out.includes(token)) {
        out = out.split(token).join(target.token);
        rewrites.push({ line: i + 1, from: token, to: target.token });
      }
    }
    return out;
  });
  return { script: lines.join('\n'), rewrites };
}

/** Whether a block is a cURL example: a `curl` block, or a shell block that runs `curl`. */
export function isCurlBlock(block: CodeBlock): boolean {
  return block.language === 'curl' || (['bash', 'sh', 'shell', 'console'].includes(block.language) && /^\s*curl\b/m.test(block.code));
}

/** One answer to one `curl` command of a block. */
export interface CurlAnswer {
  /** The command as bash read it. */
  command: string;
  /** HTTP status (0 when there was no answer). */
  status: number;
  /** Exit code of curl (0 for the transport). */
  exit: number;
  /** The response body parsed as JSON, or undefined with `error`. */
  json?: unknown;
  error?: string;
}

/** Options shared by both runners. */
export interface CurlPageOptions {
  target: CurlTarget;
  /** Sets up the state the page assumes (the page's fixture); run before the first block. */
  setup: () => Promise<void>;
  errata: readonly Erratum[];
  /** Per-block time limit, ms. Default 30 000. */
  blockTimeout?: number;
}

type Result = (block: CodeBlock, outcome: Outcome, detail: string, rewrites?: Rewrite[]) => BlockResult;

function resultFor(page: string, runner: string): Result {
  return (block, outcome, detail, rewrites) => ({
    page,
    language: block.language,
    block: block.languageIndex,
    client: runner,
    outcome,
    detail,
    ...(rewrites && rewrites.length ? { rewrites: rewrites.map((r) => `line ${r.line}: ${r.from} → ${r.to}`) } : {}),
  });
}

/** Whether the curl binary is there; the reason when not. */
export function curlMissing(curl: string = CURL): string | undefined {
  try {
    accessSync(curl, constants.X_OK);
    return undefined;
  } catch {
    return `curl is not installed at ${curl}; the cURL blocks cannot run (install the curl package)`;
  }
}

/**
 * Runs the cURL blocks of one page in page order with the real `curl` (after the page's setup)
 * as bash scripts, with `CLUSTER_ENDPOINT` and `TOKEN` set to the target and the block rewritten
 * by {@link rewriteBlock}, and compares each answer with the JSON the block documents.
 */
export async function runCurlPage(page: string, blocks: readonly CodeBlock[], options: CurlPageOptions & { curl?: string }): Promise<BlockResult[]> {
  const result = resultFor(page, 'curl');
  const curl = options.curl ?? CURL;
  const missing = curlMissing(curl);
  if (missing) return blocks.map((b) => result(b, 'fail', missing));
  try {
    await options.setup();
  } catch (e) {
    return blocks.map((b) => result(b, 'fail', `page fixture failed: ${(e as Error).message}`));
  }
  const out: BlockResult[] = [];
  for (const block of blocks) {
    const { script, rewrites } = rewriteBlock(block.code, options.target);
    let answers: CurlAnswer[];
    try {
      answers = await runScript(script, options.target, curl, options.blockTimeout ?? 30_000);
    } catch (e) {
      out.push(result(block, 'fail', (e as Error).message, rewrites));
      continue;
    }
    const [outcome, detail] = checkAnswers(block, answers, 'curl', options.errata);
    out.push(result(block, outcome, detail, rewrites));
  }
  return out;
}

/** The REST transport's raw request: `RestTransport.request` of `@mvkit/transport-rest`. */
export interface RawRestClient {
  request(path: string, body: unknown, options?: { headers?: Record<string, string>; timeout?: number }): Promise<unknown>;
}

/**
 * Replays the cURL blocks of one page through the REST transport (after the page's setup): each
 * block's commands are split by bash and parsed into words with shell-quote (exports tracked,
 * `CLUSTER_ENDPOINT` and `TOKEN` preset to the target), and each RESTful v2 request is sent with
 * `RestTransport.request`; answers are compared as for curl. Blocks that call the legacy
 * `/api/v1` API are not applicable: the transport speaks RESTful v2 only.
 */
export async function runRestTransportPage(page: string, blocks: readonly CodeBlock[], options: CurlPageOptions & { transport: RawRestClient }): Promise<BlockResult[]> {
  const result = resultFor(page, 'rest-transport');
  const prepared: { block: CodeBlock; rewrites: Rewrite[]; plan?: { path: string; body: unknown; headers: Record<string, string>; command: string }[]; outcome?: [Outcome, string] }[] = [];
  const target = new URL(options.target.restUrl);
  for (const block of blocks) {
    const { script, rewrites } = rewriteBlock(block.code, options.target);
    const entry: (typeof prepared)[number] = { block, rewrites };
    prepared.push(entry);
    let commands: string[];
    try {
      commands = await splitCommands(script);
    } catch (e) {
      entry.outcome = ['fail', (e as Error).message];
      continue;
    }
    const env: Record<string, string> = { CLUSTER_ENDPOINT: options.target.restUrl, TOKEN: options.target.token };
    const plan: NonNullable<(typeof entry)['plan']> = [];
    for (const text of commands) {
      const cmd = parseCommand(text, env);
      if (cmd.kind === 'export') Object.assign(env, cmd.assignments);
      else if (cmd.kind === 'other') {
        entry.outcome = ['n/a', `${cmd.why}: ${oneLine(text)}`];
        break;
      } else {
        const planned = planRequest(cmd.request, target);
        if (typeof planned === 'string') {
          entry.outcome = [planned.startsWith('legacy') ? 'n/a' : 'fail', planned];
          break;
        }
        plan.push({ ...planned, command: text });
      }
    }
    if (!entry.outcome) entry.plan = plan;
  }
  if (prepared.every((p) => p.outcome)) return prepared.map((p) => result(p.block, ...p.outcome!, p.rewrites));
  try {
    await options.setup();
  } catch (e) {
    return prepared.map((p) => result(p.block, ...(p.outcome ?? (['fail', `page fixture failed: ${(e as Error).message}`] as [Outcome, string])), p.rewrites));
  }
  const out: BlockResult[] = [];
  for (const p of prepared) {
    if (p.outcome) {
      out.push(result(p.block, ...p.outcome, p.rewrites));
      continue;
    }
    const answers: CurlAnswer[] = [];
    let fault: string | undefined;
    for (const step of p.plan!) {
      try {
        answers.push({ command: step.command, status: 200, exit: 0, json: await options.transport.request(step.path, step.body, { headers: step.headers, timeout: options.blockTimeout ?? 30_000 }) });
      } catch (e) {
        fault = `RestTransport.request(${step.path}) failed: ${(e as Error).message}`;
        break;
      }
    }
    out.push(result(p.block, ...(fault ? (['fail', fault] as [Outcome, string]) : checkAnswers(p.block, answers, 'rest-transport', options.errata)), p.rewrites));
  }
  return out;
}

/** What the transport sends for a curl request, or why it cannot (a string; `legacy …` when not applicable). */
function planRequest(req: CurlRequest, target: URL): { path: string; body: unknown; headers: Record<string, string> } | string {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return `curl URL ${req.url} is not absolute`;
  }
  if (url.pathname.startsWith('/api/v1/')) return `legacy /api/v1 HTTP API (${req.method} ${url.pathname}): the REST transport speaks RESTful v2 only`;
  if (url.origin !== target.origin) return `curl URL ${req.url} is not on the target ${target.origin}`;
  if (req.method !== 'POST') return `${req.method} ${url.pathname}: RESTful v2 requests are POST, and so is the transport`;
  let body: unknown = {};
  if (req.body !== undefined) {
    try {
      body = JSON.parse(req.body);
    } catch (e) {
      return `the curl body is not JSON (${(e as Error).message})`;
    }
  }
  return { path: `${url.pathname}${url.search}`, body, headers: Object.fromEntries(req.headers) };
}

/** Runs a rewritten block with bash, `curl` being the real binary with a status trailer after each answer. */
async function runScript(script: string, target: CurlTarget, curl: string, timeout: number): Promise<CurlAnswer[]> {
  const commands = (await splitCommands(script)).filter((c) => /^\s*curl\b/.test(c));
  const mark = `MVKIT-CURL-${randomUUID()}`;
  // The block's own `curl` calls go to the real binary with their arguments unchanged, plus
  // --silent --show-error and a trailer carrying the HTTP status and curl's exit code.
  const preamble = `curl() { ${JSON.stringify(curl)} --silent --show-error --write-out "\\n${mark} status %{http_code}\\n" "$@"; local rc=$?; printf '\\n%s exit %d\\n' "${mark}" "$rc"; printf '\\n%s end\\n' "${mark}" >&2; return $rc; }`;
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    const child = execFile(
      BASH,
      ['--norc', '--noprofile', '-c', `${preamble}\n${script}\n`],
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', CLUSTER_ENDPOINT: target.restUrl, TOKEN: target.token }, timeout, maxBuffer: 64 << 20 },
      (error, out, err) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new Error(`${BASH} not found on PATH`));
        if (error && error.killed) return reject(new Error(`timed out after ${timeout} ms`));
        resolve({ stdout: out, stderr: err });
      },
    );
    child.stdin?.end();
  });
  return parseRun(stdout, stderr, mark, commands);
}

/** Splits the output of a block run into one answer per curl call (`commands`: the calls' source text, in order). */
export function parseRun(stdout: string, stderr: string, mark: string, commands: readonly string[] = []): CurlAnswer[] {
  const answers: CurlAnswer[] = [];
  const errors = stderr.split(`\n${mark} end\n`);
  const re = new RegExp(`([\\s\\S]*?)(?:\\n${mark} status (\\d+)\\n)?\\n${mark} exit (\\d+)\\n`, 'g');
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(stdout))) {
    const body = m[1]!;
    const answer: CurlAnswer = { command: commands[i] ?? `curl #${i + 1}`, status: Number(m[2] ?? 0), exit: Number(m[3]) };
    if (answer.exit !== 0) answer.error = `curl exited ${answer.exit}: ${(errors[i] ?? '').trim() || '(no message)'}`;
    else {
      try {
        answer.json = JSON.parse(body);
      } catch {
        answer.error = `HTTP ${answer.status}, body is not JSON: ${body.slice(0, 200)}`;
      }
    }
    answers.push(answer);
    i++;
  }
  if (answers.length === 0 && stderr.trim()) throw new Error(`the block failed before any curl call: ${stderr.trim().slice(0, 300)}`);
  return answers;
}

/** The failure an answer carries (`code` or legacy `error_code` not success), if any. */
export function failureOf(json: unknown): string | undefined {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const r = json as Record<string, unknown>;
  const failedCode = typeof r.code === 'number' && r.code !== 0 && !(r.code === 200 && 'data' in r);
  const failedLegacy = r.error_code !== undefined && r.error_code !== 0 && r.error_code !== 'Success';
  return failedCode || failedLegacy ? render(json) : undefined;
}

/** Checks a block's answers against its documented outputs (by the command each follows), with the errata. */
export function checkAnswers(block: CodeBlock, answers: readonly CurlAnswer[], runner: string, errata: readonly Erratum[]): [Outcome, string] {
  const documented = block.documentedOutputs;
  const notes: string[] = [];
  let docError: string | undefined;
  if (answers.length === 0) return ['fail', 'the block made no curl call'];
  for (let c = 0; c < answers.length; c++) {
    const answer = answers[c]!;
    const what = `call ${c + 1} (${oneLine(answer.command).slice(0, 100)})`;
    if (answer.error) return ['fail', `${what}: ${answer.error}`];
    if (answer.status >= 300) return ['fail', `${what}: HTTP ${answer.status} ${render(answer.json)}`];
    const docs = documented.filter((d, i) => (d.command ?? i) === c);
    if (docs.length === 0) {
      const failed = failureOf(answer.json);
      if (failed) return ['fail', `${what}: failed: ${failed}`];
      notes.push(`call ${c + 1}: no documented output, succeeded ${render(answer.json)}`);
      continue;
    }
    for (const doc of docs) {
      const direct = compareJson(doc.value, answer.json);
      if (direct.ok) {
        notes.push(`call ${c + 1}: output matches`);
        continue;
      }
      const fix = resolveErratum(errata, { page: block.page, language: block.language, block: block.languageIndex, client: runner }, [doc.value], (expected) => compareJson(expected, answer.json).ok);
      if (!fix) return ['fail', `${what}: ${direct.detail}`];
      if (fix.kind === 'doc-error') docError = `call ${c + 1}: documented ${render(doc.value)} is unreachable: answered ${render(answer.json)} as the target answered. ${fix.reason}`;
      else notes.push(`call ${c + 1}: output matches the erratum ${render(fix.expected)}: ${fix.reason}`);
    }
  }
  const unmatched = documented.filter((d, i) => (d.command ?? i) >= answers.length);
  if (unmatched.length) return ['fail', `documents ${documented.length} output(s) but made ${answers.length} call(s)`];
  return docError ? ['doc-error', docError] : ['pass', notes.join('; ')];
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
