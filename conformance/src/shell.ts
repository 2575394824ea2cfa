import { execFile } from 'node:child_process';
import { parse, type ParseEntry } from 'shell-quote';

/** The shell the documented blocks are written for; it also splits them into commands. */
export const BASH = 'bash';

/**
 * Splits a shell script into its simple commands, as bash reads them, without running any: bash
 * parses the script with a DEBUG trap that prints `$BASH_COMMAND` (the command's source text,
 * line continuations joined, quotes as written) and, with `extdebug`, skips the command. Comments
 * are not commands.
 *
 * @throws Error when bash is missing or the script does not parse.
 */
export function splitCommands(script: string): Promise<string[]> {
  const program = `shopt -s extdebug\ntrap 'printf "%s\\0" "$BASH_COMMAND"; false' DEBUG\n${script}\n`;
  return new Promise((resolve, reject) => {
    execFile(BASH, ['--norc', '--noprofile', '-c', program], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (stderr.trim()) return reject(new Error(`bash could not read the block: ${stderr.trim()}`));
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new Error(`${BASH} not found on PATH`));
      resolve(stdout.split('\0').filter((c) => c.trim() !== ''));
    });
  });
}

/** A command of a documented block, parsed into words (with shell-quote) and classified. */
export type ShellCommand =
  | { kind: 'export'; text: string; assignments: Record<string, string> }
  | { kind: 'curl'; text: string; request: CurlRequest }
  | { kind: 'other'; text: string; why: string };

/** What a `curl` command sends. */
export interface CurlRequest {
  method: string;
  url: string;
  /** Header name (as written) → value, in order. */
  headers: [string, string][];
  /** The request body (`-d` and its aliases), if any. */
  body?: string;
}

const VALUE_OPTIONS: Record<string, 'method' | 'url' | 'header' | 'data'> = {
  '-X': 'method',
  '--request': 'method',
  '--url': 'url',
  '-H': 'header',
  '--header': 'header',
  '-d': 'data',
  '--data': 'data',
  '--data-raw': 'data',
  '--data-binary': 'data',
  '--data-ascii': 'data',
};
/** Flags that do not change what is sent. */
const NEUTRAL_FLAGS = new Set(['-L', '--location', '-s', '--silent', '-S', '--show-error', '-f', '--fail', '-v', '--verbose', '--compressed']);

/**
 * Parses one command's source text into words with shell-quote, expanding `$NAME` / `${NAME}`
 * from `env`, and classifies it: `export NAME=value …`, a `curl` request (method, URL, headers,
 * body), or anything else (with the reason it is not interpreted).
 */
export function parseCommand(text: string, env: Readonly<Record<string, string>>): ShellCommand {
  const entries: ParseEntry[] = parse(text, (name: string) => env[name] ?? '');
  const operator = entries.find((e) => typeof e !== 'string');
  if (operator) return { kind: 'other', text, why: `uses the shell construct ${JSON.stringify(operator)}` };
  const words = entries as string[];
  if (words[0] === 'export') {
    const assignments: Record<string, string> = {};
    for (const w of words.slice(1)) {
      const eq = w.indexOf('=');
      if (eq > 0) assignments[w.slice(0, eq)] = w.slice(eq + 1);
    }
    return { kind: 'export', text, assignments };
  }
  if (words[0] !== 'curl') return { kind: 'other', text, why: `runs ${words[0] ?? '(nothing)'}, not curl` };
  let method: string | undefined;
  let url: string | undefined;
  let body: string | undefined;
  const headers: [string, string][] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const name = eq > 0 ? word.slice(0, eq) : word;
    const role = VALUE_OPTIONS[name];
    if (role) {
      const value = eq > 0 ? word.slice(eq + 1) : words[++i];
      if (value === undefined) return { kind: 'other', text, why: `curl option ${name} has no value` };
      if (role === 'method') method = value;
      else if (role === 'url') url = value;
      else if (role === 'data') {
        if (body !== undefined) return { kind: 'other', text, why: 'several curl data options (curl would join them with &)' };
        if (value.startsWith('@')) return { kind: 'other', text, why: `curl reads the body from a file (${value})` };
        body = value;
      } else {
        const colon = value.indexOf(':');
        if (colon <= 0) return { kind: 'other', text, why: `curl header without a name: ${value}` };
        headers.push([value.slice(0, colon).trim(), value.slice(colon + 1).trim()]);
      }
    } else if (NEUTRAL_FLAGS.has(word) || /^-[LsSfv]+$/.test(word)) {
      continue;
    } else if (word.startsWith('-')) {
      return { kind: 'other', text, why: `curl option ${word} is not interpreted by the transport replay` };
    } else if (url === undefined) {
      url = word;
    } else {
      return { kind: 'other', text, why: `curl is given a second URL (${word})` };
    }
  }
  if (url === undefined) return { kind: 'other', text, why: 'curl without a URL' };
  return { kind: 'curl', text, request: { method: (method ?? (body !== undefined ? 'POST' : 'GET')).toUpperCase(), url, headers, ...(body !== undefined ? { body } : {}) } };
}
