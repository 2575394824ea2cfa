import { MilvusClient } from '@mvkit/client';
import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../src/corpus.js';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import type { Erratum } from '../src/match.js';
import { ensureMilvusCliEnv, milvusCliCommands, runMilvusCliPage, type MilvusCliEnv } from '../src/runners/milvus-cli.js';

function block(languageIndex: number, code: string): CodeBlock {
  return { page: 'p.md', index: languageIndex, languageIndex, language: 'shell', group: 0, code, documentedOutputs: documentedOutputs('shell', code) };
}

describe('milvus_cli commands of a shell block', () => {
  it('takes off the prompt, blank lines and comments', () => {
    expect(milvusCliCommands('milvus_cli > delete partition -c book -p novel\n\n# a note\n  release partition -c book -p novel  ')).toEqual(['delete partition -c book -p novel', 'release partition -c book -p novel']);
  });
});

/** The pinned milvus_cli (its own venv, made on first use) against an embedded server. */
describe('the milvus_cli runner against the reference server', () => {
  let env: MilvusCliEnv;
  let server: RunningServer;
  let client: MilvusClient;
  const errata = loadData<Erratum[]>('errata.json');
  const book = async (loaded: boolean) => {
    await client.dropCollection({ collection_name: 'book' });
    await client.createCollection({ collection_name: 'book', fields: [{ name: 'book_id', data_type: 'Int64', is_primary_key: true }, { name: 'v', data_type: 'FloatVector', dim: 2 }] });
    await client.createPartition({ collection_name: 'book', partition_name: 'novel' });
    await client.createIndex({ collection_name: 'book', field_name: 'v', index_type: 'FLAT', metric_type: 'L2' });
    if (loaded) await client.loadCollection({ collection_name: 'book' });
  };
  const target = () => ({ uri: `http://${server.address}`, token: 'root:Milvus' });

  beforeAll(async () => {
    env = await ensureMilvusCliEnv({ timeout: 600_000 });
    server = await startServer({ port: 0 });
    client = new MilvusClient({ address: server.address });
  }, 620_000);
  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  it('is the pinned milvus-cli 1.2.0 on pymilvus 2.5.18', () => {
    expect(env).toMatchObject({ milvusCli: '1.2.0', pymilvus: '2.5.18' });
  });

  it('runs each command against the target: the partition is dropped, then a release of another is a failure with the server reason', async () => {
    const results = await runMilvusCliPage('p.md', [block(1, 'delete partition -c book -p novel'), block(2, 'release partition -c book -p nosuch')], { target: target(), env, setup: () => book(false), errata: [] });
    expect(results.map((r) => [r.block, r.outcome]), JSON.stringify(results)).toEqual([
      [1, 'pass'],
      [2, 'fail'],
    ]);
    expect(results[0]!.rewrites).toEqual([`predefined: connect -uri http://${server.address} -t root:Milvus`]);
    expect((await client.showPartitions({ collection_name: 'book' })).partition_names).toEqual(['_default']);
    expect(results[1]!.detail).toMatch(/`release partition -c book -p nosuch` failed .*code=200, message=partition not found\[partition=nosuch\]/);
  }, 120_000);

  it("reports release_partition.md's `release -c book -p novel` as the doc-error it is and runs the corrected command", async () => {
    const results = await runMilvusCliPage('release_partition.md', [block(1, 'release -c book -p novel')], { target: target(), env, setup: () => book(true), errata });
    expect(results[0]).toMatchObject({ outcome: 'doc-error', detail: expect.stringContaining('With the correction "release -c book -p novel" → "release partition -c book -p novel" it ran 1 command(s) without error') });
    expect((await client.getLoadState({ collection_name: 'book', partition_names: ['novel'] })).state).toBe('LoadStateNotLoad');
    expect((await client.getLoadState({ collection_name: 'book', partition_names: ['_default'] })).state).toBe('LoadStateLoaded');
  }, 120_000);

  it('fails every block when the target refuses the connection', async () => {
    const secured = await startServer({ port: 0, auth: { users: { root: 'Milvus' } } });
    try {
      const results = await runMilvusCliPage('p.md', [block(1, 'delete partition -c book -p novel')], { target: { uri: `http://${secured.address}`, token: 'root:wrong' }, env, setup: async () => undefined, errata: [] });
      expect(results).toEqual([expect.objectContaining({ outcome: 'fail', detail: expect.stringMatching(/^connecting to the target failed: /) })]);
    } finally {
      await secured.close();
    }
  }, 120_000);
});
