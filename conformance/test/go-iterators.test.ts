import { describe, expect, it } from 'vitest';
import { buildGoCommand, runGoCommand } from '../src/runners/go.js';
import { BATCHES, COLLECTION, expectAllKeysInOrder, expectAllRowsNearestFirst, expectNearestLimit, N, outcomesOf, QUERY, SORTED_KEYS, useIteratorCollection, type IteratorOutcome } from './iterator-fixture.js';

/**
 * The official Go SDK's iterators (github.com/milvus-io/milvus/client/v2 v2.6.2, pinned in
 * conformance/go/go.mod) against the embedded reference server: `QueryIterator` (pages of
 * `id > <last>` with the batch size as the query's limit) and `SearchIterator` (search iterator v2:
 * token and last bound), through conformance/go/iterators, which prints what the SDK returned, over
 * the collection of iterator-fixture.ts. The first run on a clean clone downloads and compiles the
 * SDK (minutes); without Go or the download this fails, never skips.
 */
interface Case {
  iterator: 'query' | 'search';
  batch: number;
  limit?: number;
  filter?: string;
}

let binary: string;
const server = useIteratorCollection(async () => {
  binary = await buildGoCommand('iterators');
});

/** Runs the cases with the Go SDK; one outcome per case, in order. */
async function iterate(cases: readonly Case[]): Promise<IteratorOutcome[]> {
  const input = JSON.stringify(cases.map((c) => ({ collection: COLLECTION, ...c, ...(c.iterator === 'search' ? { vector: QUERY } : {}) })));
  const r = await runGoCommand(binary, { address: server().address }, { input, timeout: 60_000 });
  expect(r.code, `the Go program failed: ${r.stderr.trim().split('\n').slice(-5).join('\n')}`).toBe(0);
  return outcomesOf(r.stdout, cases);
}

describe('Go SDK QueryIterator', () => {
  it('returns every row exactly once in key order, pages at most the batch size (1, 7, N, N+50)', async () => {
    const outcomes = await iterate(BATCHES.map((batch) => ({ iterator: 'query', batch })));
    for (const [i, o] of outcomes.entries()) {
      expectAllKeysInOrder(o, BATCHES[i]!);
      expect(o.pages).toHaveLength(Math.ceil(N / BATCHES[i]!));
    }
  });

  it('keeps the filter and stops at the iterator limit', async () => {
    const [limited, unlimited] = await iterate([
      { iterator: 'query', batch: 7, limit: 40, filter: 'id > 300' },
      { iterator: 'query', batch: 64, limit: -1, filter: 'id < 100' },
    ]);
    expect(limited!.ids).toEqual(SORTED_KEYS.filter((k) => k > 300).slice(0, 40));
    expect(limited!.pages).toEqual([7, 7, 7, 7, 7, 5]);
    expect(unlimited!.ids).toEqual(SORTED_KEYS.filter((k) => k < 100));
  });
});

describe('Go SDK SearchIterator (search iterator v2)', () => {
  it('returns every row exactly once, nearest first, pages at most the batch size (1, 7, N, N+50)', async () => {
    const outcomes = await iterate(BATCHES.map((batch) => ({ iterator: 'search', batch })));
    for (const [i, o] of outcomes.entries()) expectAllRowsNearestFirst(o, BATCHES[i]!);
  });

  it('stops at the iterator limit with the nearest rows', async () => {
    const [o] = await iterate([{ iterator: 'search', batch: 7, limit: 75 }]);
    expect(o!.pages).toEqual([...Array(10).fill(7), 5]);
    expectNearestLimit(o!, 75);
  });
});
