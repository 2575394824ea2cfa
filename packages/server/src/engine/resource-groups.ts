import { Merr, MilvusError, formatMerr } from '@mvkit/core';

/** Name of the resource group that always exists and takes the nodes no other group wants. */
export const DEFAULT_RESOURCE_GROUP = '__default_resource_group';

/** Capacity DescribeResourceGroup reports for the default group (querycoord's `DefaultResourceGroupCapacity`). */
export const DEFAULT_RESOURCE_GROUP_CAPACITY = 1_000_000;

/** `quotaAndLimits.limits.maxResourceGroupNumOfQueryNode`: resource groups, the default one included. */
export const MAX_RESOURCE_GROUPS = 1024;

/** `rg.ResourceGroupConfig`: node counts wanted (`requests`) and allowed (`limits`), preferred donors and receivers, node filter. */
export interface ResourceGroupConfig {
  requests: { nodeNum: number };
  limits: { nodeNum: number };
  transferFrom: { resourceGroup: string }[];
  transferTo: { resourceGroup: string }[];
  /** `node_filter.node_labels`: only nodes carrying these labels may join (simulated nodes carry none). */
  nodeLabels: { key: string; value: string }[];
}

/** The config as a request may give it: any part absent (a missing `requests`/`limits` is illegal, see {@link ResourceGroups.create}). */
export interface ResourceGroupConfigInput {
  requests?: { nodeNum: number } | undefined;
  limits?: { nodeNum: number } | undefined;
  transferFrom?: readonly { resourceGroup: string }[];
  transferTo?: readonly { resourceGroup: string }[];
  nodeLabels?: readonly { key: string; value: string }[];
}

/** One resource group: its name, config and the query nodes (IDs, ascending) assigned to it. */
export interface ResourceGroup {
  readonly name: string;
  config: ResourceGroupConfig;
  nodes: number[];
}

/** A simulated query node: ID, gRPC address and host name (DescribeResourceGroup's `NodeInfo`). */
export interface QueryNode {
  readonly id: number;
  readonly address: string;
  readonly hostname: string;
}

/** The config an old client's CreateResourceGroup without a config gets (querycoord's `newResourceGroupConfig(0, 0)`). */
const emptyConfig = (): ResourceGroupConfigInput => ({ requests: { nodeNum: 0 }, limits: { nodeNum: 0 } });

/**
 * Query nodes and resource groups as querycoord's `ResourceManager` keeps them (Milvus 2.4+ declarative
 * groups): every node belongs to exactly one group; after each change nodes move at once (Milvus does
 * it in its resource observer, within a second) so that groups below `requests` take nodes — first
 * from groups above `limits`, then from their `transfer_from` groups above `requests`, then from any
 * group above `requests` — and groups above `limits` give nodes to groups missing some, then to their
 * `transfer_to` groups below `limits`, then to any group below `limits`, else to the default group.
 */
export class ResourceGroups {
  /** Groups in creation order, the default group first. */
  readonly groups = new Map<string, ResourceGroup>();
  /** The query nodes, by ID. */
  readonly nodes: ReadonlyMap<number, QueryNode>;
  /** Called after nodes moved between groups (replicas then follow their groups' nodes). */
  onNodesMoved: () => void = () => {};

  /** @param queryNodes - how many query nodes the deployment has (IDs 1…N); all join the default group. */
  constructor(queryNodes: number) {
    const nodes = new Map<number, QueryNode>();
    for (let id = 1; id <= queryNodes; id++) nodes.set(id, { id, address: `127.0.0.1:${21122 + id}`, hostname: 'localhost' });
    this.nodes = nodes;
    this.reset();
  }

  /** Back to the start: only the default group, with its default config and every query node. Replicas are not told (drop them first). */
  reset(): void {
    this.groups.clear();
    this.groups.set(DEFAULT_RESOURCE_GROUP, {
      name: DEFAULT_RESOURCE_GROUP,
      config: normalise({ requests: { nodeNum: 0 }, limits: { nodeNum: DEFAULT_RESOURCE_GROUP_CAPACITY } }),
      nodes: [...this.nodes.keys()],
    });
  }

