import { normalizeField } from '@mvkit/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { Engine, type HybridSearchInput, type HybridSubSearch } from '../src/index.js';
import { refusal } from './refusal.js';

const ref = { collectionName: 'docs' };
const f32 = Math.fround;

/**
 * Four rows, two float fields: `a` (FLAT, IP) and `b` (FLAT, L2, squared distances). For the
 * queries a=[1,0] and b=[3,0]:
 *   a: id1 1, id2 0.8, id3 0.5, id4 0.1        -> ranks 1, 2, 3, 4
 *   b: id4 0, id2 4, id1 9, id3 13             -> ranks id4 1, id2 2, id1 3, id3 4
 */
function setup(engine: Engine): void {
  engine.createCollection({
    ...ref,
    enableDynamicField: false,
    fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true },
      { name: 'tag', data_type: 'VarChar', max_length: 16 },
      { name: 'a', data_type: 'FloatVector', dim: 2 },
      { name: 'b', data_type: 'FloatVector', dim: 2 },
    ].map(normalizeField),
  });
  for (const [fieldName, metric] of [['a', 'IP'], ['b', 'L2']] as const) {
    engine.createIndex({ ...ref, fieldName, params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: metric }] });
  }
  engine.createPartition({ ...ref, partitionName: 'p1' });
}

async function insertRows(engine: Engine): Promise<void> {
  await engine.insert({
    ...ref,
    rows: [
      { id: 1, tag: 'one', a: [1, 0], b: [0, 0] },
      { id: 2, tag: 'two', a: [0.8, 0], b: [1, 0] },
      { id: 3, tag: 'three', a: [0.5, 0], b: [0, 2] },
    ],
  });
  await engine.insert({ ...ref, partitionName: 'p1', rows: [{ id: 4, tag: 'four', a: [0.1, 0], b: [3, 0] }] });
}

const subA = (vectors: number[][] = [[1, 0]]): HybridSubSearch => ({ annsField: 'a', vectors, limit: 4 });
const subB = (vectors: number[][] = [[3, 0]], filter?: string): HybridSubSearch => ({ annsField: 'b', vectors, limit: 4, ...(filter ? { filter } : {}) });
const kv = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value }));
const rrf = (k: number, extra: Record<string, string> = {}) => kv({ strategy: 'rrf', params: JSON.stringify({ k }), limit: '10', ...extra });
const weighted = (params: object, extra: Record<string, string> = {}) => kv({ strategy: 'weighted', params: JSON.stringify(params), limit: '10', ...extra });

/** 1 / (k + rank) in float32 steps, as Milvus's rrfScorer. */
const rr = (k: number, rank: number) => f32(1 / f32(k + rank));
const sum = (...xs: number[]) => xs.reduce((s, x) => f32(s + x), 0);

