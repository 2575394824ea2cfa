import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, loadData } from '../src/corpus.js';
import { documentedOutputs, extractBlocks, type CodeBlock } from '../src/extract.js';
import type { Erratum } from '../src/match.js';
import { replay, type Report } from '../src/replay.js';
import { generatePage, javaDocumentedOutputs, javaTarget, javaToolchain, javaValue, lexJava, rewriteJava, runJavaPage, splitJava } from '../src/runners/java.js';

const target = javaTarget({ address: '127.0.0.1:4000', token: 'alice:secret' });

function block(languageIndex: number, code: string): CodeBlock {
  return { page: 'p.md', index: languageIndex, languageIndex, language: 'java', group: 0, code, documentedOutputs: [] };
}

describe('Java fragments', () => {
  it('lexes comments and literals, and rewrites the documented address, port and token', () => {
    expect(lexJava('a("x;//y"); // c\n/* d */ \'e\'').map((t) => t.kind)).toEqual(['code', 'string', 'code', 'comment', 'code', 'comment', 'code', 'char']);
    const { code, rewrites } = rewriteJava('String CLUSTER_ENDPOINT = "http://localhost:19530";\n// "localhost" in a comment stays\nString TOKEN = "root:Milvus";\nConnectParam.newBuilder().withHost("localhost").withPort(19530)', target);
    expect(code).toBe('String CLUSTER_ENDPOINT = Harness.TARGET_URI;\n// "localhost" in a comment stays\nString TOKEN = Harness.TARGET_TOKEN;\nConnectParam.newBuilder().withHost(Harness.TARGET_HOST).withPort(Harness.TARGET_PORT)');
    expect(rewrites).toEqual([
      { line: 1, from: 'http://localhost:19530', to: 'http://127.0.0.1:4000' },
      { line: 3, from: 'root:Milvus', to: 'alice:secret' },
      { line: 4, from: 'localhost', to: '127.0.0.1' },
      { line: 4, from: '19530', to: '4000' },
    ]);
  });

  it('splits a block into imports and top-level statements', () => {
    const { imports, statements } = splitJava('import java.util.*;\nimport io.milvus.v2.client.MilvusClientV2;\n\n// 1. Connect\nList<String> a = f(x -> { return 1; });\nfor (int i = 0; i < 2; i++) {\n  g(i);\n}\nif (a) { h(); } else { k(); }\nSystem.out.println(a);\n// Output:\n// [x]\n');
    expect(imports).toEqual(['import java.util.*;', 'import io.milvus.v2.client.MilvusClientV2;']);
    expect(statements.map((s) => [s.line, s.text.trim()])).toEqual([
      [4, '// 1. Connect\nList<String> a = f(x -> { return 1; });'],
      [6, 'for (int i = 0; i < 2; i++) {\n  g(i);\n}'],
      [9, 'if (a) { h(); } else { k(); }'],
      [10, 'System.out.println(a);'],
    ]);
  });

  it('hoists top-level variables to fields, so later blocks share and may redeclare them', () => {
    const prep = (b: CodeBlock) => ({ block: b, ...splitJava(b.code), rewrites: [], corrections: [] });
    const program = generatePage('my-page.md', [
      prep(block(1, 'import io.milvus.v2.client.MilvusClientV2;\nfinal MilvusClientV2 client = new MilvusClientV2(null);\nList<String> names = client.f();')),
      prep(block(2, 'List<String> names = client.g();\nBoolean ok;\nmilvusClient.dropPartition(null);')),
    ]);
    expect(program.className).toBe('Page_my_page');
    expect(program.source).toContain('    static MilvusClientV2 client; // java#1\n    static List<String> names; // java#1\n    static Boolean ok; // java#2\n    static io.milvus.client.MilvusClient milvusClient;');
    expect(program.source).toContain('            client = new MilvusClientV2(null);\n            names = client.f();');
    expect(program.source).toContain('            names = client.g();\n');
    expect(program.source).toContain('milvusClient = Harness.legacyClient();');
    expect(program.source).toMatch(/import io\.milvus\.v2\.client\.MilvusClientV2;\n/);
    expect(program.predefined.has('milvusClient')).toBe(true);
  });

  it('reads printed Java values and the documented outputs of the Java tabs', () => {
    expect(javaValue('[_default, partitionA]')).toEqual(['_default', 'partitionA']);
    expect(javaValue('[]')).toEqual([]);
    expect(javaValue('true')).toBe(true);
    expect(javaValue('LoadStateLoaded')).toBe('LoadStateLoaded');
    const b = block(1, 'Boolean r = client.getLoadState(req);\nSystem.out.println(r);\n\n// True\n');
    expect(javaDocumentedOutputs(b).map((d) => d.text)).toEqual(['True']);
    expect(javaDocumentedOutputs(block(1, 'f();\n// True\n'))).toEqual([]);
  });
});

/**
 * The toolchain, once for the file: java, javac, and the SDK classpath (the first run downloads the
 * SDK from Maven Central into conformance/.cache/m2; later runs use the cache, with no network).
 * Without a JDK, Maven or the download every test below fails with the reason (never skips).
 */
