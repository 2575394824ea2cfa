/**
 * The Node SDK 1.x namespaces (`@zilliz/milvus2-sdk-node` 1.x: `milvusClient.partitionManager`,
 * `collectionManager`, `indexManager`, `dataManager`), kept so that documentation written for it
 * (`await milvusClient.partitionManager.releasePartitions({ collection_name, partition_names })`)
 * runs with only its import changed. Every method delegates to the flat {@link MilvusClient}
 * method of the same name, translating the 1.x request shape where it differs (search's
 * `search_params`, `deleteEntities`). Like the flat methods, and unlike SDK 1.x, failures are
 * thrown as `MilvusError`, never returned as a status.
 *
 * @deprecated Call the methods on the client itself: the 2.x SDKs dropped these namespaces
 *   (2.2 to 2.4 kept them as getters returning the client, with a warning).
 * @packageDocumentation
 */
import { MilvusError, type CallOptions, type SearchResultRow, type SearchResults } from '@mvkit/core';
import type { MilvusClient } from './milvus-client.js';

type Req<K extends keyof MilvusClient> = MilvusClient[K] extends (request: infer R, ...rest: never[]) => unknown ? R : never;

/**
 * `partitionManager` of Node SDK 1.x (its `milvus/Partition.ts`): createPartition, hasPartition,
 * showPartitions, getPartitionStatistics, loadPartitions, releasePartitions, dropPartition, with
 * the same requests (`{ collection_name, partition_name }` or `{ collection_name, partition_names }`).
 * @deprecated Use `MilvusClient.createPartition` etc.
 */
export interface PartitionManager {
  createPartition: MilvusClient['createPartition'];
  hasPartition: MilvusClient['hasPartition'];
  showPartitions: MilvusClient['showPartitions'];
  getPartitionStatistics: MilvusClient['getPartitionStatistics'];
  loadPartitions: MilvusClient['loadPartitions'];
  releasePartitions: MilvusClient['releasePartitions'];
  dropPartition: MilvusClient['dropPartition'];
}

/**
 * `collectionManager` of Node SDK 1.x (its `milvus/Collection.ts`): createCollection,
 * hasCollection, showCollections, describeCollection, getCollectionStatistics, loadCollection,
 * loadCollectionSync, releaseCollection, dropCollection.
 * @deprecated Use `MilvusClient.createCollection` etc.
 */
export interface CollectionManager {
  createCollection: MilvusClient['createCollection'];
  hasCollection: MilvusClient['hasCollection'];
  showCollections: MilvusClient['showCollections'];
  describeCollection: MilvusClient['describeCollection'];
  getCollectionStatistics: MilvusClient['getCollectionStatistics'];
  loadCollection: MilvusClient['loadCollection'];
  loadCollectionSync: MilvusClient['loadCollectionSync'];
  releaseCollection: MilvusClient['releaseCollection'];
  dropCollection: MilvusClient['dropCollection'];
}

/**
 * `indexManager` of Node SDK 1.x (its `milvus/MilvusIndex.ts`): createIndex (1.x's
 * `extra_params: { index_type, metric_type, params: '<JSON>' }` form is accepted as is),
 * describeIndex, dropIndex. 1.x's getIndexState and getIndexBuildProgress are not offered: the
 * client has no flat method for them.
 * @deprecated Use `MilvusClient.createIndex` etc.
 */
export interface IndexManager {
  createIndex: MilvusClient['createIndex'];
  describeIndex: MilvusClient['describeIndex'];
  dropIndex: MilvusClient['dropIndex'];
}

/** Search request of Node SDK 1.x `dataManager.search`. */
export interface LegacySearchRequest {
  collection_name: string;
  partition_names?: string[];
  /** Boolean filter. */
  expr?: string;
  /** The query vectors. */
  vectors: number[][];
  /**
   * `anns_field`: the vector field; `topk`: hits per query vector (a number or its decimal
   * string); `metric_type`; `params`: the index's search parameters as a JSON string
   * (`'{"nprobe": 10}'`); `round_decimal`: accepted, not applied.
   */
  search_params: { anns_field: string; topk: number | string; metric_type?: string; params?: string; round_decimal?: number };
  output_fields?: string[];
  /** 1.x's `DataType.FloatVector` (101) / `BinaryVector` (100); the server knows the field's type. */
  vector_type?: number;
  timeout?: number;
}

