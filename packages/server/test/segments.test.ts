import { MilvusError, normalizeField } from '@mvkit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine, RETAINED_COMPACTIONS, type Row } from '../src/index.js';
import { seededRandom as rng } from './random.js';

const DIM = 4;
const ref = { collectionName: 'books' };

function rows(from: number, count: number, random: () => number): Row[] {
  return Array.from({ length: count }, (_, i) => ({ id: from + i, year: (from + i) % 7, vector: Array.from({ length: DIM }, () => random() * 2 - 1) }));
}

function setup(engine: Engine, indexType = 'FLAT'): void {
  engine.createCollection({
    ...ref,
    fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true },
      { name: 'year', data_type: 'Int32' },
      { name: 'vector', data_type: 'FloatVector', dim: DIM },
    ].map(normalizeField),
  });
  engine.createIndex({ ...ref, fieldName: 'vector', params: [{ key: 'index_type', value: indexType }, { key: 'metric_type', value: 'L2' }] });
  engine.createPartition({ ...ref, partitionName: 'A' });
}

function expectMilvusError(fn: () => unknown, code: number, reason: string | RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(MilvusError.is(e)).toBe(true);
    expect((e as MilvusError).code).toBe(code);
    if (typeof reason === 'string') expect((e as MilvusError).reason).toBe(reason);
    else expect((e as MilvusError).reason).toMatch(reason);
    return;
  }
  throw new Error('expected a MilvusError');
}

const rowCount = (engine: Engine) => engine.getCollectionStatistics(ref).rowCount;
const persistent = (engine: Engine) => engine.getPersistentSegmentInfo(ref);

