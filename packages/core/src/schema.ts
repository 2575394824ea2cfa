/**
 * Schema helpers shared by the client, its transports and the server: the normalised field shape
 * and the quick-setup plan (the `dimension` form of CreateCollection).
 *
 * @packageDocumentation
 */
import { DataType, type DataTypeValue } from './enums.js';
import { Merr, formatMerr } from './merr.js';
import { MilvusError } from './milvus-error.js';
import type { CreateCollectionRequest, CreateIndexRequest, FieldType } from './operations.js';

/** A field with every attribute explicit and type parameters as strings (mirrors `schema.FieldSchema`). */
export interface NormalizedField {
  name: string;
  description: string;
  dataType: DataTypeValue;
  isPrimaryKey: boolean;
  autoID: boolean;
  /** `dim`, `max_length`, `max_capacity`, … as decimal strings, as on the wire. */
  typeParams: Record<string, string>;
  isPartitionKey: boolean;
  isDynamic: boolean;
  isClusteringKey: boolean;
  elementType: DataTypeValue;
  nullable: boolean;
  /** The value an insert stores when the field is absent or null (`schema.FieldSchema.default_value`); unset: none. */
  defaultValue?: DefaultValue;
}

/**
 * A field's default value as `schema.ValueField` carries it: the case of its `data` oneof (which
 * must fit the field's type: `intData` for Int8/Int16/Int32, `longData` for Int64, …) and the value.
 */
export type DefaultValue =
  | { case: 'boolData'; value: boolean }
  | { case: 'intData'; value: number }
  | { case: 'longData'; value: bigint }
  | { case: 'floatData'; value: number }
  | { case: 'doubleData'; value: number }
  | { case: 'stringData'; value: string }
  | { case: 'bytesData'; value: Uint8Array };

/**
 * The {@link DefaultValue} a plain default (RESTful v2 `defaultValue`, the official SDK's
 * `default_value`) becomes for a field of `dataType`: in the case of the field's type when the
 * value is of that kind (a number for the numeric types, a bool, a string), otherwise in the case
 * of the value's own kind, which the server then refuses with Milvus's type-mismatch message (as
 * it refuses any default on JSON, Array and vector fields). Objects become their JSON text.
 */
export function defaultValueOf(dataType: DataTypeValue, v: unknown): DefaultValue {
  if (typeof v === 'bigint') v = Number.isSafeInteger(Number(v)) && dataType !== DataType.Int64 ? Number(v) : v;
  if (typeof v === 'bigint') return { case: 'longData', value: v };
  if (typeof v === 'boolean') return { case: 'boolData', value: v };
  if (typeof v === 'number') {
    switch (dataType) {
      case DataType.Int8:
      case DataType.Int16:
      case DataType.Int32:
        if (Number.isInteger(v)) return { case: 'intData', value: v };
        break;
      case DataType.Int64:
        if (Number.isSafeInteger(v)) return { case: 'longData', value: BigInt(v) };
        break;
      case DataType.Float:
        return { case: 'floatData', value: v };
      case DataType.Double:
        return { case: 'doubleData', value: v };
    }
    return Number.isSafeInteger(v) ? { case: 'longData', value: BigInt(v) } : { case: 'doubleData', value: v };
  }
  return { case: 'stringData', value: typeof v === 'string' ? v : JSON.stringify(v) };
}

/**
 * Resolves a data type given by number or name.
 * @throws MilvusError 1100 for an unknown type.
 */
export function dataTypeOf(value: number | string | undefined): DataTypeValue {
  if (value === undefined) return DataType.None;
  const n = typeof value === 'number' ? value : (DataType as Record<string, number>)[value];
  if (n === undefined || !Object.values(DataType).includes(n as DataTypeValue)) {
    throw MilvusError.of(Merr.ParameterInvalid, `${formatMerr(Merr.ParameterInvalid, { data_type: String(value) })}`, { origin: 'client' });
  }
  return n as DataTypeValue;
}

/**
 * Normalises an official-SDK `FieldType` (shortcuts `dim`, `max_length`, `max_capacity`,
 * `enable_analyzer`, `enable_match` and `analyzer_params` (as JSON) folded into `typeParams`).
 */
