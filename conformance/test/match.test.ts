import { describe, expect, it } from 'vitest';
import { loadData } from '../src/corpus.js';
import { comparisonLine, sideBySide } from '../src/report.js';
import { errataProblems, erratumConfirmations, matchOutput, resolveErratum, sameValue, type Erratum } from '../src/match.js';

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
  const base: Erratum = { page: 'p.md', language: 'javascript', block: 5, documented: 'A', expected: 'B', kind: 'erratum', reason: 'r', source: 's', checked: { milvus: '2.3.5' } };
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

  it('record the real Milvus they were checked against, or why none could run them', () => {
    const { checked: _, ...unrecorded } = base;
    expect(errataProblems([unrecorded as Erratum])).toEqual(['p.md javascript#5 documented "A": no record of the real Milvus it was checked against (checked: { milvus } or { milvus: null, why })']);
    expect(errataProblems([{ ...base, checked: { milvus: null, why: '' } }])).toHaveLength(1);
    expect(errataProblems([{ ...base, checked: { milvus: null, why: 'no REST v2 in 2.3' } }])).toEqual([]);
  });

  it('checked against a Milvus version must be reproduced by a run against it', () => {
    const run = { page: 'p.md', language: 'javascript', block: 5, client: 'official' };
    expect(erratumConfirmations([base], [{ ...run, outcome: 'pass', detail: 'output matches the erratum "B"' }], '2.3.5')).toEqual([]);
    // Milvus printed the documented value itself: the erratum is not needed there, so it is not confirmed.
    expect(erratumConfirmations([base], [{ ...run, outcome: 'pass', detail: 'output matches' }], '2.3.5')).toHaveLength(1);
    expect(erratumConfirmations([{ ...base, kind: 'doc-error' }], [{ ...run, outcome: 'fail', detail: 'x' }], '2.3.5')[0]).toMatch(/not reproduced by Milvus 2.3.5: official fail: x/);
    expect(erratumConfirmations([base], [], '2.3.5')[0]).toMatch(/the block did not run/);
    expect(erratumConfirmations([{ ...base, checked: { milvus: null, why: 'w' } }], [], '2.3.5')).toEqual([]);
  });
});

describe('side by side', () => {
  const result = (outcome: 'pass' | 'fail', detail: string, language = 'bash') => ({ page: 'p.md', language, block: 1, client: 'curl', outcome, detail });
  const report = (results: ReturnType<typeof result>[]) => ({ target: 't', clients: {}, results, summary: { pass: 0, fail: 0, docError: 0, notApplicable: 0 }, knownDivergences: [] });

  it('explains a RESTful v2 404 on the real Milvus as the era difference, and nothing else', () => {
    const explained = sideBySide(report([result('pass', 'ok')]), report([result('fail', 'call 1: HTTP 404 page not found')]));
    expect(explained.rows[0]!.explanation).toMatch(/^era: Milvus 2.3 has no RESTful v2 API/);
    const unexplained = sideBySide(report([result('pass', 'ok', 'python')]), report([result('fail', 'code 65535', 'python')]));
    expect(unexplained.rows[0]!.explanation).toBe('unexplained: real fail (code 65535), embedded pass (ok)');
    expect(comparisonLine(unexplained)).toBe('0 agree, 1 differ (0 explained, 1 unexplained); passed on the real Milvus 0, on the reference server 1');
  });

  it('explains a 1.x block refused by a Milvus 2.x as the era difference only when the 1.x service is unknown there', () => {
    const v1 = sideBySide(report([result('pass', 'ok', 'python')]), report([result('fail', 'raised NotConnectError at line 3: Cannot check server version: Error occurred. unknown service milvus.grpc.MilvusService', 'python')]));
    expect(v1.rows[0]!.explanation).toMatch(/^era: Milvus 2\.x does not serve the Milvus 1\.x protocol/);
    const other = sideBySide(report([result('pass', 'ok', 'python')]), report([result('fail', 'raised NotConnectError: connection refused', 'python')]));
    expect(other.rows[0]!.explanation).toMatch(/^unexplained/);
  });
});
