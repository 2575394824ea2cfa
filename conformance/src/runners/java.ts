import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOutput, type CodeBlock, type DocumentedOutput } from '../extract.js';
import { correctedCode, correctionsText, isCodeErratum, matchOutput, render, resolveErratum, type CodeErratum, type Erratum } from '../match.js';
import type { BlockResult, Outcome, Target } from './node.js';

/** Runner name in reports. */
export const JAVA_RUNNER = 'java-sdk';

/** The Maven project that pins the SDK (`conformance/java/pom.xml`) and the harness class beside it. */
export const JAVA_PROJECT = fileURLToPath(new URL('../../java/', import.meta.url));
/** Repo-ignored cache: Maven local repository (`m2/`), resolved classpaths, compiled pages. */
export const JAVA_CACHE = fileURLToPath(new URL('../../.cache/', import.meta.url));
const HARNESS_SOURCE = join(JAVA_PROJECT, 'src/main/java/dev/mvkit/conformance/Harness.java');

/** `io.milvus:milvus-sdk-java@<version>` as pinned in the pom. */
export function javaSdk(): string {
  const pom = readFileSync(join(JAVA_PROJECT, 'pom.xml'), 'utf8');
  const version = /<artifactId>milvus-sdk-java<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(pom)?.[1] ?? 'unknown';
  return `io.milvus:milvus-sdk-java@${version}`;
}

/** A change the runner made to a documented block before running it. */
export interface JavaRewrite {
  /** 1-based line of the block (0: not a line of the block, e.g. a predefined variable). */
  line: number;
  from: string;
  to: string;
}

export type { CodeErratum } from '../match.js';

// ---------------------------------------------------------------------------------------------
// Lexing and rewriting Java fragments

interface Token {
  kind: 'comment' | 'string' | 'char' | 'code';
  text: string;
}

/** Splits Java source into comments, string literals (text blocks too), char literals and the rest. */
export function lexJava(code: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let start = 0;
  const flush = (end: number) => {
    if (end > start) tokens.push({ kind: 'code', text: code.slice(start, end) });
  };
  const push = (kind: Token['kind'], end: number) => {
    tokens.push({ kind, text: code.slice(i, end) });
    i = end;
    start = end;
  };
  while (i < code.length) {
    const c = code[i]!;
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      flush(i);
      const end = code.indexOf('\n', i);
      push('comment', end < 0 ? code.length : end);
    } else if (c === '/' && next === '*') {
      flush(i);
      const end = code.indexOf('*/', i + 2);
      push('comment', end < 0 ? code.length : end + 2);
    } else if (code.startsWith('"""', i)) {
      flush(i);
      const end = code.indexOf('"""', i + 3);
      push('string', end < 0 ? code.length : end + 3);
    } else if (c === '"' || c === "'") {
      flush(i);
      let j = i + 1;
      while (j < code.length && code[j] !== c && code[j] !== '\n') j += code[j] === '\\' ? 2 : 1;
      push(c === '"' ? 'string' : 'char', Math.min(j + 1, code.length));
    } else i++;
  }
  flush(code.length);
  return tokens;
}

/** The documented addresses and credentials, and the harness field each becomes (the value known only at run time). */
const DOC_LITERALS: readonly { literal: string; field: string; value: (t: JavaTarget) => string }[] = [
  { literal: '"http://localhost:19530"', field: 'Harness.TARGET_URI', value: (t) => t.uri },
  { literal: '"http://127.0.0.1:19530"', field: 'Harness.TARGET_URI', value: (t) => t.uri },
  { literal: '"localhost:19530"', field: 'Harness.TARGET_ADDRESS', value: (t) => `${t.host}:${t.port}` },
  { literal: '"127.0.0.1:19530"', field: 'Harness.TARGET_ADDRESS', value: (t) => `${t.host}:${t.port}` },
  { literal: '"localhost"', field: 'Harness.TARGET_HOST', value: (t) => t.host },
  { literal: '"127.0.0.1"', field: 'Harness.TARGET_HOST', value: (t) => t.host },
  { literal: '"root:Milvus"', field: 'Harness.TARGET_TOKEN', value: (t) => t.token },
];

/** The target as the Java programs see it. */
export interface JavaTarget {
  /** `http://host:port`. */
  uri: string;
  host: string;
  port: number;
  /** Token or `user:password` ('' for none). */
  token: string;
}

