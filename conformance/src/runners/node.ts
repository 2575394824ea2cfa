import { createContext, runInContext, type Context } from 'node:vm';
import { parse, type Node } from 'acorn';
import MagicString from 'magic-string';
import type { CodeBlock } from '../extract.js';
import { correctedCode, correctionsText, matchOutput, render, resolveErratum, type Erratum } from '../match.js';

/** A Node Milvus SDK under test: its report name, the import specifier it replaces the docs' with, and the module. */
export interface NodeSdk {
  /** Name in reports: `mvkit` or `official`. */
  name: string;
  /** Module specifier written into the rewritten import line, e.g. `@mvkit/client`. */
  specifier: string;
  /** The loaded module: at least `MilvusClient` (constructed as `new MilvusClient({ address, token })`). */
  module: { MilvusClient: new (options: { address: string; token?: string }) => object; [name: string]: unknown };
}

/** The server the examples run against. */
export interface Target {
  /** `host:port` or `http://host:port`. */
  address: string;
  /** Token or `user:password`; the docs' `root:Milvus` is replaced by it. */
  token?: string;
}

/** Outcome of one block for one client. */
export type Outcome = 'pass' | 'fail' | 'n/a' | 'doc-error';

/** Result of one block for one client. */
export interface BlockResult {
  page: string;
  language: string;
  /** Position among the page's blocks of this language, 1-based. */
  block: number;
  client: string;
  outcome: Outcome;
  /** Why: the error, the mismatch, the erratum used, or why the block is not applicable. */
  detail: string;
  /** Changes made to the block before it ran (cURL runners: endpoints and token pointed at the target). */
  rewrites?: string[];
}

/** The endpoint and credentials the docs write, which the runner points at the target (like cURL's CLUSTER_ENDPOINT/TOKEN). */
const DOC_ADDRESSES = new Set(['http://localhost:19530', 'localhost:19530', '127.0.0.1:19530', 'http://127.0.0.1:19530']);
const DOC_TOKENS = new Set(['root:Milvus']);
const DOC_SDK = '@zilliz/milvus2-sdk-node';

type AnyNode = Node & Record<string, unknown>;

/** A rewritten block: runnable code, the rewritten import line (if any), and the member chains it calls. */
export interface TransformedBlock {
  code: string;
  importLine?: string;
  /** Member-call chains rooted at an identifier, e.g. `['milvusClient', 'partitionManager', 'releasePartitions']`. */
  calls: string[][];
}

/**
 * Rewrites a documented JavaScript block so that consecutive blocks of a page share state in one
 * `vm` context: the SDK import becomes bindings from the SDK under test (the only change to
 * the code besides the endpoint), top-level `let`/`const`/`var` become assignments to context
 * globals, the documented endpoint and token become the target's, and the whole is wrapped in an
 * async function (the docs use top-level `await`).
 *
 * @throws SyntaxError when the block does not parse.
 */
export function transformBlock(source: string, target: Target, specifier: string): TransformedBlock {
  const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true }) as unknown as AnyNode;
  const s = new MagicString(source);
  let importLine: string | undefined;
  const calls: string[][] = [];
  for (const stmt of ast.body as AnyNode[]) {
    if (stmt.type === 'ImportDeclaration') {
      const from = (stmt.source as AnyNode).value as string;
      const names = (stmt.specifiers as AnyNode[]).map((sp) => ({ local: (sp.local as AnyNode).name as string, imported: sp.type === 'ImportSpecifier' ? ((sp.imported as AnyNode).name as string) : 'default' }));
      if (from !== DOC_SDK) throw new Error(`block imports ${from}, not ${DOC_SDK}`);
      importLine = source.slice(stmt.start, stmt.end).replace(from, specifier);
      s.overwrite(stmt.start, stmt.end, names.map((n) => `${n.local} = __sdk[${JSON.stringify(n.imported)}];`).join(' '));
    } else if (stmt.type === 'VariableDeclaration') {
      const decls = stmt.declarations as AnyNode[];
      const parts = decls.map((d) => {
        const id = d.id as AnyNode;
        const lhs = source.slice(id.start, id.end);
        const init = d.init as AnyNode | null;
        const rhs = init ? source.slice(init.start, init.end) : 'undefined';
        return id.type === 'Identifier' ? `${lhs} = ${rhs}` : `(${lhs} = ${rhs})`;
      });
      // Rewrite literals inside the initialisers first, then replace the declaration as a whole.
      const text = parts.join(', ');
      s.overwrite(stmt.start, stmt.end, `${substituteLiterals(text, target)};`);
    }
  }
  walk(ast, (node) => {
    if (node.type === 'Literal' && typeof node.value === 'string' && !inside(node, ast.body as AnyNode[], ['VariableDeclaration', 'ImportDeclaration'])) {
      const replacement = substitute(node.value, target);
      if (replacement !== node.value) s.overwrite(node.start, node.end, JSON.stringify(replacement));
    }
    if (node.type === 'CallExpression') {
      const chain = memberChain(node.callee as AnyNode);
      if (chain) calls.push(chain);
    }
  });
  return { code: `(async () => {\n${s.toString()}\n})()`, ...(importLine ? { importLine } : {}), calls };
}

