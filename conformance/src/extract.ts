import { load } from 'cheerio';
import JSON5 from 'json5';
import { Lexer } from 'marked';
import type { Page } from './corpus.js';
import { ELLIPSIS } from './match.js';

/** One code block of a page. */
export interface CodeBlock {
  page: string;
  /** Position among all code blocks of the page, 1-based. */
  index: number;
  /** Position among the page's blocks of the same language, 1-based (how errata and reports name blocks). */
  languageIndex: number;
  /** `python`, `javascript`, `java`, `go`, `bash`, `curl`, `shell`, … as the page labels it. */
  language: string;
  /** Tab group: blocks showing the same example in several languages share it (0 = not grouped). */
  group: number;
  /** The code, entities decoded, markup removed. */
  code: string;
  /** Outputs documented in the block's comments, in order (one per example in the block). */
  documentedOutputs: DocumentedOutput[];
}

/** An output the page documents, parsed (JSON5, else the bare text). */
export interface DocumentedOutput {
  /** The comment text as written. */
  text: string;
  /** Parsed value: JSON5 when it parses, else the trimmed text. */
  value: unknown;
  /** Shell blocks: which `curl` command of the block (0-based, in order) the output follows. */
  command?: number;
}

/**
 * Python literals as JSON5: `True`, `False` and `None` outside string literals become `true`,
 * `false` and `null` (what the Python runner reports for the printed values).
 */
export function pythonLiteralAsJson5(text: string): string {
  return text.replace(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|\b(True|False|None)\b/g, (_m, str: string | undefined, word: string | undefined) =>
    str ?? (word === 'True' ? 'true' : word === 'False' ? 'false' : 'null'),
  );
}

/**
 * Parses a documented output: JSON5 if possible (Python blocks: Python literals too, see
 * {@link pythonLiteralAsJson5}), else the bare text (e.g. `LoadStateLoaded`).
 */
export function parseOutput(text: string, language?: string): DocumentedOutput {
  const trimmed = text.trim();
  if (language === 'python') {
    try {
      return { text: trimmed, value: JSON5.parse(pythonLiteralAsJson5(trimmed)) };
    } catch {
      // not a Python literal: parsed as for the other languages
    }
  }
  try {
    return { text: trimmed, value: JSON5.parse(trimmed) };
  } catch {
    // An elided output (`[...]`, `{"a": 1, ...}`): `...` becomes the ELLIPSIS marker, as an
    // array element or as an object key, whichever parses.
    if (trimmed.includes('...')) {
      for (const form of [`"${ELLIPSIS}"`, `"${ELLIPSIS}": true`]) {
        try {
          return { text: trimmed, value: JSON5.parse(trimmed.replace(/(?<=^|[\s,[{])\.\.\.(?=[\s,\]}]|$)/g, form)) };
        } catch {
          // try the next form
        }
      }
    }
    return { text: trimmed, value: trimmed };
  }
}

/** Comment prefix per language. */
const COMMENT: Record<string, string> = { javascript: '//', java: '//', go: '//', python: '#', bash: '#', curl: '#', shell: '#' };

/**
 * The outputs documented in a block's comments. JavaScript/Java/Go/Python: the comment lines
 * after an `Output` marker comment. cURL/bash: each run of comment lines after a `curl` command.
 */
export function documentedOutputs(language: string, code: string): DocumentedOutput[] {
  const prefix = COMMENT[language];
  if (!prefix) return [];
  const lines = code.split('\n');
  const outputs: DocumentedOutput[] = [];
  const commentText = (line: string) => line.trim().slice(prefix.length).replace(/^ /, '');
  const isComment = (line: string) => line.trim().startsWith(prefix);
  if (language === 'bash' || language === 'curl') {
    let seenCommand = false;
    let command = -1;
    for (let i = 0; i < lines.length; i++) {
      if (/^\s*curl\b/.test(lines[i]!)) {
        seenCommand = true;
        command++;
      }
      if (seenCommand && isComment(lines[i]!)) {
        const run: string[] = [];
        while (i < lines.length && isComment(lines[i]!)) run.push(commentText(lines[i++]!));
        i--;
        outputs.push({ ...parseOutput(run.join('\n'), language), command });
        seenCommand = false;
      }
    }
    return outputs;
  }
  for (let i = 0; i < lines.length; i++) {
    if (isComment(lines[i]!) && /^output:?$/i.test(commentText(lines[i]!).trim())) {
      const run: string[] = [];
      for (i++; i < lines.length && isComment(lines[i]!); i++) run.push(commentText(lines[i]!));
      if (run.join('').trim()) outputs.push(parseOutput(run.join('\n'), language));
    }
  }
  if (outputs.length === 0) {
    const trailing = trailingPrintedValue(language, lines, prefix);
    if (trailing) outputs.push(trailing);
  }
  if (language === 'python') outputs.push(...doctestOutputs(lines));
  return outputs;
}

