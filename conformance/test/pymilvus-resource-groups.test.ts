import { describe, expect, it } from 'vitest';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import { runPythonPage } from '../src/runners/python.js';
import { usePythonAndServer } from './python-fixture.js';

/**
 * Resource groups and replicas through pymilvus (the pinned 2.5 release) against a reference
 * server simulating two query nodes: ORM `utility` and `Collection.get_replicas`, and MilvusClient.
 */
function block(code: string): CodeBlock {
  return { page: 'resource-groups.md', index: 1, languageIndex: 1, language: 'python', group: 0, code, documentedOutputs: documentedOutputs('python', code) };
}

describe('resource groups and replicas through pymilvus', () => {
  const py = usePythonAndServer({ queryNodes: 2 });
  const run = async (page: string, code: string) =>
    (await runPythonPage(page, [block(code)], { target: { uri: py.server.restUrl, token: 'root:Milvus' }, env: py.env, setup: async () => undefined, fixture: [], errata: [] }))[0];

  it('lists, creates, describes and drops resource groups; loads two replicas and reads them back', async () => {
    py.needsPython();
    const code = [
      'from pymilvus import connections, utility, Collection, FieldSchema, CollectionSchema, DataType, MilvusClient, MilvusException',
      'connections.connect(uri="http://localhost:19530", token="root:Milvus")',
      'assert utility.list_resource_groups() == ["__default_resource_group"], utility.list_resource_groups()',
      'rg = utility.describe_resource_group("__default_resource_group")',
      'assert (rg.name, rg.capacity, rg.num_available_node) == ("__default_resource_group", 1000000, 2), rg',
      'utility.create_resource_group("rg1")',
      'assert sorted(utility.list_resource_groups()) == ["__default_resource_group", "rg1"]',
      'try:',
      '    utility.drop_resource_group("__default_resource_group")',
      '    raise AssertionError("dropped the default group")',
      'except MilvusException as e:',
      '    assert e.code == 1100 and "default resource group is not deletable" in e.message, (e.code, e.message)',
      'utility.drop_resource_group("rg1")',
      'schema = CollectionSchema([FieldSchema("id", DataType.INT64, is_primary=True), FieldSchema("v", DataType.FLOAT_VECTOR, dim=2)])',
      'c = Collection("py_replicas", schema)',
      'c.create_index("v", {"index_type": "FLAT", "metric_type": "L2", "params": {}})',
      'try:',
      '    c.load(replica_number=3)',
      '    raise AssertionError("loaded 3 replicas on 2 nodes")',
      'except MilvusException as e:',
      '    assert "resource group node not enough[rg=__default_resource_group][currentNodeNum=2][expectedNodeNum=3]" in e.message, e.message',
      'c.load(replica_number=2)',
      'groups = c.get_replicas().groups',
      'assert sorted(tuple(g.group_nodes) for g in groups) == [(1,), (2,)], groups',
      'assert all(g.resource_group == "__default_resource_group" for g in groups), groups',
      'assert all(len(g.shards) == 1 and g.shards[0].shard_leader in (1, 2) for g in groups), groups',
      'rg = utility.describe_resource_group("__default_resource_group")',
      'assert rg.num_loaded_replica == {"py_replicas": 2}, rg.num_loaded_replica',
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'assert client.list_resource_groups() == ["__default_resource_group"], client.list_resource_groups()',
      'c.release()',
    ].join('\n');
    const r = await run('resource-groups.md', code);
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 120_000);
});
