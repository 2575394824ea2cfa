/**
 * The adapter end to end: the server's own gRPC server (createGrpcServer) serving unaryRoutes of
 * typed handlers on 127.0.0.1:0, called through the gRPC transport's createGrpcStub (grpc-js).
 */
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { connect as connectHttp2 } from 'node:http2';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { Client, Metadata, credentials, status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoolResponseSchema, HasPartitionRequestSchema, LoadState, MilvusService, MsgType, ShowPartitionsResponseSchema, methodPath } from '@mvkit/proto';
import { createGrpcStub, type GrpcStub } from '@mvkit/transport-grpc';
import { GrpcStatusError, unaryRoutes, type MilvusServiceHandlers } from '../src/grpc/adapter.js';
import { createGrpcServer, type GrpcServer } from '../src/grpc/http2-server.js';

const BIG = 9007199254740993n; // 2^53 + 1: not representable as a JS number

/** Resolves the handlers that wait for the test to finish (cancel / deadline cases). */
let release: () => void = () => {};
const released = new Promise<void>((resolve) => (release = resolve));

const handlers: Partial<MilvusServiceHandlers> = {
  async hasPartition(request, metadata) {
    return {
      status: { code: 0, reason: metadata.get('dbname')[0]?.toString() ?? '' },
      value: request.collectionName === 'books' && request.partitionName === 'novels',
    };
  },
  async showPartitions(request) {
    // Answer with a full message (not an init object) to cover both serialiser inputs.
    return create(ShowPartitionsResponseSchema, {
      status: {},
      partitionNames: ['_default', `${request.collectionName}:${request.collectionID}`],
      partitionIDs: [BIG, 2n],
      createdTimestamps: [(1_700_000_000_000n << 18n) | 5n, 1n],
      createdUtcTimestamps: [1_700_000_000_000n, 1n],
    });
  },
  async getLoadState() {
    return { status: {}, state: LoadState.LoadStateLoaded };
  },
  async createPartition() {
    throw new Error('boom: handler failed');
  },
  async dropPartition() {
    throw new GrpcStatusError(status.UNAUTHENTICATED, 'missing authorization in header');
  },
  releasePartitions: (() => {
    throw new Error('thrown synchronously');
  }) as unknown as MilvusServiceHandlers['releasePartitions'],
  async allocTimestamp() {
    // Not encodable: a uint64 field holding a non-numeric string.
    return { status: {}, timestamp: 'not a number' as unknown as bigint };
  },
  async loadPartitions() {
    await released;
    return { code: 0 };
  },
};

let grpc: GrpcServer;
let listener: NetServer;
let address: string;
let stub: GrpcStub;

/** Serves `routes` on 127.0.0.1:0. */
async function serve(routes: ReturnType<typeof unaryRoutes>): Promise<{ grpc: GrpcServer; listener: NetServer; address: string }> {
  const grpc = createGrpcServer(routes, { maxMessageBytes: 64 * 1024 * 1024, keepaliveMs: 20_000, keepaliveTimeoutMs: 10_000 });
  const listener = createNetServer((socket) => grpc.connection(socket));
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  return { grpc, listener, address: `127.0.0.1:${(listener.address() as { port: number }).port}` };
}

beforeAll(async () => {
  ({ grpc, listener, address } = await serve(unaryRoutes(MilvusService, handlers)));
  stub = createGrpcStub(address, credentials.createInsecure());
});

afterAll(async () => {
  release();
  stub?.close();
  listener?.close();
  await grpc?.close(0);
});

/** The rejection of `promise` as a grpc-js ServiceError. */
async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error('expected the call to fail');
}