describe('segments and maintenance', () => {
  let engine: Engine;
  const random = rng(7);
  beforeEach(() => {
    engine = new Engine({ segmentMaxRows: 100 });
    setup(engine);
  });
  afterEach(() => engine.close());

  it('merges sealed segments, drops deleted rows and keeps reads identical', async () => {
    // 250 rows in _default: sealed segments of 100 and 100, a growing one of 50; 30 rows in A.
    await engine.insert({ ...ref, rows: rows(0, 250, random) });
    await engine.insert({ ...ref, partitionName: 'A', rows: rows(1000, 30, random) });
    engine.flush(undefined, ['books']);
    await engine.indexBuilder.drain();
    const before = persistent(engine);
    expect(before.map((s) => s.numRows).sort((a, b) => a - b)).toEqual([30, 50, 100, 100]);
    expect(before.every((s) => s.state === 'Flushed' && s.level === 'L1')).toBe(true);

    await engine.delete({ ...ref, filter: 'id in [0, 1, 2, 120, 240, 1000]' });
    expect(rowCount(engine)).toBe(280);
    engine.loadCollection(ref);
    const query = [0.1, -0.2, 0.3, 0.05];
    const searchBefore = await engine.search({ ...ref, vectors: [query], limit: 20 });
    const queryBefore = await engine.query({ ...ref, filter: 'year == 3', outputFields: ['id'] });

    const t = engine.manualCompaction({ collectionId: engine.describeCollection(ref).id });
    // _default: each 100-row segment fills a plan alone, the 50-row one is a plan of its own; A: [30].
    expect(t.planCount).toBe(4);
    expect(t.compactionId).toBeGreaterThan(0n);
    const executing = engine.getCompactionState(t.compactionId);
    expect(executing).toMatchObject({ state: 'Executing', executing: 4, completed: 0, failed: 0, timeout: 0 });
    // Reads during the compaction see the same rows.
    expect((await engine.query({ ...ref, filter: 'year == 3', outputFields: ['id'] })).rows).toEqual(queryBefore.rows);

    engine.compactions.drain();
    const done = engine.getCompactionState(t.compactionId);
    expect(done).toMatchObject({ state: 'Completed', executing: 0, completed: 4, failed: 0 });
    const sourceIds = before.map((s) => s.segmentId).sort();
    expect(done.mergeInfos.flatMap((m) => m.sources).sort()).toEqual(sourceIds);

    const after = persistent(engine);
    expect(after.map((s) => s.segmentId).sort()).toEqual(done.mergeInfos.map((m) => m.target).sort());
    expect(after.map((s) => s.numRows).sort((a, b) => a - b)).toEqual([29, 49, 97, 99]);
    // num_entities counts rows as stored: the deleted ones are gone now.
    expect(rowCount(engine)).toBe(274);
    expect(engine.getPartitionStatistics({ ...ref, partitionName: 'A' }).rowCount).toBe(29);

    const searchAfter = await engine.search({ ...ref, vectors: [query], limit: 20 });
    expect(searchAfter.hits[0]!.map((h) => [h.pk, h.score])).toEqual(searchBefore.hits[0]!.map((h) => [h.pk, h.score]));
    expect((await engine.query({ ...ref, filter: 'year == 3', outputFields: ['id'] })).rows).toEqual(queryBefore.rows);
    expect((await engine.query({ ...ref, filter: 'id in [0, 120, 1000]', outputFields: ['id'] })).rows).toEqual([]);
    // Deletes and upserts keep working on the moved rows.
    await engine.delete({ ...ref, filter: 'id in [3]' });
    expect((await engine.query({ ...ref, filter: 'id in [3, 4]', outputFields: ['id'] })).rows).toEqual([{ id: 4n }]);
    await engine.indexBuilder.drain();
    expect(engine.indexProgress(ref, 'vector')).toEqual({ totalRows: 274, indexedRows: 274, pendingIndexRows: 0 });
  });

  it('keeps the last 1,024 finished compactions and forgets older ones', async () => {
    await engine.insert({ ...ref, rows: rows(0, 3, random) });
    engine.flush(undefined, ['books']);
    const ids: bigint[] = [];
    for (let n = 0; n <= RETAINED_COMPACTIONS; n++) {
      await engine.indexBuilder.drain();
      const { compactionId } = engine.manualCompaction({ ...ref, collectionId: 0n });
      engine.compactions.drain();
      ids.push(compactionId);
    }
    expect(engine.getCompactionState(ids[0]!).completed).toBe(1);
    await engine.indexBuilder.drain();
    engine.manualCompaction({ ...ref, collectionId: 0n });
    engine.compactions.drain();
    // The first is forgotten (answered as an unknown ID), the others are kept.
    expect(engine.getCompactionState(ids[0]!)).toMatchObject({ state: 'Completed', completed: 0, mergeInfos: [] });
    expect(engine.getCompactionState(ids[1]!).completed).toBe(1);
  });

  it('packs small segments together up to the segment size', async () => {
    for (let i = 0; i < 5; i++) {
      await engine.insert({ ...ref, rows: rows(i * 20, 20, random) });
      engine.flush(undefined, ['books']);
    }
    await engine.indexBuilder.drain();
    expect(persistent(engine)).toHaveLength(5);
    const t = engine.manualCompaction({ collectionId: engine.describeCollection(ref).id });
    // 20 + 20 + 20 + 20 fill 80 of 100; the fifth (20) no longer fits below the 20 left.
    expect(t.planCount).toBe(2);
    engine.compactions.drain();
    expect(persistent(engine).map((s) => s.numRows).sort((a, b) => a - b)).toEqual([20, 80]);
    expect(engine.getCompactionState(t.compactionId).mergeInfos.map((m) => m.sources.length).sort()).toEqual([1, 4]);
  });

  it('compacts only flushed, indexed segments that no other compaction holds', async () => {
    await engine.insert({ ...ref, rows: rows(0, 50, random) });
    const id = engine.describeCollection(ref).id;
    // Growing rows only: nothing to compact.
    expect(engine.manualCompaction({ collectionId: id })).toEqual({ compactionId: -1n, planCount: 0 });
    engine.flush(undefined, ['books']);
    // Sealed but its index is not built yet.
    expect(engine.manualCompaction({ collectionId: id })).toEqual({ compactionId: -1n, planCount: 0 });
    await engine.indexBuilder.drain();
    const first = engine.manualCompaction({ collectionId: id });
    expect(first.planCount).toBe(1);
    expect(engine.manualCompaction({ collectionId: id })).toEqual({ compactionId: -1n, planCount: 0 });
    engine.compactions.drain();
    // L0 and clustering compactions find nothing; an unknown collection ID neither.
    expect(engine.manualCompaction({ collectionId: id, l0Compaction: true })).toEqual({ compactionId: -1n, planCount: 0 });
    expect(engine.manualCompaction({ collectionId: id, majorCompaction: true })).toEqual({ compactionId: -1n, planCount: 0 });
    expect(engine.manualCompaction({ collectionId: 12345n })).toEqual({ compactionId: -1n, planCount: 0 });
    expectMilvusError(() => engine.manualCompaction({ collectionName: 'nope', collectionId: 0n }), 100, 'collection not found[database=default][collection=nope]');
    expect(engine.getCompactionState(987654321n)).toEqual({ state: 'Completed', executing: 0, completed: 0, failed: 0, timeout: 0, mergeInfos: [] });
  });

  it('fails plans whose segments were dropped before they ran', async () => {
    await engine.insert({ ...ref, partitionName: 'A', rows: rows(0, 30, random) });
    engine.flush(undefined, ['books']);
    await engine.indexBuilder.drain();
    const t = engine.manualCompaction({ collectionId: engine.describeCollection(ref).id });
    engine.dropPartition({ ...ref, partitionName: 'A' });
    engine.compactions.drain();
    expect(engine.getCompactionState(t.compactionId)).toMatchObject({ state: 'Completed', completed: 0, failed: 1 });
  });

  it('drops a segment whose rows were all deleted', async () => {
    await engine.insert({ ...ref, rows: rows(0, 10, random) });
    engine.flush(undefined, ['books']);
    await engine.indexBuilder.drain();
    engine.loadCollection(ref);
    await engine.delete({ ...ref, filter: 'id >= 0 and id < 10' });
    const t = engine.manualCompaction({ collectionId: engine.describeCollection(ref).id });
    engine.compactions.drain();
    expect(engine.getCompactionState(t.compactionId).mergeInfos).toHaveLength(1);
    expect(persistent(engine)).toEqual([]);
    expect(engine.getQuerySegmentInfo(ref)).toEqual([]);
    expect(rowCount(engine)).toBe(0);
  });

  it('reports loaded segments with their index, and none before load', async () => {
    await engine.insert({ ...ref, rows: rows(0, 150, random) });
    await engine.indexBuilder.drain();
    expect(engine.getQuerySegmentInfo(ref)).toEqual([]);
    engine.loadCollection(ref);
    const infos = engine.getQuerySegmentInfo(ref);
    // The growing segment (50 rows) is not listed.
    expect(infos).toHaveLength(1);
    const index = engine.describeIndex(ref)[0]!;
    const coll = engine.describeCollection(ref);
    expect(infos[0]).toMatchObject({ collectionId: coll.id, partitionId: coll.partitions.get('_default')!.id, numRows: 100, state: 'Sealed', level: 'L1', indexName: 'vector', indexId: index.indexID, nodeIds: [1n] });
    // 100 rows of 4 float32 (16 bytes) and two numbers (8 bytes each).
    expect(infos[0]!.memSize).toBe(100 * (16 + 8 + 8));
    expect(persistent(engine).map((s) => s.numRows)).toEqual([100]);
    expectMilvusError(() => engine.getQuerySegmentInfo({ collectionName: 'nope' }), 100, 'collection not found[database=default][collection=nope]');
    expectMilvusError(() => engine.getPersistentSegmentInfo({ collectionName: '1bad' }), 100, 'collection not found[database=default][collection=1bad]');
    expectMilvusError(() => engine.getPersistentSegmentInfo({ dbName: 'other', collectionName: 'books' }), 800, 'database not found[database=other]');
  });

  it('answers flush states from the segments and the flush timestamps', async () => {
    await engine.insert({ ...ref, rows: rows(0, 120, random) });
    const growing = engine.getQuerySegmentInfo(ref);
    expect(growing).toEqual([]);
    const [sealed] = persistent(engine);
    const growingId = engine.describeCollection(ref).data.segmentsOf(engine.describeCollection(ref).partitions.get('_default')!.id).at(-1)!.id;
    const now = engine.allocTimestamp();
    expect(engine.getFlushState({ segmentIds: [sealed!.segmentId], flushTs: 0n })).toBe(true);
    expect(engine.getFlushState({ segmentIds: [growingId], flushTs: 0n })).toBe(false);
    // A compacted or unknown segment counts as flushed.
    expect(engine.getFlushState({ segmentIds: [42n], flushTs: 0n })).toBe(true);
    expect(engine.getFlushState({ collectionName: 'books', segmentIds: [], flushTs: now })).toBe(true);
    expect(engine.getFlushState({ collectionName: 'books', segmentIds: [], flushTs: now + (60_000n << 18n) })).toBe(false);
    expectMilvusError(() => engine.getFlushState({ collectionName: '1bad', segmentIds: [], flushTs: 0n }), 1100, /^Invalid collection name: 1bad\. the first character of a collection name must be an underscore or letter/);
  });

  it('flushes every collection of one database or of all (FlushAll)', async () => {
    engine.createDatabase('other');
    engine.createCollection({ dbName: 'other', collectionName: 'c', fields: [{ name: 'id', data_type: 'Int64', is_primary_key: true }, { name: 'v', data_type: 'FloatVector', dim: 2 }].map(normalizeField) });
    await engine.insert({ ...ref, rows: rows(0, 10, random) });
    await engine.insert({ dbName: 'other', collectionName: 'c', rows: [{ id: 1, v: [0, 1] }] });
    const ts = engine.flushAll('other');
    expect(persistent(engine)).toEqual([]);
    expect(engine.getPersistentSegmentInfo({ dbName: 'other', collectionName: 'c' }).map((s) => s.numRows)).toEqual([1]);
    expect(engine.getFlushAllState({ dbName: 'other', flushAllTs: ts })).toBe(true);
    expect(engine.getFlushAllState({ flushAllTs: ts + (60_000n << 18n) })).toBe(false);
    const all = engine.flushAll();
    expect(all).toBeGreaterThan(ts);
    expect(persistent(engine).map((s) => s.numRows)).toEqual([10]);
    expectMilvusError(() => engine.flushAll('missing'), 800, 'database not found[database=missing]');
    expectMilvusError(() => engine.getFlushAllState({ dbName: 'missing', flushAllTs: 0n }), 800, 'database not found[database=missing]');
  });
});
