import { MilvusError, normalizeField } from '@mvkit/core';
import { describe, expect, it } from 'vitest';
import { Engine, type SearchIteratorParams } from '../src/index.js';
import { seededRandom } from './random.js';

const DIM = 4;
const ref = { collectionName: 'pages' };
const TOTAL = 97;

/**
 * 97 rows with shuffled keys over partitions A and B, sealed segments and growing ones, a few
 * sharing one vector (tied scores).
 */
async function collection(metric: 'L2' | 'IP', indexType: 'FLAT' | 'HNSW') {
  const e = new Engine({ segmentMaxRows: 20 });
  e.createCollection({
    ...ref,
    fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true },
      { name: 'v', data_type: 'FloatVector', dim: DIM },
    ].map(normalizeField),
  });
  e.createIndex({ ...ref, fieldName: 'v', params: [{ key: 'index_type', value: indexType }, { key: 'metric_type', value: metric }, { key: 'params', value: '{"M":8,"efConstruction":64}' }] });
  e.createPartition({ ...ref, partitionName: 'A' });
  e.createPartition({ ...ref, partitionName: 'B' });
  e.loadCollection(ref);
  const random = seededRandom(11);
  const keys = Array.from({ length: TOTAL }, (_, i) => BigInt(i * 3 + 1));
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  const shared = [0.5, -0.25, 0.125, 1];
  const rows = keys.map((id, i) => ({ id, v: i % 10 === 3 ? shared : Array.from({ length: DIM }, () => random() * 2 - 1) }));
  await e.insert({ ...ref, partitionName: 'A', rows: rows.slice(0, 50) });
  await e.insert({ ...ref, partitionName: 'B', rows: rows.slice(50, 90) });
  await e.indexBuilder.drain();
  await e.insert({ ...ref, partitionName: 'A', rows: rows.slice(90) });
  return { e, keys, query: shared };
}

describe('query iterator: a query with a limit returns the smallest keys in key order', () => {
  it('pages by `<pk> > last` return every row exactly once, ascending, for batch sizes 1, 7, total and above', async () => {
    const { e, keys } = await collection('L2', 'FLAT');
    const sorted = [...keys].sort((a, b) => (a < b ? -1 : 1));
    for (const batch of [1, 7, TOTAL, TOTAL + 20]) {
      const seen: bigint[] = [];
      let last: bigint | undefined;
      for (;;) {
        const page = await e.query({ ...ref, filter: last === undefined ? '' : `id > ${last}`, limit: batch, outputFields: ['id'] });
        if (page.rows.length === 0) break;
        expect(page.rows.length).toBeLessThanOrEqual(batch);
        seen.push(...page.rows.map((r) => r.id as bigint));
        last = page.rows[page.rows.length - 1]!.id as bigint;
      }
      expect(seen, `batch ${batch}`).toEqual(sorted);
    }
    // offset skips the smallest keys; with a filter, only matching keys.
    expect((await e.query({ ...ref, filter: 'id > 100', limit: 3, offset: 2, outputFields: ['id'] })).rows.map((r) => r.id)).toEqual(sorted.filter((k) => k > 100n).slice(2, 5));
    // The iterator entries are checked as the proxy checks them.
    const coll = e.describeCollection(ref);
    const fail = (iterator: Record<string, string>) => e.query({ ...ref, filter: 'id > 0', limit: 3, iterator }).then(() => undefined, (err: MilvusError) => ({ code: err.code, reason: err.reason }));
    expect(await e.query({ ...ref, filter: 'id > 0', limit: 3, iterator: { iterator: 'True', reduceStopForBest: 'True', collectionId: String(coll.id) } })).toMatchObject({ rows: [{ id: 1n }, { id: 4n }, { id: 7n }] });
    expect(await fail({ reduceStopForBest: 'yes' })).toEqual({ code: 1100, reason: 'value for reduce_stop_for_best is invalid: invalid parameter[expected=true or false][actual=yes]' });
    expect(await fail({ iterator: 'on' })).toEqual({ code: 1100, reason: 'value for iterator field is invalid: invalid parameter[expected=true or false][actual=on]' });
    expect(await fail({ collectionId: 'c1' })).toEqual({ code: 1100, reason: 'value for collection id is invalid: invalid parameter[expected=int value for collection_id][actual=collection_id]' });
    expect(await fail({ collectionId: '12345' })).toEqual({ code: 1100, reason: 'Input collection id is not consistent to collectionID in the context,alias or database may have changed: invalid parameter' });
    // A query without a limit still returns every match.
    expect((await e.query({ ...ref, filter: 'id > 0', outputFields: ['id'] })).rows).toHaveLength(TOTAL);
  });

  it('pages VarChar keys in the order the filter compares them (code points, so an astral character sorts after U+FFFD)', async () => {
    const e = new Engine();
    e.createCollection({ collectionName: 's', fields: [{ name: 'k', data_type: 'VarChar', max_length: 16, is_primary_key: true }, { name: 'v', data_type: 'FloatVector', dim: 2 }].map(normalizeField) });
    e.createIndex({ collectionName: 's', fieldName: 'v', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'L2' }] });
    e.loadCollection({ collectionName: 's' });
    const keys = ['b', 'a\u{1F600}', 'a\uFFFD', 'a', 'ab', 'c'];
    await e.insert({ collectionName: 's', rows: keys.map((k) => ({ k, v: [0, 0] })) });
    const seen: string[] = [];
    let last: string | undefined;
    for (;;) {
      const page = await e.query({ collectionName: 's', filter: last === undefined ? '' : `k > ${JSON.stringify(last)}`, limit: 1 });
      if (page.rows.length === 0) break;
      last = page.rows[0]!.k as string;
      seen.push(last);
    }
    expect(seen).toEqual(['a', 'ab', 'a\uFFFD', 'a\u{1F600}', 'b', 'c']);
  });
});

