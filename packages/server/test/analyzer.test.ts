import { MilvusError } from '@mvkit/core';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, runAnalyzer, tokenHash } from '../src/engine/index.js';

/**
 * Milvus 2.5's analyzers in the engine: each tokenizer and filter with exact tokens, UTF-8 byte
 * offsets and positions, the built-ins, the hashes, and every `analyzer_params` error with the
 * Rust binding's message (code 2000).
 */
const analyze = (params: object | string, text: string) =>
  createAnalyzer(typeof params === 'string' ? params : JSON.stringify(params))(text).map((t) => [t.text, t.startOffset, t.endOffset, t.position]);
const texts = (params: object, text: string) => createAnalyzer(JSON.stringify(params))(text).map((t) => t.text);

describe('tokenizers', () => {
  it('standard splits at every code point that is neither alphabetic nor numeric, with UTF-8 byte offsets', () => {
    expect(analyze({ tokenizer: 'standard' }, 'Héllo, Wörld! 東京 café 😀 ok2go')).toEqual([
      ['Héllo', 0, 6, 0],
      ['Wörld', 8, 14, 1],
      ['東京', 16, 22, 2],
      ['café', 23, 28, 3],
      ['ok2go', 34, 39, 4],
    ]);
    expect(analyze({ tokenizer: { type: 'standard' } }, "it's 3.14")).toEqual([['it', 0, 2, 0], ['s', 3, 4, 1], ['3', 5, 6, 2], ['14', 7, 9, 3]]);
    expect(analyze({ tokenizer: 'standard' }, ' ,😀 ')).toEqual([]);
  });

  it('whitespace splits at ASCII whitespace only (a no-break space and emoji stay inside tokens)', () => {
    expect(analyze({ tokenizer: 'whitespace' }, 'a\tb  ção😀x\u00a0y\r\n')).toEqual([['a', 0, 1, 0], ['b', 2, 3, 1], ['ção😀x\u00a0y', 5, 18, 2]]);
    expect(analyze({ tokenizer: { type: 'whitespace' } }, 'Hello, World!')).toEqual([['Hello,', 0, 6, 0], ['World!', 7, 13, 1]]);
  });
});

describe('built-in analyzers', () => {
  it('standard (also for empty params) lowercases, then drops the user stop words', () => {
    expect(analyze('', 'Hello WORLD')).toEqual([['hello', 0, 5, 0], ['world', 6, 11, 1]]);
    expect(analyze({}, 'ÉCOLE Σ')).toEqual([['école', 0, 6, 0], ['σ', 7, 9, 1]]);
    expect(analyze({ type: 'standard', stop_words: ['hello'] }, 'Hello the World')).toEqual([['the', 6, 9, 1], ['world', 10, 15, 2]]);
    expect(analyze({ type: 'standard', stop_words: ['_english_'] }, 'Hello the World')).toEqual([['hello', 0, 5, 0], ['world', 10, 15, 2]]);
  });

  it('english lowercases, stems, drops the English stop words and then the user ones', () => {
    expect(analyze({ type: 'english' }, 'The runners are running quickly to the stations')).toEqual([
      ['runner', 4, 11, 1],
      ['run', 16, 23, 3],
      ['quick', 24, 31, 4],
      ['station', 39, 47, 7],
    ]);
    expect(texts({ type: 'english', stop_words: ['run'] }, 'Running dogs ran')).toEqual(['dog', 'ran']);
  });
});

