import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { Client, credentials, Metadata, status as GrpcStatus } from '@grpc/grpc-js';
import { MilvusService } from '@mvkit/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRaw } from './raw-grpc.js';
import { MilvusClient } from '../../client/src/index.js';
import { Engine, GRPC_MAX_MESSAGE_BYTES, LEGACY_ROUTES, REST_ROUTES, startServer, type Logger, type RunningServer } from '../src/index.js';

/**
 * Hardening of the server's fronts: credentials on every listener, sizes validated before they are
 * allocated, Milvus's caps, connection time limits.
 */


/** An HTTP/1.1 call that may carry a body on any method (the legacy API reads bodies of GET and DELETE too). */
function httpCall(url: string, method: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const bearer = (value: string) => ({ authorization: value });
const BAD_CREDENTIALS: Record<string, string>[] = [
  {},
  bearer('Bearer root:wrong'),
  bearer(`Basic ${btoa('root:wrong')}`),
  bearer('Basic !!!not-base64'),
  bearer('Bearer no-colon'),
  bearer('Bearer :Milvus'),
];

describe('--auth on every listener', () => {
  let server: RunningServer;
  let raw: Client;
  beforeAll(async () => {
    server = await startServer({ port: 0, legacyHttpPort: 0, auth: { users: { root: 'Milvus' } } });
    server.engine.createCollectionQuick({ collection_name: 'book', dimension: 2 });
    raw = new Client(server.address, credentials.createInsecure());
  });
  afterAll(async () => {
    raw.close();
    await server.close();
  });

  it('the legacy /api/v1 port refuses every route without valid credentials (HTTP 401, code 1800) and serves it with them', async () => {
    for (const route of Object.keys(LEGACY_ROUTES)) {
      const [method, p] = route.split(' ') as [string, string];
      const body = JSON.stringify({ collection_name: 'book' });
      for (const headers of BAD_CREDENTIALS) {
        const r = await httpCall(`${server.legacyUrl}${p}`, method, headers, body);
        expect(r.status, `${route} ${JSON.stringify(headers)}`).toBe(401);
        expect(JSON.parse(r.body)).toEqual({ code: 1800, message: "user hasn't authenticated" });
      }
      const ok = await httpCall(`${server.legacyUrl}${p}`, method, bearer('Bearer root:Milvus'), body);
      expect(ok.status, route).not.toBe(401);
    }
    expect(server.engine.hasCollection({ collectionName: 'book' })).toBe(false); // DELETE /collection ran with credentials only
  });

  it('RESTful v2 refuses every route without valid credentials', async () => {
    for (const route of REST_ROUTES) {
      for (const headers of BAD_CREDENTIALS) {
        const r = await fetch(`${server.restUrl}${route.path}`, { method: 'POST', headers, body: '{"collectionName":"book"}' });
        expect(r.status, `${route.path} ${JSON.stringify(headers)}`).toBe(401);
        expect(((await r.json()) as { code: number }).code).toBe(1800);
      }
    }
  });

  it('gRPC refuses every served RPC without valid credentials (UNAUTHENTICATED); unserved ones are UNIMPLEMENTED', async () => {
    let refused = 0;
    for (const method of MilvusService.methods) {
      for (const headers of BAD_CREDENTIALS) {
        const md = new Metadata();
        if (headers.authorization) md.set('authorization', Buffer.from(headers.authorization.replace(/^(Bearer|Basic) /, '')).toString('base64'));
        const r = await sendRaw(raw, method.name, new Uint8Array(), md);
        expect([GrpcStatus.UNAUTHENTICATED, GrpcStatus.UNIMPLEMENTED], method.name).toContain(r.code);
        if (r.code === GrpcStatus.UNAUTHENTICATED) refused++;
      }
    }
    expect(refused).toBeGreaterThan(30 * BAD_CREDENTIALS.length);
  });
});

describe('sizes are validated before they are allocated', () => {
  let server: RunningServer;
  let raw: Client;
  beforeAll(async () => {
    server = await startServer({ port: 0 });
    server.engine.createCollectionQuick({ collection_name: 'c', dimension: 2 });
    raw = new Client(server.address, credentials.createInsecure());
  });
  afterAll(async () => {
    raw.close();
    await server.close();
  });

  it('Insert and Upsert with num_rows 4294967295 and no field data answer 1100 at once', async () => {
    for (const rpc of ['Insert', 'Upsert']) {
      const started = performance.now();
      const r = await sendRaw(raw, rpc, Buffer.from('1a016338ffffffff0f', 'hex'));
      expect(performance.now() - started, rpc).toBeLessThan(1000);
      expect(r.bytes, rpc).toBeDefined();
      expect(r.bytes!.toString('latin1'), rpc).toContain('fieldSchema(id) has no corresponding fieldData pass in');
    }
    expect((await server.engine.query({ collectionName: 'c', filter: '', outputFields: ['count(*)'] })).rows[0]).toEqual({ 'count(*)': 0n });
  });

  it('Insert with num_rows larger than its columns answers the per-field row-count error', async () => {
    // num_rows 10,000,000 with a 1-row primary-key column (field 5: FieldData{type Int64, field_name "id", scalars{long_data{1}}})
    const longData = Buffer.from('0a0101', 'hex'); // LongArray{data:[1]} packed
    const scalars = Buffer.concat([Buffer.from([0x1a, longData.length]), longData]); // ScalarField.long_data = 3
    const fieldData = Buffer.concat([Buffer.from('0805', 'hex'), Buffer.from([0x12, 2]), Buffer.from('id'), Buffer.from([0x1a, scalars.length]), scalars]);
    // and a 1-row vector column (FieldData{type FloatVector, field_name "vector", vectors{dim 2, float_vector{[0, 0]}}})
    const floats = Buffer.concat([Buffer.from([0x0a, 8]), Buffer.alloc(8)]);
    const vectors = Buffer.concat([Buffer.from('0802', 'hex'), Buffer.from([0x12, floats.length]), floats]);
    const vectorData = Buffer.concat([Buffer.from('0865', 'hex'), Buffer.from([0x12, 6]), Buffer.from('vector'), Buffer.from([0x22, vectors.length]), vectors]);
    const req = Buffer.concat([Buffer.from('1a0163', 'hex'), Buffer.from([0x2a, fieldData.length]), fieldData, Buffer.from([0x2a, vectorData.length]), vectorData, Buffer.from('3880ade204', 'hex')]);
    const started = performance.now();
    const r = await sendRaw(raw, 'Insert', req);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.bytes!.toString('latin1')).toContain('the num_rows (1) of field (id) is not equal to passed num_rows (10000000)');
  });

  it('a gRPC message over 64 MiB is refused with RESOURCE_EXHAUSTED and the server keeps serving', async () => {
    const big = new Uint8Array(GRPC_MAX_MESSAGE_BYTES + 1024);
    const r = await sendRaw(raw, 'HasCollection', big);
    expect(r.code).toBe(GrpcStatus.RESOURCE_EXHAUSTED);
    expect(r.details).toMatch(/larger than max/);
    expect((await sendRaw(raw, 'GetVersion', new Uint8Array())).bytes).toBeDefined();
  });
});

