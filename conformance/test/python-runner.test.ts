import { describe, expect, it } from 'vitest';
import { loadData } from '../src/corpus.js';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import type { Erratum } from '../src/match.js';
import { replay } from '../src/replay.js';
import { startServer } from '@mvkit/server';
import { checkPrinted, ensurePythonEnv, rewritePythonBlock, runPythonPage, usesPymilvus1x, type PythonEnv } from '../src/runners/python.js';
import { usePythonAndServer } from './python-fixture.js';

function block(languageIndex: number, code: string, page = 'p.md'): CodeBlock {
  return { page, index: languageIndex, languageIndex, language: 'python', group: 0, code, documentedOutputs: documentedOutputs('python', code) };
}

const target = { uri: 'http://127.0.0.1:1', token: 'alice:secret' };

describe('Python documented outputs and rewrites', () => {
  it('reads Output comments as Python literals, a bare comment after print(), and doctest outputs', () => {
    expect(documentedOutputs('python', 'print(res)\n\n# Output\n#\n# True').map((o) => o.value)).toEqual([true]);
    expect(documentedOutputs('python', "print(res)\n# Output\n# {'a': None, 'b': [False]}").map((o) => o.value)).toEqual([{ a: null, b: [false] }]);
    expect(documentedOutputs('python', 'print(res)\n\n# ["_default"]\n').map((o) => o.value)).toEqual([['_default']]);
    expect(documentedOutputs('python', 'client.drop(x)\n\n# ["_default"]\n')).toEqual([]);
    expect(documentedOutputs('python', 'print(res)\n# prose, not a value')).toEqual([]);
    expect(documentedOutputs('python', '>>> x = 1\n>>> x + 1\n2\n>>> "True"\n"True"').map((o) => o.value)).toEqual([2, 'True']);
  });

  it('points documented endpoints and tokens at the target and records each change', () => {
    const { script, rewrites } = rewritePythonBlock('client = MilvusClient(\n    uri="http://localhost:19530",\n    token="root:Milvus"\n)\nconnections.connect(host=\'localhost\', port="19530")', target);
    expect(script).toBe('client = MilvusClient(\n    uri="http://127.0.0.1:1",\n    token="alice:secret"\n)\nconnections.connect(host=\'127.0.0.1\', port="1")');
    expect(rewrites.map((r) => r.line)).toEqual([2, 3, 5, 5]);
    const doctest = rewritePythonBlock('# a comment\n>>> x = 1\n>>> if x:\n...     y = 2\n>>> y\n2', target);
    expect(doctest.script).toBe('# a comment\nx = 1\nif x:\n    y = 2\ny\n# 2');
    expect(doctest.rewrites[0]).toMatchObject({ line: 0, to: 'removed from 4 line(s)' });
  });

  it('checks printed values with projections and errata', () => {
    const b = block(1, 'print(res)\n# Output\n# {"state": "<LoadState: NotLoaded>"}');
    const printed = [{ value: { state: '<LoadState: NotLoad>' }, text: "{'state': <LoadState: NotLoad>}" }];
    expect(checkPrinted(b, { printed }, [])[0]).toBe('fail');
    const fix: Erratum = { page: 'p.md', language: 'python', block: 1, documented: { state: '<LoadState: NotLoaded>' }, expected: { state: '<LoadState: NotLoad>' }, kind: 'erratum', reason: 'typo', source: 's', checked: { milvus: null, why: 'test' } };
    expect(checkPrinted(b, { printed }, [fix])).toEqual(['pass', expect.stringContaining('erratum')]);
    expect(checkPrinted(b, { printed }, [{ ...fix, kind: 'doc-error' }])[0]).toBe('doc-error');
    expect(checkPrinted(b, { printed: [] }, [])).toEqual(['fail', 'documents 1 output(s) but printed 0']);
  });

  it('tells pages written against the pymilvus 1.x API from pymilvus 2.x pages', () => {
    expect(usesPymilvus1x([block(1, ">>> param = {'metric_type': MetricType.L2}"), block(2, '>>> milvus.create_collection(param)')])).toBe(true);
    expect(usesPymilvus1x([block(1, 'milvus.drop_collection(collection_name="x")')])).toBe(true);
    expect(usesPymilvus1x([block(1, 'from pymilvus import MilvusClient\nclient = MilvusClient()'), block(2, 'param = {"metric_type": MetricType.L2}')])).toBe(false);
    expect(usesPymilvus1x([block(1, 'client.drop_collection("pymilvus.x")')])).toBe(false);
  });

  it('fails every block with the reason when there is no Python environment', async () => {
    const r = await runPythonPage('p.md', [block(1, 'x = 1')], { target, envError: 'no usable Python interpreter', setup: async () => undefined, fixture: [], errata: [] });
    expect(r).toEqual([expect.objectContaining({ outcome: 'fail', client: 'pymilvus', detail: 'no Python environment: no usable Python interpreter' })]);
  });
});

