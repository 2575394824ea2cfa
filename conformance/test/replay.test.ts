import { describe, expect, it } from 'vitest';
import { loadData } from '../src/corpus.js';
import type { Erratum } from '../src/match.js';
import { replay } from '../src/replay.js';

/** End to end: the corpus against the embedded reference server with both Node clients. */
describe('replay against the embedded reference server', () => {
  it('passes every applicable JavaScript block with both clients', async () => {
    const report = await replay();
    const js = report.results.filter((r) => r.language === 'javascript');
    const docErrors = loadData<Erratum[]>('errata.json').filter((e) => e.kind === 'doc-error');
    expect(report.clients).toMatchObject({ mvkit: expect.stringMatching(/^@mvkit\/client@/), official: '@zilliz/milvus2-sdk-node@3.0.6', curl: '/usr/bin/curl' });
    expect(js.filter((r) => r.outcome === 'fail')).toEqual([]);
    for (const r of js.filter((x) => x.outcome === 'doc-error')) {
      expect(docErrors.some((e) => e.page === r.page && e.block === r.block && e.client === r.client)).toBe(true);
    }
    const mvkit = js.filter((r) => r.client === 'mvkit');
    expect(mvkit.filter((r) => r.outcome === 'pass').length).toBe(8);
    expect(js.filter((r) => r.outcome === 'n/a')).toEqual([]);
    // The 1.x partitionManager form runs as documented with @mvkit/client, corrected with the official SDK.
    const legacy = js.filter((r) => r.page === 'release_partition.md');
    expect(legacy.map((r) => [r.client, r.outcome])).toEqual([
      ['mvkit', 'pass'],
      ['official', 'doc-error'],
    ]);
    expect(legacy[1]!.detail).toContain('With the correction "milvusClient.partitionManager.releasePartitions(" → "milvusClient.releasePartitions(" it ran against the target');
    // Each page runs under the profile of its era; the release_partition page's four 2.2 constraints hold there.
    expect(report.profiles).toEqual({ 'create_drop_collection_python.md': '1.x', 'drop_partition.md': '2.2', 'manage-partitions.md': '2.5', 'release_partition.md': '2.2' });
    const constraints = report.results.filter((r) => r.language === 'constraint');
    expect(constraints.map((r) => [r.page, r.block, r.outcome])).toEqual([1, 2, 3, 4].map((n) => ['release_partition.md', n, 'pass']));
    expect(constraints[3]!.detail).toBe('Loading different partitions in a same collection via separate RPCs is not allowed. — holds on Milvus v2.2.16');
    const others = report.results.filter((r) => r.language !== 'javascript' && r.language !== 'constraint' && r.client !== 'curl' && r.client !== 'rest-transport');
    expect(others.every((r) => r.outcome === 'n/a' && r.detail.length > 0)).toBe(true);
    expect(report.summary.fail).toBe(0);
  }, 120_000);

  it('reports the cURL blocks as skipped with --no-curl', async () => {
    const report = await replay({ curl: false, client: 'mvkit', page: 'manage-partitions.md' });
    const bash = report.results.filter((r) => r.language === 'bash');
    expect(bash.length).toBeGreaterThan(0);
    expect(bash.every((r) => r.client === 'curl' && r.outcome === 'n/a' && r.detail === 'skipped by --no-curl')).toBe(true);
  });
});

describe('replay against a target of another era', () => {
  it('reports the 2.2 constraints as not applicable on a 2.5 server, naming both eras, and they fail on a 2.2 server that breaks them', async () => {
    const { startServer } = await import('@mvkit/server');
    const current = await startServer({ port: 0 });
    try {
      const report = await replay({ uri: current.address, client: 'mvkit', curl: false, page: 'release_partition.md' });
      const constraints = report.results.filter((r) => r.language === 'constraint');
      expect(constraints).toHaveLength(4);
      expect(constraints.every((r) => r.outcome === 'n/a' && r.detail.startsWith("target is Milvus v2.5.4, the constraint is 2.2's: "))).toBe(true);
    } finally {
      await current.close();
    }
    // A server that reports 2.2 but loads as 2.5 does is caught by the cases.
    const impostor = await startServer({ port: 0, version: 'v2.2.16' });
    try {
      const report = await replay({ uri: impostor.address, client: 'mvkit', curl: false, page: 'release_partition.md' });
      const outcomes = report.results.filter((r) => r.language === 'constraint').map((r) => r.outcome);
      expect(outcomes).toEqual(['fail', 'pass', 'fail', 'fail']);
    } finally {
      await impostor.close();
    }
  }, 60_000);
});

describe('replay against a target it cannot use', () => {
  it('fails every block with the reason, reports each page as it finishes, for a dead address and for a refused token', async () => {
    const { startServer } = await import('@mvkit/server');
    const secured = await startServer({ port: 0, auth: { users: { root: 'Milvus' } } });
    try {
      for (const [uri, token, why] of [
        ['127.0.0.1:1', undefined, /cannot be used: /],
        [secured.address, 'root:wrong', /cannot be used: .*(auth|credential|password)/i],
      ] as const) {
        const seen: string[] = [];
        const report = await replay({ uri, ...(token ? { token } : {}), client: 'mvkit', page: 'drop_partition.md', onResults: (rs) => seen.push(...rs.map((r) => `${r.language}#${r.block}`)) });
        expect(report.results.length).toBeGreaterThan(0);
        expect(report.results.every((r) => r.outcome === 'fail' && why.test(r.detail)), JSON.stringify(report.results[0])).toBe(true);
        expect(seen).toEqual(report.results.map((r) => `${r.language}#${r.block}`));
      }
    } finally {
      await secured.close();
    }
  }, 60_000);
});
