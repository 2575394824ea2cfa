import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeBlock } from '../extract.js';
import { correctedCode, correctionsText, type Erratum } from '../match.js';
import { JsonLinesProcess } from './json-lines.js';
import type { BlockResult, Outcome } from './node.js';
import { ensurePythonEnv } from './python.js';

/** The runner's name in reports. */
export const MILVUS_CLI = 'milvus_cli';
/** The driver that runs a page's commands in one milvus_cli session. */
export const MILVUS_CLI_DRIVER = fileURLToPath(new URL('../../python/milvus_cli_driver.py', import.meta.url));

/** A ready milvus_cli: the venv's interpreter and the versions it imports. */
export interface MilvusCliEnv {
  python: string;
  milvusCli: string;
  pymilvus: string;
}

/**
 * Creates (or finds) the `milvus-cli` venv (`conformance/.cache/milvus-cli/venv`, pinned by
 * `python/requirements-milvus-cli.txt`) and reads the milvus_cli version it installed.
 * @throws Error with the reason (no python3, pip failed, the CLI does not import, …).
 */
export async function ensureMilvusCliEnv(options: { timeout?: number } = {}): Promise<MilvusCliEnv> {
  const env = await ensurePythonEnv({ name: 'milvus-cli', ...(options.timeout !== undefined ? { timeout: options.timeout } : {}) });
  const milvusCli = await new Promise<string>((resolve, reject) => {
    execFile(env.python, ['-c', 'import importlib.metadata as m; print(m.version("milvus-cli"))'], (error, stdout, stderr) => (error ? reject(new Error(`${env.python} has no milvus-cli: ${stderr.trim()}`)) : resolve(stdout.trim())));
  });
  return { python: env.python, milvusCli, pymilvus: env.pymilvus };
}

/** The server the commands run against. */
export interface MilvusCliTarget {
  /** `http://host:port` (milvus_cli's `connect -uri`). */
  uri: string;
  /** Token or `user:password` (`connect -t`). */
  token: string;
}

/** One answer of the driver for one command. */
interface CommandResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  error: { type: string; message: string } | null;
}

/**
 * The commands of a shell block: one per line, the `milvus_cli > ` prompt taken off, blank lines
 * and `#` comments left out.
 */
