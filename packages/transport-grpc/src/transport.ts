import { credentials as grpcCredentials, Metadata, type ChannelCredentials } from '@grpc/grpc-js';
import { create, type DescMessage, type DescMethod, type MessageInitShape } from '@bufbuild/protobuf';
import {
  Merr,
  MilvusConnectionError,
  MilvusError,
  callDeadline,
  credentialOf,
  timeLeft,
  parseAddress,
  type CallOptions,
  type ConnectionOptions,
  type OperationName,
  type OperationRequest,
  type OperationResult,
  type Transport,
} from '@mvkit/core';

/** One call's absolute deadline (epoch ms, none when undefined) and signal, shared by its connect, schema lookup and RPC. */
interface Scope {
  deadline: number | undefined;
  signal: AbortSignal | undefined;
}
import { MilvusService } from '@mvkit/proto';
import { createGrpcStub, type GrpcStub } from './grpc-stub.js';
import { fromGrpcError } from './errors.js';
import { SocketOwningCredentials } from './owned-sockets.js';
import { collectionInfoOf, type CollectionInfo } from './data-mappings.js';
import { RPC_MAPPINGS, requestMessage, resultJson } from './operations.js';

/** SDK name sent in `ClientInfo.sdk_type` at Connect. */
export const SDK_TYPE = 'mvkit-node';
/** SDK version sent in `ClientInfo.sdk_version`. */
export const SDK_VERSION = '0.1.0';

const CHANNEL_OPTIONS = {
  'grpc.max_receive_message_length': -1,
  'grpc.max_send_message_length': -1,
  'grpc.keepalive_time_ms': 55_000,
  'grpc.keepalive_timeout_ms': 5_000,
} as const;

/**
 * The gRPC transport: Milvus v2 RPCs (`milvus.proto.milvus.MilvusService`) over @grpc/grpc-js with
 * static protobuf-es codecs.
 *
 * Nothing happens in the constructor. `connect()` (or the first call) opens the channel and
 * performs Connect, as pymilvus and the official Node SDK do, then sends the returned
 * `identifier`, the `dbname` and the `authorization` (base64 of the token or `user:password`)
 * metadata on every call. A response status with `code != 0` or `error_code != Success` is thrown
 * as a {@link MilvusError}; gRPC faults are mapped by {@link fromGrpcError}.
 *
 * Deadline: one per call (the call's `timeout`, else the constructor's, else `DEFAULT_TIMEOUT_MS`,
 * 15 s; `0` or `Infinity` for none), covering its connect, its schema lookup and its RPC; past it
 * the call fails with `MilvusTimeoutError` (10001). The transport never retries (`MilvusClient` does).
 *
 * TLS (`https://` address, `ssl` or `tls`): the server certificate must chain to `tls.rootCert`
 * (default: the system roots) and name the address host, or `tls.serverName` when set (sent as
 * SNI and verified, grpc-js `grpc.ssl_target_name_override`); `privateKey` with `certChain`
 * authenticate the client (mutual TLS). A failed verification is a connect failure: code 2.
 *
 * The transport owns the sockets of its channel: a connect that fails (e.g. times out against a
 * server that never answers) drops the channel and its sockets, and `close()` ends them all.
 */
export class GrpcTransport implements Transport {
  readonly kind = 'grpc';
  readonly #options: ConnectionOptions;
  #stub: GrpcStub | undefined;
  #credentials: SocketOwningCredentials | undefined;
  #connecting: Promise<void> | undefined;
  #identifier: string | undefined;
  /** DescribeCollection answers of data operations, by `<db>/<collection>`. */
  readonly #schemas = new Map<string, CollectionInfo>();

  /** @param options - address, credentials, database, TLS and default timeout. */
  constructor(options: ConnectionOptions) {
    this.#options = options;
  }

