import { normalizeField, type FieldType } from '@mvkit/core';
import { describe, expect, it } from 'vitest';
import { Engine, type FunctionInput } from '../src/index.js';
import { bm25Reference } from './bm25-reference.js';
import { rejected, refused } from './refusal.js';
import { seededRandom } from './random.js';

const bm25Fn = (over: Partial<FunctionInput> = {}): FunctionInput => ({
  name: 'bm25',
  description: '',
  type: 1,
  inputFieldNames: ['text'],
  outputFieldNames: ['sparse'],
  params: [],
  ...over,
});

const FIELDS: FieldType[] = [
  { name: 'id', data_type: 'Int64', is_primary_key: true },
  { name: 'text', data_type: 'VarChar', max_length: 1000, type_params: { enable_analyzer: 'true' } },
  { name: 'sparse', data_type: 'SparseFloatVector' },
  { name: 'tag', data_type: 'Int64' },
];

/** A BM25 collection `docs` (standard analyzer), indexed with `params` and loaded. */
function bm25Engine(params: Record<string, string> = {}, segmentMaxRows = 1000): Engine {
  const e = new Engine({ segmentMaxRows });
  e.createCollection({ collectionName: 'docs', fields: FIELDS.map(normalizeField), functions: [bm25Fn()] });
  e.createIndex({
    collectionName: 'docs',
    fieldName: 'sparse',
    params: [{ key: 'index_type', value: 'SPARSE_INVERTED_INDEX' }, { key: 'metric_type', value: 'BM25' }, ...Object.entries(params).map(([key, value]) => ({ key, value }))],
  });
  e.loadCollection({ collectionName: 'docs' });
  return e;
}

/** The reference BM25 ({@link bm25Reference}) with lower-cased alphanumeric words as terms (what the standard analyzer gives for these ASCII texts). */
const referenceScores = (docs: readonly string[], query: string, k1 = 1.2, b = 0.75) => bm25Reference(docs, query, (t) => t.toLowerCase().match(/[a-z0-9]+/g) ?? [], k1, b);

const CORPUS = [
  'The quick brown fox jumps over the lazy dog',
  'A quick brown dog outpaces a quick fox',
  'Milvus is a vector database built for scalable similarity search',
  'Full text search with BM25 ranks documents by term frequency',
  'The dog sleeps',
  'Vector search and full text search work together in hybrid search',
];

async function insertCorpus(e: Engine, docs: readonly string[], first = 0): Promise<void> {
  await e.insert({ collectionName: 'docs', rows: docs.map((text, i) => ({ id: BigInt(first + i), text, tag: BigInt((first + i) % 3) })) });
}

