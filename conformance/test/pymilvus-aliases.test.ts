import { describe, expect, it } from 'vitest';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import { runPythonPage } from '../src/runners/python.js';
import { usePythonAndServer } from './python-fixture.js';

/**
 * Collection aliases through pymilvus (the pinned 2.5 release) against the reference server: the
 * MilvusClient and ORM calls, and Milvus's errors as pymilvus raises them. The program's asserts
 * are the checks.
 */
function block(code: string): CodeBlock {
  return { page: 'aliases.md', index: 1, languageIndex: 1, language: 'python', group: 0, code, documentedOutputs: documentedOutputs('python', code) };
}

describe('aliases through pymilvus', () => {
  const py = usePythonAndServer();

  it('creates, describes, lists, alters and drops aliases, and uses an alias as a collection name', async () => {
    py.needsPython();
    const code = [
      'from pymilvus import MilvusClient, MilvusException, connections, utility',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'for name in ("py_alias_a", "py_alias_b"):',
      '    client.create_collection(name, dimension=2)',
      'client.create_alias("py_alias_a", "py_books")',
      'd = client.describe_alias("py_books")',
      'assert (d["alias"], d["collection_name"], d["db_name"]) == ("py_books", "py_alias_a", "default"), d',
      'assert client.list_aliases("py_alias_a")["aliases"] == ["py_books"], client.list_aliases("py_alias_a")',
      'client.insert("py_books", [{"id": 1, "vector": [0.5, 0.5]}])',
      'assert [r["id"] for r in client.query("py_books", filter="id >= 0", consistency_level="Strong")] == [1]',
      'client.alter_alias("py_alias_b", "py_books")',
      'assert client.describe_collection("py_books")["collection_name"] == "py_alias_b"',
      'connections.connect(uri="http://localhost:19530", token="root:Milvus")',
      'assert utility.list_aliases("py_alias_b") == ["py_books"], utility.list_aliases("py_alias_b")',
      'try:',
      '    client.create_alias("py_alias_a", "py_alias_b")',
      '    raise AssertionError("an alias equal to a collection name was accepted")',
      'except MilvusException as e:',
      '    assert (e.code, e.message) == (1601, "alias and collection name conflict[database=default][alias=py_alias_b]"), (e.code, e.message)',
      'try:',
      '    client.drop_collection("py_books")',
      '    raise AssertionError("a drop through an alias was accepted")',
      'except MilvusException as e:',
      '    assert e.message == "cannot drop the collection via alias = py_books", e.message',
      'client.drop_alias("py_books")',
      'try:',
      '    client.describe_alias("py_books")',
      '    raise AssertionError("a dropped alias was described")',
      'except MilvusException as e:',
      '    assert (e.code, e.message) == (1600, "alias not found[database=default][alias=py_books]"), (e.code, e.message)',
    ].join('\n');
    const [r] = await runPythonPage('aliases.md', [block(code)], { target: { uri: py.server.restUrl, token: 'root:Milvus' }, env: py.env, setup: async () => undefined, fixture: [], errata: [] });
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 120_000);
});
