import { describe, expect, it } from 'vitest';
import { javaToolchain, runJavaCommand } from '../src/runners/java.js';
import { BATCHES, COLLECTION, expectAllKeysInOrder, expectAllRowsNearestFirst, expectNearestLimit, outcomesOf, QUERY, SORTED_KEYS, useIteratorCollection, type IteratorOutcome } from './iterator-fixture.js';

/**
 * The official Java SDK's iterators (io.milvus:milvus-sdk-java 2.5.10, pinned in
 * conformance/java/pom.xml) against the embedded reference server: `MilvusClientV2.queryIterator`
 * (pages of `id > <last>`), `searchIterator` (v1: pages by range search) and `searchIteratorV2`
 * (token and last bound), through conformance/java/…/Iterators.java, which prints what the SDK
 * returned, over the collection of iterator-fixture.ts. The first run on a clean clone resolves
 * the SDK from Maven Central into conformance/.cache/m2; without a JDK, Maven or the download this
 * fails, never skips.
 */
interface Case {
  iterator: 'query' | 'search' | 'searchV2';
  batch: number;
  limit?: number;
  filter?: string;
}

const server = useIteratorCollection(async () => {
  await javaToolchain();
});

/** Runs the cases with the Java SDK in one JVM; one outcome per case, in order. */
async function iterate(cases: readonly Case[]): Promise<IteratorOutcome[]> {
  const input = JSON.stringify(cases.map((c) => ({ collection: COLLECTION, ...c, ...(c.iterator === 'query' ? {} : { vector: QUERY }) })));
  const r = await runJavaCommand('Iterators', { address: server().address }, { input, timeout: 120_000 });
  expect(r.code, `the Java program failed: ${r.stderr.trim().split('\n').slice(-8).join('\n')}`).toBe(0);
  return outcomesOf(r.stdout, cases);
}

describe('Java SDK queryIterator', () => {
  it('returns every row exactly once in key order (1, 7, N, N+50), keeps the filter and stops at the limit', async () => {
    const outcomes = await iterate([...BATCHES.map((batch): Case => ({ iterator: 'query', batch })), { iterator: 'query', batch: 7, limit: 40, filter: 'id > 300' }]);
    for (const [i, batch] of BATCHES.entries()) expectAllKeysInOrder(outcomes[i]!, batch);
    const limited = outcomes[BATCHES.length]!;
    expect(limited.ids).toEqual(SORTED_KEYS.filter((k) => k > 300).slice(0, 40));
    expect(limited.pages).toEqual([7, 7, 7, 7, 7, 5]);
  });
});

describe('Java SDK searchIteratorV2 (search iterator v2)', () => {
  it('returns every row exactly once, nearest first (1, 7, N, N+50), and stops at its topK', async () => {
    const outcomes = await iterate([...BATCHES.map((batch): Case => ({ iterator: 'searchV2', batch })), { iterator: 'searchV2', batch: 7, limit: 75 }]);
    for (const [i, batch] of BATCHES.entries()) expectAllRowsNearestFirst(outcomes[i]!, batch);
    expectNearestLimit(outcomes[BATCHES.length]!, 75);
  });
});

describe('Java SDK searchIterator (v1, paging by range search)', () => {
  it('returns every row exactly once, nearest first (1, 7, N, N+50), and stops at its topK', async () => {
    const outcomes = await iterate([...BATCHES.map((batch): Case => ({ iterator: 'search', batch })), { iterator: 'search', batch: 7, limit: 75 }]);
    for (const [i, batch] of BATCHES.entries()) expectAllRowsNearestFirst(outcomes[i]!, batch);
    expectNearestLimit(outcomes[BATCHES.length]!, 75);
  });
});