describe('BM25 functions in the schema', () => {
  it('assigns function IDs from 100, marks the output field, and is described', () => {
    const e = bm25Engine();
    const c = e.describeCollection({ collectionName: 'docs' });
    expect(c.schema.functions).toEqual([{ ...bm25Fn(), id: 100n, inputFieldIds: [101n], outputFieldIds: [102n] }]);
    expect(c.schema.fields.filter((f) => f.isFunctionOutput).map((f) => f.name)).toEqual(['sparse']);
  });

  it("refuses invalid functions in validateFunction's order, with its messages", () => {
    const create = (fns: FunctionInput[], fields: FieldType[] = FIELDS) => refused(() => new Engine().createCollection({ collectionName: 'c', fields: fields.map(normalizeField), functions: fns }));
    const noAnalyzer = FIELDS.map((f) => (f.name === 'text' ? { ...f, type_params: {} } : f));
    const cases: [FunctionInput[], string, FieldType[]?][] = [
      [[bm25Fn({ name: '' })], 'function name cannot be empty'],
      [[bm25Fn({ inputFieldNames: [] })], 'function input field names cannot be empty, function: bm25'],
      [[bm25Fn({ outputFieldNames: ['text'] })], 'a single field cannot be both input and output in the same function, function: bm25, field: text'],
      [[bm25Fn({ type: 2 })], 'check function params with unknown function type'],
      [[bm25Fn({ params: [{ key: 'k', value: 'v' }] })], 'BM25 function accepts no params'],
      [[bm25Fn(), bm25Fn()], 'duplicate function name: bm25'],
      [[bm25Fn({ inputFieldNames: ['nope'] })], 'function input field not found: nope'],
      [[bm25Fn({ inputFieldNames: ['tag'] })], 'BM25 function input field must be a VARCHAR field, got 1 field with type Int64'],
      [[bm25Fn()], 'BM25 function input field must set enable_analyzer to true', noAnalyzer],
      [[bm25Fn({ outputFieldNames: ['nope'] })], 'function output field not found: nope'],
      [[bm25Fn({ outputFieldNames: ['id'] })], 'function output field cannot be primary key: function bm25, field id'],
      [[bm25Fn(), bm25Fn({ name: 'again' })], 'duplicate function output field: function again, field sparse'],
      [[bm25Fn({ outputFieldNames: ['tag'] })], 'BM25 function output field must be a SparseFloatVector field, but got Int64'],
      [[bm25Fn({ outputFieldNames: ['sparse', 'tag'] })], 'BM25 function only need 1 output field, but got 2'],
    ];
    for (const [fns, reason, fields] of cases) expect(create(fns, fields)).toEqual({ code: 65535, reason });
    const badAnalyzer = FIELDS.map((f) => (f.name === 'text' ? { ...f, type_params: { enable_analyzer: 'true', analyzer_params: '{"tokenizer": "nope"}' } } : f));
    expect(create([bm25Fn()], badAnalyzer)).toEqual({ code: 2000, reason: 'unsupported tokenizer: nope' });
  });

  it('takes BM25 only on function outputs, and only BM25 there; checks k1 and b', () => {
    const e = new Engine();
    e.createCollection({ collectionName: 'docs', fields: [...FIELDS, { name: 'other', data_type: 'SparseFloatVector' }].map(normalizeField), functions: [bm25Fn()] });
    const index = (fieldName: string, params: Record<string, string>) =>
      refused(() => e.createIndex({ collectionName: 'docs', fieldName, params: Object.entries(params).map(([key, value]) => ({ key, value })) }));
    expect(index('other', { index_type: 'SPARSE_INVERTED_INDEX', metric_type: 'BM25' })).toEqual({ code: 1100, reason: 'only BM25 Function output field support BM25 metric type: invalid parameter' });
    expect(index('sparse', { index_type: 'SPARSE_INVERTED_INDEX', metric_type: 'IP' })).toEqual({ code: 65535, reason: 'index metric type of BM25 function output field must be BM25, got IP' });
    expect(index('sparse', { index_type: 'SPARSE_WAND', metric_type: 'BM25', bm25_k1: '3.5' }).reason).toMatch(/^Out of range in json: param 'bm25_k1' \(3\.5\)/);
    expect(index('sparse', { index_type: 'SPARSE_WAND', metric_type: 'BM25', bm25_b: '-0.1' }).code).toBe(1100);
    // AUTOINDEX defaults the metric to BM25 on a function output.
    e.createIndex({ collectionName: 'docs', fieldName: 'sparse', params: [{ key: 'index_type', value: 'AUTOINDEX' }] });
    expect(e.describeIndex({ collectionName: 'docs' })[0]!.userParams).toContainEqual({ key: 'metric_type', value: 'BM25' });
  });
});

describe('BM25 writes', () => {
  it('computes the output from the text, and refuses it when given', async () => {
    const e = bm25Engine();
    expect(await rejected(() => e.insert({ collectionName: 'docs', rows: [{ id: 1n, text: 'a', tag: 1n, sparse: { '1': 1 } }] }))).toEqual({
      code: 1100,
      reason: 'the field sparse is output by function, no need to provide: invalid parameter',
    });
    await insertCorpus(e, ['apple apple banana', '']);
    const rows = (await e.query({ collectionName: 'docs', filter: 'id >= 0', outputFields: ['*'] })).rows;
    // `*` leaves the function output out; naming it is refused.
    expect(rows.map((r) => Object.keys(r).sort())).toEqual([['id', 'tag', 'text'], ['id', 'tag', 'text']]);
    expect(await rejected(() => e.query({ collectionName: 'docs', filter: 'id >= 0', outputFields: ['sparse'] }))).toEqual({
      code: 1100,
      reason: 'not allowed to retrieve raw data of field sparse: invalid parameter',
    });
    // The stored vector: term frequencies under the token hashes RunAnalyzer reports.
    const hashes = e.runAnalyzer({ analyzerParams: '', texts: ['apple banana'], withDetail: false, withHash: true })[0]!.map((t) => t.hash);
    const c = e.describeCollection({ collectionName: 'docs' });
    const stored = c.data.segmentsOf([...c.partitions.values()][0]!.id)[0]!.rows[0]!.sparse as { indices: Uint32Array; values: Float32Array };
    const byTerm = Object.fromEntries(Array.from(stored.indices, (t, i) => [t, stored.values[i]]));
    expect(byTerm).toEqual({ [hashes[0]!]: 2, [hashes[1]!]: 1 });
    // An upsert computes the output again from its new text.
    await e.upsert({ collectionName: 'docs', rows: [{ id: 0n, text: 'cherry', tag: 0n }] });
    expect((await e.search({ collectionName: 'docs', vectors: ['cherry'], limit: 5 })).hits[0]!.map((h) => h.pk)).toEqual([0n]);
    expect((await e.search({ collectionName: 'docs', vectors: ['apple'], limit: 5 })).hits[0]).toEqual([]);
  });
});

