import { MilvusError } from '@mvkit/core';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../src/engine/index.js';

/**
 * The `jieba` tokenizer and the `chinese` built-in analyzer: segmentations known from jieba-rs's
 * own documentation and tests, tantivy's JiebaTokenizer offsets (UTF-8 bytes) and positions
 * (code point start, length in code points), and every parameter error with upstream's message.
 */
const analyze = (params: object, text: string) =>
  createAnalyzer(JSON.stringify(params))(text).map((t) => [t.text, t.startOffset, t.endOffset, t.position, t.positionLength]);
const words = (params: object, text: string) => createAnalyzer(JSON.stringify(params))(text).map((t) => t.text);

describe('jieba tokenizer', () => {
  it('defaults to search mode: the exact cut, each long word preceded by its dictionary 2- and 3-grams', () => {
    expect(words({ tokenizer: 'jieba' }, '我来到北京清华大学')).toEqual(['我', '来到', '北京', '清华', '华大', '大学', '清华大学']);
    expect(words({ tokenizer: { type: 'jieba' } }, '南京市长江大桥')).toEqual(['南京', '京市', '南京市', '长江', '大桥', '长江大桥']);
  });

  it('gives UTF-8 byte offsets, and the code point start and length as position and position length', () => {
    expect(analyze({ tokenizer: 'jieba' }, '我来到北京清华大学')).toEqual([
      ['我', 0, 3, 0, 1],
      ['来到', 3, 9, 1, 2],
      ['北京', 9, 15, 3, 2],
      ['清华', 15, 21, 5, 2],
      ['华大', 18, 24, 6, 2],
      ['大学', 21, 27, 7, 2],
      ['清华大学', 15, 27, 5, 4],
    ]);
    expect(analyze({ tokenizer: 'jieba' }, 'é😀北京')).toEqual([
      ['é', 0, 2, 0, 1],
      ['😀', 2, 6, 1, 1],
      ['北京', 6, 12, 2, 2],
    ]);
    expect(analyze({ tokenizer: 'jieba' }, '')).toEqual([]);
  });

  it('exact mode cuts once; hmm false leaves unknown words as single characters', () => {
    const exact = { type: 'jieba', mode: 'exact' };
    expect(words({ tokenizer: exact }, '我来到北京清华大学')).toEqual(['我', '来到', '北京', '清华大学']);
    expect(words({ tokenizer: { ...exact, hmm: false } }, '我们中出了一个叛徒')).toEqual(['我们', '中', '出', '了', '一个', '叛徒']);
    expect(words({ tokenizer: exact }, '他来到了网易杭研大厦')).toEqual(['他', '来到', '了', '网易', '杭研', '大厦']);
    expect(words({ tokenizer: { ...exact, hmm: false } }, '他来到了网易杭研大厦')).toEqual(['他', '来到', '了', '网易', '杭', '研', '大厦']);
  });

  it('keeps punctuation, spaces and Latin words as tokens (filters remove them)', () => {
    expect(words({ tokenizer: 'jieba' }, '你好！世界。 Milvus 2.5')).toEqual(['你好', '！', '世界', '。', ' ', 'Milvus', ' ', '2.5']);
    expect(words({ tokenizer: 'jieba', filter: ['cnalphanumonly', 'lowercase'] }, '你好！世界。 Milvus 2.5')).toEqual(['你好', '世界', 'milvus', '2.5']);
  });

  it('adds the words of dict to the default dictionary, for that analyzer only', () => {
    const custom = { type: 'jieba', dict: ['_default_', '结巴分词器'], mode: 'exact', hmm: false };
    expect(words({ tokenizer: custom }, 'milvus结巴分词器中文测试')).toEqual(['milvus', '结巴分词器', '中文', '测试']);
    expect(words({ tokenizer: { type: 'jieba', mode: 'exact', hmm: false } }, 'milvus结巴分词器中文测试')).toEqual(['milvus', '结巴', '分词器', '中文', '测试']);
    expect(words({ tokenizer: { ...custom, dict: ['_default_'] } }, 'milvus结巴分词器中文测试')).toEqual(['milvus', '结巴', '分词器', '中文', '测试']);
  });
});

describe('chinese built-in analyzer', () => {
  it('is jieba in search mode then cnalphanumonly, then the user stop words', () => {
    expect(analyze({ type: 'chinese' }, '你好，Milvus 世界！')).toEqual([
      ['你好', 0, 6, 0, 2],
      ['Milvus', 9, 15, 3, 6],
      ['世界', 16, 22, 10, 2],
    ]);
    expect(words({ type: 'chinese' }, '我来到北京清华大学')).toEqual(['我', '来到', '北京', '清华', '华大', '大学', '清华大学']);
    expect(words({ type: 'chinese', stop_words: ['我', '华大'] }, '我来到北京清华大学')).toEqual(['来到', '北京', '清华', '大学', '清华大学']);
  });
});

describe('jieba refusals', () => {
  const reason = (params: object): string => {
    try {
      createAnalyzer(JSON.stringify(params));
    } catch (e) {
      expect(MilvusError.is(e)).toBe(true);
      expect((e as MilvusError).code).toBe(2000);
      return (e as MilvusError).reason;
    }
    throw new Error(`accepted ${JSON.stringify(params)}`);
  };
  const jieba = (params: object) => reason({ tokenizer: { type: 'jieba', ...params } });

  it('checks dict, then mode, then hmm, with upstream messages', () => {
    expect(jieba({ dict: '_default_' })).toBe('jieba tokenizer dict must be array');
    expect(jieba({ dict: ['_default_', 1] })).toBe('jieba tokenizer dict item must be string');
    expect(jieba({ mode: 1 })).toBe('jieba tokenizer mode must be string');
    expect(jieba({ mode: 'full' })).toBe('jieba tokenizer mode must be "exact" or "search"');
    expect(jieba({ mode: 'Exact' })).toBe('jieba tokenizer mode must be "exact" or "search"');
    expect(jieba({ hmm: 'true' })).toBe('jieba tokenizer mode must be boolean');
    expect(jieba({ dict: 1, mode: 1, hmm: 1 })).toBe('jieba tokenizer dict must be array');
    expect(jieba({ mode: 1, hmm: 1 })).toBe('jieba tokenizer mode must be string');
  });

  it('refuses a dictionary without the default one (a divergence: Milvus starts from an empty dictionary)', () => {
    expect(jieba({ dict: ['结巴分词器'] })).toBe('jieba tokenizer dict without "_default_" is not supported');
    expect(jieba({ dict: [] })).toBe('jieba tokenizer dict without "_default_" is not supported');
  });

  it('refuses bad chinese stop words and still refuses lindera', () => {
    expect(reason({ type: 'chinese', stop_words: '的' })).toBe('filter stop_words should be array');
    expect(reason({ tokenizer: { type: 'lindera' } })).toBe('unsupported tokenizer: lindera');
  });
});
