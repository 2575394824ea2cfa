import { normalizeField, type FieldType } from '@mvkit/core';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../src/engine/index.js';
import { Engine } from '../src/index.js';
import { bm25Reference } from './bm25-reference.js';

/**
 * BM25 full-text search over Chinese text: a VarChar field with `enable_analyzer` and
 * `analyzer_params: {"type": "chinese"}` (jieba search mode, CnAlphaNumOnly filter) feeding a BM25
 * function. The terms of the reference scores are the analyzer's tokens; the scoring is
 * {@link bm25Reference}, written apart from the engine.
 */
const ANALYZER = '{"type": "chinese"}';
const terms = (text: string) => createAnalyzer(ANALYZER)(text).map((t) => t.text);

const FIELDS: FieldType[] = [
  { name: 'id', data_type: 'Int64', is_primary_key: true },
  { name: 'text', data_type: 'VarChar', max_length: 1000, type_params: { enable_analyzer: 'true', analyzer_params: ANALYZER } },
  { name: 'sparse', data_type: 'SparseFloatVector' },
];

const CORPUS = [
  '我来到北京清华大学',
  '南京市长江大桥横跨长江',
  '北京是中国的首都，北京有很多大学',
  '向量数据库支持全文检索和向量检索',
  'Milvus 是一个开源的向量数据库',
  '全文检索使用 BM25 为文档打分',
  '长江是中国最长的河流',
  '清华大学和北京大学都在北京',
  '今天天气很好，我们去公园散步',
  '数据库索引可以加快检索速度',
];

async function chineseEngine(): Promise<Engine> {
  const e = new Engine({ segmentMaxRows: 1000 });
  e.createCollection({ collectionName: 'zh', fields: FIELDS.map(normalizeField), functions: [{ name: 'bm25', description: '', type: 1, inputFieldNames: ['text'], outputFieldNames: ['sparse'], params: [] }] });
  e.createIndex({ collectionName: 'zh', fieldName: 'sparse', params: [{ key: 'index_type', value: 'SPARSE_INVERTED_INDEX' }, { key: 'metric_type', value: 'BM25' }] });
  e.loadCollection({ collectionName: 'zh' });
  // Six documents in a sealed, indexed segment; the rest growing.
  await e.insert({ collectionName: 'zh', rows: CORPUS.slice(0, 6).map((text, i) => ({ id: BigInt(i), text })) });
  e.flush(undefined, ['zh']);
  await e.indexBuilder.drain();
  await e.insert({ collectionName: 'zh', rows: CORPUS.slice(6).map((text, i) => ({ id: BigInt(6 + i), text })) });
  return e;
}

describe('BM25 with the chinese analyzer', () => {
  it('cuts the documents into words (so the reference is not scoring single characters)', () => {
    expect(terms(CORPUS[0]!)).toEqual(['我', '来到', '北京', '清华', '华大', '大学', '清华大学']);
    expect(terms('南京市长江大桥')).toEqual(['南京', '京市', '南京市', '长江', '大桥', '长江大桥']);
  });

  it('scores Chinese queries as the independent BM25 over the analyzer tokens does', async () => {
    const e = await chineseEngine();
    for (const query of ['北京大学', '长江', '向量数据库', '全文检索 BM25', '中国的首都北京']) {
      const out = await e.search({ collectionName: 'zh', vectors: [query], limit: 10, outputFields: ['text'] });
      const expected = bm25Reference(CORPUS, query, terms)
        .map((score, i) => ({ id: BigInt(i), score }))
        .filter((h) => h.score > 0)
        .sort((x, y) => y.score - x.score);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(out.metric).toBe('BM25');
      expect(out.hits[0]!.map((h) => h.pk), query).toEqual(expected.map((h) => h.id));
      out.hits[0]!.forEach((h, i) => expect(h.score, `${query} #${i}`).toBeCloseTo(expected[i]!.score, 4));
    }
  });

  it('matches a Chinese query word to exactly the documents that contain it', async () => {
    const e = await chineseEngine();
    for (const [word, containing] of [['长江', [1, 6]], ['北京', [0, 2, 7]], ['数据库', [3, 4, 9]], ['公园', [8]]] as const) {
      expect(CORPUS.flatMap((d, i) => (d.includes(word) ? [i] : []))).toEqual(containing);
      const out = await e.search({ collectionName: 'zh', vectors: [word], limit: 10 });
      expect(out.hits[0]!.map((h) => Number(h.pk)).sort((a, b) => a - b), word).toEqual(containing);
    }
  });
});
