import { MilvusError } from '@mvkit/core';
import { Engine, startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MilvusClient } from '../src/index.js';

/** The segment and maintenance methods of MilvusClient: over gRPC against the reference server, and refused over RESTful v2 (Milvus 2.5 has no endpoint). */
describe('segments and maintenance', () => {
  let server: RunningServer;
  let client: MilvusClient;
  const collection_name = 'shelf';

  beforeAll(async () => {
    server = await startServer({ port: 0, engine: new Engine({ segmentMaxRows: 100 }) });
    client = new MilvusClient({ address: server.address, transport: 'grpc' });
    await client.createCollection({ collection_name, fields: [{ name: 'id', data_type: 'Int64', is_primary_key: true }, { name: 'vector', data_type: 'FloatVector', dim: 2 }] });
    await client.createIndex({ collection_name, field_name: 'vector', index_type: 'FLAT', metric_type: 'L2' });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('compacts over gRPC and reports states, plans and segments', async () => {
    for (let b = 0; b < 2; b++) {
      await client.insert({ collection_name, data: Array.from({ length: 10 }, (_, i) => ({ id: b * 10 + i, vector: [i, b] })) });
      await client.flush({ collection_names: [collection_name] });
    }
    await server.engine.indexBuilder.drain();
    await client.delete({ collection_name, filter: 'id in [1, 2]' });
    const before = await client.getPersistentSegmentInfo({ collectionName: collection_name });
    expect(before.infos.map((i) => [i.num_rows, i.state, i.level])).toEqual([['10', 'Flushed', 'L1'], ['10', 'Flushed', 'L1']]);
    const c = await client.compact({ collection_name });
    expect(c.compactionPlanCount).toBe(1);
    server.engine.compactions.drain();
    expect(await client.getCompactionState({ compactionID: c.compactionID })).toMatchObject({ state: 'Completed', completedPlanNo: '1', executingPlanNo: '0' });
    const plans = await client.getCompactionStateWithPlans({ compactionID: c.compactionID });
    expect([...plans.mergeInfos[0]!.sources].sort()).toEqual(before.infos.map((i) => i.segmentID).sort());
    const after = await client.getPersistentSegmentInfo({ collectionName: collection_name });
    expect(after.infos.map((i) => [i.segmentID, i.num_rows])).toEqual([[plans.mergeInfos[0]!.target, '18']]);
    expect((await client.getQuerySegmentInfo({ collectionName: collection_name })).infos).toEqual([]);
    const all = await client.flushAll();
    expect((await client.getFlushAllState({ flush_all_ts: all.flush_all_ts })).flushed).toBe(true);
    expect((await client.getFlushState({ segmentIDs: [after.infos[0]!.segmentID] })).flushed).toBe(true);
    await expect(client.getPersistentSegmentInfo({ collectionName: 'nope' })).rejects.toMatchObject({ code: 100, reason: 'collection not found[database=default][collection=nope]' });
  });

  it('refuses them over RESTful v2 with code 10', async () => {
    const rest = new MilvusClient({ address: server.restUrl, transport: 'rest' });
    const err = await rest.compact({ collection_name }).catch((e: unknown) => e);
    expect(MilvusError.is(err)).toBe(true);
    expect(err).toMatchObject({ code: 10, reason: 'service unimplemented: ManualCompaction is not available over RESTful v2' });
    await expect(rest.getQuerySegmentInfo({ collectionName: collection_name })).rejects.toMatchObject({ code: 10 });
    await rest.close();
  });
});
