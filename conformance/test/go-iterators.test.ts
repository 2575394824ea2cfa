import { DataType, MilvusClient } from '@mvkit/client';
import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGoCommand, runGoCommand } from '../src/runners/go.js';

/**
 * The official Go SDK's iterators (github.com/milvus-io/milvus/client/v2 v2.6.2, pinned in
 * conformance/go/go.mod) against the embedded reference server: `QueryIterator` (pages of
 * `id > <last>` with the batch size as the query's limit) and `SearchIterator` (search iterator v2:
 * token and last bound) through conformance/go/iterators, which prints what the SDK returned. 500
 * rows with shuffled keys over sealed segments of 120 rows and a growing one; every tenth row has
 * the query's own vector (50 tied scores at distance 0). The first run on a clean clone downloads
 * and compiles the SDK (minutes); without Go or the download this fails, never skips.
 */
const collection = 'go_iterators';
const N = 500;
const DIM = 8;
const query = Array.from({ length: DIM }, (_, j) => Math.fround(0.25 - j / 16));
// Keys 1, 4, 7, … inserted in a shuffled order (211 is prime to N).
const rows = Array.from({ length: N }, (_, i) => ({
  id: ((i * 211) % N) * 3 + 1,
  v: i % 10 === 4 ? query : Array.from({ length: DIM }, (_, j) => Math.fround(Math.sin((i + 1) * (j + 1) * 1.37))),
}));
const sortedKeys = rows.map((r) => r.id).sort((a, b) => a - b);
/** Squared L2 distance to the query, as Milvus's L2 reports it (no square root). */
const distance = new Map(rows.map((r) => [r.id, r.v.reduce((s, x, j) => s + (x - query[j]!) ** 2, 0)]));
const byDistance = [...distance.values()].sort((a, b) => a - b);

interface Case {
  iterator: 'query' | 'search';
  batch: number;
  limit?: number;
  filter?: string;
}
interface Outcome {
  pages: number[];
  ids: number[];
  scores?: number[];
  error?: string;
}

let server: RunningServer;
let binary: string;
beforeAll(async () => {
  server = await startServer({ port: 0, segmentMaxRows: 120 });
  const client = new MilvusClient({ address: server.address });
  try {
    await client.createCollection({
      collection_name: collection,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'v', data_type: DataType.FloatVector, dim: DIM },
      ],
    });
    await client.createIndex({ collection_name: collection, field_name: 'v', index_type: 'HNSW', metric_type: 'L2', params: { M: 16, efConstruction: 128 } });
    await client.loadCollectionSync({ collection_name: collection });
    await client.insert({ collection_name: collection, data: rows.slice(0, 450) });
    await client.flush({ collection_names: [collection] });
    await client.insert({ collection_name: collection, data: rows.slice(450) });
  } finally {
    await client.close();
  }
  binary = await buildGoCommand('iterators');
}, 900_000);
afterAll(async () => {
  await server?.close();
});

/** Runs the cases with the Go SDK; one outcome per case, in order. */
async function iterate(cases: readonly Case[]): Promise<Outcome[]> {
  const input = JSON.stringify(cases.map((c) => ({ collection, ...c, ...(c.iterator === 'search' ? { vector: query } : {}) })));
  const r = await runGoCommand(binary, { address: server.address }, { input, timeout: 60_000 });
  expect(r.code, `the Go program failed: ${r.stderr.trim().split('\n').slice(-5).join('\n')}`).toBe(0);
  const outcomes = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Outcome);
  expect(outcomes).toHaveLength(cases.length);
  for (const [i, o] of outcomes.entries()) expect(o.error, `${JSON.stringify(cases[i])}: ${o.error}`).toBeUndefined();
  return outcomes;
}

const BATCHES = [1, 7, N, N + 50];

describe('Go SDK QueryIterator', () => {
  it('returns every row exactly once in key order, pages at most the batch size (1, 7, N, N+50)', async () => {
    const outcomes = await iterate(BATCHES.map((batch) => ({ iterator: 'query', batch })));
    for (const [i, o] of outcomes.entries()) {
      const batch = BATCHES[i]!;
      expect(o.ids, `batch ${batch}`).toEqual(sortedKeys);
      expect(o.pages.every((p) => p > 0 && p <= batch), `batch ${batch}: pages ${o.pages.join(',')}`).toBe(true);
      expect(o.pages).toHaveLength(Math.ceil(N / batch));
    }
  });

  it('keeps the filter and stops at the iterator limit', async () => {
    const [limited, unlimited] = await iterate([
      { iterator: 'query', batch: 7, limit: 40, filter: 'id > 300' },
      { iterator: 'query', batch: 64, limit: -1, filter: 'id < 100' },
    ]);
    expect(limited!.ids).toEqual(sortedKeys.filter((k) => k > 300).slice(0, 40));
    expect(limited!.pages).toEqual([7, 7, 7, 7, 7, 5]);
    expect(unlimited!.ids).toEqual(sortedKeys.filter((k) => k < 100));
  });
});

describe('Go SDK SearchIterator (search iterator v2)', () => {
  /** Every returned score is the row's distance, and the scores never decrease. */
  function expectNearestFirst(o: Outcome, label: string) {
    expect(o.scores, label).toHaveLength(o.ids.length);
    for (const [i, id] of o.ids.entries()) expect(o.scores![i], `${label}: id ${id}`).toBeCloseTo(distance.get(id)!, 4);
    for (let i = 1; i < o.scores!.length; i++) expect(o.scores![i]!, `${label}: score ${i}`).toBeGreaterThanOrEqual(o.scores![i - 1]!);
  }

  it('returns every row exactly once, nearest first, pages at most the batch size (1, 7, N, N+50)', async () => {
    const outcomes = await iterate(BATCHES.map((batch) => ({ iterator: 'search', batch })));
    for (const [i, o] of outcomes.entries()) {
      const batch = BATCHES[i]!;
      expect([...o.ids].sort((a, b) => a - b), `batch ${batch}`).toEqual(sortedKeys);
      expect(o.pages.every((p) => p > 0 && p <= batch), `batch ${batch}: pages ${o.pages.join(',')}`).toBe(true);
      expectNearestFirst(o, `batch ${batch}`);
      // The 50 rows with the query's vector come first.
      expect(o.scores!.slice(0, 50).every((s) => s === 0)).toBe(true);
    }
  });

  it('stops at the iterator limit with the nearest rows', async () => {
    const [o] = await iterate([{ iterator: 'search', batch: 7, limit: 75 }]);
    expect(o!.ids).toHaveLength(75);
    expect(new Set(o!.ids).size).toBe(75);
    expect(o!.pages).toEqual([...Array(10).fill(7), 5]);
    expectNearestFirst(o!, 'limit 75');
    expect(o!.scores).toEqual(byDistance.slice(0, 75).map((d) => expect.closeTo(d, 4)));
  });
});
