import { describe, expect, it } from 'vitest';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import { runPythonPage } from '../src/runners/python.js';
import { usePythonAndServer } from './python-fixture.js';

/**
 * Text match through pymilvus (the pinned 2.5 release) against the reference server: a VarChar
 * field added with `enable_analyzer=True, enable_match=True` and an analyzer, filtered with
 * `TEXT_MATCH` and `PHRASE_MATCH` in query, search and delete, and Milvus's refusals as pymilvus
 * raises them. The program's asserts are the checks.
 */
function block(code: string): CodeBlock {
  return { page: 'keyword-match.md', index: 1, languageIndex: 1, language: 'python', group: 0, code, documentedOutputs: documentedOutputs('python', code) };
}

describe('text match through pymilvus', () => {
  const py = usePythonAndServer();

  it('creates an enable_match field, filters with TEXT_MATCH / PHRASE_MATCH and raises Milvus errors', async () => {
    py.needsPython();
    const code = [
      'from pymilvus import MilvusClient, MilvusException, DataType',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'def fails(fn):',
      '    try:',
      '        fn()',
      '    except MilvusException as e:',
      '        return (e.code, e.message)',
      '    raise AssertionError("accepted")',
      'bad = MilvusClient.create_schema(auto_id=False)',
      'bad.add_field("id", DataType.INT64, is_primary=True)',
      'bad.add_field("text", DataType.VARCHAR, max_length=64, enable_match=True)',
      'bad.add_field("vec", DataType.FLOAT_VECTOR, dim=2)',
      'assert fails(lambda: client.create_collection("py_text_bad", schema=bad)) == (65535, "field text is set to enable match or bm25 function but not enable analyzer")',
      'schema = MilvusClient.create_schema(auto_id=False)',
      'schema.add_field("id", DataType.INT64, is_primary=True)',
      'schema.add_field("text", DataType.VARCHAR, max_length=256, enable_analyzer=True, enable_match=True, analyzer_params={"tokenizer": "standard", "filter": ["lowercase", {"type": "stop", "stop_words": ["of", "the"]}]})',
      'schema.add_field("plain", DataType.VARCHAR, max_length=64)',
      'schema.add_field("vec", DataType.FLOAT_VECTOR, dim=2)',
      'index = client.prepare_index_params()',
      'index.add_index(field_name="vec", index_type="FLAT", metric_type="L2")',
      'client.create_collection("py_text", schema=schema, index_params=index)',
      'client.create_partition("py_text", "p1")',
      'client.insert("py_text", [',
      '    {"id": 1, "text": "The Art of Machine Learning", "plain": "a", "vec": [1, 0]},',
      '    {"id": 2, "text": "machine shop and learning centre", "plain": "b", "vec": [0.9, 0.1]},',
      '])',
      'client.insert("py_text", [{"id": 3, "text": "Deep learning", "plain": "c", "vec": [0, 1]}], partition_name="p1")',
      'ids = lambda expr, **kw: sorted(r["id"] for r in client.query("py_text", filter=expr, output_fields=["id"], **kw))',
      'assert ids("TEXT_MATCH(text, \'MACHINE deep\')") == [1, 2, 3]',
      'assert ids("TEXT_MATCH(text, \'deep\')", partition_names=["_default"]) == []',
      'assert ids("TEXT_MATCH(text, \'the of\')") == []',
      '# a stop word dropped by the analyzer still takes its position',
      'assert ids("PHRASE_MATCH(text, \'art machine\')") == []',
      'assert ids("PHRASE_MATCH(text, \'art machine\', 1)") == [1]',
      'assert ids("PHRASE_MATCH(text, \'machine learning\')") == [1]',
      'assert ids("PHRASE_MATCH(text, \'machine learning\', 2)") == [1, 2]',
      'res = client.search("py_text", data=[[1, 0]], limit=5, filter="TEXT_MATCH(text, \'learning\') and id > 1")',
      'assert [h["id"] for h in res[0]] == [2, 3], res',
      'client.delete("py_text", filter="TEXT_MATCH(text, \'shop\')")',
      'assert ids("TEXT_MATCH(text, \'machine\')") == [1]',
      'code, message = fails(lambda: client.query("py_text", filter="TEXT_MATCH(plain, \'a\')"))',
      'assert code == 1100 and "error: field 102 does not enable text match" in message, (code, message)',
      'code, message = fails(lambda: client.query("py_text", filter="PHRASE_MATCH(text, \'a b\', -1)"))',
      'assert code == 1100 and \'"slop" should not be a negative interger. "slop" passed: -1\' in message, (code, message)',
      'assert fails(lambda: client.query("py_text", filter="json_contains_aby(plain, 2)")) == (2028, "function json_contains_aby(varChar, int64_t) not found. ")',
      'assert fails(lambda: client.query("py_text", filter="PHRASE_MATCH(plain, \'a\')")) == (2042, "text index not found for field 102")',
      'assert ids("starts_with(plain, \'b\') or empty(plain)") == []',
      'code, message = fails(lambda: client.query("py_text", filter="plain is NOT null"))',
      'assert code == 1100 and "mismatched input" in message, (code, message)',
      'assert ids("plain is not null") == [1, 3]',
    ].join('\n');
    const [r] = await runPythonPage('keyword-match.md', [block(code)], { target: { uri: py.server.restUrl, token: 'root:Milvus' }, env: py.env, setup: async () => undefined, fixture: [], errata: [] });
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 180_000);
});
