import { createRequire } from 'node:module';
import { loadCorpus, loadData, type Page } from './corpus.js';
import { extractBlocks, type CodeBlock } from './extract.js';
import type { Erratum } from './match.js';
import { CURL, isCurlBlock, runCurlPage, runRestTransportPage, type CurlTarget } from './runners/curl.js';
import { runNodePage, type BlockResult, type FixtureStep, type NodeSdk, type Target } from './runners/node.js';
import { GO_RUNNER, goSdkVersions, runGoPage } from './runners/go.js';
import { ensurePythonEnv, PYMILVUS, runPythonPage, usesPymilvus1x, type PythonEnv } from './runners/python.js';
import { JAVA_RUNNER, javaSdk, runJavaPage } from './runners/java.js';
import { ensureMilvusCliEnv, MILVUS_CLI, runMilvusCliPage, type MilvusCliEnv } from './runners/milvus-cli.js';
import { REAL_MILVUS_VERSION, startRealMilvus } from './real-milvus.js';
import { runConstraints, type ConstraintsFile } from './constraints.js';

/** Which Node clients to run. */
export type ClientChoice = 'mvkit' | 'official' | 'both';

/** Options of {@link replay}. */
export interface ReplayOptions {
  /**
   * `embedded` (default): a reference server started for the run, or `uri` when given;
   * `milvus`: a real Milvus {@link REAL_MILVUS_VERSION} started for the run ({@link startRealMilvus}), `uri` ignored.
   */
  target?: 'embedded' | 'milvus';
  /** Server to run against; default: an embedded reference server on an ephemeral port. */
  uri?: string;
  /** Token or `user:password` for `uri`. */
  token?: string;
  /** The legacy `/api/v1` HTTP API of `uri`; default: the same host, port 9091. */
  legacyUri?: string;
  /** Replay the cURL blocks (with curl and through the REST transport); default true. */
  curl?: boolean;
  /** Default `both`. */
  client?: ClientChoice;
  /** Only this page (file name). */
  page?: string;
  /** Replay the Go blocks with the official Milvus Go SDK (builds in `conformance/.cache/go`); off unless true (the CLI turns it on unless `--no-go`). */
  go?: boolean;
  /** Replay the Python blocks with the pinned pymilvus (creates `conformance/.venv` when missing); off unless true (the CLI turns it on unless `--no-python`). */
  python?: boolean;
  /** Replay the Java blocks with the official Java SDK (needs a JDK and Maven); off unless true (the CLI turns it on unless `--no-java`). */
  java?: boolean;
  /** Replay the shell blocks (milvus_cli commands) with the pinned milvus_cli (creates `conformance/.cache/milvus-cli` when missing); off unless true (the CLI turns it on unless `--no-milvus-cli`). */
  milvusCli?: boolean;
  /** Called with each page's results as soon as the page has run (progress). */
  onResults?: (results: readonly BlockResult[]) => void;
}

/** How long the probe of a `uri` target may take, ms. */
const PROBE_MS = 10_000;

/**
 * Whether the target answers and takes the token: one ListDatabases through `@mvkit/client`.
 * @returns undefined when it does, else why not (the error's reason).
 */