  /**
   * CreateResourceGroup (`ResourceManager.AddResourceGroup`): the same name with the same config
   * again is a no-op; no config means requests and limits of 0.
   * @throws MilvusError 1101 for an empty name; 301 `resource group already exist, but create with
   *   different config[rg=<name>]`; 302 `resource group num reach limit[rg=<name>][limit=1024]`; 303 as `validate`.
   */
  create(name: string, input: ResourceGroupConfigInput | undefined): void {
    if (name === '') throw MilvusError.of(Merr.ParameterMissing, formatMerr(Merr.ParameterMissing, { param: "resource group name couldn't be empty" }));
    const cfg = input ?? emptyConfig();
    const existing = this.groups.get(name);
    if (existing) {
      if (sameConfig(existing.config, cfg)) return;
      throw MilvusError.of(Merr.ResourceGroupAlreadyExist, formatMerr(Merr.ResourceGroupAlreadyExist, { rg: name }));
    }
    if (this.groups.size >= MAX_RESOURCE_GROUPS) {
      throw MilvusError.of(Merr.ResourceGroupReachLimit, formatMerr(Merr.ResourceGroupReachLimit, { rg: name, limit: MAX_RESOURCE_GROUPS }));
    }
    this.validate(name, cfg);
    this.groups.set(name, { name, config: normalise(cfg), nodes: [] });
    this.rebalance();
  }

  /**
   * UpdateResourceGroups: replaces the configs of existing groups, all or none (each is checked
   * before any is applied). An empty map is a no-op.
   * @throws MilvusError 300 `resource group not found[rg=<name>]`; 303 as `validate`.
   */
  update(configs: ReadonlyMap<string, ResourceGroupConfigInput>): void {
    for (const [name, cfg] of configs) {
      this.group(name);
      this.validate(name, cfg);
    }
    for (const [name, cfg] of configs) this.group(name).config = normalise(cfg);
    if (configs.size) this.rebalance();
  }

  /**
   * DropResourceGroup (`ResourceManager.RemoveResourceGroup`): a missing group is a no-op; its
   * nodes go back to other groups. The caller checks loaded replicas first.
   * @throws MilvusError 1100 for the default group, a group whose `limits.node_num` is not 0, or a group
   *   named in another group's `transfer_from`/`transfer_to`.
   */
  drop(name: string): void {
    const rg = this.groups.get(name);
    if (!rg) return;
    if (name === DEFAULT_RESOURCE_GROUP) {
      throw invalid('not default resource group', name, 'default resource group is not deletable');
    }
    if (rg.config.limits.nodeNum !== 0) throw invalid('not empty resource group', name, "resource group's limits node num is not 0");
    for (const other of this.groups.values()) {
      if (other.config.transferFrom.some((t) => t.resourceGroup === name)) {
        throw invalid('not `TransferFrom` of resource group', name, `resource group ${name} is used by ${other.name}'s \`TransferFrom\`, remove that configuration first`);
      }
      if (other.config.transferTo.some((t) => t.resourceGroup === name)) {
        throw invalid('not `TransferTo` of resource group', name, `resource group ${name} is used by ${other.name}'s \`TransferTo\`, remove that configuration first`);
      }
    }
    const orphans = rg.nodes;
    this.groups.delete(name);
    for (const node of orphans) this.assignIncoming(node);
    this.rebalance();
  }

  /**
   * TransferNode (deprecated upstream, kept as a config change): lowers the source's `requests` (and,
   * except for the default group, its `limits`) by `numNode`, raises the target's `requests` (and its
   * `limits` up to them), then moves nodes accordingly.
   * @throws MilvusError 1100 `source resource group and target resource group should not be the same,
   *   resource group: <rg>: invalid parameter`; 1100 `invalid parameter[expected=NumNode > 0][actual=invalid NumNode <n>]`;
   *   300 for a missing group; 304 `resource group node not enough[rg=<src>][currentNodeNum=<n>][expectedNodeNum=<m>]`.
   */
  transferNode(source: string, target: string, numNode: number): void {
    if (source === target) {
      throw MilvusError.of(Merr.ParameterInvalid, `source resource group and target resource group should not be the same, resource group: ${source}: ${Merr.ParameterInvalid.message}`);
    }
    if (numNode <= 0) throw MilvusError.of(Merr.ParameterInvalid, formatMerr(Merr.ParameterInvalid, { expected: 'NumNode > 0', actual: `invalid NumNode ${numNode}` }));
    const src = this.group(source);
    const dst = this.group(target);
    if (src.nodes.length < numNode) {
      throw MilvusError.of(
        Merr.ResourceGroupNodeNotEnough,
        formatMerr(Merr.ResourceGroupNodeNotEnough, { rg: source, currentNodeNum: src.nodes.length, expectedNodeNum: numNode }),
      );
    }
    const srcCfg = structuredClone(src.config);
    const dstCfg = structuredClone(dst.config);
    srcCfg.requests.nodeNum = Math.max(0, srcCfg.requests.nodeNum - numNode);
    if (source !== DEFAULT_RESOURCE_GROUP) srcCfg.limits.nodeNum = Math.max(0, srcCfg.limits.nodeNum - numNode);
    dstCfg.requests.nodeNum += numNode;
    if (dstCfg.requests.nodeNum > dstCfg.limits.nodeNum) dstCfg.limits.nodeNum = dstCfg.requests.nodeNum;
    this.update(new Map([[source, srcCfg], [target, dstCfg]]));
  }

