/**
 * The Milvus 2.0–2.2 load model (profile `2.2`, `PartitionLoadModel` `exclusive`): a
 * collection is loaded whole or as the partitions of one LoadPartitions call, never both, and
 * changing what is loaded needs a release first. The checks are querycoordv2's job PreExecute
 * steps of the 2.2 branch (`internal/querycoordv2/job/job_load.go`): their errors wrap
 * `ErrLoadParameterMismatched` (`<msg>[LoadParameterMismatched]`, `utils.WrapError`), and
 * `services.go` answers them as `utils.WrapStatus(IllegalArgument, "failed to load …", err)`,
 * i.e. reason `failed to load collection, err=<msg>[LoadParameterMismatched]` with legacy
 * `error_code` IllegalArgument (5) and, as every 2.2 status, no merr `code`.
 *
 * @packageDocumentation
 */
import { MilvusError } from '@mvkit/core';
import type { Collection, Partition } from './catalog.js';

/**
 * The error querycoord 2.2 answers for a refused load or release: reason `<prefix>, err=<msg>[LoadParameterMismatched]`,
 * legacy `error_code` IllegalArgument; `code` 1100 is what clients derive from that `error_code`
 * (a 2.2 server leaves the field unset; the gRPC front sends 0 under the 2.2 profile).
 */
function loadParameterMismatched(prefix: string, msg: string): MilvusError {
  return new MilvusError(`${prefix}, err=${msg}[LoadParameterMismatched]`, { code: 1100, errorCode: 'IllegalArgument' });
}

/** Go's `%v` of an `[]int64`: `[1 2 3]`. */
const goList = (ids: readonly bigint[]): string => `[${ids.join(' ')}]`;

/**
 * LoadCollectionJob.PreExecute (2.2) for a collection that is already loaded.
 * @param replicas - the request's replica number (≤ 0 already turned into 1).
 * @returns `true` when the collection is already loaded whole with `replicas` replicas (the load is a
 *   no-op success, `ErrCollectionLoaded`), `false` when it is not loaded (load it).
 * @throws MilvusError (IllegalArgument) `failed to load collection, err=load the partition after load
 *   collection is not supported[LoadParameterMismatched]` when partitions of it are loaded (2.2
 *   reuses the LoadPartitions wording), or `… err=collection with different replica number <old>
 *   existed, release this collection first before changing its replica number[LoadParameterMismatched]`.
 */
export function exclusiveLoadCollection(coll: Collection, replicas: number): boolean {
  if (coll.loadType === 'none') return false;
  const prefix = 'failed to load collection';
  if (coll.loadType === 'partitions') throw loadParameterMismatched(prefix, 'load the partition after load collection is not supported');
  if (coll.replicaNumber !== replicas) {
    throw loadParameterMismatched(prefix, `collection with different replica number ${coll.replicaNumber} existed, release this collection first before changing its replica number`);
  }
  return true;
}

/**
 * LoadPartitionJob.PreExecute (2.2) for a collection with something loaded.
 * @param parts - the requested partitions, resolved.
 * @param replicas - the request's replica number (≤ 0 already turned into 1).
 * @returns `true` when every requested partition is already loaded with `replicas` replicas (a no-op
 *   success), `false` when nothing of the collection is loaded (load them).
 * @throws MilvusError (IllegalArgument) with reason `failed to load partitions, err=<msg>[LoadParameterMismatched]`,
 *   `<msg>` being `load the partition after load collection is not supported` (loaded whole),
 *   `collection with different replica number existed, release this collection first before changing
 *   its replica number`, or `some partitions [<requested ids>] of collection <id> has been loaded into
 *   QueryNode, please release partitions firstly` when a requested partition is not among the loaded ones.
 */
export function exclusiveLoadPartitions(coll: Collection, parts: readonly Partition[], replicas: number): boolean {
  if (coll.loadType === 'none') return false;
  const prefix = 'failed to load partitions';
  if (coll.loadType === 'collection') throw loadParameterMismatched(prefix, 'load the partition after load collection is not supported');
  if (coll.replicaNumber !== replicas) {
    throw loadParameterMismatched(prefix, 'collection with different replica number existed, release this collection first before changing its replica number');
  }
  if (parts.some((p) => !p.loaded)) {
    throw loadParameterMismatched(prefix, `some partitions ${goList(parts.map((p) => p.id))} of collection ${coll.id} has been loaded into QueryNode, please release partitions firstly`);
  }
  return true;
}

/**
 * ReleasePartitionJob.PreExecute (2.2): partitions of a collection loaded whole cannot be released.
 * @throws MilvusError (IllegalArgument) `failed to release partitions, err=releasing some partitions after load collection is not supported[LoadParameterMismatched]`.
 */
export function exclusiveReleasePartitions(coll: Collection): void {
  if (coll.loadType === 'collection') throw loadParameterMismatched('failed to release partitions', 'releasing some partitions after load collection is not supported');
}
