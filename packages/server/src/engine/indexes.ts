import { DataType, MilvusError, type DataTypeValue } from '@mvkit/core';
import type { KeyValue } from './catalog.js';
import type { FieldSpec } from './schema.js';

/** Index types accepted on float vector fields, and how the reference server serves each. */
export const FLOAT_VECTOR_INDEX_TYPES: ReadonlySet<string> = new Set(['FLAT', 'IVF_FLAT', 'IVF_SQ8', 'IVF_PQ', 'HNSW', 'AUTOINDEX', 'DISKANN', 'SCANN']);
/** Index types accepted on binary vector fields. */
export const BINARY_VECTOR_INDEX_TYPES: ReadonlySet<string> = new Set(['BIN_FLAT', 'BIN_IVF_FLAT', 'AUTOINDEX']);
/** Index types accepted on sparse vector fields. */
export const SPARSE_VECTOR_INDEX_TYPES: ReadonlySet<string> = new Set(['SPARSE_INVERTED_INDEX', 'SPARSE_WAND', 'AUTOINDEX']);
/** Index types accepted on scalar fields. */
export const SCALAR_INDEX_TYPES: ReadonlySet<string> = new Set(['INVERTED', 'STL_SORT', 'Trie', 'BITMAP', 'AUTOINDEX', '']);

const FLOAT_METRICS: ReadonlySet<string> = new Set(['L2', 'IP', 'COSINE']);
const BINARY_METRICS: ReadonlySet<string> = new Set(['HAMMING', 'JACCARD', 'SUBSTRUCTURE', 'SUPERSTRUCTURE']);

/** Metric type Milvus 2.4+ fills in when a float-vector index names none. */
export const DEFAULT_FLOAT_METRIC = 'COSINE';
/** Metric type Milvus fills in when a binary-vector index names none. */
export const DEFAULT_BINARY_METRIC = 'HAMMING';


/** Reads one key of a flattened parameter list. */
export function paramOf(params: readonly KeyValue[], key: string): string | undefined {
  return params.find((p) => p.key === key)?.value;
}

/**
 * Checks and normalises CreateIndex parameters for a field, as the Milvus proxy does: the index
 * type must fit the field's data type (empty means AUTOINDEX for vectors), the metric must fit
 * float or binary vectors (defaults: COSINE, HAMMING), `params` JSON is flattened.
 *
 * @returns the parameter list to store, with `index_type` and, for vectors, `metric_type` set.
 * @throws MilvusError 1100 for an unknown index or metric type or unparsable `params`.
 */
export function normaliseIndexParams(field: FieldSpec, given: readonly KeyValue[]): KeyValue[] {
  const out = new Map<string, string>();
  for (const { key, value } of given) {
    if (key === 'params') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        throw MilvusError.parameterInvalid(`params ${value} is not a json object`);
      }
      if (parsed && typeof parsed === 'object') for (const [k, v] of Object.entries(parsed)) out.set(k, String(v));
    } else {
      out.set(key, value);
    }
  }
  const dt: DataTypeValue = field.dataType;
  const vector = dt === DataType.FloatVector || dt === DataType.Float16Vector || dt === DataType.BFloat16Vector || dt === DataType.Int8Vector;
  const binary = dt === DataType.BinaryVector;
  const sparse = dt === DataType.SparseFloatVector;
  let indexType = out.get('index_type') ?? '';
  if (indexType === '' && (vector || binary || sparse)) indexType = 'AUTOINDEX';
  const allowed = vector ? FLOAT_VECTOR_INDEX_TYPES : binary ? BINARY_VECTOR_INDEX_TYPES : sparse ? SPARSE_VECTOR_INDEX_TYPES : SCALAR_INDEX_TYPES;
  if (!allowed.has(indexType)) throw MilvusError.parameterInvalid(`invalid index type: ${indexType}`);
  out.set('index_type', indexType);
  if (vector || binary) {
    const metric = (out.get('metric_type') ?? '').toUpperCase() || (binary ? DEFAULT_BINARY_METRIC : DEFAULT_FLOAT_METRIC);
    if (!(binary ? BINARY_METRICS : FLOAT_METRICS).has(metric)) throw MilvusError.parameterInvalid(`metric type ${metric} not found or not supported, supported: [${[...(binary ? BINARY_METRICS : FLOAT_METRICS)].join(' ')}]`);
    out.set('metric_type', metric);
  } else if (sparse) {
    out.set('metric_type', (out.get('metric_type') ?? 'IP').toUpperCase());
  }
  return [...out].map(([key, value]) => ({ key, value }));
}

/** Whether two stored parameter lists are equal regardless of order (a repeated CreateIndex is then a no-op). */
export function sameParams(a: readonly KeyValue[], b: readonly KeyValue[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((p) => paramOf(b, p.key) === p.value);
}
