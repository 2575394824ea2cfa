import { Merr, MilvusError, formatMerr } from '@mvkit/core';
import type { Collection } from './catalog.js';
import { DEFAULT_RESOURCE_GROUP, resourceGroupNotFound, type ResourceGroups } from './resource-groups.js';

/** A collection's virtual channel (shard) names, `by-dev-rootcoord-dml_<i>_<collection id>v<i>`, as rootcoord names them. */
export function virtualChannelNames(coll: Collection): string[] {
  return Array.from({ length: coll.shardsNum }, (_, i) => `by-dev-rootcoord-dml_${i}_${coll.id}v${i}`);
}

/** One in-memory copy of a loaded collection, served by the query nodes of one resource group. */
export interface Replica {
  readonly id: bigint;
  readonly collectionId: bigint;
  resourceGroup: string;
  /** The query nodes (IDs, ascending) serving it; empty while its group has too few nodes. */
  nodes: number[];
}

/**
 * The replicas of loaded collections, as querycoord's `ReplicaManager` with its replica observer:
 * the nodes of a resource group are dealt round-robin to the replicas each collection has there,
 * and follow every change of the group's nodes at once (Milvus moves them within seconds).
 */
export class Replicas {
  readonly #byCollection = new Map<bigint, Replica[]>();

  constructor(
    private readonly groups: ResourceGroups,
    private readonly newId: () => bigint,
  ) {
    groups.onNodesMoved = () => this.assignNodes();
  }

  /** The replicas of a collection, by ascending ID; empty when it is not loaded. */
  of(collectionId: bigint): readonly Replica[] {
    return this.#byCollection.get(collectionId) ?? [];
  }

