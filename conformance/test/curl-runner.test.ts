import { describe, expect, it } from 'vitest';
import { loadCorpus, loadData } from '../src/corpus.js';
import { documentedOutputs, extractBlocks, type CodeBlock } from '../src/extract.js';
import { ELLIPSIS, compareJson, type Erratum } from '../src/match.js';
import { replay } from '../src/replay.js';
import { CURL, checkAnswers, curlMissing, isCurlBlock, parseRun, rewriteBlock, runCurlPage } from '../src/runners/curl.js';
import { parseCommand, splitCommands } from '../src/shell.js';

const target = { restUrl: 'http://127.0.0.1:4000', legacyUrl: 'http://127.0.0.1:5000', token: 'alice:secret' };

function shellBlock(code: string, languageIndex = 1): CodeBlock {
  return { page: 'p.md', index: languageIndex, languageIndex, language: 'bash', group: 0, code, documentedOutputs: documentedOutputs('bash', code) };
}

describe('documented outputs of shell blocks', () => {
  it('reads multi-line comment runs after each curl command and ties each to its command', () => {
    const outs = documentedOutputs('bash', 'curl a\n\n# {\n#   "code": 0,\n#   "data": ["_default"]\n# }\ncurl b\n# {"code": 0, "data": {}}\n');
    expect(outs.map((o) => [o.command, o.value])).toEqual([
      [0, { code: 0, data: ['_default'] }],
      [1, { code: 0, data: {} }],
    ]);
  });

  it('keeps an elided output as an ELLIPSIS marker', () => {
    expect(documentedOutputs('bash', 'curl a\n# {"code": 0, "data": ["_default", ...]}')[0]!.value).toEqual({ code: 0, data: ['_default', ELLIPSIS] });
    expect(documentedOutputs('bash', 'curl a\n# {"code": 0, ...}')[0]!.value).toEqual({ code: 0, [ELLIPSIS]: true });
  });
});

describe('compareJson', () => {
  it('matches equal answers, name lists in any order, and elided parts', () => {
    expect(compareJson({ code: 0, data: ['_default', 'a'] }, { code: 0, data: ['a', '_default'] })).toEqual({ ok: true });
    expect(compareJson({ code: 0, data: ['_default', ELLIPSIS] }, { code: 0, data: ['a', '_default'] }).ok).toBe(true);
    expect(compareJson({ code: 0, [ELLIPSIS]: true }, { code: 0, data: {} }).ok).toBe(true);
  });

  it('fails on any other difference, naming the path', () => {
    expect(compareJson({ code: 0, data: { has: true } }, { code: 0, data: { has: false } })).toMatchObject({ ok: false, detail: expect.stringMatching(/^\$\.data\.has is false/) });
    expect(compareJson({ code: 0, data: {} }, { code: 0, data: {}, message: '' })).toMatchObject({ ok: false, detail: expect.stringMatching(/undocumented key\(s\) message/) });
    expect(compareJson({ code: 0, data: ['_default'] }, { code: 0, data: ['_default', 'a'] }).ok).toBe(false);
    expect(compareJson([1, 2], [2, 1]).ok).toBe(false);
    expect(compareJson({ code: 0 }, { code: 100, message: 'collection not found' }).ok).toBe(false);
  });

  it('ignores run-dependent values (IDs, timestamps) but not their presence', () => {
    expect(compareJson({ data: { collectionID: 1, name: 'c' } }, { data: { collectionID: 470662505131933696n, name: 'c' } }).ok).toBe(true);
    expect(compareJson({ data: { name: 'c' } }, { data: { collectionID: 7, name: 'c' } }).ok).toBe(false);
    expect(compareJson({ message: 'partition not loaded[partition=<id>].' }, { message: 'partition not loaded[partition=4706625].' }).ok).toBe(true);
    expect(compareJson({ message: 'partition not loaded[partition=<id>].' }, { message: 'partition not found[partition=4706625].' }).ok).toBe(false);
  });
});

