/**
 * Partition-key mode, as Milvus 2.5 runs it: a collection whose schema has a partition-key field
 * gets `num_partitions` partitions `_default_0 … _default_{N-1}` (rootcoord's `assignPartitionIDs`,
 * no `_default`), and each row goes to the partition its key hashes to (the proxy's
 * `typeutil.HashKey2Partitions`).
 *
 * @packageDocumentation
 */
import { Merr, MilvusError } from '@mvkit/core';
import CRC32 from 'crc-32';
import murmurhash from 'murmurhash';
import type { FieldInput, FieldSpec } from './schema.js';
import { utf8Bytes } from './utf8.js';

/** Partitions of a partition-key collection when CreateCollection names none (`common.DefaultPartitionsWithPartitionKey`). */
export const DEFAULT_PARTITION_KEY_PARTITIONS = 16;
/** Bytes of a VarChar key that are hashed (`substringLengthForCRC`). */
const HASHED_STRING_BYTES = 100;

/** The name of partition `i` of a partition-key collection (`<common.defaultPartitionName>_<i>`). */
export function partitionKeyPartitionName(i: number): string {
  return `_default_${i}`;
}

/**
 * The number of partitions a CreateCollection gets, checked as the proxy's `validatePartitionKey`
 * checks `num_partitions` for the partition-key field `key` (the field rules are the schema's),
 * against `maxPartitionNum` (`rootCoord.maxPartitionNum`: 1024 in 2.5, 4096 in 2.3).
 * @returns 0 without a partition key; `numPartitions`, or 16 when it is 0, with one.
 * @throws MilvusError 65535 `the specified partitions should be greater than 0 if partition key is
 *   used`, `num_partitions should only be specified with partition key field enabled`; 1100
 *   `partition number (<n>) exceeds max configuration (<maxPartitionNum>)`.
 */
export function partitionCountOf(key: FieldInput | undefined, numPartitions: number, maxPartitionNum: number): number {
  if (!key) {
    if (numPartitions !== 0) throw new MilvusError('num_partitions should only be specified with partition key field enabled');
    return 0;
  }
  if (numPartitions < 0) throw new MilvusError('the specified partitions should be greater than 0 if partition key is used');
  if (numPartitions > maxPartitionNum) throw MilvusError.parameterInvalid(`partition number (${numPartitions}) exceeds max configuration (${maxPartitionNum})`);
  return numPartitions === 0 ? DEFAULT_PARTITION_KEY_PARTITIONS : numPartitions;
}

/**
 * The index of the partition a partition-key value goes to among `count` partitions, bit for bit
 * as Milvus: an Int64 key by murmur3 (x86, 32-bit, seed 0) of its 8 little-endian bytes, masked to
 * 31 bits (`Hash32Int64`); a VarChar key by CRC-32 (IEEE) of its first 100 UTF-8 bytes
 * (`HashString2Uint32`); then modulo `count`.
 */
export function partitionIndexOf(key: bigint | string, count: number): number {
  if (typeof key === 'bigint') {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setBigInt64(0, key, true);
    return (murmurhash.v3(bytes, 0) & 0x7fffffff) % count;
  }
  return (CRC32.buf(utf8Bytes(key).subarray(0, HASHED_STRING_BYTES)) >>> 0) % count;
}

/**
 * The partition-key field of a schema, if any.
 */
export function partitionKeyFieldOf(fields: readonly FieldSpec[]): FieldSpec | undefined {
  return fields.find((f) => f.isPartitionKey);
}

/**
 * The error for partition names given to a read or write of a partition-key collection, as the
 * proxy raises it: a plain error (65535) for insert, upsert, delete and search, an invalid
 * parameter (1100) for query and get.
 */
export function partitionNamesRefused(op: 'write' | 'search' | 'query'): MilvusError {
  const message = 'not support manually specifying the partition names if partition key mode is used';
  return op === 'query' ? MilvusError.of(Merr.ParameterInvalid, `${message}: ${Merr.ParameterInvalid.message}`) : new MilvusError(message);
}
