/**
 * The Milvus error catalogue (merr, Milvus 2.3+): numeric `code`, base message and retriable flag,
 * plus the mapping from each code to the legacy `common.ErrorCode` that servers still fill in.
 *
 * Mirrors `pkg/util/merr/errors.go` and the legacy mapping in `pkg/util/merr/utils.go` of
 * milvus-io/milvus (facts only).
 *
 * @packageDocumentation
 */

/** One merr leaf error: its numeric code, base message and whether clients may retry it. */
export interface MerrEntry {
  /** Numeric merr code carried in `common.Status.code`. */
  readonly code: number;
  /** Base message, e.g. `collection not found`. */
  readonly message: string;
  /** Whether Milvus marks the error retriable (`common.Status.retriable`). */
  readonly retriable: boolean;
}

const entry = (code: number, message: string, retriable = false): MerrEntry => ({ code, message, retriable });

/**
 * The merr errors mvkit produces or maps, by Milvus's Go name without the `Err` prefix.
 * `Unexpected` (65535) is what Milvus reports for any error that is not a merr error.
 */
export const Merr = {
  ServiceNotReady: entry(1, 'service not ready', true),
  ServiceUnavailable: entry(2, 'service unavailable', true),
  ServiceInternal: entry(5, 'service internal error'),
  ServiceRateLimit: entry(8, 'rate limit exceeded', true),
  ServiceQuotaExceeded: entry(9, 'quota exceeded', true),
  ServiceUnimplemented: entry(10, 'service unimplemented'),
  ServiceResourceInsufficient: entry(12, 'service resource insufficient', true),
  CollectionNotFound: entry(100, 'collection not found'),
  CollectionNotLoaded: entry(101, 'collection not loaded'),
  CollectionNumLimitExceeded: entry(102, 'exceeded the limit number of collections'),
  CollectionNotFullyLoaded: entry(103, 'collection not fully loaded', true),
  CollectionLoaded: entry(104, 'collection already loaded'),
  CollectionIllegalSchema: entry(105, 'illegal collection schema'),
  CollectionVectorClusteringKeyNotAllowed: entry(107, 'vector clustering key not allowed'),
  PartitionNotFound: entry(200, 'partition not found'),
  PartitionNotLoaded: entry(201, 'partition not loaded'),
  PartitionNotFullyLoaded: entry(202, 'partition not fully loaded', true),
  GeneralCapacityExceeded: entry(250, 'general capacity exceeded'),
  ResourceGroupNotFound: entry(300, 'resource group not found'),
  ResourceGroupAlreadyExist: entry(301, 'resource group already exist, but create with different config'),
  ResourceGroupReachLimit: entry(302, 'resource group num reach limit'),
  ResourceGroupIllegalConfig: entry(303, 'resource group illegal config'),
  ResourceGroupNodeNotEnough: entry(304, 'resource group node not enough'),
  ReplicaNotFound: entry(400, 'replica not found'),
  SegmentNotFound: entry(600, 'segment not found'),
  IndexNotFound: entry(700, 'index not found'),
  IndexNotSupported: entry(701, 'index type not supported'),
  IndexDuplicate: entry(702, 'index duplicates'),
  DatabaseNotFound: entry(800, 'database not found'),
  DatabaseNumLimitExceeded: entry(801, 'exceeded the limit number of database'),
  DatabaseInvalidName: entry(802, 'invalid database name'),
  NodeNotFound: entry(901, 'node not found'),
  ParameterInvalid: entry(1100, 'invalid parameter'),
  ParameterMissing: entry(1101, 'missing parameter'),
  ParameterTooLarge: entry(1102, 'parameter too large'),
  MetricNotFound: entry(1200, 'metric not found'),
  PrivilegeNotAuthenticated: entry(1400, 'not authenticated'),
  PrivilegeNotPermitted: entry(1401, 'privilege not permitted'),
  AliasNotFound: entry(1600, 'alias not found'),
  /** Upstream's Go name keeps its misspelling (`ErrAliasCollectionNameConfilct`). */
  AliasCollectionNameConfilct: entry(1601, 'alias and collection name conflict'),
  AliasAlreadyExist: entry(1602, 'alias already exist'),
  FieldNotFound: entry(1700, 'field not found'),
  FieldNameInvalid: entry(1701, 'field name invalid'),
  NeedAuthenticate: entry(1800, "user hasn't authenticated"),
  IncorrectParameterFormat: entry(1801, 'can only accept json format request'),
  MissingRequiredParameters: entry(1802, 'missing required parameters'),
  InvalidInsertData: entry(1804, 'invalid insert data'),
  CheckPrimaryKey: entry(1806, "please check the primary key and its' type can only in [int, string]"),
  HTTPRateLimit: entry(1807, 'request is rejected by limiter', true),
  DenyReplicateMessage: entry(1900, 'deny to use the replicate message in the normal instance'),
  /** Bulk import (`ErrImportFailed`): a refused import request or a failed import job. */
  /** A query node's search engine (segcore) refused the request (`ErrSegcore`). */
  Segcore: entry(2000, 'segcore error'),
  /** Segcore does not support the operation (`ErrSegcoreUnsupported`, segcore's `Unsupported`). */
  SegcoreUnsupported: entry(2001, 'segcore unsupported error'),
  ImportFailed: entry(2100, 'importing data failed'),
  OperationNotSupported: entry(3000, 'unsupported operation'),
  Canceled: entry(10000, 'context canceled'),
  Timeout: entry(10001, 'context deadline exceeded', true),
  Unexpected: entry(65535, 'unexpected error'),
} as const satisfies Record<string, MerrEntry>;