describe("Milvus's caps", () => {
  const engine = new Engine();
  const vector = { name: 'v', dataType: 101, isPrimaryKey: false, autoID: false, typeParams: { dim: '2' }, isPartitionKey: false, isDynamic: false, isClusteringKey: false, elementType: 0, nullable: false };
  const pk = { ...vector, name: 'id', dataType: 5, isPrimaryKey: true, typeParams: {} };
  const scalar = (name: string, extra: object = {}) => ({ ...vector, name, dataType: 5, typeParams: {}, ...extra });
  const fail = async (f: () => unknown) => {
    try {
      await f();
    } catch (e) {
      return { code: (e as { code: number }).code, reason: (e as { reason: string }).reason };
    }
    return undefined;
  };

  it('64 fields, 16 shards and 4 vector fields at most, checked before the name', async () => {
    const many = [pk, vector, ...Array.from({ length: 63 }, (_, i) => scalar(`f${i}`))];
    expect(await fail(() => engine.createCollection({ collectionName: 'bad name!', fields: many }))).toEqual({ code: 65535, reason: "maximum field's number should be limited to 64" });
    expect(await fail(() => engine.createCollection({ collectionName: 'ok', fields: many.slice(0, 64) }))).toBeUndefined();
    expect(await fail(() => engine.createCollection({ collectionName: 'shards', fields: [pk, vector], shardsNum: 17 }))).toEqual({ code: 65535, reason: "maximum shards's number should be limited to 16" });
    expect(await fail(() => engine.createCollection({ collectionName: 'shards', fields: [pk, vector], shardsNum: 16 }))).toBeUndefined();
    const vectors = Array.from({ length: 5 }, (_, i) => ({ ...vector, name: `v${i}` }));
    expect(await fail(() => engine.createCollection({ collectionName: 'vectors', fields: [pk, ...vectors] }))).toEqual({ code: 65535, reason: "maximum vector field's number should be limited to 4" });
  });

  it('array max_capacity in (0, 4096]', async () => {
    const array = (cap: string | undefined) => ({ ...scalar('a'), dataType: 22, elementType: 5, typeParams: cap === undefined ? {} : { max_capacity: cap } });
    const make = (cap: string | undefined) => fail(() => engine.createCollection({ collectionName: `arr${cap ?? 'none'}`, fields: [pk, vector, array(cap)] }));
    expect(await make('4097')).toEqual({ code: 65535, reason: 'the maximum capacity specified for a Array should be in (0, 4096]' });
    expect(await make('0')).toEqual({ code: 65535, reason: 'the maximum capacity specified for a Array should be in (0, 4096]' });
    expect(await make('many')).toEqual({ code: 65535, reason: 'the value for max_capacity of field a must be an integer' });
    expect(await make(undefined)).toEqual({ code: 65535, reason: 'type param(max_capacity) should be specified for array field a of collection arrnone' });
    expect(await make('4096')).toBeUndefined();
  });

  it('search nq in [1, 16384]', async () => {
    engine.createCollectionQuick({ collection_name: 'nq', dimension: 2 });
    const search = (nq: number) => fail(() => engine.search({ collectionName: 'nq', vectors: Array.from({ length: nq }, () => [0.1, 0.2]), limit: 1 }));
    expect(await search(16_385)).toEqual({ code: 65535, reason: 'nq [16385] is invalid, nq (number of search vector per search request) should be in range [1, 16384], but got 16385' });
    expect(await search(0)).toEqual({ code: 65535, reason: 'nq [0] is invalid, nq (number of search vector per search request) should be in range [1, 16384], but got 0' });
    expect(await search(16_384)).toBeUndefined();
  });
});

