import { describe, expect, it } from 'vitest';
import { Heap, MAX, MIN } from '../src/heap.js';
import { LabelledSlots } from '../src/slots.js';
import { rng } from './helpers.js';

describe('Heap', () => {
  for (const [name, order] of [
    ['MIN', MIN],
    ['MAX', MAX],
  ] as const) {
    it(`${name}: pops in ${name === 'MIN' ? 'ascending' : 'descending'} key order, keys unchanged (grows past capacity)`, () => {
      const r = rng(3);
      const keys = Array.from({ length: 500 }, (_, i) => (i % 7 === 0 ? 0 : r() * 200 - 100));
      const h = new Heap(4, order);
      keys.forEach((k, i) => h.push(k, i));
      expect(h.peekKey()).toBe(order === MIN ? Math.min(...keys) : Math.max(...keys));
      const popped: number[] = [];
      while (h.size > 0) {
        const id = h.pop();
        expect(h.lastKey).toBe(keys[id]);
        popped.push(h.lastKey);
      }
      expect(popped).toEqual([...keys].sort((a, b) => (order === MIN ? a - b : b - a)));
    });
  }

  it('offer keeps the `limit` smallest keys of a MAX heap and returns the bound', () => {
    const h = new Heap(16, MAX);
    let bound = Infinity;
    for (const k of [5, 1, 9, 3, 7, 2]) bound = h.offer(k, k, 3);
    expect(h.size).toBe(3);
    expect(bound).toBe(3);
  });
});

describe('LabelledSlots', () => {
  it('appends slots, grows through the callback, tracks live count and tombstones', () => {
    const grown: number[] = [];
    const s = new LabelledSlots(2, (cap) => grown.push(cap));
    expect(s.cap).toBe(2);
    for (let l = 0; l < 20; l++) expect(s.add(l * 10)).toBe(l);
    expect(grown.length).toBeGreaterThan(0);
    expect(grown.at(-1)).toBe(s.cap);
    expect(s.labels.length).toBe(s.cap);
    expect(() => s.add(50)).toThrow(/duplicate label 50/);
    expect(() => s.add(-1)).toThrow(RangeError);
    s.markDeleted(50);
    s.markDeleted(50);
    s.markDeleted(12345);
    expect(s.live).toBe(19);
    expect(s.add(50)).toBe(20);
    expect([s.n, s.live, s.deleted[5], s.deleted[20]]).toEqual([21, 20, 1, 0]);
  });
});
