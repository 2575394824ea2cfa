import { Merr, MilvusError, formatMerr } from '@mvkit/core';
import type { QueryNode } from './resource-groups.js';

/** The server ID every component of a standalone Milvus registers with (one session for all roles). */
export const STANDALONE_NODE_ID = 1;

/** `common.StateCode` Healthy. */
const HEALTHY = 1;

/** GetComponentStates of the proxy: its own state (a standalone's proxy has no subcomponents). */
export interface ComponentStates {
  state: { nodeID: number; role: string; stateCode: number; extraInfo: { key: string; value: string }[] };
  subcomponentStates: ComponentStates['state'][];
}

/** What GetMetrics needs to know of the deployment. */
export interface MetricsSource {
  /** Version as GetVersion reports it (`build_version`). */
  version: string;
  /** When the engine started (`created_time`, `updated_time`). */
  startedAt: Date;
  /** The query nodes. */
  queryNodes: Iterable<QueryNode>;
}

/** GetMetrics result: the `response` JSON text and `component_name`. */
export interface MetricsAnswer {
  response: string;
  componentName: string;
}

/** The proxy's GetComponentStates answer, as a healthy standalone Milvus 2.5 gives it. */
export function componentStates(): ComponentStates {
  return { state: { nodeID: STANDALONE_NODE_ID, role: 'proxy', stateCode: HEALTHY, extraInfo: [] }, subcomponentStates: [] };
}

/**
 * GetMetrics: `{"metric_type":"system_info"}` answers the system topology of a standalone deployment
 * (`metricsinfo.SystemTopology`: `nodes_info` of proxy, rootcoord, querycoord, the query nodes,
 * datacoord, datanode and indexnode, each with `identifier`, `connected` edges and `infos`). The
 * request is read leniently, as Milvus's gjson does: text that is not a JSON object has no metric type.
 * @throws MilvusError 65535 `metric_type not found in request`; 1200 `metric not found[metric=<type>]`
 *   for any other type.
 */
export function metrics(request: string, source: MetricsSource): MetricsAnswer {
  const type = metricTypeOf(request);
  if (type === undefined) throw new MilvusError('metric_type not found in request');
  if (type !== 'system_info') throw MilvusError.of(Merr.MetricNotFound, formatMerr(Merr.MetricNotFound, { metric: type }));
  return { response: JSON.stringify(systemTopology(source)), componentName: componentName('proxy', STANDALONE_NODE_ID) };
}

function metricTypeOf(request: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(request);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !('metric_type' in parsed)) return undefined;
  const value = (parsed as { metric_type: unknown }).metric_type;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const componentName = (role: string, id: number) => `${role}${id}`;

/** Go's `time.Time.String()` without the monotonic part, in UTC. */
function goTime(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000000 +0000 UTC`;
}

function systemTopology(source: MetricsSource): { nodes_info: unknown[] } {
  const id = STANDALONE_NODE_ID;
  const base = (role: string, nodeId: number, address = '127.0.0.1') => ({
    has_error: false,
    error_reason: '',
    name: componentName(role, nodeId),
    hardware_infos: { ip: address, cpu_core_count: 0, cpu_core_usage: 0, memory: 0, memory_usage: 0, disk: 0, disk_usage: 0 },
    system_info: { system_version: '', deploy_mode: 'STANDALONE', build_version: source.version, build_time: '', used_go_version: '' },
    created_time: goTime(source.startedAt),
    updated_time: goTime(source.startedAt),
    type: role,
    id: nodeId,
  });
  const edge = (type: 'forward' | 'manage', target: string, to: number) => ({ connected_identifier: to, type, target_type: target });
  const queryNodes = [...source.queryNodes];
  return {
    nodes_info: [
      {
        identifier: id,
        connected: [edge('forward', 'rootcoord', id), edge('forward', 'querycoord', id), edge('forward', 'datacoord', id)],
        infos: { ...base('proxy', id), system_configurations: { default_partition_name: '_default', default_index_name: '_default_idx' }, quota_metrics: null },
      },
      { identifier: id, connected: [], infos: { ...base('rootcoord', id), system_configurations: { min_segment_size_to_enable_index: 1024 } } },
      {
        identifier: id,
        connected: queryNodes.map((n) => edge('manage', 'querynode', n.id)),
        infos: { ...base('querycoord', id), system_configurations: { search_channel_prefix: '', search_result_channel_prefix: '' } },
      },
      ...queryNodes.map((n) => ({
        identifier: n.id,
        connected: [],
        infos: { ...base('querynode', n.id, n.address.split(':')[0]), system_configurations: { simd_type: 'auto' }, quota_metrics: null, collection_metrics: null },
      })),
      {
        identifier: id,
        connected: [edge('manage', 'datanode', id), edge('manage', 'indexnode', id)],
        infos: { ...base('datacoord', id), system_configurations: { segment_max_size: 1024 }, quota_metrics: null, collection_metrics: null },
      },
      { identifier: id, connected: [], infos: { ...base('datanode', id), system_configurations: { flush_insert_buffer_size: 16_777_216 }, quota_metrics: null } },
      { identifier: id, connected: [], infos: { ...base('indexnode', id), system_configurations: { minio_bucket_name: 'a-bucket', simd_type: 'auto' } } },
    ],
  };
}
