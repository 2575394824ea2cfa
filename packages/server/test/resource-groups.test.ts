import { DataType, MilvusError } from '@mvkit/core';
import { describe, expect, it } from 'vitest';
import { Engine, type FieldInput } from '../src/engine/index.js';

function failure(fn: () => unknown): { code: number; reason: string } {
  try {
    fn();
  } catch (e) {
    expect(MilvusError.is(e)).toBe(true);
    return { code: (e as MilvusError).code, reason: (e as MilvusError).reason };
  }
  throw new Error('expected a MilvusError');
}

const base = { description: '', isPartitionKey: false, isDynamic: false, isClusteringKey: false, elementType: 0, nullable: false, autoID: false };
const fields: FieldInput[] = [
  { ...base, name: 'id', dataType: DataType.Int64, isPrimaryKey: true, typeParams: {} },
  { ...base, name: 'v', dataType: DataType.FloatVector, isPrimaryKey: false, typeParams: { dim: '2' } },
];
const coll = { collectionName: 'c' };

function engineWith(queryNodes: number, shardsNum = 1): Engine {
  const e = new Engine({ queryNodes });
  e.createCollection({ ...coll, fields, shardsNum });
  e.createIndex({ ...coll, fieldName: 'v', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'L2' }] });
  return e;
}
const cfg = (requests: number, limits: number) => ({ requests: { nodeNum: requests }, limits: { nodeNum: limits } });
const DEFAULT = '__default_resource_group';