describe('unaryRoutes', () => {
  const all = Object.fromEntries(MilvusService.methods.map((m) => [m.localName, async () => ({})]));
  const routes = unaryRoutes(MilvusService, all as unknown as Partial<MilvusServiceHandlers>);
  const hasPartition = routes.find((r) => r.path === methodPath(MilvusService.method.hasPartition))!;

  it('routes every handled RPC by its full method path', () => {
    expect(routes.map((r) => r.path)).toEqual(MilvusService.methods.map((m) => `/milvus.proto.milvus.MilvusService/${m.name}`));
    expect(routes).toHaveLength(95);
    expect(methodPath(MilvusService.method.showPartitions)).toBe('/milvus.proto.milvus.MilvusService/ShowPartitions');
  });

  it('decodes requests and encodes an init object with nested messages exactly like create + toBinary', () => {
    const init = { base: { msgType: MsgType.HasPartition, msgID: BIG }, dbName: 'db', collectionName: 'books', partitionName: 'novels' };
    const bytes = toBinary(HasPartitionRequestSchema, create(HasPartitionRequestSchema, init));
    const decoded = hasPartition.decode(bytes) as ReturnType<typeof fromBinary<typeof HasPartitionRequestSchema>>;
    expect(decoded.base?.msgID).toBe(BIG);
    expect(decoded.partitionName).toBe('novels');
    const answer = { status: { code: 5, reason: 'r' }, value: true };
    expect([...hasPartition.encode(answer)]).toEqual([...toBinary(BoolResponseSchema, create(BoolResponseSchema, answer))]);
  });

  it('throws when decoding malformed bytes', () => {
    // Field 1 (base, length-delimited) announcing 100 bytes that are not there.
    expect(() => hasPartition.decode(Buffer.from([0x0a, 0x64, 0x01]))).toThrow();
  });

  it('hands raw requests over as their bytes', () => {
    const [insert] = unaryRoutes(MilvusService, { insert: async () => ({}) } as unknown as Partial<MilvusServiceHandlers>, new Set(['insert']));
    const bytes = Uint8Array.from([0xff, 0x01]);
    expect(insert!.decode(bytes)).toBe(bytes);
  });

  it('rejects a handler key that is not a method local name', () => {
    expect(() => unaryRoutes(MilvusService, { CreatePartition: async () => ({}) } as unknown as Partial<MilvusServiceHandlers>)).toThrow(/no method with local name "CreatePartition"/);
  });

  it('routes only the given handlers', () => {
    expect(unaryRoutes(MilvusService, { hasPartition: handlers.hasPartition! }).map((r) => r.path)).toEqual(['/milvus.proto.milvus.MilvusService/HasPartition']);
  });

  it('an RPC without a route answers UNIMPLEMENTED whatever its bytes', async () => {
    const raw = new Client(address, credentials.createInsecure());
    try {
      const codes: number[] = [];
      for (const bytes of [Buffer.alloc(0), Buffer.from([0x0a, 0x64, 0x01])]) {
        const error = await new Promise<ServiceError | null>((resolve) =>
          raw.makeUnaryRequest(methodPath(MilvusService.method.createAlias), (b: Buffer) => b, (b: Buffer) => b, bytes, (e) => resolve(e)),
        );
        codes.push(error!.code);
      }
      expect(codes).toEqual([status.UNIMPLEMENTED, status.UNIMPLEMENTED]);
    } finally {
      raw.close();
    }
  });
});

describe('message size limits', () => {
  it('a response above maxMessageBytes answers RESOURCE_EXHAUSTED; a request above it is refused', async () => {
    const routes = unaryRoutes(MilvusService, {
      async showPartitions(request) {
        return { status: {}, partitionNames: ['p'.repeat(request.collectionName.length), 'q'] };
      },
    });
    const small = createGrpcServer(routes, { maxMessageBytes: 64, keepaliveMs: 20_000, keepaliveTimeoutMs: 10_000 });
    const net = createNetServer((socket) => small.connection(socket));
    await new Promise<void>((resolve) => net.listen(0, '127.0.0.1', resolve));
    const client = createGrpcStub(`127.0.0.1:${(net.address() as { port: number }).port}`, credentials.createInsecure());
    try {
      // Status (2 bytes) + names (n + 2, 3 bytes): 10 characters answer in 17 bytes; 60 need 67, above 64 (72 with the prefix).
      expect((await client.unary(MilvusService.method.showPartitions, { collectionName: 'x'.repeat(10) })).partitionNames).toEqual(['p'.repeat(10), 'q']);
      const tooBig = await failure(client.unary(MilvusService.method.showPartitions, { collectionName: 'x'.repeat(60) }));
      expect(tooBig.code).toBe(status.RESOURCE_EXHAUSTED);
      expect(tooBig.details).toBe('Sent message larger than max (72 vs. 64)');
      const request = await failure(client.unary(MilvusService.method.showPartitions, { collectionName: 'x'.repeat(100) }));
      expect(request.code).toBe(status.RESOURCE_EXHAUSTED);
      expect(request.details).toBe('Received message larger than max (102 vs 64)');
    } finally {
      client.close();
      net.close();
      await small.close(0);
    }
  });
});

