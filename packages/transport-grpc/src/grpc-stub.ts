/**
 * The gRPC transport's typed unary caller over one `@grpc/grpc-js` channel, built from
 * protobuf-es method descriptors (no runtime `.proto` loading).
 *
 * @packageDocumentation
 */
import { fromBinary, type DescMessage, type DescMethod, type MessageInitShape, type MessageShape } from '@bufbuild/protobuf';
import { Client, Metadata, status as GrpcStatus, type ChannelCredentials, type ChannelOptions, type Deadline, type ServiceError } from '@grpc/grpc-js';
import { encodeMessage, methodPath } from '@mvkit/proto';

/** grpc-js serialiser for `schema` (a message or an init object; `encodeMessage` of `@mvkit/proto`). */
function serializer<D extends DescMessage>(schema: D): (value: MessageShape<D> | MessageInitShape<D>) => Buffer {
  return (value) => {
    const bytes = encodeMessage(schema, value);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
}

/** Options of one unary call made through a {@link GrpcStub}. */
export interface UnaryCallOptions {
  /** Request metadata (headers), e.g. `authorization`, `dbname`. */
  metadata?: Metadata;
  /** Deadline: a `Date` or milliseconds since the epoch. Past it, the call fails with DEADLINE_EXCEEDED. */
  deadline?: Deadline;
  /** Aborting cancels the call (`call.cancel()`); the promise then rejects with gRPC CANCELLED. */
  signal?: AbortSignal;
}

/** A typed unary caller over one grpc-js channel. */
export interface GrpcStub {
  /**
   * Calls `method` (e.g. `MilvusService.method.showPartitions`) with `request`, a message or a
   * plain init object.
   *
   * @returns the decoded response message.
   * @throws (rejects with) the grpc-js `ServiceError` (`code`, `details`, `metadata`) for
   *   transport faults and non-OK gRPC statuses, including CANCELLED when `signal` aborts and
   *   DEADLINE_EXCEEDED past `deadline`. Business errors inside a response `status` are not errors here.
   */
  unary<I extends DescMessage, O extends DescMessage>(
    method: DescMethod & { input: I; output: O },
    request: MessageShape<I> | MessageInitShape<I>,
    options?: UnaryCallOptions,
  ): Promise<MessageShape<O>>;
  /** The underlying grpc-js client (for `waitForReady`, `getChannel`, …). */
  readonly client: Client;
  /** Closes the channel; later calls fail. Idempotent. */
  close(): void;
}

/** A grpc-js style CANCELLED error, for a signal that is already aborted when the call starts. */
function cancelledError(): ServiceError {
  return Object.assign(new Error(`${GrpcStatus.CANCELLED} CANCELLED: Cancelled on client`), {
    code: GrpcStatus.CANCELLED,
    details: 'Cancelled on client',
    metadata: new Metadata(),
  });
}

/**
 * Opens a grpc-js channel to `address` (`host:port`) and returns a typed unary caller. No I/O
 * happens here: the channel connects on the first call.
 *
 * @param address - `host:port`, e.g. `127.0.0.1:19530`.
 * @param credentials - e.g. `credentials.createInsecure()` or `credentials.createSsl()`.
 * @param options - grpc-js channel options (`grpc.max_receive_message_length`, keepalive, …).
 */
export function createGrpcStub(address: string, credentials: ChannelCredentials, options: ChannelOptions = {}): GrpcStub {
  const client = new Client(address, credentials, options);
  return {
    client,
    unary<I extends DescMessage, O extends DescMessage>(
      method: DescMethod & { input: I; output: O },
      request: MessageShape<I> | MessageInitShape<I>,
      callOptions: UnaryCallOptions = {},
    ): Promise<MessageShape<O>> {
      const { metadata = new Metadata(), deadline, signal } = callOptions;
      return new Promise((resolve, reject) => {
        if (signal?.aborted) {
          reject(cancelledError());
          return;
        }
        const onAbort = () => call.cancel();
        const call = client.makeUnaryRequest<MessageShape<I> | MessageInitShape<I>, MessageShape<O>>(
          methodPath(method),
          serializer(method.input),
          (bytes: Buffer) => fromBinary(method.output, bytes),
          request,
          metadata,
          deadline === undefined ? {} : { deadline },
          (error, response) => {
            signal?.removeEventListener('abort', onAbort);
            if (error) reject(error);
            else resolve(response!);
          },
        );
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    close() {
      client.close();
    },
  };
}
