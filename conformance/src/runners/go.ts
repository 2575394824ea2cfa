import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeBlock } from '../extract.js';
import { correctedCode, correctionsText, matchOutput, render, resolveErratum, type CodeErratum, type Erratum } from '../match.js';
import type { BlockResult, Outcome, Target } from './node.js';

/**
 * The Go runner (`go-sdk`): replays a page's Go blocks with the official Milvus Go SDK.
 *
 * The docs' Go blocks are fragments (no `package`, no `func main`), written to be read in page
 * order: a later block uses the `client`, `ctx` and `err` an earlier one declared, and redeclares
 * some of them with `:=`. Per page, one program is generated in which every block runs in its own
 * closure, each nested in the previous block's closure (its last statement):
 *
 * ```go
 * func main() {
 *   mvkitRun(1, func() {
 *     <block 1>          // declares client, ctx, err; `defer client.Close(ctx)`
 *     mvkitEnd(1)
 *     mvkitRun(2, func() {
 *       <block 2>        // sees block 1's variables; its own `ctx, cancel :=` shadows them
 *       ...
 * ```
 *
 * so every variable of an earlier block is visible later (as to a reader), `:=` redeclarations of
 * a later block compile (a new scope each), and a block's `defer`s run when the page ends. Each
 * block's `import` lines are removed from it and merged (deduplicated) into the file's import
 * list; imports nobody uses are dropped after a compile (the compiler names them); standard
 * packages the blocks use without importing (`context`, `fmt`, ...) are added. `log` is a shim
 * whose `Fatal` ends the block, not the process. The documented error idiom `if err != nil {` is
 * instrumented to report the error (its Milvus code and message) for the block. Documented
 * addresses (`"localhost:19530"`, `"http://localhost:19530"`) become `mvkitAddr("…")`, which
 * answers the target given at run time, so the built program does not depend on the target and is
 * cached (`conformance/.cache/go/programs/<hash>`) beside the module and build caches. A page that
 * uses `milvusClient` without declaring it (the 2.0-era pages, whose client is created on another
 * page) gets it created first, as that page documents.
 *
 * A block that does not compile is taken out and the rest rebuilt; it is reported as a doc error
 * when `errata.json` records the compile error, as not applicable when it uses a name no block of
 * the page declares (a fragment the docs never complete), and as a failure otherwise.
 */

/** Runner name in reports. */
export const GO_RUNNER = 'go-sdk';

/** The Go modules the programs are built in: the SDK each pins, and the import paths that select it. */
export interface GoModule {
  name: 'current' | 'legacy';
  /** Folder with `go.mod` and `go.sum`. */
  dir: string;
  /** The SDK module path pinned by `go.mod`. */
  sdk: string;
  /** How the prelude creates `milvusClient` when a page uses it without declaring it. */
  prelude: { imports: string[]; code: string };
  /** Body of `mvkitCode(err error) (int32, bool)`: the Milvus code of an error. */
  code: { imports: string[]; body: string };
}

const GO_DIR = fileURLToPath(new URL('../../go/', import.meta.url));
/** Module, build and program caches (ignored by git). */
export const GO_CACHE = fileURLToPath(new URL('../../.cache/go/', import.meta.url));