/** The target of a {@link Target}: `host:port` or a URI, port 19530 when absent. */
export function javaTarget(target: Target): JavaTarget {
  const url = new URL(/^[a-z]+:\/\//i.test(target.address) ? target.address : `http://${target.address}`);
  const port = Number(url.port || 19530);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return { uri: `${url.protocol === 'https:' ? 'https:' : 'http:'}//${url.hostname}:${port}`, host, port, token: target.token ?? '' };
}

/**
 * Points a Java block at the target: the documented address literals (`"http://localhost:19530"`,
 * `"localhost"`, the port `19530`) and the docs' `"root:Milvus"` become harness fields that hold
 * the target's values at run time. Returns the code and every change (with the target's value).
 */
export function rewriteJava(code: string, target: JavaTarget): { code: string; rewrites: JavaRewrite[] } {
  const rewrites: JavaRewrite[] = [];
  let line = 1;
  const out = lexJava(code).map((tok) => {
    let text = tok.text;
    if (tok.kind === 'string') {
      const hit = DOC_LITERALS.find((d) => d.literal === tok.text);
      if (hit) {
        // The literal always becomes the field; a change is recorded only when the value differs.
        if (hit.value(target) !== tok.text.slice(1, -1)) rewrites.push({ line, from: tok.text.slice(1, -1), to: hit.value(target) });
        text = hit.field;
      }
    } else if (tok.kind === 'code') {
      text = text.replace(/(?<![\w.])19530(?![\w.])/g, (m: string, offset: number) => {
        if (String(target.port) !== m) rewrites.push({ line: line + (tok.text.slice(0, offset).match(/\n/g)?.length ?? 0), from: m, to: String(target.port) });
        return 'Harness.TARGET_PORT';
      });
    }
    line += tok.text.match(/\n/g)?.length ?? 0;
    return text;
  });
  return { code: out.join(''), rewrites };
}

/** A top-level statement of a block, with its 1-based first line in the block. */
interface Statement {
  text: string;
  line: number;
}

const CONTROL = /^(if|for|while|do|try|switch|synchronized|\{)\b/;
const CONTINUATION = /^(else|catch|finally)\b/;

/**
 * Splits a block into its import lines and its top-level statements (at `;` outside brackets, or
 * at the `}` closing a control statement), comments kept with the statement they precede.
 */
export function splitJava(code: string): { imports: string[]; statements: Statement[] } {
  const imports: string[] = [];
  const statements: Statement[] = [];
  const tokens = lexJava(code);
  let current = '';
  let line = 1;
  let startLine = 1;
  let depth = 0;
  const meaningful = () => current.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').trim();
  const end = () => {
    const text = meaningful();
    if (/^import\s+(static\s+)?[\w.]+(\.\*)?\s*;$/.test(text)) imports.push(text);
    else if (text) statements.push({ text: current.replace(/^\s*\n/, ''), line: startLine });
    current = '';
  };
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    if (tok.kind !== 'code') {
      if (!meaningful() && !current.trim()) startLine = line;
      current += tok.text;
      line += tok.text.match(/\n/g)?.length ?? 0;
      continue;
    }
    for (let i = 0; i < tok.text.length; i++) {
      const c = tok.text[i]!;
      if (!current.trim() && c.trim()) startLine = line;
      current += c;
      if (c === '\n') line++;
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        depth = Math.max(0, depth - 1);
        if (c === '}' && depth === 0 && CONTROL.test(meaningful())) {
          const rest = tok.text.slice(i + 1) + tokens.slice(t + 1).map((x) => (x.kind === 'comment' ? '' : x.text)).join('');
          if (!CONTINUATION.test(rest.trimStart()) && !/^[;).,]/.test(rest.trimStart())) end();
        }
      } else if (c === ';' && depth === 0) end();
    }
  }
  if (meaningful()) end();
  return { imports, statements };
}

const NOT_TYPES = new Set(['return', 'throw', 'new', 'else', 'case', 'yield', 'assert', 'package', 'import', 'break', 'continue', 'goto']);
const DECLARATION = /^((?:final\s+)?)([A-Za-z_$][\w$.]*(?:\s*<[^;=()]*>)?(?:\s*\[\s*\])*)\s+([A-Za-z_$][\w$]*)\s*(=|;)/;

