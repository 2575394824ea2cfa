import { MilvusError } from '@mvkit/core';
import { Engine, createRestHandler } from '@mvkit/server';
import { describe, expect, it } from 'vitest';
import { RestTransport } from '../src/index.js';
import { fetchFor } from './helpers.js';

describe('RestTransport.request', () => {
  it('sends a raw RESTful v2 request through the fetch seam and returns the envelope unchanged, errors included', async () => {
    const engine = new Engine();
    const seen: Request[] = [];
    const transport = new RestTransport({ address: 'milvus.test', token: 'root:Milvus', fetch: fetchFor(createRestHandler(engine), (r) => seen.push(r.clone())) });

    const missing = await transport.request('/v2/vectordb/partitions/list', { collectionName: 'nope' }, { headers: { 'X-Doc': 'yes' } });
    expect(missing).toEqual({ code: 100, message: 'collection not found[database=default][collection=nope]' });
    expect(seen).toHaveLength(1); // no connect() probe
    const sent = seen[0]!;
    expect(sent.url).toBe('http://milvus.test:19530/v2/vectordb/partitions/list');
    expect(sent.method).toBe('POST');
    expect(sent.headers.get('authorization')).toBe('Bearer root:Milvus');
    expect(sent.headers.get('x-doc')).toBe('yes');
    expect(sent.headers.get('accept-type-allow-int64')).toBeNull();
    expect(await sent.json()).toEqual({ collectionName: 'nope' });
  });

  it('returns success envelopes as parsed, and rejects only answers that are not JSON', async () => {
    const transport = new RestTransport({
      address: 'x',
      fetch: async (input) => (String(input).endsWith('/ok') ? new Response('{"code":0,"data":{"id":9007199254740993}}') : new Response('404 page not found', { status: 404 })),
    });
    expect(await transport.request('/ok', {})).toEqual({ code: 0, data: { id: 9007199254740993n } });
    const e = await transport.request('/v2/vectordb/nowhere', {}).catch((err: unknown) => err);
    expect(MilvusError.is(e) && e.code).toBe(10);
    expect(() => transport.request('v2/no-slash', {})).toThrow(TypeError);
  });
});
