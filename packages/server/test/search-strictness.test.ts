import { normalizeField } from '@mvkit/core';
import { describe, expect, it } from 'vitest';
import { Engine, MIN_ROWS_TO_USE_INDEX } from '../src/index.js';
import { rejected } from './refusal.js';
import { seededRandom } from './random.js';

const ref = { collectionName: 'strict' };
const DIM = 128;

function setup(engine: Engine, indexType: 'HNSW' | 'FLAT' = 'HNSW'): void {
  engine.createCollection({
    ...ref,
    enableDynamicField: false,
    fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true },
      { name: 'v', data_type: 'FloatVector', dim: DIM },
      { name: 'h', data_type: 'Float16Vector', dim: 8 },
    ].map(normalizeField),
  });
  for (const fieldName of ['v', 'h']) {
    engine.createIndex({ ...ref, fieldName, params: [{ key: 'index_type', value: indexType }, { key: 'metric_type', value: 'L2' }, { key: 'params', value: '{"M":8,"efConstruction":32}' }] });
  }
}

const rows = (n: number, random: () => number) =>
  Array.from({ length: n }, (_, i) => ({ id: i, v: Array.from({ length: DIM }, () => random()), h: Array.from({ length: 8 }, () => random()) }));

describe('search strictness as Milvus 2.5 (segcore parses query vectors only when it has a segment)', () => {
  it('answers a wrong-dimension search with empty results when nothing was inserted, code 2000 once there are segments', async () => {
    const engine = new Engine();
    setup(engine);
    engine.loadCollection(ref);
    const half = new Array(DIM / 2).fill(0.5);
    expect((await engine.search({ ...ref, annsField: 'v', vectors: [half, half], limit: 3 })).hits).toEqual([[], []]);
    expect((await engine.search({ ...ref, annsField: 'h', vectors: [[1, 2]], limit: 3 })).hits).toEqual([[]]);
    await engine.insert({ ...ref, rows: rows(5, seededRandom(1)) });
    expect(await rejected(() => engine.search({ ...ref, annsField: 'v', vectors: [half], limit: 3 }))).toEqual({ code: 2000, reason: 'vector dimension mismatch, expected vector size(byte) 512, actual 256.: segcore error' });
    // Float16: 2 bytes per element.
    expect(await rejected(() => engine.search({ ...ref, annsField: 'h', vectors: [[1, 2]], limit: 3 }))).toEqual({ code: 2000, reason: 'vector dimension mismatch, expected vector size(byte) 16, actual 4.: segcore error' });
    // Deleting every row leaves the segment: still refused.
    await engine.delete({ ...ref, filter: 'id >= 0' });
    expect((await rejected(() => engine.search({ ...ref, annsField: 'v', vectors: [half], limit: 3 }))).code).toBe(2000);
    // A right-sized vector still works.
    expect((await engine.search({ ...ref, annsField: 'v', vectors: [new Array(DIM).fill(0)], limit: 3 })).hits).toEqual([[]]);
  });

  it('accepts ef below k where Milvus searches by brute force (growing and small sealed segments), refuses it on an HNSW-indexed segment', async () => {
    const engine = new Engine({ segmentMaxRows: MIN_ROWS_TO_USE_INDEX });
    setup(engine);
    engine.loadCollection(ref);
    const random = seededRandom(2);
    const q = [Array.from({ length: DIM }, () => random())];
    const search = () => engine.search({ ...ref, annsField: 'v', vectors: q, limit: 20, ef: 10 });
    await engine.insert({ ...ref, rows: rows(300, random) });
    expect((await search()).hits[0]).toHaveLength(20);
    // Sealed and indexed, but below the index threshold: brute force, ef ignored.
    engine.flush(undefined, [ref.collectionName]);
    await engine.indexBuilder.drain();
    expect((await search()).hits[0]).toHaveLength(20);
    // A full segment is searched through its HNSW index, which needs ef >= k.
    await engine.insert({ ...ref, rows: rows(MIN_ROWS_TO_USE_INDEX, random).map((r) => ({ ...r, id: r.id + 1000 })) });
    await engine.indexBuilder.drain();
    expect(await rejected(search)).toEqual({ code: 1100, reason: 'ef(10) should be larger than k(20): invalid parameter' });
    expect((await engine.search({ ...ref, annsField: 'v', vectors: q, limit: 20, ef: 20 })).hits[0]).toHaveLength(20);
  });
});
