/**
 * Slot bookkeeping shared by every index: slot → label, tombstones, the label → slot table,
 * the live count and capacity growth. Each index keeps its own per-slot storage (vectors, links)
 * and grows it from the callback it hands to {@link LabelledSlots}.
 *
 * @packageDocumentation
 */
import type { Heap, MAX } from './heap.js';
import { LabelTable } from './labels.js';
import { checkLabel, grow, type Hit } from './types.js';

/** Typed arrays that {@link extend} can grow. */
type Growable = Int32Array | Uint8Array | Uint16Array | Float32Array;

/**
 * A copy of `a` with length `len` (≥ `a.length`), zero-filled beyond the old contents.
 * @internal
 */
export function extend<T extends Growable>(a: T, len: number): T {
  const b = new (a.constructor as new (len: number) => T)(len);
  b.set(a);
  return b;
}

/**
 * Slots `0 .. n-1` of an index, one per added vector (deleted ones included): its label, a
 * tombstone flag, the label → slot table and the live count. Slots are only appended, never
 * reused; a deleted label may be added again and then gets a new slot.
 *
 * Fields are public so that search loops read the typed arrays directly (cache them in locals:
 * they are replaced when the capacity grows). Memory: 5 bytes per slot of capacity plus the
 * label table (≈16 B per label).
 * @internal
 */
export class LabelledSlots {
  /** Slots allocated. */
  cap: number;
  /** Slots used (vectors ever added, including deleted ones). */
  n = 0;
  /** Slots used and not deleted. */
  live = 0;
  /** Label of each slot. */
  labels: Int32Array;
  /** 1 for a deleted slot, 0 otherwise. */
  deleted: Uint8Array;
  private readonly table: LabelTable;
  private readonly onGrow: (cap: number) => void;

  /**
   * @param capacity - slots to preallocate for (default 1024, at least 1); growth is by 1.5×.
   * @param onGrow - called with the new capacity whenever it grows, to grow the owner's storage.
   */
  constructor(capacity: number | undefined, onGrow: (cap: number) => void) {
    const cap = Math.max(1, Math.floor(capacity ?? 1024));
    this.cap = cap;
    this.labels = new Int32Array(cap);
    this.deleted = new Uint8Array(cap);
    this.table = new LabelTable(cap);
    this.onGrow = onGrow;
  }

  /**
   * Slots restored from their arrays (`labels.length` of capacity, the first `n` used), as
   * {@link LabelledSlots.labels} and {@link LabelledSlots.deleted} held them.
   */
  static restore(labels: Int32Array, deleted: Uint8Array, n: number, onGrow: (cap: number) => void): LabelledSlots {
    const slots = new LabelledSlots(labels.length, onGrow);
    slots.labels = labels;
    slots.deleted = deleted;
    slots.n = n;
    for (let id = 0; id < n; id++) {
      slots.table.set(labels[id]!, id);
      if (deleted[id] === 0) slots.live++;
    }
    return slots;
  }

  /**
   * Appends a live slot for `label`, growing the capacity first when full. Amortised O(1).
   * @returns the new slot's id.
   * @throws RangeError on an invalid label or the label of a live slot.
   */
  add(label: number): number {
    checkLabel(label);
    const prev = this.table.get(label);
    if (prev >= 0 && this.deleted[prev] === 0) throw new RangeError(`duplicate label ${label}`);
    if (this.n === this.cap) this.resize(grow(this.cap, this.n + 1));
    const id = this.n++;
    this.labels[id] = label;
    this.deleted[id] = 0;
    this.table.set(label, id);
    this.live++;
    return id;
  }

  /** Marks the live slot of `label` deleted; no-op if unknown or already deleted. O(1). */
  markDeleted(label: number): void {
    if (!Number.isInteger(label) || label < 0) return;
    const id = this.table.get(label);
    if (id < 0 || this.deleted[id] !== 0) return;
    this.deleted[id] = 1;
    this.live--;
  }

  /**
   * Empties `top` (a {@link MAX} heap of (distance, slot) pairs, distance smaller is better)
   * into hits, best first, each slot's label with score `distance` (`−distance` if `negate`).
   */
  hits(top: Heap, negate: boolean): Hit[] {
    const labels = this.labels;
    const out = new Array<Hit>(top.size);
    for (let i = top.size - 1; i >= 0; i--) {
      const id = top.pop();
      const d = top.lastKey;
      out[i] = { label: labels[id]!, score: negate ? -d : d };
    }
    return out;
  }

  /** Bytes held by labels, tombstones and the label table (incl. spare capacity). */
  bytes(): number {
    return this.labels.byteLength + this.deleted.byteLength + this.table.bytes();
  }

  private resize(cap: number): void {
    this.labels = extend(this.labels, cap);
    this.deleted = extend(this.deleted, cap);
    this.cap = cap;
    this.onGrow(cap);
  }
}
