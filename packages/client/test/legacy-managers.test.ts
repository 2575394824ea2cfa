import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, rejection, TRANSPORTS } from './helpers.js';

/**
 * The Node SDK 1.x namespaces (`partitionManager`, `collectionManager`, `indexManager`,
 * `dataManager`) over both transports: 1.x requests run through them, answer as the flat methods
 * do, and fail as they do.
 */
describe.each(TRANSPORTS)('Node SDK 1.x namespaces over %s', (kind) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('runs the release_partition page with partitionManager, as the flat methods answer', async () => {
    const milvusClient = clientFor(kind, server);
    try {
      const book = { collection_name: 'book' };
      await milvusClient.collectionManager.createCollection({
        ...book,
        fields: [
          { name: 'book_id', data_type: 'Int64', is_primary_key: true },
          { name: 'book_intro', data_type: 'FloatVector', dim: 2 },
        ],
      });
      expect((await milvusClient.collectionManager.hasCollection(book)).value).toBe(true);
      await milvusClient.indexManager.createIndex({ ...book, field_name: 'book_intro', extra_params: { index_type: 'IVF_FLAT', metric_type: 'L2', params: JSON.stringify({ nlist: 8 }) } });
      expect((await milvusClient.indexManager.describeIndex(book)).index_descriptions.map((d) => d.field_name)).toEqual(['book_intro']);
      await milvusClient.partitionManager.createPartition({ ...book, partition_name: 'novel' });
      expect(await milvusClient.partitionManager.hasPartition({ ...book, partition_name: 'novel' })).toEqual(await milvusClient.hasPartition({ ...book, partition_name: 'novel' }));
      expect(await milvusClient.partitionManager.showPartitions(book)).toEqual(await milvusClient.showPartitions(book));
      await milvusClient.partitionManager.loadPartitions({ ...book, partition_names: ['novel'] });
      await milvusClient.loadPartitionsSync({ ...book, partition_names: ['novel'] });
      expect((await milvusClient.getLoadState({ ...book, partition_names: ['novel'] })).state).toBe('LoadStateLoaded');
      // The documented block, word for word.
      await milvusClient.partitionManager.releasePartitions({
        collection_name: 'book',
        partition_names: ['novel'],
      });
      expect((await milvusClient.getLoadState({ ...book, partition_names: ['novel'] })).state).toBe('LoadStateNotLoad');
      await milvusClient.partitionManager.dropPartition({ ...book, partition_name: 'novel' });
      expect((await milvusClient.listPartitions(book)).partition_names).toEqual(['_default']);
      // Failures are thrown with Milvus's code, as by the flat method.
      const missing = await rejection(milvusClient.partitionManager.releasePartitions({ collection_name: 'nope', partition_names: ['novel'] }));
      const flat = await rejection(milvusClient.releasePartitions({ collection_name: 'nope', partition_names: ['novel'] }));
      expect([missing.code, missing.reason]).toEqual([flat.code, flat.reason]);
      expect(missing.code).toBe(100);
      await milvusClient.collectionManager.dropCollection(book);
      expect((await milvusClient.collectionManager.showCollections()).collection_names).not.toContain('book');
    } finally {
      await milvusClient.close();
    }
  });

  it('inserts, searches with 1.x search_params, queries and deletes through dataManager', async () => {
    const milvusClient = clientFor(kind, server);
    try {
      const c = { collection_name: 'legacy_data' };
      await milvusClient.createCollection({ ...c, fields: [{ name: 'id', data_type: 'Int64', is_primary_key: true }, { name: 'age', data_type: 'Int64' }, { name: 'v', data_type: 'FloatVector', dim: 2 }] });
      await milvusClient.createIndex({ ...c, field_name: 'v', index_type: 'FLAT', metric_type: 'L2' });
      await milvusClient.collectionManager.loadCollectionSync(c);
      const inserted = await milvusClient.dataManager.insert({ ...c, fields_data: [0, 1, 2, 3].map((i) => ({ id: i, age: 10 * i, v: [i, i] })) });
      expect(inserted.insert_cnt).toBe('4');
      if (kind === 'grpc') expect((await milvusClient.dataManager.flush({ collection_names: [c.collection_name] })).coll_segIDs).toHaveProperty(c.collection_name);
      else expect((await rejection(milvusClient.dataManager.flush({ collection_names: [c.collection_name] }))).code).toBe(10);
      const search = { ...c, vectors: [[0, 0], [3, 3]], search_params: { anns_field: 'v', topk: '2', metric_type: 'L2', params: JSON.stringify({}) }, output_fields: ['age'], vector_type: 101 };
      const res = await milvusClient.dataManager.search(search);
      // Both query vectors' hits in one list, as 1.x returned them.
      expect(res.results.map((r) => ('id' in r ? r.id : undefined))).toEqual(['0', '1', '3', '2']);
      expect(res.results.map((r) => ('age' in r ? r.age : undefined))).toEqual(['0', '10', '30', '20']);
      const bad = await rejection(milvusClient.dataManager.search({ ...search, search_params: { ...search.search_params, params: 'nprobe=10' } }));
      expect([bad.code, bad.reason]).toEqual([1100, 'search_params.params must be a JSON object, got "nprobe=10": invalid parameter']);
      expect((await milvusClient.dataManager.query({ ...c, expr: 'age >= 20', output_fields: ['id'] })).data.map((r) => r.id).sort()).toEqual(['2', '3']);
      const deleted = await milvusClient.dataManager.deleteEntities({ ...c, expr: 'id in [0, 1]' });
      expect(Number(deleted.delete_cnt)).toBe(2);
      expect((await milvusClient.count({ ...c, filter: '' })).data).toBe(2);
    } finally {
      await milvusClient.close();
    }
  });
});
