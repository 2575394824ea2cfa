import { Metadata, type Client } from '@grpc/grpc-js';

/** What a raw call answered: the response bytes, or the gRPC error's code and details. */
export interface RawReply {
  bytes?: Buffer;
  code?: number;
  details?: string;
}

/**
 * Sends raw bytes to an RPC of `service` (default `milvus.proto.milvus.MilvusService`; the 1.x
 * protocol is `milvus.grpc.MilvusService`), no codecs on our side, with a deadline of
 * `deadlineMs`; resolves with the raw response bytes or the gRPC error.
 */
export function sendRaw(client: Client, rpc: string, body: Uint8Array, metadata = new Metadata(), deadlineMs = 10_000, service = 'milvus.proto.milvus.MilvusService'): Promise<RawReply> {
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      `/${service}/${rpc}`,
      (b: Uint8Array) => Buffer.from(b),
      (b: Buffer) => b,
      body,
      metadata,
      { deadline: Date.now() + deadlineMs },
      (err, value) => resolve(err ? { code: err.code, details: err.details } : { bytes: value! }),
    );
  });
}