describe('resource groups', () => {
  it('a standalone has __default_resource_group with its one node and capacity 1000000', () => {
    const e = engineWith(1);
    expect(e.listResourceGroups()).toEqual([DEFAULT]);
    const rg = e.describeResourceGroup(DEFAULT);
    expect(rg).toMatchObject({ name: DEFAULT, capacity: 1_000_000, numAvailableNode: 1, nodes: [{ id: 1, address: '127.0.0.1:21123', hostname: 'localhost' }] });
    expect(rg.config.requests.nodeNum).toBe(0);
    expect(rg.config.limits.nodeNum).toBe(1_000_000);
  });

  it('creates groups idempotently, refuses another config (301), bad names (65535) and illegal configs (303)', () => {
    const e = engineWith(1);
    e.createResourceGroup('rg1');
    e.createResourceGroup('rg1');
    expect(failure(() => e.createResourceGroup('rg1', cfg(1, 1)))).toEqual({ code: 301, reason: 'resource group already exist, but create with different config[rg=rg1]' });
    expect(failure(() => e.createResourceGroup(''))).toEqual({ code: 65535, reason: "resource group name couldn't be empty" });
    expect(failure(() => e.createResourceGroup('1rg'))).toEqual({
      code: 65535,
      reason: 'Invalid resource group name 1rg. the first character of a resource group name must be an underscore or letter',
    });
    expect(failure(() => e.createResourceGroup('r-g'))).toEqual({
      code: 65535,
      reason: 'Invalid resource group name r-g. resource group name can only contain numbers, letters and underscores',
    });
    expect(failure(() => e.createResourceGroup('rg2', cfg(2, 1)))).toEqual({
      code: 303,
      reason: 'limits node num should not less than requests node num: resource group illegal config[rg=rg2][config=requests:{node_num:2} limits:{node_num:1}]',
    });
    expect(failure(() => e.createResourceGroup('rg2', { requests: { nodeNum: 1 } }))).toEqual({
      code: 303,
      reason: 'requests or limits is required: resource group illegal config[rg=rg2][config=requests:{node_num:1}]',
    });
    expect(failure(() => e.createResourceGroup('rg2', { ...cfg(0, 0), transferFrom: [{ resourceGroup: 'nope' }] })).reason).toBe(
      'resource group in `TransferFrom` nope not exist: resource group illegal config[rg=rg2][config=requests:{} limits:{} transfer_from:{resource_group:"nope"}]',
    );
    expect(e.listResourceGroups()).toEqual([DEFAULT, 'rg1']);
  });

  it('moves nodes to groups that request them and back when they give them up', () => {
    const e = engineWith(3);
    e.createResourceGroup('rg1', cfg(2, 2));
    expect(e.describeResourceGroup('rg1')).toMatchObject({ capacity: 2, numAvailableNode: 2 });
    expect(e.describeResourceGroup(DEFAULT).numAvailableNode).toBe(1);
    e.updateResourceGroups(new Map([['rg1', cfg(0, 0)]]));
    expect(e.describeResourceGroup('rg1').numAvailableNode).toBe(0);
    expect(e.describeResourceGroup(DEFAULT).nodes.map((n) => n.id)).toEqual([1, 2, 3]);
    expect(failure(() => e.updateResourceGroups(new Map([['nope', cfg(0, 0)]])))).toEqual({ code: 300, reason: 'resource group not found[rg=nope]' });
  });

  it('TransferNode changes the configs and moves nodes, with Milvus checks', () => {
    const e = engineWith(2);
    e.createResourceGroup('rg1');
    e.transferNode(DEFAULT, 'rg1', 1);
    expect(e.describeResourceGroup('rg1')).toMatchObject({ numAvailableNode: 1, config: { requests: { nodeNum: 1 }, limits: { nodeNum: 1 } } });
    expect(failure(() => e.transferNode(DEFAULT, DEFAULT, 1))).toEqual({
      code: 1100,
      reason: 'source resource group and target resource group should not be the same, resource group: __default_resource_group: invalid parameter',
    });
    expect(failure(() => e.transferNode(DEFAULT, 'rg1', 0))).toEqual({ code: 1100, reason: 'invalid parameter[expected=NumNode > 0][actual=invalid NumNode 0]' });
    expect(failure(() => e.transferNode('nope', 'rg1', 1))).toEqual({ code: 300, reason: 'resource group not found[rg=nope]' });
    expect(failure(() => e.transferNode(DEFAULT, 'rg1', 5))).toEqual({
      code: 304,
      reason: 'resource group node not enough[rg=__default_resource_group][currentNodeNum=1][expectedNodeNum=5]',
    });
  });

  it('drops groups as Milvus: default refused, limits must be 0, no loaded replicas, not referenced; missing is a no-op', () => {
    const e = engineWith(2);
    e.dropResourceGroup('nope');
    expect(failure(() => e.dropResourceGroup(DEFAULT))).toEqual({
      code: 1100,
      reason: 'default resource group is not deletable: invalid parameter[expected=not default resource group][actual=__default_resource_group]',
    });
    e.createResourceGroup('rg1', cfg(1, 1));
    expect(failure(() => e.dropResourceGroup('rg1'))).toEqual({
      code: 1100,
      reason: "resource group's limits node num is not 0: invalid parameter[expected=not empty resource group][actual=rg1]",
    });
    e.loadCollection({ ...coll, resourceGroups: ['rg1'] });
    const id = e.describeCollection(coll).id;
    expect(failure(() => e.dropResourceGroup('rg1'))).toEqual({
      code: 1100,
      reason: `some replicas still loaded in resource group[rg1], release it first: invalid parameter[expected=empty resource group][actual=resource group rg1 has collection ${id} loaded]`,
    });
    expect(e.describeResourceGroup('rg1').numLoadedReplica).toEqual(new Map([['c', 1]]));
    e.releaseCollection(coll);
    e.createResourceGroup('rg2', { ...cfg(0, 0), transferFrom: [{ resourceGroup: 'rg1' }] });
    e.updateResourceGroups(new Map([['rg1', cfg(0, 0)]]));
    expect(failure(() => e.dropResourceGroup('rg1'))).toEqual({
      code: 1100,
      reason: "resource group rg1 is used by rg2's `TransferFrom`, remove that configuration first: invalid parameter[expected=not `TransferFrom` of resource group][actual=rg1]",
    });
    e.dropResourceGroup('rg2');
    e.dropResourceGroup('rg1');
    expect(e.listResourceGroups()).toEqual([DEFAULT]);
    expect(e.describeResourceGroup(DEFAULT).numAvailableNode).toBe(2);
  });

  it('DescribeResourceGroup of a missing group is 300', () => {
    expect(failure(() => engineWith(1).describeResourceGroup('nope'))).toEqual({ code: 300, reason: 'resource group not found[rg=nope]' });
  });
});

