import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, loadData } from '../src/corpus.js';
import { documentedOutputs, extractBlocks, type CodeBlock } from '../src/extract.js';
import type { Erratum } from '../src/match.js';
import { replay, type Report } from '../src/replay.js';
import { checkGoOutputs, generateProgram, GO_MODULES, GO_RUNNER, goPrinted, goVersion, moduleFor, parseGoRun, prepareGoBlock, runGoPage } from '../src/runners/go.js';

function block(languageIndex: number, code: string, page = 'p.md'): CodeBlock {
  return { page, index: languageIndex, languageIndex, language: 'go', group: 0, code, documentedOutputs: documentedOutputs('go', code) };
}

describe('Go blocks as one program per page', () => {
  it('takes imports out, points documented addresses at the target and instruments error checks', () => {
    const p = prepareGoBlock(block(1, 'import (\n    "context"\n    client "github.com/milvus-io/milvus/client/v2/milvusclient"\n)\naddr := "localhost:19530"\nuri := "http://localhost:19530"\nif err != nil {\n    fmt.Println(err.Error())\n}'), '127.0.0.1:4321');
    expect(p.imports).toEqual([{ path: 'context' }, { alias: 'client', path: 'github.com/milvus-io/milvus/client/v2/milvusclient' }]);
    expect(p.body.split('\n').slice(0, 4)).toEqual(['', '', '', '']);
    expect(p.body).toContain('addr := mvkitAddr("localhost:19530")');
    expect(p.body).toContain('uri := mvkitAddr("http://localhost:19530")');
    expect(p.body).toContain('if err != nil { mvkitError(err);');
    expect(p.rewrites).toEqual(['line 5: localhost:19530 → 127.0.0.1:4321', 'line 6: http://localhost:19530 → http://127.0.0.1:4321']);
    expect(prepareGoBlock(block(2, 'package main\nfunc main() {}'), 'x').unsupported).toMatch(/complete program/);
  });

  it('nests each block in the previous one, merges imports and picks the SDK module', () => {
    const blocks = [block(1, 'import "github.com/milvus-io/milvus/client/v2/milvusclient"\nx := 1'), block(2, 'fmt.Println(x)\nctx := context.Background()\n_ = ctx')].map((b) => prepareGoBlock(b, 'h:1'));
    const module = moduleFor(blocks);
    expect(module.name).toBe('current');
    const { main } = generateProgram(blocks, module, new Set(), new Set());
    expect(main).toMatch(/mvkitRun\(1, func\(\) \{\n\/\/line go-block-1\.go:1\n[\s\S]*mvkitRun\(2, func\(\) \{\n\/\/line go-block-2\.go:1\n[\s\S]*\}\)\n\}\)\n\}\n$/);
    expect(main).toContain('\t"context"\n\t"fmt"\n\t"github.com/milvus-io/milvus/client/v2/milvusclient"\n');
    const legacy = [block(1, 'err := milvusClient.DropPartition(context.Background(), "book", "novel")')].map((b) => prepareGoBlock(b, 'h:1'));
    expect(moduleFor(legacy).name).toBe('legacy');
    expect(generateProgram(legacy, moduleFor(legacy), new Set(), new Set()).main).toContain('milvusClient, mvkitErr := mvkitsdk.NewGrpcClient(context.Background(), mvkitAddr("localhost:19530"))');
  });

  it('reads a run and compares printed lines with documented outputs', () => {
    const m = 'M';
    const runs = parseGoRun(`\n${m} begin 1\n[_default partitionA]\n\n${m} error {"block":1,"code":1100,"message":"bad"}\n\n${m} end 1\n\n${m} begin 2\n\n${m} panic {"block":2,"message":"nil pointer"}\n`, m);
    expect(runs.get(1)).toEqual({ begun: true, ended: true, lines: ['[_default partitionA]'], errors: [{ code: 1100, message: 'bad' }] });
    expect(runs.get(2)).toMatchObject({ begun: true, ended: false, abort: 'panic: nil pointer' });
    expect(goPrinted('[_default partitionA]')).toEqual(['_default', 'partitionA']);
    expect(goPrinted('true')).toBe(true);
    expect(goPrinted('{3 0}')).toBe('{3 0}');
    const b = block(2, 'fmt.Println(partitionNames)\n// Output\n// ["_default", "partitionA"]');
    expect(checkGoOutputs(b, ['[partitionA _default]'], [])[0]).toBe('pass');
    expect(checkGoOutputs(b, ['[_default]'], [])).toEqual(['fail', 'documented ["_default","partitionA"], printed "[_default]"']);
  });

  it('knows which SDK versions it pins', () => {
    expect(GO_MODULES.map((m) => m.sdk)).toEqual(['github.com/milvus-io/milvus/client/v2', 'github.com/milvus-io/milvus-sdk-go/v2']);
  });
});