describe('filters', () => {
  const custom = (filter: unknown[], text: string, tokenizer = 'standard') => analyze({ tokenizer, filter }, text);

  it('lowercase lowercases each code point', () => {
    expect(custom(['lowercase'], 'ÀB Straße İx')).toEqual([['àb', 0, 3, 0], ['straße', 4, 11, 1], ['i̇x', 12, 15, 2]]);
  });

  it('asciifolding folds accented and special Latin letters, keeping offsets of the original text', () => {
    expect(custom(['asciifolding', 'lowercase'], 'Crème Brûlée Straße Æsir')).toEqual([
      ['creme', 0, 6, 0],
      ['brulee', 7, 15, 1],
      ['strasse', 16, 23, 2],
      ['aesir', 24, 29, 3],
    ]);
    expect(custom(['asciifolding'], 'Łódź 東京')).toEqual([['Lodz', 0, 7, 0], ['東京', 8, 14, 1]]);
  });

  it('alphanumonly keeps tokens of ASCII letters and digits only', () => {
    expect(custom(['alphanumonly'], 'abc café 42 東京')).toEqual([['abc', 0, 3, 0], ['42', 10, 12, 2]]);
  });

  it('cncharonly keeps tokens with a Han character; cnalphanumonly those with a Han character or an ASCII letter or digit', () => {
    expect(custom(['cncharonly'], 'abc 東京 x东y 42')).toEqual([['東京', 4, 10, 1], ['x东y', 11, 16, 2]]);
    expect(custom(['cnalphanumonly'], 'abc 東京 ñ 42 😀', 'whitespace')).toEqual([['abc', 0, 3, 0], ['東京', 4, 10, 1], ['42', 14, 16, 3]]);
  });

  it('length keeps tokens of at most max UTF-8 bytes', () => {
    expect(custom([{ type: 'length', max: 3 }], 'a abc abcd é日 ü')).toEqual([['a', 0, 1, 0], ['abc', 2, 5, 1], ['ü', 17, 19, 4]]);
    expect(custom([{ type: 'length', max: 0 }], 'a b')).toEqual([]);
  });

  it('stop drops exact matches (case-sensitive), _english_ expanded', () => {
    expect(custom([{ type: 'stop', stop_words: ['_english_', 'foo'] }], 'The foo is bar Foo')).toEqual([['The', 0, 3, 0], ['bar', 11, 14, 3], ['Foo', 15, 18, 4]]);
    expect(custom(['lowercase', { type: 'stop', stop_words: ['_english_'] }], 'The foo')).toEqual([['foo', 4, 7, 1]]);
  });

  it('decompounder splits a token the words cover whole (longest word first, no backtracking), parts keeping the token offsets and position', () => {
    const words = ['dampf', 'schiff', 'fahrt', 'brot', 'backen'];
    expect(custom([{ type: 'decompounder', word_list: words }], 'Dampfschifffahrt brotbacken broty', 'whitespace')).toEqual([
      ['Dampfschifffahrt', 0, 16, 0],
      ['brot', 17, 27, 1],
      ['backen', 17, 27, 1],
      ['broty', 28, 33, 2],
    ]);
    expect(custom(['lowercase', { type: 'decompounder', word_list: words }], 'Dampfschifffahrt')).toEqual([
      ['dampf', 0, 16, 0],
      ['schiff', 0, 16, 0],
      ['fahrt', 0, 16, 0],
    ]);
    expect(texts({ tokenizer: 'standard', filter: [{ type: 'decompounder', word_list: ['ab', 'abc', 'c', 'cd'] }] }, 'abcc abcd')).toEqual(['abc', 'c', 'abcd']);
  });

  it('stemmer stems with the Snowball algorithm of its language (named in any case)', () => {
    expect(custom([{ type: 'stemmer', language: 'English' }], 'running jumps')).toEqual([['run', 0, 7, 0], ['jump', 8, 13, 1]]);
    expect(texts({ tokenizer: 'standard', filter: [{ type: 'stemmer', language: 'french' }] }, 'continuellement')).toEqual(['continuel']);
    expect(texts({ tokenizer: 'standard', filter: [{ type: 'stemmer', language: 'arabig' }] }, 'running')).toEqual(['running']);
  });

  it('applies filters in order and skips entries that are neither names nor objects', () => {
    expect(texts({ tokenizer: 'standard', filter: [{ type: 'stop', stop_words: ['the'] }, 'lowercase'] }, 'The the')).toEqual(['the']);
    expect(texts({ tokenizer: 'standard', filter: [1, null, ['lowercase'], 'lowercase'] }, 'A')).toEqual(['a']);
  });
});

describe('RunAnalyzer tokens and hashes', () => {
  it('hashes a token as CRC-32 of its first 100 UTF-8 bytes modulo 2^32-1 (typeutil.HashString2LessUint32)', () => {
    expect(tokenHash('hello')).toBe(907060870);
    expect(tokenHash('東京')).toBe(2451981039);
    expect(tokenHash('a'.repeat(150))).toBe(2943384164);
  });

  it('answers detail and hash only when asked', () => {
    const input = { analyzerParams: '{"type": "english"}', texts: ['Running fast', ''] };
    expect(runAnalyzer({ ...input, withDetail: false, withHash: false })).toEqual([
      [
        { token: 'run', startOffset: 0, endOffset: 0, position: 0, positionLength: 0, hash: 0 },
        { token: 'fast', startOffset: 0, endOffset: 0, position: 0, positionLength: 0, hash: 0 },
      ],
      [],
    ]);
    expect(runAnalyzer({ ...input, withDetail: true, withHash: true })[0]).toEqual([
      { token: 'run', startOffset: 0, endOffset: 7, position: 0, positionLength: 1, hash: 1349952704 },
      { token: 'fast', startOffset: 8, endOffset: 12, position: 1, positionLength: 1, hash: tokenHash('fast') },
    ]);
  });
});

