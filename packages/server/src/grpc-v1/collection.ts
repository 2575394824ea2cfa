/**
 * How a Milvus 1.x collection lives in the one engine.
 *
 * A 1.x collection is an engine collection of the default database with two fields: the Int64
 * primary key `id` (not auto-ID: the front assigns IDs to an insert that has none) and the vector
 * field `vector` (FloatVector of `dimension`, or BinaryVector for the binary metrics HAMMING,
 * JACCARD, TANIMOTO, SUBSTRUCTURE, SUPERSTRUCTURE). Its 1.x attributes are collection properties:
 * - `milvus1.metric_type`: the 1.x metric number (1 L2 … 7 SUPERSTRUCTURE);
 * - `milvus1.index_file_size`: in MB; it also sets the engine collection's segment seal size in
 *   rows (`index_file_size` MB divided by the bytes of one vector);
 * - `milvus1.index`: the 1.x index as JSON `{"index_type": <number>, "params": {...}}` (FLAT with
 *   no parameters at creation, as 1.1);
 * - `milvus1.ids`: `user` or `auto` once the first insert chose (1.1's collection flag), unset before.
 * Collections without `milvus1.metric_type` (made through the 2.x API) are not 1.x collections.
 *
 * @packageDocumentation
 */
import { DataType } from '@mvkit/core';
import { DEFAULT_DATABASE, type Collection, type Engine, type KeyValue } from '../engine/index.js';
import { collectionNotExist } from './status.js';
import { INDEX_NAMES, METRIC_NAMES, isBinaryMetric } from './validation.js';

/** Primary key field of a 1.x collection. */
export const ID_FIELD = 'id';
/** Vector field of a 1.x collection. */
export const VECTOR_FIELD = 'vector';

const METRIC_KEY = 'milvus1.metric_type';
const FILE_SIZE_KEY = 'milvus1.index_file_size';
const INDEX_KEY = 'milvus1.index';
const IDS_KEY = 'milvus1.ids';

/** The 1.x view of an engine collection. */
export interface V1Collection {
  coll: Collection;
  name: string;
  dimension: number;
  /** 1.x metric number. */
  metric: number;
  /** The engine's metric name (TANIMOTO is served as JACCARD, see known-divergences). */
  engineMetric: string;
  binary: boolean;
  indexFileSize: number;
  /** 1.x index type number and its parameters. */
  index: { indexType: number; params: Record<string, unknown> };
  /** How the collection's IDs were chosen by its first insert; undefined before any insert. */
  ids: 'user' | 'auto' | undefined;
}

function prop(coll: Collection, key: string): string | undefined {
  return coll.properties.find((p) => p.key === key)?.value;
}

/** The engine metric a 1.x metric number is served with. */
export function engineMetricOf(metric: number): string {
  const name = METRIC_NAMES[metric]!;
  return name === 'TANIMOTO' ? 'JACCARD' : name;
}

/** The engine index type a 1.x index type is served with (ANNOY and RNSG: an exact index; binary collections: BIN_ types). */
export function engineIndexTypeOf(indexType: number, binary: boolean): string {
  const name = INDEX_NAMES[indexType]!;
  if (binary) return name === 'IVF_FLAT' ? 'BIN_IVF_FLAT' : 'BIN_FLAT';
  return name === 'ANNOY' || name === 'RNSG' ? 'FLAT' : name;
}

/** The 1.x view of `coll`, or undefined when it is not a 1.x collection. */
export function v1View(coll: Collection): V1Collection | undefined {
  if (!isV1Collection(coll)) return undefined;
  const metric = Number(prop(coll, METRIC_KEY));
  const vector = coll.schema.fields.find((f) => f.name === VECTOR_FIELD)!;
  const index = JSON.parse(prop(coll, INDEX_KEY) ?? '{"index_type":1,"params":{}}') as { index_type: number; params: Record<string, unknown> };
  const ids = prop(coll, IDS_KEY);
  return {
    coll,
    name: coll.name,
    dimension: Number(vector.typeParams.dim),
    metric,
    engineMetric: engineMetricOf(metric),
    binary: isBinaryMetric(metric),
    indexFileSize: Number(prop(coll, FILE_SIZE_KEY)),
    index: { indexType: index.index_type, params: index.params },
    ids: ids === 'user' || ids === 'auto' ? ids : undefined,
  };
}

/** Whether `coll` is a 1.x collection (it carries the 1.x metric property). */
export function isV1Collection(coll: Collection): boolean {
  return prop(coll, METRIC_KEY) !== undefined;
}

/**
 * The engine collections of the default database that are 1.x collections, in the engine's
 * listing order (no 1.x view is built: callers want names and partition counts).
 */
export function v1Collections(engine: Engine): Collection[] {
  return engine.showCollections(DEFAULT_DATABASE).map((s) => s.item).filter(isV1Collection);
}

/** Looks up a 1.x collection. @throws V1Error COLLECTION_NOT_EXISTS (1.1's message) when there is none of that name. */
export function v1Collection(engine: Engine, name: string): V1Collection {
  const coll = engine.hasCollection({ collectionName: name }) ? engine.describeCollection({ collectionName: name }) : undefined;
  const view = coll && v1View(coll);
  if (!view) throw collectionNotExist(name);
  return view;
}

/** Rows of one segment for `index_file_size` MB of vectors (at least 1). */
export function segmentRowsOf(indexFileSize: number, dimension: number, binary: boolean): number {
  const bytesPerRow = binary ? dimension / 8 : dimension * 4;
  return Math.max(1, Math.floor((indexFileSize * 1024 * 1024) / bytesPerRow));
}

/** The engine fields and properties of a new 1.x collection. */
export function engineSchemaOf(dimension: number, indexFileSize: number, metric: number): { fields: Parameters<Engine['createCollection']>[0]['fields']; properties: KeyValue[] } {
  const base = { description: '', autoID: false, isPartitionKey: false, isDynamic: false, isClusteringKey: false, elementType: DataType.None, nullable: false };
  return {
    fields: [
      { ...base, name: ID_FIELD, dataType: DataType.Int64, isPrimaryKey: true, typeParams: {} },
      { ...base, name: VECTOR_FIELD, dataType: isBinaryMetric(metric) ? DataType.BinaryVector : DataType.FloatVector, isPrimaryKey: false, typeParams: { dim: String(dimension) } },
    ],
    properties: [
      { key: METRIC_KEY, value: String(metric) },
      { key: FILE_SIZE_KEY, value: String(indexFileSize) },
      { key: INDEX_KEY, value: JSON.stringify({ index_type: 1, params: {} }) },
    ],
  };
}

/** Records the collection's 1.x index. */
export function setV1Index(engine: Engine, name: string, indexType: number, params: Record<string, unknown>): void {
  engine.alterCollectionProperties({ collectionName: name, properties: [{ key: INDEX_KEY, value: JSON.stringify({ index_type: indexType, params }) }] });
}

/** Records how the collection's IDs are chosen (after its first insert). */
export function setV1Ids(engine: Engine, name: string, ids: 'user' | 'auto'): void {
  engine.alterCollectionProperties({ collectionName: name, properties: [{ key: IDS_KEY, value: ids }] });
}
