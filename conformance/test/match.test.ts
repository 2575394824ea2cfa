import { describe, expect, it } from 'vitest';
import { matchOutput, sameValue } from '../src/match.js';

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