describe('shell parsing', () => {
  it('splits a block into commands with bash and parses curl words with shell-quote', async () => {
    const code = 'export CLUSTER_ENDPOINT="http://localhost:19530"\nexport TOKEN="root:Milvus"\n\ncurl --request POST \\\n--url "${CLUSTER_ENDPOINT}/v2/vectordb/partitions/list" \\\n--header "Authorization: Bearer ${TOKEN}" \\\n-d \'{\n    "collectionName": "my_collection"\n}\'\n\n# {\n#     "code": 0\n# }\n';
    const commands = await splitCommands(code);
    expect(commands).toHaveLength(3);
    const env: Record<string, string> = {};
    for (const c of commands.slice(0, 2)) {
      const cmd = parseCommand(c, env);
      expect(cmd.kind).toBe('export');
      if (cmd.kind === 'export') Object.assign(env, cmd.assignments);
    }
    expect(env).toEqual({ CLUSTER_ENDPOINT: 'http://localhost:19530', TOKEN: 'root:Milvus' });
    expect(parseCommand(commands[2]!, env)).toEqual({
      kind: 'curl',
      text: commands[2],
      request: { method: 'POST', url: 'http://localhost:19530/v2/vectordb/partitions/list', headers: [['Authorization', 'Bearer root:Milvus']], body: '{\n    "collectionName": "my_collection"\n}' },
    });
    expect(parseCommand("curl -X 'DELETE' 'http://h/api/v1/partition' -H 'accept: application/json' -d '{}'", {})).toMatchObject({ kind: 'curl', request: { method: 'DELETE', url: 'http://h/api/v1/partition', headers: [['accept', 'application/json']], body: '{}' } });
    expect(parseCommand('curl -o out.json http://h/x', {})).toMatchObject({ kind: 'other', why: expect.stringContaining('-o') });
    expect(parseCommand('ls | wc', {})).toMatchObject({ kind: 'other' });
  });

  it('rewrites the documented endpoints and token to the target, recording each change', () => {
    const { script, rewrites } = rewriteBlock('export CLUSTER_ENDPOINT="http://localhost:19530"\nexport TOKEN="root:Milvus"\ncurl -X DELETE http://localhost:9091/api/v1/partition\ncurl http://${MILVUS_HOST}:${MILVUS_PORT}/api/v1/partitions', target);
    expect(script).toBe('export CLUSTER_ENDPOINT="http://127.0.0.1:4000"\nexport TOKEN="alice:secret"\ncurl -X DELETE http://127.0.0.1:5000/api/v1/partition\ncurl http://127.0.0.1:5000/api/v1/partitions');
    expect(rewrites).toEqual([
      { line: 1, from: 'http://localhost:19530', to: 'http://127.0.0.1:4000' },
      { line: 2, from: 'root:Milvus', to: 'alice:secret' },
      { line: 3, from: 'http://localhost:9091', to: 'http://127.0.0.1:5000' },
      { line: 4, from: 'http://${MILVUS_HOST}:${MILVUS_PORT}', to: 'http://127.0.0.1:5000' },
    ]);
  });

  it('recognises cURL blocks, not milvus_cli ones', () => {
    const blocks = loadCorpus().flatMap(extractBlocks).filter(isCurlBlock);
    expect(blocks.map((b) => `${b.page} ${b.language}#${b.languageIndex}`)).toEqual([
      'drop_partition.md curl#1',
      'manage-partitions.md bash#1',
      'manage-partitions.md bash#2',
      'manage-partitions.md bash#3',
      'manage-partitions.md bash#4',
      'manage-partitions.md bash#5',
      'manage-partitions.md bash#6',
      'release_partition.md curl#1',
    ]);
  });
});

