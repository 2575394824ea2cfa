import type { BaseRequest, KeyValuePair, ResStatus } from './operations.js';

/**
 * Request and result shapes of the resource-group, replica and diagnostics operations, as the
 * official Node SDK 3.0.6 names them (`types/Resource.d.ts`, `types/Collection.d.ts`,
 * `types/Segments.d.ts`, `types/Data.d.ts`). Results are the proto JSON of the responses
 * (snake_case, int64 as decimal strings, `status` present). Resource groups and metrics belong to
 * the cluster: a `db_name` on those requests is accepted and not used.
 */

/** `rg.ResourceGroupConfig`: node counts wanted (`requests`) and allowed (`limits`), preferred donors/receivers, node filter. */
export interface ResourceGroupConfig {
  requests?: { node_num: number };
  limits?: { node_num: number };
  /** Groups to take missing nodes from first. */
  transfer_from?: { resource_group: string }[];
  /** Groups to give redundant nodes to first. */
  transfer_to?: { resource_group: string }[];
  /** Labels a node must carry to join the group. */
  node_filter?: { node_labels: KeyValuePair[] };
}

/** A request naming one resource group (DropResourceGroup, DescribeResourceGroup). */
export interface ResourceGroupRequest extends BaseRequest {
  resource_group: string;
}

/** CreateResourceGroup: the name and, optionally, its config (none: wants and allows 0 nodes). */
export interface CreateResourceGroupRequest extends ResourceGroupRequest {
  config?: ResourceGroupConfig;
}

/** UpdateResourceGroups: new configs by group name (the SDK's `UpdateRresourceGroupReq`). */
export interface UpdateResourceGroupsRequest extends BaseRequest {
  resource_groups: Record<string, ResourceGroupConfig>;
}

/** TransferNode (deprecated upstream): moves `num_node` query nodes between groups by changing their configs. */
export interface TransferNodeRequest extends BaseRequest {
  source_resource_group: string;
  target_resource_group: string;
  num_node: number;
}

/** TransferReplica: moves `num_replica` replicas of a loaded collection between groups. */
export interface TransferReplicaRequest extends BaseRequest {
  collection_name: string;
  source_resource_group: string;
  target_resource_group: string;
  num_replica: number | string | bigint;
}

/** ListResourceGroups's answer: names in creation order, `__default_resource_group` first. */
export interface ListResourceGroupsResponse {
  status: ResStatus;
  resource_groups: string[];
}

/** A query node of a group (`milvus.NodeInfo`); `node_id` is an int64 as a decimal string. */
export interface ResourceGroupNode {
  node_id: string;
  address: string;
  hostname: string;
}

/** `milvus.ResourceGroup`: capacity (`requests.node_num`; 1000000 for the default group), nodes, config, counts by collection name. */
export interface ResourceGroupInfo {
  name: string;
  capacity: number;
  num_available_node: number;
  /** Replicas placed in the group, by collection name. */
  num_loaded_replica: Record<string, number>;
  num_outgoing_node: Record<string, number>;
  num_incoming_node: Record<string, number>;
  config: ResourceGroupConfig;
  nodes: ResourceGroupNode[];
}

/** DescribeResourceGroup's answer. */
export interface DescribeResourceGroupResponse {
  status: ResStatus;
  resource_group: ResourceGroupInfo;
}

/** GetReplicas: the collection by `collectionID` or `collection_name`; `with_shard_nodes` lists every node of each shard. */
export interface GetReplicasRequest extends BaseRequest {
  collectionID?: number | string | bigint;
  collection_name?: string;
  with_shard_nodes?: boolean;
}

/** One shard of a replica (`milvus.ShardReplica`): its leader and nodes (int64 as decimal strings). */
export interface ShardReplica {
  leaderID: string;
  leader_addr: string;
  dm_channel_name: string;
  node_ids: string[];
}

/** One replica (`milvus.ReplicaInfo`). */
export interface ReplicaInfo {
  replicaID: string;
  collectionID: string;
  partition_ids: string[];
  shard_replicas: ShardReplica[];
  node_ids: string[];
  resource_group_name: string;
  num_outbound_node: Record<string, number>;
}

/** GetReplicas's answer: `[]` when the collection is not loaded. */
export interface GetReplicasResponse {
  status: ResStatus;
  replicas: ReplicaInfo[];
}

/** LoadBalance: move sealed segments of a collection from a query node to others. */
export interface LoadBalanceRequest extends BaseRequest {
  src_nodeID: number | string | bigint;
  dst_nodeIDs?: (number | string | bigint)[];
  sealed_segmentIDs?: (number | string | bigint)[];
  collectionName?: string;
}

/** GetMetrics: the JSON request as an object, e.g. `{ metric_type: 'system_info' }` (sent as its JSON text). */
export interface GetMetricsRequest extends BaseRequest {
  request: { metric_type: string } & Record<string, unknown>;
}

/** GetMetrics's answer: `response` is the metrics JSON parsed, as the official SDK returns it. */
export interface GetMetricsResponse {
  status: ResStatus;
  /** Free-form metrics JSON (`any` in the official SDK). */
  response: any;
  component_name: string;
}
