/** Bits of a hybrid timestamp that hold the logical counter (Milvus `tsoutil.logicalBits`). */
export const LOGICAL_BITS = 18n;

/**
 * Hybrid timestamp oracle, as Milvus's TSO: `physical milliseconds << 18 | logical counter`,
 * strictly increasing within the process. Also the source of collection, partition, field-free
 * and index IDs (Milvus allocates IDs from the same monotonic source).
 */
export class Tso {
  #last = 0n;

  /** Next hybrid timestamp (uint64 as bigint), strictly greater than every earlier one. */
  next(): bigint {
    const physical = BigInt(Date.now()) << LOGICAL_BITS;
    this.#last = physical > this.#last ? physical : this.#last + 1n;
    return this.#last;
  }
}

/** Physical milliseconds of a hybrid timestamp (`ts >> 18`), as Milvus's `created_utc_timestamps`. */
export function physicalMillis(ts: bigint): bigint {
  return ts >> LOGICAL_BITS;
}
