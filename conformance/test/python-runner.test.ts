import { describe, expect, it } from 'vitest';
import { loadData } from '../src/corpus.js';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import type { Erratum } from '../src/match.js';
import { replay } from '../src/replay.js';
import { checkPrinted, rewritePythonBlock, runPythonPage } from '../src/runners/python.js';
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
    expect(r.map((x) => x.outcome)).toEqual(['pass', 'pass', 'n/a', 'n/a', 'n/a', 'fail', 'fail', 'fail']);
    expect(r[7]!.detail).toBe("raised AttributeError at line 3: 'CollectionSchema' object has no attribute 'get'");
    expect(r[2]!.detail).toContain("Partition.__init__() missing 1 required positional argument: 'name'");
    expect(r[4]!.detail).toMatch(/^uses `MetricType`: pymilvus 1\.x API/);
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
      'drop_partition.md#1',
      'manage-partitions.md#1',
      'manage-partitions.md#2',
      'manage-partitions.md#3',
      'manage-partitions.md#4',
      'manage-partitions.md#5',
      'manage-partitions.md#6',
    ]);
    const na = py.filter((r) => r.outcome === 'n/a');
    expect(na.map((r) => `${r.page}#${r.block}`)).toEqual(['create_drop_collection_python.md#1', 'create_drop_collection_python.md#2', 'create_drop_collection_python.md#3']);
    // The ORM form no pymilvus accepts is a doc error, and its corrected form ran against the target.
    const orm = py.find((r) => r.page === 'release_partition.md' && r.block === 1)!;
    expect(orm.outcome).toBe('doc-error');
    expect(orm.detail).toMatch(/With the correction "Partition\(\\"novel\\"\)" → "Partition\(\\"book\\", \\"novel\\"\)" it ran against the target: ran without error$/);
    expect(na.every((r) => /pymilvus 1\.x API|not part of the pymilvus/.test(r.detail))).toBe(true);
    const first = py.find((r) => r.page === 'manage-partitions.md' && r.block === 1)!;
    expect(first.rewrites?.some((w) => w.includes(`→ ${report.endpoints!.rest}`))).toBe(true);
  }, 120_000);

  it('reports the Python blocks as skipped with --no-python', async () => {
    const report = await replay({ python: false, curl: false, client: 'mvkit', page: 'release_partition.md' });
    expect(report.results.filter((r) => r.language === 'python')).toEqual([expect.objectContaining({ client: 'pymilvus', outcome: 'n/a', detail: 'skipped by --no-python' })]);
  });
});
