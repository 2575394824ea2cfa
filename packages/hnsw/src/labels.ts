/**
 * Label → internal id table: open addressing with linear probing over two Int32Arrays.
 *
 * @packageDocumentation
 */

/**
 * Maps labels (integers in [0, 2^31)) to internal node ids (non-negative int32). Entries are
 * only ever inserted or overwritten, never removed (soft deletes keep their entry).
 * Memory: 8 bytes per slot, slots = power of two ≥ 2 × entries.
 * @internal
 */
export class LabelTable {
  private keys: Int32Array;
  private vals: Int32Array;
  private mask: number;
  private count = 0;

  /** @param expected - number of entries to size for (grows beyond it as needed). */
  constructor(expected = 16) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Int32Array(cap).fill(-1);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** The id stored for `label`, or -1. O(1) expected. */
  get(label: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let i = Math.imul(label, 0x9e3779b1) >>> 0;
    i &= mask;
    for (;;) {
      const k = keys[i]!;
      if (k === label) return this.vals[i]!;
      if (k === -1) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Stores `label → id`, overwriting an existing entry. Amortised O(1). */
  set(label: number, id: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.rehash(this.keys.length * 2);
    const keys = this.keys;
    const mask = this.mask;
    let i = (Math.imul(label, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const k = keys[i]!;
      if (k === label) {
        this.vals[i] = id;
        return;
      }
      if (k === -1) {
        keys[i] = label;
        this.vals[i] = id;
        this.count++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Bytes held by the table. */
  bytes(): number {
    return this.keys.byteLength + this.vals.byteLength;
  }

  private rehash(cap: number): void {
    const oldK = this.keys;
    const oldV = this.vals;
    this.keys = new Int32Array(cap).fill(-1);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
    this.count = 0;
    for (let i = 0; i < oldK.length; i++) if (oldK[i] !== -1) this.set(oldK[i]!, oldV[i]!);
  }
}