describe('search iterator v2: token and last bound', () => {
  const page = (e: Engine, query: number[], iterator: SearchIteratorParams, extra: Record<string, unknown> = {}) =>
    e.search({ ...ref, vectors: [query], limit: Number(iterator.batchSize ?? 10), iterator: { iterator: 'True', v2: 'True', ...iterator }, ...extra });

  for (const [metric, indexType] of [['L2', 'FLAT'], ['IP', 'HNSW'], ['L2', 'HNSW']] as const) {
    it(`${metric} on ${indexType}: every row exactly once, best first, ties included, for batch sizes 1, 7, total and above`, async () => {
      const { e, query } = await collection(metric, indexType);
      const full = (await e.search({ ...ref, vectors: [query], limit: TOTAL })).hits[0]!;
      expect(full).toHaveLength(TOTAL);
      for (const batch of [1, 7, TOTAL, TOTAL + 20]) {
        const got: { pk: unknown; score: number }[] = [];
        let token: string | undefined;
        let lastBound: number | undefined;
        for (let n = 0; n < 200; n++) {
          const out = await page(e, query, { batchSize: String(batch), ...(token ? { token } : {}), ...(lastBound === undefined ? {} : { lastBound: String(lastBound) }) });
          expect(out.iteratorV2?.token).toMatch(/^[0-9a-f-]{36}$/);
          if (token) expect(out.iteratorV2!.token).toBe(token);
          token = out.iteratorV2!.token;
          const hits = out.hits[0]!;
          if (hits.length === 0) break;
          expect(hits.length).toBeLessThanOrEqual(batch);
          expect(out.iteratorV2!.lastBound).toBe(hits[hits.length - 1]!.score);
          lastBound = out.iteratorV2!.lastBound;
          got.push(...hits);
        }
        expect(got.map((h) => h.pk).sort(), `batch ${batch}`).toEqual(full.map((h) => h.pk).sort());
        expect(new Set(got.map((h) => h.pk)).size).toBe(TOTAL);
        const ascending = metric === 'L2';
        for (let i = 1; i < got.length; i++) expect(ascending ? got[i]!.score >= got[i - 1]!.score : got[i]!.score <= got[i - 1]!.score).toBe(true);
      }
    });
  }

  it('starts strictly beyond a bound it holds no keys for, and takes an iterator topk above 16384', async () => {
    const { e, query } = await collection('L2', 'FLAT');
    const full = (await e.search({ ...ref, vectors: [query], limit: TOTAL })).hits[0]!;
    // Ten rows share the query's vector (score 0): a fresh token past bound 0 skips all of them.
    expect(full.filter((h) => h.score === 0)).toHaveLength(10);
    const out = await page(e, query, { batchSize: '5', lastBound: '0' });
    expect(out.hits[0]!.map((h) => h.pk)).toEqual(full.slice(10, 15).map((h) => h.pk));
    const big = await e.search({ ...ref, vectors: [query], limit: 20_000, iterator: { iterator: 'True' } });
    expect(big.hits[0]).toHaveLength(TOTAL);
    await expect(e.search({ ...ref, vectors: [query], limit: 20_000 })).rejects.toMatchObject({ code: 65535 });
  });

  it("refuses what the proxy's parseSearchIteratorV2Info refuses, with its codes and messages", async () => {
    const { e, query } = await collection('L2', 'FLAT');
    const fail = (iterator: SearchIteratorParams, extra: Record<string, unknown> = {}) =>
      e.search({ ...ref, vectors: [query], limit: 5, iterator, ...extra }).then(() => undefined, (err: MilvusError) => ({ code: err.code, reason: err.reason }));
    const v2 = { iterator: 'True', v2: 'True', batchSize: '5' };
    expect(await fail({ v2: 'True', batchSize: '5' })).toEqual({ code: 65535, reason: 'parse iterator v2 info failed: both iterator and search_iter_v2 must be set in the SDK' });
    expect(await fail(v2, { offset: 2 })).toEqual({
      code: 1100,
      reason: 'parse iterator v2 info failed: Setting an offset is not permitted when using a search iterator v2: invalid parameter[expected=][actual=]',
    });
    expect(await fail({ ...v2, token: 'not-a-uuid' })).toEqual({ code: 65535, reason: 'parse iterator v2 info failed: invalid token format' });
    expect(await fail({ iterator: 'True', v2: 'True' })).toEqual({ code: 65535, reason: 'parse iterator v2 info failed: batch size is required' });
    expect(await fail({ ...v2, batchSize: 'x' })).toEqual({ code: 65535, reason: 'parse iterator v2 info failed: batch size is invalid, strconv.ParseInt: parsing "x": invalid syntax' });
    expect(await fail({ ...v2, batchSize: '16385' })).toEqual({ code: 65535, reason: 'parse iterator v2 info failed: batch size is invalid, it should be in range [1, 16384], but got 16385' });
    const coll = e.describeCollection(ref);
    expect(await fail({ ...v2, collectionId: '777' })).toEqual({
      code: 1100,
      reason: `collection id:777 in the request is not consistent to that in the search context,alias or database may have been changed: ${coll.id}: invalid parameter`,
    });
    expect(await e.search({ ...ref, vectors: [query], limit: 5, iterator: { ...v2, collectionId: String(coll.id) } })).toMatchObject({ iteratorV2: { token: expect.any(String) } });
    expect(await fail({ ...v2, lastBound: 'near' })).toEqual({ code: 65535, reason: 'parse iterator v2 info failed: failed to parse input last bound, strconv.ParseFloat: parsing "near": invalid syntax' });
  });
});
