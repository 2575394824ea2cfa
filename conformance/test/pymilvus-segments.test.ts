import { describe, expect, it } from 'vitest';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import { runPythonPage } from '../src/runners/python.js';
import { usePythonAndServer } from './python-fixture.js';

/**
 * Segments and maintenance through pymilvus (the pinned 2.5 release) against the reference
 * server: the ORM's `Collection.compact()`, `get_compaction_state`, `wait_for_compaction_completed`,
 * `get_compaction_plans`, `utility.get_query_segment_info`, `utility.flush_all`, and
 * MilvusClient's `compact` / `get_compaction_state`. Each test is one program run by the Python
 * runner; its asserts are the checks.
 */
function block(languageIndex: number, code: string): CodeBlock {
  return { page: 'segments.md', index: languageIndex, languageIndex, language: 'python', group: 0, code, documentedOutputs: documentedOutputs('python', code) };
}

describe('segments and maintenance through pymilvus', () => {
  const py = usePythonAndServer();
  const needsPython = () => py.needsPython();
  const run = async (page: string, code: string) => (await runPythonPage(page, [block(1, code)], { target: { uri: py.server.restUrl, token: 'root:Milvus' }, env: py.env, setup: async () => undefined, fixture: [], errata: [] }))[0];

  it('compacts a collection through the ORM: segments merge, deleted rows go, results stay', async () => {
    needsPython();
    const code = [
      'from pymilvus import MilvusClient, DataType, connections, Collection, utility, MilvusException',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'schema = MilvusClient.create_schema(auto_id=False)',
      'schema.add_field("id", DataType.INT64, is_primary=True)',
      'schema.add_field("v", DataType.FLOAT_VECTOR, dim=2)',
      'index_params = client.prepare_index_params()',
      'index_params.add_index(field_name="v", index_type="FLAT", metric_type="L2")',
      'client.create_collection("py_segments", schema=schema, index_params=index_params)',
      'for b in range(3):',
      '    client.insert("py_segments", [{"id": b * 100 + i, "v": [i, b]} for i in range(100)])',
      '    client.flush("py_segments")',
      'client.delete("py_segments", filter="id < 10")',
      'connections.connect(uri="http://localhost:19530", token="root:Milvus")',
      'col = Collection("py_segments")',
      'utility.wait_for_index_building_complete("py_segments")',
      'assert col.num_entities == 300, col.num_entities',
      'infos = utility.get_query_segment_info("py_segments")',
      'assert sorted(i.num_rows for i in infos) == [100, 100, 100], infos',
      'assert all(i.index_name == "v" and i.state == 3 and i.level == 2 for i in infos), infos',
      'before = client.search("py_segments", data=[[5, 1]], limit=5)',
      'col.compact()',
      'col.wait_for_compaction_completed(timeout=30)',
      'state = col.get_compaction_state()',
      'assert state.state_name == "Completed" and state.completed == 1 and state.in_executing == 0 and state.in_timeout == 0, state',
      'plans = col.get_compaction_plans()',
      'assert len(plans.plans) == 1 and sorted(plans.plans[0].sources) == sorted(i.segmentID for i in infos), plans',
      'assert col.num_entities == 290, col.num_entities',
      'after_infos = utility.get_query_segment_info("py_segments")',
      'assert [(i.segmentID, i.num_rows) for i in after_infos] == [(plans.plans[0].target, 290)], after_infos',
      'after = client.search("py_segments", data=[[5, 1]], limit=5)',
      'assert [(h["id"], h["distance"]) for h in after[0]] == [(h["id"], h["distance"]) for h in before[0]], (before, after)',
      'assert client.query("py_segments", filter="id < 12", output_fields=["id"]) == [{"id": 10}, {"id": 11}]',
      'try:',
      '    utility.get_query_segment_info("py_missing")',
      '    raise AssertionError("expected an error")',
      'except MilvusException as e:',
      '    assert e.code == 100 and e.message == "collection not found[database=default][collection=py_missing]", e',
    ].join('\n');
    const r = await run('compact-orm.md', code);
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 90_000);

  it('compacts through MilvusClient and flushes everything with utility.flush_all', async () => {
    needsPython();
    const code = [
      'import time',
      'from pymilvus import MilvusClient, DataType, connections, utility, MilvusException',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'client.create_collection("py_compact", dimension=2)',
      'client.insert("py_compact", [{"id": i, "vector": [i, 1]} for i in range(20)])',
      'connections.connect(uri="http://localhost:19530", token="root:Milvus")',
      // The growing rows are not persisted: no segment to list or compact before FlushAll.
      'assert [s.num_rows for s in utility.get_query_segment_info("py_compact")] == []',
      'assert client.get_compaction_state(client.compact("py_compact")) == "Completed"',
      'utility.flush_all(timeout=30)',
      'utility.wait_for_index_building_complete("py_compact")',
      'assert [s.num_rows for s in utility.get_query_segment_info("py_compact")] == [20]',
      'client.delete("py_compact", ids=[0, 1])',
      'job = client.compact("py_compact")',
      'assert job > 0, job',
      'deadline = time.time() + 30',
      'while client.get_compaction_state(job) != "Completed" and time.time() < deadline:',
      '    time.sleep(0.1)',
      'assert client.get_compaction_state(job) == "Completed"',
      'assert client.get_collection_stats("py_compact")["row_count"] == 18',
      'try:',
      '    client.compact("py_missing")',
      '    raise AssertionError("expected an error")',
      'except MilvusException as e:',
      '    assert e.code == 100, e',
    ].join('\n');
    const r = await run('compact-client.md', code);
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 90_000);
});
