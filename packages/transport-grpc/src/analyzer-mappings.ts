/**
 * RunAnalyzer on the gRPC wire, as the official Node SDK sends it: `analyzer_params` as JSON text
 * (empty when absent), each text as the UTF-8 bytes of the placeholder (base64 in proto JSON);
 * the answer's int64 offsets and positions as numbers.
 *
 * @packageDocumentation
 */
import type { JsonObject } from '@bufbuild/protobuf';
import type { RunAnalyzerRequest, RunAnalyzerResponse, ResStatus } from '@mvkit/core';

/** The RunAnalyzerRequest of a `runAnalyzer` request, in proto JSON. */
export function runAnalyzerRequest(req: RunAnalyzerRequest): Record<string, unknown> {
  const texts = Array.isArray(req.text) ? req.text : [req.text];
  return {
    analyzer_params: req.analyzer_params ? JSON.stringify(req.analyzer_params) : '',
    placeholder: texts.map((t) => Buffer.from(String(t), 'utf8').toString('base64')),
    with_detail: req.with_detail ?? false,
    with_hash: req.with_hash ?? false,
    ...(req.db_name !== undefined ? { db_name: req.db_name } : {}),
    ...(req.collection_name !== undefined ? { collection_name: req.collection_name } : {}),
    ...(req.field_name !== undefined ? { field_name: req.field_name } : {}),
    ...(req.analyzer_names !== undefined ? { analyzer_names: req.analyzer_names } : {}),
  };
}

/** A `runAnalyzer` result from a RunAnalyzerResponse in proto JSON. */
export function runAnalyzerResult(json: JsonObject): RunAnalyzerResponse {
  const results = (json.results ?? []) as { tokens?: Record<string, string | number>[] }[];
  return {
    status: json.status as unknown as ResStatus,
    results: results.map((r) => ({
      tokens: (r.tokens ?? []).map((t) => ({
        token: String(t.token ?? ''),
        start_offset: Number(t.start_offset ?? 0),
        end_offset: Number(t.end_offset ?? 0),
        position: Number(t.position ?? 0),
        position_length: Number(t.position_length ?? 0),
        hash: Number(t.hash ?? 0),
      })),
    })),
  };
}
