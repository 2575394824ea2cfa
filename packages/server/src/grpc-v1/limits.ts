/**
 * The Milvus 1.x limit on collections and partitions: a 1.x deployment holds at most 4,096 of
 * them together (1.x keeps each partition as a collection of its own in its meta store; the seed
 * FAQ states the sum). 1.1 refuses the partition that would pass the limit with
 * SERVER_UNSUPPORTED_ERROR (UNEXPECTED_ERROR on the wire) "The number of partitions exceeds the
 * upper limit(4096)"; a collection past it gets the same code with the message listed as a
 * guess in conformance/known-divergences.json.
 *
 * @packageDocumentation
 */
import { ErrorCode } from '@mvkit/proto/v1';
import type { Engine } from '../engine/index.js';
import { v1Collections } from './collection.js';
import { V1Error } from './status.js';

/** Collections plus partitions (the built-in `_default` tags not counted) of the 1.x API. */
export const MAX_COLLECTIONS_AND_PARTITIONS = 4096;

function used(engine: Engine): number {
  return v1Collections(engine).reduce((n, c) => n + c.partitions.size, 0);
}

/** Before a new collection. @throws V1Error UNEXPECTED_ERROR at the limit. */
export function checkCollectionLimit(engine: Engine): void {
  if (used(engine) >= MAX_COLLECTIONS_AND_PARTITIONS) {
    throw new V1Error(ErrorCode.UNEXPECTED_ERROR, `The number of collections and partitions exceeds the upper limit(${MAX_COLLECTIONS_AND_PARTITIONS})`);
  }
}

/** Before a new partition. @throws V1Error UNEXPECTED_ERROR at the limit, with 1.1's message. */
export function checkPartitionLimit(engine: Engine): void {
  if (used(engine) >= MAX_COLLECTIONS_AND_PARTITIONS) {
    throw new V1Error(ErrorCode.UNEXPECTED_ERROR, `The number of partitions exceeds the upper limit(${MAX_COLLECTIONS_AND_PARTITIONS})`);
  }
}
