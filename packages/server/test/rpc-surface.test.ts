import { readFileSync } from 'node:fs';
import { credentials, Client } from '@grpc/grpc-js';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import {
  CalcDistanceResultsSchema,
  DescribeSegmentIndexDataResponseSchema,
  DummyRequestSchema,
  DummyResponseSchema,
  GetIndexStatisticsRequestSchema,
  GetIndexStatisticsResponseSchema,
  MilvusService,
  RegisterLinkResponseSchema,
  ReplicateMessageResponseSchema,
} from '@mvkit/proto';
import { ErrorCode, MilvusService as MilvusV1Service, StatusSchema as V1StatusSchema, CollectionNameListSchema } from '@mvkit/proto/v1';
import { Metadata } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index.js';
import { sendRaw } from './raw-grpc.js';

/**
 * The RPC surface: every RPC of `milvus.proto.milvus.MilvusService` (Milvus 2.5's, as the proto
 * declares it) is sent an empty request; none may answer gRPC UNIMPLEMENTED except those the
 * README and `conformance/known-divergences.json` name as not served yet, and those two lists must
 * be exactly the RPCs that do. The same for `milvus.grpc.MilvusService` (the Milvus 1.x protocol,
 * served beside it on the same port).
 */
const root = new URL('../../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const divergences = JSON.parse(readFileSync(new URL('conformance/known-divergences.json', root), 'utf8')) as { area: string; rpcs?: string[] }[];

/** The RPC names listed on the README line starting with `- **<label>**`, inside the rpc-surface markers (`none.`: no names). */
function readmeList(label: string): string[] {
  const section = /<!-- rpc-surface:start -->([\s\S]*?)<!-- rpc-surface:end -->/.exec(readme)?.[1] ?? '';
  const line = section.split('\n').find((l) => l.startsWith(`- **${label}**`)) ?? '';
  const names = line.slice(line.indexOf(':') + 1).trim().replace(/\.$/, '');
  return names === '' || names === 'none' ? [] : names.split(/,\s*/).map((n) => n.replace(/`/g, ''));
}

let server: RunningServer;
let client: Client;
beforeAll(async () => {
  server = await startServer({ port: 0 });
  client = new Client(server.address, credentials.createInsecure());
});
afterAll(async () => {
  client.close();
  await server.close();
});

describe('the RPC surface of MilvusService', () => {
  it('answers every RPC with a status, except the ones the README and known-divergences list as not served yet', async () => {
    const unimplemented: string[] = [];
    for (const method of MilvusService.methods) {
      const reply = await sendRaw(client, method.name, new Uint8Array());
      if (reply.code === GrpcStatus.UNIMPLEMENTED) unimplemented.push(method.name);
      else expect(reply.code, `${method.name}: ${reply.details}`).toBeUndefined();
    }
    // No entry: every RPC is served.
    const listed = divergences.find((d) => d.area === 'rpc surface')?.rpcs?.filter((r) => !r.startsWith('milvus.grpc.')) ?? [];
    expect(unimplemented.sort()).toEqual([...listed].sort());
    expect(readmeList('not served yet').sort()).toEqual(unimplemented.sort());
  });

  it('lists every RPC of the service in the README exactly once', () => {
    const all = [...readmeList('served'), ...readmeList('not served yet')];
    expect(all.sort()).toEqual(MilvusService.methods.map((m) => m.name).sort());
  });

  it('answers the RPCs a standalone Milvus answers without data as it does', async () => {
    const dummy = async (requestType: string) =>
      fromBinary(DummyResponseSchema, (await sendRaw(client, 'Dummy', toBinary(DummyRequestSchema, create(DummyRequestSchema, { requestType })))).bytes!).response;
    expect(await dummy('{"request_type": "query", "collection_name": "c", "output_fields": ["id"]}')).toBe('{"status": "success"}');
    expect(await dummy('{"request_type": "query", "output_fields": "id"}')).toBe('{"status": "fail"}');
    expect(await dummy('{"request_type": "retrieve"}')).toBe('{"status": "fail"}');
    expect(await dummy('not json')).toBe('{"status": "fail"}');
    const link = fromBinary(RegisterLinkResponseSchema, (await sendRaw(client, 'RegisterLink', new Uint8Array())).bytes!);
    expect([link.status?.code, link.status?.reason]).toEqual([0, 'STANDALONE']);
    const replicate = fromBinary(ReplicateMessageResponseSchema, (await sendRaw(client, 'ReplicateMessage', new Uint8Array())).bytes!);
    expect([replicate.status?.code, replicate.status?.reason]).toEqual([1900, 'deny to use the replicate message in the normal instance']);
    const segments = fromBinary(DescribeSegmentIndexDataResponseSchema, (await sendRaw(client, 'DescribeSegmentIndexData', new Uint8Array())).bytes!);
    expect([segments.status?.code, segments.status?.reason]).toEqual([2, 'DescribeSegmentIndexData unimplemented: service unavailable']);
    const distance = fromBinary(CalcDistanceResultsSchema, (await sendRaw(client, 'CalcDistance', new Uint8Array())).bytes!);
    expect([distance.status?.code, distance.status?.reason]).toEqual([2, 'CalcDistance deprecated: service unavailable']);
  });

  it('answers GetIndexStatistics with the index descriptions DescribeIndex gives', async () => {
    const { engine } = server;
    engine.createCollection({
      collectionName: 'stats',
      fields: [
        { name: 'id', dataType: 5, isPrimaryKey: true, typeParams: {}, description: '', isPartitionKey: false, isDynamic: false, isClusteringKey: false, elementType: 0, nullable: false, autoID: false },
        { name: 'v', dataType: 101, isPrimaryKey: false, typeParams: { dim: '2' }, description: '', isPartitionKey: false, isDynamic: false, isClusteringKey: false, elementType: 0, nullable: false, autoID: false },
      ],
    });
    engine.createIndex({ collectionName: 'stats', fieldName: 'v', indexName: 'vi', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'L2' }] });
    const ask = async (indexName: string) =>
      fromBinary(GetIndexStatisticsResponseSchema, (await sendRaw(client, 'GetIndexStatistics', toBinary(GetIndexStatisticsRequestSchema, create(GetIndexStatisticsRequestSchema, { collectionName: 'stats', indexName })))).bytes!);
    const found = await ask('vi');
    expect(found.indexDescriptions.map((d) => [d.indexName, d.fieldName, d.params.map((p) => `${p.key}=${p.value}`)])).toEqual([['vi', 'v', ['index_type=FLAT', 'metric_type=L2']]]);
    const missing = await ask('nope');
    expect([missing.status?.code, missing.status?.reason]).toEqual([700, 'index not found[indexName=nope]']);
  });
});

describe('the RPC surface of the Milvus 1.x service (milvus.grpc.MilvusService)', () => {
  const V1 = 'milvus.grpc.MilvusService';

  it('answers every 1.x RPC with a 1.x status, except the ones the README and known-divergences list as not served yet', async () => {
    const unimplemented: string[] = [];
    for (const method of MilvusV1Service.methods) {
      const reply = await sendRaw(client, method.name, new Uint8Array(), new Metadata(), 10_000, V1);
      if (reply.code === GrpcStatus.UNIMPLEMENTED) unimplemented.push(method.name);
      else expect(reply.code, `${method.name}: ${reply.details}`).toBeUndefined();
    }
    const listed = (divergences.find((d) => d.area === 'rpc surface')?.rpcs ?? []).filter((r) => r.startsWith(`${V1}/`)).map((r) => r.slice(V1.length + 1));
    expect(unimplemented.sort()).toEqual(listed.sort());
    expect(readmeList('1.x not served yet').sort()).toEqual(unimplemented.sort());
    expect([...readmeList('1.x served'), ...readmeList('1.x not served yet')].sort()).toEqual(MilvusV1Service.methods.map((m) => m.name).sort());
  });

  it('answers an empty 1.x request with the check 1.1 makes first', async () => {
    const created = fromBinary(V1StatusSchema, (await sendRaw(client, 'CreateCollection', new Uint8Array(), new Metadata(), 10_000, V1)).bytes!);
    expect([created.errorCode, created.reason]).toEqual([ErrorCode.ILLEGAL_COLLECTION_NAME, 'Collection name should not be empty.']);
  });

  it('refuses 1.x calls without valid credentials when --auth is on, with a 1.x PERMISSION_DENIED status', async () => {
    const secured = await startServer({ port: 0, auth: { users: { root: 'Secret1!' } } });
    const c = new Client(secured.address, credentials.createInsecure());
    try {
      const show = async (metadata: Metadata) => fromBinary(CollectionNameListSchema, (await sendRaw(c, 'ShowCollections', new Uint8Array(), metadata, 10_000, V1)).bytes!).status!;
      const none = await show(new Metadata());
      expect([none.errorCode, none.reason]).toEqual([ErrorCode.PERMISSION_DENIED, 'missing authorization in header']);
      const wrong = new Metadata();
      wrong.set('authorization', Buffer.from('root:nope').toString('base64'));
      expect((await show(wrong)).errorCode).toBe(ErrorCode.PERMISSION_DENIED);
      const right = new Metadata();
      right.set('authorization', Buffer.from('root:Secret1!').toString('base64'));
      expect((await show(right)).errorCode).toBe(ErrorCode.SUCCESS);
    } finally {
      c.close();
      await secured.close();
    }
  });
});