/** Print statements after which a bare comment can document the printed value. */
const PRINT_CALL = /^\s*(?:print|console\.log|System\.out\.println|fmt\.Println)\s*\(/;

/**
 * A block without an `Output` marker that ends with a print statement followed only by a comment
 * run (e.g. `print(res)` then `# ["_default"]`): the comment documents the printed value when it
 * parses as a value (an object, array, number, boolean or null, not bare prose).
 */
function trailingPrintedValue(language: string, lines: readonly string[], prefix: string): DocumentedOutput | undefined {
  let end = lines.length;
  while (end > 0 && !lines[end - 1]!.trim()) end--;
  let start = end;
  while (start > 0 && lines[start - 1]!.trim().startsWith(prefix)) start--;
  if (start === end) return undefined;
  let before = start;
  while (before > 0 && !lines[before - 1]!.trim()) before--;
  if (before === 0 || !PRINT_CALL.test(lines[before - 1]!)) return undefined;
  const text = lines
    .slice(start, end)
    .map((l) => l.trim().slice(prefix.length).replace(/^ /, ''))
    .join('\n');
  const parsed = parseOutput(text, language);
  return typeof parsed.value === 'string' ? undefined : parsed;
}

/** Doctest-style Python blocks (`>>> ` prompts): the lines after a statement that are neither prompts nor comments are its output. */
function doctestOutputs(lines: readonly string[]): DocumentedOutput[] {
  if (!lines.some((l) => /^\s*>>>( |$)/.test(l))) return [];
  const outputs: DocumentedOutput[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.join('').trim()) outputs.push(parseOutput(run.join('\n'), 'python'));
    run = [];
  };
  let inStatement = false;
  for (const line of lines) {
    if (/^\s*(>>>|\.\.\.)( |$)/.test(line)) {
      flush();
      inStatement = true;
    } else if (!line.trim() || line.trim().startsWith('#')) {
      flush();
      inStatement = false;
    } else if (inStatement) run.push(line.trim());
  }
  flush();
  return outputs;
}

/**
 * Extracts the code blocks of a page: `<pre><code class="language-X">` elements of the HTML (with
 * cheerio), and fenced code of Markdown pages (with marked's lexer). Tab groups are the runs of
 * blocks that follow a `<div class="multipleCode">` language switcher.
 */
export function extractBlocks(page: Page): CodeBlock[] {
  const raw: { language: string; group: number; code: string }[] = [];
  const $ = load(page.text);
  let group = 0;
  $('div.multipleCode, pre > code').each((_, el) => {
    const node = $(el);
    if (node.is('div.multipleCode')) {
      group++;
      return;
    }
    const language = /language-([\w-]+)/.exec(node.attr('class') ?? '')?.[1];
    if (!language) return;
    const prev = node.parent().prev();
    const grouped = group > 0 && (prev.is('pre') || prev.is('div.multipleCode'));
    raw.push({ language, group: grouped ? group : 0, code: node.text() });
  });
  if (raw.length === 0) {
    for (const token of new Lexer().lex(page.text.replace(/^---\n[\s\S]*?\n---\n/, ''))) {
      if (token.type === 'code') raw.push({ language: token.lang || 'text', group: 0, code: token.text });
      if (token.type === 'list') {
        for (const item of token.items) for (const t of item.tokens) if (t.type === 'code') raw.push({ language: t.lang || 'text', group: 0, code: t.text });
      }
    }
  }
  const perLanguage = new Map<string, number>();
  return raw.map((b, i) => {
    const languageIndex = (perLanguage.get(b.language) ?? 0) + 1;
    perLanguage.set(b.language, languageIndex);
    return { page: page.name, index: i + 1, languageIndex, ...b, documentedOutputs: documentedOutputs(b.language, b.code) };
  });
}
