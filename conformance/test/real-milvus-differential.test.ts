import { describe, expect, it } from 'vitest';
import { loadData } from '../src/corpus.js';
import { runDifferential } from '../src/differential.js';
import type { KnownDivergence } from '../src/replay.js';

// pymilvus 2.3.7 against a real Milvus 2.3.5 and against the reference server (installed into
// conformance/.cache on first use; never skipped: a failed install fails this test).
describe('differential test against a real Milvus', () => {
  it('diverges only where conformance/known-divergences.json lists the step, and every listed step still diverges', async () => {
    const known = loadData<KnownDivergence[]>('../known-divergences.json');
    const result = await runDifferential(known);
    const unlisted = result.divergences.filter((d) => !d.known);
    console.log(`differential vs Milvus ${result.milvus}: ${result.steps} steps, ${result.steps - result.divergences.length} agree, ${result.divergences.length} diverge (${result.divergences.length - unlisted.length} listed, ${unlisted.length} unlisted)`);
    expect(result.steps).toBeGreaterThanOrEqual(200);
    expect(unlisted.map((d) => `${d.step}: real ${JSON.stringify(d.real)}, mvkit ${JSON.stringify(d.mvkit)}`)).toEqual([]);
    const diverging = new Set(result.divergences.map((d) => d.step));
    const stale = known.filter((k) => !k.timing).flatMap((k) => k.steps ?? []).filter((s) => !diverging.has(s));
    expect(stale, 'listed steps that now agree with Milvus (remove them from known-divergences.json)').toEqual([]);
  }, 900_000);
});
