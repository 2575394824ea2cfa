import { beforeEach, describe, expect, it } from 'vitest';
import { Engine, createRestHandler, type RestHandler } from '../src/index.js';

let engine: Engine;
let rest: RestHandler;

beforeEach(() => {
  engine = new Engine({ queryNodes: 2 });
  rest = createRestHandler(engine);
});

/** The raw answer body of `resource_groups/<path>`. */
const raw = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
  (await rest({ method: 'POST', path: `/v2/vectordb/resource_groups/${path}`, headers, body: JSON.stringify(body) })).body;
const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => JSON.parse(await raw(path, body, headers)) as Record<string, unknown>;
const postAt = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
  JSON.parse((await rest({ method: 'POST', path: `/v2/vectordb/${path}`, headers, body: JSON.stringify(body) })).body) as Record<string, unknown>;
const limit = (n: number) => ({ node_num: n });
const missing = (...keys: string[]) => ({
  code: 1802,
  message: `missing required parameters, error: ${keys.map((k) => `Key: '${k}' Error:Field validation for '${k.split('.').at(-1)}' failed on the 'required' tag`).join('\n')}`,
});

async function loadedCollection(name: string, replicas: number, headers: Record<string, string> = {}) {
  expect(await postAt('collections/create', { collectionName: name, dimension: 2 }, headers)).toEqual({ code: 0, data: {} });
  await postAt('collections/release', { collectionName: name }, headers);
  const dbName = headers['DB-Name'];
  engine.loadCollection({ ...(dbName ? { dbName } : {}), collectionName: name, replicaNumber: replicas });
}

