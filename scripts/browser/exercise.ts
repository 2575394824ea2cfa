/**
 * The calls both browser programs make with `@mvkit/client` over RESTful v2 (`transport: 'rest'`):
 * create a collection with an Int64 primary key, a VarChar `title` and a 4-dimensional
 * FloatVector, index it (HNSW, L2), load it, insert five rows (non-ASCII titles included), search
 * (with and without a filter on the VarChar field), query and count. What the server answers is
 * returned as plain JSON for the page to hand to the test (`scripts/test/browser.test.ts`), which
 * asserts it.
 */
import type { MilvusClient } from '@mvkit/client';

/** What {@link exercise} saw, as JSON (Int64 keys as the decimal strings the client returns). */
export interface ExerciseResult {
  /** `insert_cnt` of the insert (a decimal string). */
  insertCount: string;
  /** Hits of a top-3 L2 search near row 1: `[id, title]` in rank order. */
  search: [string, string][];
  /** The same search filtered by `title != "Dune"`: `[id, title]` in rank order. */
  filteredSearch: [string, string][];
  /** Rows of `query({ filter: 'id >= 3', output_fields: ['title'] })`, sorted by id. */
  query: { id: string; title: string }[];
  /** `count()` of the rows whose title is not `Dune`. */
  count: number;
}

/** The rows inserted: id, title (VarChar), and the vector `[id, 0, 0, 0]`. */
export const TITLES = ['Dune', 'Ficciones', 'Café Müller', '東京物語', 'Solaris'] as const;

/** Runs the calls on `client` in a new collection named `collection_name`. */
export async function exercise(client: MilvusClient, collection_name: string): Promise<ExerciseResult> {
  await client.createCollection({
    collection_name,
    fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true },
      { name: 'title', data_type: 'VarChar', max_length: 64 },
      { name: 'vector', data_type: 'FloatVector', dim: 4 },
    ],
  });
  await client.createIndex({ collection_name, field_name: 'vector', index_type: 'HNSW', metric_type: 'L2', params: { M: 8, efConstruction: 64 } });
  await client.loadCollectionSync({ collection_name });
  const { insert_cnt } = await client.insert({
    collection_name,
    data: TITLES.map((title, i) => ({ id: i + 1, title, vector: [i + 1, 0, 0, 0] })),
  });
  const hits = async (filter?: string): Promise<[string, string][]> => {
    const { results } = await client.search({ collection_name, data: [1.2, 0, 0, 0], limit: 3, output_fields: ['title'], ...(filter ? { filter } : {}) });
    return results.map((hit) => [String(hit.id), String(hit.title)]);
  };
  const search = await hits();
  const filteredSearch = await hits('title != "Dune"');
  const { data } = await client.query({ collection_name, filter: 'id >= 3', output_fields: ['title'] });
  const query = data.map((row) => ({ id: String(row.id), title: String(row.title) })).sort((a, b) => Number(a.id) - Number(b.id));
  const { data: count } = await client.count({ collection_name, filter: 'title != "Dune"' });
  return { insertCount: insert_cnt, search, filteredSearch, query, count };
}
