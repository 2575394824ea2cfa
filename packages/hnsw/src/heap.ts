/**
 * Binary heaps on parallel typed arrays (Float64Array keys, Int32Array ids): no per-entry objects.
 *
 * @packageDocumentation
 */

/**
 * Min-heap of (key, id) pairs: {@link MinHeap.pop} returns the id with the smallest key.
 * push/pop O(log n); storage grows by doubling.
 * @internal
 */
export class MinHeap {
  keys: Float64Array;
  ids: Int32Array;
  size = 0;

  /** @param capacity - initial number of slots. */
  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(capacity, 16));
    this.ids = new Int32Array(Math.max(capacity, 16));
  }

  /** Empties the heap (O(1)). */
  clear(): void {
    this.size = 0;
  }

  /** Smallest key; undefined behaviour when empty. */
  peekKey(): number {
    return this.keys[0]!;
  }

  /** Adds (key, id). */
  push(key: number, id: number): void {
    if (this.size === this.keys.length) this.growTo(this.size * 2);
    const keys = this.keys;
    const ids = this.ids;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p]!;
      if (pk <= key) break;
      keys[i] = pk;
      ids[i] = ids[p]!;
      i = p;
    }
    keys[i] = key;
    ids[i] = id;
  }

  /** Removes the entry with the smallest key and returns its id; the key is in `lastKey`. */
  pop(): number {
    const keys = this.keys;
    const ids = this.ids;
    const topId = ids[0]!;
    this.lastKey = keys[0]!;
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

  /** Key of the entry removed by the last {@link MinHeap.pop}. */
  lastKey = 0;

  private growTo(cap: number): void {
    const k = new Float64Array(cap);
    k.set(this.keys);
    const d = new Int32Array(cap);
    d.set(this.ids);
    this.keys = k;
    this.ids = d;
  }
}

/**
 * Max-heap of (key, id) pairs: {@link MaxHeap.pop} returns the id with the largest key.
 * push/pop O(log n); storage grows by doubling.
 * @internal
 */
export class MaxHeap {
  keys: Float64Array;
  ids: Int32Array;
  size = 0;

  /** @param capacity - initial number of slots. */
  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(capacity, 16));
    this.ids = new Int32Array(Math.max(capacity, 16));
  }

  /** Empties the heap (O(1)). */
  clear(): void {
    this.size = 0;
  }

  /** Largest key; undefined behaviour when empty. */
  peekKey(): number {
    return this.keys[0]!;
  }

  /** Adds (key, id). */
  push(key: number, id: number): void {
    if (this.size === this.keys.length) this.growTo(this.size * 2);
    const keys = this.keys;
    const ids = this.ids;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p]!;
      if (pk >= key) break;
      keys[i] = pk;
      ids[i] = ids[p]!;
      i = p;
    }
    keys[i] = key;
    ids[i] = id;
  }

  /** Removes the entry with the largest key and returns its id; the key is in `lastKey`. */
  pop(): number {
    const keys = this.keys;
    const ids = this.ids;
    const topId = ids[0]!;
    this.lastKey = keys[0]!;
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
          if (rk > ck) {
            c = r;
            ck = rk;
          }
        }
        if (ck <= key) break;
        keys[i] = ck;
        ids[i] = ids[c]!;
        i = c;
      }
      keys[i] = key;
      ids[i] = id;
    }
    return topId;
  }

  /** Key of the entry removed by the last {@link MaxHeap.pop}. */
  lastKey = 0;

  private growTo(cap: number): void {
    const k = new Float64Array(cap);
    k.set(this.keys);
    const d = new Int32Array(cap);
    d.set(this.ids);
    this.keys = k;
    this.ids = d;
  }
}