export const GO_MODULES: readonly GoModule[] = [
  {
    name: 'current',
    dir: GO_DIR,
    sdk: 'github.com/milvus-io/milvus/client/v2',
    prelude: {
      imports: ['mvkitsdk "github.com/milvus-io/milvus/client/v2/milvusclient"', '"context"'],
      code: 'milvusClient, mvkitErr := mvkitsdk.New(context.Background(), &mvkitsdk.ClientConfig{Address: mvkitAddr("localhost:19530"), APIKey: mvkitToken()})\nif mvkitErr != nil {\n\tpanic(mvkitErr)\n}\ndefer milvusClient.Close(context.Background())',
    },
    code: { imports: ['"github.com/milvus-io/milvus/pkg/v2/util/merr"'], body: 'return merr.Code(err), true' },
  },
  {
    name: 'legacy',
    dir: join(GO_DIR, 'legacy'),
    sdk: 'github.com/milvus-io/milvus-sdk-go/v2',
    prelude: {
      // As the 2.0 docs' connect page (manage_connection.md) creates it.
      imports: ['mvkitsdk "github.com/milvus-io/milvus-sdk-go/v2/client"', '"context"'],
      code: 'milvusClient, mvkitErr := mvkitsdk.NewGrpcClient(context.Background(), mvkitAddr("localhost:19530"))\nif mvkitErr != nil {\n\tpanic(mvkitErr)\n}\ndefer milvusClient.Close()',
    },
    code: { imports: ['"google.golang.org/grpc/status"'], body: 'if s, ok := status.FromError(err); ok {\n\t\treturn int32(s.Code()), true\n\t}\n\treturn 0, false' },
  },
];

/** Standard packages the docs use without importing them. */
const STD_IMPORTS = ['context', 'fmt', 'time', 'errors', 'strings', 'os', 'strconv', 'math/rand'];

/** An import of a block: `alias "path"`. */
interface GoImport {
  alias?: string;
  path: string;
}

/** A block ready to be placed in the page program. */
export interface PreparedGoBlock {
  block: CodeBlock;
  /** The block's code, imports blanked (lines kept), addresses rewritten, error checks instrumented. */
  body: string;
  imports: GoImport[];
  rewrites: string[];
  /** Why the block cannot be placed in a program at all. */
  unsupported?: string;
  /** The code errata applied to the block before it was prepared (`block` keeps the documented code). */
  corrections?: CodeErratum[];
}

/** The address literals the docs write (gRPC and RESTful styles of the same port). */
const DOC_ADDRESS = /"((?:https?:\/\/)?(?:localhost|127\.0\.0\.1):19530)"/g;

/**
 * Prepares a Go block: takes out its `import` declarations (blank lines keep the numbering),
 * points documented addresses at the target (`mvkitAddr`, recorded as rewrites to `target`), and
 * instruments `if err != nil {` so the error is reported for the block.
 */
