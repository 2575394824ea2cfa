/**
 * The convenience fields the official Node SDK adds to some results, built once for every
 * transport from the wire fields.
 *
 * @packageDocumentation
 */
import type { ShowCollectionsResponse, ShowPartitionsResponse, StatisticsResponse } from './operations.js';

/** Adds ShowPartitions' `data` rows (`{ name, id, timestamp, loadedPercentage? }`) from its parallel arrays. */
export function withPartitionRows(json: object): ShowPartitionsResponse {
  const r = json as ShowPartitionsResponse;
  r.data = r.partition_names.map((name, i) => ({
    name,
    id: r.partitionIDs[i] ?? '',
    timestamp: r.created_utc_timestamps[i] ?? '',
    ...(r.inMemory_percentages[i] !== undefined ? { loadedPercentage: r.inMemory_percentages[i] } : {}),
  }));
  return r;
}

/** Adds ShowCollections' `data` rows (`{ name, id, timestamp, loadedPercentage }`) from its parallel arrays. */
export function withCollectionRows(json: object): ShowCollectionsResponse {
  const r = json as ShowCollectionsResponse;
  r.data = r.collection_names.map((name, i) => ({
    name,
    id: r.collection_ids[i] ?? '',
    timestamp: r.created_utc_timestamps[i] ?? '',
    loadedPercentage: r.inMemory_percentages[i] ?? '',
  }));
  return r;
}

/** Adds Get*Statistics' `data.row_count` from its `stats` key/value pairs. */
export function withRowCount(json: object): StatisticsResponse {
  const r = json as StatisticsResponse;
  r.data = { row_count: r.stats.find((s) => s.key === 'row_count')?.value ?? '0' };
  return r;
}
