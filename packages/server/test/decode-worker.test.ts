import { Client, credentials, Metadata, status as GrpcStatus } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MilvusClient } from '../../client/src/index.js';
// The built package: a worker thread can only run built JavaScript (`pnpm test` builds first).
import { DECODE_WORKER_AVAILABLE, DecodeWorker, Engine, inThreadBodyReader, startServer, type RunningServer } from '../dist/index.js';

/** Large writes decoded in the worker thread give the same answers as small ones decoded in place. */
describe('decode worker (built package)', () => {
  let server: RunningServer;
  let client: MilvusClient;
  const ROWS = 30_000; // > 1 MiB both as JSON and as protobuf
  const row = (i: number) => ({ id: i, vector: [i, 1, 2, 3, 4, 5, 6, 7], title: `row ${i}` });

  beforeAll(async () => {
    server = await startServer({ port: 0 });
    client = new MilvusClient({ address: server.address });
    await client.createCollection({ collection_name: 'big', dimension: 8 });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('is on when the package runs as built JavaScript', () => {
    expect(DECODE_WORKER_AVAILABLE).toBe(true);
  });

  it('stores a large gRPC insert and a large REST upsert exactly', async () => {
    const inserted = await client.insert({ collection_name: 'big', data: Array.from({ length: ROWS }, (_, i) => row(i)) });
    expect(Number(inserted.insert_cnt)).toBe(ROWS);
    const body = JSON.stringify({ collectionName: 'big', data: Array.from({ length: ROWS }, (_, i) => ({ ...row(i), title: `new ${i}`, id: i + ROWS / 2 })) });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const upserted = await (await fetch(`${server.restUrl}/v2/vectordb/entities/upsert`, { method: 'POST', body })).json();
    expect(upserted).toMatchObject({ code: 0, data: { upsertCount: ROWS } });
    const count = await client.query({ collection_name: 'big', filter: '', output_fields: ['count(*)'] });
    expect(count.data[0]!['count(*)']).toBe(String(ROWS + ROWS / 2));
    const got = await client.query({ collection_name: 'big', filter: `id in [7, ${ROWS + 7}]`, output_fields: ['title', 'vector'] });
    expect(got.data.map((r) => [Number(r.id), r.title, (r.vector as number[])[0]])).toEqual([
      [7, 'row 7', 7],
      [ROWS + 7, `new ${ROWS / 2 + 7}`, ROWS / 2 + 7],
    ]);
  });

  it('answers bad large writes as small ones are answered', async () => {
    const bad = JSON.stringify({ collectionName: 'big', data: [...Array.from({ length: ROWS }, (_, i) => row(i)), { id: 'x', vector: [1], title: 't' }] });
    const rest = (await (await fetch(`${server.restUrl}/v2/vectordb/entities/insert`, { method: 'POST', body: bad })).json()) as { code: number; message: string };
    expect(rest.code).toBe(1804);
    expect(rest.message).toMatch(/^invalid insert data, error: /);
    const unbound = (await (await fetch(`${server.restUrl}/v2/vectordb/entities/insert`, { method: 'POST', body: `{"collectionName": 5, "data": [${'{},'.repeat(400_000)}{}]}` })).json()) as { code: number };
    expect(unbound.code).toBe(1801);
    const missing = (await (await fetch(`${server.restUrl}/v2/vectordb/entities/insert`, { method: 'POST', body: bad.replace('"big"', '"nope"') })).json()) as { code: number };
    expect(missing.code).toBe(100);

    const raw = new Client(server.address, credentials.createInsecure());
    const garbage = await new Promise<{ code?: number; details?: string }>((resolve) =>
      raw.makeUnaryRequest('/milvus.proto.milvus.MilvusService/Insert', (b: Uint8Array) => Buffer.from(b), (b: Buffer) => b, new Uint8Array(2 * 1024 * 1024).fill(0xff), new Metadata(), (err) => resolve({ code: err?.code, details: err?.details })),
    );
    raw.close();
    expect(garbage).toEqual({ code: GrpcStatus.INTERNAL, details: 'Error deserializing request' });
    await expect(client.insert({ collection_name: 'big', data: Array.from({ length: ROWS }, (_, i) => ({ ...row(i), vector: [1, 2] })) })).rejects.toMatchObject({ code: 1100 });
  });

  it('sends large entities writes to its thread and reads the rest in place, with the same rows', async () => {
    const decoder = new DecodeWorker({ minBytes: 4096 });
    try {
      const reader = await decoder.bodyReader();
      const schema = new Engine().createCollectionQuick({ collection_name: 'c', dimension: 8 }).schema;
      const body = (n: number) => JSON.stringify({ collectionName: 'c', data: Array.from({ length: n }, (_, i) => row(i)) });
      const small = await reader.read('CollectionDataReq', body(2));
      expect(await small.rows(schema, true)).toHaveLength(2);
      await reader.read('CollectionNameReq', JSON.stringify({ collectionName: 'c', pad: 'x'.repeat(10_000) }));
      expect(decoder.running).toBe(false);
      const large = await reader.read('CollectionDataReq', body(500));
      expect(decoder.running).toBe(true);
      expect(large.body).toEqual({ collectionName: 'c' });
      const rows = await large.rows(schema, true);
      large.release();
      expect(rows).toHaveLength(500);
      expect(rows).toEqual(await (await inThreadBodyReader().read('CollectionDataReq', body(500))).rows(schema, true));
      // Bytes, as the listener hands them over, go to the worker too and decode alike.
      const bytes = await reader.read('CollectionDataReq', new TextEncoder().encode(body(500)));
      expect(await bytes.rows(schema, true)).toEqual(rows);
      expect(bytes.text()).toBe(body(500));
      bytes.release();
    } finally {
      await decoder.close();
    }
    expect(decoder.running).toBe(false);
  });
});

describe('decode worker: filters (built package)', () => {
  it('prepares a long filter in its thread: the same rows, the same errors, and small filters stay here', async () => {
    const decoder = new DecodeWorker();
    try {
      const worker = new Engine({ prepareFilter: decoder.filterPreparer() });
      const local = new Engine();
      const ids = Array.from({ length: 20_000 }, (_, i) => i * 3);
      const filter = `id in [${ids.join(',')}] and title not in [${ids.slice(0, 5_000).map((i) => `"row ${i}"`).join(',')}]`;
      expect(filter.length).toBeGreaterThan(64 * 1024);
      for (const engine of [worker, local]) {
        engine.createCollectionQuick({ collection_name: 'c', dimension: 2 });
        await engine.insert({ collectionName: 'c', rows: Array.from({ length: 40_000 }, (_, i) => ({ id: BigInt(i), vector: [i, 1], title: `row ${i}` })) });
        engine.loadCollection({ collectionName: 'c' });
      }
      await worker.query({ collectionName: 'c', filter: 'id < 10', outputFields: ['id'] });
      expect(decoder.running).toBe(false);
      const [a, b] = await Promise.all([worker, local].map((e) => e.query({ collectionName: 'c', filter, outputFields: ['id'] })));
      expect(decoder.running).toBe(true);
      expect(a!.rows).toHaveLength(ids.filter((i) => i >= 15_000 && i < 40_000).length);
      expect(a!.rows).toEqual(b!.rows);
      const bad = `${filter} and id in [1, "x"]`;
      const errors = await Promise.all([worker, local].map((e) => e.query({ collectionName: 'c', filter: bad, outputFields: ['id'] }).then(() => undefined, (err: unknown) => err)));
      expect(errors[0]).toMatchObject({ code: 1100 });
      expect((errors[0] as Error).message).toBe((errors[1] as Error).message);
    } finally {
      await decoder.close();
    }
  });
});