describe('connections', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, connectionLimits: { firstBytesMs: 300, headersMs: 400, keepAliveMs: 400, http2KeepaliveMs: 300, http2KeepaliveTimeoutMs: 300 } });
  });
  afterAll(async () => {
    await server.close();
  });

  /** Opens a socket, writes `bytes`, and resolves with the ms until the server closed it (or `undefined` after `maxMs`). */
  function closedAfter(bytes: string, maxMs: number): Promise<number | undefined> {
    return new Promise((resolve) => {
      const started = performance.now();
      const socket: Socket = connect(server.port, '127.0.0.1', () => {
        if (bytes) socket.write(bytes);
      });
      socket.on('data', () => {});
      socket.on('error', () => {});
      const timer = setTimeout(() => {
        socket.destroy();
        resolve(undefined);
      }, maxMs);
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(performance.now() - started);
      });
    });
  }

  it('closes sockets that send nothing, one byte, partial HTTP/1.1 headers or only the HTTP/2 preface', async () => {
    const cases = ['', 'P', 'POST /v2/vectordb/collections/list HTTP/1.1\r\nHost: x\r\n', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'];
    const closed = await Promise.all(cases.map((c) => closedAfter(c, 5000)));
    for (const [i, ms] of closed.entries()) expect(ms, JSON.stringify(cases[i])).toBeDefined();
  });

  it('reads a repeated DB-Name header by its first value, as Go', async () => {
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write('POST /v2/vectordb/collections/list HTTP/1.1\r\nHost: x\r\nDB-Name: default\r\nDB-Name: default\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}'),
      );
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(answer).toContain('{"code":0,"data":[]}');
  });
});

describe('binding', () => {
  it('warns when listening beyond loopback without --auth', async () => {
    const warnings: string[] = [];
    const logger: Logger = { error: () => {}, warn: (m) => warnings.push(m), info: () => {}, debug: () => {} };
    const open = await startServer({ host: '0.0.0.0', port: 0, logger });
    await open.close();
    expect(warnings.join('\n')).toMatch(/without authentication/);
    warnings.length = 0;
    const secured = await startServer({ host: '0.0.0.0', port: 0, logger, auth: { users: { root: 'Milvus' } } });
    await secured.close();
    const local = await startServer({ port: 0, logger });
    await local.close();
    expect(warnings).toEqual([]);
  });
});

describe('deadlines', () => {
  it('a gRPC search whose deadline passes stops at its next pause instead of running to the end', async () => {
    const lines: string[] = [];
    const logger: Logger = { error: () => {}, warn: () => {}, info: () => {}, debug: (m) => lines.push(m) };
    const server = await startServer({ port: 0, logger });
    const client = new MilvusClient({ address: server.address });
    try {
      server.engine.createCollectionQuick({ collection_name: 'c', dimension: 512, metric_type: 'L2' });
      const vector = (i: number) => Array.from({ length: 512 }, (_, d) => Math.sin(i * 7 + d));
      await server.engine.insert({ collectionName: 'c', rows: Array.from({ length: 5000 }, (_, i) => ({ id: BigInt(i), vector: vector(i) })) });
      await client.hasCollection({ collection_name: 'c' }); // the connection is up before the deadline starts
      lines.length = 0;
      // 100 exact searches over 5,000 vectors of dim 512 (a pause after each): about a second.
      const search = client.search({ collection_name: 'c', data: Array.from({ length: 100 }, (_, i) => vector(i + 0.5)), limit: 5 }, { timeout: 150 });
      await expect(search).rejects.toMatchObject({ code: 10001 });
      const started = performance.now();
      while (!lines.some((l) => l.startsWith('Search ')) && performance.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lines.filter((l) => l.startsWith('Search '))).toEqual(['Search failed: 65535 request canceled: the call was cancelled']);
    } finally {
      await client.close();
      await server.close();
    }
  });
});
