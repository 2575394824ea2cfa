import { LegacyErrorCode, MilvusError, legacyErrorCodeOf, type LegacyErrorCodeName } from '@mvkit/core';

/** The fields of a `common.Status` message, as protobuf-es init values. */
export interface StatusInit {
  errorCode: number;
  reason: string;
  code: number;
  retriable: boolean;
  detail: string;
  extraInfo: Record<string, string>;
}

/** Codes of caller mistakes, for which Milvus 2.4+ sets `extra_info.is_input_error`. */
const INPUT_ERROR_CODES: ReadonlySet<number> = new Set([100, 200, 700, 800, 802, 1100, 1101, 1102, 1700, 1701]);

/**
 * Converts an error into the `common.Status` Milvus would send, as `merr.Status(err)`: the merr
 * `code` (65535 for errors that are not {@link MilvusError}s), the legacy `error_code`, the
 * reason, `retriable`, the full `detail`, and `extra_info.is_input_error` for user errors.
 * With `merrCode` false (a server before merr, Milvus 2.2: the behaviour profile's `statusCode`)
 * only the legacy `error_code` and the reason are set, as that era's `common.Status` had no other fields.
 */
export function statusOf(error: unknown, merrCode = true): StatusInit {
  const e = MilvusError.is(error) ? error : new MilvusError(error instanceof Error ? error.message : String(error));
  const legacy = (e.errorCode in LegacyErrorCode ? e.errorCode : legacyErrorCodeOf(e.code)) as LegacyErrorCodeName;
  if (!merrCode) return { errorCode: LegacyErrorCode[legacy], reason: e.reason, code: 0, retriable: false, detail: '', extraInfo: {} };
  return {
    errorCode: LegacyErrorCode[legacy],
    reason: e.reason,
    code: e.code,
    retriable: e.retriable,
    detail: e.detail ?? e.reason,
    extraInfo: INPUT_ERROR_CODES.has(e.code) ? { is_input_error: 'true' } : {},
  };
}
