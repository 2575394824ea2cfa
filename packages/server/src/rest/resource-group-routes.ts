/**
 * The RESTful v2 endpoints of resource groups (the resource-group handlers of Milvus 2.5's `httpserver`):
 * `resource_groups/create`, `drop`, `alter`, `describe`, `list` and `transfer_replica`. Bodies use
 * the snake_case members of `request_v2.go`'s `ResourceGroupConfig`; `describe` answers the proto
 * `milvus.ResourceGroup` as Go's encoding/json writes it (snake_case, zero members omitted).
 *
 * @packageDocumentation
 */
import type { Engine, ResourceGroupConfig, ResourceGroupConfigInput, ResourceGroupDescription } from '../engine/index.js';
import { S, obj, type Body } from './body.js';
import { goStruct } from '../gojson.js';
import type { RestContext, RouteAnswer } from './routes.js';

type Handle = (engine: Engine, body: Body, ctx: RestContext) => RouteAnswer;

const done = (): RouteAnswer => ({ data: {} });
const limitOf = (v: unknown) => (v && typeof v === 'object' ? { nodeNum: Number((v as Body).node_num ?? 0) } : undefined);
const transfersOf = (v: unknown) => (Array.isArray(v) ? v.map((t) => ({ resourceGroup: S(obj(t).resource_group) })) : []);

/**
 * A bound `ResourceGroupConfig` as the engine takes it (Milvus's `toPbResourceGroupConfig`).
 * `requests`/`limits` that are absent stay absent (the engine refuses them with 303); Milvus 2.5
 * dereferences them unchecked there, see known divergences.
 */
function configOf(b: Body): ResourceGroupConfigInput {
  return {
    requests: limitOf(b.requests),
    limits: limitOf(b.limits),
    transferFrom: transfersOf(b.transfer_from),
    transferTo: transfersOf(b.transfer_to),
    nodeLabels: Object.entries(obj(obj(b.node_filter).node_labels)).map(([key, value]) => ({ key, value: S(value) })),
  };
}

/** Go's `omitempty`: the entry only when the value is not its zero value (0, '', empty list or map). */
function nonZero<T>(key: string, value: T): Record<string, T> {
  const empty = value === 0 || value === '' || (Array.isArray(value) && value.length === 0) || (value instanceof Object && !Array.isArray(value) && Object.keys(value).length === 0);
  return empty ? {} : { [key]: value };
}

/** A Go map (written with sorted keys). */
const goMap = (m: ReadonlyMap<string, number>) => Object.fromEntries(m);

/** An `rg.ResourceGroupConfig` as encoding/json writes it (`requests`/`limits` always set, so present even when 0). */
function configJson(cfg: ResourceGroupConfig) {
  const labels = cfg.nodeLabels.map((l) => goStruct({ ...nonZero('key', l.key), ...nonZero('value', l.value) }));
  return goStruct({
    requests: nonZero('node_num', cfg.requests.nodeNum),
    limits: nonZero('node_num', cfg.limits.nodeNum),
    ...nonZero('transfer_from', cfg.transferFrom.map((t) => nonZero('resource_group', t.resourceGroup))),
    ...nonZero('transfer_to', cfg.transferTo.map((t) => nonZero('resource_group', t.resourceGroup))),
    ...(labels.length ? { node_filter: { node_labels: labels } } : {}),
  });
}

/** A `milvus.ResourceGroup` as encoding/json writes it. */
function describeJson(rg: ResourceGroupDescription) {
  return goStruct({
    ...nonZero('name', rg.name),
    ...nonZero('capacity', rg.capacity),
    ...nonZero('num_available_node', rg.numAvailableNode),
    ...nonZero('num_loaded_replica', goMap(rg.numLoadedReplica)),
    ...nonZero('num_outgoing_node', goMap(rg.numOutgoingNode)),
    ...nonZero('num_incoming_node', goMap(rg.numIncomingNode)),
    config: configJson(rg.config),
    ...nonZero(
      'nodes',
      rg.nodes.map((n) => goStruct({ ...nonZero('node_id', n.id), ...nonZero('address', n.address), ...nonZero('hostname', n.hostname) })),
    ),
  });
}

/** Handlers by path, spread into the route table. */
export const RESOURCE_GROUP_HANDLERS: Readonly<Record<string, Handle>> = {
  '/v2/vectordb/resource_groups/create': (e, b) => {
    e.createResourceGroup(S(b.name), b.config === undefined ? undefined : configOf(obj(b.config)));
    return done();
  },
  '/v2/vectordb/resource_groups/drop': (e, b) => (e.dropResourceGroup(S(b.name)), done()),
  '/v2/vectordb/resource_groups/alter': (e, b) => {
    e.updateResourceGroups(new Map(Object.entries(obj(b.resource_groups)).map(([name, cfg]) => [name, configOf(obj(cfg))])));
    return done();
  },
  '/v2/vectordb/resource_groups/describe': (e, b) => ({ data: { resource_group: describeJson(e.describeResourceGroup(S(b.name))) } }),
  '/v2/vectordb/resource_groups/list': (e) => ({ data: e.listResourceGroups() }),
  '/v2/vectordb/resource_groups/transfer_replica': (e, b, c) => {
    e.transferReplica({
      dbName: c.dbName,
      collectionName: S(b.collectionName),
      source: S(b.sourceRgName),
      target: S(b.targetRgName),
      numReplica: Number(b.replicaNum),
    });
    return done();
  },
};