  /**
   * The group of that name.
   * @throws MilvusError 300 `resource group not found[rg=<name>]`.
   */
  group(name: string): ResourceGroup {
    const rg = this.groups.get(name);
    if (!rg) throw resourceGroupNotFound(name);
    return rg;
  }

  /** DescribeResourceGroup's `capacity`: `requests.node_num`, or {@link DEFAULT_RESOURCE_GROUP_CAPACITY} for the default group. */
  capacityOf(rg: ResourceGroup): number {
    return rg.name === DEFAULT_RESOURCE_GROUP ? DEFAULT_RESOURCE_GROUP_CAPACITY : rg.config.requests.nodeNum;
  }

  /**
   * Checks a config as `validateResourceGroupConfig`.
   * @throws MilvusError 303 `<why>: resource group illegal config[rg=<name>][config=<config>]`.
   */
  private validate(name: string, cfg: ResourceGroupConfigInput): void {
    const fail = (why: string) =>
      MilvusError.of(Merr.ResourceGroupIllegalConfig, formatMerr(Merr.ResourceGroupIllegalConfig, { rg: name, config: configText(cfg) }, why));
    if (!cfg.requests || !cfg.limits) throw fail('requests or limits is required');
    if (cfg.requests.nodeNum < 0 || cfg.limits.nodeNum < 0) throw fail('node num in `requests` or `limits` should not less than 0');
    if (cfg.limits.nodeNum < cfg.requests.nodeNum) throw fail('limits node num should not less than requests node num');
    for (const [list, label] of [[cfg.transferFrom ?? [], 'TransferFrom'], [cfg.transferTo ?? [], 'TransferTo']] as const) {
      for (const t of list) {
        if (t.resourceGroup === name) throw fail(`resource group in \`${label}\` ${name} should not be itself`);
        if (!this.groups.has(t.resourceGroup)) throw fail(`resource group in \`${label}\` ${t.resourceGroup} not exist`);
      }
    }
  }

  /** Moves nodes until no group misses nodes it can get and none holds more than its limits. */
  private rebalance(): void {
    let moved = false;
    for (let guard = 0; guard < this.nodes.size * (this.groups.size + 1); guard++) {
      const step = this.recoverMissing() || this.recoverRedundant();
      if (!step) break;
      moved = true;
    }
    if (moved) this.onNodesMoved();
  }

  /** One move towards a group below its `requests`; false when none is possible. */
  private recoverMissing(): boolean {
    for (const target of this.groups.values()) {
      if (missing(target) <= 0) continue;
      const priority = (rg: ResourceGroup) =>
        redundant(rg) > 0 ? redundant(rg) * 1_000_000 : target.config.transferFrom.some((t) => t.resourceGroup === rg.name) ? oversized(rg) * 100_000 : oversized(rg);
      const source = this.best([...this.groups.values()].filter((rg) => rg !== target && oversized(rg) > 0 && accepts(target)), priority);
      if (source) {
        this.move(source, target);
        return true;
      }
    }
    return false;
  }

  /** One move away from a group above its `limits`; false when none is possible. */
  private recoverRedundant(): boolean {
    for (const source of this.groups.values()) {
      if (redundant(source) <= 0) continue;
      const priority = (rg: ResourceGroup) =>
        missing(rg) > 0 ? missing(rg) * 1_000_000 : source.config.transferTo.some((t) => t.resourceGroup === rg.name) ? belowLimit(rg) * 100_000 : belowLimit(rg);
      const target =
        this.best([...this.groups.values()].filter((rg) => rg !== source && belowLimit(rg) > 0 && accepts(rg)), priority) ??
        (source.name === DEFAULT_RESOURCE_GROUP ? undefined : this.groups.get(DEFAULT_RESOURCE_GROUP));
      if (target) {
        this.move(source, target);
        return true;
      }
    }
    return false;
  }

  /** The group with the highest positive priority, the earliest created on ties. */
  private best(candidates: ResourceGroup[], priority: (rg: ResourceGroup) => number): ResourceGroup | undefined {
    let found: ResourceGroup | undefined;
    let max = 0;
    for (const rg of candidates) {
      const p = priority(rg);
      if (p > max) {
        max = p;
        found = rg;
      }
    }
    return found;
  }

