import { describe, expect, it } from 'vitest';
import { loadData } from '../src/corpus.js';
import { errataProblems, matchOutput, resolveErratum, sameValue, type Erratum } from '../src/match.js';

describe('output matching', () => {
  it('matches equal values and documented projections', () => {
    expect(matchOutput(true, true)).toEqual({ ok: true });
    expect(matchOutput(true, { status: {}, value: true })).toEqual({ ok: true, via: '.value' });
    expect(matchOutput('LoadStateLoaded', { state: 'LoadStateLoaded' })).toEqual({ ok: true, via: '.state' });
    expect(matchOutput(['_default', 'p'], { partition_names: ['p', '_default'] })).toEqual({ ok: true, via: '.partition_names' });
  });

  it('reports mismatches with both values', () => {
    const r = matchOutput('LoadStateNotLoaded', { state: 'LoadStateNotLoad' });
    expect(r).toEqual({ ok: false, detail: 'documented "LoadStateNotLoaded", printed {"state":"LoadStateNotLoad"}' });
    expect(matchOutput(false, { value: true }).ok).toBe(false);
    expect(matchOutput(['_default'], { partition_names: ['_default', 'partitionA'] }).ok).toBe(false);
  });

  it('is order-insensitive for name lists only', () => {
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });
});

describe('errata', () => {
  const base: Erratum = { page: 'p.md', language: 'javascript', block: 5, documented: 'A', expected: 'B', kind: 'erratum', reason: 'r', source: 's' };
  const site = { page: 'p.md', language: 'javascript', block: 5, client: 'official' };

  it('are resolved in one place: by page, language, block, client, documented form and the output', () => {
    const mine: Erratum = { ...base, client: 'mvkit' };
    expect(resolveErratum([mine], site, ['A'], () => true)).toBeUndefined();
    expect(resolveErratum([mine], { ...site, client: 'mvkit' }, ['A'], () => true)).toBe(mine);
    expect(resolveErratum([base], site, ['other', 'A'], (x) => x === 'B')).toBe(base);
    expect(resolveErratum([base], site, ['A'], (x) => x === 'C')).toBeUndefined();
    expect(resolveErratum([base], { ...site, block: 4 }, ['A'], () => true)).toBeUndefined();
  });

  it('may not accept two answers for one block and client, and the corpus list does not', () => {
    expect(errataProblems([base, { ...base, client: 'official', expected: 'C', kind: 'doc-error' }])).toEqual([
      'p.md javascript#5 documented "A": "B" (every client) and "C" (official) are both accepted',
    ]);
    expect(errataProblems([base, { ...base }])).toEqual(['p.md javascript#5 documented "A": two entries for every client']);
    expect(errataProblems([{ ...base, client: 'mvkit' }, { ...base, client: 'official', expected: 'C' }])).toEqual([]);
    expect(errataProblems(loadData<Erratum[]>('errata.json'))).toEqual([]);
  });
});