/** A top-level local variable declaration (`Type name = init;` / `Type name;`), if the statement is one. */
function declaration(text: string): { type: string; name: string; lead: string; prefix: string; hasInit: boolean } | undefined {
  const lead = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/.exec(text)![0];
  const m = DECLARATION.exec(text.slice(lead.length));
  if (!m || NOT_TYPES.has(m[2]!) || m[2] === 'var') return undefined;
  return { type: m[2]!.replace(/\s+/g, ' '), name: m[3]!, lead, prefix: lead + text.slice(lead.length, lead.length + m[0].length - m[4]!.length), hasInit: m[4] === '=' };
}

// ---------------------------------------------------------------------------------------------
// Generating a page program

/** A block as it goes into the page program. */
interface PreparedBlock {
  block: CodeBlock;
  imports: string[];
  statements: Statement[];
  rewrites: JavaRewrite[];
  /** Code errata applied to the block. */
  corrections: CodeErratum[];
}

/** The page program: source, class name, and which generated lines belong to which block. */
export interface PageProgram {
  className: string;
  source: string;
  /** Generated line (1-based) → block (languageIndex) whose code or declaration it holds. */
  lineBlock: Map<number, number>;
  /** Generated line (1-based) → line of the block it comes from (1-based). */
  blockLine: Map<number, number>;
  /** Variables the page uses but never declares, predefined by the harness (name → how). */
  predefined: Map<string, string>;
}

/** SDK packages imported on demand into every page of that API (blocks import only some of what they use). */
const V2_PACKAGES = ['io.milvus.v2.client', 'io.milvus.v2.common', ...['collection', 'partition', 'index', 'vector', 'database', 'utility'].map((p) => `io.milvus.v2.service.${p}.request`)];
const LEGACY_PACKAGES = ['io.milvus.client', 'io.milvus.param', ...['collection', 'partition', 'index', 'dml', 'alias', 'control'].map((p) => `io.milvus.param.${p}`)];

/** Java class name for a page: `Page_manage_partitions`. */
export function pageClassName(page: string): string {
  return `Page_${page.replace(/\.md$/, '').replace(/\W/g, '_')}`;
}

/**
 * Generates one Java program for a page: its blocks in page order in one `main`, each in its own
 * `try` between `Harness.begin(n)` and `Harness.end(n)`. Top-level variables are hoisted to static
 * fields (declared once, with the first block's type), so later blocks see them as a reader would
 * and a block redeclaring one (as the docs do, block after block) assigns it. Imports are the
 * blocks' own plus the SDK packages of the API the page uses.
 */