export function prepareGoBlock(block: CodeBlock, target: string): PreparedGoBlock {
  const imports: GoImport[] = [];
  const lines = block.code.split('\n');
  const rewrites: string[] = [];
  if (/^\s*package\s+\w+/m.test(block.code) || /^\s*func\s+main\s*\(/m.test(block.code)) {
    return { block, body: '', imports, rewrites, unsupported: 'a complete program (package/func main), not a fragment; the Go runner replays fragments' };
  }
  const spec = /^\s*(?:(\w+|\.|_)\s+)?"([^"]+)"\s*(?:\/\/.*)?$/;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const single = /^\s*import\s+((?:\w+|\.|_)\s+)?"([^"]+)"\s*(?:\/\/.*)?$/.exec(line);
    if (single) {
      imports.push({ ...(single[1] ? { alias: single[1].trim() } : {}), path: single[2]! });
      lines[i] = '';
    } else if (/^\s*import\s*\(\s*$/.test(line)) {
      lines[i] = '';
      for (i++; i < lines.length && !/^\s*\)\s*$/.test(lines[i]!); i++) {
        const m = spec.exec(lines[i]!);
        if (m) imports.push({ ...(m[1] ? { alias: m[1] } : {}), path: m[2]! });
        lines[i] = '';
      }
      if (i < lines.length) lines[i] = '';
    }
  }
  const body = lines
    .map((line, i) =>
      line
        .replace(DOC_ADDRESS, (_m, address: string) => {
          rewrites.push(`line ${i + 1}: ${address} → ${/^https?:\/\//.test(address) ? `${address.split('://')[0]}://${target}` : target}`);
          return `mvkitAddr(${JSON.stringify(address)})`;
        })
        .replace(/\bif\s+(err\w*)\s*!=\s*nil\s*\{/g, (m, name: string) => `${m} mvkitError(${name});`),
    )
    .join('\n');
  return { block, body, imports, rewrites };
}

/** The module a page's blocks are written for: by the SDK they import; the 2.0-era `milvusClient` idiom means the original SDK. */
export function moduleFor(blocks: readonly PreparedGoBlock[]): GoModule {
  const paths = blocks.flatMap((b) => b.imports.map((i) => i.path));
  const legacy = GO_MODULES.find((m) => m.name === 'legacy')!;
  const current = GO_MODULES.find((m) => m.name === 'current')!;
  if (paths.some((p) => p.startsWith(legacy.sdk))) return legacy;
  if (paths.some((p) => p.startsWith(current.sdk))) return current;
  return needsPrelude(blocks) ? legacy : current;
}

/** Whether the page uses `milvusClient` without any block declaring it. */
function needsPrelude(blocks: readonly PreparedGoBlock[]): boolean {
  const code = blocks.map((b) => b.body).join('\n');
  return /\bmilvusClient\s*\./.test(code) && !/\bmilvusClient\s*(?:,\s*\w+\s*)*:?=(?!=)|\bvar\s+milvusClient\b/.test(code);
}

const importLine = (i: GoImport) => `${i.alias ? `${i.alias} ` : ''}${JSON.stringify(i.path)}`;

/** The generated program: `main.go` and where each header import sits. */
export interface GoProgram {
  main: string;
  /** 1-based line of main.go → the import written there. */
  importAt: Map<number, string>;
}

/** Generates a page's `main.go` from its prepared blocks (those in `skip` left out, imports in `dropImports` not written). */
export function generateProgram(blocks: readonly PreparedGoBlock[], module: GoModule, skip: ReadonlySet<number>, dropImports: ReadonlySet<string>): GoProgram {
  const used = blocks.filter((b) => !skip.has(b.block.languageIndex) && !b.unsupported);
  const prelude = needsPrelude(used);
  const imports = new Set<string>();
  for (const b of used) for (const i of b.imports) if (i.path !== 'log') imports.add(importLine(i));
  const code = used.map((b) => b.body).join('\n');
  const named = new Set([...imports].map((l) => /^(\w+) /.exec(l)?.[1] ?? /"(?:[^"]*\/)?([^"/]+)"$/.exec(l)?.[1]));
  for (const std of STD_IMPORTS) {
    const name = std.split('/').pop()!;
    if (!named.has(name) && new RegExp(`\\b${name}\\.\\w`).test(code)) imports.add(JSON.stringify(std));
  }
  if (prelude) for (const i of module.prelude.imports) imports.add(i);
  const header = ['// Code generated by conformance/src/runners/go.ts from the Go blocks of a documentation page. DO NOT EDIT.', 'package main', '', 'import ('];
  const importAt = new Map<number, string>();
  for (const line of [...imports].sort()) {
    if (dropImports.has(line)) continue;
    header.push(`\t${line}`);
    importAt.set(header.length, line);
  }
  header.push(')', '', 'func main() {');
  let body = '';
  let close = '';
  if (prelude) {
    body += `mvkitRun(0, func() {\n${module.prelude.code}\nmvkitEnd(0)\n`;
    close = '})\n' + close;
  }
  for (const b of used) {
    const n = b.block.languageIndex;
    body += `mvkitRun(${n}, func() {\n//line go-block-${n}.go:1\n${b.body}\n//line mvkit-glue.go:1\nmvkitEnd(${n})\n`;
    close = '})\n' + close;
  }
  return { main: `${header.join('\n')}\n${body}${close}}\n`, importAt };
}

/** The runtime the program links with (package main, its own file). */
export function harness(module: GoModule): string {
  return `// Code generated by conformance/src/runners/go.ts. DO NOT EDIT.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
${module.code.imports.map((i) => `\t${i}`).join('\n')}
)

var mvkitMark = os.Getenv("MVKIT_GO_MARK")
var mvkitBlock = -1

// mvkitAddr answers the target for an address the docs write (keeping its http:// or https:// form).
func mvkitAddr(documented string) string {
	target := os.Getenv("MVKIT_GO_TARGET")
	if i := strings.Index(documented, "://"); i >= 0 {
		return documented[:i+3] + target
	}
	return target
}

func mvkitToken() string { return os.Getenv("MVKIT_GO_TOKEN") }

func mvkitEmit(kind string, v any) {
	b, _ := json.Marshal(v)
	fmt.Fprintf(os.Stdout, "\\n%s %s %s\\n", mvkitMark, kind, b)
}

func mvkitCode(err error) (int32, bool) {
	${module.code.body}
}

// mvkitError reports an error the block checked (the docs' "handle error").
func mvkitError(err error) {
	out := map[string]any{"block": mvkitBlock, "message": err.Error()}
	if code, ok := mvkitCode(err); ok {
		out["code"] = code
	}
	mvkitEmit("error", out)
}

type mvkitFatal string

func mvkitRun(n int, f func()) {
	mvkitBlock = n
	mvkitEmit("begin", n)
	defer func() {
		if r := recover(); r != nil {
			if fatal, ok := r.(mvkitFatal); ok {
				mvkitEmit("fatal", map[string]any{"block": n, "message": string(fatal)})
			} else {
				mvkitEmit("panic", map[string]any{"block": n, "message": fmt.Sprint(r)})
			}
		}
	}()
	f()
}

func mvkitEnd(n int) { mvkitEmit("end", n) }

// log stands for the standard logger: Fatal and Panic end the block (not the process).
type mvkitLogger struct{}

var log mvkitLogger

func (mvkitLogger) Fatal(v ...any)                 { panic(mvkitFatal(fmt.Sprint(v...))) }
func (mvkitLogger) Fatalf(format string, v ...any) { panic(mvkitFatal(fmt.Sprintf(format, v...))) }
func (mvkitLogger) Fatalln(v ...any)               { panic(mvkitFatal(fmt.Sprintln(v...))) }
func (mvkitLogger) Panic(v ...any)                 { panic(mvkitFatal(fmt.Sprint(v...))) }
func (mvkitLogger) Panicf(format string, v ...any) { panic(mvkitFatal(fmt.Sprintf(format, v...))) }
func (mvkitLogger) Panicln(v ...any)               { panic(mvkitFatal(fmt.Sprintln(v...))) }
func (mvkitLogger) Print(v ...any)                 { fmt.Fprint(os.Stderr, v...) }
func (mvkitLogger) Printf(format string, v ...any) { fmt.Fprintf(os.Stderr, format, v...) }
func (mvkitLogger) Println(v ...any)               { fmt.Fprintln(os.Stderr, v...) }
`;
}

/** Environment of every `go` command: caches inside the repo, no toolchain download, no cgo. */
export function goEnv(offline = false): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...(offline ? { GOPROXY: 'off', GOSUMDB: 'off' } : {}),
    GOMODCACHE: join(GO_CACHE, 'mod'),
    GOCACHE: join(GO_CACHE, 'build'),
    GOPATH: join(GO_CACHE, 'path'),
    GOFLAGS: '-mod=readonly -modcacherw',
    GOTOOLCHAIN: 'local',
    GOWORK: 'off',
    CGO_ENABLED: '0',
  };
}