describe('RESTful v2 resource_groups', () => {
  it('lists __default_resource_group first and describes it as Go writes the proto (snake_case, zero members omitted)', async () => {
    expect(await raw('list', {})).toBe('{"code":0,"data":["__default_resource_group"]}');
    expect(await raw('describe', { name: '__default_resource_group' })).toBe(
      '{"code":0,"data":{"resource_group":{"name":"__default_resource_group","capacity":1000000,"num_available_node":2,' +
        '"config":{"requests":{},"limits":{"node_num":1000000}},' +
        '"nodes":[{"node_id":1,"address":"127.0.0.1:21123","hostname":"localhost"},{"node_id":2,"address":"127.0.0.1:21124","hostname":"localhost"}]}}}',
    );
  });

  it('creates a group without config (0/0), with a config taking a node, and refuses another config with 301', async () => {
    expect(await post('create', { name: 'rg0' })).toEqual({ code: 0, data: {} });
    expect(await post('create', { name: 'rg1', config: { requests: limit(1), limits: limit(1), transfer_from: [{ resource_group: '__default_resource_group' }] } })).toEqual({
      code: 0,
      data: {},
    });
    expect(await post('list', {})).toEqual({ code: 0, data: ['__default_resource_group', 'rg0', 'rg1'] });
    expect(await raw('describe', { name: 'rg0' })).toBe('{"code":0,"data":{"resource_group":{"name":"rg0","config":{"requests":{},"limits":{}}}}}');
    expect(await raw('describe', { name: 'rg1' })).toBe(
      '{"code":0,"data":{"resource_group":{"name":"rg1","capacity":1,"num_available_node":1,' +
        '"config":{"requests":{"node_num":1},"limits":{"node_num":1},"transfer_from":[{"resource_group":"__default_resource_group"}]},' +
        '"nodes":[{"node_id":2,"address":"127.0.0.1:21124","hostname":"localhost"}]}}}',
    );
    expect(await post('create', { name: 'rg1', config: { requests: limit(2), limits: limit(2) } })).toEqual({
      code: 301,
      message: 'resource group already exist, but create with different config[rg=rg1]',
    });
    expect(await post('create', { name: 'rg2', config: { requests: limit(2), limits: limit(1) } })).toEqual({
      code: 303,
      message: 'limits node num should not less than requests node num: resource group illegal config[rg=rg2][config=requests:{node_num:2} limits:{node_num:1}]',
    });
    expect(await post('create', { name: '1rg' })).toEqual({
      code: 65535,
      message: 'Invalid resource group name 1rg. the first character of a resource group name must be an underscore or letter',
    });
  });

  it('binds as gin does: name required, and inside a given config requests, limits and a non-zero node_num (1802)', async () => {
    expect(await post('create', {})).toEqual(missing('ResourceGroupReq.Name'));
    expect(await post('create', { name: 'rg', config: {} })).toEqual(missing('ResourceGroupReq.Config.Requests', 'ResourceGroupReq.Config.Limits'));
    expect(await post('create', { name: 'rg', config: { requests: limit(0), limits: {} } })).toEqual(
      missing('ResourceGroupReq.Config.Requests.NodeNum', 'ResourceGroupReq.Config.Limits.NodeNum'),
    );
    expect(await post('create', { name: 'rg', config: { requests: limit(1), limits: limit(1), node_filter: {} } })).toEqual(
      missing('ResourceGroupReq.Config.NodeFilter.NodeLabels'),
    );
    expect(await post('create', { name: 'rg', config: { requests: { node_num: 'one' }, limits: limit(1) } })).toEqual({
      code: 1801,
      message: 'can only accept json format request, error: json: cannot unmarshal string into Go struct field ResourceGroupLimit.config.requests.node_num of type int32',
    });
    expect(await post('alter', {})).toEqual(missing('UpdateResourceGroupReq.ResourceGroups'));
    expect(await post('transfer_replica', { sourceRgName: 'a', targetRgName: 'b', collectionName: 'c' })).toEqual(missing('TransferReplicaReq.ReplicaNum'));
    expect(await post('describe', { name: 'nope' })).toEqual({ code: 300, message: 'resource group not found[rg=nope]' });
  });

  it('alters configs all or none (300 for a missing group) and the nodes follow', async () => {
    await post('create', { name: 'rg1' });
    expect(await post('alter', { resource_groups: { rg1: { requests: limit(1), limits: limit(1) }, nope: { requests: limit(1), limits: limit(1) } } })).toEqual({
      code: 300,
      message: 'resource group not found[rg=nope]',
    });
    expect(engine.describeResourceGroup('rg1').numAvailableNode).toBe(0);
    expect(await post('alter', { resource_groups: { rg1: { requests: limit(2), limits: limit(2) } } })).toEqual({ code: 0, data: {} });
    expect(engine.describeResourceGroup('rg1').nodes.map((n) => n.id)).toEqual([1, 2]);
    expect(await post('alter', { resource_groups: { rg1: { requests: limit(1) } } })).toEqual({
      code: 303,
      message: 'requests or limits is required: resource group illegal config[rg=rg1][config=requests:{node_num:1}]',
    });
  });

  it('drops: a missing group is a success, the default group and non-empty limits are 1100', async () => {
    expect(await post('drop', { name: 'nope' })).toEqual({ code: 0, data: {} });
    expect((await post('drop', { name: '__default_resource_group' })).code).toBe(1100);
    await post('create', { name: 'rg1', config: { requests: limit(1), limits: limit(1) } });
    expect(await post('drop', { name: 'rg1' })).toEqual({
      code: 1100,
      message: "resource group's limits node num is not 0: invalid parameter[expected=not empty resource group][actual=rg1]",
    });
    await post('alter', { resource_groups: { rg1: { requests: {}, limits: {} } } });
    expect(await post('drop', { name: 'rg1' })).toEqual({ code: 0, data: {} });
    expect((await post('list', {})).data).toEqual(['__default_resource_group']);
  });

  it('transfers replicas of a loaded collection, in the DB-Name database; describe counts them by collection', async () => {
    await post('create', { name: 'rg1', config: { requests: limit(1), limits: limit(1) } });
    await loadedCollection('c', 1);
    expect(await post('transfer_replica', { sourceRgName: '__default_resource_group', targetRgName: 'rg1', collectionName: 'c', replicaNum: 1 })).toEqual({
      code: 0,
      data: {},
    });
    expect(await post('describe', { name: 'rg1' })).toMatchObject({ data: { resource_group: { num_loaded_replica: { c: 1 } } } });
    expect(await post('drop', { name: 'rg1' })).toMatchObject({ code: 1100 });
    expect(await post('transfer_replica', { sourceRgName: 'rg1', targetRgName: '__default_resource_group', collectionName: 'nope', replicaNum: 1 })).toEqual({
      code: 100,
      message: 'collection not found[database=default][collection=nope]',
    });
    await postAt('databases/create', { dbName: 'db1' });
    await loadedCollection('d', 1, { 'DB-Name': 'db1' });
    expect(
      await post('transfer_replica', { sourceRgName: '__default_resource_group', targetRgName: 'rg1', collectionName: 'd', replicaNum: 1, dbName: 'default' }, { 'DB-Name': 'db1' }),
    ).toEqual({ code: 0, data: {} });
    expect(engine.describeResourceGroup('rg1').numLoadedReplica).toEqual(new Map([['c', 1], ['d', 1]]));
  });
});