export function generatePage(page: string, blocks: readonly PreparedBlock[]): PageProgram {
  const className = pageClassName(page);
  const allCode = blocks.map((b) => b.statements.map((s) => s.text).join('\n')).join('\n');
  const usesV2 = blocks.some((b) => b.imports.some((i) => i.includes('io.milvus.v2.'))) || /\bReq\.builder\(\)|MilvusClientV2|ConnectConfig/.test(allCode);
  const usesLegacy = blocks.some((b) => b.imports.some((i) => /io\.milvus\.(param|client)\./.test(i))) || /Param\.newBuilder\(\)|MilvusServiceClient/.test(allCode);
  const imports = new Map<string, number>();
  for (const b of blocks) for (const i of b.imports) if (!imports.has(i)) imports.set(i, b.block.languageIndex);
  const fixed = ['import java.util.*;', ...(usesV2 ? V2_PACKAGES : []).map((p) => `import ${p}.*;`), ...(usesLegacy || !usesV2 ? LEGACY_PACKAGES : []).map((p) => `import ${p}.*;`)];
  const fields = new Map<string, { type: string; block: number }>();
  const bodies: { block: number; lines: { text: string; blockLine: number }[] }[] = [];
  for (const b of blocks) {
    const lines: { text: string; blockLine: number }[] = [];
    for (const s of b.statements) {
      const decl = declaration(s.text);
      let text = s.text;
      if (decl) {
        if (!fields.has(decl.name)) fields.set(decl.name, { type: decl.type, block: b.block.languageIndex });
        // `final Type name = init;` → `name = init;`; `Type name;` → nothing (the field starts null).
        text = decl.hasInit ? `${decl.lead}${decl.name} ${s.text.slice(decl.prefix.length)}` : decl.lead;
      }
      text.split('\n').forEach((l, k) => lines.push({ text: l, blockLine: s.line + k }));
    }
    bodies.push({ block: b.block.languageIndex, lines });
  }
  // Identifiers used but never declared: the 2.0-era pages call `milvusClient` (the docs' connect
  // page builds it); the harness predefines it on the target, as the Node runner does.
  const predefined = new Map<string, string>();
  if (!fields.has('milvusClient') && /\bmilvusClient\s*\./.test(allCode)) {
    predefined.set('milvusClient', 'a MilvusServiceClient on the target (ConnectParam withHost/withPort/withToken, as the docs\' connect page builds it); each failed R status it returns fails the block');
  }
  const out: string[] = [];
  const lineBlock = new Map<number, number>();
  const blockLine = new Map<number, number>();
  const emit = (text: string, block?: number, line?: number) => {
    out.push(text);
    if (block !== undefined) lineBlock.set(out.length, block);
    if (line !== undefined) blockLine.set(out.length, line);
  };
  emit(`// Generated by @mvkit/conformance (conformance/src/runners/java.ts) from ${page}: its Java blocks in page order.`);
  emit('import dev.mvkit.conformance.Harness;');
  for (const [i, block] of imports) emit(i, block);
  for (const i of fixed) if (!imports.has(i)) emit(i);
  emit('');
  emit(`public class ${className} {`);
  for (const [name, f] of fields) emit(`    static ${f.type} ${name}; // java#${f.block}`, f.block);
  if (predefined.has('milvusClient')) emit('    static io.milvus.client.MilvusClient milvusClient;');
  emit('');
  emit('    public static void main(String[] args) {');
  emit('        Harness.begin(0);');
  emit(`        try {${predefined.has('milvusClient') ? ' milvusClient = Harness.legacyClient();' : ''} } catch (Throwable __mvkitError) { Harness.fail(__mvkitError); }`);
  emit('        Harness.end(0);');
  for (const body of bodies) {
    emit(`        // ---- java#${body.block} ----`);
    emit(`        Harness.begin(${body.block});`);
    emit('        try {');
    for (const l of body.lines) emit(`            ${l.text}`, body.block, l.blockLine);
    emit('        } catch (Throwable __mvkitError) { Harness.fail(__mvkitError); }');
    emit(`        Harness.end(${body.block});`);
  }
  emit('        Harness.finish();');
  emit('    }');
  emit('}');
  return { className, source: `${out.join('\n')}\n`, lineBlock, blockLine, predefined };
}

// ---------------------------------------------------------------------------------------------
// Toolchain: java, javac, mvn; the SDK classpath (resolved once, cached)

interface Exec {
  code: number;
  stdout: string;
  stderr: string;
  error?: NodeJS.ErrnoException & { killed?: boolean };
}

function run(cmd: string, args: readonly string[], options: { timeout?: number; cwd?: string; input?: string } = {}): Promise<Exec> {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { timeout: options.timeout ?? 600_000, maxBuffer: 64 << 20, ...(options.cwd ? { cwd: options.cwd } : {}) }, (error, stdout, stderr) => {
      const err = error as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr, ...(err ? { error: err } : {}) });
    });
    child.stdin?.end(options.input);
  });
}

/** The Java toolchain the runner uses. */
export interface JavaToolchain {
  java: string;
  javac: string;
  /** Classpath of the SDK and its dependencies (jar paths joined by `:`). */
  classpath: string;
  /** `javac -version` output, for the cache key. */
  javacVersion: string;
}