  /** The replicas of every collection placed in `resourceGroup`. */
  inGroup(resourceGroup: string): Replica[] {
    return [...this.#byCollection.values()].flat().filter((r) => r.resourceGroup === resourceGroup);
  }

  /** The resource groups a collection's replicas use, in first-use order. */
  groupsOf(collectionId: bigint): string[] {
    return [...new Set(this.of(collectionId).map((r) => r.resourceGroup))];
  }

  /**
   * Creates a collection's replicas (`SpawnReplicasWithRG`): all in the one group given (or the
   * default group), or one per group when several are given.
   * @throws MilvusError 65535 `replica=[<n>] resource group=[<a,b>], resource group num can only be 0, 1
   *   or same as replica number`; 300 `failed to spawn replica for collection: resource group not
   *   found[rg=<g>]`; 304 `failed to spawn replica for collection: resource group node not
   *   enough[rg=<g>][currentNodeNum=<n>][expectedNodeNum=<m>]`.
   */
  spawn(collectionId: bigint, resourceGroups: readonly string[], replicaNumber: number): void {
    let perGroup: Map<string, number>;
    try {
      perGroup = this.assign(resourceGroups, replicaNumber, true);
    } catch (e) {
      throw prefixed(e, 'failed to spawn replica for collection');
    }
    const replicas: Replica[] = [];
    for (const [resourceGroup, count] of perGroup) {
      for (let i = 0; i < count; i++) replicas.push({ id: this.newId(), collectionId, resourceGroup, nodes: [] });
    }
    this.#byCollection.set(collectionId, replicas);
    this.assignNodes();
  }

  /**
   * Changes the replica number and groups of a loaded collection (`UpdateLoadConfigJob` with
   * `ReassignReplicaToRG`): replicas in groups no longer named are released first, then surplus
   * ones; groups lacking replicas take over released candidates, then new replicas are spawned.
   * Unlike Milvus (which spawns replicas without nodes), each group must have a node per replica: an
   * unbounded replica number would otherwise allocate without limit.
   * @throws MilvusError 1100 `set replica number to 0 for loaded collection is not supported: invalid
   *   parameter`; 65535 for a wrong group count; 300 for a missing group; 304 too few nodes.
   */
  reassign(collectionId: bigint, replicaNumber: number, resourceGroups: readonly string[]): void {
    if (replicaNumber === 0) {
      throw MilvusError.of(Merr.ParameterInvalid, `set replica number to 0 for loaded collection is not supported: ${Merr.ParameterInvalid.message}`);
    }
    const groups = resourceGroups.length ? resourceGroups : [DEFAULT_RESOURCE_GROUP];
    const wanted = this.assign(groups, replicaNumber, true);
    const current = [...this.of(collectionId)];
    const byGroup = new Map<string, Replica[]>();
    for (const r of current) byGroup.set(r.resourceGroup, [...(byGroup.get(r.resourceGroup) ?? []), r]);
    const candidates: Replica[] = [];
    for (const [g, list] of byGroup) if (!wanted.has(g)) candidates.push(...list);
    const toSpawn = new Map<string, number>();
    for (const [g, count] of wanted) {
      const have = byGroup.get(g) ?? [];
      if (have.length > count) candidates.push(...have.slice(count));
      else if (count > have.length) toSpawn.set(g, count - have.length);
    }
    const released = new Set(candidates.slice(0, Math.max(0, current.length - replicaNumber)));
    const movable = candidates.slice(released.size);
    for (const [g, lack] of toSpawn) {
      let left = lack;
      while (left > 0 && movable.length) {
        movable.shift()!.resourceGroup = g;
        left--;
      }
      toSpawn.set(g, left);
    }
    const next = current.filter((r) => !released.has(r));
    for (const [resourceGroup, count] of toSpawn) {
      for (let i = 0; i < count; i++) next.push({ id: this.newId(), collectionId, resourceGroup, nodes: [] });
    }
    this.#byCollection.set(collectionId, next);
    this.assignNodes();
  }

  /** Drops a collection's replicas (release or drop of the collection). */
  release(collectionId: bigint): void {
    this.#byCollection.delete(collectionId);
  }

  /**
   * TransferReplica: moves `numReplica` of the collection's replicas from one group to another.
   * @throws MilvusError 300 `the source resource group[<g>] doesn't exist: resource group not
   *   found[rg=<g>]` (likewise `the target …`); 1100 for the same group twice, a count below 1, or
   *   fewer replicas in the source group than asked.
   */
  transfer(collectionId: bigint, source: string, target: string, numReplica: number): void {
    if (!this.groups.groups.has(source)) throw prefixed(resourceGroupNotFound(source), `the source resource group[${source}] doesn't exist`);
    if (!this.groups.groups.has(target)) throw prefixed(resourceGroupNotFound(target), `the target resource group[${target}] doesn't exist`);
    if (source === target) {
      throw MilvusError.of(Merr.ParameterInvalid, `source resource group and target resource group should not be the same, resource group: ${source}: ${Merr.ParameterInvalid.message}`);
    }
    if (numReplica <= 0) {
      throw MilvusError.of(Merr.ParameterInvalid, formatMerr(Merr.ParameterInvalid, { expected: 'NumReplica > 0', actual: `invalid NumReplica ${numReplica}` }));
    }
    const inSource = this.of(collectionId).filter((r) => r.resourceGroup === source);
    if (inSource.length < numReplica) {
      throw MilvusError.of(
        Merr.ParameterInvalid,
        formatMerr(Merr.ParameterInvalid, {
          expected: 'NumReplica not greater than the number of replica in source resource group',
          actual: `only found [${inSource.length}] replicas in source resource group[${source}]`,
        }),
      );
    }
    for (const r of inSource.slice(0, numReplica)) r.resourceGroup = target;
    this.assignNodes();
  }

  /**
   * Replicas per group (`AssignReplica`), checking the group count, that the groups exist and,
   * when `checkNodes`, that each has a node per replica.
   */
  private assign(resourceGroups: readonly string[], replicaNumber: number, checkNodes: boolean): Map<string, number> {
    if (resourceGroups.length > 1 && resourceGroups.length !== replicaNumber) {
      throw new MilvusError(`replica=[${replicaNumber}] resource group=[${resourceGroups.join(',')}], resource group num can only be 0, 1 or same as replica number`);
    }
    const perGroup = new Map<string, number>();
    if (resourceGroups.length <= 1) perGroup.set(resourceGroups[0] ?? DEFAULT_RESOURCE_GROUP, replicaNumber);
    else for (const g of resourceGroups) perGroup.set(g, (perGroup.get(g) ?? 0) + 1);
    for (const [g, count] of perGroup) {
      const rg = this.groups.groups.get(g);
      if (!rg) throw resourceGroupNotFound(g);
      if (checkNodes && count > rg.nodes.length) {
        throw MilvusError.of(
          Merr.ResourceGroupNodeNotEnough,
          formatMerr(Merr.ResourceGroupNodeNotEnough, { rg: g, currentNodeNum: rg.nodes.length, expectedNodeNum: count }),
        );
      }
    }
    return perGroup;
  }

  /** Deals each group's nodes round-robin to the replicas every collection has in that group. */
  private assignNodes(): void {
    for (const replicas of this.#byCollection.values()) {
      const byGroup = new Map<string, Replica[]>();
      for (const r of replicas) byGroup.set(r.resourceGroup, [...(byGroup.get(r.resourceGroup) ?? []), r]);
      for (const [g, list] of byGroup) {
        for (const r of list) r.nodes = [];
        const nodes = this.groups.groups.get(g)?.nodes ?? [];
        nodes.forEach((node, i) => list[i % list.length]!.nodes.push(node));
      }
    }
  }
}

/** The error as querycoord's `errors.Wrap(err, msg)` reports it: merr errors keep their code and gain the prefix; others stay as they are. */
function prefixed(e: unknown, prefix: string): unknown {
  if (!(e instanceof MilvusError) || e.code === Merr.Unexpected.code) return e;
  return new MilvusError(`${prefix}: ${e.reason}`, { code: e.code, retriable: e.retriable });
}
