import { normalizeField } from '@mvkit/core';
import { HnswIndex } from '@mvkit/hnsw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Engine } from '../src/index.js';

const ref = { collectionName: 'books' };

describe('an index build that fails', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is dropped: the segment stays searched exactly and the engine keeps serving', async () => {
    const engine = new Engine({ segmentMaxRows: 50 });
    engine.createCollection({
      ...ref,
      fields: [
        { name: 'id', data_type: 'Int64', is_primary_key: true },
        { name: 'vector', data_type: 'FloatVector', dim: 4 },
      ].map(normalizeField),
    });
    engine.createIndex({ ...ref, fieldName: 'vector', params: [{ key: 'index_type', value: 'HNSW' }, { key: 'metric_type', value: 'L2' }, { key: 'params', value: '{"M":8,"efConstruction":32}' }] });
    // Every HNSW insertion fails, as when the index's memory cannot grow.
    const add = vi.spyOn(HnswIndex.prototype, 'add').mockImplementation(() => {
      throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
    });
    await engine.insert({ ...ref, rows: Array.from({ length: 120 }, (_, i) => ({ id: i, vector: [i, 0, 0, 1] })) });
    engine.flush(undefined, ['books']);
    engine.loadCollection(ref);
    await engine.indexBuilder.drain();
    expect(add).toHaveBeenCalled();
    expect(engine.indexBuilder.pending).toBe(0);
    expect(engine.indexProgress(ref, 'vector')).toMatchObject({ totalRows: 120, indexedRows: 0 });
    const { hits } = await engine.search({ ...ref, vectors: [[7, 0, 0, 1]], limit: 3 });
    expect(hits[0]!.map((h) => h.pk)).toEqual([7n, 6n, 8n]);
    engine.close();
  });
});