/** How a command ended: exit code (null when killed), its output, and the spawn or exit error. */
export interface GoCommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: NodeJS.ErrnoException & { killed?: boolean };
}

function run(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout: number; input?: string }): Promise<GoCommandRun> {
  const { input, ...exec } = options;
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { ...exec, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as unknown as { code?: number }).code ?? null) : 0, stdout, stderr, ...(error ? { error: error as NodeJS.ErrnoException & { killed?: boolean } } : {}) });
    });
    child.stdin?.end(input);
  });
}

/**
 * Builds a command of the current module (`conformance/go/<name>`, a `package main` folder beside
 * `sdks.go`, e.g. `iterators`) with the pinned SDK into `conformance/.cache/go/bin/<name>`, with
 * {@link goEnv}. The first build on a clean clone downloads and compiles the SDK (minutes); Go's
 * build cache makes later ones take seconds.
 *
 * @param options.timeout - time limit of `go build`, ms (default 600 000).
 * @param options.offline - build with the module cache only (`GOPROXY=off`).
 * @returns the binary's path.
 * @throws Error when Go is missing or the build fails (with the compiler's output).
 */
export async function buildGoCommand(name: string, options: { timeout?: number; offline?: boolean } = {}): Promise<string> {
  const version = await goVersion();
  if (typeof version !== 'string') throw new Error(version.missing);
  const binary = join(GO_CACHE, 'bin', name);
  mkdirSync(join(GO_CACHE, 'bin'), { recursive: true });
  const r = await run('go', ['build', '-o', binary, `./${name}`], { cwd: GO_DIR, env: goEnv(options.offline), timeout: options.timeout ?? 600_000 });
  if (r.code !== 0) throw new Error(`go build ./${name} failed${r.error?.killed ? ' (timed out)' : ''}: ${(r.stderr || r.stdout).trim().split('\n').slice(0, 12).join('\n')}`);
  return binary;
}

