import { normalizeField } from '@mvkit/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { Engine, type Row, type SearchInput } from '../src/index.js';
import { rejected } from './refusal.js';
import { seededRandom } from './random.js';

const ref = { collectionName: 'chunks' };
const DIM = 4;
const N = 300;

function setup(engine: Engine, metric: 'L2' | 'IP'): void {
  engine.createCollection({
    ...ref,
    enableDynamicField: true,
    fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true },
      { name: 'doc', data_type: 'Int64' },
      { name: 'small', data_type: 'Int8' },
      { name: 'tag', data_type: 'VarChar', max_length: 8 },
      { name: 'flag', data_type: 'Bool' },
      { name: 'price', data_type: 'Float' },
      { name: 'meta', data_type: 'JSON' },
      { name: 'v', data_type: 'FloatVector', dim: DIM },
      { name: 'bits', data_type: 'BinaryVector', dim: 16 },
    ].map(normalizeField),
  });
  engine.createIndex({ ...ref, fieldName: 'v', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: metric }] });
  engine.createIndex({ ...ref, fieldName: 'bits', params: [{ key: 'index_type', value: 'BIN_FLAT' }, { key: 'metric_type', value: 'HAMMING' }] });
}

function dataRows(random: () => number): Row[] {
  return Array.from({ length: N }, (_, i) => ({
    id: i,
    doc: Math.floor(random() * 20),
    small: Math.floor(random() * 7) - 3,
    tag: `t${Math.floor(random() * 9)}`,
    flag: random() < 0.5,
    price: random(),
    meta: { i },
    v: Array.from({ length: DIM }, () => random() * 2 - 1),
    bits: [Math.floor(random() * 256), Math.floor(random() * 256)],
  }));
}

const l2 = (a: number[], b: number[]) => Math.fround(a.reduce((s, x, i) => s + (x - b[i]!) ** 2, 0));
const ip = (a: number[], b: number[]) => Math.fround(a.reduce((s, x, i) => s + x * b[i]!, 0));

/**
 * Grouping search by brute force, written from Milvus's documented behaviour rather than its
 * algorithm: the groups are the first `limit + offset` distinct values met in rank order; strict,
 * each holds its best `size` rows; not strict, only the rows ranked no later than the first row of
 * the last of those groups (the search stops there), at most `size`. The first `offset` groups are
 * dropped; groups come by their best row, rows by rank.
 */
function reference(rows: Row[], query: number[], metric: 'L2' | 'IP', field: string, o: { limit: number; offset?: number; size?: number; strict?: boolean; where?: (r: Row) => boolean }) {
  const score = (r: Row) => (metric === 'L2' ? l2(r.v as number[], query) : ip(r.v as number[], query));
  const ranked = rows
    .filter(o.where ?? (() => true))
    .map((r) => ({ id: BigInt(r.id as number), score: score(r), group: field === 'doc' ? BigInt(r[field] as number) : r[field] }))
    .sort((a, b) => (a.score === b.score ? (a.id < b.id ? -1 : 1) : metric === 'L2' ? a.score - b.score : b.score - a.score));
  const topk = o.limit + (o.offset ?? 0);
  const size = o.size ?? 1;
  const order: unknown[] = [];
  for (const h of ranked) if (!order.includes(h.group)) order.push(h.group);
  const groups = order.slice(0, topk);
  const stop = o.strict || groups.length < topk ? ranked.length : ranked.findIndex((h) => h.group === groups[topk - 1]) + 1;
  const window = ranked.slice(0, stop);
  return groups.slice(o.offset ?? 0).flatMap((g) => window.filter((h) => h.group === g).slice(0, size));
}

