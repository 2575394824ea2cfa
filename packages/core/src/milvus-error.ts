import { codeOfLegacyErrorCode, formatMerr, LegacyErrorCode, legacyErrorCodeOf, Merr, type LegacyErrorCodeName, type MerrEntry } from './merr.js';

/** Where a {@link MilvusError} arose. */
export type ErrorOrigin = 'server' | 'grpc' | 'rest' | 'client';

/** The fields of a Milvus `common.Status`, as carried by a {@link MilvusError}. */
export interface MilvusStatusFields {
  /** merr code (`common.Status.code`), e.g. 200 for partition not found; 65535 for a plain error. */
  readonly code: number;
  /** Legacy `common.Status.error_code` by name, e.g. `'MetaFailed'`. */
  readonly errorCode: LegacyErrorCodeName | string;
  /** Human-readable reason exactly as Milvus sends it (`common.Status.reason`). */
  readonly reason: string;
  /** Whether the call may succeed if retried (`common.Status.retriable`). */
  readonly retriable: boolean;
  /** Full error chain (`common.Status.detail`), when the server sent one. */
  readonly detail?: string;
}

/** Options of the {@link MilvusError} constructor. */
export interface MilvusErrorOptions extends Partial<MilvusStatusFields> {
  /** Where the error arose: the server's status, a gRPC/REST transport fault, or client-side validation. */
  readonly origin?: ErrorOrigin;
  /** Transport-level status when the fault is not a Milvus status: gRPC status code or HTTP status. */
  readonly transportStatus?: number;
  /** The underlying error. */
  readonly cause?: unknown;
}

/**
 * Every failure of an mvkit client or server call: a Milvus status (`code`, legacy `errorCode`,
 * `reason`, `retriable`) or a transport fault mapped onto merr codes (unreachable → 2
 * `service unavailable`, deadline → 10001, cancelled → 10000, unimplemented → 10).
 *
 * Mirrors the error model of `pkg/util/merr` (server) and the status checks of the official SDKs
 * (a response is a success only when `code == 0` and `error_code == Success`).
 */
export class MilvusError extends Error {
  /** `'MilvusError'`, or the subclass's name (`'MilvusTimeoutError'`, …). */
  override readonly name: string = 'MilvusError';
  /** merr code, e.g. 100 collection not found, 200 partition not found, 65535 unexpected. */
  readonly code: number;
  /** Legacy `common.ErrorCode` name, e.g. `'CollectionNotExists'`. */
  readonly errorCode: string;
  /** The reason as Milvus phrases it. */
  readonly reason: string;
  /** Whether a retry may succeed. */
  readonly retriable: boolean;
  /** Full error chain, if any. */
  readonly detail: string | undefined;
  /** Where the error arose. */
  readonly origin: ErrorOrigin;
  /** gRPC status code or HTTP status of a transport fault. */
  readonly transportStatus: number | undefined;

