import type { CallMetadata } from './metadata.js';
import type { ResourceGroupConfig as WireConfig } from '@mvkit/proto';
import type { MilvusServiceHandlers } from './adapter.js';
import type { Engine, ResourceGroupConfig, ResourceGroupConfigInput } from '../engine/index.js';

/** A wire `rg.ResourceGroupConfig` as the engine takes it (absent `requests`/`limits` stay absent: the engine refuses them). */
function configOf(cfg: WireConfig): ResourceGroupConfigInput {
  return {
    requests: cfg.requests ? { nodeNum: cfg.requests.nodeNum } : undefined,
    limits: cfg.limits ? { nodeNum: cfg.limits.nodeNum } : undefined,
    transferFrom: cfg.transferFrom.map((t) => ({ resourceGroup: t.resourceGroup })),
    transferTo: cfg.transferTo.map((t) => ({ resourceGroup: t.resourceGroup })),
    nodeLabels: (cfg.nodeFilter?.nodeLabels ?? []).map((l) => ({ key: l.key, value: l.value })),
  };
}

/** An engine config on the wire. */
function wireConfig(cfg: ResourceGroupConfig) {
  return {
    requests: { nodeNum: cfg.requests.nodeNum },
    limits: { nodeNum: cfg.limits.nodeNum },
    transferFrom: cfg.transferFrom,
    transferTo: cfg.transferTo,
    nodeFilter: { nodeLabels: cfg.nodeLabels },
  };
}

/**
 * The RPCs of resource groups, replicas, LoadBalance and the diagnostics (GetComponentStates,
 * GetMetrics), translated to and from the engine. Node IDs travel as int64.
 *
 * @param dbOf - resolves a request's database (its `db_name`, else the `dbname` header).
 */
export function resourceGroupHandlers(engine: Engine, dbOf: (req: { dbName?: string }, md: CallMetadata) => string): Partial<MilvusServiceHandlers> {
  return {
    async createResourceGroup(req) {
      engine.createResourceGroup(req.resourceGroup, req.config ? configOf(req.config) : undefined);
      return {};
    },
    async updateResourceGroups(req) {
      engine.updateResourceGroups(new Map(Object.entries(req.resourceGroups).map(([name, cfg]) => [name, configOf(cfg)])));
      return {};
    },
    async dropResourceGroup(req) {
      engine.dropResourceGroup(req.resourceGroup);
      return {};
    },
    async listResourceGroups() {
      return { resourceGroups: engine.listResourceGroups() };
    },
    async describeResourceGroup(req) {
      const rg = engine.describeResourceGroup(req.resourceGroup);
      return {
        resourceGroup: {
          name: rg.name,
          capacity: rg.capacity,
          numAvailableNode: rg.numAvailableNode,
          numLoadedReplica: Object.fromEntries(rg.numLoadedReplica),
          numOutgoingNode: Object.fromEntries(rg.numOutgoingNode),
          numIncomingNode: Object.fromEntries(rg.numIncomingNode),
          config: wireConfig(rg.config),
          nodes: rg.nodes.map((n) => ({ nodeId: BigInt(n.id), address: n.address, hostname: n.hostname })),
        },
      };
    },
    async transferNode(req) {
      engine.transferNode(req.sourceResourceGroup, req.targetResourceGroup, req.numNode);
      return {};
    },
    async transferReplica(req, md) {
      engine.transferReplica({
        dbName: dbOf(req, md),
        collectionName: req.collectionName,
        source: req.sourceResourceGroup,
        target: req.targetResourceGroup,
        numReplica: Number(req.numReplica),
      });
      return {};
    },
    async getReplicas(req, md) {
      const replicas = engine.getReplicas({
        dbName: dbOf(req, md),
        collectionName: req.collectionName,
        collectionId: req.collectionID,
        withShardNodes: req.withShardNodes,
      });
      return {
        replicas: replicas.map((r) => ({
          replicaID: r.replicaId,
          collectionID: r.collectionId,
          partitionIds: r.partitionIds,
          shardReplicas: r.shardReplicas.map((s) => ({
            leaderID: BigInt(s.leaderId),
            leaderAddr: s.leaderAddr,
            dmChannelName: s.dmChannelName,
            nodeIds: s.nodeIds.map(BigInt),
          })),
          nodeIds: r.nodeIds.map(BigInt),
          resourceGroupName: r.resourceGroupName,
          numOutboundNode: Object.fromEntries(r.numOutboundNode),
        })),
      };
    },
    async loadBalance(req, md) {
      engine.loadBalance({
        dbName: dbOf(req, md),
        collectionName: req.collectionName,
        srcNodeId: Number(req.srcNodeID),
        dstNodeIds: req.dstNodeIDs.map(Number),
        sealedSegmentIds: req.sealedSegmentIDs,
      });
      return {};
    },
    async getComponentStates() {
      const { state, subcomponentStates } = engine.componentStates();
      const wire = (c: typeof state) => ({ nodeID: BigInt(c.nodeID), role: c.role, stateCode: c.stateCode, extraInfo: c.extraInfo });
      return { state: wire(state), subcomponentStates: subcomponentStates.map(wire) };
    },
    async getMetrics(req) {
      const { response, componentName } = engine.metrics(req.request);
      return { response, componentName };
    },
  };
}