describe('analyzer_params errors', () => {
  const refused = (params: object | string): MilvusError => {
    try {
      createAnalyzer(typeof params === 'string' ? params : JSON.stringify(params));
    } catch (e) {
      expect(MilvusError.is(e)).toBe(true);
      expect((e as MilvusError).code).toBe(2000);
      return e as MilvusError;
    }
    throw new Error(`accepted ${JSON.stringify(params)}`);
  };
  const reason = (params: object | string) => refused(params).reason;
  const withFilter = (filter: unknown) => reason({ tokenizer: 'standard', filter: [filter] });

  it('refuses params that are not a JSON object', () => {
    expect(reason('not json')).toMatch(/^invalid analyzer params json: /);
    expect(reason('[1]')).toBe('params should be a json map');
    expect(reason('"standard"')).toBe('params should be a json map');
  });

  it('refuses bad built-ins', () => {
    expect(reason({ type: 1 })).toBe('analyzer type shoud be string');
    expect(reason({ type: 'nope', tokenizer: 'standard' })).toBe('unknown build-in analyzer type: nope');
    expect(reason({ type: 'standard', stop_words: 'a' })).toBe('filter stop_words should be array');
    expect(reason({ type: 'english', stop_words: [1] })).toBe('filter stop_words list item should be string');
  });

  it('refuses bad tokenizers', () => {
    expect(reason({ filter: ['lowercase'] })).toBe('tokenizer name or type must be set');
    expect(reason({ tokenizer: 1 })).toBe('tokenizer name should be string or dict');
    expect(reason({ tokenizer: ['standard'] })).toBe('tokenizer name should be string or dict');
    expect(reason({ tokenizer: {} })).toBe('costum tokenizer must set type');
    expect(reason({ tokenizer: { type: 1 } })).toBe('tokenizer type should be string');
    expect(reason({ tokenizer: { type: 'lindera' } })).toBe('unsupported tokenizer: lindera');
    expect(reason({ tokenizer: 'lindera', filter: 'x' })).toBe('unsupported tokenizer: lindera');
  });

  it('refuses unknown keys, checked with the filter in sorted key order', () => {
    expect(reason({ tokenizer: 'standard', extra: 1 })).toBe('unknown analyzer option key: extra');
    expect(reason({ tokenizer: 'standard', zeta: 1, filter: ['nope'] })).toBe('build analyzer failed, filter not found :nope');
    expect(reason({ tokenizer: 'standard', alpha: 1, filter: ['nope'] })).toBe('unknown analyzer option key: alpha');
  });

  it('refuses bad filters', () => {
    expect(reason({ tokenizer: 'standard', filter: 'lowercase' })).toBe('filter params should be array');
    expect(withFilter('nope')).toBe('build analyzer failed, filter not found :nope');
    expect(withFilter('constructor')).toBe('build analyzer failed, filter not found :constructor');
    expect(withFilter({})).toBe('no type field in filter params');
    expect(withFilter({ type: 1 })).toBe('filter type should be string');
    expect(withFilter({ type: 'lowercase' })).toBe('unsupport filter type: lowercase');
    for (const max of [undefined, -1, 1.5, '3']) expect(withFilter({ type: 'length', max })).toBe('lenth max param was none or not uint');
    expect(withFilter({ type: 'stop' })).toBe("stop filter stop_words can't be empty");
    expect(withFilter({ type: 'stop', stop_words: 'a' })).toBe('stop_words filter should be array');
    expect(withFilter({ type: 'stop', stop_words: ['a', 2] })).toBe('stop_words filter list item should be string');
    expect(withFilter({ type: 'decompounder' })).toBe('decompounder word list should be array');
    expect(withFilter({ type: 'decompounder', word_list: [1] })).toBe('decompounder word list item should be string');
    expect(withFilter({ type: 'stemmer' })).toBe('stemmer language field should be string');
    expect(withFilter({ type: 'stemmer', language: 'Klingon' })).toBe('create stemmer failed : unsupport language: klingon');
    expect(withFilter({ type: 'stemmer', language: 'arabic' })).toBe('create stemmer failed : unsupport language: arabic');
  });
});
