import { describe, expect, it } from 'vitest';
import type { CodeBlock } from '../src/extract.js';
import { documentedOutputs } from '../src/extract.js';
import type { Erratum } from '../src/match.js';
import { runNodePage, transformBlock, type NodeSdk } from '../src/runners/node.js';

/** A fake SDK: an in-memory partition list, official-SDK style statuses (failures returned, not thrown). */
function fakeSdk(): NodeSdk & { constructed: { address: string; token?: string }[]; closed: number } {
  const state = { partitions: ['_default'], constructed: [] as { address: string; token?: string }[], closed: 0 };
  class MilvusClient {
    constructor(options: { address: string; token?: string }) {
      state.constructed.push(options);
    }
    async listPartitions() {
      return { status: { error_code: 'Success', code: 0 }, partition_names: [...state.partitions] };
    }
    async createPartition(req: { partition_name: string }) {
      state.partitions.push(req.partition_name);
      return { error_code: 'Success', code: 0, reason: '' };
    }
    async dropPartition(req: { partition_name: string }) {
      if (req.partition_name === '_default') return { error_code: 'UnexpectedError', code: 65535, reason: 'default partition cannot be deleted' };
      return { error_code: 'Success', code: 0, reason: '' };
    }
    async explode() {
      throw new Error('boom');
    }
    async closeConnection() {
      state.closed++;
    }
  }
  return Object.assign(state, { name: 'fake', specifier: 'fake-sdk', module: { MilvusClient, DataType: { Int64: 5 } } });
}

function block(languageIndex: number, code: string): CodeBlock {
  return { page: 'p.md', index: languageIndex, languageIndex, language: 'javascript', group: 0, code, documentedOutputs: documentedOutputs('javascript', code) };
}

const target = { address: '127.0.0.1:1234', token: 'alice:secret' };

describe('transformBlock', () => {
  it('rewrites the import, top-level declarations and the documented endpoint', () => {
    const t = transformBlock(
      'import { MilvusClient, DataType } from "@zilliz/milvus2-sdk-node";\nconst address = "http://localhost:19530";\nconst token = "root:Milvus";\nlet res = await f({ a: 1 });\nconst { x } = res;',
      target,
      '@mvkit/client',
    );
    expect(t.importLine).toBe('import { MilvusClient, DataType } from "@mvkit/client";');
    expect(t.code).toContain('MilvusClient = __sdk["MilvusClient"]; DataType = __sdk["DataType"];');
    expect(t.code).toContain('address = "127.0.0.1:1234";');
    expect(t.code).toContain('token = "alice:secret";');
    expect(t.code).toContain('res = await f({ a: 1 });');
    expect(t.code).toContain('({ x } = res);');
    expect(t.calls).toEqual([['f']]);
  });

  it('refuses imports of other modules and unparsable code', () => {
    expect(() => transformBlock('import x from "other";', target, 's')).toThrow(/imports other/);
    expect(() => transformBlock('let = ;', target, 's')).toThrow();
  });
});

