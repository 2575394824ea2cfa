import { MilvusError, normalizeField, type FieldSchemaInput } from '@mvkit/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../src/index.js';
import { anyTokenIn, matchAnalyzer, phraseMatches, phraseTerms, RowTokens } from '../src/engine/expr/text-match.js';

const ref = { collectionName: 'docs' };
const english = JSON.stringify({ type: 'english' });

function fields(text: Partial<FieldSchemaInput> = {}) {
  return [
    { name: 'id', data_type: 'Int64', is_primary_key: true },
    { name: 'text', data_type: 'VarChar', max_length: 1024, type_params: { enable_analyzer: 'true', enable_match: 'true', analyzer_params: english }, ...text },
    { name: 'plain', data_type: 'VarChar', max_length: 256 },
    { name: 'n', data_type: 'Int64' },
    { name: 'vec', data_type: 'FloatVector', dim: 2 },
  ].map((f) => normalizeField(f as FieldSchemaInput));
}

const DOCS = [
  { id: 1, text: 'The runners were running through the city', plain: 'apple pie', n: 1, vec: [1, 0] },
  { id: 2, text: 'Machine learning boosts efficiency', plain: 'apple tart', n: 2, vec: [0.9, 0.1] },
  { id: 3, text: 'Learning about machines and deep learning', plain: 'banana', n: 3, vec: [0.5, 0.5] },
  { id: 4, text: 'A quiet evening', plain: '', n: 4, vec: [0, 1] },
];

async function expectError(p: Promise<unknown> | (() => unknown), code: number, reason: string | RegExp): Promise<void> {
  let err: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    err = e;
  }
  expect(MilvusError.is(err), String(err)).toBe(true);
  const m = err as MilvusError;
  expect(m.code).toBe(code);
  if (typeof reason === 'string') expect(m.reason).toBe(reason);
  else expect(m.reason).toMatch(reason);
}

describe('enable_match at CreateCollection', () => {
  it('needs enable_analyzer, and analyzer_params that build', async () => {
    const engine = new Engine();
    await expectError(
      () => engine.createCollection({ ...ref, fields: fields({ type_params: { enable_match: 'true' } }) }),
      65535,
      'field text is set to enable match or bm25 function but not enable analyzer',
    );
    await expectError(
      () => engine.createCollection({ ...ref, fields: fields({ type_params: { enable_match: 'true', enable_analyzer: 'true', analyzer_params: '{"tokenizer":"nope"}' } }) }),
      2000,
      /nope/,
    );
    await expectError(
      () => engine.createCollection({ ...ref, fields: fields({ type_params: { enable_match: 'true', enable_analyzer: 'true', multi_analyzer_params: '{}' } }) }),
      65535,
      'multi analyzer now only support for bm25, but now field text enable match',
    );
    // Without enable_match the analyzer is not required.
    engine.createCollection({ ...ref, fields: fields({ type_params: { enable_match: 'false' } }) });
  });
});