  /**
   * @param reason - the Milvus reason string (also the `message`).
   * @param options - code, legacy error code, retriable, origin; `errorCode` defaults to the
   *   legacy mapping of `code`.
   */
  constructor(reason: string, options: MilvusErrorOptions = {}) {
    super(reason, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? 65535;
    this.errorCode = options.errorCode ?? legacyErrorCodeOf(this.code);
    this.reason = reason;
    this.retriable = options.retriable ?? false;
    this.detail = options.detail;
    this.origin = options.origin ?? 'server';
    this.transportStatus = options.transportStatus;
  }

  /**
   * Builds the error for a catalogued merr entry with an exact reason string.
   * @example MilvusError.of(Merr.PartitionNotFound, 'partition not found[partition=p]')
   */
  static of(entry: MerrEntry, reason: string = entry.message, options: Omit<MilvusErrorOptions, 'code' | 'retriable'> = {}): MilvusError {
    return new MilvusError(reason, { ...options, code: entry.code, retriable: entry.retriable });
  }

  /**
   * The 1100 error of Milvus's `merr.WrapErrParameterInvalidMsg(msg)` — reason `<msg>: invalid
   * parameter` — or, with `fields`, of `merr.WrapErrParameterInvalid(expected, actual, msg)` —
   * reason `<msg>: invalid parameter[expected=<e>][actual=<a>]`.
   * @example MilvusError.parameterInvalid('metric type not match', { expected: 'L2', actual: 'IP' })
   */
  static parameterInvalid(
    message: string,
    fields?: { expected: string | number | bigint; actual: string | number | bigint },
    options: Omit<MilvusErrorOptions, 'code' | 'retriable'> = {},
  ): MilvusError {
    return MilvusError.of(Merr.ParameterInvalid, `${message}: ${formatMerr(Merr.ParameterInvalid, fields ?? {})}`, options);
  }

  /**
   * Turns a wire `common.Status` into a MilvusError, or returns `undefined` for a success status
   * (`code == 0` and `error_code == 0`). When `code` is 0 but `error_code` is not, the code is
   * derived from the legacy value, as the Go and Java SDKs do.
   *
   * @param status - `{ code, errorCode (number), reason, retriable, detail }` as decoded from the wire.
   */
  static fromStatus(
    status: { code: number; errorCode: number; reason: string; retriable?: boolean; detail?: string },
    origin: ErrorOrigin = 'server',
  ): MilvusError | undefined {
    if (status.code === 0 && status.errorCode === 0) return undefined;
    const code = status.code !== 0 ? status.code : codeOfLegacyErrorCode(status.errorCode);
    const legacyName = (Object.keys(LegacyErrorCode) as LegacyErrorCodeName[]).find((n) => LegacyErrorCode[n] === status.errorCode);
    return new MilvusError(status.reason, {
      code,
      errorCode: legacyName ?? String(status.errorCode),
      retriable: status.retriable ?? false,
      ...(status.detail ? { detail: status.detail } : {}),
      origin,
    });
  }

  /** `true` for any MilvusError or subclass, also across package copies (checks the `name` brand). */
  static is(value: unknown): value is MilvusError {
    return value instanceof MilvusError || (value instanceof Error && ERROR_NAMES.has(value.name) && 'code' in value);
  }
}

/** Options of the transport-fault subclasses: their code and `retriable` are fixed by the class. */
export type TransportFaultOptions = Omit<MilvusErrorOptions, 'code' | 'retriable' | 'errorCode'>;

/**
 * The server could not be reached or dropped the connection: connection refused or reset, DNS
 * failure, TLS verification failure, gRPC `UNAVAILABLE`, HTTP 502/503/504 from a proxy in front of
 * Milvus, or a call on a closed transport. merr code 2 `service unavailable`, retriable (the
 * client retries it on idempotent operations, see `OPERATIONS` and `MilvusClient`'s `maxRetries`).
 */
export class MilvusConnectionError extends MilvusError {
  override readonly name: string = 'MilvusConnectionError';
  /** @param reason - `service unavailable: <detail>`. */
  constructor(reason: string, options: TransportFaultOptions = {}) {
    super(reason, { ...options, code: Merr.ServiceUnavailable.code, retriable: Merr.ServiceUnavailable.retriable });
  }
}

/**
 * The call's deadline passed (gRPC `DEADLINE_EXCEEDED`, the REST call's timer, or the client's
 * wait for a load): merr code 10001 `context deadline exceeded`. Never retried by the client: the
 * deadline covers every attempt of a call. Its `retriable` stays Milvus's (`true`): a new call,
 * with a new deadline, may succeed.
 */
export class MilvusTimeoutError extends MilvusError {
  override readonly name: string = 'MilvusTimeoutError';
  /** @param reason - `context deadline exceeded: <detail>`. */
  constructor(reason: string, options: TransportFaultOptions = {}) {
    super(reason, { ...options, code: Merr.Timeout.code, retriable: Merr.Timeout.retriable });
  }
}

/**
 * The caller's `AbortSignal` ended the call (gRPC `CANCELLED`, an aborted fetch, or an abort
 * during a retry's backoff): merr code 10000 `context canceled`, not retriable.
 */
export class MilvusAbortError extends MilvusError {
  override readonly name: string = 'MilvusAbortError';
  /** @param reason - `context canceled: <detail>`. */
  constructor(reason: string, options: TransportFaultOptions = {}) {
    super(reason, { ...options, code: Merr.Canceled.code, retriable: Merr.Canceled.retriable });
  }
}

const ERROR_NAMES: ReadonlySet<string> = new Set(['MilvusError', 'MilvusConnectionError', 'MilvusTimeoutError', 'MilvusAbortError']);
