import { Merr, MilvusAbortError, MilvusConnectionError, MilvusError, MilvusTimeoutError, legacyErrorCodeOf, type MerrEntry } from '@mvkit/core';

const byCode: ReadonlyMap<number, MerrEntry> = new Map(Object.values(Merr).map((e) => [e.code, e]));

/**
 * A REST business error (`{"code": c, "message": m}`) as a {@link MilvusError}: `code` and
 * `reason` as sent, the legacy `errorCode` from {@link legacyErrorCodeOf} (REST v2 does not send
 * it; the one Milvus quirk the client surface relies on, DescribeCollection's `UnexpectedError`
 * for a missing collection, is restored by that operation's mapping), and
 * `retriable` from the merr catalogue (REST v2 does not send it either). Its `origin` is
 * `server`, as for a gRPC status: the server answered.
 *
 * @param transportStatus - the HTTP status when it is not 200 (401, 403, 408, 413, …).
 */
export function fromRestError(code: number, message: string, transportStatus?: number): MilvusError {
  return new MilvusError(message, {
    code,
    errorCode: legacyErrorCodeOf(code),
    retriable: byCode.get(code)?.retriable ?? false,
    origin: 'server',
    ...(transportStatus !== undefined ? { transportStatus } : {}),
  });
}

/**
 * Recovers the error behind a Milvus REST text that quotes a merr error, e.g. the `message` of
 * `collections/get_load_state` when its progress call failed (`partition not loaded[partition=7].`):
 * the catalogued merr entry whose base message starts the text gives the code (65535 otherwise);
 * a trailing `.` or `;` is dropped from the reason.
 */
export function errorFromMessage(message: string): MilvusError {
  const reason = message.replace(/[.;]$/, '');
  let best: MerrEntry | undefined;
  for (const entry of byCode.values()) {
    if (reason.startsWith(entry.message) && (!best || entry.message.length > best.message.length)) best = entry;
  }
  return fromRestError(best?.code ?? Merr.Unexpected.code, reason);
}

/**
 * A failure below the Milvus envelope as a {@link MilvusError} with origin `rest`: network
 * errors → {@link MilvusConnectionError} (2 `service unavailable`, retriable), the call's deadline
 * → {@link MilvusTimeoutError} (10001 `context deadline exceeded`), cancellation →
 * {@link MilvusAbortError} (10000 `context canceled`).
 */
export function fromFetchFault(kind: 'unreachable' | 'timeout' | 'aborted', detail: string, cause?: unknown): MilvusError {
  const options = { origin: 'rest' as const, ...(cause !== undefined ? { cause } : {}) };
  if (kind === 'timeout') return new MilvusTimeoutError(`${Merr.Timeout.message}: ${detail}`, options);
  if (kind === 'aborted') return new MilvusAbortError(`${Merr.Canceled.message}: ${detail}`, options);
  return new MilvusConnectionError(`${Merr.ServiceUnavailable.message}: ${detail}`, options);
}