function substitute(value: string, target: Target): string {
  if (DOC_ADDRESSES.has(value)) return target.address;
  if (DOC_TOKENS.has(value) && target.token !== undefined) return target.token;
  return value;
}

function substituteLiterals(code: string, target: Target): string {
  const ast = parse(`(${code})`, { ecmaVersion: 'latest', allowAwaitOutsideFunction: true }) as unknown as AnyNode;
  const s = new MagicString(`(${code})`);
  walk(ast, (node) => {
    if (node.type === 'Literal' && typeof node.value === 'string') {
      const replacement = substitute(node.value, target);
      if (replacement !== node.value) s.overwrite(node.start, node.end, JSON.stringify(replacement));
    }
  });
  return s.toString().slice(1, -1);
}

function inside(node: AnyNode, body: AnyNode[], types: string[]): boolean {
  return body.some((stmt) => types.includes(stmt.type) && stmt.start <= node.start && node.end <= stmt.end);
}

function walk(node: AnyNode, visit: (n: AnyNode) => void): void {
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const v of value) if (v && typeof v === 'object' && typeof (v as AnyNode).type === 'string') walk(v as AnyNode, visit);
    if (value && typeof value === 'object' && typeof (value as AnyNode).type === 'string') walk(value as AnyNode, visit);
  }
}

function memberChain(node: AnyNode): string[] | undefined {
  if (node.type === 'Identifier') return [node.name as string];
  if (node.type === 'MemberExpression' && !node.computed) {
    const head = memberChain(node.object as AnyNode);
    return head ? [...head, (node.property as AnyNode).name as string] : undefined;
  }
  return undefined;
}

/**
 * Status fields of an official-SDK result: the result itself (ResStatus) or its `status`; an empty
 * answer (`{}`, what the official SDK resolves for gRPC UNIMPLEMENTED) counts as failed.
 */
function failedStatus(result: unknown): { code?: number; error_code: string; reason: string } | undefined {
  if (!result || typeof result !== 'object') return undefined;
  const r = result as Record<string, unknown>;
  // The official SDK resolves an RPC the server does not implement (gRPC UNIMPLEMENTED) with `{}`.
  if (Object.getPrototypeOf(r) === Object.prototype && Object.keys(r).length === 0) {
    return { error_code: 'NoStatus', reason: 'the answer carries no status (the server may not implement the RPC)' };
  }
  const status = (typeof r.error_code === 'string' ? r : r.status) as { code?: number; error_code?: string; reason?: string } | undefined;
  if (!status || typeof status.error_code !== 'string') return undefined;
  return status.error_code === 'Success' && !status.code ? undefined : { ...(status.code !== undefined ? { code: status.code } : {}), error_code: status.error_code, reason: status.reason ?? '' };
}

/**
 * Wraps an SDK's `MilvusClient` so every client built by the docs is recorded (to close it) and
 * every call's returned status is checked: the official SDK returns failures instead of throwing,
 * and a block that "succeeds" with a failed status is a failure.
 */