async function probeTarget(target: Target): Promise<string | undefined> {
  const { MilvusClient } = await import('@mvkit/client');
  const client = new MilvusClient({ address: target.address, ...(target.token !== undefined ? { token: target.token } : {}) });
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_MS / 1000} s`)), PROBE_MS)));
    await Promise.race([client.listDatabases({}), timeout]);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    clearTimeout(timer);
    await client.close().catch(() => undefined);
  }
}

/** A known way in which the reference server differs from Milvus (data: `conformance/known-divergences.json`). */
export interface KnownDivergence {
  area: string;
  behaviour: string;
  reason: string;
  /** The steps of the differential test (`conformance/differential/`) this divergence accounts for. */
  steps?: string[];
  /** The steps depend on the real server's timing: they may agree in one run and diverge in another. */
  timing?: boolean;
}

/** The outcome of a replay. */
export interface Report {
  /** What ran against: `embedded mvkit reference server` or the URI. */
  target: string;
  /** Client name → package@version. */
  clients: Record<string, string>;
  /** Page → where its cURL blocks were sent (RESTful v2 base and legacy base): pages of different profiles run on different embedded servers. */
  endpoints: Record<string, { rest: string; legacy?: string }>;
  /** Page → the era it was replayed under (`docs/profiles.json`; `1.x` pages run on the default server). */
  profiles: Record<string, string>;
  results: BlockResult[];
  summary: { pass: number; fail: number; docError: number; notApplicable: number };
  knownDivergences: KnownDivergence[];
}

const require = createRequire(import.meta.url);

/** The two Node clients: ours (only the import line changes) and the pinned official SDK. */
export async function nodeSdks(choice: ClientChoice = 'both'): Promise<NodeSdk[]> {
  const sdks: NodeSdk[] = [];
  if (choice !== 'official') sdks.push({ name: 'mvkit', specifier: '@mvkit/client', module: (await import('@mvkit/client')) as unknown as NodeSdk['module'] });
  if (choice !== 'mvkit') {
    sdks.push({ name: 'official', specifier: '@zilliz/milvus2-sdk-node', module: (await import('@zilliz/milvus2-sdk-node')) as unknown as NodeSdk['module'] });
  }
  return sdks;
}

function versionOf(pkg: string): string {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return 'workspace';
  }
}

/** Applies a page's fixture with the mvkit client over gRPC (the setup the cURL blocks assume). */
async function applyFixture(target: Target, steps: readonly FixtureStep[]): Promise<void> {
  if (steps.length === 0) return;
  const { MilvusClient } = await import('@mvkit/client');
  const client = new MilvusClient({ address: target.address, ...(target.token !== undefined ? { token: target.token } : {}) }) as unknown as Record<string, (req: unknown) => Promise<unknown>> & { close(): Promise<void> };
  try {
    for (const step of steps) {
      if (typeof client[step.op] !== 'function') throw new Error(`fixture step ${step.op} is not a method of @mvkit/client`);
      await client[step.op]!(step.args);
    }
  } finally {
    await client.close();
  }
}

/** The server profile a page's era runs on: its own, except `1.x` (served by every profile), which runs on the default one. */
const serverProfileOf = (era: string): '2.2' | '2.3' | '2.5' => (era === '2.2' || era === '2.3' ? era : '2.5');

/** Why a block of another language is not run here. */
function notRun(block: CodeBlock): BlockResult {
  return { page: block.page, language: block.language, block: block.languageIndex, client: '-', outcome: 'n/a', detail: `no ${block.language} runner yet` };
}

/**
 * Replays every code block of the corpus against a target and reports, block by block and client
 * by client, whether the documented behaviour holds. JavaScript blocks run with each Node client;
 * blocks in languages without a runner are listed as not applicable, with the reason.
 */
export async function replay(options: ReplayOptions = {}): Promise<Report> {
  const fixtures = loadData<Record<string, FixtureStep[]>>('fixtures.json');
  const errata = loadData<Erratum[]>('errata.json');
  const knownDivergences = loadData<KnownDivergence[]>('../known-divergences.json');
  const eras = loadData<Record<string, string>>('profiles.json');
  const constraints = loadData<ConstraintsFile>('constraints.json').cases;
  const pages = loadCorpus().filter((p: Page) => !options.page || p.name === options.page);
  if (pages.length === 0) throw new Error(`no page named ${options.page}`);
  let close: (() => Promise<void>) | undefined;
  /** Embedded targets by server profile (each started on first use); undefined for a `uri` or real Milvus target. */
  let embedded: ((profile: '2.2' | '2.3' | '2.5') => Promise<{ target: Target; name: string; curl: CurlTarget }>) | undefined;
  let target: Target;
  let targetName: string;
  let curlTarget: CurlTarget;
  if (options.target === 'milvus') {
    const milvus = await startRealMilvus();
    close = () => milvus.close();
    target = { address: milvus.address };
    targetName = `real Milvus ${REAL_MILVUS_VERSION} (PyPI milvus==${REAL_MILVUS_VERSION}, ${milvus.address}, legacy HTTP ${milvus.legacyUri})`;
    curlTarget = { restUrl: milvus.uri, legacyUrl: milvus.legacyUri, token: 'root:Milvus' };
  } else if (options.uri) {
    target = { address: options.uri, ...(options.token !== undefined ? { token: options.token } : {}) };
    targetName = options.uri;
    const rest = new URL(/^[a-z]+:\/\//i.test(options.uri) ? options.uri : `http://${options.uri}`);
    if (!rest.port) rest.port = '19530';
    const legacy = options.legacyUri ? new URL(/^[a-z]+:\/\//i.test(options.legacyUri) ? options.legacyUri : `http://${options.legacyUri}`) : new URL(rest.origin);
    if (!options.legacyUri) legacy.port = '9091';
    curlTarget = { restUrl: rest.origin, legacyUrl: legacy.origin, token: options.token ?? 'root:Milvus' };
  } else {
    const { startServer } = await import('@mvkit/server');
    const servers = new Map<string, Promise<{ target: Target; name: string; curl: CurlTarget; close: () => Promise<void> }>>();
    embedded = (profile) => {
      if (!servers.has(profile)) {
        // The legacy /api/v1 port on an ephemeral port: 9091 may be taken on this machine.
        servers.set(profile, startServer({ port: 0, legacyHttpPort: 0, profile }).then((server) => ({
          target: { address: server.address, token: 'root:Milvus' },
          name: `embedded mvkit reference server (${server.address}, legacy HTTP ${server.legacyUrl})`,
          curl: { restUrl: server.restUrl, ...(server.legacyUrl ? { legacyUrl: server.legacyUrl } : {}), token: 'root:Milvus' },
          close: () => server.close(),
        })));
      }
      return servers.get(profile)!;
    };
    close = async () => {
      for (const s of servers.values()) await (await s).close();
    };
    ({ target, curl: curlTarget } = await embedded('2.5'));
    targetName = 'embedded mvkit reference server (one per page profile)';
  }
  // A target that does not answer, or refuses the token, fails every block with the reason (and a report).
  const unreachable = options.uri && options.target !== 'milvus' ? await probeTarget(target) : undefined;
  const sdks = await nodeSdks(options.client);
  // Every SDK's API is a reference, run or not: a method one offers and the SDK under test lacks fails.
  const reference = await nodeSdks('both');
  const results: BlockResult[] = [];
  const endpoints: Report['endpoints'] = {};
  let python: { env?: PythonEnv; envError?: string } = {};
  if (options.python) python = await ensurePythonEnv().then((env) => ({ env }), (e: Error) => ({ envError: e.message }));
  // Pages written against the pymilvus 1.x API run with pymilvus 1.x (its own venv), set up only when the corpus has one.
  let python1x: { env1x?: PythonEnv; env1xError?: string } = {};
  if (options.python && pages.some((p) => usesPymilvus1x(extractBlocks(p).filter((b) => b.language === 'python')))) {
    python1x = await ensurePythonEnv({ name: 'pymilvus-1.x' }).then((env1x) => ({ env1x }), (e: Error) => ({ env1xError: e.message }));
  }
  let milvusCli: { env?: MilvusCliEnv; envError?: string } = {};
  if (options.milvusCli) milvusCli = await ensureMilvusCliEnv().then((env) => ({ env }), (e: Error) => ({ envError: e.message }));
  try {
    for (const page of pages) {
      const blocks = extractBlocks(page);
      const era = eras[page.name] ?? '2.5';
      if (embedded) ({ target, curl: curlTarget } = await embedded(serverProfileOf(era)));
      endpoints[page.name] = { rest: curlTarget.restUrl, ...(curlTarget.legacyUrl ? { legacy: curlTarget.legacyUrl } : {}) };
      if (unreachable !== undefined) {
        const failed = blocks.map((b): BlockResult => ({ page: page.name, language: b.language, block: b.languageIndex, client: '-', outcome: 'fail', detail: `the target ${targetName} cannot be used: ${unreachable}` }));
        results.push(...failed);
        options.onResults?.(failed);
        continue;
      }
      const js = blocks.filter((b) => b.language === 'javascript');
      const byKey = new Map<string, BlockResult[]>();
      for (const sdk of sdks) {
        const peers = reference.filter((r) => r.name !== sdk.name);
        const pageResults = js.length ? await runNodePage(page.name, js, { sdk, target, fixture: fixtures[page.name] ?? [], errata, peers }) : [];
        for (const r of pageResults) byKey.set(`${r.language}#${r.block}`, [...(byKey.get(`${r.language}#${r.block}`) ?? []), r]);
      }
      const curlBlocks = options.curl === false ? [] : blocks.filter(isCurlBlock);
      if (options.curl === false) for (const b of blocks.filter(isCurlBlock)) byKey.set(`${b.language}#${b.languageIndex}`, [{ page: page.name, language: b.language, block: b.languageIndex, client: 'curl', outcome: 'n/a', detail: 'skipped by --no-curl' }]);
      if (curlBlocks.length) {
        const fixture = fixtures[page.name] ?? [];
        const setup = () => applyFixture(target, fixture);
        const { RestTransport } = await import('@mvkit/transport-rest');
        const transport = new RestTransport({ address: curlTarget.restUrl, token: curlTarget.token });
        try {
          const runs = [
            ...(await runCurlPage(page.name, curlBlocks, { target: curlTarget, setup, errata })),
            ...(await runRestTransportPage(page.name, curlBlocks, { target: curlTarget, setup, errata, transport })),
          ];
          for (const r of runs) byKey.set(`${r.language}#${r.block}`, [...(byKey.get(`${r.language}#${r.block}`) ?? []), r]);
        } finally {
          await transport.close();
        }
      }
      const javaBlocks = blocks.filter((b) => b.language === 'java');
      const javaSkip = options.java ? undefined : options.java === false ? 'skipped by --no-java' : 'skipped: the java-sdk runner was not requested (ReplayOptions.java; the CLI runs it unless --no-java)';
      for (const r of javaBlocks.length ? await runJavaPage(page.name, javaBlocks, { target, setup: () => applyFixture(target, fixtures[page.name] ?? []), errata, ...(javaSkip ? { skip: javaSkip } : {}) }) : []) byKey.set(`${r.language}#${r.block}`, [...(byKey.get(`${r.language}#${r.block}`) ?? []), r]);
      const pyBlocks = blocks.filter((b) => b.language === 'python');
      const pySkip = options.python ? undefined : options.python === false ? 'skipped by --no-python' : 'skipped: the pymilvus runner was not requested (ReplayOptions.python; the CLI runs it unless --no-python)';
      for (const r of !pyBlocks.length ? [] : pySkip ? pyBlocks.map((b): BlockResult => ({ page: page.name, language: b.language, block: b.languageIndex, client: PYMILVUS, outcome: 'n/a', detail: pySkip })) : await runPythonPage(page.name, pyBlocks, { target: { uri: curlTarget.restUrl, token: curlTarget.token }, ...python, ...python1x, setup: () => applyFixture(target, fixtures[page.name] ?? []), fixture: fixtures[page.name] ?? [], errata })) byKey.set(`${r.language}#${r.block}`, [...(byKey.get(`${r.language}#${r.block}`) ?? []), r]);
      const goBlocks = blocks.filter((b) => b.language === 'go');
      const goSkip = options.go ? undefined : options.go === false ? 'skipped by --no-go' : 'skipped: the go-sdk runner was not requested (ReplayOptions.go; the CLI runs it unless --no-go)';
      for (const r of !goBlocks.length ? [] : goSkip ? goBlocks.map((b): BlockResult => ({ page: page.name, language: b.language, block: b.languageIndex, client: GO_RUNNER, outcome: 'n/a', detail: goSkip })) : await runGoPage(page.name, goBlocks, { target, setup: () => applyFixture(target, fixtures[page.name] ?? []), errata })) byKey.set(`${r.language}#${r.block}`, [...(byKey.get(`${r.language}#${r.block}`) ?? []), r]);
      const shellBlocks = blocks.filter((b) => b.language === 'shell');
      const cliSkip = options.milvusCli ? undefined : options.milvusCli === false ? 'skipped by --no-milvus-cli' : 'skipped: the milvus_cli runner was not requested (ReplayOptions.milvusCli; the CLI runs it unless --no-milvus-cli)';
      for (const r of !shellBlocks.length ? [] : cliSkip ? shellBlocks.map((b): BlockResult => ({ page: page.name, language: b.language, block: b.languageIndex, client: MILVUS_CLI, outcome: 'n/a', detail: cliSkip })) : await runMilvusCliPage(page.name, shellBlocks, { target: { uri: curlTarget.restUrl, token: curlTarget.token }, ...milvusCli, setup: () => applyFixture(target, fixtures[page.name] ?? []), errata })) byKey.set(`${r.language}#${r.block}`, [...(byKey.get(`${r.language}#${r.block}`) ?? []), r]);
      const pageConstraints = constraints.filter((c) => c.page === page.name);
      const constraintResults = await runConstraints(page.name, pageConstraints, { target, profile: era, setup: () => applyFixture(target, fixtures[page.name] ?? []) });
      const pageResults = [...blocks.flatMap((block) => byKey.get(`${block.language}#${block.languageIndex}`) ?? [notRun(block)]), ...constraintResults];
      results.push(...pageResults);
      options.onResults?.(pageResults);
    }
  } finally {
    await close?.();
  }
  const count = (o: BlockResult['outcome']) => results.filter((r) => r.outcome === o).length;
  return {
    target: targetName,
    clients: {
      ...Object.fromEntries(sdks.map((s) => [s.name, `${s.specifier}@${versionOf(s.specifier)}`])),
      ...(options.go ? { [GO_RUNNER]: Object.entries(goSdkVersions()).map(([m, v]) => `${m}@${v}`).join(', ') } : {}),
      ...(options.java ? { [JAVA_RUNNER]: javaSdk() } : {}),
      ...(options.milvusCli ? { [MILVUS_CLI]: milvusCli.env ? `milvus-cli==${milvusCli.env.milvusCli} (pymilvus==${milvusCli.env.pymilvus})` : `unavailable: ${milvusCli.envError}` } : {}),
      ...(options.python ? { [PYMILVUS]: python.env ? `pymilvus==${python.env.pymilvus} (${python.env.python})` : `unavailable: ${python.envError}` } : {}),
      ...(python1x.env1x || python1x.env1xError ? { [`${PYMILVUS} 1.x`]: python1x.env1x ? `pymilvus==${python1x.env1x.pymilvus} (${python1x.env1x.python}), for the pages written against the pymilvus 1.x API` : `unavailable: ${python1x.env1xError}` } : {}),
      ...(options.curl === false ? {} : { curl: CURL, 'rest-transport': `@mvkit/transport-rest@${versionOf('@mvkit/transport-rest')} RestTransport.request` }),
    },
    profiles: Object.fromEntries(pages.map((p) => [p.name, eras[p.name] ?? '2.5'])),
    endpoints,
    results,
    summary: { pass: count('pass'), fail: count('fail'), docError: count('doc-error'), notApplicable: count('n/a') },
    knownDivergences,
  };
}