  /** Moves the highest-numbered node of `from` to `to`. */
  private move(from: ResourceGroup, to: ResourceGroup): void {
    const node = from.nodes.pop()!;
    to.nodes = [...to.nodes, node].sort((a, b) => a - b);
  }

  /** A node without a group joins the group missing most nodes, else the one furthest below its limits, else the default group. */
  private assignIncoming(node: number): void {
    const all = [...this.groups.values()].filter(accepts);
    const target =
      this.best(all, (rg) => Math.max(0, missing(rg))) ?? this.best(all, (rg) => Math.max(0, belowLimit(rg))) ?? this.groups.get(DEFAULT_RESOURCE_GROUP)!;
    target.nodes = [...target.nodes, node].sort((a, b) => a - b);
  }
}

/** MilvusError 300 `resource group not found[rg=<name>]`. */
export function resourceGroupNotFound(name: string): MilvusError {
  return MilvusError.of(Merr.ResourceGroupNotFound, formatMerr(Merr.ResourceGroupNotFound, { rg: name }));
}

/**
 * Checks a resource group name as the proxy's `ValidateResourceGroupName` (max 255 characters,
 * first an underscore or letter, then underscores, letters and digits).
 * @throws MilvusError 65535 with the proxy's message.
 */
export function validateResourceGroupName(name: string): void {
  if (name === '') throw new MilvusError("resource group name couldn't be empty");
  const invalidMsg = `Invalid resource group name ${name}.`;
  if (name.length > 255) throw new MilvusError(`${invalidMsg} the length of a resource group name must be less than 255 characters`);
  if (!/^[A-Za-z_]/.test(name)) throw new MilvusError(`${invalidMsg} the first character of a resource group name must be an underscore or letter`);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new MilvusError(`${invalidMsg} resource group name can only contain numbers, letters and underscores`);
}

const missing = (rg: ResourceGroup) => rg.config.requests.nodeNum - rg.nodes.length;
const redundant = (rg: ResourceGroup) => rg.nodes.length - rg.config.limits.nodeNum;
const oversized = (rg: ResourceGroup) => rg.nodes.length - rg.config.requests.nodeNum;
const belowLimit = (rg: ResourceGroup) => rg.config.limits.nodeNum - rg.nodes.length;
/** Simulated nodes carry no labels, so a group with a label filter accepts none. */
const accepts = (rg: ResourceGroup) => rg.config.nodeLabels.length === 0;

function invalid(expected: string, actual: string, why: string): MilvusError {
  return MilvusError.of(Merr.ParameterInvalid, formatMerr(Merr.ParameterInvalid, { expected, actual }, why));
}

function normalise(cfg: ResourceGroupConfigInput): ResourceGroupConfig {
  return {
    requests: { nodeNum: cfg.requests?.nodeNum ?? 0 },
    limits: { nodeNum: cfg.limits?.nodeNum ?? 0 },
    transferFrom: (cfg.transferFrom ?? []).map((t) => ({ resourceGroup: t.resourceGroup })),
    transferTo: (cfg.transferTo ?? []).map((t) => ({ resourceGroup: t.resourceGroup })),
    nodeLabels: (cfg.nodeLabels ?? []).map((l) => ({ key: l.key, value: l.value })),
  };
}

function sameConfig(a: ResourceGroupConfig, b: ResourceGroupConfigInput): boolean {
  // Go's proto.Equal tells an unset `requests`/`limits` from a zero one.
  return b.requests !== undefined && b.limits !== undefined && JSON.stringify(a) === JSON.stringify(normalise(b));
}

/** A config as Go prints a `*rgpb.ResourceGroupConfig` with `%v` (protobuf text format; zero values omitted). */
function configText(cfg: ResourceGroupConfigInput): string {
  const limit = (name: string, l: { nodeNum: number } | undefined) => (l === undefined ? [] : [`${name}:{${l.nodeNum ? `node_num:${l.nodeNum}` : ''}}`]);
  const transfers = (name: string, list: readonly { resourceGroup: string }[] | undefined) =>
    (list ?? []).map((t) => `${name}:{resource_group:${JSON.stringify(t.resourceGroup)}}`);
  const labels = cfg.nodeLabels?.length ? [`node_filter:{${cfg.nodeLabels.map((l) => `node_labels:{key:${JSON.stringify(l.key)} value:${JSON.stringify(l.value)}}`).join(' ')}}`] : [];
  return [...limit('requests', cfg.requests), ...limit('limits', cfg.limits), ...transfers('transfer_from', cfg.transferFrom), ...transfers('transfer_to', cfg.transferTo), ...labels].join(' ');
}
