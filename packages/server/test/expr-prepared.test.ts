/**
 * Filters prepared in one thread and compiled in another (`prepareFilter`, then `parseFilter` with
 * `prepared`): after a structured clone, as a worker's answer arrives, the compiled filter must
 * match exactly the rows the directly compiled one matches, and a bad filter must fail with the
 * same error. Also the packed value sets on their own against the hashed ones.
 */
import { MilvusError } from '@mvkit/core';
import { describe, expect, it } from 'vitest';
import { parseFilter, prepareFilter, PACK_MIN_ITEMS, PREPARED_TEXT_LENGTH, type FilterSchema, type RawExpr } from '../src/engine/expr/index.js';
import { ValueSet } from '../src/engine/expr/membership.js';
import type { Const } from '../src/engine/expr/values.js';
import { seededRandom } from './random.js';

const schema: FilterSchema = {
  dynamic: true,
  fields: [
    { name: 'id', type: 'Int64' },
    { name: 'age', type: 'Int32' },
    { name: 'score', type: 'Float' },
    { name: 'price', type: 'Double' },
    { name: 'flag', type: 'Bool' },
    { name: 's', type: 'VarChar' },
    { name: 'maybe', type: 'VarChar', nullable: true },
    { name: 'j', type: 'JSON' },
    { name: 'nums', type: 'Array', elementType: 'Int64' },
  ],
};

const random = seededRandom(20261201);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const STRINGS = ['a', 'b', 'é', '𝄞', 'abc', '', 'A', 'a b', 'zz', 'ß'];

/** A list literal of `n` values of one kind, with the values as the rows will hold them. */
function list(kind: 'int' | 'big' | 'float' | 'str' | 'mixed', n: number): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    switch (kind) {
      case 'int': {
        const v = Math.floor(random() * 4000) - 2000;
        values.push(v);
        parts.push(String(v));
        break;
      }
      case 'big': {
        const v = 2n ** 60n + BigInt(Math.floor(random() * 3000));
        values.push(v);
        parts.push(String(v));
        break;
      }
      case 'float': {
        const v = Math.round(random() * 2000) / 8 - 100;
        values.push(v);
        parts.push(Number.isInteger(v) ? `${v}.0` : String(v));
        break;
      }
      case 'str': {
        const v = `${pick(STRINGS)}${Math.floor(random() * 500)}`;
        values.push(v);
        parts.push(JSON.stringify(v));
        break;
      }
      case 'mixed': {
        const v = pick<unknown>([Math.floor(random() * 100), pick(STRINGS), random() < 0.5, Math.round(random() * 400) / 4]);
        values.push(v);
        parts.push(typeof v === 'string' ? JSON.stringify(v) : String(v));
        break;
      }
    }
  }
  return { text: `[${parts.join(', ')}]`, values };
}

/** Row values to probe a list with: some of its own values (also as the other number type), others near them, nulls. */
function probes(values: readonly unknown[]): unknown[] {
  const out: unknown[] = [null, undefined, 'zzz-not-there', -1.5, 12345678, true, false];
  for (let i = 0; i < 60; i++) {
    const v = pick(values);
    out.push(v);
    if (typeof v === 'number') out.push(v + 0.5, Number.isInteger(v) ? BigInt(v) : v, Math.fround(v) + 1e-9);
    if (typeof v === 'bigint') out.push(v + 7n, Number(v));
    if (typeof v === 'string') out.push(`${v}x`);
  }
  return out;
}

/** Prepares `text`, passes the result through a structured clone (a thread boundary), and compiles it. */
function viaClone(text: string, params?: Record<string, unknown>) {
  const prepared = prepareFilter(text, schema, params);
  return { prepared, filter: parseFilter(text, schema, params, {}, structuredClone(prepared)) };
}

function expectSameError(text: string): void {
  let direct: unknown;
  try {
    parseFilter(text, schema);
  } catch (e) {
    direct = e;
  }
  expect(direct).toBeInstanceOf(MilvusError);
  let prepared: unknown;
  try {
    prepareFilter(text, schema);
  } catch (e) {
    prepared = e;
  }
  expect(prepared).toBeInstanceOf(MilvusError);
  expect((prepared as MilvusError).reason).toBe((direct as MilvusError).reason);
  expect((prepared as MilvusError).code).toBe((direct as MilvusError).code);
}

/** The list nodes of a tree. */
function lists(tree: RawExpr): Extract<RawExpr, { k: 'array' }>[] {
  const out: Extract<RawExpr, { k: 'array' }>[] = [];
  const stack: unknown[] = [tree];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if ((node as { k?: string }).k === 'array') out.push(node as Extract<RawExpr, { k: 'array' }>);
    stack.push(...Object.values(node));
  }
  return out;
}