function instrument(sdk: NodeSdk, clients: object[], failures: string[]): NodeSdk['module']['MilvusClient'] {
  const wrap = (client: object): object =>
    new Proxy(client, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
        return (...args: unknown[]) => {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (!(result instanceof Promise)) return result;
          return result.then((res: unknown) => {
            const failed = failedStatus(res);
            if (failed) failures.push(`${prop} returned ${failed.error_code}${failed.code !== undefined ? ` (code ${failed.code})` : ''}: ${failed.reason}`);
            return res;
          });
        };
      },
    });
  return new Proxy(sdk.module.MilvusClient, {
    construct(target, args) {
      const client = Reflect.construct(target, args) as object;
      clients.push(client);
      return wrap(client);
    },
  });
}

/** Closes a client of either SDK. */
async function closeClient(client: object): Promise<void> {
  const c = client as { close?: () => Promise<unknown>; closeConnection?: () => Promise<unknown> };
  if (typeof c.closeConnection === 'function') await c.closeConnection();
  else if (typeof c.close === 'function') await c.close();
}

/** One fixture step: an SDK method and its request. */
export interface FixtureStep {
  op: string;
  args: Record<string, unknown>;
}

/** Options of {@link runNodePage}. */
export interface NodePageOptions {
  sdk: NodeSdk;
  target: Target;
  /** Setup the page assumes, run first with the SDK under test. */
  fixture: readonly FixtureStep[];
  errata: readonly Erratum[];
  /** Per-block time limit, ms. Default 30 000. */
  blockTimeout?: number;
  /**
   * The other SDKs whose API a block may call: a client method that `sdk` lacks and one of them
   * offers fails the block (a gap of the SDK under test); one that none offers is n/a.
   */
  peers?: readonly NodeSdk[];
}

/**
 * Runs the JavaScript blocks of one page in page order, sharing state, with one SDK against the
 * target, and checks each block's documented outputs.
 */
