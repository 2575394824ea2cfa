/**
 * Collection TTL (`collection.ttl.seconds`), as Milvus 2.5 applies it at read time: the proxy
 * turns the TTL into an expiry timestamp (the request's physical time minus the TTL, logical 0:
 * `CollectionTtlTimestamps`) and segcore masks every row written before it, so expired rows vanish
 * from search, query, get and `count(*)` at once (compaction removes them later; statistics'
 * `row_count` still counts them until then).
 *
 * @packageDocumentation
 */
import { MilvusError } from '@mvkit/core';
import type { Collection, KeyValue } from '../catalog.js';
import { COLLECTION_TTL_KEY, parseGoInt, propertyOf } from './keys.js';

/** Largest `collection.ttl.seconds` (100 years, `common.MaxTTLSeconds`). */
export const MAX_TTL_SECONDS = 3155760000;

/**
 * Checks a `collection.ttl.seconds` being set (CreateCollection or AlterCollection).
 * @throws MilvusError 1100 `collection TTL is not a valid positive integer: invalid parameter`;
 *   1100 `collection TTL is out of range, expect [-1, 3155760000], got <n>: invalid parameter`.
 */
export function checkCollectionTtl(properties: readonly KeyValue[]): void {
  const text = propertyOf(properties, COLLECTION_TTL_KEY);
  if (text === undefined) return;
  const n = parseGoInt(text);
  if (n === undefined) throw MilvusError.parameterInvalid('collection TTL is not a valid positive integer');
  if (n < -1 || n > MAX_TTL_SECONDS) throw MilvusError.parameterInvalid(`collection TTL is out of range, expect [-1, ${MAX_TTL_SECONDS}], got ${n}`);
}

/**
 * The earliest write time, in physical milliseconds, whose rows a read at `nowMs` still sees; undefined
 * when the collection has no positive TTL (nothing expires).
 */
export function visibleSinceMs(coll: Collection, nowMs: number = Date.now()): number | undefined {
  const ttl = parseGoInt(propertyOf(coll.properties, COLLECTION_TTL_KEY) ?? '');
  return ttl !== undefined && ttl > 0 ? nowMs - ttl * 1000 : undefined;
}