describe('BM25 search', () => {
  it('scores a small corpus as an independent BM25 computation does (growing and sealed, k1 and b)', async () => {
    for (const [params, k1, b] of [[{}, 1.2, 0.75], [{ bm25_k1: '1.8', bm25_b: '0.3' }, 1.8, 0.3]] as const) {
      const e = bm25Engine(params);
      await insertCorpus(e, CORPUS.slice(0, 3));
      e.flush(undefined, ['docs']);
      await e.indexBuilder.drain();
      await insertCorpus(e, CORPUS.slice(3), 3);
      // One sealed segment searched through its built BM25 index, one growing segment searched exactly.
      const c = e.describeCollection({ collectionName: 'docs' });
      expect(c.data.segmentsOf([...c.partitions.values()][0]!.id).map((seg) => [seg.state, seg.built.has('sparse')])).toEqual([['Sealed', true], ['Growing', false]]);
      for (const query of ['quick dog', 'search search vector', 'bm25 database']) {
        const out = await e.search({ collectionName: 'docs', vectors: [query], limit: 10, outputFields: ['text'] });
        const expected = referenceScores(CORPUS, query, k1, b)
          .map((score, i) => ({ id: BigInt(i), score }))
          .filter((h) => h.score > 0)
          .sort((x, y) => y.score - x.score);
        expect(out.metric).toBe('BM25');
        expect(out.hits[0]!.map((h) => h.pk)).toEqual(expected.map((h) => h.id));
        out.hits[0]!.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i]!.score, 4));
        expect(out.hits[0]![0]!.row.text).toBe(CORPUS[Number(expected[0]!.id)]);
      }
    }
  });

  it('keeps deleted rows in the statistics, as Milvus does, and honours filters and partitions', async () => {
    const e = bm25Engine();
    await insertCorpus(e, CORPUS);
    await e.delete({ collectionName: 'docs', filter: 'id in [0]' });
    const out = await e.search({ collectionName: 'docs', vectors: ['quick dog'], limit: 10, filter: 'tag != 2' });
    const ref = referenceScores(CORPUS, 'quick dog');
    // Row 0 is deleted and row 5 filtered out (tag 2); the idf still counts row 0.
    expect(out.hits[0]!.map((h) => [h.pk, h.score])).toEqual(
      [1, 4].map((i) => [BigInt(i), expect.closeTo(ref[i]!, 4)]).sort((x, y) => (y[1] as { sample: number }).sample - (x[1] as { sample: number }).sample),
    );
    e.createPartition({ collectionName: 'docs', partitionName: 'p' });
    e.loadCollection({ collectionName: 'docs' });
    await e.insert({ collectionName: 'docs', partitionName: 'p', rows: [{ id: 99n, text: 'quick quick quick', tag: 0n }] });
    const inP = await e.search({ collectionName: 'docs', partitionNames: ['p'], vectors: ['quick'], limit: 10 });
    expect(inP.hits[0]!.map((h) => h.pk)).toEqual([99n]);
  });

  it('fuses in hybrid search with a dense field: WeightedRanker normalises BM25 scores by 2·atan(s)/π', async () => {
    const e = new Engine();
    e.createCollection({ collectionName: 'docs', fields: [...FIELDS, { name: 'dense', data_type: 'FloatVector', dim: 2 }].map(normalizeField), functions: [bm25Fn()] });
    e.createIndex({ collectionName: 'docs', fieldName: 'sparse', params: [{ key: 'metric_type', value: 'BM25' }] });
    e.createIndex({ collectionName: 'docs', fieldName: 'dense', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'IP' }] });
    await e.insert({ collectionName: 'docs', rows: CORPUS.map((text, i) => ({ id: BigInt(i), text, tag: 0n, dense: [i / 10, 1 - i / 10] })) });
    e.loadCollection({ collectionName: 'docs' });
    const text = await e.search({ collectionName: 'docs', annsField: 'sparse', vectors: ['quick dog'], limit: 6 });
    const dense = await e.search({ collectionName: 'docs', annsField: 'dense', vectors: [[1, 0]], limit: 6 });
    const kv = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value }));
    const out = await e.hybridSearch({
      collectionName: 'docs',
      requests: [
        { annsField: 'sparse', vectors: ['quick dog'], limit: 6 },
        { annsField: 'dense', vectors: [[1, 0]], limit: 6 },
      ],
      rankParams: kv({ strategy: 'weighted', params: JSON.stringify({ weights: [0.6, 0.4] }), limit: '3' }),
    });
    const fused = new Map<bigint, number>();
    for (const h of text.hits[0]!) fused.set(h.pk, (fused.get(h.pk) ?? 0) + (0.6 * 2 * Math.atan(h.score)) / Math.PI);
    for (const h of dense.hits[0]!) fused.set(h.pk, (fused.get(h.pk) ?? 0) + 0.4 * (0.5 + Math.atan(h.score) / Math.PI));
    const expected = [...fused].sort((x, y) => y[1] - x[1]).slice(0, 3);
    expect(out.hits[0]!.map((h) => h.pk)).toEqual(expected.map(([pk]) => pk));
    out.hits[0]!.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i]![1], 5));
  });

  it('drops the smallest query weights with drop_ratio_search, as knowhere does', async () => {
    const e = bm25Engine();
    await insertCorpus(e, CORPUS);
    // Weights: search 2·ln 2 = 1.39, dog ln 2 = 0.69, lazy ln(14/3) = 1.54; ratio 0.5 keeps those ≥ the 2nd smallest.
    const out = await e.search({ collectionName: 'docs', vectors: ['search search dog lazy'], limit: 10, dropRatioSearch: '0.5' });
    const expected = referenceScores(CORPUS, 'search search lazy')
      .map((score, i) => ({ id: BigInt(i), score }))
      .filter((h) => h.score > 0)
      .sort((x, y) => y.score - x.score);
    expect(out.hits[0]!.map((h) => h.pk)).toEqual(expected.map((h) => h.id));
    out.hits[0]!.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i]!.score, 4));
    expect(await rejected(() => e.search({ collectionName: 'docs', vectors: ['dog'], limit: 3, dropRatioSearch: '1' }))).toEqual({
      code: 1100,
      reason: "Out of range in json: param 'drop_ratio_search' (1) should be in range [0.000000, 1.000000): invalid parameter",
    });
  });

  it('refuses vectors on a BM25 field and a BM25 search elsewhere', async () => {
    const e = bm25Engine();
    await insertCorpus(e, CORPUS);
    expect(await rejected(() => e.search({ collectionName: 'docs', vectors: [{ '1': 0.5 }], limit: 3 }))).toEqual({
      code: 1100,
      reason: 'please provide varchar/text for BM25 Function based search: invalid parameter[expected=VarChar][actual=SparseFloatVector]',
    });
    expect(await rejected(() => e.search({ collectionName: 'docs', vectors: ['dog'], limit: 3, metricType: 'IP' }))).toEqual({
      code: 1100,
      reason: 'metric type not match: invalid parameter[expected=BM25][actual=IP]',
    });
  });

  it('finds the exhaustive BM25 top 10 on a few thousand generated documents (recall 1)', async () => {
    const random = seededRandom(7);
    const vocabulary = Array.from({ length: 400 }, (_, i) => `w${i}`);
    // Zipf-like word choice, as in natural text.
    const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 2.5)]!;
    const docs = Array.from({ length: 3000 }, () => Array.from({ length: 5 + Math.floor(random() * 40) }, word).join(' '));
    const e = bm25Engine({}, 700);
    for (let i = 0; i < docs.length; i += 500) await insertCorpus(e, docs.slice(i, i + 500), i);
    await e.indexBuilder.drain();
    const queries = Array.from({ length: 10 }, () => `${word()} ${word()} ${vocabulary[100 + Math.floor(random() * 300)]}`);
    let found = 0;
    const out = await e.search({ collectionName: 'docs', vectors: queries, limit: 10 });
    queries.forEach((q, i) => {
      const truth = referenceScores(docs, q)
        .map((score, id) => ({ id: BigInt(id), score }))
        .sort((x, y) => y.score - x.score || Number(x.id - y.id))
        .slice(0, 10);
      const got = new Set(out.hits[i]!.map((h) => h.pk));
      found += truth.filter((t) => got.has(t.id)).length;
      out.hits[i]!.forEach((h, j) => expect(h.score).toBeCloseTo(truth[j]!.score, 3));
    });
    expect(found / (queries.length * 10)).toBe(1);
  });
});