describe('runNodePage', () => {
  const errata: Erratum[] = [];

  it('shares state between blocks and checks documented outputs', async () => {
    const sdk = fakeSdk();
    const results = await runNodePage(
      'p.md',
      [
        block(1, 'import { MilvusClient } from "@zilliz/milvus2-sdk-node";\nconst client = new MilvusClient({ address: "http://localhost:19530", token: "root:Milvus" });\nlet res = await client.listPartitions({});\nconsole.log(res)\n// Output\n// ["_default"]'),
        block(2, 'await client.createPartition({ partition_name: "a" });\nres = await client.listPartitions({});\nconsole.log(res)\n// Output\n// ["_default", "a"]'),
        block(3, 'res = await client.listPartitions({});\nconsole.log(res)\n// Output\n// ["_default"]'),
        block(4, 'await client.dropPartition({ partition_name: "_default" });'),
        block(5, 'await client.explode();'),
        block(6, 'await client.partitionManager.releasePartitions({});'),
      ],
      { sdk, target, fixture: [], errata },
    );
    expect(results.map((r) => r.outcome)).toEqual(['pass', 'pass', 'fail', 'fail', 'fail', 'n/a']);
    expect(results[2]!.detail).toBe('documented ["_default"], printed {"status":{"error_code":"Success","code":0},"partition_names":["_default","a"]}');
    expect(results[3]!.detail).toBe('dropPartition returned UnexpectedError (code 65535): default partition cannot be deleted');
    expect(results[4]!.detail).toBe('threw: boom');
    expect(results[5]!.detail).toMatch(/^client\.partitionManager is not part of the fake SDK's API/);
    expect(sdk.constructed).toContainEqual({ address: '127.0.0.1:1234', token: 'alice:secret' });
    expect(sdk.closed).toBe(sdk.constructed.length);
  });

  it('fails a block that calls a method the SDK under test lacks and another SDK offers, and one answered without a status', async () => {
    const sdk = fakeSdk();
    class Peer {
      async createAlias() {
        return { error_code: 'Success', code: 0 };
      }
    }
    const peer: NodeSdk = { name: 'peer', specifier: 'peer-sdk', module: { MilvusClient: Peer as unknown as NodeSdk['module']['MilvusClient'] } };
    (sdk.module.MilvusClient.prototype as unknown as Record<string, unknown>).unimplemented = async () => ({});
    const results = await runNodePage(
      'p.md',
      [
        block(1, 'await milvusClient.createAlias({ alias: "a" });'),
        block(2, 'await milvusClient.partitionManager.releasePartitions({});'),
        block(3, 'await milvusClient.unimplemented({});'),
      ],
      { sdk, target, fixture: [], errata, peers: [peer] },
    );
    expect(results.map((r) => r.outcome)).toEqual(['fail', 'n/a', 'fail']);
    expect(results[0]!.detail).toBe("milvusClient.createAlias is not part of the fake SDK's API (fake-sdk), which peer-sdk offers");
    expect(results[2]!.detail).toBe('unimplemented returned NoStatus: the answer carries no status (the server may not implement the RPC)');
  });

  it('predefines milvusClient for pages that never construct one, and reports failed fixtures', async () => {
    const sdk = fakeSdk();
    const ok = await runNodePage('p.md', [block(1, 'const r = await milvusClient.listPartitions({});\nconsole.log(r)\n// Output\n// ["_default", "novel"]')], {
      sdk,
      target,
      fixture: [{ op: 'createPartition', args: { partition_name: 'novel' } }],
      errata,
    });
    expect(ok.map((r) => r.outcome)).toEqual(['pass']);
    const broken = await runNodePage('p.md', [block(1, 'await milvusClient.listPartitions({});')], {
      sdk: fakeSdk(),
      target,
      fixture: [{ op: 'dropPartition', args: { partition_name: '_default' } }],
      errata,
    });
    expect(broken[0]).toMatchObject({ outcome: 'fail', detail: expect.stringMatching(/^page fixture failed: dropPartition returned UnexpectedError/) });
  });

  it('applies errata: a corrected value passes with a note, an unreachable one is a doc error', async () => {
    const code = 'const r = await milvusClient.listPartitions({});\nconsole.log(r)\n// Output\n// ["_default", "typo"]';
    const fix: Erratum = { page: 'p.md', language: 'javascript', block: 1, documented: ['_default', 'typo'], expected: ['_default'], kind: 'erratum', reason: 'typo', source: 's', checked: { milvus: null, why: 'test' } };
    let r = await runNodePage('p.md', [block(1, code)], { sdk: fakeSdk(), target, fixture: [], errata: [fix] });
    expect(r[0]).toMatchObject({ outcome: 'pass', detail: expect.stringContaining('erratum') });
    r = await runNodePage('p.md', [block(1, code)], { sdk: fakeSdk(), target, fixture: [], errata: [{ ...fix, kind: 'doc-error' }] });
    expect(r[0]!.outcome).toBe('doc-error');
    r = await runNodePage('p.md', [block(1, code)], { sdk: fakeSdk(), target, fixture: [], errata: [{ ...fix, client: 'someone-else' }] });
    expect(r[0]!.outcome).toBe('fail');
  });
});