export async function runNodePage(page: string, blocks: readonly CodeBlock[], options: NodePageOptions): Promise<BlockResult[]> {
  const { sdk, target } = options;
  const clients: object[] = [];
  const failures: string[] = [];
  const logs: unknown[] = [];
  const result = (block: CodeBlock, outcome: Outcome, detail: string): BlockResult => ({ page, language: block.language, block: block.languageIndex, client: sdk.name, outcome, detail });
  const MilvusClient = instrument(sdk, clients, failures);
  try {
    const fixtureClient = new MilvusClient({ address: target.address, ...(target.token !== undefined ? { token: target.token } : {}) }) as Record<string, (req: unknown) => Promise<unknown>>;
    try {
      for (const step of options.fixture) {
        if (typeof fixtureClient[step.op] !== 'function') throw new Error(`fixture step ${step.op} is not a method of ${sdk.name}`);
        await fixtureClient[step.op]!(step.args);
        if (failures.length) throw new Error(failures.join('; '));
      }
    } catch (e) {
      return blocks.map((b) => result(b, 'fail', `page fixture failed: ${(e as Error).message}`));
    }
    const constructsClient = blocks.some((b) => /new\s+MilvusClient\b/.test(b.code));
    const context: Context = createContext({
      __sdk: { ...sdk.module, MilvusClient },
      console: { log: (...args: unknown[]) => logs.push(args.length === 1 ? args[0] : args), error: () => undefined, warn: () => undefined, info: () => undefined },
      setTimeout,
      clearTimeout,
      ...(constructsClient ? {} : { milvusClient: fixtureClient, client: fixtureClient }),
    });
    const runBlock = async (block: CodeBlock, code: string): Promise<BlockResult> => {
      logs.length = 0;
      failures.length = 0;
      let transformed: TransformedBlock;
      try {
        transformed = transformBlock(code, target, sdk.specifier);
      } catch (e) {
        return result(block, 'fail', `does not parse: ${(e as Error).message}`);
      }
      const missing = transformed.calls.map((chain) => missingMember(context, chain)).find((m) => m !== undefined);
      if (missing) {
        const offering = (options.peers ?? []).find((peer) => clientOffers(context, sdk, peer, missing));
        return offering
          ? result(block, 'fail', `${missing} is not part of the ${sdk.name} SDK's API (${sdk.specifier}), which ${offering.specifier} offers`)
          : result(block, 'n/a', `${missing} is not part of the ${sdk.name} SDK's API (${sdk.specifier}); no installable SDK offers it`);
      }
      try {
        await withTimeout(runInContext(transformed.code, context, { filename: `${page}#javascript-${block.languageIndex}` }) as Promise<unknown>, options.blockTimeout ?? 30_000);
      } catch (e) {
        return result(block, 'fail', `threw: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (failures.length) return result(block, 'fail', failures.join('; '));
      return checkOutputs(block, [...logs], sdk.name, options.errata, result);
    };
    const out: BlockResult[] = [];
    for (const block of blocks) {
      // A block whose code has an erratum for this SDK runs corrected (and is reported as the doc error it is).
      const { code, corrections } = correctedCode(options.errata, { page, language: block.language, block: block.languageIndex, client: sdk.name }, block.code);
      const r = await runBlock(block, code);
      if (!corrections.length) out.push(r);
      else if (r.outcome === 'pass' || r.outcome === 'doc-error') out.push(result(block, 'doc-error', `as documented the block cannot run with ${sdk.specifier}: ${corrections.map((e) => e.reason).join(' ')} With the correction ${correctionsText(corrections)} it ran against the target: ${r.detail}`));
      else out.push(result(block, 'fail', `even with the correction ${correctionsText(corrections)}: ${r.detail}`));
    }
    return out;
  } finally {
    await Promise.allSettled(clients.map(closeClient));
  }
}

function checkOutputs(
  block: CodeBlock,
  logs: unknown[],
  client: string,
  errata: readonly Erratum[],
  result: (block: CodeBlock, outcome: Outcome, detail: string) => BlockResult,
): BlockResult {
  const documented = block.documentedOutputs;
  if (documented.length === 0) return result(block, 'pass', 'ran without error');
  if (logs.length < documented.length) return result(block, 'fail', `documents ${documented.length} output(s) but printed ${logs.length}`);
  const printed = logs.slice(logs.length - documented.length);
  const notes: string[] = [];
  let docError: string | undefined;
  for (let i = 0; i < documented.length; i++) {
    const doc = documented[i]!.value;
    const actual = printed[i];
    const direct = matchOutput(doc, actual);
    if (direct.ok) {
      notes.push(`output matches${direct.via ? ` (${direct.via})` : ''}`);
      continue;
    }
    const fix = resolveErratum(errata, { page: block.page, language: block.language, block: block.languageIndex, client }, [doc], (expected) => matchOutput(expected, actual).ok);
    if (!fix) return result(block, 'fail', direct.detail);
    if (fix.kind === 'doc-error') docError = `documented ${render(doc)} is unreachable: printed ${render(actual)} as the target answered. ${fix.reason}`;
    else notes.push(`output matches the erratum ${render(fix.expected)} for documented ${render(doc)}: ${fix.reason}`);
  }
  return docError ? result(block, 'doc-error', docError) : result(block, 'pass', notes.join('; '));
}

/** The first step of a member chain that does not exist on the live objects, as `a.b.c`, or undefined. */
function missingMember(context: Context, chain: string[]): string | undefined {
  const [root, ...rest] = chain;
  if (!root || !(root in context)) return undefined;
  let value: unknown = (context as Record<string, unknown>)[root];
  if (value === undefined || value === null) return undefined;
  for (let i = 0; i < rest.length; i++) {
    value = (value as Record<string, unknown>)[rest[i]!];
    if (value === undefined) return [root, ...rest.slice(0, i + 1)].join('.');
  }
  return undefined;
}

/**
 * Whether `peer`'s `MilvusClient` has the member chain that `missing` (`client.createAlias`) names
 * on one of `sdk`'s clients.
 */
function clientOffers(context: Context, sdk: NodeSdk, peer: NodeSdk, missing: string): boolean {
  const [root, ...rest] = missing.split('.');
  const value = (context as Record<string, unknown>)[root!];
  if (!(value instanceof sdk.module.MilvusClient)) return false;
  let member: unknown = peer.module.MilvusClient.prototype;
  for (const key of rest) {
    member = member === null || member === undefined ? undefined : (member as Record<string, unknown>)[key];
    if (member === undefined) return false;
  }
  return true;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
