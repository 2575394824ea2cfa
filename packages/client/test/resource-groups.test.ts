import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataType, MilvusClient } from '../src/index.js';
import { TRANSPORTS, clientFor, rejection, type TransportKind } from './helpers.js';

/** Resource groups, replicas and diagnostics over both transports (two query nodes). */
const DEFAULT = '__default_resource_group';
const coll = { collection_name: 'rg_coll' };
const failure = async (p: Promise<unknown>) => {
  const e = await rejection(p);
  return { code: e.code, reason: e.reason };
};

describe.each(TRANSPORTS)('resource groups over %s', (kind: TransportKind) => {
  let server: RunningServer;
  let client: MilvusClient;

  beforeAll(async () => {
    server = await startServer({ port: 0, queryNodes: 2 });
    client = clientFor(kind, server);
    await client.createCollection({
      ...coll,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'v', data_type: DataType.FloatVector, dim: 2 },
      ],
    });
    await client.createIndex({ ...coll, field_name: 'v', index_type: 'FLAT', metric_type: 'L2' });
    await client.loadCollection(coll);
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('creates, describes, lists, updates and drops groups, with Milvus codes for the failures', async () => {
    expect((await client.listResourceGroups()).resource_groups).toEqual([DEFAULT]);
    const dflt = (await client.describeResourceGroup({ resource_group: DEFAULT })).resource_group;
    expect(dflt).toMatchObject({ name: DEFAULT, capacity: 1_000_000, num_available_node: 2, num_loaded_replica: { rg_coll: 1 } });
    expect(dflt.nodes).toEqual([
      { node_id: '1', address: '127.0.0.1:21123', hostname: 'localhost' },
      { node_id: '2', address: '127.0.0.1:21124', hostname: 'localhost' },
    ]);
    expect(dflt.config).toMatchObject({ requests: { node_num: 0 }, limits: { node_num: 1_000_000 } });

    expect((await client.createResourceGroup({ resource_group: 'rg1', config: { requests: { node_num: 1 }, limits: { node_num: 1 } } })).code).toBe(0);
    expect(await failure(client.createResourceGroup({ resource_group: 'rg1', config: { requests: { node_num: 2 }, limits: { node_num: 2 } } }))).toEqual({
      code: 301,
      reason: 'resource group already exist, but create with different config[rg=rg1]',
    });
    expect(await failure(client.createResourceGroup({ resource_group: '1rg' }))).toEqual({
      code: 65535,
      reason: 'Invalid resource group name 1rg. the first character of a resource group name must be an underscore or letter',
    });
    expect((await client.listResourceGroups()).resource_groups).toEqual([DEFAULT, 'rg1']);
    const rg1 = (await client.describeResourceGroup({ resource_group: 'rg1' })).resource_group;
    expect(rg1).toMatchObject({ name: 'rg1', capacity: 1, num_available_node: 1, config: { requests: { node_num: 1 }, limits: { node_num: 1 }, transfer_from: [] } });
    expect(rg1.nodes.map((n) => n.node_id)).toEqual(['2']);
    expect(await failure(client.describeResourceGroup({ resource_group: 'nope' }))).toEqual({ code: 300, reason: 'resource group not found[rg=nope]' });

    expect(await failure(client.updateResourceGroups({ resource_groups: { nope: { requests: { node_num: 1 }, limits: { node_num: 1 } } } }))).toEqual({
      code: 300,
      reason: 'resource group not found[rg=nope]',
    });
    expect(await failure(client.dropResourceGroup({ resource_group: 'rg1' }))).toEqual({
      code: 1100,
      reason: "resource group's limits node num is not 0: invalid parameter[expected=not empty resource group][actual=rg1]",
    });
    await client.updateResourceGroups({ resource_groups: { rg1: { requests: { node_num: 0 }, limits: { node_num: 0 } } } });
    expect((await client.describeResourceGroup({ resource_group: 'rg1' })).resource_group.num_available_node).toBe(0);
    expect((await client.dropResourceGroup({ resource_group: 'rg1' })).code).toBe(0);
    expect((await client.dropResourceGroup({ resource_group: 'rg1' })).code).toBe(0);
    expect((await client.listResourceGroups()).resource_groups).toEqual([DEFAULT]);
  });

  it('transfers a replica to another group and back', async () => {
    await client.createResourceGroup({ resource_group: 'rg2', config: { requests: { node_num: 1 }, limits: { node_num: 1 } } });
    await client.transferReplica({ ...coll, source_resource_group: DEFAULT, target_resource_group: 'rg2', num_replica: 1 });
    expect((await client.describeResourceGroup({ resource_group: 'rg2' })).resource_group.num_loaded_replica).toEqual({ rg_coll: 1 });
    expect(await failure(client.dropResourceGroup({ resource_group: 'rg2' }))).toMatchObject({ code: 1100 });
    expect(await failure(client.transferReplica({ collection_name: 'nope', source_resource_group: 'rg2', target_resource_group: DEFAULT, num_replica: 1 }))).toEqual({
      code: 100,
      reason: 'collection not found[database=default][collection=nope]',
    });
    await client.transferReplica({ ...coll, source_resource_group: 'rg2', target_resource_group: DEFAULT, num_replica: 1n });
    expect((await client.describeResourceGroup({ resource_group: DEFAULT })).resource_group.num_loaded_replica).toEqual({ rg_coll: 1 });
    await client.updateResourceGroups({ resource_groups: { rg2: { requests: { node_num: 0 }, limits: { node_num: 0 } } } });
    await client.dropResourceGroup({ resource_group: 'rg2' });
  });

  if (kind === 'grpc') {
    it('serves transferNode, getReplicas, loadBalance and getMetric', async () => {
      await client.createResourceGroup({ resource_group: 'rg3' });
      await client.transferNode({ source_resource_group: DEFAULT, target_resource_group: 'rg3', num_node: 1 });
      expect((await client.describeResourceGroup({ resource_group: 'rg3' })).resource_group).toMatchObject({ num_available_node: 1, config: { requests: { node_num: 1 } } });
      expect(await failure(client.transferNode({ source_resource_group: 'rg3', target_resource_group: DEFAULT, num_node: 2 }))).toEqual({
        code: 304,
        reason: 'resource group node not enough[rg=rg3][currentNodeNum=1][expectedNodeNum=2]',
      });
      await client.transferNode({ source_resource_group: 'rg3', target_resource_group: DEFAULT, num_node: 1 });
      await client.updateResourceGroups({ resource_groups: { rg3: { requests: { node_num: 0 }, limits: { node_num: 0 } } } });
      await client.dropResourceGroup({ resource_group: 'rg3' });

      const { replicas } = await client.getReplicas({ ...coll, with_shard_nodes: true });
      expect(replicas).toHaveLength(1);
      expect(replicas[0]).toMatchObject({ resource_group_name: DEFAULT, node_ids: ['1', '2'] });
      expect(replicas[0]!.shard_replicas[0]!.node_ids).toEqual(['1', '2']);
      expect(await failure(client.getReplicas({ collection_name: 'nope' }))).toMatchObject({ code: 100 });

      expect((await client.loadBalance({ collectionName: coll.collection_name, src_nodeID: 1 })).code).toBe(0);
      expect(await failure(client.loadBalance({ collectionName: coll.collection_name, src_nodeID: 99n }))).toMatchObject({ code: 901 });

      const metrics = await client.getMetric({ request: { metric_type: 'system_info' } });
      expect(typeof metrics.component_name).toBe('string');
      expect(typeof metrics.response).toBe('object');
      expect(await failure(client.getMetric({ request: { metric_type: 'bogus' } }))).toEqual({ code: 1200, reason: 'metric not found[metric=bogus]' });
    });
  } else {
    it('throws MilvusError 10 for the operations RESTful v2 has no endpoint for, and for transferReplica in another database', async () => {
      for (const call of [
        client.transferNode({ source_resource_group: DEFAULT, target_resource_group: 'x', num_node: 1 }),
        client.getReplicas(coll),
        client.loadBalance({ src_nodeID: 1 }),
        client.getMetric({ request: { metric_type: 'system_info' } }),
        client.transferReplica({ ...coll, db_name: 'other', source_resource_group: DEFAULT, target_resource_group: 'x', num_replica: 1 }),
      ]) {
        const e = await rejection(call);
        expect([e.code, e.origin]).toEqual([10, 'client']);
      }
      expect(await failure(client.transferReplica({ ...coll, source_resource_group: DEFAULT, target_resource_group: 'x', num_replica: 0 }))).toEqual({
        code: 1802,
        reason: "missing required parameters, error: Key: 'TransferReplicaReq.ReplicaNum' Error:Field validation for 'ReplicaNum' failed on the 'required' tag",
      });
    });
  }
});