/** Name of a catalogued merr error, e.g. `'PartitionNotFound'`. */
export type MerrName = keyof typeof Merr;

/**
 * Legacy `milvus.proto.common.ErrorCode` values that Milvus 2.3+ still derives from merr codes,
 * by enum name. Values are the proto enum numbers.
 */
export const LegacyErrorCode = {
  Success: 0,
  UnexpectedError: 1,
  PermissionDenied: 3,
  CollectionNotExists: 4,
  IllegalArgument: 5,
  MetaFailed: 15,
  IndexNotExist: 25,
  NoReplicaAvailable: 46,
  SegmentNotFound: 47,
  ForceDeny: 48,
  RateLimit: 49,
  NodeIDNotMatch: 50,
  InsufficientMemoryToLoad: 52,
  DiskQuotaExhausted: 54,
  TimeTickLongDelay: 55,
  NotReadyServe: 56,
  SchemaMismatch: 62,
} as const;

/** Name of a legacy `common.ErrorCode` value, e.g. `'CollectionNotExists'`. */
export type LegacyErrorCodeName = keyof typeof LegacyErrorCode;

const legacyByCode: ReadonlyMap<number, LegacyErrorCodeName> = new Map<number, LegacyErrorCodeName>([
  [1, 'NotReadyServe'],
  [100, 'CollectionNotExists'],
  [1100, 'IllegalArgument'],
  [200, 'MetaFailed'],
  [400, 'MetaFailed'],
  [501, 'MetaFailed'],
  [401, 'NoReplicaAvailable'],
  [503, 'NoReplicaAvailable'],
  [905, 'NoReplicaAvailable'],
  [3, 'InsufficientMemoryToLoad'],
  [7, 'DiskQuotaExhausted'],
  [8, 'RateLimit'],
  [9, 'ForceDeny'],
  [11, 'TimeTickLongDelay'],
  [700, 'IndexNotExist'],
  [600, 'SegmentNotFound'],
  [109, 'SchemaMismatch'],
  [904, 'NodeIDNotMatch'],
]);

/**
 * The legacy `common.ErrorCode` name Milvus sends beside a merr `code`.
 * `0` maps to `Success`; codes without a specific mapping (65535, 101, 201, 800, …) map to
 * `UnexpectedError`, as `merr.oldCode` does upstream.
 */
export function legacyErrorCodeOf(code: number): LegacyErrorCodeName {
  if (code === 0) return 'Success';
  return legacyByCode.get(code) ?? 'UnexpectedError';
}

/**
 * The merr code a client derives from a legacy `error_code` when the server left `code` unset
 * (servers before 2.3.2): the inverse of {@link legacyErrorCodeOf} where it is one-to-one, else 65535.
 */
export function codeOfLegacyErrorCode(errorCode: number): number {
  if (errorCode === 0) return 0;
  for (const [code, name] of legacyByCode) {
    if (LegacyErrorCode[name] === errorCode && name !== 'MetaFailed' && name !== 'NoReplicaAvailable') return code;
  }
  return Merr.Unexpected.code;
}

/**
 * Formats a merr message as `WrapErrX(value, msg...)` does: optional prefix messages joined as
 * `"<msg>: <base>"`, then one `[key=value]` per field.
 *
 * @example formatMerr(Merr.CollectionNotFound, { database: 'default', collection: 'c' })
 *   // 'collection not found[database=default][collection=c]'
 */
export function formatMerr(error: MerrEntry, fields: Readonly<Record<string, string | number | bigint>> = {}, prefix?: string): string {
  let text = error.message;
  for (const [key, value] of Object.entries(fields)) text += `[${key}=${String(value)}]`;
  return prefix ? `${prefix}: ${text}` : text;
}
