import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index.js';

/** The official Node SDK's resource group, replica and diagnostics calls against a reference server simulating two query nodes. */
let server: RunningServer;
let client: MilvusClient;

beforeAll(async () => {
  server = await startServer({ port: 0, queryNodes: 2 });
  client = new MilvusClient({ address: server.address, token: 'root:Milvus' });
  await client.connectPromise;
});
afterAll(async () => {
  await client.closeConnection();
  await server.close();
});

describe('official Node SDK: resource groups, replicas, diagnostics', () => {
  it('lists, creates, describes, updates, transfers and drops resource groups', async () => {
    expect((await client.listResourceGroups()).resource_groups).toEqual(['__default_resource_group']);
    expect((await client.createResourceGroup({ resource_group: 'rg1', config: { requests: { node_num: 1 }, limits: { node_num: 1 } } })).error_code).toBe('Success');
    const rg = await client.describeResourceGroup({ resource_group: 'rg1' });
    expect(rg.resource_group).toMatchObject({ name: 'rg1', capacity: 1, num_available_node: 1 });
    expect(rg.resource_group.nodes?.map((n) => String(n.node_id))).toEqual(['2']);
    const bad = await client.createResourceGroup({ resource_group: 'rg1', config: { requests: { node_num: 2 }, limits: { node_num: 2 } } });
    expect([bad.code, bad.reason]).toEqual([301, 'resource group already exist, but create with different config[rg=rg1]']);
    expect((await client.updateResourceGroups({ resource_groups: { rg1: { requests: { node_num: 0 }, limits: { node_num: 0 } } } })).code).toBe(0);
    expect((await client.describeResourceGroup({ resource_group: '__default_resource_group' })).resource_group.num_available_node).toBe(2);
    const transfer = await client.transferNode({ source_resource_group: '__default_resource_group', target_resource_group: 'rg1', num_node: 5 });
    expect([transfer.code, transfer.reason]).toEqual([304, 'resource group node not enough[rg=__default_resource_group][currentNodeNum=2][expectedNodeNum=5]']);
    expect((await client.dropResourceGroup({ resource_group: 'rg1' })).code).toBe(0);
    const missing = await client.describeResourceGroup({ resource_group: 'rg1' });
    expect([missing.status.code, missing.status.reason]).toEqual([300, 'resource group not found[rg=rg1]']);
  });

  it('loads two replicas, reads them with getReplicas and transfers one; LoadBalance and metrics answer as Milvus', async () => {
    await client.createCollection({
      collection_name: 'sdk_replicas',
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'v', data_type: DataType.FloatVector, dim: 2 },
      ],
    });
    await client.createIndex({ collection_name: 'sdk_replicas', field_name: 'v', index_type: 'FLAT', metric_type: 'L2' });
    // The SDK throws a failed load (its loadCollection waits for the load).
    await expect(client.loadCollection({ collection_name: 'sdk_replicas', replica_number: 3 })).rejects.toThrow(
      'Reason: call query coordinator LoadCollection: failed to spawn replica for collection: resource group node not enough[rg=__default_resource_group][currentNodeNum=2][expectedNodeNum=3]',
    );
    expect((await client.loadCollection({ collection_name: 'sdk_replicas', replica_number: 2 })).code).toBe(0);
    const { collectionID } = await client.describeCollection({ collection_name: 'sdk_replicas' });
    const { replicas } = await client.getReplicas({ collectionID });
    expect(replicas.map((r) => r.node_ids.map(String))).toEqual([['1'], ['2']]);
    expect(replicas.every((r) => r.resource_group_name === '__default_resource_group' && r.shard_replicas.length === 1)).toBe(true);
    const balance = await client.loadBalance({ src_nodeID: 1, dst_nodeIDs: [2], collectionName: 'sdk_replicas' });
    expect([balance.code, balance.reason]).toEqual([901, 'destination node not found in the same replica: node not found[node=2]']);
    expect((await client.loadBalance({ src_nodeID: 1, collectionName: 'sdk_replicas' })).code).toBe(0);
    await client.createResourceGroup({ resource_group: 'rg2', config: { requests: { node_num: 1 }, limits: { node_num: 1 } } });
    expect(
      (await client.transferReplica({ collection_name: 'sdk_replicas', source_resource_group: '__default_resource_group', target_resource_group: 'rg2', num_replica: 1 })).code,
    ).toBe(0);
    const after = (await client.getReplicas({ collectionID })).replicas.map((r) => r.resource_group_name).sort();
    expect(after).toEqual(['__default_resource_group', 'rg2']);
    const metrics = await client.getMetric({ request: { metric_type: 'system_info' } });
    expect(metrics.component_name).toBe('proxy1');
    expect(metrics.response.nodes_info.map((n: { infos: { name: string } }) => n.infos.name)).toContain('querynode2');
  });
});
