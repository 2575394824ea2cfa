import { Merr, MilvusError, formatMerr } from '@mvkit/core';
import type { MilvusServiceHandlers } from './adapter.js';

/** Whether `text` is a JSON object whose listed keys, where present, have the given types (how Go's json.Unmarshal into a struct succeeds). */
function parsesAsObject(text: string, fields: Readonly<Record<string, 'string' | 'strings'>>): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return Object.entries(fields).every(([key, type]) => {
    const v = record[key];
    if (v === undefined || v === null) return true;
    return type === 'string' ? typeof v === 'string' : Array.isArray(v) && v.every((s) => typeof s === 'string');
  });
}

const unavailable = (rpc: string): MilvusError => MilvusError.of(Merr.ServiceUnavailable, formatMerr(Merr.ServiceUnavailable, {}, `${rpc} unimplemented`));

/**
 * The RPCs a standalone Milvus 2.5 answers without touching its data, answered as it does
 * (`internal/proxy/impl.go`, `internal/distributed/proxy/service.go`):
 *
 * - `Dummy`: `{"status": "success"}` when `request_type` is the JSON of a `"query"` dummy request
 *   (`request_type`, `dbname`, `collection_name`, `partition_names`, `output_fields`), else
 *   `{"status": "fail"}`. (Milvus also runs that query and ignores its outcome.)
 * - `RegisterLink`: success, the deploy mode (`STANDALONE`) as the status reason.
 * - `ReplicateMessage`: 1900 `deny to use the replicate message in the normal instance`
 *   (a normal instance has `common.ttMsgEnabled` on).
 * - `ListIndexedSegment`, `DescribeSegmentIndexData`: 2 `<Rpc> unimplemented: service unavailable`.
 * - `CalcDistance` (removed in 2.3): 2 `CalcDistance deprecated: service unavailable`.
 */
export function standaloneHandlers(): Partial<MilvusServiceHandlers> {
  return {
    async dummy(req) {
      const query =
        parsesAsObject(req.requestType, { request_type: 'string' }) &&
        (JSON.parse(req.requestType) as { request_type?: unknown }).request_type === 'query' &&
        parsesAsObject(req.requestType, { request_type: 'string', dbname: 'string', collection_name: 'string', partition_names: 'strings', output_fields: 'strings' });
      return { response: query ? '{"status": "success"}' : '{"status": "fail"}' };
    },
    async registerLink() {
      return { status: { reason: 'STANDALONE' } };
    },
    async replicateMessage() {
      throw MilvusError.of(Merr.DenyReplicateMessage, Merr.DenyReplicateMessage.message);
    },
    async listIndexedSegment() {
      throw unavailable('ListIndexedSegment');
    },
    async describeSegmentIndexData() {
      throw unavailable('DescribeSegmentIndexData');
    },
    async calcDistance() {
      throw MilvusError.of(Merr.ServiceUnavailable, formatMerr(Merr.ServiceUnavailable, {}, 'CalcDistance deprecated'));
    },
  };
}