/**
 * `dataManager` of Node SDK 1.x (its `milvus/Data.ts`): insert (`fields_data` rows), search (see
 * {@link LegacySearchRequest}), query (`expr`), deleteEntities (`{ collection_name, expr,
 * partition_name }`), flush (`{ collection_names }`).
 * @deprecated Use `MilvusClient.insert`, `search`, `query`, `delete`, `flush`.
 */
export interface DataManager {
  insert: MilvusClient['insert'];
  query: MilvusClient['query'];
  flush: MilvusClient['flush'];
  /** Delete by `expr` (Delete). @throws MilvusError as `MilvusClient.delete`. */
  deleteEntities(request: Req<'delete'>, options?: CallOptions): ReturnType<MilvusClient['delete']>;
  /**
   * Search with 1.x's request; the hits of every query vector in one list, as 1.x returned them.
   * @throws MilvusError 1100 (origin `client`) when `search_params.params` is not a JSON object
   *   or `topk` not a number; else as `MilvusClient.search`.
   */
  search(request: LegacySearchRequest, options?: CallOptions): Promise<SearchResults>;
}

/** The four namespaces of Node SDK 1.x over one client. */
export interface LegacyManagers {
  partitionManager: PartitionManager;
  collectionManager: CollectionManager;
  indexManager: IndexManager;
  dataManager: DataManager;
}

/** Each named flat method of `client`, bound to it. */
function delegate<K extends keyof MilvusClient>(client: MilvusClient, names: readonly K[]): Pick<MilvusClient, K> {
  return Object.fromEntries(names.map((n) => [n, (client[n] as (...a: unknown[]) => unknown).bind(client)])) as Pick<MilvusClient, K>;
}

/** 1.x's `search_params.params` (a JSON object as text) as an object. */
function searchParamsOf(text: string | undefined): Record<string, unknown> {
  if (text === undefined || text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw MilvusError.parameterInvalid(`search_params.params must be a JSON object, got ${JSON.stringify(text)}`, undefined, { origin: 'client' });
  }
  return parsed as Record<string, unknown>;
}

const built = new WeakMap<object, LegacyManagers>();

/**
 * The Node SDK 1.x namespaces over `client` (what `MilvusClient.partitionManager` etc. return),
 * built once per client.
 * @deprecated Call the client's methods directly.
 */
export function legacyManagers(client: MilvusClient): LegacyManagers {
  let managers = built.get(client);
  if (!managers) built.set(client, (managers = buildManagers(client)));
  return managers;
}

function buildManagers(client: MilvusClient): LegacyManagers {
  return {
    partitionManager: delegate(client, ['createPartition', 'hasPartition', 'showPartitions', 'getPartitionStatistics', 'loadPartitions', 'releasePartitions', 'dropPartition']),
    collectionManager: delegate(client, ['createCollection', 'hasCollection', 'showCollections', 'describeCollection', 'getCollectionStatistics', 'loadCollection', 'loadCollectionSync', 'releaseCollection', 'dropCollection']),
    indexManager: delegate(client, ['createIndex', 'describeIndex', 'dropIndex']),
    dataManager: {
      ...delegate(client, ['insert', 'query', 'flush']),
      deleteEntities: (request, options) => client.delete(request, options),
      async search(request, options) {
        const { search_params: sp, vector_type: _vectorType, ...rest } = request;
        const topk = Number(sp.topk);
        if (!Number.isInteger(topk)) throw MilvusError.parameterInvalid(`search_params.topk must be an integer, got ${JSON.stringify(sp.topk)}`, undefined, { origin: 'client' });
        const res = await client.search({ ...rest, anns_field: sp.anns_field, limit: topk, params: searchParamsOf(sp.params), ...(sp.metric_type ? { metric_type: sp.metric_type } : {}) }, options);
        // 1.x listed the hits of all query vectors one after another.
        const results = (res.results as (SearchResultRow | SearchResultRow[])[]).flatMap((r) => r);
        return { status: res.status, results };
      },
    },
  };
}
