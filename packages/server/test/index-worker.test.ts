import { describe, expect, it } from 'vitest';
// The built package: a worker thread can only run built JavaScript (`pnpm test` builds first).
import { Engine, INDEX_WORKER_AVAILABLE, IndexWorker } from '../dist/index.js';
import { seededRandom } from './random.js';

/** HNSW graphs built in the index worker are the graphs built in place: the same searches, hit for hit. */
describe('index worker (built package)', () => {
  it('is on when the package runs as built JavaScript', () => {
    expect(INDEX_WORKER_AVAILABLE).toBe(true);
  });

  it('builds sealed segments in its thread, and they answer as those built in place', async () => {
    const worker = new IndexWorker();
    try {
      const random = seededRandom(7);
      const rows = Array.from({ length: 1500 }, (_, i) => ({ id: BigInt(i), vector: Array.from({ length: 16 }, () => random()) }));
      const away = new Engine({ segmentMaxRows: 600, buildHnsw: worker.build });
      const here = new Engine({ segmentMaxRows: 600 });
      for (const engine of [away, here]) {
        engine.createCollectionQuick({ collection_name: 'c', dimension: 16, metric_type: 'L2' });
        await engine.insert({ collectionName: 'c', rows });
      }
      expect(away.indexBuilder.pending).toBeGreaterThan(0);
      await Promise.all([away.indexBuilder.drain(), here.indexBuilder.drain()]);
      expect(away.indexBuilder.pending).toBe(0);
      expect(worker.running).toBe(true); // the builds went to the thread (it runs until closed)
      const coll = away.collectionOf({ collectionName: 'c' });
      expect(coll.data.indexProgress('vector')).toEqual({ totalRows: 1500, indexedRows: 1200, pendingIndexRows: 300 });
      const queries = Array.from({ length: 20 }, () => Array.from({ length: 16 }, () => random()));
      const [a, b] = await Promise.all([away, here].map((e) => e.search({ collectionName: 'c', vectors: queries, limit: 10, ef: 32 })));
      expect(a).toEqual(b);
    } finally {
      await worker.close();
    }
    expect(worker.running).toBe(false);
  });

  it('fails a build when it is closed, and the engine then builds in place', async () => {
    const worker = new IndexWorker();
    const engine = new Engine({ segmentMaxRows: 2000, buildHnsw: worker.build });
    engine.createCollectionQuick({ collection_name: 'c', dimension: 32 });
    await engine.insert({ collectionName: 'c', rows: Array.from({ length: 2000 }, (_, i) => ({ id: BigInt(i), vector: Array.from({ length: 32 }, (_, d) => Math.sin(i + d)) })) });
    // Let the vectors be packed and sent, then stop the worker under the build (2,000 rows at
    // efConstruction 240 take it far longer than this).
    while (!worker.running) await new Promise((resolve) => setImmediate(resolve));
    await worker.close();
    expect(engine.collectionOf({ collectionName: 'c' }).data.indexProgress('vector').indexedRows).toBe(0);
    await engine.indexBuilder.drain();
    expect(engine.collectionOf({ collectionName: 'c' }).data.indexProgress('vector').indexedRows).toBe(2000);
  });
});