describe('deferred routes', () => {
  /** A raw unary call with the bytes as the request message: its status and answer bytes. */
  const rawCall = (client: Client, path: string, request: Buffer) =>
    new Promise<{ code: number; details: string; answer?: Buffer }>((resolve) =>
      client.makeUnaryRequest(path, (b: Buffer) => b, (b: Buffer) => b, request, new Metadata(), (err, answer) => resolve({ code: err?.code ?? status.OK, details: err?.details ?? '', answer })),
    );

  it('loads a group once, on the first call under its prefix; calls meanwhile wait; then it routes as any other', async () => {
    let loads = 0;
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const echo = { path: '/test.Later/Echo', decode: (b: Uint8Array) => b, encode: (r: unknown) => r as Uint8Array, handle: async (request: unknown) => request };
    const deferred = createGrpcServer(unaryRoutes(MilvusService, handlers), {
      maxMessageBytes: 1024,
      keepaliveMs: 20_000,
      keepaliveTimeoutMs: 10_000,
      deferred: [
        { prefix: '/test.Later/', load: async () => (loads++, await gate, [echo]) },
        { prefix: '/test.Broken/', load: async () => Promise.reject(new Error('cannot load: broken')) },
      ],
    });
    const net = createNetServer((socket) => deferred.connection(socket));
    await new Promise<void>((resolve) => net.listen(0, '127.0.0.1', resolve));
    const client = new Client(`127.0.0.1:${(net.address() as { port: number }).port}`, credentials.createInsecure());
    try {
      const first = rawCall(client, '/test.Later/Echo', Buffer.from('one'));
      const second = rawCall(client, '/test.Later/Echo', Buffer.from('two'));
      const missing = rawCall(client, '/test.Later/Missing', Buffer.from('x'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(loads).toBe(1);
      open();
      expect(await first).toEqual({ code: status.OK, details: '', answer: Buffer.from('one') });
      expect(await second).toEqual({ code: status.OK, details: '', answer: Buffer.from('two') });
      expect(await missing).toMatchObject({ code: status.UNIMPLEMENTED, details: 'The server does not implement the method /test.Later/Missing' });
      expect(await rawCall(client, '/test.Later/Echo', Buffer.from('three'))).toMatchObject({ code: status.OK, answer: Buffer.from('three') });
      expect(loads).toBe(1);
      expect(await rawCall(client, '/test.Broken/Any', Buffer.from('x'))).toMatchObject({ code: status.INTERNAL, details: 'cannot load: broken' });
      expect(await rawCall(client, '/test.Other/Any', Buffer.from('x'))).toMatchObject({ code: status.UNIMPLEMENTED });
    } finally {
      client.close();
      net.close();
      await deferred.close(0);
    }
  });
});

describe('loopback round trip (grpc-js client)', () => {
  it('HasPartition: init-object request, metadata reaches the handler', async () => {
    const metadata = new Metadata();
    metadata.set('dbname', 'library');
    const yes = await stub.unary(MilvusService.method.hasPartition, { collectionName: 'books', partitionName: 'novels' }, { metadata });
    expect(yes.value).toBe(true);
    expect(yes.status?.reason).toBe('library');
    const no = await stub.unary(MilvusService.method.hasPartition, create(HasPartitionRequestSchema, { collectionName: 'books', partitionName: 'poems' }));
    expect(no.value).toBe(false);
  });

  it('ShowPartitions: int64 / uint64 values above 2^53 survive both directions as bigint', async () => {
    const response = await stub.unary(MilvusService.method.showPartitions, { collectionName: 'books', collectionID: BIG });
    expect(response.partitionNames).toEqual(['_default', `books:${BIG}`]);
    expect(response.partitionIDs).toEqual([BIG, 2n]);
    expect(typeof response.partitionIDs[0]).toBe('bigint');
    expect(response.createdTimestamps[0]! >> 18n).toBe(1_700_000_000_000n);
    expect(response.createdUtcTimestamps).toEqual([1_700_000_000_000n, 1n]);
  });

  it('an enum answer decodes to its number', async () => {
    const response = await stub.unary(MilvusService.method.getLoadState, { collectionName: 'books' });
    expect(response.state).toBe(LoadState.LoadStateLoaded);
  });

  it('an RPC without a handler answers UNIMPLEMENTED', async () => {
    const error = await failure(stub.unary(MilvusService.method.search, { collectionName: 'books' }));
    expect(error.code).toBe(status.UNIMPLEMENTED);
  });

  it('garbage request bytes give a gRPC error and the server keeps serving', async () => {
    const raw = new Client(address, credentials.createInsecure());
    try {
      const error = await new Promise<ServiceError | null>((resolve) =>
        raw.makeUnaryRequest(
          methodPath(MilvusService.method.hasPartition),
          (bytes: Buffer) => bytes,
          (bytes: Buffer) => bytes,
          Buffer.from([0x0a, 0x64, 0x01]),
          (e) => resolve(e),
        ),
      );
      expect(error?.code).toBe(status.INTERNAL);
    } finally {
      raw.close();
    }
    expect((await stub.unary(MilvusService.method.hasPartition, { collectionName: 'books', partitionName: 'novels' })).value).toBe(true);
  });

  it('a handler that throws answers INTERNAL with its message and the server keeps serving', async () => {
    const error = await failure(stub.unary(MilvusService.method.createPartition, { collectionName: 'books', partitionName: 'p' }));
    expect(error.code).toBe(status.INTERNAL);
    expect(error.details).toBe('boom: handler failed');
    const sync = await failure(stub.unary(MilvusService.method.releasePartitions, { collectionName: 'books' }));
    expect(sync.code).toBe(status.INTERNAL);
    expect(sync.details).toBe('thrown synchronously');
    expect((await stub.unary(MilvusService.method.hasPartition, { collectionName: 'books', partitionName: 'novels' })).value).toBe(true);
  });

  it('a GrpcStatusError answers with its own status code', async () => {
    const error = await failure(stub.unary(MilvusService.method.dropPartition, { collectionName: 'books', partitionName: 'p' }));
    expect(error.code).toBe(status.UNAUTHENTICATED);
    expect(error.details).toBe('missing authorization in header');
  });

  it('a response that cannot be encoded answers INTERNAL and the server keeps serving', async () => {
    const error = await failure(stub.unary(MilvusService.method.allocTimestamp, {}));
    expect(error.code).toBe(status.INTERNAL);
    expect((await stub.unary(MilvusService.method.getLoadState, {})).state).toBe(LoadState.LoadStateLoaded);
  });

  it('aborting the signal cancels the call (CANCELLED); an already aborted signal never starts one', async () => {
    const controller = new AbortController();
    const pending = failure(stub.unary(MilvusService.method.loadPartitions, { collectionName: 'books' }, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    expect((await pending).code).toBe(status.CANCELLED);
    const early = await failure(stub.unary(MilvusService.method.hasPartition, {}, { signal: AbortSignal.abort() }));
    expect(early.code).toBe(status.CANCELLED);
  });

  it('a grpc-timeout beyond the longest Node timer sets no deadline (grpc-js expired it at once)', async () => {
    const session = connectHttp2(`http://${address}`);
    session.on('error', () => {});
    const stream = session.request({ ':method': 'POST', ':path': methodPath(MilvusService.method.loadPartitions), 'content-type': 'application/grpc', 'grpc-timeout': '99999999H' });
    let answered = false;
    stream.on('response', () => (answered = true));
    stream.on('error', () => {});
    stream.end(Buffer.from([0, 0, 0, 0, 0]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answered).toBe(false);
    session.destroy();
  });

  it('a passed deadline fails the call with DEADLINE_EXCEEDED', async () => {
    const error = await failure(stub.unary(MilvusService.method.loadPartitions, { collectionName: 'books' }, { deadline: Date.now() + 50 }));
    expect(error.code).toBe(status.DEADLINE_EXCEEDED);
  });

  it('a request that cannot be encoded fails client-side without reaching the server', async () => {
    const error = await failure(stub.unary(MilvusService.method.showPartitions, { collectionID: 'x' as unknown as bigint }));
    expect(error.code).toBe(status.INTERNAL);
  });
});