/** Why the toolchain is unusable, as an Error whose message says what to install or fix. */
async function probe(cmd: string, args: string[], what: string): Promise<string> {
  const r = await run(cmd, args, { timeout: 60_000 });
  if (r.error?.code === 'ENOENT') throw new Error(`${cmd} is not installed (${what}); the Java blocks cannot run without a JDK 17+ and Maven`);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${what}): ${(r.stderr || r.stdout).trim().slice(0, 300)}`);
  return `${r.stdout}${r.stderr}`.trim().split('\n')[0]!;
}

let toolchain: Promise<JavaToolchain> | undefined;

/**
 * Checks java, javac and mvn, and resolves the SDK's classpath with
 * `mvn -B -q dependency:build-classpath` into `conformance/.cache/` (Maven local repository
 * `conformance/.cache/m2`). The classpath is cached per pom content: once resolved, no Maven runs
 * and nothing touches the network. Concurrent processes wait on a lock directory.
 */
export function javaToolchain(): Promise<JavaToolchain> {
  toolchain ??= (async () => {
    const [, javacVersion] = await Promise.all([probe('java', ['-version'], 'the Java runtime'), probe('javac', ['-version'], 'the Java compiler')]);
    const pom = readFileSync(join(JAVA_PROJECT, 'pom.xml'));
    const key = createHash('sha256').update(pom).digest('hex').slice(0, 16);
    mkdirSync(JAVA_CACHE, { recursive: true });
    const file = join(JAVA_CACHE, `java-classpath-${key}.txt`);
    const cached = () => {
      if (!existsSync(file)) return undefined;
      const cp = readFileSync(file, 'utf8').trim();
      return cp && cp.split(':').every((p) => existsSync(p)) ? cp : undefined;
    };
    let classpath = cached();
    if (!classpath) {
      const lock = join(JAVA_CACHE, 'java-classpath.lock');
      const deadline = Date.now() + 900_000;
      for (;;) {
        try {
          mkdirSync(lock);
          break;
        } catch {
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock} (another process resolving the Java SDK; remove the directory if none is)`);
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      try {
        classpath = cached();
        if (!classpath) {
          await probe('mvn', ['-v'], 'Maven, to resolve the Milvus Java SDK');
          const tmp = `${file}.${process.pid}.tmp`;
          const r = await run('mvn', ['-B', '-q', '-f', join(JAVA_PROJECT, 'pom.xml'), `-Dmaven.repo.local=${join(JAVA_CACHE, 'm2')}`, 'dependency:build-classpath', `-Dmdep.outputFile=${tmp}`], { timeout: 900_000 });
          if (r.code !== 0 || !existsSync(tmp)) {
            throw new Error(`mvn dependency:build-classpath failed (resolving ${javaSdk()} from Maven Central into ${join(JAVA_CACHE, 'm2')}): ${(r.stdout + r.stderr).trim().split('\n').slice(-15).join('\n').slice(0, 2000)}`);
          }
          renameSync(tmp, file);
          classpath = cached();
          if (!classpath) throw new Error(`mvn wrote no usable classpath to ${file}`);
        }
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    }
    return { java: 'java', javac: 'javac', classpath, javacVersion };
  })();
  toolchain.catch(() => (toolchain = undefined));
  return toolchain;
}

/** javac diagnostics of a page program, by block (0: not attributable to a block). */
interface CompileErrors {
  byBlock: Map<number, string[]>;
  text: string;
}

/** Compiles a page program with the harness (cached by content in `conformance/.cache/java-classes/`); the class directory, or the errors. */
async function compile(program: PageProgram, tc: JavaToolchain): Promise<{ dir: string } | { errors: CompileErrors }> {
  const harness = readFileSync(HARNESS_SOURCE, 'utf8');
  const key = createHash('sha256').update(program.source).update(harness).update(tc.classpath).update(tc.javacVersion).digest('hex').slice(0, 24);
  const dir = join(JAVA_CACHE, 'java-classes', key);
  if (existsSync(join(dir, '.ok'))) return { dir };
  const build = `${dir}.${process.pid}.tmp`;
  rmSync(build, { recursive: true, force: true });
  mkdirSync(join(build, 'src'), { recursive: true });
  const source = join(build, 'src', `${program.className}.java`);
  writeFileSync(source, program.source);
  const r = await run(tc.javac, ['-nowarn', '-encoding', 'UTF-8', '-proc:none', '-Xmaxerrs', '200', '-d', join(build, 'classes'), '-cp', tc.classpath, HARNESS_SOURCE, source], { timeout: 300_000 });
  if (r.code !== 0) {
    const text = `${r.stdout}${r.stderr}`;
    const byBlock = new Map<number, string[]>();
    const re = new RegExp(`${program.className}\\.java:(\\d+): error: ([^\\n]*)`, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const block = program.lineBlock.get(Number(m[1])) ?? 0;
      const line = program.blockLine.get(Number(m[1]));
      byBlock.set(block, [...(byBlock.get(block) ?? []), `${m[2]!}${line !== undefined ? ` (line ${line})` : ''}`]);
    }
    rmSync(build, { recursive: true, force: true });
    if (byBlock.size === 0) byBlock.set(0, [text.trim().slice(0, 1000) || `javac exited ${r.code}`]);
    return { errors: { byBlock, text } };
  }
  writeFileSync(join(build, 'classes', '.ok'), '');
  // A finished directory of another process is left alone (it may be running from it).
  if (!existsSync(join(dir, '.ok'))) {
    rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(join(build, 'classes'), dir);
    } catch {
      // another process compiled the same program first
    }
  }
  rmSync(build, { recursive: true, force: true });
  return { dir };
}