describe('grouping search (engine)', () => {
  for (const metric of ['L2', 'IP'] as const) {
    describe(`${metric}, one growing segment`, () => {
      let engine: Engine;
      let rows: Row[];
      const random = seededRandom(metric === 'L2' ? 7 : 8);
      beforeEach(async () => {
        engine = new Engine();
        setup(engine, metric);
        rows = dataRows(seededRandom(3));
        await engine.insert({ ...ref, rows });
        engine.loadCollection(ref);
      });
      const queries = () => Array.from({ length: 3 }, () => Array.from({ length: DIM }, () => random() * 2 - 1));
      const cases: { field: string; limit: number; offset?: number; size?: number; strict?: boolean; filter?: string; where?: (r: Row) => boolean }[] = [
        { field: 'doc', limit: 5 },
        { field: 'doc', limit: 4, size: 3 },
        { field: 'doc', limit: 4, size: 3, strict: true },
        { field: 'doc', limit: 3, offset: 2, size: 2 },
        { field: 'small', limit: 7, size: 2 },
        { field: 'tag', limit: 4, size: 4, strict: true, filter: 'price > 0.3', where: (r) => (r.price as number) > Math.fround(0.3) },
        { field: 'tag', limit: 12, size: 2 },
        { field: 'flag', limit: 2, size: 5 },
        { field: 'flag', limit: 2, size: 5, strict: true, filter: 'doc < 10', where: (r) => (r.doc as number) < 10 },
      ];
      for (const c of cases) {
        it(`groups by ${c.field} (limit ${c.limit}, offset ${c.offset ?? 0}, size ${c.size ?? 1}, strict ${!!c.strict}${c.filter ? `, ${c.filter}` : ''}) as brute force, nq 3`, async () => {
          const vectors = queries();
          const input: SearchInput = {
            annsField: 'v',
            vectors,
            limit: c.limit,
            groupByField: c.field,
            ...(c.offset ? { offset: c.offset } : {}),
            ...(c.size ? { groupSize: c.size } : {}),
            ...(c.strict ? { strictGroupSize: true } : {}),
            ...(c.filter ? { filter: c.filter } : {}),
            outputFields: [c.field],
          };
          const out = await engine.search({ ...ref, ...input });
          expect(out.groupByField?.name).toBe(c.field);
          expect(out.hits).toHaveLength(3);
          vectors.forEach((q, i) => {
            const want = reference(rows, q, metric, c.field, { ...c });
            const got = out.hits[i]!;
            expect(got.map((h) => h.pk)).toEqual(want.map((h) => h.id));
            got.forEach((h, j) => expect(h.score).toBeCloseTo(want[j]!.score, 5));
            expect(got.map((h) => h.group)).toEqual(want.map((h) => h.group));
            expect(got.map((h) => h.row[c.field])).toEqual(want.map((h) => h.group));
          });
        });
      }
    });
  }

  it('merges grouped segments: at most limit groups of at most group_size hits, keys once, groups by their best hit', async () => {
    const engine = new Engine({ segmentMaxRows: 70 });
    setup(engine, 'L2');
    const rows = dataRows(seededRandom(11));
    await engine.insert({ ...ref, rows });
    engine.flush(undefined, [ref.collectionName]);
    engine.loadCollection(ref);
    const query = [0.1, -0.2, 0.3, 0.05];
    const out = await engine.search({ ...ref, annsField: 'v', vectors: [query], limit: 6, groupByField: 'doc', groupSize: 3, strictGroupSize: 'true' });
    const hits = out.hits[0]!;
    const groups = [...new Set(hits.map((h) => h.group))];
    expect(groups).toHaveLength(6);
    // Each group holds at most 3 rows of its doc, best first (each segment groups on its own, so a
    // group holds the rows of the segments whose own top groups it was among).
    for (const g of groups) {
      const members = hits.filter((h) => h.group === g);
      expect(members.length).toBeLessThanOrEqual(3);
      for (const h of members) expect(BigInt(rows[Number(h.pk)]!.doc as number)).toBe(g);
      for (const h of members) expect(h.score).toBeCloseTo(l2(rows[Number(h.pk)]!.v as number[], query), 5);
      expect(members.map((h) => h.score)).toEqual(members.map((h) => h.score).sort((a, b) => a - b));
    }
    // The best row overall leads the answer: its segment groups it first.
    const best = rows.map((r) => l2(r.v as number[], query)).sort((a, b) => a - b)[0]!;
    expect(hits[0]!.score).toBeCloseTo(best, 5);
    // The hits of a group are together, and the groups come by their best hit.
    expect(hits.map((h) => h.group)).toEqual(groups.flatMap((g) => hits.filter((h) => h.group === g).map(() => g)));
    const bests = groups.map((g) => Math.min(...hits.filter((h) => h.group === g).map((h) => h.score)));
    expect(bests).toEqual([...bests].sort((a, b) => a - b));
    expect(new Set(hits.map((h) => h.pk)).size).toBe(hits.length);
  });

  describe('refusals', () => {
    let engine: Engine;
    const q = [[0, 0, 0, 0]];
    beforeEach(async () => {
      engine = new Engine();
      setup(engine, 'L2');
      engine.loadCollection(ref);
    });
    const search = (input: Partial<SearchInput>) => engine.search({ ...ref, annsField: 'v', vectors: q, limit: 3, ...input });

    it('refuses an unknown field, a bad group size and grouping a binary vector search as Milvus 2.5', async () => {
      expect(await rejected(() => search({ groupByField: 'nope' }))).toEqual({ code: 1700, reason: 'groupBy field not found in schema: field not found[field=nope]' });
      expect(await rejected(() => search({ groupByField: 'doc', groupSize: 'abc' }))).toEqual({ code: 1100, reason: 'failed to parse input group size:abc: invalid parameter' });
      expect(await rejected(() => search({ groupByField: 'doc', groupSize: '0' }))).toEqual({ code: 1100, reason: 'input group size:0 is negative, failed to do search_groupby: invalid parameter' });
      expect(await rejected(() => search({ groupByField: 'doc', groupSize: 11 }))).toEqual({ code: 1100, reason: 'input group size:11 exceeds configured max group size:10: invalid parameter' });
      // The group size is read even without a group-by field.
      expect(await rejected(() => search({ groupSize: 11 }))).toEqual({ code: 1100, reason: 'input group size:11 exceeds configured max group size:10: invalid parameter' });
      expect(await rejected(() => search({ annsField: 'bits', vectors: [[1, 2]], groupByField: 'doc' }))).toEqual({ code: 65535, reason: 'not support search_group_by operation based on binary vector column' });
      // Without group-by the same binary search is fine; group size 10 is the largest allowed.
      expect((await search({ annsField: 'bits', vectors: [[1, 2]] })).hits).toEqual([[]]);
      expect((await search({ groupByField: 'doc', groupSize: '0x0a' })).hits).toEqual([[]]);
    });

    it('refuses grouping an iterator page or a range search, the iterator first (1100)', async () => {
      const invalid = (why: string) => ({ code: 1100, reason: `${why}: invalid parameter[expected=][actual=]` });
      const iteration = invalid('Not allowed to do groupBy when doing iteration');
      expect(await rejected(() => search({ groupByField: 'doc', iterator: { iterator: 'True' } }))).toEqual(iteration);
      expect(await rejected(() => search({ groupByField: 'doc', iterator: { iterator: 'True' }, radius: 5 }))).toEqual(iteration);
      expect(await rejected(() => search({ groupByField: 'doc', radius: 5 }))).toEqual(invalid('Not allowed to do range-search when doing search-group-by'));
      // Either alone is served.
      expect((await search({ iterator: { iterator: 'True' } })).hits).toEqual([[]]);
      expect((await search({ radius: 5 })).hits).toEqual([[]]);
    });

    it('refuses grouping by a type segcore cannot group only once a segment is searched (2001)', async () => {
      for (const field of ['price', 'meta', '$meta', 'v']) expect((await search({ groupByField: field })).hits).toEqual([[]]);
      await engine.insert({ ...ref, rows: dataRows(seededRandom(1)).slice(0, 5) });
      const unsupported = (type: string) => ({ code: 2001, reason: `unsupported data type ${type} for group by operator: segcore unsupported error` });
      expect(await rejected(() => search({ groupByField: 'price' }))).toEqual(unsupported('FLOAT'));
      expect(await rejected(() => search({ groupByField: 'meta' }))).toEqual(unsupported('JSON'));
      expect(await rejected(() => search({ groupByField: '$meta' }))).toEqual(unsupported('JSON'));
      expect(await rejected(() => search({ groupByField: 'v' }))).toEqual(unsupported('VECTOR_FLOAT'));
    });
  });
});