  /**
   * Opens the channel and calls Connect; idempotent (concurrent callers share one attempt). A
   * failed attempt closes the channel and its sockets; the next call opens a new one.
   * @throws MilvusError 2 unreachable (or TLS verification failed), 10001 deadline, 800 unknown
   *   database, 1400 bad credentials, 1100 invalid TLS options (a key without a certificate chain).
   */
  connect(options: CallOptions = {}): Promise<void> {
    this.#connecting ??= this.#handshake(this.#scope(options)).catch((e: unknown) => {
      this.#dropChannel();
      throw e;
    });
    return this.#connecting;
  }

  /** Performs one operation; see {@link Transport.call}. */
  async call<K extends OperationName>(op: K, request: OperationRequest<K>, options: CallOptions = {}): Promise<OperationResult<K>> {
    const scope = this.#scope(options);
    await this.connect({ timeout: timeLeft(scope.deadline, 'connect'), ...(scope.signal ? { signal: scope.signal } : {}) });
    const mapping = RPC_MAPPINGS[op];
    const key = `${request.db_name ?? this.#options.database ?? ''}/${(request as { collection_name?: string }).collection_name ?? ''}`;
    if (op === 'createCollection' || op === 'dropCollection') this.#schemas.delete(key);
    const info = mapping.schema ? await this.#collectionInfo(key, request as { collection_name: string; db_name?: string }, scope) : undefined;
    let message;
    try {
      message = requestMessage(mapping.method.input, mapping.request(request, info));
    } catch (e) {
      if (MilvusError.is(e)) throw e;
      throw new MilvusError(`invalid ${op} request: ${(e as Error).message}`, { code: 1100, origin: 'client', cause: e });
    }
    const response = await this.#unary(mapping.method, message, scope);
    const decoded = response as unknown as Parameters<typeof resultJson>[1];
    return mapping.result(resultJson(mapping.method.output, decoded), info, request, decoded);
  }

  /** The schema a data operation needs, from DescribeCollection (cached per database and collection). */
  async #collectionInfo(key: string, request: { collection_name: string; db_name?: string }, scope: Scope): Promise<CollectionInfo> {
    const cached = this.#schemas.get(key);
    if (cached) return cached;
    const method = MilvusService.method.describeCollection;
    const response = await this.#unary(method, create(method.input, { dbName: request.db_name ?? '', collectionName: request.collection_name }), scope);
    const info = collectionInfoOf(resultJson(method.output, response as unknown as Parameters<typeof resultJson>[1]));
    this.#schemas.set(key, info);
    return info;
  }

  /**
   * Closes the channel and destroys its sockets; idempotent. Calls still running fail with code 2.
   * A later call reconnects.
   */
  async close(): Promise<void> {
    this.#dropChannel();
  }

  #dropChannel(): void {
    this.#stub?.close();
    this.#credentials?.destroySockets();
    this.#stub = undefined;
    this.#credentials = undefined;
    this.#connecting = undefined;
    this.#identifier = undefined;
  }

  /** The deadline and signal of a call starting now. @throws MilvusError 1100 for a negative timeout. */
  #scope(options: CallOptions): Scope {
    return { deadline: callDeadline(options.timeout, this.#options.timeout), signal: options.signal };
  }

  async #handshake(scope: Scope): Promise<void> {
    const { host, port, secure } = parseAddress(this.#options.address);
    const serverName = this.#options.tls?.serverName;
    this.#credentials = new SocketOwningCredentials(this.#channelCredentials(secure));
    this.#stub = createGrpcStub(`${host.includes(':') ? `[${host}]` : host}:${port}`, this.#credentials, {
      ...CHANNEL_OPTIONS,
      ...(serverName ? { 'grpc.ssl_target_name_override': serverName } : {}),
    });
    const method = MilvusService.method.connect;
    const request = create(method.input, {
      clientInfo: { sdkType: SDK_TYPE, sdkVersion: SDK_VERSION, localTime: new Date().toISOString(), user: this.#options.username ?? '' },
    });
    const response = await this.#unary(method, request, scope);
    this.#identifier = String(response.identifier);
  }

  /** Insecure, or TLS verified against `rootCert` (default the system roots), with the client's key pair when given. */
  #channelCredentials(secure: boolean): ChannelCredentials {
    const tls = this.#options.tls;
    if (!tls && !this.#options.ssl && !secure) return grpcCredentials.createInsecure();
    const buf = (v: Uint8Array | string | undefined): Buffer | null => (v === undefined ? null : Buffer.from(v));
    try {
      return grpcCredentials.createSsl(buf(tls?.rootCert), buf(tls?.privateKey), buf(tls?.certChain));
    } catch (e) {
      throw MilvusError.of(Merr.ParameterInvalid, `${Merr.ParameterInvalid.message}: tls: ${(e as Error).message}`, { origin: 'client', cause: e });
    }
  }

  #metadata(): Metadata {
    const md = new Metadata();
    const credential = credentialOf(this.#options);
    if (credential) md.set('authorization', Buffer.from(credential).toString('base64'));
    if (this.#options.database) md.set('dbname', this.#options.database);
    if (this.#identifier) md.set('identifier', this.#identifier);
    return md;
  }

  async #unary(method: DescMethod, request: unknown, scope: Scope): Promise<Record<string, unknown>> {
    const stub = this.#stub;
    if (!stub) throw new MilvusConnectionError(`${Merr.ServiceUnavailable.message}: transport is closed`, { origin: 'grpc' });
    let response;
    try {
      response = (await stub.unary(method, request as MessageInitShape<DescMessage>, {
        metadata: this.#metadata(),
        ...(scope.deadline !== undefined ? { deadline: scope.deadline } : {}),
        ...(scope.signal ? { signal: scope.signal } : {}),
      })) as unknown as Record<string, unknown>;
    } catch (e) {
      throw fromGrpcError(e);
    }
    const status = method.output.typeName === 'milvus.proto.common.Status' ? response : response.status;
    const error = status ? MilvusError.fromStatus(status as Parameters<typeof MilvusError.fromStatus>[0]) : undefined;
    if (error) throw error;
    return response;
  }
}
