import { normalizeField, type FieldSchemaInput } from '@mvkit/core';
import { describe, expect, it, vi } from 'vitest';
import * as analyzerModule from '../src/engine/analyzer/analyzer.js';
import { Engine } from '../src/index.js';

/**
 * The tokens of `enable_match` fields are computed when rows are written (insert, upsert), so a
 * `TEXT_MATCH` / `PHRASE_MATCH` never analyses stored rows: every text the analyzers of this file
 * run on is recorded (a spy on `createAnalyzer` wraps each analyzer it builds), and a match over
 * 20 000 rows analyses only its own query.
 */
const analysed: string[] = [];
const createAnalyzer = analyzerModule.createAnalyzer;
vi.spyOn(analyzerModule, 'createAnalyzer').mockImplementation((params) => {
  const analyzer = createAnalyzer(params);
  return (text) => {
    analysed.push(text);
    return analyzer(text);
  };
});

const ref = { collectionName: 'docs' };
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo'];
const N = 20_000;
/** Row i's text: three words picked by i, so each word's rows are known without the engine. */
const textOf = (i: number) => [WORDS[i % 11]!, WORDS[Math.floor(i / 11) % 11]!, WORDS[Math.floor(i / 121) % 11]!].join(' ');

async function engine(): Promise<Engine> {
  const e = new Engine({ segmentMaxRows: 5000 });
  e.createCollection({
    ...ref,
    fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true },
      { name: 'text', data_type: 'VarChar', max_length: 256, type_params: { enable_analyzer: 'true', enable_match: 'true' } },
      { name: 'vec', data_type: 'FloatVector', dim: 2 },
    ].map((f) => normalizeField(f as FieldSchemaInput)),
  });
  e.createIndex({ ...ref, fieldName: 'vec', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'L2' }] });
  e.loadCollection(ref);
  return e;
}

const ids = async (e: Engine, filter: string) => (await e.query({ ...ref, filter, outputFields: ['id'], limit: 16_384 })).rows.map((r) => Number(r.id)).sort((a, b) => a - b);
const expected = (test: (text: string) => boolean) => Array.from({ length: N }, (_, i) => i).filter((i) => test(textOf(i)));

describe('TEXT_MATCH tokens computed at write', () => {
  it('analyses each written text once; matches over 20 000 rows analyse only the query', async () => {
    const e = await engine();
    for (let i = 0; i < N; i += 5000) {
      await e.insert({ ...ref, rows: Array.from({ length: 5000 }, (_, k) => ({ id: BigInt(i + k), text: textOf(i + k), vec: [k, 0] })) });
    }
    expect(analysed).toHaveLength(N);
    expect(new Set(analysed).size).toBe(11 ** 3);
    e.flush(undefined, ['docs']);
    analysed.length = 0;

    expect(await ids(e, "TEXT_MATCH(text, 'golf')")).toEqual(expected((t) => t.split(' ').includes('golf')));
    expect(analysed).toEqual(['golf']);
    expect(await ids(e, "PHRASE_MATCH(text, 'bravo alpha')")).toEqual(expected((t) => t.includes('bravo alpha')));
    expect(analysed).toEqual(['golf', 'bravo alpha']);
    const search = await e.search({ ...ref, vectors: [[0, 0]], limit: 5, filter: "TEXT_MATCH(text, 'kilo juliet')" });
    expect(search.hits[0]!.map((h) => Number(h.pk)).every((i) => /kilo|juliet/.test(textOf(i)))).toBe(true);
    expect(analysed).toHaveLength(3);

    // An upsert analyses its new texts when written; the match then reads them.
    await e.upsert({ ...ref, rows: [{ id: 7n, text: 'lima mike', vec: [0, 0] }] });
    expect(analysed.slice(3)).toEqual(['lima mike']);
    expect(await ids(e, "TEXT_MATCH(text, 'mike')")).toEqual([7]);
    expect(analysed.slice(4)).toEqual(['mike']);
  }, 60_000);

  it('analyses nothing for a batch that fails its checks', async () => {
    const e = await engine();
    analysed.length = 0;
    await expect(e.insert({ ...ref, rows: [{ id: 1n, text: 'alpha', vec: [0, 0] }, { id: 2n, text: 'bravo', vec: [0] }] })).rejects.toThrow();
    expect(analysed).toEqual([]);
  });
});