let unavailable: Error | undefined;
beforeAll(async () => {
  try {
    await javaToolchain();
  } catch (e) {
    unavailable = e as Error;
  }
}, 900_000);
const requireJava = () => {
  if (unavailable) throw new Error(`the Java replay could not run: ${unavailable.message}`);
};

/** The runner's failure paths, with the real SDK against the embedded server: SDK errors, Java errors, blocks javac rejects. */
describe('runJavaPage', () => {
  it('reports SDK errors with their Milvus code, and leaves out only the blocks that do not compile', async () => {
    requireJava();
    const { startServer } = await import('@mvkit/server');
    const server = await startServer({ port: 0 });
    try {
      const code = (c: string, languageIndex: number) => ({ ...block(languageIndex, c), documentedOutputs: documentedOutputs('java', c) });
      const results = await runJavaPage(
        'synthetic.md',
        [
          code('import io.milvus.v2.client.*;\nMilvusClientV2 client = new MilvusClientV2(ConnectConfig.builder().uri("http://localhost:19530").build());\nSystem.out.println(Arrays.asList("b", "a"));\n// Output:\n// [a, b]', 1),
          code('client.hasPartition(HasPartitionReq.builder().collectionName("no_such_collection").partitionName("p").build());', 2),
          code('int broken = ;', 3),
          code('System.out.println(client.listPartitions(ListPartitionsReq.builder().collectionName("no_such_collection").build()));', 4),
          code('Object o = null;\no.toString();', 5),
        ],
        { target: { address: server.address }, setup: async () => undefined, errata: [] },
      );
      expect(results.map((r) => r.outcome)).toEqual(['pass', 'fail', 'fail', 'fail', 'fail']);
      expect(results[0]!.rewrites).toEqual([`line 2: http://localhost:19530 → http://${server.address}`]);
      expect(results[1]!.detail).toMatch(/^threw io\.milvus\.v2\.exception\.MilvusClientException \(code 100, .*collection not found/);
      expect(results[2]!.detail).toMatch(/^does not compile with io\.milvus:milvus-sdk-java@2\.5\.\d+: illegal start of expression \(line 1\)/);
      expect(results[4]!.detail).toMatch(/^threw java\.lang\.NullPointerException.*\(at line 2 of the block\)$/);
    } finally {
      await server.close();
    }
  }, 300_000);
});

/**
 * End to end: the Java blocks of the corpus with the official Milvus Java SDK against the
 * embedded reference server. Needs java, javac and Maven; the first run downloads the SDK from
 * Maven Central into conformance/.cache/m2. Without them this test fails with the reason.
 */
describe('Java replay against the embedded reference server', () => {
  let report: Report;
  let replayError: Error | undefined;
  beforeAll(async () => {
    if (unavailable) return;
    try {
      report = await replay({ client: 'mvkit', curl: false, java: true });
    } catch (e) {
      replayError = e as Error;
    }
  }, 300_000);

  it('passes every applicable Java block', () => {
    requireJava();
    if (replayError) throw replayError;
    const java = report.results.filter((r) => r.client === 'java-sdk');
    const failures = java.filter((r) => r.outcome === 'fail').map((r) => `${r.page} ${r.language}#${r.block}: ${r.detail}`);
    expect(failures, `failing Java blocks:\n${failures.join('\n')}`).toEqual([]);
    const all = loadCorpus().flatMap(extractBlocks).filter((b) => b.language === 'java');
    expect(java.map((r) => `${r.page} java#${r.block}`)).toEqual(all.map((b) => `${b.page} java#${b.languageIndex}`));
    expect(report.clients['java-sdk']).toMatch(/^io\.milvus:milvus-sdk-java@2\.5\.\d+$/);
    const errata = loadData<Erratum[]>('errata.json');
    for (const r of java.filter((x) => x.outcome === 'doc-error')) {
      expect(errata.some((e) => e.kind === 'doc-error' && e.page === r.page && e.language === 'java' && e.block === r.block), `${r.page} java#${r.block}`).toBe(true);
    }
    expect(java.filter((r) => r.outcome === 'n/a')).toEqual([]);
    // Every block that names the documented endpoint ran against the embedded server instead.
    const endpoint = java.find((r) => r.page === 'manage-partitions.md' && r.block === 1)!;
    expect(endpoint.rewrites?.some((w) => w.startsWith('line 7: http://localhost:19530 → http://127.0.0.1:'))).toBe(true);
  });

  it('reports the Java blocks as n/a, never silently, when --no-java', async () => {
    const skipped = await replay({ client: 'mvkit', curl: false, java: false, page: 'manage-partitions.md' });
    const java = skipped.results.filter((r) => r.language === 'java');
    expect(java.length).toBe(6);
    expect(java.every((r) => r.client === 'java-sdk' && r.outcome === 'n/a' && r.detail === 'skipped by --no-java')).toBe(true);
  });
});
