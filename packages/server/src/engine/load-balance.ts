import { Merr, MilvusError, formatMerr } from '@mvkit/core';
import type { Collection } from './catalog.js';
import type { Replica } from './replicas.js';

/** LoadBalance input: the node to move sealed segments off, where to (default: the other nodes of its replica), which segments (default: all). */
export interface LoadBalanceInput {
  srcNodeId: number;
  dstNodeIds: readonly number[];
  sealedSegmentIds: readonly bigint[];
}

/**
 * LoadBalance's checks, as querycoord's `LoadBalance` makes them: the source node must serve a
 * replica of the collection, each destination node the same replica, each named segment must be a
 * sealed segment of the collection. With every segment of a simulated deployment in memory, a
 * balance that passes the checks has nothing to move and succeeds.
 * @throws MilvusError 901 `source node not found in any replica of collection <id>: node not
 *   found[node=<src>]`; 901 `destination node not found in the same replica: node not found[node=<dst>]`;
 *   600 `segment not found in source node: segment not found[segment=<id>]`.
 */
export function checkLoadBalance(coll: Collection, replicas: readonly Replica[], input: LoadBalanceInput): void {
  const replica = replicas.find((r) => r.nodes.includes(input.srcNodeId));
  if (!replica) {
    throw MilvusError.of(Merr.NodeNotFound, formatMerr(Merr.NodeNotFound, { node: input.srcNodeId }, `source node not found in any replica of collection ${coll.id}`));
  }
  for (const dst of input.dstNodeIds) {
    if (!replica.nodes.includes(dst)) {
      throw MilvusError.of(Merr.NodeNotFound, formatMerr(Merr.NodeNotFound, { node: dst }, 'destination node not found in the same replica'));
    }
  }
  const sealed = new Set(coll.data.sealedSegmentIds());
  for (const id of input.sealedSegmentIds) {
    if (!sealed.has(id)) throw MilvusError.of(Merr.SegmentNotFound, formatMerr(Merr.SegmentNotFound, { segment: id }, 'segment not found in source node'));
  }
}