describe('replicas', () => {
  it('GetReplicas lists one replica per load with shard leaders; not loaded: none', () => {
    const e = engineWith(1, 2);
    const c = e.describeCollection(coll);
    expect(e.getReplicas(coll)).toEqual([]);
    e.loadCollection(coll);
    const [r, ...rest] = e.getReplicas({ ...coll, withShardNodes: true });
    expect(rest).toEqual([]);
    expect(r).toMatchObject({
      collectionId: c.id,
      partitionIds: [c.partitions.get('_default')!.id],
      nodeIds: [1],
      resourceGroupName: DEFAULT,
      numOutboundNode: new Map(),
      shardReplicas: [
        { leaderId: 1, leaderAddr: '127.0.0.1:21123', dmChannelName: `by-dev-rootcoord-dml_0_${c.id}v0`, nodeIds: [1] },
        { leaderId: 1, leaderAddr: '127.0.0.1:21123', dmChannelName: `by-dev-rootcoord-dml_1_${c.id}v1`, nodeIds: [1] },
      ],
    });
    expect(e.getReplicas({ collectionId: c.id })).toHaveLength(1);
    expect(failure(() => e.getReplicas({ collectionName: 'nope' })).code).toBe(100);
    e.releaseCollection(coll);
    expect(e.getReplicas(coll)).toEqual([]);
  });

  it('loads two replicas on two query nodes, each with its own node, and reloads with another number', () => {
    const e = engineWith(2);
    e.loadCollection({ ...coll, replicaNumber: 2 });
    const replicas = e.getReplicas(coll);
    expect(replicas.map((r) => r.nodeIds)).toEqual([[1], [2]]);
    expect(e.describeResourceGroup(DEFAULT).numLoadedReplica).toEqual(new Map([['c', 2]]));
    e.loadCollection({ ...coll, replicaNumber: 1 });
    expect(e.getReplicas(coll).map((r) => r.nodeIds)).toEqual([[1, 2]]);
    // Milvus 2.5 would spawn a replica without nodes; the reference server keeps the node check (see known divergences).
    expect(failure(() => e.loadCollection({ ...coll, replicaNumber: 3 }))).toEqual({
      code: 65535,
      reason:
        'call query coordinator LoadCollection: failed to load collection: resource group node not enough[rg=__default_resource_group][currentNodeNum=2][expectedNodeNum=3]',
    });
    expect(e.getReplicas(coll)).toHaveLength(1);
  });

  it('places replicas in the groups asked for; checks the group count and the groups', () => {
    const e = engineWith(3);
    e.createResourceGroup('rg1', cfg(1, 1));
    e.createResourceGroup('rg2', cfg(1, 1));
    expect(failure(() => e.loadCollection({ ...coll, replicaNumber: 3, resourceGroups: ['rg1', 'rg2'] }))).toEqual({
      code: 65535,
      reason: 'call query coordinator LoadCollection: replica=[3] resource group=[rg1,rg2], resource group num can only be 0, 1 or same as replica number',
    });
    expect(failure(() => e.loadCollection({ ...coll, resourceGroups: ['nope'] }))).toEqual({
      code: 65535,
      reason: 'call query coordinator LoadCollection: failed to spawn replica for collection: resource group not found[rg=nope]',
    });
    expect(failure(() => e.loadPartitions({ ...coll, partitionNames: ['_default'], resourceGroups: ['nope'] }))).toEqual({
      code: 300,
      reason: 'failed to spawn replica for collection: resource group not found[rg=nope]',
    });
    e.loadCollection({ ...coll, replicaNumber: 2, resourceGroups: ['rg1', 'rg2'] });
    expect(e.getReplicas(coll).map((r) => [r.resourceGroupName, r.nodeIds.length])).toEqual([
      ['rg1', 1],
      ['rg2', 1],
    ]);
  });

  it('refuses other resource groups for loaded partitions (1100)', () => {
    const e = engineWith(2);
    e.createResourceGroup('rg1', cfg(1, 1));
    e.loadPartitions({ ...coll, partitionNames: ['_default'] });
    expect(failure(() => e.loadPartitions({ ...coll, partitionNames: ['_default'], resourceGroups: ['rg1'] }))).toEqual({
      code: 1100,
      reason: "can't change the resource groups for loaded partitions: invalid parameter[expected=[__default_resource_group]][actual=[rg1]]",
    });
  });

  it('TransferReplica moves replicas between groups with Milvus checks', () => {
    const e = engineWith(2);
    e.createResourceGroup('rg1', cfg(1, 1));
    e.loadCollection(coll);
    expect(failure(() => e.transferReplica({ ...coll, source: 'nope', target: 'rg1', numReplica: 1 }))).toEqual({
      code: 300,
      reason: "the source resource group[nope] doesn't exist: resource group not found[rg=nope]",
    });
    expect(failure(() => e.transferReplica({ ...coll, source: DEFAULT, target: 'rg1', numReplica: 0 }))).toEqual({
      code: 1100,
      reason: 'invalid parameter[expected=NumReplica > 0][actual=invalid NumReplica 0]',
    });
    expect(failure(() => e.transferReplica({ ...coll, source: DEFAULT, target: 'rg1', numReplica: 2 }))).toEqual({
      code: 1100,
      reason:
        'invalid parameter[expected=NumReplica not greater than the number of replica in source resource group][actual=only found [1] replicas in source resource group[__default_resource_group]]',
    });
    expect(failure(() => e.transferReplica({ collectionName: 'nope', source: DEFAULT, target: 'rg1', numReplica: 1 })).code).toBe(100);
    e.transferReplica({ ...coll, source: DEFAULT, target: 'rg1', numReplica: 1 });
    expect(e.getReplicas(coll).map((r) => [r.resourceGroupName, r.nodeIds])).toEqual([['rg1', [2]]]);
  });
});

