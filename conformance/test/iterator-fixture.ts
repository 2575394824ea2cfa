import { DataType, MilvusClient } from '@mvkit/client';
import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, expect } from 'vitest';

/**
 * The collection the SDK iterator tests (go-iterators, java-iterators) page through, on an embedded
 * reference server: 500 rows with shuffled keys 1, 4, 7, … and an 8-dim vector `v` (HNSW, L2),
 * over sealed segments of 120 rows and a growing one; every tenth row has the query's own vector
 * (50 tied scores at distance 0). Each SDK program reads cases and prints what its iterators
 * returned ({@link IteratorOutcome}); the checks are here.
 */
export const COLLECTION = 'sdk_iterators';
export const N = 500;
const DIM = 8;
/** The search iterators' query vector (float32 values). */
export const QUERY = Array.from({ length: DIM }, (_, j) => Math.fround(0.25 - j / 16));
// Insertion order shuffled: 211 is prime to N.
const rows = Array.from({ length: N }, (_, i) => ({
  id: ((i * 211) % N) * 3 + 1,
  v: i % 10 === 4 ? QUERY : Array.from({ length: DIM }, (_, j) => Math.fround(Math.sin((i + 1) * (j + 1) * 1.37))),
}));
/** Every key, ascending. */
export const SORTED_KEYS = rows.map((r) => r.id).sort((a, b) => a - b);
/** Squared L2 distance of each key's row to the query, as Milvus's L2 reports it (no square root). */
export const DISTANCE = new Map(rows.map((r) => [r.id, r.v.reduce((s, x, j) => s + (x - QUERY[j]!) ** 2, 0)]));
/** Every distance, ascending. */
export const BY_DISTANCE = [...DISTANCE.values()].sort((a, b) => a - b);
/** The batch sizes every iterator is run with. */
export const BATCHES = [1, 7, N, N + 50];

/** What an SDK's iterator returned for one case: page sizes, keys in order, scores of a search. */
export interface IteratorOutcome {
  pages: number[];
  ids: number[];
  scores?: number[];
  error?: string;
}

/**
 * Starts the server and fills the collection (through @mvkit/client over gRPC) before the file's
 * tests, then runs `prepare` (e.g. building the SDK program); closes the server after them.
 *
 * @returns the running server (valid inside the tests).
 */
export function useIteratorCollection(prepare: () => Promise<void>): () => RunningServer {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer({ port: 0, segmentMaxRows: 120 });
    const client = new MilvusClient({ address: server.address });
    try {
      await client.createCollection({
        collection_name: COLLECTION,
        fields: [
          { name: 'id', data_type: DataType.Int64, is_primary_key: true },
          { name: 'v', data_type: DataType.FloatVector, dim: DIM },
        ],
      });
      await client.createIndex({ collection_name: COLLECTION, field_name: 'v', index_type: 'HNSW', metric_type: 'L2', params: { M: 16, efConstruction: 128 } });
      await client.loadCollectionSync({ collection_name: COLLECTION });
      await client.insert({ collection_name: COLLECTION, data: rows.slice(0, 450) });
      await client.flush({ collection_names: [COLLECTION] });
      await client.insert({ collection_name: COLLECTION, data: rows.slice(450) });
    } finally {
      await client.close();
    }
    await prepare();
  }, 900_000);
  afterAll(async () => {
    await server?.close();
  });
  return () => server!;
}

/** Parses a program's JSON lines: one outcome per case, none with an error. */
export function outcomesOf(stdout: string, cases: readonly unknown[]): IteratorOutcome[] {
  const outcomes = stdout.trim().split('\n').map((l) => JSON.parse(l) as IteratorOutcome);
  expect(outcomes).toHaveLength(cases.length);
  for (const [i, o] of outcomes.entries()) expect(o.error, `${JSON.stringify(cases[i])}: ${o.error}`).toBeUndefined();
  return outcomes;
}

/** A query iterator's run over the whole collection: every key once, ascending, pages of at most `batch`. */
export function expectAllKeysInOrder(o: IteratorOutcome, batch: number): void {
  expect(o.ids, `batch ${batch}`).toEqual(SORTED_KEYS);
  expect(o.pages.every((p) => p > 0 && p <= batch), `batch ${batch}: pages ${o.pages.join(',')}`).toBe(true);
}

/** Every returned score is the row's distance, and the scores never decrease. */
export function expectNearestFirst(o: IteratorOutcome, label: string): void {
  expect(o.scores, label).toHaveLength(o.ids.length);
  for (const [i, id] of o.ids.entries()) expect(o.scores![i], `${label}: id ${id}`).toBeCloseTo(DISTANCE.get(id)!, 4);
  for (let i = 1; i < o.scores!.length; i++) expect(o.scores![i]!, `${label}: score ${i}`).toBeGreaterThanOrEqual(o.scores![i - 1]!);
}

/** A search iterator's run over the whole collection: every row once, nearest first (the 50 ties first), pages of at most `batch`. */
export function expectAllRowsNearestFirst(o: IteratorOutcome, batch: number): void {
  expect([...o.ids].sort((a, b) => a - b), `batch ${batch}`).toEqual(SORTED_KEYS);
  expect(o.pages.every((p) => p > 0 && p <= batch), `batch ${batch}: pages ${o.pages.join(',')}`).toBe(true);
  expectNearestFirst(o, `batch ${batch}`);
  expect(o.scores!.slice(0, 50).every((s) => s === 0)).toBe(true);
}

/** A search iterator stopped at `limit`: the nearest `limit` rows, each once. */
export function expectNearestLimit(o: IteratorOutcome, limit: number): void {
  expect(o.ids).toHaveLength(limit);
  expect(new Set(o.ids).size).toBe(limit);
  expectNearestFirst(o, `limit ${limit}`);
  expect(o.scores).toEqual(BY_DISTANCE.slice(0, limit).map((d) => expect.closeTo(d, 4)));
}
