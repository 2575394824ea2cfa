import { describe, expect, it } from 'vitest';
import { loadData } from '../src/corpus.js';
import { erratumConfirmations, type Erratum } from '../src/match.js';
import { REAL_MILVUS_VERSION } from '../src/real-milvus.js';
import { replay } from '../src/replay.js';
import { comparisonLine, sideBySide, summaryLine } from '../src/report.js';

// The documentation corpus replayed on the reference server and on a real Milvus 2.3.5 (installed
// into conformance/.cache on first use; never skipped: a failed install fails this test).
describe('the corpus on the reference server and on a real Milvus', () => {
  it('differs only where a known class of difference explains it, and the real run reproduces every erratum checked against it', async () => {
    const languages = { python: true, go: true, java: true, curl: true } as const;
    const embedded = await replay({ ...languages });
    const real = await replay({ target: 'milvus', ...languages });
    const comparison = sideBySide(embedded, real);
    console.log(`reference server: ${summaryLine(embedded)}\nreal Milvus ${REAL_MILVUS_VERSION}: ${summaryLine(real)}\n${comparisonLine(comparison)}`);
    expect(real.target).toMatch(/^real Milvus 2\.3\.5/);
    // Every language really ran on the real Milvus: its gRPC blocks pass there.
    for (const client of ['mvkit', 'official', 'pymilvus', 'go-sdk', 'java-sdk']) expect(real.results.some((r) => r.client === client && r.outcome === 'pass'), client).toBe(true);
    expect(comparison.rows.filter((r) => r.explanation?.startsWith('unexplained')).map((r) => `${r.page} ${r.block} ${r.client}: ${r.explanation}`)).toEqual([]);
    expect(erratumConfirmations(loadData<Erratum[]>('errata.json'), real.results, REAL_MILVUS_VERSION)).toEqual([]);
  }, 900_000);
});
