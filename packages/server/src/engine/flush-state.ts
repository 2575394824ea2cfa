import type { Catalog, Collection } from './catalog.js';

/**
 * Whether the segments `segmentIds` are flushed, as datacoord's GetFlushState checks them: an ID
 * that is no longer a segment (compacted away, dropped, or never one) counts as flushed, a growing
 * segment does not, a sealed one does (sealing is durable at once in memory).
 */
export function segmentsFlushed(catalog: Catalog, segmentIds: readonly bigint[]): boolean {
  if (segmentIds.length === 0) return true;
  const growing = new Set<bigint>();
  for (const db of catalog.databases.values()) {
    for (const coll of db.collections.values()) {
      for (const [, segments] of coll.data.partitions()) for (const s of segments) if (s.state === 'Growing') growing.add(s.id);
    }
  }
  return segmentIds.every((id) => !growing.has(id));
}

/**
 * Whether every DML message before hybrid timestamp `ts` has been flushed, as datacoord compares
 * each channel's checkpoint with it. The reference server's checkpoint is the present (writes are
 * applied and sealed data persisted synchronously), so this holds for every `ts` not in the future.
 * @param now - a fresh hybrid timestamp.
 */
export function checkpointReached(ts: bigint, now: bigint): boolean {
  return ts <= now;
}

/**
 * The databases FlushAll and GetFlushAllState cover: `dbName`'s alone when given, else all.
 * @throws MilvusError 800 `database not found[database=<db>]` for an unknown `dbName`.
 */
export function flushAllDatabases(catalog: Catalog, dbName: string | undefined): string[] {
  if (!dbName) return [...catalog.databases.keys()];
  return [catalog.database(dbName).name];
}

/** Every collection of the databases `dbNames`. */
export function collectionsOf(catalog: Catalog, dbNames: readonly string[]): Collection[] {
  return dbNames.flatMap((n) => [...(catalog.databases.get(n)?.collections.values() ?? [])]);
}
