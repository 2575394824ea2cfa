import { Client, credentials, status as GrpcStatus } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index.js';
import { sendRaw } from './raw-grpc.js';

/**
 * Raw wire robustness: bytes straight onto the gRPC front, without our codecs, to check that bad
 * input gets a Milvus status or a gRPC error and never stops the server.
 */
let server: RunningServer;
let raw: Client;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  raw = new Client(server.address, credentials.createInsecure());
});
afterAll(async () => {
  raw.close();
  await server.close();
});

/** Sends raw bytes to an RPC (5 s deadline). */
const send = (rpc: string, body: Uint8Array) => sendRaw(raw, rpc, body, undefined, 5000);

/** Encodes a length-delimited string field (wire type 2). */
function str(field: number, value: string): Buffer {
  const data = Buffer.from(value);
  return Buffer.concat([Buffer.from([(field << 3) | 2]), varint(data.length), data]);
}
function varint(n: number): Buffer {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n >>>= 7;
  }
  out.push(n);
  return Buffer.from(out);
}

/** Extracts `common.Status` fields 3 (code) and 2 (reason) from a Status message's bytes. */
function readStatus(bytes: Buffer): { code: number; reason: string } {
  let i = 0;
  let code = 0;
  let reason = '';
  const readVarint = () => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[i++]!;
      v += (b & 127) * 2 ** shift;
      if (b < 128) return v;
      shift += 7;
    }
  };
  while (i < bytes.length) {
    const tag = readVarint();
    const field = tag >> 3;
    if ((tag & 7) === 0) {
      const v = readVarint();
      if (field === 3) code = v;
    } else if ((tag & 7) === 2) {
      const len = readVarint();
      if (field === 2) reason = bytes.subarray(i, i + len).toString();
      i += len;
    } else throw new Error(`unexpected wire type in Status: ${tag & 7}`);
  }
  return { code, reason };
}

async function stillServing(): Promise<void> {
  const r = await send('HasCollection', str(3, 'x'));
  expect(r.code).toBeUndefined();
}

describe('gRPC front robustness', () => {
  it('answers an unknown collection with a Milvus status, not a gRPC error', async () => {
    const r = await send('CreatePartition', Buffer.concat([str(3, 'ghost'), str(4, 'p')]));
    expect(readStatus(r.bytes!)).toEqual({ code: 100, reason: 'collection not found[database=default][collection=ghost]' });
  });

  it('answers empty and oversized names with Milvus statuses', async () => {
    let r = await send('DropCollection', Buffer.alloc(0));
    expect(readStatus(r.bytes!)).toEqual({ code: 1100, reason: 'collection name should not be empty: invalid parameter' });
    const long = 'a'.repeat(100_000);
    r = await send('DropCollection', str(3, long));
    expect(readStatus(r.bytes!).code).toBe(1100);
    await stillServing();
  });

  it('rejects garbage bytes with a gRPC error and keeps serving', async () => {
    for (const garbage of [Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]), Buffer.from('\x0a\xff\xff\xff\xff\x0fabc', 'latin1')]) {
      const r = await send('CreatePartition', garbage);
      expect(r.bytes).toBeUndefined();
      expect(r.code).toBeDefined();
      expect(r.code).not.toBe(GrpcStatus.OK);
    }
    await stillServing();
  });

  it('rejects a field of the wrong wire type with a gRPC error and keeps serving', async () => {
    // collection_name (field 3, a string) sent as a varint.
    const r = await send('HasPartition', Buffer.from([3 << 3, 0x05]));
    expect(r.code === undefined ? readStatus(r.bytes!).code : r.code).not.toBe(0);
    await stillServing();
  });

  it('answers RPCs it does not serve with UNIMPLEMENTED', async () => {
    // GetUserTags: a 2.6 RPC, not part of the 2.5 service declared here.
    const r = await send('GetUserTags', Buffer.alloc(0));
    expect(r.code).toBe(GrpcStatus.UNIMPLEMENTED);
    await stillServing();
  });
});