/** The target's `host:port` (its address without a scheme or path), as the Go SDK dials it. */
const hostPort = (target: Target) => target.address.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');

/**
 * Runs a built Go program against a target: a minimal environment (PATH, HOME) plus
 * `MVKIT_GO_TARGET` (the target's host:port), `MVKIT_GO_TOKEN` and `env`; `input` on stdin.
 *
 * @param options.timeout - time limit, ms (the program is killed after it).
 */
export function runGoCommand(binary: string, target: Target, options: { env?: Record<string, string>; input?: string; timeout: number }): Promise<GoCommandRun> {
  return run(binary, [], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...options.env, MVKIT_GO_TARGET: hostPort(target), MVKIT_GO_TOKEN: target.token ?? '' },
    timeout: options.timeout,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
}

let goVersionMemo: Promise<string | { missing: string }> | undefined;

/** `go version`, or why Go cannot be used. */
export function goVersion(): Promise<string | { missing: string }> {
  return (goVersionMemo ??= run('go', ['version'], { env: goEnv(), timeout: 30_000 }).then((r) =>
    r.error && r.error.code === 'ENOENT'
      ? { missing: 'Go is not installed (no `go` on PATH); the Go blocks cannot run' }
      : r.code !== 0
        ? { missing: `\`go version\` failed: ${(r.stderr || r.stdout).trim()}` }
        : r.stdout.trim(),
  ));
}

/** The SDK versions pinned by the modules' go.mod files: `{ 'github.com/…/client/v2': 'v2.6.2', … }`. */
export function goSdkVersions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of GO_MODULES) {
    const mod = readFileSync(join(m.dir, 'go.mod'), 'utf8');
    const v = new RegExp(`${m.sdk.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} (v\\S+)`).exec(mod)?.[1];
    out[m.sdk] = v ?? 'unpinned';
  }
  return out;
}

/** The build of a page program: the binary, and the blocks taken out with their compile errors. */
interface GoBuild {
  binary?: string;
  /** Block → its first compile error. */
  excluded: Record<number, string>;
  /** Why nothing could be built (toolchain, module download). */
  fault?: string;
}

const COMPILE_ERROR = /^(?:\.\/)?([\w.-]+\.go):(\d+)(?::(\d+))?: (.*)$/;

/**
 * Builds a page program in its cache folder (module files copied beside it), taking out blocks
 * that do not compile and imports nobody uses, until it builds. The result is kept: an unchanged
 * program (same blocks, module and Go version) is not built again.
 */