export function normalizeField(f: FieldType): NormalizedField {
  const typeParams: Record<string, string> = {};
  for (const [k, v] of Object.entries(f.type_params ?? {})) typeParams[k] = String(v);
  if (f.dim !== undefined) typeParams.dim = String(f.dim);
  if (f.max_length !== undefined) typeParams.max_length = String(f.max_length);
  if (f.max_capacity !== undefined) typeParams.max_capacity = String(f.max_capacity);
  if (f.enable_analyzer !== undefined) typeParams.enable_analyzer = String(f.enable_analyzer);
  if (f.enable_match !== undefined) typeParams.enable_match = String(f.enable_match);
  if (f.analyzer_params !== undefined) typeParams.analyzer_params = JSON.stringify(f.analyzer_params);
  return {
    name: f.name,
    description: f.description ?? '',
    dataType: dataTypeOf(f.data_type),
    isPrimaryKey: f.is_primary_key ?? false,
    autoID: f.autoID ?? false,
    typeParams,
    isPartitionKey: f.is_partition_key ?? false,
    isDynamic: false,
    isClusteringKey: f.is_clustering_key ?? false,
    elementType: dataTypeOf(f.element_type),
    nullable: f.nullable ?? false,
    ...(f.default_value !== undefined && f.default_value !== null ? { defaultValue: defaultValueOf(dataTypeOf(f.data_type), f.default_value) } : {}),
  };
}

/** The quick-setup form of CreateCollection (pymilvus / Node `createCollection({ dimension })`, REST v2 without a schema). */
export interface QuickSetupRequest {
  collection_name: string;
  db_name?: string;
  /** Vector dimension; required. */
  dimension: number;
  /** Default `COSINE`. */
  metric_type?: string;
  /** Default `id`. */
  primary_field_name?: string;
  /** `Int64` (default) or `VarChar`. */
  id_type?: 'Int64' | 'VarChar' | number;
  /** `max_length` of a VarChar primary key; default 65535. */
  max_length?: number;
  /** Default false. */
  auto_id?: boolean;
  /** Default `vector`. */
  vector_field_name?: string;
  /** Default true. */
  enable_dynamic_field?: boolean;
  consistency_level?: CreateCollectionRequest['consistency_level'];
  description?: string;
  timeout?: number;
}

/**
 * What a quick setup does, as Milvus's MilvusClient and REST v2 do it: a collection with a primary
 * key (`id`, Int64) and a FloatVector field (`vector`), an AUTOINDEX index named after the vector
 * field with the metric (default COSINE), then LoadCollection.
 */
export function quickSetupPlan(req: QuickSetupRequest): { collection: CreateCollectionRequest; index: CreateIndexRequest } {
  const pk = req.primary_field_name || 'id';
  const vector = req.vector_field_name || 'vector';
  const varchar = req.id_type === 'VarChar' || req.id_type === DataType.VarChar;
  const ref = { collection_name: req.collection_name, ...(req.db_name ? { db_name: req.db_name } : {}) };
  return {
    collection: {
      ...ref,
      description: req.description ?? '',
      enable_dynamic_field: req.enable_dynamic_field ?? true,
      ...(req.consistency_level ? { consistency_level: req.consistency_level } : {}),
      fields: [
        {
          name: pk,
          data_type: varchar ? DataType.VarChar : DataType.Int64,
          is_primary_key: true,
          autoID: req.auto_id ?? false,
          ...(varchar ? { max_length: req.max_length ?? 65535 } : {}),
        },
        { name: vector, data_type: DataType.FloatVector, dim: req.dimension },
      ],
    },
    index: { ...ref, field_name: vector, index_name: vector, index_type: 'AUTOINDEX', metric_type: req.metric_type || 'COSINE' },
  };
}

/**
 * Flattens a CreateIndex request into the wire's `extra_params` key/value list: `index_type`,
 * `metric_type` and `params` (a JSON object string), as the official SDKs send it. The legacy
 * `extra_params` form is passed through.
 */
export function indexParamsOf(req: CreateIndexRequest): { key: string; value: string }[] {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(req.extra_params ?? {})) out.set(k, String(v));
  if (req.index_type) out.set('index_type', req.index_type);
  if (req.metric_type) out.set('metric_type', req.metric_type);
  if (req.params && Object.keys(req.params).length) out.set('params', JSON.stringify(req.params));
  return [...out].map(([key, value]) => ({ key, value }));
}
