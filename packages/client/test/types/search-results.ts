// Type fixture compiled by search-types.test.ts (never run): what `MilvusClient.search` returns
// for one query vector and for several. Each `@ts-expect-error` must be an error.
import type { MilvusClient, SearchRequest, SearchResultRow } from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(_proof: Equal<A, B>) => undefined;

export async function oneVector(client: MilvusClient): Promise<number | undefined> {
  const one = await client.search({ collection_name: 'book', data: [0.1, 0.2], limit: 3 });
  same<typeof one.results, SearchResultRow[]>(true);
  const byVector = await client.search({ collection_name: 'book', vector: [0.1, 0.2] });
  same<typeof byVector.results, SearchResultRow[]>(true);
  const text = await client.search({ collection_name: 'book', data: 'whales', anns_field: 'sparse' });
  same<typeof text.results, SearchResultRow[]>(true);
  const sparse = await client.search({ collection_name: 'book', data: { '3': 0.5, '7': 0.1 } });
  same<typeof sparse.results, SearchResultRow[]>(true);
  const pairs = await client.search({ collection_name: 'book', data: [{ index: 3, value: 0.5 }] });
  same<typeof pairs.results, SearchResultRow[]>(true);
  const bytes = await client.search({ collection_name: 'book', data: new Uint8Array([1, 2]) });
  same<typeof bytes.results, SearchResultRow[]>(true);
  // The example: the score of the best hit type-checks.
  return one.results[0]?.score;
}

export async function severalVectors(client: MilvusClient): Promise<number | undefined> {
  const many = await client.search({ collection_name: 'book', data: [[0.1, 0.2], [0.3, 0.4]] });
  same<typeof many.results, SearchResultRow[][]>(true);
  const byVectors = await client.search({ collection_name: 'book', vectors: [[0.1, 0.2]] });
  same<typeof byVectors.results, SearchResultRow[][]>(true);
  const texts = await client.search({ collection_name: 'book', data: ['whales', 'ships'] });
  same<typeof texts.results, SearchResultRow[][]>(true);
  const sparse = await client.search({ collection_name: 'book', data: [{ '3': 0.5 }, { '1': 0.2 }] });
  same<typeof sparse.results, SearchResultRow[][]>(true);
  // @ts-expect-error a list per query vector: its first element is a list, not a hit
  many.results[0]?.score;
  return many.results[0]?.[0]?.score;
}

export async function unknownCount(client: MilvusClient, request: SearchRequest): Promise<void> {
  const either = await client.search(request);
  same<typeof either.results, SearchResultRow[] | SearchResultRow[][]>(true);
  const data: number[] | number[][] = Math.random() > 0.5 ? [0.1] : [[0.1]];
  const union = await client.search({ collection_name: 'book', data });
  same<typeof union.results, SearchResultRow[] | SearchResultRow[][]>(true);
  // @ts-expect-error a single query's results are not lists of lists
  same<typeof union.results, SearchResultRow[]>(true);
}