async function buildPage(blocks: readonly PreparedGoBlock[], module: GoModule, version: string, buildTimeout: number, offline: boolean): Promise<GoBuild> {
  const skip = new Set<number>();
  const dropImports = new Set<string>();
  const excluded: Record<number, string> = {};
  const first = generateProgram(blocks, module, skip, dropImports);
  const gomod = readFileSync(join(module.dir, 'go.mod'), 'utf8');
  const gosum = readFileSync(join(module.dir, 'go.sum'), 'utf8');
  const key = createHash('sha256').update([version, gomod, gosum, harness(module), first.main].join('\0')).digest('hex').slice(0, 24);
  const dir = join(GO_CACHE, 'programs', key);
  const done = join(dir, 'build.json');
  if (existsSync(done)) {
    const cached = JSON.parse(readFileSync(done, 'utf8')) as GoBuild;
    if (!cached.binary || existsSync(cached.binary)) return cached;
  }
  const work = `${dir}.tmp-${process.pid}-${randomUUID().slice(0, 8)}`;
  mkdirSync(work, { recursive: true });
  copyFileSync(join(module.dir, 'go.mod'), join(work, 'go.mod'));
  copyFileSync(join(module.dir, 'go.sum'), join(work, 'go.sum'));
  writeFileSync(join(work, 'mvkit_harness.go'), harness(module));
  let result: GoBuild | undefined;
  for (let attempt = 0; attempt < blocks.length + 8 && !result; attempt++) {
    const program = attempt === 0 ? first : generateProgram(blocks, module, skip, dropImports);
    writeFileSync(join(work, 'main.go'), program.main);
    const r = await run('go', ['build', '-gcflags=-e', '-o', 'program', '.'], { cwd: work, env: goEnv(offline), timeout: buildTimeout });
    if (r.code === 0) {
      result = { binary: join(dir, 'program'), excluded };
      break;
    }
    if (r.error?.killed) {
      result = { excluded, fault: `go build timed out after ${buildTimeout} ms` };
      break;
    }
    let progress = false;
    for (const line of r.stderr.split('\n')) {
      const m = COMPILE_ERROR.exec(line.trim());
      if (!m) continue;
      const [, file, lineNo, , message] = m;
      const block = /^go-block-(\d+)\.go$/.exec(file!)?.[1];
      if (block !== undefined) {
        const n = Number(block);
        if (!skip.has(n)) {
          skip.add(n);
          excluded[n] = `line ${lineNo}: ${message}`;
          progress = true;
        }
      } else if (file === 'main.go' && /imported (?:as \w+ )?and not used/.test(message!)) {
        const imp = program.importAt.get(Number(lineNo));
        if (imp && !dropImports.has(imp)) {
          dropImports.add(imp);
          progress = true;
        }
      }
    }
    if (!progress) result = { excluded, fault: `go build failed: ${(r.stderr || r.stdout).trim().split('\n').slice(0, 12).join('\n')}` };
  }
  result ??= { excluded, fault: 'go build did not converge' };
  if (result.fault) {
    rmSync(work, { recursive: true, force: true });
    return result;
  }
  writeFileSync(join(work, 'build.json'), JSON.stringify(result, null, 2));
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(work, dir);
  } catch {
    // Another run built the same program at the same time: use theirs.
    rmSync(work, { recursive: true, force: true });
  }
  return result;
}

/** What one block did when the program ran. */
interface GoBlockRun {
  begun: boolean;
  ended: boolean;
  lines: string[];
  errors: { code?: number; message: string }[];
  /** `log.Fatal` or a panic. */
  abort?: string;
}

/** Splits a run's stdout by the harness's markers into per-block runs. */
export function parseGoRun(stdout: string, mark: string): Map<number, GoBlockRun> {
  const runs = new Map<number, GoBlockRun>();
  let current: GoBlockRun | undefined;
  const get = (n: number) => {
    let r = runs.get(n);
    if (!r) runs.set(n, (r = { begun: false, ended: false, lines: [], errors: [] }));
    return r;
  };
  for (const line of stdout.split('\n')) {
    if (line.startsWith(`${mark} `)) {
      const [, kind, ...rest] = line.split(' ');
      const value = JSON.parse(rest.join(' ')) as number | { block: number; message: string; code?: number };
      if (kind === 'begin') {
        current = get(value as number);
        current.begun = true;
      } else if (kind === 'end') {
        get(value as number).ended = true;
      } else if (kind === 'error') {
        const v = value as { block: number; message: string; code?: number };
        get(v.block).errors.push({ message: v.message, ...(v.code !== undefined ? { code: v.code } : {}) });
      } else if (kind === 'fatal' || kind === 'panic') {
        const v = value as { block: number; message: string };
        get(v.block).abort = `${kind === 'fatal' ? 'log.Fatal' : 'panic'}: ${v.message.trim()}`;
      }
      continue;
    }
    if (current && line.trim() !== '') current.lines.push(line);
  }
  return runs;
}

