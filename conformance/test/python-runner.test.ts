import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../src/corpus.js';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import type { Erratum } from '../src/match.js';
import { replay } from '../src/replay.js';
import { checkPrinted, ensurePythonEnv, rewritePythonBlock, runPythonPage, type PythonEnv } from '../src/runners/python.js';

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
    const fix: Erratum = { page: 'p.md', language: 'python', block: 1, documented: { state: '<LoadState: NotLoaded>' }, expected: { state: '<LoadState: NotLoad>' }, kind: 'erratum', reason: 'typo', source: 's' };
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
  let env: PythonEnv;
  let envError: string | undefined;
  let server: RunningServer;
  // The venv is created here (cold: a pip install of the pinned requirements, ~20 s). A failure
  // (no python3, no venv module, pip failing) fails every test below with its reason: never a skip.
  beforeAll(async () => {
    await ensurePythonEnv().then((e) => (env = e), (e: Error) => (envError = e.message));
  }, 300_000);
  const needsPython = () => expect(envError, `the Python environment could not be set up: ${envError}`).toBeUndefined();
  beforeAll(async () => {
    server = await startServer({ port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

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
      ],
      { target: { uri: server.restUrl, token: 'root:Milvus' }, env, setup: async () => undefined, fixture: [], errata: [] },
    );
    expect(r.map((x) => x.outcome)).toEqual(['pass', 'pass', 'n/a', 'n/a', 'n/a', 'fail', 'fail']);
    expect(r[2]!.detail).toContain("Partition.__init__() missing 1 required positional argument: 'name'");
    expect(r[4]!.detail).toMatch(/^uses `MetricType`: pymilvus 1\.x API/);
    expect(r[5]!.detail).toBe('raised MilvusException (code 100) at line 2: collection not found[collection=x]');
    expect(r[6]!.detail).toBe("raised NameError at line 1: name 'undefined_name' is not defined");
  }, 60_000);

  it('stores nulls and default values written through pymilvus, and reads them back as Milvus does', async () => {
    needsPython();
    const code = [
      'from pymilvus import MilvusClient, DataType',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'schema = MilvusClient.create_schema(auto_id=False)',
      'schema.add_field("id", DataType.INT64, is_primary=True)',
      'schema.add_field("v", DataType.FLOAT_VECTOR, dim=2)',
      'schema.add_field("f", DataType.FLOAT, nullable=True)',
      'schema.add_field("d", DataType.INT64, default_value=7)',
      'schema.add_field("s", DataType.VARCHAR, max_length=10, nullable=True, default_value="x")',
      'index_params = client.prepare_index_params()',
      'index_params.add_index(field_name="v", index_type="FLAT", metric_type="L2")',
      'client.create_collection("py_nullable", schema=schema, index_params=index_params)',
      'fields = {f["name"]: f for f in client.describe_collection("py_nullable")["fields"]}',
      // pymilvus hands the default back as the proto ValueField, as it does against Milvus.
      'assert (fields["f"].get("nullable"), fields["d"]["default_value"].long_data, fields["s"]["default_value"].string_data) == (True, 7, "x"), fields',
      'client.insert("py_nullable", [{"id": i, "v": [i, 1], "f": None if i % 2 else i / 2, **({"d": i} if i % 3 else {}), "s": f"s{i}" if i % 4 else None} for i in range(10)])',
      'rows = sorted(client.query("py_nullable", filter="id >= 0", output_fields=["f", "d", "s"]), key=lambda r: r["id"])',
      'got = [(r["id"], r["f"], r["d"], r["s"]) for r in rows]',
      'assert got == [(i, None if i % 2 else i / 2, i if i % 3 else 7, f"s{i}" if i % 4 else "x") for i in range(10)], got',
      'nulls = sorted(r["id"] for r in client.query("py_nullable", filter="f is null", output_fields=["id"]))',
      'assert nulls == [1, 3, 5, 7, 9], nulls',
    ].join('\n');
    const [r] = await runPythonPage('nullable.md', [block(1, code)], { target: { uri: server.restUrl, token: 'root:Milvus' }, env, setup: async () => undefined, fixture: [], errata: [] });
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 60_000);

  it('inserts, queries and searches sparse vectors written through pymilvus (dict and pair-list forms), with Milvus\'s row checks', async () => {
    needsPython();
    const code = [
      'from pymilvus import MilvusClient, DataType, MilvusException',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'schema = MilvusClient.create_schema(auto_id=False)',
      'schema.add_field("id", DataType.INT64, is_primary=True)',
      'schema.add_field("sv", DataType.SPARSE_FLOAT_VECTOR)',
      'index_params = client.prepare_index_params()',
      'index_params.add_index(field_name="sv", index_type="SPARSE_INVERTED_INDEX", metric_type="IP", params={"drop_ratio_build": 0.1})',
      'client.create_collection("py_sparse", schema=schema, index_params=index_params)',
      'client.insert("py_sparse", [{"id": 1, "sv": {2: 0.5, 40: 1.0}}, {"id": 2, "sv": {1: 3.0, 3: 0.25}}, {"id": 3, "sv": [(40, 2.0), (5, 1.0)]}])',
      'rows = sorted(client.query("py_sparse", filter="id > 0", output_fields=["sv"]), key=lambda r: r["id"])',
      'assert [(r["id"], r["sv"]) for r in rows] == [(1, {2: 0.5, 40: 1.0}), (2, {1: 3.0, 3: 0.25}), (3, {5: 1.0, 40: 2.0})], rows',
      'hits = client.search("py_sparse", data=[{40: 1.0, 1: 1.0}], limit=5, search_params={"metric_type": "IP", "params": {"drop_ratio_search": 0.0}})[0]',
      'assert [(h["id"], h["distance"]) for h in hits] == [(2, 3.0), (3, 2.0), (1, 1.0)], hits',
      'try:',
      '    client.insert("py_sparse", [{"id": 4, "sv": {3: -1.0}}])',
      '    raise AssertionError("a negative value was accepted")',
      'except MilvusException as e:',
      '    assert "negative value in sparse float vector" in e.message, e.message',
    ].join('\n');
    const [r] = await runPythonPage('sparse.md', [block(1, code)], { target: { uri: server.restUrl, token: 'root:Milvus' }, env, setup: async () => undefined, fixture: [], errata: [] });
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
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
    expect(na.map((r) => `${r.page}#${r.block}`)).toEqual(['create_drop_collection_python.md#1', 'create_drop_collection_python.md#2', 'create_drop_collection_python.md#3', 'release_partition.md#1']);
    expect(na.every((r) => /pymilvus 1\.x API|not part of the pymilvus/.test(r.detail))).toBe(true);
    const first = py.find((r) => r.page === 'manage-partitions.md' && r.block === 1)!;
    expect(first.rewrites?.some((w) => w.includes(`→ ${report.endpoints!.rest}`))).toBe(true);
  }, 120_000);

  it('reports the Python blocks as skipped with --no-python', async () => {
    const report = await replay({ python: false, curl: false, client: 'mvkit', page: 'release_partition.md' });
    expect(report.results.filter((r) => r.language === 'python')).toEqual([expect.objectContaining({ client: 'pymilvus', outcome: 'n/a', detail: 'skipped by --no-python' })]);
  });
});