export function milvusCliCommands(code: string): string[] {
  return code
    .split('\n')
    .map((l) => l.replace(/^\s*milvus_cli\s*>\s*/, '').trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Options of {@link runMilvusCliPage}. */
export interface MilvusCliPageOptions {
  target: MilvusCliTarget;
  /** The venv; when absent (setup failed), every block fails with `envError`. */
  env?: MilvusCliEnv;
  /** Why the milvus_cli environment could not be set up. */
  envError?: string;
  /** The setup the page assumes (its fixture), run before the first block. */
  setup: () => Promise<void>;
  errata: readonly Erratum[];
  /** Per-command time limit, ms. Default 30 000. */
  commandTimeout?: number;
}

/** A command's failure as text. */
function failureText(command: string, r: CommandResult): string {
  const why = r.error ? `${r.error.type}: ${r.error.message}` : r.stderr.trim();
  return `\`${command}\` failed (${why})${r.stdout.trim() ? `; printed ${JSON.stringify(r.stdout.trim().slice(0, 200))}` : ''}`;
}

/**
 * Runs the shell blocks of one page (milvus_cli commands) in page order with the pinned
 * milvus_cli against the target, in one CLI session (`python/milvus_cli_driver.py`, which calls
 * the CLI's click group as its prompt loop does), after the page's setup and a
 * `connect -uri <target> -t <token>` (reported as a rewrite of the first block). A block passes
 * when each of its commands succeeds and its documented outputs appear in what it printed; a block
 * whose syntax has a code erratum runs corrected and is reported as the doc error it is.
 */
export async function runMilvusCliPage(page: string, blocks: readonly CodeBlock[], options: MilvusCliPageOptions): Promise<BlockResult[]> {
  const result = (block: CodeBlock, outcome: Outcome, detail: string, rewrites: string[] = []): BlockResult => ({
    page,
    language: block.language,
    block: block.languageIndex,
    client: MILVUS_CLI,
    outcome,
    detail,
    ...(rewrites.length ? { rewrites } : {}),
  });
  if (!options.env) return blocks.map((b) => result(b, 'fail', `no milvus_cli environment: ${options.envError ?? 'not set up'}`));
  try {
    await options.setup();
  } catch (e) {
    return blocks.map((b) => result(b, 'fail', `page fixture failed: ${(e as Error).message}`));
  }
  const timeout = options.commandTimeout ?? 30_000;
  // milvus_cli keeps its history and saved connections in $HOME: a scratch one per page.
  const home = mkdtempSync(join(tmpdir(), 'mvkit-milvus-cli-'));
  const driver = new JsonLinesProcess(options.env.python, ['-u', MILVUS_CLI_DRIVER], 'milvus_cli driver', { ...process.env, HOME: home, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' });
  const out: BlockResult[] = [];
  try {
    const ready = (await driver.next(60_000)) as { importError: string | null };
    if (ready.importError) return blocks.map((b) => result(b, 'fail', `milvus_cli does not import: ${ready.importError}`));
    const connect = `connect -uri ${options.target.uri} -t ${options.target.token}`;
    const connected = (await driver.ask({ line: connect }, timeout)) as CommandResult;
    if (!connected.ok) return blocks.map((b) => result(b, 'fail', `connecting to the target failed: ${failureText(connect, connected)}`));
    /** Runs commands in order until one fails: what they printed, and the failure. @throws when the driver does not answer. */
    const runAll = async (commands: readonly string[]): Promise<{ printed: string; failed?: string }> => {
      let printed = '';
      for (const command of commands) {
        const r = (await driver.ask({ line: command }, timeout)) as CommandResult;
        printed += r.stdout;
        if (!r.ok) return { printed, failed: failureText(command, r) };
      }
      return { printed };
    };
    for (const [i, block] of blocks.entries()) {
      const rewrites = i === 0 ? [`predefined: ${connect}`] : [];
      const { code, corrections } = correctedCode(options.errata, { page, language: block.language, block: block.languageIndex, client: MILVUS_CLI }, block.code);
      const commands = milvusCliCommands(code);
      let documented: { printed: string; failed?: string } | undefined;
      let ran: { printed: string; failed?: string };
      try {
        // A correction is only applied after the documented form was refused as the erratum says.
        if (corrections.length) documented = await runAll(milvusCliCommands(block.code));
        ran = documented && !documented.failed ? documented : await runAll(commands);
      } catch (e) {
        driver.kill();
        out.push(result(block, 'fail', (e as Error).message, rewrites));
        for (const rest of blocks.slice(i + 1)) out.push(result(rest, 'fail', `not run: the milvus_cli driver was stopped after shell#${block.languageIndex}`));
        return out;
      }
      const missing = block.documentedOutputs.find((d) => !ran.printed.includes(d.text.trim()));
      const [outcome, detail]: [Outcome, string] = ran.failed
        ? ['fail', ran.failed]
        : missing
          ? ['fail', `documents ${JSON.stringify(missing.text)}, printed ${JSON.stringify(ran.printed.trim().slice(0, 300))}`]
          : ['pass', `ran ${commands.length} command(s) without error${ran.printed.trim() ? `, printed ${JSON.stringify(ran.printed.trim().slice(0, 200))}` : ''}`];
      if (!documented) out.push(result(block, outcome, detail, rewrites));
      else if (!documented.failed) out.push(result(block, 'fail', `the documented form ran, so the erratum ${correctionsText(corrections)} does not hold: ${detail}`, rewrites));
      else if (outcome === 'pass') out.push(result(block, 'doc-error', `as documented milvus_cli refuses the command (${documented.failed}): ${corrections.map((e) => e.reason).join(' ')} With the correction ${correctionsText(corrections)} it ${detail}`, rewrites));
      else out.push(result(block, 'fail', `even with the correction ${correctionsText(corrections)}: ${detail}`, rewrites));
    }
    return out;
  } catch (e) {
    return [...out, ...blocks.slice(out.length).map((b) => result(b, 'fail', `the milvus_cli driver failed: ${(e as Error).message}`))];
  } finally {
    await driver.close();
    rmSync(home, { recursive: true, force: true });
  }
}