/**
 * The value a Go `fmt.Println` line stands for, to compare with a documented (JSON) output:
 * `true`/`false`, numbers, `[a b c]` (a slice of names: `%v` of `[]string`) as a list of strings,
 * anything else the text itself.
 */
export function goPrinted(line: string): unknown {
  const t = line.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  const list = /^\[([^[\]{}]*)\]$/.exec(t);
  if (list) return list[1]!.trim() === '' ? [] : list[1]!.trim().split(/\s+/);
  return t;
}

/** Options of {@link runGoPage}. */
export interface GoPageOptions {
  target: Target;
  /** Sets up the state the page assumes (its fixture), run right before the program. */
  setup: () => Promise<void>;
  errata: readonly Erratum[];
  /** Time limit of the program's run, ms. Default 60 000. */
  runTimeout?: number;
  /** Time limit of one `go build` (the first one downloads and compiles the SDK), ms. Default 600 000. */
  buildTimeout?: number;
  /** Build without the network (`GOPROXY=off`): only the module cache in `conformance/.cache/go`. */
  offline?: boolean;
}

/**
 * Runs the Go blocks of one page with the Milvus Go SDK against the target: generates and builds
 * the page program (see the module comment), applies the page's setup, runs the program and
 * compares each block's printed lines with its documented outputs (the last lines, one per
 * output, read as by {@link goPrinted}), with the errata.
 */
export async function runGoPage(page: string, blocks: readonly CodeBlock[], options: GoPageOptions): Promise<BlockResult[]> {
  const address = hostPort(options.target);
  // A block whose code has an erratum runs corrected (and is reported as the doc error it is).
  const prepared = blocks.map((b): PreparedGoBlock => {
    const { code, corrections } = correctedCode(options.errata, { page, language: b.language, block: b.languageIndex, client: GO_RUNNER }, b.code);
    return corrections.length ? { ...prepareGoBlock({ ...b, code }, address), block: b, corrections } : prepareGoBlock(b, address);
  });
  const result = (p: PreparedGoBlock, outcome: Outcome, detail: string): BlockResult => ({
    page,
    language: p.block.language,
    block: p.block.languageIndex,
    client: GO_RUNNER,
    outcome,
    detail,
    ...(p.rewrites.length ? { rewrites: p.rewrites } : {}),
  });
  const version = await goVersion();
  if (typeof version !== 'string') return prepared.map((p) => result(p, 'fail', version.missing));
  const module = moduleFor(prepared);
  const build = await buildPage(prepared, module, version, options.buildTimeout ?? 600_000, options.offline ?? false);
  if (build.fault) return prepared.map((p) => result(p, 'fail', `${module.sdk}: ${build.fault}`));
  try {
    await options.setup();
  } catch (e) {
    return prepared.map((p) => result(p, 'fail', `page fixture failed: ${(e as Error).message}`));
  }
  const mark = `MVKIT-GO-${randomUUID()}`;
  const timeout = options.runTimeout ?? 60_000;
  const r = await runGoCommand(build.binary!, options.target, { env: { MVKIT_GO_MARK: mark }, timeout });
  const runs = parseGoRun(r.stdout, mark);
  const stderrTail = r.stderr.trim().split('\n').slice(-5).join(' | ');
  const prelude = runs.get(0);
  if (prelude?.abort) return prepared.map((p) => result(p, 'fail', `creating milvusClient as the connect page documents failed: ${prelude.abort}`));
  const declared = prepared.map((p) => p.body).join('\n');
  let stopped: string | undefined;
  return prepared.map((p) => {
    const n = p.block.languageIndex;
    if (p.unsupported) return result(p, 'n/a', p.unsupported);
    const compile = build.excluded[n];
    if (compile !== undefined) return compileOutcome(p, compile, declared, result);
    const ran = runs.get(n);
    if (!ran?.begun) {
      const why = r.error?.killed ? `the program timed out after ${timeout} ms` : stopped ?? `the program ended before it (exit ${r.code}${stderrTail ? `: ${stderrTail}` : ''})`;
      return result(p, 'fail', `did not run: ${why}`);
    }
    if (ran.abort) {
      stopped = `go#${n} ended the page (${ran.abort})`;
      return result(p, 'fail', ran.abort + (ran.errors.length ? `; ${errorsText(ran.errors)}` : ''));
    }
    if (ran.errors.length) return result(p, 'fail', errorsText(ran.errors));
    if (!ran.ended) return result(p, 'fail', `did not finish (exit ${r.code}${stderrTail ? `: ${stderrTail}` : ''})`);
    const [outcome, detail] = checkGoOutputs(p.block, ran.lines, options.errata);
    if (p.corrections && outcome !== 'fail') return result(p, 'doc-error', `as documented the block does not compile: ${p.corrections.map((e) => e.reason).join(' ')} With the correction ${correctionsText(p.corrections)} it ran against the target: ${detail}`);
    return result(p, outcome, detail);
  });
}