/** The JVM flags of every program: a quick start, and the target as `mvkit.*` system properties. */
function jvmArgs(target: JavaTarget): string[] {
  return [
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-Xss2m',
    `-Dmvkit.uri=${target.uri}`,
    `-Dmvkit.address=${target.host}:${target.port}`,
    `-Dmvkit.host=${target.host}`,
    `-Dmvkit.port=${target.port}`,
    `-Dmvkit.token=${target.token}`,
    '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
  ];
}

/** How a Java program ended: exit code (-1 when killed or not started), its output, and the error. */
export type JavaCommandRun = Exec;

/**
 * Runs a program of the Java project (`conformance/java/src/main/java/dev/mvkit/conformance/<name>.java`,
 * a class with a `main`, e.g. `Iterators`) with the pinned SDK against a target: compiled with the
 * harness on first use (cached by content in `conformance/.cache/java-classes/`), run with the
 * target as the `mvkit.uri`, `mvkit.host`, `mvkit.port`, `mvkit.token` system properties and
 * `input` on stdin.
 *
 * @param options.timeout - time limit of the run, ms (the JVM is killed after it).
 * @throws Error when the toolchain is unavailable ({@link javaToolchain}) or the program does not compile.
 */
export async function runJavaCommand(name: string, target: Target, options: { input?: string; timeout: number }): Promise<JavaCommandRun> {
  const tc = await javaToolchain();
  const source = readFileSync(join(dirname(HARNESS_SOURCE), `${name}.java`), 'utf8');
  const compiled = await compile({ className: name, source, lineBlock: new Map(), blockLine: new Map(), predefined: new Map() }, tc);
  if (!('dir' in compiled)) throw new Error(`${name}.java does not compile with ${javaSdk()}: ${compiled.errors.text.slice(0, 2000)}`);
  const args = [...jvmArgs(javaTarget(target)), '-cp', `${compiled.dir}:${tc.classpath}`, `dev.mvkit.conformance.${name}`];
  return run(tc.java, args, { timeout: options.timeout, ...(options.input !== undefined ? { input: options.input } : {}) });
}

// ---------------------------------------------------------------------------------------------
// Running a page

/** One block's record, as the harness writes it. */
interface BlockRecord {
  block: number;
  stdout: string;
  failures: string[];
  error?: { class: string; message: string; code?: string; legacyCode?: string; sdkCode?: string; status?: string; line?: number; cause?: string };
}

/** Options of {@link runJavaPage}. */
export interface JavaPageOptions {
  target: Target;
  /** Sets up the state the page assumes (the page's fixture, with @mvkit/client over gRPC); run before the program. */
  setup: () => Promise<void>;
  errata: readonly Erratum[];
  /** Report every block as n/a with this reason instead of running (e.g. `skipped by --no-java`). */
  skip?: string;
  /** Per-block time limit, ms (the page's limit is blocks × this + 30 s). Default 30 000. */
  blockTimeout?: number;
}

/**
 * Runs the Java blocks of one page with the official Milvus Java SDK: generates the page program
 * ({@link generatePage}), compiles it with javac against the SDK classpath (blocks that do not
 * compile are reported and left out, and the rest recompiled), applies the page's fixture, runs
 * it with java, and checks each block's printed output against its documented output.
 */