describe('checking answers', () => {
  const mark = 'M';
  const run = (...answers: [string, number, number][]) => answers.map(([body, status, exit]) => `${body}\n${mark} status ${status}\n\n${mark} exit ${exit}\n`).join('');

  it('splits a run into answers and compares them with the documented outputs', () => {
    const block = shellBlock('curl a\n# {"code": 0, "data": {}}\ncurl b\n# {"code": 0, "data": ["_default"]}');
    const ok = parseRun(run(['{"code":0,"data":{}}', 200, 0], ['{"code":0,"data":["_default"]}', 200, 0]), '', mark, ['curl a', 'curl b']);
    expect(checkAnswers(block, ok, 'curl', [])).toEqual(['pass', 'call 1: output matches; call 2: output matches']);
    const wrong = parseRun(run(['{"code":0,"data":{}}', 200, 0], ['{"code":0,"data":["_default","x"]}', 200, 0]), '', mark);
    expect(checkAnswers(block, wrong, 'curl', [])[0]).toBe('fail');
    const down = parseRun(run(['', 0, 7]), `curl: (7) Failed to connect\n${'\n'}${mark} end\n`, mark);
    expect(checkAnswers(block, down, 'curl', [])).toEqual(['fail', 'call 1 (curl #1): curl exited 7: curl: (7) Failed to connect']);
  });

  it('requires success when nothing is documented, and applies errata', () => {
    const bare = shellBlock('curl -X DELETE http://h/api/v1/partition');
    expect(checkAnswers(bare, parseRun(run(['{}', 200, 0]), '', mark), 'curl', [])[0]).toBe('pass');
    expect(checkAnswers(bare, parseRun(run(['{"error_code":1,"reason":"boom"}', 200, 0]), '', mark), 'curl', [])[0]).toBe('fail');
    const block = shellBlock('curl a\n# {"code": 0, "data": {"typo": 1}}');
    const fix: Erratum = { page: 'p.md', language: 'bash', block: 1, documented: { code: 0, data: { typo: 1 } }, expected: { code: 0, data: {} }, kind: 'erratum', reason: 'typo', source: 's', checked: { milvus: null, why: 'test' } };
    const answers = parseRun(run(['{"code":0,"data":{}}', 200, 0]), '', mark);
    expect(checkAnswers(block, answers, 'curl', [])[0]).toBe('fail');
    expect(checkAnswers(block, answers, 'curl', [fix])[0]).toBe('pass');
    expect(checkAnswers(block, answers, 'curl', [{ ...fix, kind: 'doc-error' }])[0]).toBe('doc-error');
  });

  it('fails loudly, with the reason, when curl is missing', async () => {
    expect(curlMissing('/nonexistent/curl')).toMatch(/curl is not installed at \/nonexistent\/curl/);
    let setups = 0;
    const results = await runCurlPage('p.md', [shellBlock('curl http://localhost:19530/v2/vectordb/collections/list')], {
      target,
      setup: async () => void setups++,
      errata: [],
      curl: '/nonexistent/curl',
    });
    expect(results).toEqual([expect.objectContaining({ client: 'curl', outcome: 'fail', detail: expect.stringMatching(/curl is not installed/) })]);
    expect(setups).toBe(0);
  });
});

/** End to end: every cURL block of the corpus against the embedded reference server, with curl and through the REST transport. */
describe('cURL replay against the embedded reference server', () => {
  it('passes every cURL block: v2 on the main port, legacy on the legacy port', async () => {
    expect(curlMissing(CURL), 'the cURL replay needs the real curl binary').toBeUndefined();
    const report = await replay({ client: 'mvkit' });
    const curl = report.results.filter((r) => r.client === 'curl' || r.client === 'rest-transport');
    const failures = curl.filter((r) => r.outcome === 'fail').map((r) => `${r.page} ${r.language}#${r.block} ${r.client}: ${r.detail}`);
    expect(failures, `failing cURL blocks:\n${failures.join('\n')}`).toEqual([]);
    expect(curl.filter((r) => r.client === 'curl')).toHaveLength(8);
    expect(curl.filter((r) => r.client === 'rest-transport')).toHaveLength(8);
    const errata = loadData<Erratum[]>('errata.json');
    for (const r of curl.filter((x) => x.outcome === 'doc-error')) {
      expect(errata.some((e) => e.kind === 'doc-error' && e.page === r.page && e.language === r.language && e.block === r.block), `${r.page} ${r.language}#${r.block}`).toBe(true);
    }
    const na = curl.filter((r) => r.outcome === 'n/a');
    expect(na.map((r) => `${r.page} ${r.client}`)).toEqual(['drop_partition.md rest-transport', 'release_partition.md rest-transport']);
    expect(na.every((r) => r.detail.includes('RESTful v2 only'))).toBe(true);
    const legacy = curl.filter((r) => r.client === 'curl' && r.language === 'curl');
    expect(legacy.map((r) => r.outcome)).toEqual(['pass', 'pass']);
    expect(legacy.every((r) => r.rewrites?.some((w) => w.includes(`→ ${report.endpoints[r.page]!.legacy}`)))).toBe(true);
    expect(curl.filter((r) => r.language === 'bash').every((r) => r.rewrites?.some((w) => w.includes(`→ ${report.endpoints[r.page]!.rest}`)))).toBe(true);
    for (const e of Object.values(report.endpoints)) expect(e.rest).not.toBe(e.legacy);
  }, 120_000);
});