describe('HybridSearch (engine)', () => {
  let engine: Engine;
  const search = (input: Omit<HybridSearchInput, 'rankParams'> & { rankParams?: HybridSearchInput['rankParams'] }) =>
    engine.hybridSearch({ ...ref, rankParams: rrf(60), ...input });
  const ids = (hits: { pk: unknown }[]) => hits.map((h) => Number(h.pk));

  beforeEach(async () => {
    engine = new Engine();
    setup(engine);
    await insertRows(engine);
    engine.loadCollection(ref);
  });

  it('fuses two fields with RRF(k): score = Σ 1/(k + rank), best first', async () => {
    const out = await search({ requests: [subA(), subB()] });
    // id1: 1/61 + 1/63 = 0.032266, id2: 2/62 = 0.032258, id4: 1/64 + 1/61 = 0.032018, id3: 1/63 + 1/64 = 0.031498
    expect(ids(out.hits[0]!)).toEqual([1, 2, 4, 3]);
    expect(out.hits[0]!.map((h) => h.score)).toEqual([sum(rr(60, 1), rr(60, 3)), sum(rr(60, 2), rr(60, 2)), sum(rr(60, 4), rr(60, 1)), sum(rr(60, 3), rr(60, 4))]);
    expect(out.hits[0]![0]!.score).toBeCloseTo(0.032266, 6);
    expect(out.limit).toBe(10);
    expect(out.outputFields).toEqual([]);
    // k = 1: id1 1/2 + 1/4 = 0.75, id4 1/5 + 1/2 = 0.7, id2 1/3 + 1/3 = 0.667, id3 1/4 + 1/5 = 0.45
    const k1 = await search({ requests: [subA(), subB()], rankParams: rrf(1) });
    expect(ids(k1.hits[0]!)).toEqual([1, 4, 2, 3]);
    expect(k1.hits[0]!.map((h) => h.score)).toEqual([0.75, f32(0.7), f32(2 / 3), f32(0.45)]);
  });

  it('defaults to RRF with k = 60 when no strategy is given', async () => {
    const out = await search({ requests: [subA(), subB()], rankParams: kv({ limit: '2' }) });
    expect(ids(out.hits[0]!)).toEqual([1, 2]);
    expect(out.hits[0]![0]!.score).toBe(sum(rr(60, 1), rr(60, 3)));
  });

  it('applies each sub-request its own filter (ties broken by primary key)', async () => {
    // b without id4: id2 1, id1 2, id3 3 -> id1 = id2 = 1/61 + 1/62, id3 = 2/63, id4 = 1/64
    const out = await search({ requests: [subA(), subB([[3, 0]], 'id != 4')] });
    expect(ids(out.hits[0]!)).toEqual([1, 2, 3, 4]);
    expect(out.hits[0]!.map((h) => h.score)).toEqual([sum(rr(60, 1), rr(60, 2)), sum(rr(60, 2), rr(60, 1)), sum(rr(60, 3), rr(60, 3)), rr(60, 4)]);
  });

  it('fuses with WeightedRanker, normalising IP by 1/2 + atan(s)/π and L2 by 1 - 2·atan(d)/π', async () => {
    const out = await search({ requests: [subA(), subB()], rankParams: weighted({ weights: [0.7, 0.3] }) });
    // id4: 0.7·(0.5 + atan(0.1)/π) + 0.3·(1 - 0)            = 0.372208 + 0.3      = 0.672208
    // id2: 0.7·(0.5 + atan(0.8)/π) + 0.3·(1 - 2·atan(4)/π)  = 0.500344 + 0.046787 = 0.547131
    // id1: 0.7·0.75              + 0.3·(1 - 2·atan(9)/π)  = 0.525    + 0.021134 = 0.546134
    // id3: 0.7·(0.5 + atan(0.5)/π) + 0.3·(1 - 2·atan(13)/π) = 0.453309 + 0.014663 = 0.467972
    expect(ids(out.hits[0]!)).toEqual([4, 2, 1, 3]);
    const expected = [0.672208, 0.547131, 0.546134, 0.467972];
    out.hits[0]!.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i]!, 5));
    // The same with norm_score: true given explicitly.
    const explicit = await search({ requests: [subA(), subB()], rankParams: weighted({ weights: [0.7, 0.3], norm_score: true }) });
    expect(explicit.hits).toEqual(out.hits);
  });

  it('uses raw scores with norm_score false, and (1 + s)/2 for COSINE', async () => {
    // id3: 0.7·0.5 + 0.3·13 = 4.25, id1: 0.7·1 + 0.3·9 = 3.4, id2: 0.56 + 1.2 = 1.76, id4: 0.07 + 0 = 0.07
    const raw = await search({ requests: [subA(), subB()], rankParams: weighted({ weights: [0.7, 0.3], norm_score: false }) });
    expect(ids(raw.hits[0]!)).toEqual([3, 1, 2, 4]);
    [4.25, 3.4, 1.76, 0.07].forEach((s, i) => expect(raw.hits[0]![i]!.score).toBeCloseTo(s, 5));
    engine.releaseCollection(ref);
    engine.dropIndex({ ...ref, fieldName: 'a', indexName: '' });
    engine.createIndex({ ...ref, fieldName: 'a', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'COSINE' }] });
    engine.loadCollection(ref);
    // COSINE of a=[1,0]: 1 for every row; (1 + 1)/2 = 1, times weight 1
    const cos = await search({ requests: [subA()], rankParams: weighted({ weights: [1] }) });
    expect(cos.hits[0]!.map((h) => h.score)).toEqual([1, 1, 1, 1]);
    expect(ids(cos.hits[0]!)).toEqual([1, 2, 3, 4]);
  });

  it('answers per query vector (nq = 2), each fused on its own', async () => {
    // Second query: a=[0,1] scores 0 for all (ranks by key 1..4), b=[0,0]: id1 0, id2 1, id3 4, id4 9.
    const out = await search({ requests: [subA([[1, 0], [0, 1]]), subB([[3, 0], [0, 0]])] });
    expect(out.hits).toHaveLength(2);
    expect(ids(out.hits[0]!)).toEqual([1, 2, 4, 3]);
    expect(ids(out.hits[1]!)).toEqual([1, 2, 3, 4]);
    expect(out.hits[1]!.map((h) => h.score)).toEqual([sum(rr(60, 1), rr(60, 1)), sum(rr(60, 2), rr(60, 2)), sum(rr(60, 3), rr(60, 3)), sum(rr(60, 4), rr(60, 4))]);
  });

  it('pages with the rank limit and offset, rounds with round_decimal, and projects the output fields', async () => {
    const out = await search({ requests: [subA(), subB()], rankParams: rrf(60, { limit: '2', offset: '1', round_decimal: '3' }), outputFields: ['tag'] });
    expect(ids(out.hits[0]!)).toEqual([2, 4]);
    // 0.032258 and 0.032018 rounded half up to 3 places
    expect(out.hits[0]!.map((h) => h.score)).toEqual([f32(0.032), f32(0.032)]);
    expect(out.hits[0]!.map((h) => h.row)).toEqual([{ tag: 'two' }, { tag: 'four' }]);
    expect(out.outputFields).toEqual(['tag']);
    // An offset past every hit: no hits for that query.
    expect((await search({ requests: [subA(), subB()], rankParams: rrf(60, { offset: '4' }) })).hits).toEqual([[]]);
    // Sub-search limit 1 each: only id1 (a) and id4 (b) take part; limit+offset is the default topk.
    const top1 = await search({ requests: [{ ...subA(), limit: 1 }, { annsField: 'b', vectors: [[3, 0]] }], rankParams: rrf(60, { limit: '1' }) });
    expect(ids(top1.hits[0]!)).toEqual([1]);
    expect(top1.hits[0]![0]!.score).toBe(rr(60, 1));
    // Integer rank parameters take Go's syntax (ParseInt base 0).
    expect(ids((await search({ requests: [subA(), subB()], rankParams: rrf(60, { limit: '0x2' }) })).hits[0]!)).toEqual([1, 2]);
  });

  it('reads only the named partitions', async () => {
    const out = await search({ requests: [subA(), subB()], partitionNames: ['p1'] });
    expect(ids(out.hits[0]!)).toEqual([4]);
    expect(out.hits[0]![0]!.score).toBe(sum(rr(60, 1), rr(60, 1)));
  });

  it('fuses a sparse (IP) and a binary (HAMMING) field; a distance metric normalises as L2 does', async () => {
    const e = new Engine();
    e.createCollection({
      collectionName: 'mixed',
      fields: [
        { name: 'id', data_type: 'Int64', is_primary_key: true },
        { name: 'sv', data_type: 'SparseFloatVector' },
        { name: 'bits', data_type: 'BinaryVector', dim: 16 },
      ].map(normalizeField),
    });
    e.createIndex({ collectionName: 'mixed', fieldName: 'sv', params: [{ key: 'index_type', value: 'SPARSE_INVERTED_INDEX' }, { key: 'metric_type', value: 'IP' }] });
    e.createIndex({ collectionName: 'mixed', fieldName: 'bits', params: [{ key: 'index_type', value: 'BIN_FLAT' }, { key: 'metric_type', value: 'HAMMING' }] });
    await e.insert({
      collectionName: 'mixed',
      rows: [
        { id: 1, sv: { 1: 2 }, bits: [0b1111, 0] },
        { id: 2, sv: { 1: 1 }, bits: [0, 0] },
        { id: 3, sv: { 1: 0.5, 2: 1 }, bits: [0xff, 0xff] },
      ],
    });
    e.loadCollection({ collectionName: 'mixed' });
    // sv·{1:1}: id1 2, id2 1, id3 0.5; hamming to [0b0111, 0]: id1 1, id2 3, id3 13
    const requests = [
      { annsField: 'sv', vectors: [{ 1: 1 }], limit: 3 },
      { annsField: 'bits', vectors: [new Uint8Array([0b0111, 0])], limit: 3 },
    ];
    const out = await e.hybridSearch({ collectionName: 'mixed', requests, rankParams: weighted({ weights: [0.5, 0.5] }) });
    // id1: 0.5·(0.5 + atan(2)/π) + 0.5·(1 - 2·atan(1)/π) = 0.426208 + 0.25     = 0.676208
    // id2: 0.5·(0.5 + atan(1)/π) + 0.5·(1 - 2·atan(3)/π) = 0.375    + 0.102416 = 0.477416
    // id3: 0.5·(0.5 + atan(0.5)/π) + 0.5·(1 - 2·atan(13)/π) = 0.323792 + 0.024438 = 0.348230
    expect(ids(out.hits[0]!)).toEqual([1, 2, 3]);
    [0.676208, 0.477416, 0.34823].forEach((v, i) => expect(out.hits[0]![i]!.score).toBeCloseTo(v, 5));
  });

  it('groups fused hits by group_by_field: per-key RRF sums gathered into groups, scored by rank_group_scorer', async () => {
    await engine.insert({ ...ref, rows: [{ id: 5, tag: 'one', a: [0.9, 0], b: [0.5, 0] }, { id: 6, tag: 'two', a: [0.7, 0], b: [2, 0] }] });
    const requests = [subA(), subB()];
    // Reference: each sub-search grouped by tag (group size 2), RRF-rescored by rank, summed per key.
    const sub = async (annsField: string, vectors: number[][]) => (await engine.search({ ...ref, annsField, vectors, limit: 4, groupByField: 'tag', groupSize: 2 })).hits[0]!;
    const lists = [await sub('a', [[1, 0]]), await sub('b', [[3, 0]])];
    const fused = new Map<bigint, { score: number; tag: unknown }>();
    for (const list of lists) {
      list.forEach((h, at) => {
        const was = fused.get(h.pk as bigint);
        fused.set(h.pk as bigint, { score: f32((was?.score ?? 0) + rr(60, at + 1)), tag: was?.tag ?? h.group });
      });
    }
    const byTag = new Map<unknown, bigint[]>();
    for (const [pk, v] of [...fused].sort((x, y) => y[1].score - x[1].score || (x[0] < y[0] ? -1 : 1))) {
      const members = byTag.get(v.tag) ?? [];
      if (members.length < 2) members.push(pk);
      byTag.set(v.tag, members);
    }
    for (const scorer of ['max', 'sum'] as const) {
      const groupScore = (members: bigint[]) => (scorer === 'max' ? Math.max(...members.map((pk) => fused.get(pk)!.score)) : sum(...members.map((pk) => fused.get(pk)!.score)));
      const groups = [...byTag.values()].sort((x, y) => groupScore(y) - groupScore(x) || y.length - x.length);
      const out = await search({ requests, rankParams: rrf(60, { group_by_field: 'tag', group_size: '2', rank_group_scorer: scorer, limit: '2' }) });
      expect(out.groupByField?.name).toBe('tag');
      expect(out.hits[0]!.map((h) => h.pk)).toEqual(groups.slice(0, 2).flat());
      expect(out.hits[0]!.map((h) => h.score)).toEqual(groups.slice(0, 2).flat().map((pk) => fused.get(pk)!.score));
      expect(out.hits[0]!.map((h) => h.group)).toEqual(groups.slice(0, 2).flat().map((pk) => fused.get(pk)!.tag));
    }
  });

  it("refuses what Milvus refuses, with its codes and messages, in Milvus's order", async () => {
    const fails = async (input: Parameters<typeof search>[0]) => {
      try {
        await search(input);
      } catch (e) {
        return { code: (e as { code: number }).code, message: (e as Error).message };
      }
      throw new Error('expected an error');
    };
    const two = [subA(), subB()];
    expect(await fails({ requests: Array.from({ length: 1025 }, () => subA()) })).toEqual({ code: 65535, message: 'maximum of ann search requests is 1024' });
    expect(await fails({ requests: [] })).toEqual({ code: 65535, message: 'nq [0] is invalid, nq (number of search vector per search request) should be in range [1, 16384], but got 0' });
    expect(await fails({ requests: [subA(), subB([[3, 0], [0, 0]])] })).toEqual({ code: 1100, message: 'sub search request nq should be the same: invalid parameter[expected=1][actual=2]' });
    // The ranker
    const rank = (rankParams: { key: string; value: string }[]) => fails({ requests: two, rankParams });
    expect(await rank(kv({ strategy: 'weightedRanker', params: '{}', limit: '10' }))).toEqual({ code: 65535, message: 'unsupported rank type weightedRanker' });
    expect(await rank(kv({ strategy: 'rrf', limit: '10' }))).toEqual({ code: 65535, message: 'params not found in rank_params' });
    expect(await rank(kv({ strategy: 'rrf', params: 'x', limit: '10' }))).toEqual({ code: 65535, message: "invalid character 'x' looking for beginning of value" });
    expect(await rank(kv({ strategy: 'rrf', params: '{"k":', limit: '10' }))).toEqual({ code: 65535, message: 'unexpected end of JSON input' });
    expect(await rank(kv({ strategy: 'rrf', params: '[1]', limit: '10' }))).toEqual({ code: 65535, message: 'json: cannot unmarshal array into Go value of type map[string]interface {}' });
    expect(await rank(kv({ strategy: 'rrf', params: '{}', limit: '10' }))).toEqual({ code: 65535, message: 'k not found in rank_params' });
    expect(await rank(rrf('60' as unknown as number))).toEqual({ code: 65535, message: 'The type of rank param k should be float' });
    expect(await rank(rrf(0))).toEqual({ code: 65535, message: 'The rank params k should be in range (0, 16384)' });
    expect(await rank(rrf(16384))).toEqual({ code: 65535, message: 'The rank params k should be in range (0, 16384)' });
    expect(await rank(weighted({}))).toEqual({ code: 65535, message: 'weights not found in rank_params' });
    expect(await rank(weighted({ weights: 0.5 }))).toEqual({ code: 65535, message: 'The weights param should be an array' });
    expect(await rank(weighted({ weights: [0.5, '0.5'] }))).toEqual({ code: 65535, message: 'The type of rank param weight should be float' });
    expect(await rank(weighted({ weights: [0.5, 1.5] }))).toEqual({ code: 65535, message: 'rank param weight should be in range [0, 1]' });
    expect(await rank(weighted({ weights: [0.5, -0.1] }))).toEqual({ code: 65535, message: 'rank param weight should be in range [0, 1]' });
    expect(await rank(weighted({ weights: [0.5, 0.3, 0.2] }))).toEqual({ code: 1100, message: 'the length of weights param mismatch with ann search requests: invalid parameter[expected=2][actual=3]' });
    expect(await rank(weighted({ weights: [0.5, 0.5], norm_score: 'yes' }))).toEqual({ code: 65535, message: 'The type of rank param norm_score should be bool' });
    // Rank paging, after the ranker
    expect(await rank(kv({ strategy: 'rrf', params: '{"k":60}' }))).toEqual({ code: 65535, message: 'limit not found in rank_params' });
    expect(await rank(rrf(60, { limit: 'ten' }))).toEqual({ code: 65535, message: 'limit [ten] is invalid' });
    expect(await rank(rrf(60, { offset: '1.5' }))).toEqual({ code: 65535, message: 'offset [1.5] is invalid' });
    expect(await rank(rrf(60, { limit: '0' }))).toEqual({ code: 65535, message: 'invalid max query result window, limit [0] is invalid, should be greater than 0' });
    expect(await rank(rrf(60, { offset: '-1' }))).toEqual({ code: 65535, message: 'invalid max query result window, offset [-1] is invalid, should be gte than 0' });
    expect(await rank(rrf(60, { limit: '16384', offset: '1' }))).toEqual({ code: 65535, message: 'invalid max query result window, (offset+limit) should be in range [1, 16384], but got 16385' });
    expect(await rank(rrf(60, { round_decimal: '7' }))).toEqual({ code: 65535, message: 'round_decimal [7] is invalid, should be -1 or an integer in range [0, 6]' });
    expect(await rank(rrf(60, { group_by_field: 'nope' }))).toEqual({ code: 1700, message: 'groupBy field not found in schema: field not found[field=nope]' });
    expect(await rank(rrf(60, { group_by_field: 'tag', group_size: '11' }))).toEqual({ code: 1100, message: 'input group size:11 exceeds configured max group size:10: invalid parameter' });
    // The group scorer is read before the rank parameters.
    expect(await rank(rrf(60, { rank_group_scorer: 'min', limit: 'ten' }))).toEqual({ code: 1100, message: 'input group scorer type: min is not supported!: invalid parameter' });
    expect(await rank(kv({ strategy: 'bad' }))).toEqual({ code: 65535, message: 'unsupported rank type bad' });
    // Each sub-search's plan, after the rank parameters
    expect(await fails({ requests: [subA(), { ...subB(), limit: 0 }] })).toEqual({ code: 65535, message: 'topk [0] is invalid, it should be in range [1, 16384], but got 0' });
    expect(await fails({ requests: [subA(), { ...subB(), limit: 16385 }] })).toEqual({ code: 65535, message: 'topk [16385] is invalid, it should be in range [1, 16384], but got 16385' });
    expect(await fails({ requests: [subA(), { vectors: [[3, 0]], limit: 4 }] })).toEqual({ code: 65535, message: 'multiple anns_fields exist, please specify a anns_field in search_params' });
    expect(await fails({ requests: [subA(), { ...subB(), annsField: 'nope' }] })).toEqual({
      code: 1100,
      message: 'failed to create query plan: failed to get field schema by name: fieldName(nope) not found: invalid parameter',
    });
    expect(await fails({ requests: [subA(), subB([[3, 0]], 'nope > 1')] })).toMatchObject({ code: 1100 });
    expect(await fails({ requests: [subA(), { ...subB(), metricType: 'IP' }] })).toEqual({
      code: 1100,
      message: 'metric type not match: invalid parameter[expected=L2][actual=IP]',
    });
    expect(await fails({ requests: [subA(), subB([[3, 0, 1]])] })).toEqual({ code: 2000, message: 'vector dimension mismatch, expected vector size(byte) 8, actual 12.: segcore error' });
    // Partitions and output fields come first; the load rules last.
    expect(await fails({ requests: Array.from({ length: 1025 }, () => subA()), partitionNames: ['nope'] })).toEqual({ code: 65535, message: 'partition name nope not found' });
    expect(await fails({ requests: Array.from({ length: 1025 }, () => subA()), outputFields: ['nope'] })).toEqual({ code: 1100, message: 'field nope not exist: invalid parameter' });
    engine.releaseCollection(ref);
    const coll = engine.collectionOf(ref);
    expect(await fails({ requests: [subA(), { ...subB(), limit: 0 }] })).toMatchObject({ code: 65535, message: 'topk [0] is invalid, it should be in range [1, 16384], but got 0' });
    expect(await fails({ requests: two })).toEqual({ code: 101, message: `failed to search: collection not loaded[collection=${coll.id}]` });
    expect(refusal(() => engine.collectionOf({ collectionName: 'missing' })).code).toBe(100);
  });
});
