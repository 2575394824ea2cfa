/**
 * Binary heap on parallel typed arrays (Float64Array keys, Int32Array ids): no per-entry objects.
 *
 * @packageDocumentation
 */

/** Which end {@link Heap.pop} takes: the smallest key (`MIN`) or the largest (`MAX`). */
export const MIN = 1;
/** See {@link MIN}. */
export const MAX = -1;

/**
 * Heap of (key, id) pairs: {@link Heap.pop} returns the id with the smallest key (order
 * {@link MIN}) or the largest ({@link MAX}). One class for both orders, so every call site
 * sees one shape: a max-heap stores `−key` and runs the same min-heap code, and the public
 * keys (`peekKey`, `lastKey`) are turned back. push/pop O(log n); storage grows by doubling.
 * @internal
 */
export class Heap {
  /** Stored keys, `sign · key`, in heap order. */
  keys: Float64Array;
  /** Ids parallel to `keys`. */
  ids: Int32Array;
  /** Entries held. */
  size = 0;
  /** Key of the entry removed by the last {@link Heap.pop}. */
  lastKey = 0;
  private readonly sign: number;

  /**
   * @param capacity - initial number of slots.
   * @param order - {@link MIN} or {@link MAX}.
   */
  constructor(capacity: number, order: typeof MIN | typeof MAX) {
    this.keys = new Float64Array(Math.max(capacity, 16));
    this.ids = new Int32Array(Math.max(capacity, 16));
    this.sign = order;
  }

  /** Empties the heap (O(1)). */
  clear(): void {
    this.size = 0;
  }

  /** Key of the entry {@link Heap.pop} would remove; undefined behaviour when empty. */
  peekKey(): number {
    return this.sign * this.keys[0]!;
  }

  /** Adds (key, id). */
  push(key: number, id: number): void {
    if (this.size === this.keys.length) this.growTo(this.size * 2);
    const keys = this.keys;
    const ids = this.ids;
    const k = this.sign * key;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p]!;
      if (pk <= k) break;
      keys[i] = pk;
      ids[i] = ids[p]!;
      i = p;
    }
    keys[i] = k;
    ids[i] = id;
  }

  /**
   * Bounded top-`limit` insert: pushes (key, id), then drops the top entry if more than `limit`
   * are held. With a {@link MAX} heap this keeps the `limit` smallest keys.
   * @returns the new {@link Heap.peekKey} (the bound a key must beat once `limit` are held).
   */
  offer(key: number, id: number, limit: number): number {
    this.push(key, id);
    if (this.size > limit) this.pop();
    return this.sign * this.keys[0]!;
  }

  /** Removes the top entry (see the class comment) and returns its id; its key is in `lastKey`. */
  pop(): number {
    const keys = this.keys;
    const ids = this.ids;
    const topId = ids[0]!;
    this.lastKey = this.sign * keys[0]!;
    const n = --this.size;
    if (n > 0) {
      const key = keys[n]!;
      const id = ids[n]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        let ck = keys[c]!;
        const r = c + 1;
        if (r < n) {
          const rk = keys[r]!;
          if (rk < ck) {
            c = r;
            ck = rk;
          }
        }
        if (ck >= key) break;
        keys[i] = ck;
        ids[i] = ids[c]!;
        i = c;
      }
      keys[i] = key;
      ids[i] = id;
    }
    return topId;
  }

  private growTo(cap: number): void {
    const k = new Float64Array(cap);
    k.set(this.keys);
    const d = new Int32Array(cap);
    d.set(this.ids);
    this.keys = k;
    this.ids = d;
  }
}