describe('TEXT_MATCH / PHRASE_MATCH (engine)', () => {
  let engine: Engine;
  const ids = async (filter: string, partitionNames?: string[]) =>
    (await engine.query({ ...ref, filter, outputFields: ['id'], ...(partitionNames ? { partitionNames } : {}) })).rows.map((r) => Number(r.id)).sort((a, b) => a - b);

  beforeEach(async () => {
    engine = new Engine();
    engine.createCollection({ ...ref, fields: fields() });
    engine.createIndex({ ...ref, fieldName: 'vec', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'L2' }] });
    engine.createPartition({ ...ref, partitionName: 'p1' });
    await engine.insert({ ...ref, rows: DOCS.slice(0, 3) });
    await engine.insert({ ...ref, partitionName: 'p1', rows: DOCS.slice(3) });
    engine.loadCollection(ref);
  });

  it('matches any token of the query, both sides analysed with the field analyzer (english: stemmed, stop words dropped)', async () => {
    expect(await ids("TEXT_MATCH(text, 'run')")).toEqual([1]);
    expect(await ids("text_match(text, 'RUNS machine')")).toEqual([1, 2, 3]);
    expect(await ids("TEXT_MATCH(text, 'evening')")).toEqual([4]);
    expect(await ids("TEXT_MATCH(text, 'evening')", ['_default'])).toEqual([]);
    // Only stop words: no token, no match.
    expect(await ids("TEXT_MATCH(text, 'the a')")).toEqual([]);
    expect(await ids("TEXT_MATCH(text, 'learning') and n > 2")).toEqual([3]);
    expect(await ids("not TEXT_MATCH(text, 'learning')")).toEqual([1, 4]);
  });

  it('phrase match keeps the order, slop bounds each gap', async () => {
    expect(await ids("PHRASE_MATCH(text, 'machine learning')")).toEqual([2]);
    expect(await ids("PHRASE_MATCH(text, 'deep learning')")).toEqual([3]);
    expect(await ids("PHRASE_MATCH(text, 'efficiency machine', 9)")).toEqual([]);
    expect(await ids("phrase_match(text, 'machine learning', 2)")).toEqual([2, 3]);
    expect(await ids("PHRASE_MATCH(text, 'learning boosts', 0)")).toEqual([2]);
  });

  it('filters search, hybrid sub-requests and delete; follows upserts and deletes', async () => {
    const out = await engine.search({ ...ref, annsField: 'vec', vectors: [[1, 0]], limit: 10, filter: "TEXT_MATCH(text, 'learning')" });
    expect(out.hits[0]!.map((h) => Number(h.pk))).toEqual([2, 3]);
    const hybrid = await engine.hybridSearch({
      ...ref,
      requests: [{ annsField: 'vec', vectors: [[1, 0]], limit: 4, filter: "TEXT_MATCH(text, 'machine')" }],
      rankParams: [{ key: 'strategy', value: 'rrf' }, { key: 'params', value: '{"k":60}' }, { key: 'limit', value: '10' }],
    });
    expect(hybrid.hits[0]!.map((h) => Number(h.pk)).sort()).toEqual([2, 3]);
    // The cached tokens of a row do not outlive it.
    await engine.upsert({ ...ref, rows: [{ ...DOCS[0]!, text: 'machine shop' }] });
    expect(await ids("TEXT_MATCH(text, 'run')")).toEqual([]);
    expect(await ids("TEXT_MATCH(text, 'machine')")).toEqual([1, 2, 3]);
    await engine.delete({ ...ref, filter: "TEXT_MATCH(text, 'shop')" });
    expect(await ids("TEXT_MATCH(text, 'machine')")).toEqual([2, 3]);
  });

  it('filters a search over sealed and growing segments as a brute-force scan does', async () => {
    const words = ['alpha', 'beta', 'gamma', 'delta', 'running', 'jumped', 'quickly', 'machines', 'learning', 'omega'];
    const rows = Array.from({ length: 25_000 }, (_, i) => ({
      id: 100 + i,
      text: Array.from({ length: 12 }, (_, j) => (j === 0 ? words[i % words.length] : `Word${(i * 31 + j * 17) % 5000}ing`)).join(' '),
      plain: '',
      n: i,
      vec: [(i * 13) % 101, (i * 7) % 97],
    }));
    // 10,000 rows a segment: two sealed (indexed), one growing.
    for (let i = 0; i < rows.length; i += 5000) await engine.insert({ ...ref, rows: rows.slice(i, i + 5000) });
    const d2 = (v: number[]) => (v[0]! - 50) ** 2 + (v[1]! - 50) ** 2;
    const phrase = rows[7]!.text.split(' ').slice(0, 2).join(' ');
    for (const [filter, keep] of [
      ["TEXT_MATCH(text, 'runs')", (t: string) => t.includes('running')],
      ["TEXT_MATCH(text, 'word17ing omega')", (t: string) => / word17ing|omega/.test(t)],
      [`PHRASE_MATCH(text, '${phrase}')`, (t: string) => t.startsWith(phrase.toLowerCase())],
    ] as const) {
      const out = await engine.search({ ...ref, annsField: 'vec', vectors: [[50, 50]], limit: 20, filter });
      const expected = [...DOCS, ...rows].filter((r) => keep(r.text.toLowerCase())).sort((a, b) => d2(a.vec) - d2(b.vec) || a.id - b.id);
      const got = out.hits[0]!.map((h) => Number(h.pk));
      expect(expected.length, filter).toBeGreaterThan(0);
      expect(got.length, filter).toBe(Math.min(20, expected.length));
      // Equal distances may come in either order across segments: compare the distances, then the sets.
      expect(got.map((id) => d2([...DOCS, ...rows].find((r) => r.id === id)!.vec)), filter).toEqual(expected.slice(0, got.length).map((r) => d2(r.vec)));
    }
  });

  it('refuses as Milvus 2.5 does', async () => {
    const plan = (expr: string, detail: string) =>
      expectError(ids(expr), 1100, `failed to create query plan: cannot parse expression: ${expr}, error: ${detail}: invalid parameter`);
    await plan("TEXT_MATCH(plain, 'apple')", 'field 102 does not enable text match');
    // The parser lets a phrase match through; segcore then has no text index for the field.
    await expectError(ids("PHRASE_MATCH(plain, 'apple')"), 2042, 'text index not found for field 102');
    await plan("TEXT_MATCH(nope, 'apple')", 'field nope not exist');
    await plan("PHRASE_MATCH(n, 'apple')", 'phrase match operation on non-string is unsupported');
    await plan("PHRASE_MATCH(text, 'a b', n)", '"slop" should be a const integer expression with "uint32" value. "slop" expression passed: n');
    await plan("PHRASE_MATCH(text, 'a b', -1)", '"slop" should not be a negative interger. "slop" passed: -1');
    await plan("PHRASE_MATCH(text, 'a b', 4294967296)", '"slop" exceeds the range of "uint32". "slop" expression passed: 4294967296');
    await expectError(
      engine.query({ ...ref, filter: "PHRASE_MATCH(text, 'a b', {s})", exprParams: { s: 1 }, outputFields: ['id'] }),
      1100,
      'failed to create query plan: cannot parse expression: PHRASE_MATCH(text, \'a b\', {s}), error: "slop" should be a const integer expression with "uint32" value. "slop" expression passed: {s}: invalid parameter',
    );
    // A constant that is not an integer reads as slop 0 (`GetInt64Val`).
    expect(await ids("PHRASE_MATCH(text, 'machine learning', 1.5)")).toEqual([2]);
    // 2.5's grammar takes a string literal only: a template or a number is a syntax error.
    await expectError(engine.query({ ...ref, filter: 'TEXT_MATCH(text, {q})', exprParams: { q: 'x' }, outputFields: ['id'] }), 1100, /line 1:17 mismatched input/);
    await expectError(ids('TEXT_MATCH(text, 1)'), 1100, /line 1:17 mismatched input '1'/);
  });
});