/**
 * End to end: every Go block of the corpus with the official Go SDKs against the embedded
 * reference server. The first run on a clean clone downloads the SDKs through the Go module proxy
 * and compiles them (minutes); later runs use conformance/.cache/go (seconds). Without Go or the
 * module download this fails, with the reason: it never skips.
 */
describe('Go replay against the embedded reference server', () => {
  let report: Report;
  beforeAll(async () => {
    const version = await goVersion();
    if (typeof version !== 'string') throw new Error(`the Go replay cannot run: ${version.missing}`);
    report = await replay({ client: 'mvkit', curl: false, go: true });
  }, 600_000);

  it('passes every applicable Go block', () => {
    const go = report.results.filter((r) => r.client === GO_RUNNER);
    const failures = go.filter((r) => r.outcome === 'fail').map((r) => `${r.page} ${r.language}#${r.block}: ${r.detail}`);
    expect(failures, `failing Go blocks:\n${failures.join('\n')}`).toEqual([]);
    const corpus = loadCorpus().flatMap(extractBlocks).filter((b) => b.language === 'go');
    expect(go.map((r) => `${r.page} go#${r.block}`)).toEqual(corpus.map((b) => `${b.page} go#${b.languageIndex}`));
    expect(report.clients[GO_RUNNER]).toBe('github.com/milvus-io/milvus/client/v2@v2.6.2, github.com/milvus-io/milvus-sdk-go/v2@v2.4.2');
    const errata = loadData<Erratum[]>('errata.json');
    for (const r of go.filter((x) => x.outcome === 'doc-error')) {
      expect(errata.some((e) => e.kind === 'doc-error' && e.page === r.page && e.language === 'go' && e.block === r.block), `${r.page} go#${r.block}`).toBe(true);
    }
    expect(go.filter((r) => r.outcome === 'n/a')).toEqual([]);
    // A block with a code erratum is run corrected: the doc error says what the corrected block did.
    const release = go.find((r) => r.page === 'release_partition.md')!;
    expect(release.outcome).toBe('doc-error');
    expect(release.detail).toMatch(/With the correction .*"\[\]string\{\\"novel\\"\},.* it ran against the target: ran without error/);
    const manage = go.filter((r) => r.page === 'manage-partitions.md');
    expect(manage.map((r) => r.outcome)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(manage[0]!.rewrites).toEqual([expect.stringMatching(/^line 10: localhost:19530 → 127\.0\.0\.1:\d+$/)]);
    expect(manage[1]!.detail).toContain('output matches');
  });

  it('replays a cached page without the network, quickly', async () => {
    const { startServer } = await import('@mvkit/server');
    const server = await startServer({ port: 0 });
    try {
      const page = loadCorpus().find((p) => p.name === 'manage-partitions.md')!;
      const blocks = extractBlocks(page).filter((b) => b.language === 'go');
      const { MilvusClient } = await import('@mvkit/client');
      const setup = async () => {
        const c = new MilvusClient({ address: server.address });
        await c.createCollection({ collection_name: 'my_collection', dimension: 5, metric_type: 'COSINE' } as never);
        await c.close();
      };
      const t0 = Date.now();
      const results = await runGoPage(page.name, blocks, { target: { address: server.address }, setup, errata: [], offline: true });
      expect(results.map((r) => r.outcome)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
      expect(Date.now() - t0).toBeLessThan(30_000);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('reports the Go blocks as not applicable with --no-go', async () => {
    const r = await replay({ client: 'mvkit', curl: false, go: false, page: 'drop_partition.md' });
    expect(r.results.filter((x) => x.language === 'go')).toEqual([expect.objectContaining({ client: GO_RUNNER, outcome: 'n/a', detail: 'skipped by --no-go' })]);
  });
});