describe('Python replay with pymilvus', () => {
  const py = usePythonAndServer();
  const needsPython = () => py.needsPython();

  it('runs blocks in one process, classifies API mismatches as n/a and reports exceptions', async () => {
    needsPython();
    const r = await runPythonPage(
      'p.md',
      [
        block(1, 'x = [1, 2]\nprint(x)\n# Output\n# [1, 2]'),
        block(2, 'x.append(3)\nprint(x)\n\n# [1, 2, 3]'),
        block(3, 'from pymilvus import Partition\npartition = Partition("novel")'),
        block(4, 'from pymilvus import NoSuchThing'),
        block(5, 'param = {"metric_type": MetricType.L2}'),
        block(6, 'from pymilvus import MilvusException\nraise MilvusException(code=100, message="collection not found[collection=x]")'),
        block(7, 'undefined_name'),
        // An AttributeError on a pymilvus object raised inside pymilvus, not by the block's own line: a failure.
        block(8, 'from pymilvus import CollectionSchema, FieldSchema, DataType\ns = CollectionSchema([FieldSchema("id", DataType.INT64, is_primary=True), FieldSchema("v", DataType.FLOAT_VECTOR, dim=2)])\nCollectionSchema.construct_from_dict({"fields": [s]})'),
      ],
      { target: { uri: py.server.restUrl, token: 'root:Milvus' }, env: py.env, setup: async () => undefined, fixture: [], errata: [] },
    );
    expect(r.map((x) => x.outcome)).toEqual(['pass', 'pass', 'n/a', 'n/a', 'fail', 'fail', 'fail', 'fail']);
    expect(r[7]!.detail).toBe("raised AttributeError at line 3: 'CollectionSchema' object has no attribute 'get'");
    expect(r[2]!.detail).toContain("Partition.__init__() missing 1 required positional argument: 'name'");
    // A 1.x name in a pymilvus 2.x page is not predefined: the block fails as it would for a reader.
    expect(r[4]!.detail).toBe("raised NameError at line 1: name 'MetricType' is not defined");
    expect(r[5]!.detail).toBe('raised MilvusException (code 100) at line 2: collection not found[collection=x]');
    expect(r[6]!.detail).toBe("raised NameError at line 1: name 'undefined_name' is not defined");
  }, 60_000);

  it('passes every applicable Python block of the corpus against the embedded reference server', async () => {
    needsPython();
    const report = await replay({ python: true, curl: false, client: 'mvkit' });
    const py = report.results.filter((r) => r.language === 'python');
    expect(py.every((r) => r.client === 'pymilvus')).toBe(true);
    expect(report.clients.pymilvus).toMatch(/^pymilvus==2\.5\.\d+ /);
    const failures = py.filter((r) => r.outcome === 'fail').map((r) => `${r.page} python#${r.block}: ${r.detail}`);
    expect(failures, `failing Python blocks:\n${failures.join('\n')}`).toEqual([]);
    const docErrors = loadData<Erratum[]>('errata.json').filter((e) => e.kind === 'doc-error' && e.language === 'python');
    for (const r of py.filter((x) => x.outcome === 'doc-error')) expect(docErrors.some((e) => e.page === r.page && e.block === r.block), `${r.page} python#${r.block}`).toBe(true);
    expect(py.filter((r) => r.outcome === 'pass').map((r) => `${r.page}#${r.block}`)).toEqual([
      'create_drop_collection_python.md#1',
      'create_drop_collection_python.md#2',
      'create_drop_collection_python.md#3',
      'drop_partition.md#1',
      'manage-partitions.md#1',
      'manage-partitions.md#2',
      'manage-partitions.md#3',
      'manage-partitions.md#4',
      'manage-partitions.md#5',
      'manage-partitions.md#6',
    ]);
    expect(py.filter((r) => r.outcome === 'n/a')).toEqual([]);
    expect(report.clients['pymilvus 1.x']).toMatch(/^pymilvus==1\.1\.2 /);
    // The pymilvus 1.x page ran with pymilvus 1.x, its assumed names predefined and reported.
    const legacy = py.filter((r) => r.page === 'create_drop_collection_python.md');
    expect(legacy[0]!.rewrites).toEqual(expect.arrayContaining(['predefined → from milvus import MetricType']));
    expect(legacy[1]!.rewrites?.some((w) => /^predefined → milvus = Milvus\("127\.0\.0\.1", \d+\)/.test(w))).toBe(true);
    // The ORM form no pymilvus accepts is a doc error, and its corrected form ran against the target.
    const orm = py.find((r) => r.page === 'release_partition.md' && r.block === 1)!;
    expect(orm.outcome).toBe('doc-error');
    expect(orm.detail).toMatch(/With the correction "Partition\(\\"novel\\"\)" → "Partition\(\\"book\\", \\"novel\\"\)" it ran against the target: ran without error$/);
    const first = py.find((r) => r.page === 'manage-partitions.md' && r.block === 1)!;
    expect(first.rewrites?.some((w) => w.includes(`→ ${report.endpoints['manage-partitions.md']!.rest}`))).toBe(true);
  }, 120_000);

  it('runs a pymilvus 1.x page with pymilvus 1.x: the collection is really created and dropped, a refused call fails its block', async () => {
    needsPython();
    const env1x = await ensurePythonEnv({ name: 'pymilvus-1.x' });
    const page = (code: string[]) => code.map((c, i) => block(i + 1, c, 'legacy.md'));
    const blocks = page([
      ">>> param = {'collection_name':'py1_runner', 'dimension':16, 'index_file_size':1024, 'metric_type':MetricType.IP}",
      '>>> milvus.create_collection(param)',
      ">>> milvus.has_collection('py1_runner')\n(Status(code=0, message='Success'), True)",
      ">>> milvus.drop_collection(collection_name='py1_runner')",
      ">>> milvus.drop_collection(collection_name='py1_runner')",
    ]);
    const options = { target: { uri: py.server.restUrl, token: 'root:Milvus' }, env: py.env, env1x, setup: async () => undefined, fixture: [], errata: [] };
    const r = await runPythonPage('legacy.md', blocks, options);
    // python#3 documents a doctest output it never prints (a bare expression): checked, so it fails.
    expect(r.map((x) => x.outcome)).toEqual(['pass', 'pass', 'fail', 'pass', 'fail']);
    expect(py.server.engine.hasCollection({ collectionName: 'py1_runner' })).toBe(false);
    expect(r[4]!.detail).toMatch(/^raised Milvus1xStatusError at line 1: drop_collection answered Status\(code=4, message='Collection py1_runner does not exist\./);
    // A target whose 1.x service refuses the client (here: --auth; a Milvus 2.x has none) fails the page's blocks.
    const secured = await startServer({ port: 0, auth: { users: { root: 'Milvus' } } });
    try {
      const refused = await runPythonPage('legacy.md', blocks.slice(0, 2), { ...options, target: { uri: secured.restUrl, token: 'root:Milvus' } });
      expect(refused.map((x) => x.outcome)).toEqual(['fail', 'fail']);
      expect(refused[0]!.detail).toMatch(/^the runner's prelude failed \(.*\): raised NotConnectError at line \d+: Cannot check server version: missing authorization in header$/);
    } finally {
      await secured.close();
    }
    const none: PythonEnv | undefined = undefined;
    const missing = await runPythonPage('legacy.md', blocks.slice(0, 1), { ...options, env1x: none, env1xError: 'pip failed' });
    expect(missing[0]!.detail).toBe('no Python environment for the pymilvus 1.x API: pip failed');
  }, 120_000);

  it('reports the Python blocks as skipped with --no-python', async () => {
    const report = await replay({ python: false, curl: false, client: 'mvkit', page: 'release_partition.md' });
    expect(report.results.filter((r) => r.language === 'python')).toEqual([expect.objectContaining({ client: 'pymilvus', outcome: 'n/a', detail: 'skipped by --no-python' })]);
  });
});