describe('filter function calls and is [not] null (engine)', () => {
  let engine: Engine;
  const ids = async (filter: string) => (await engine.query({ ...ref, filter, outputFields: ['id'] })).rows.map((r) => Number(r.id)).sort((a, b) => a - b);

  beforeEach(async () => {
    engine = new Engine();
    engine.createCollection({ ...ref, fields: fields(), enableDynamicField: true });
    engine.createIndex({ ...ref, fieldName: 'vec', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'L2' }] });
    await engine.insert({ ...ref, rows: DOCS.map((d) => ({ ...d, j: { list: [1, 2] } })) });
    engine.loadCollection(ref);
  });

  it('runs segcore functions empty(varchar) and starts_with(varchar, varchar), any case', async () => {
    expect(await ids("starts_with(plain, 'apple')")).toEqual([1, 2]);
    expect(await ids("STARTS_WITH(plain, 'apple t')")).toEqual([2]);
    expect(await ids('empty(plain)')).toEqual([4]);
    expect(await ids('not empty(plain) and n < 3')).toEqual([1, 2]);
  });

  it('answers an unknown signature with segcore\'s error, types as segcore names them', async () => {
    // Segcore's ExprInvalid (2028), its message as it builds it (trailing blank included).
    await expectError(ids("json_contains_aby(j['list'], 2)"), 2028, 'function json_contains_aby(json, int64_t) not found. ');
    await expectError(ids('Foo(n, 1.5, true, "s", [1], plain)'), 2028, 'function foo(int64_t, double, bool, varChar, array, varChar) not found. ');
    await expectError(ids('starts_with(n, "1")'), 2028, 'function starts_with(int64_t, varChar) not found. ');
    await expectError(ids('empty()'), 2028, 'function empty() not found. ');
    // An unknown name is a dynamic key, of type JSON.
    await expectError(ids('empty(missing_field)'), 2028, 'function empty(json) not found. ');
  });

  it('takes only is null / IS NULL / is not null / IS NOT NULL, one blank between the words', async () => {
    expect(await ids('n is not null')).toEqual([1, 2, 3, 4]);
    expect(await ids('n IS NOT NULL')).toEqual([1, 2, 3, 4]);
    expect(await ids('n IS NULL')).toEqual([]);
    for (const bad of ['n is NOT null', 'n Is Null', 'n IS null', 'n is  null', 'n is not NULL']) {
      await expectError(ids(bad), 1100, /cannot parse expression: .*, error: line 1:2 mismatched input 'I?i?s/i);
    }
  });
});

describe('RowTokens (the per-field token cache)', () => {
  it('analyses a row once, and starts over when its vocabulary is full, still answering right', () => {
    const analyzer = matchAnalyzer('');
    let calls = 0;
    const tokens = new RowTokens((text) => (calls++, analyzer(text)), 8);
    const rows = Array.from({ length: 10 }, (_, i) => ({ text: `w${i} x${i} common` }));
    const common = tokens.lookup(['common']);
    const w3 = tokens.lookup(['w3']);
    const phrase = phraseTerms(analyzer, 'x3 common');
    const phraseIds = tokens.lookup(phrase.map((t) => t.text));
    const match = (lookup: () => readonly number[]) => rows.filter((r) => anyTokenIn(tokens.of(r, r.text), lookup())).length;
    expect(match(common)).toBe(10);
    expect(match(w3)).toBe(1);
    expect(rows.filter((r) => phraseMatches(tokens.of(r, r.text), phrase, phraseIds(), 0)).length).toBe(1);
    // 21 distinct tokens through a vocabulary of 8: it started over twice, and rows were analysed again.
    expect(calls).toBeGreaterThan(10);
    const before = calls;
    tokens.of(rows[9]!, rows[9]!.text);
    expect(calls).toBe(before);
  });
});