describe('LoadBalance, GetComponentStates, GetMetrics', () => {
  it('LoadBalance on a single node has nothing to move; unknown nodes and segments are refused', () => {
    const e = engineWith(1);
    const id = e.describeCollection(coll).id;
    expect(failure(() => e.loadBalance({ ...coll, srcNodeId: 1, dstNodeIds: [], sealedSegmentIds: [] }))).toEqual({
      code: 901,
      reason: `source node not found in any replica of collection ${id}: node not found[node=1]`,
    });
    e.loadCollection(coll);
    e.loadBalance({ ...coll, srcNodeId: 1, dstNodeIds: [], sealedSegmentIds: [] });
    expect(failure(() => e.loadBalance({ ...coll, srcNodeId: 1, dstNodeIds: [7], sealedSegmentIds: [] }))).toEqual({
      code: 901,
      reason: 'destination node not found in the same replica: node not found[node=7]',
    });
    expect(failure(() => e.loadBalance({ ...coll, srcNodeId: 1, dstNodeIds: [], sealedSegmentIds: [42n] }))).toEqual({
      code: 600,
      reason: 'segment not found in source node: segment not found[segment=42]',
    });
    expect(failure(() => e.loadBalance({ collectionName: 'nope', srcNodeId: 1, dstNodeIds: [], sealedSegmentIds: [] })).code).toBe(100);
  });

  it('GetComponentStates answers the healthy proxy', () => {
    expect(engineWith(1).componentStates()).toEqual({ state: { nodeID: 1, role: 'proxy', stateCode: 1, extraInfo: [] }, subcomponentStates: [] });
  });

  it('GetMetrics system_info describes a standalone deployment; other types are refused', () => {
    const e = engineWith(2);
    const { response, componentName } = e.metrics('{"metric_type":"system_info"}');
    expect(componentName).toBe('proxy1');
    const topology = JSON.parse(response) as { nodes_info: { identifier: number; infos: { name: string; type: string; system_info: { deploy_mode: string; build_version: string } } }[] };
    expect(topology.nodes_info.map((n) => n.infos.name)).toEqual(['proxy1', 'rootcoord1', 'querycoord1', 'querynode1', 'querynode2', 'datacoord1', 'datanode1', 'indexnode1']);
    expect(topology.nodes_info[0]!.infos.system_info).toMatchObject({ deploy_mode: 'STANDALONE', build_version: 'v2.5.4' });
    expect(failure(() => e.metrics('{"metric_type":"system_log"}'))).toEqual({ code: 1200, reason: 'metric not found[metric=system_log]' });
    expect(failure(() => e.metrics('not json'))).toEqual({ code: 65535, reason: 'metric_type not found in request' });
  });
});
