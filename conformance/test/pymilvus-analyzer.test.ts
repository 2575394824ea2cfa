import { describe, expect, it } from 'vitest';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import { runPythonPage } from '../src/runners/python.js';
import { usePythonAndServer } from './python-fixture.js';

/**
 * RunAnalyzer through pymilvus (the pinned 2.5 release) against the reference server:
 * `MilvusClient.run_analyzer` with analyzer_params (built-ins and custom), with detail and hashes,
 * a field's analyzer, and Milvus's errors. Each test is one program run by the Python runner; its
 * asserts are the checks.
 */
function block(code: string): CodeBlock {
  return { page: 'analyzer.md', index: 1, languageIndex: 1, language: 'python', group: 0, code, documentedOutputs: documentedOutputs('python', code) };
}

describe('run_analyzer through pymilvus', () => {
  const py = usePythonAndServer();
  const run = async (page: string, code: string) =>
    (await runPythonPage(page, [block(code)], { target: { uri: py.server.restUrl, token: 'root:Milvus' }, env: py.env, setup: async () => undefined, fixture: [], errata: [] }))[0];

  it('analyzes texts with analyzer_params, with detail and hashes', async () => {
    py.needsPython();
    const code = [
      'from pymilvus import MilvusClient',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'r = client.run_analyzer("The Runners are running", analyzer_params={"type": "english"})',
      'assert r.tokens == ["runner", "run"], r',
      'rs = client.run_analyzer(["Héllo, Wörld!", "東京 😀 café"], analyzer_params={"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}, with_detail=True, with_hash=True)',
      'got = [[(t.token, t.start_offset, t.end_offset, t.position, t.position_length, t.hash) for t in r.tokens] for r in rs]',
      'assert got == [[("hello", 0, 6, 0, 1, 907060870), ("world", 8, 14, 1, 1, 980881731)], [("東京", 0, 6, 0, 1, 2451981039), ("cafe", 12, 17, 1, 1, 1337818896)]], got',
      'd = client.run_analyzer("a bb ccc", analyzer_params={"tokenizer": "whitespace", "filter": [{"type": "length", "max": 2}]}, with_detail=True)',
      'assert [t.dict for t in d.tokens] == [{"token": "a", "start_offset": 0, "end_offset": 1, "position": 0, "position_length": 1}, {"token": "bb", "start_offset": 2, "end_offset": 4, "position": 1, "position_length": 1}], d',
      'assert client.run_analyzer("Hello World").tokens == ["hello", "world"]',
    ].join('\n');
    const r = await run('analyzer-params.md', code);
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 60_000);

  it("uses a field's analyzer and answers Milvus's errors", async () => {
    py.needsPython();
    const code = [
      'from pymilvus import MilvusClient, DataType, MilvusException',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'schema = MilvusClient.create_schema(auto_id=False)',
      'schema.add_field("id", DataType.INT64, is_primary=True)',
      'schema.add_field("v", DataType.FLOAT_VECTOR, dim=2)',
      'schema.add_field("body", DataType.VARCHAR, max_length=100, enable_analyzer=True, analyzer_params={"tokenizer": "standard", "filter": [{"type": "stop", "stop_words": ["_english_"]}]})',
      'schema.add_field("raw", DataType.VARCHAR, max_length=100)',
      'client.create_collection("py_texts", schema=schema)',
      'r = client.run_analyzer("the cat and The dog", collection_name="py_texts", field_name="body")',
      'assert r.tokens == ["cat", "The", "dog"], r',
      'def refused(**kw):',
      '    try:',
      '        client.run_analyzer("x", **kw)',
      '    except MilvusException as e:',
      '        return (e.code, e.message)',
      '    raise AssertionError(f"accepted {kw}")',
      'r = client.run_analyzer("我来到北京清华大学", analyzer_params={"tokenizer": "jieba"})',
      'assert r.tokens == ["我", "来到", "北京", "清华", "华大", "大学", "清华大学"], r',
      'r = client.run_analyzer("我来到北京清华大学", analyzer_params={"type": "chinese"})',
      'assert r.tokens == ["我", "来到", "北京", "清华", "华大", "大学", "清华大学"], r',
      'assert refused(analyzer_params={"tokenizer": "lindera"}) == (2000, "unsupported tokenizer: lindera"), refused(analyzer_params={"tokenizer": "lindera"})',
      'assert refused(analyzer_params={"type": "standard", "stop_words": "a"}) == (2000, "filter stop_words should be array")',
      'assert refused(analyzer_params={"tokenizer": "standard", "filter": ["nope"]}) == (2000, "build analyzer failed, filter not found :nope")',
      'assert refused(collection_name="py_texts", field_name="nope") == (1700, "field not found[field=nope]")',
      'assert refused(collection_name="py_texts", field_name="raw") == (1100, "field raw is not a VarChar field with enable_analyzer: invalid parameter")',
      'assert refused(collection_name="nope", field_name="body")[0] == 100',
    ].join('\n');
    const r = await run('analyzer-field.md', code);
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 60_000);
});
