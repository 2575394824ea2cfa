import { MilvusClient } from '@mvkit/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderConfig, startRealMilvus, type RealMilvus } from '../src/real-milvus.js';

describe('renderConfig', () => {
  const template = ['etcd:', '  endpoints: localhost:{{ etcd_port(int): 2379 }}', '  log:', '    level: {{ etcd_log_level: info }}', 'proxy:', '  ip: # unset', '  port: {{ proxy_port(int): 19530 }}', ''].join('\n');

  it('fills the keys, moves every ip and endpoint to loopback and points etcd at its embed config', () => {
    const out = renderConfig(template, { etcd_port: 40001, proxy_port: 40002 }, '/x/embed.yaml');
    expect(out).toBe(['etcd:', '  config:', '    path: /x/embed.yaml', '  endpoints: 127.0.0.1:40001', '  log:', '    level: info', 'proxy:', '  ip: 127.0.0.1', '  port: 40002', ''].join('\n'));
  });

  it('refuses a template key without a value or default', () => {
    expect(() => renderConfig('a: {{ something_new }}\n', {}, '/x')).toThrow(/something_new/);
  });
});

// The real server: installed into conformance/.cache/milvus-2.3 on first use (~45 s), never skipped.
describe('startRealMilvus', () => {
  let milvus: RealMilvus;
  beforeAll(async () => {
    milvus = await startRealMilvus();
  }, 400_000);
  afterAll(async () => {
    await milvus?.close();
  }, 60_000);

  it('answers as Milvus 2.3.5 on its loopback port, with /healthz on the legacy port', async () => {
    const client = new MilvusClient({ address: milvus.address });
    try {
      const { version } = await client.getVersion();
      expect(version).toBe('v2.3.5-lite');
      await client.createCollection({ collection_name: 'probe', dimension: 4 });
      expect((await client.hasCollection({ collection_name: 'probe' })).value).toBe(true);
    } finally {
      await client.close();
    }
    expect(await (await fetch(`${milvus.legacyUri}/healthz`)).text()).toContain('OK');
  });

  it('stops the process on close and removes its run directory', async () => {
    const { existsSync } = await import('node:fs');
    const t0 = Date.now();
    await milvus.close();
    expect(Date.now() - t0).toBeLessThan(35_000);
    expect(existsSync(milvus.dir)).toBe(false);
    await expect(fetch(`${milvus.legacyUri}/healthz`)).rejects.toThrow();
  }, 60_000);
});
