/**
 * The engine index that serves a 1.x collection's index: 1.x always has one (FLAT until
 * CreateIndex, FLAT again after DropIndex) and searches without an explicit load, so the engine
 * collection keeps an index on `vector` and stays loaded.
 *
 * @packageDocumentation
 */
import type { Engine } from '../engine/index.js';
import { VECTOR_FIELD, engineIndexTypeOf, setV1Index, type V1Collection } from './collection.js';
import { INDEX_NAMES } from './validation.js';

/**
 * Replaces the engine index of `v` by the one serving the 1.x `indexType` with `params` (HNSW
 * passes `M` and `efConstruction` on; the others are exact in the engine) and records the 1.x
 * index; the collection is loaded afterwards.
 */
export function applyEngineIndex(engine: Engine, v: V1Collection, indexType: number, params: Record<string, unknown>): void {
  const ref = { collectionName: v.name };
  if (v.coll.loadType !== 'none') engine.releaseCollection(ref);
  if (v.coll.indexes.size > 0) engine.dropIndex({ ...ref, fieldName: VECTOR_FIELD });
  const engineType = engineIndexTypeOf(indexType, v.binary);
  const engineParams = INDEX_NAMES[indexType] === 'HNSW' ? [{ key: 'params', value: JSON.stringify({ M: params.M, efConstruction: params.efConstruction }) }] : [];
  engine.createIndex({ ...ref, fieldName: VECTOR_FIELD, params: [{ key: 'index_type', value: engineType }, { key: 'metric_type', value: v.engineMetric }, ...engineParams] });
  setV1Index(engine, v.name, indexType, params);
  engine.loadCollection(ref);
}

/** Loads the collection if it is not (1.x searches and reads load on demand). */
export function ensureLoaded(engine: Engine, v: V1Collection): void {
  if (v.coll.loadType === 'none') engine.loadCollection({ collectionName: v.name });
}