export async function runJavaPage(page: string, blocks: readonly CodeBlock[], options: JavaPageOptions): Promise<BlockResult[]> {
  const result = (block: CodeBlock, outcome: Outcome, detail: string, rewrites: JavaRewrite[] = []): BlockResult => ({
    page,
    language: block.language,
    block: block.languageIndex,
    client: JAVA_RUNNER,
    outcome,
    detail,
    ...(rewrites.length ? { rewrites: rewrites.map((r) => (r.line ? `line ${r.line}: ${r.from} → ${r.to}` : `${r.from} → ${r.to}`)) } : {}),
  });
  if (options.skip) return blocks.map((b) => result(b, 'n/a', options.skip!));
  let tc: JavaToolchain;
  try {
    tc = await javaToolchain();
  } catch (e) {
    return blocks.map((b) => result(b, 'fail', `Java toolchain unavailable: ${(e as Error).message}`));
  }
  const target = javaTarget(options.target);
  const prepared: PreparedBlock[] = blocks.map((block) => {
    const { code, corrections } = correctedCode(options.errata, { page, language: block.language, block: block.languageIndex, client: JAVA_RUNNER }, block.code);
    const { code: rewritten, rewrites } = rewriteJava(code, target);
    return { block, ...splitJava(rewritten), rewrites, corrections };
  });
  // Compile; blocks javac rejects are reported and left out, until the rest compiles.
  const rejected = new Map<number, string>();
  let program: PageProgram;
  let dir: string;
  for (;;) {
    const kept = prepared.filter((p) => !rejected.has(p.block.languageIndex));
    program = generatePage(page, kept);
    const compiled = await compile(program, tc);
    if ('dir' in compiled) {
      dir = compiled.dir;
      break;
    }
    const general = compiled.errors.byBlock.get(0);
    if (general || kept.length === 0) {
      const why = `the page program does not compile: ${(general ?? []).join('; ') || compiled.errors.text.slice(0, 500)}`;
      return blocks.map((b) => result(b, 'fail', rejected.get(b.languageIndex) ?? why, prepared.find((p) => p.block === b)!.rewrites));
    }
    for (const [block, errors] of compiled.errors.byBlock) rejected.set(block, `does not compile with ${javaSdk()}: ${[...new Set(errors)].join('; ')}`);
  }
  const predefined = [...program.predefined].map(([name, how]) => ({ line: 0, from: `${name} (used, never declared on the page)`, to: how.replace('on the target', `on ${target.host}:${target.port}`) }));
  try {
    await options.setup();
  } catch (e) {
    return blocks.map((b) => result(b, 'fail', `page fixture failed: ${(e as Error).message}`));
  }
  const resultsFile = join(dir, `..`, `results-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
  const timeout = blocks.length * (options.blockTimeout ?? 30_000) + 30_000;
  const started = Date.now();
  const r = await run(
    tc.java,
    [
      ...jvmArgs(target),
      `-Dmvkit.results=${resultsFile}`,
      '-cp',
      `${dir}:${tc.classpath}`,
      program.className,
    ],
    { timeout },
  );
  const records = new Map<number, BlockRecord>();
  if (existsSync(resultsFile)) {
    for (const line of readFileSync(resultsFile, 'utf8').split('\n')) if (line.trim()) records.set((JSON.parse(line) as BlockRecord).block, JSON.parse(line) as BlockRecord);
    rmSync(resultsFile, { force: true });
  }
  const crash = r.code !== 0 ? `java exited ${r.error?.killed ? `(killed after ${Date.now() - started} ms, limit ${timeout} ms)` : r.code}: ${r.stderr.trim().split('\n').slice(-5).join(' | ').slice(0, 600)}` : undefined;
  const prelude = records.get(0);
  return prepared.map((p) => {
    const b = p.block;
    const rewrites = [...p.rewrites, ...(/\bmilvusClient\b/.test(b.code) ? predefined : [])];
    const correction = correctionsText(p.corrections);
    const docError = (detail: string) => result(b, 'doc-error', `as documented the block cannot compile: ${p.corrections.map((e) => e.reason).join(' ')} With the correction ${correction} it ${detail}`, rewrites);
    if (rejected.has(b.languageIndex)) return result(b, 'fail', rejected.get(b.languageIndex)!, rewrites);
    if (prelude?.error) return result(b, 'fail', `the predefined milvusClient could not be created: ${describeError(prelude.error, program)}`, rewrites);
    const rec = records.get(b.languageIndex);
    if (!rec) return result(b, 'fail', `no result: ${crash ?? 'the program ended before this block'}`, rewrites);
    if (rec.error) return result(b, 'fail', `threw ${describeError(rec.error, program)}${rec.stdout.trim() ? `; printed ${JSON.stringify(rec.stdout.trim().slice(0, 300))}` : ''}`, rewrites);
    if (rec.failures.length) return result(b, 'fail', rec.failures.join('; '), rewrites);
    const [outcome, detail] = checkJavaOutputs(b, rec.stdout, options.errata);
    if (p.corrections.length && outcome !== 'fail') return docError(`ran against the target: ${detail}`);
    return result(b, outcome, detail, rewrites);
  });
}

function describeError(e: NonNullable<BlockRecord['error']>, program: PageProgram): string {
  const at = e.line !== undefined ? program.blockLine.get(e.line) : undefined;
  const codes = [e.code !== undefined && `code ${e.code}`, e.legacyCode !== undefined && e.legacyCode !== '0' && `legacy error code ${e.legacyCode}`, e.sdkCode && `SDK ${e.sdkCode}`, e.status && `status ${e.status}`].filter(Boolean).join(', ');
  return `${e.class}${codes ? ` (${codes})` : ''}: ${e.message}${e.cause && !e.message.includes(e.cause) ? ` [cause: ${e.cause}]` : ''}${at !== undefined ? ` (at line ${at} of the block)` : ''}`;
}

/**
 * A Java block's documented outputs: those extract.ts finds (after an `Output` marker, or a value
 * commented after the last print), else the bare comment run that ends a block whose last
 * statement prints (`System.out.println(res);` then `// True`): the docs' Java tabs write the
 * printed value so, even when it is not a JSON value.
 */
export function javaDocumentedOutputs(block: CodeBlock): DocumentedOutput[] {
  if (block.documentedOutputs.length) return block.documentedOutputs;
  const lines = block.code.split('\n');
  let end = lines.length;
  while (end > 0 && !lines[end - 1]!.trim()) end--;
  let start = end;
  while (start > 0 && lines[start - 1]!.trim().startsWith('//')) start--;
  let before = start;
  while (before > 0 && !lines[before - 1]!.trim()) before--;
  if (start === end || before === 0 || !/^\s*System\.out\.print(ln)?\s*\(/.test(lines[before - 1]!)) return [];
  const text = lines.slice(start, end).map((l) => l.trim().slice(2).replace(/^ /, '')).join('\n');
  return text.trim() ? [parseOutput(text)] : [];
}

/**
 * A value as Java prints it, read back: `true`/`false`, numbers, `[a, b]` (a List's toString) as
 * a list of strings, anything else as its trimmed text.
 */
export function javaValue(text: string): unknown {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  const list = /^\[([\s\S]*)\]$/.exec(t);
  if (list && !/["{}[\]]/.test(list[1]!)) return list[1]!.trim() ? list[1]!.split(',').map((s) => s.trim()) : [];
  return t;
}

/** Compares a block's printed text with its documented outputs (the last lines printed, one documented output each), with the errata. */
export function checkJavaOutputs(block: CodeBlock, stdout: string, errata: readonly Erratum[]): [Outcome, string] {
  const documented = javaDocumentedOutputs(block);
  if (documented.length === 0) return ['pass', stdout.trim() ? `ran without error (printed ${JSON.stringify(stdout.trim().slice(0, 200))}; nothing documented)` : 'ran without error'];
  const lines = stdout.split('\n').filter((l) => l.trim());
  const sizes = documented.map((d) => d.text.split('\n').length);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (lines.length < total) return ['fail', `documents ${documented.length} output(s) (${total} line(s)) but printed ${JSON.stringify(stdout)}`];
  const notes: string[] = [];
  let docError: string | undefined;
  let at = lines.length - total;
  for (let i = 0; i < documented.length; i++) {
    const printedText = lines.slice(at, at + sizes[i]!).join('\n');
    at += sizes[i]!;
    const doc = documented[i]!;
    const docValue = typeof doc.value === 'string' ? javaValue(doc.value) : doc.value;
    const actual = javaValue(printedText);
    const direct = matchOutput(docValue, actual);
    if (direct.ok) {
      notes.push(`output matches${direct.via ? ` (${direct.via})` : ''}`);
      continue;
    }
    const fix = resolveErratum(
      errata.filter((e) => !isCodeErratum(e)),
      { page: block.page, language: block.language, block: block.languageIndex, client: JAVA_RUNNER },
      [doc.value, docValue],
      (expected) => matchOutput(expected, actual).ok,
    );
    if (!fix) return ['fail', `documented ${JSON.stringify(doc.text)}, printed ${JSON.stringify(printedText)}`];
    if (fix.kind === 'doc-error') docError = `documented ${render(doc.value)} is unreachable: printed ${JSON.stringify(printedText)} as the target answered. ${fix.reason}`;
    else notes.push(`output matches the erratum ${render(fix.expected)} for documented ${render(doc.value)}: ${fix.reason}`);
  }
  return docError ? ['doc-error', docError] : ['pass', notes.join('; ')];
}