describe('prepareFilter + parseFilter(prepared)', () => {
  const cases: { field: string; kind: Parameters<typeof list>[0]; row: (v: unknown) => Record<string, unknown> }[] = [
    { field: 'id', kind: 'int', row: (v) => ({ id: v }) },
    { field: 'id', kind: 'big', row: (v) => ({ id: v }) },
    { field: 'age', kind: 'int', row: (v) => ({ age: v }) },
    { field: 'score', kind: 'float', row: (v) => ({ score: v }) },
    { field: 'price', kind: 'float', row: (v) => ({ price: v }) },
    { field: 's', kind: 'str', row: (v) => ({ s: v }) },
    { field: 'maybe', kind: 'str', row: (v) => ({ maybe: v }) },
    { field: 'j["k"]', kind: 'mixed', row: (v) => ({ j: { k: v } }) },
    { field: 'nums[1]', kind: 'big', row: (v) => ({ nums: [0n, v] }) },
    { field: 'dyn', kind: 'str', row: (v) => ({ $meta: { dyn: v } }) },
  ];

  for (const c of cases) {
    for (const not of [false, true]) {
      it(`${c.field} ${not ? 'not in' : 'in'} a long ${c.kind} list matches as compiled directly`, () => {
        const l = list(c.kind, PACK_MIN_ITEMS + 200);
        const text = `${c.field} ${not ? 'not in' : 'in'} ${l.text} or (id == 7 and ${c.field} in ${list(c.kind, 2).text})`;
        const direct = parseFilter(text, schema);
        const { prepared, filter } = viaClone(text);
        // The long list went packed (its items are not in the tree), the short one did not.
        expect(prepared!.sets).toHaveLength(1);
        const nodes = lists(prepared!.tree);
        expect(nodes.filter((n) => n.packed === 0 && n.items.length === 0)).toHaveLength(1);
        expect(nodes.filter((n) => n.packed === undefined && n.items.length === 2)).toHaveLength(1);
        let matched = 0;
        for (const v of probes(l.values)) {
          for (const id of [7n, 8n]) {
            const row = { id, ...c.row(v) };
            const want = direct.evaluate(row);
            expect(filter.evaluate(row), `${c.field}=${String(v)} id=${id}`).toBe(want);
            if (want) matched++;
          }
        }
        expect(matched).toBeGreaterThan(0);
        expect(filter.fields).toEqual(direct.fields);
      });
    }
  }

  it('leaves short lists and lists outside `in` in the tree', () => {
    const short = list('int', PACK_MIN_ITEMS - 1);
    const long = list('int', PACK_MIN_ITEMS);
    const { prepared } = viaClone(`id in ${short.text} and json_contains_any(j["k"], ${long.text})`);
    expect(prepared!.sets).toEqual([]);
    expect(lists(prepared!.tree).map((n) => n.items.length).sort((a, b) => a - b)).toEqual([PACK_MIN_ITEMS - 1, PACK_MIN_ITEMS]);
  });

  it('fills template values the same way', () => {
    const l = list('int', PACK_MIN_ITEMS);
    const text = `id in ${l.text} and age > {min}`;
    const { filter } = viaClone(text, { min: 10 });
    const direct = parseFilter(text, schema, { min: 10 });
    for (const v of probes(l.values)) for (const age of [5, 50]) expect(filter.evaluate({ id: v, age })).toBe(direct.evaluate({ id: v, age }));
  });

  it('fails as parseFilter does: a value that does not cast, a syntax error after the list, a field of another type, a field in the list', () => {
    const l = list('int', PACK_MIN_ITEMS + 10);
    expectSameError(`id in ${l.text.slice(0, -1)}, 1.5]`);
    expectSameError(`age in ${l.text.slice(0, -1)}, "x"]`);
    expectSameError(`id in ${l.text} and`);
    expectSameError(`flag in ${l.text}`);
    expectSameError(`id in ${l.text}`.replace('[', '[id, '));
  });

  it('answers undefined for a blank filter, which then matches every row', () => {
    expect(prepareFilter('   ', schema)).toBeUndefined();
    expect(parseFilter('   ', schema, undefined, {}, undefined).evaluate({})).toBe(true);
  });

  it(`cuts node texts beyond ${PREPARED_TEXT_LENGTH} characters`, () => {
    const l = list('int', 20_000);
    const text = `id in ${l.text}`;
    expect(text.length).toBeGreaterThan(PREPARED_TEXT_LENGTH);
    const { prepared, filter } = viaClone(text);
    expect(prepared!.tree.t.length).toBe(PREPARED_TEXT_LENGTH);
    expect(filter.text).toBe(text);
    expect(filter.evaluate({ id: l.values[123] })).toBe(true);
  });
});

describe('ValueSet: packed against hashed', () => {
  it('answers has / hasAny / allIn alike on 300 random sets', () => {
    for (let round = 0; round < 300; round++) {
      const float32 = round % 3 === 0;
      const consts: Const[] = Array.from({ length: 1 + Math.floor(random() * 30) }, () =>
        pick<() => Const>([
          () => ({ t: 'int', v: BigInt(Math.floor(random() * 20) - 10) }),
          () => ({ t: 'int', v: 2n ** 62n + BigInt(Math.floor(random() * 5)) }),
          () => ({ t: 'float', v: Math.floor(random() * 20) / 4 }),
          () => ({ t: 'float', v: pick([Number.NaN, Infinity, -Infinity, -0, 0.1]) }),
          () => ({ t: 'str', v: pick(STRINGS) }),
          () => ({ t: 'bool', v: random() < 0.5 }),
          () => ({ t: 'arr', v: [{ t: 'int', v: BigInt(Math.floor(random() * 3)) }] }),
        ])(),
      );
      const hashed = new ValueSet(float32);
      for (const c of consts) hashed.add(c);
      const packed = new ValueSet(float32, structuredClone(hashed.pack()));
      const xs: unknown[] = [...STRINGS, true, false, null, Number.NaN, Infinity, -0, 0.1, Math.fround(0.1), 2 ** 62, 2n ** 62n + 1n, [0n], [1], [2, 3], {}];
      for (let i = -12; i <= 12; i++) xs.push(i, i / 4, BigInt(i));
      for (const x of xs) expect(packed.has(x), `has ${String(x)} in round ${round}`).toBe(hashed.has(x));
      for (let i = 0; i < 20; i++) {
        const values = Array.from({ length: Math.floor(random() * 6) }, () => pick(xs));
        expect(packed.hasAny(values)).toBe(hashed.hasAny(values));
        expect(packed.allIn(values)).toBe(hashed.allIn(values));
      }
      expect(() => packed.add({ t: 'int', v: 1n })).toThrow(/read-only/);
    }
  });
});
