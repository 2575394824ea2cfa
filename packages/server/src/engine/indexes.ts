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
const SPARSE_METRICS: ReadonlySet<string> = new Set(['IP', 'BM25']);

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
 * float, binary or sparse vectors (defaults: COSINE, HAMMING, IP), `params` JSON is flattened.
 *
 * @returns the parameter list to store, with `index_type` and, for vectors, `metric_type` set.
 * @throws MilvusError 1100 for an unknown index type, unparsable `params`, or a metric outside the
 *   vector family's (`float vector index does not support metric type: <m>`, `binary vector index
 *   …`, `only IP&BM25 is the supported metric type for sparse index`, each `: invalid
 *   parameter[expected=valid index params][actual=invalid index params]`, as `checkTrain` wraps them).
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
  if (vector || binary || sparse) {
    const metric = (out.get('metric_type') ?? '').toUpperCase() || (binary ? DEFAULT_BINARY_METRIC : sparse ? 'IP' : DEFAULT_FLOAT_METRIC);
    const metrics = binary ? BINARY_METRICS : sparse ? SPARSE_METRICS : FLOAT_METRICS;
    if (!metrics.has(metric)) {
      const why = sparse ? 'only IP&BM25 is the supported metric type for sparse index' : `${binary ? 'binary' : 'float'} vector index does not support metric type: ${metric}`;
      throw MilvusError.parameterInvalid(why, { expected: 'valid index params', actual: 'invalid index params' });
    }
    out.set('metric_type', metric);
  }
  return [...out].map(([key, value]) => ({ key, value }));
}

/** Whether two stored parameter lists are equal regardless of order (a repeated CreateIndex is then a no-op). */
export function sameParams(a: readonly KeyValue[], b: readonly KeyValue[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((p) => paramOf(b, p.key) === p.value);
}