const errorsText = (errors: readonly { code?: number; message: string }[]) => errors.map((e) => `error${e.code !== undefined ? ` (code ${e.code})` : ''}: ${e.message}`).join('; ');

/** The outcome of a block taken out of the program because it does not compile. */
function compileOutcome(p: PreparedGoBlock, compile: string, declared: string, result: (p: PreparedGoBlock, o: Outcome, d: string) => BlockResult): BlockResult {
  if (p.corrections) return result(p, 'fail', `does not compile even with the correction ${correctionsText(p.corrections)}: ${compile}`);
  const undef = /undefined: (\w+)/.exec(compile)?.[1];
  if (undef && !new RegExp(`\\b${undef}\\s*(?:,\\s*\\w+\\s*)*:=|\\bvar\\s+${undef}\\b|\\bfunc\\s+${undef}\\b`).test(declared)) {
    return result(p, 'n/a', `a fragment the docs never complete: it uses ${undef}, which no Go block of the page declares (${compile})`);
  }
  return result(p, 'fail', `does not compile: ${compile}`);
}

/** Compares a block's printed lines with its documented outputs (the last lines, one per output), with the errata. */
export function checkGoOutputs(block: CodeBlock, lines: readonly string[], errata: readonly Erratum[]): [Outcome, string] {
  const documented = block.documentedOutputs;
  if (documented.length === 0) return ['pass', lines.length ? `ran without error; printed ${render(lines.join('\n'))}` : 'ran without error'];
  if (lines.length < documented.length) return ['fail', `documents ${documented.length} output(s) but printed ${lines.length} line(s)`];
  const printed = lines.slice(lines.length - documented.length);
  const notes: string[] = [];
  let docError: string | undefined;
  for (let i = 0; i < documented.length; i++) {
    const doc = documented[i]!;
    const line = printed[i]!;
    const value = goPrinted(line);
    const direct = doc.text === line.trim() ? ({ ok: true } as const) : matchOutput(doc.value, value);
    if (direct.ok) {
      notes.push(`output matches (printed ${render(line)})`);
      continue;
    }
    const fix = resolveErratum(errata, { page: block.page, language: block.language, block: block.languageIndex, client: GO_RUNNER }, [doc.value], (expected) => matchOutput(expected, value).ok);
    if (!fix) return ['fail', `documented ${render(doc.value)}, printed ${render(line)}`];
    if (fix.kind === 'doc-error') docError = `documented ${render(doc.value)} is unreachable: printed ${render(line)} as the target answered. ${fix.reason}`;
    else notes.push(`output matches the erratum ${render(fix.expected)}: ${fix.reason}`);
  }
  return docError ? ['doc-error', docError] : ['pass', notes.join('; ')];
}
