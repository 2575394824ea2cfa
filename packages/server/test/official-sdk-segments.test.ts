import { DataType, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine, startServer, type RunningServer } from '../src/index.js';

/**
 * The official Node SDK's segment and maintenance calls against the reference server over gRPC:
 * compact, getCompactionState(WithPlans), getFlushState, flushAll(Sync), getFlushAllState,
 * getQuerySegmentInfo and getPersistentSegmentInfo, with real segments and row counts.
 */
let server: RunningServer;
let client: MilvusClient;
const collection_name = 'sdk_segments';

beforeAll(async () => {
  server = await startServer({ port: 0, engine: new Engine({ segmentMaxRows: 100 }) });
  client = new MilvusClient({ address: server.address, logLevel: 'error' });
  await client.connectPromise;
  await client.createCollection({
    collection_name,
    fields: [
      { name: 'id', data_type: DataType.Int64, is_primary_key: true },
      { name: 'vec', data_type: DataType.FloatVector, dim: 2 },
    ],
  });
  await client.createIndex({ collection_name, field_name: 'vec', index_type: 'FLAT', metric_type: 'L2' });
});
afterAll(async () => {
  await client.closeConnection();
  await server.close();
});

const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: from + i, vec: [from + i, 1] }));

describe('segments through the official Node SDK', () => {
  it('compacts: segments merge, deleted rows go, search answers the same', async () => {
    for (let b = 0; b < 3; b++) {
      await client.insert({ collection_name, data: rows(b * 20, 20) });
      await client.flushSync({ collection_names: [collection_name] });
    }
    await server.engine.indexBuilder.drain();
    await client.loadCollectionSync({ collection_name });
    await client.delete({ collection_name, filter: 'id in [0, 21, 59]' });
    const before = await client.getPersistentSegmentInfo({ collectionName: collection_name });
    expect(before.infos.map((i) => Number(i.num_rows))).toEqual([20, 20, 20]);
    expect(before.infos.every((i) => String(i.state) === 'Flushed' && String(i.level) === 'L1')).toBe(true);
    const loaded = await client.getQuerySegmentInfo({ collectionName: collection_name });
    expect(loaded.infos.map((i) => [Number(i.num_rows), i.index_name, String(i.state)])).toEqual([
      [20, 'vec', 'Sealed'],
      [20, 'vec', 'Sealed'],
      [20, 'vec', 'Sealed'],
    ]);
    const searchBefore = await client.search({ collection_name, data: [[10, 1]], limit: 10 });

    const compacted = await client.compact({ collection_name });
    expect(compacted.status.error_code).toBe('Success');
    expect(compacted.compactionPlanCount).toBe(1);
    let state = await client.getCompactionState({ compactionID: compacted.compactionID });
    for (let i = 0; i < 50 && String(state.state) !== 'Completed'; i++) {
      await new Promise((r) => setTimeout(r, 10));
      state = await client.getCompactionState({ compactionID: compacted.compactionID });
    }
    expect(state).toMatchObject({ state: 'Completed', executingPlanNo: '0', completedPlanNo: '1', failedPlanNo: '0', timeoutPlanNo: '0' });
    const plans = await client.getCompactionStateWithPlans({ compactionID: compacted.compactionID });
    expect(plans.mergeInfos).toHaveLength(1);
    expect([...plans.mergeInfos[0]!.sources].sort()).toEqual(before.infos.map((i) => String(i.segmentID)).sort());

    const after = await client.getPersistentSegmentInfo({ collectionName: collection_name });
    expect(after.infos.map((i) => [String(i.segmentID), Number(i.num_rows)])).toEqual([[plans.mergeInfos[0]!.target, 57]]);
    const stats = await client.getCollectionStatistics({ collection_name });
    expect(stats.data.row_count).toBe('57');
    const searchAfter = await client.search({ collection_name, data: [[10, 1]], limit: 10 });
    expect(searchAfter.results.map((r) => [r.id, r.score])).toEqual(searchBefore.results.map((r) => [r.id, r.score]));
  });

  it('reports flush states and flushes everything with flushAll', async () => {
    const m = await client.insert({ collection_name, data: rows(100, 5) });
    expect(m.status.error_code).toBe('Success');
    const growing = (await client.getQuerySegmentInfo({ collectionName: collection_name })).infos.length;
    const all = await client.flushAll();
    expect(all.status.error_code).toBe('Success');
    expect(BigInt(all.flush_all_ts)).toBeGreaterThan(0n);
    const state = await client.getFlushAllState({ flush_all_ts: all.flush_all_ts });
    expect(state.flushed).toBe(true);
    // The 5 rows were sealed into a new loaded segment.
    expect((await client.getQuerySegmentInfo({ collectionName: collection_name })).infos).toHaveLength(growing + 1);
    const flushed = await client.getFlushState({ segmentIDs: [1] });
    expect(flushed.flushed).toBe(true);
    const missing = await client.getPersistentSegmentInfo({ collectionName: 'nope' });
    expect(missing.status).toMatchObject({ code: 100, reason: 'collection not found[database=default][collection=nope]' });
    const badDb = await client.flushAll({ db_name: 'nodb' });
    expect(badDb.status).toMatchObject({ code: 800, reason: 'database not found[database=nodb]' });
  });
});
