/**
 * CreateIndex parameter checks as the proxy of Milvus 2.3 made them (profile `2.3`, and `2.2`
 * taken to be the same): `pkg/util/indexparamcheck`'s checkers with plain errors (code 65535)
 * where 2.5 passes the parameters to knowhere and wraps its answer in 1100, and scalar fields
 * that take only their default index. Measured against a real Milvus 2.3.5 by the differential
 * test (`conformance/differential/data-model.corpus.json`, steps `idx.*`).
 *
 * @packageDocumentation
 */
import { DataType, MilvusError } from '@mvkit/core';
import type { FieldSpec } from './schema.js';

/** The vector index types of Milvus 2.3.5 (the sparse indexes came with 2.4). */
const INDEX_TYPES_2_3: ReadonlySet<string> = new Set(['FLAT', 'IVF_FLAT', 'IVF_SQ8', 'IVF_PQ', 'SCANN', 'HNSW', 'DISKANN', 'AUTOINDEX', 'BIN_FLAT', 'BIN_IVF_FLAT']);
/** The vector family each 2.3 checker takes (`CheckValidDataType`); absent: float vectors only. */
const FAMILY_2_3: Readonly<Record<string, 'binary' | 'both'>> = { BIN_FLAT: 'binary', BIN_IVF_FLAT: 'binary', HNSW: 'both', AUTOINDEX: 'both' };
const FLOAT_METRICS = ['L2', 'IP', 'COSINE'];
/** The metrics each 2.3 checker takes (`CheckStrByValues(params, Metric, …)`), in its order. */
const METRICS_2_3: Readonly<Record<string, readonly string[]>> = {
  FLAT: FLOAT_METRICS,
  IVF_FLAT: FLOAT_METRICS,
  IVF_SQ8: FLOAT_METRICS,
  IVF_PQ: FLOAT_METRICS,
  SCANN: FLOAT_METRICS,
  DISKANN: FLOAT_METRICS,
  HNSW: ['L2', 'IP', 'COSINE', 'HAMMING', 'JACCARD'],
  BIN_FLAT: ['HAMMING', 'JACCARD', 'SUBSTRUCTURE', 'SUPERSTRUCTURE'],
  BIN_IVF_FLAT: ['HAMMING', 'JACCARD'],
};
/** Integer build parameters each 2.3 checker bounds, in the order it checks them. */
const RANGES_2_3: Readonly<Record<string, readonly (readonly [string, number, number])[]>> = {
  HNSW: [['efConstruction', 1, 2147483647], ['M', 1, 2048]],
  IVF_FLAT: [['nlist', 1, 65536]],
  IVF_SQ8: [['nlist', 1, 65536]],
  IVF_PQ: [['nlist', 1, 65536]],
  SCANN: [['nlist', 1, 65536]],
  BIN_IVF_FLAT: [['nlist', 1, 65536]],
};

/** The index a 2.3 scalar field takes: Trie on VarChar, STL_SORT on the others (`DefaultStringIndexType`, `DefaultIndexType`). */
export function defaultScalarIndex2_3(field: FieldSpec): string {
  return field.dataType === DataType.VarChar ? 'Trie' : 'STL_SORT';
}

/**
 * The 2.3 proxy's check of a scalar field's index type (`parseIndexParams`): only the field's
 * default index ({@link defaultScalarIndex2_3}).
 * @throws MilvusError 1100 `index type not match: invalid parameter[expected=<default>][actual=<type>]`.
 */
export function checkScalarIndex2_3(field: FieldSpec, indexType: string): void {
  const expected = defaultScalarIndex2_3(field);
  if (indexType !== expected) throw MilvusError.parameterInvalid('index type not match', { expected, actual: indexType });
}

/**
 * The 2.3 proxy's `checkTrain` of a vector index on a FloatVector or BinaryVector field: the
 * index type has a checker, the checker takes the field's vector family (`CheckValidDataType`),
 * then its build-parameter ranges (a missing parameter is out of range), its metrics, and
 * IVF_PQ's `m` against the dimension.
 * @param flat - the flattened parameters (`index_type`, `metric_type` set).
 * @throws MilvusError 65535 `invalid index type: <t>`, `float vector is only supported`, `binary
 *   vector is only supported`, `<param> out of range: [<lo>, <hi>]`, `metric type not found or not
 *   supported, supported: [<metrics>]`, ``parameter `m` not found``, ``dimension must be able to
 *   be divided by `m`, dimension: <d>, m: <m>``.
 */
export function checkVectorIndex2_3(field: FieldSpec, indexType: string, flat: ReadonlyMap<string, string>): void {
  if (!INDEX_TYPES_2_3.has(indexType)) throw new MilvusError(`invalid index type: ${indexType}`);
  const binary = field.dataType === DataType.BinaryVector;
  const family = FAMILY_2_3[indexType] ?? 'float';
  if (family === 'binary' && !binary) throw new MilvusError('binary vector is only supported');
  if (family === 'float' && binary) throw new MilvusError('float vector is only supported');
  for (const [key, lo, hi] of RANGES_2_3[indexType] ?? []) {
    const text = flat.get(key);
    const n = Number(text);
    if (text === undefined || !Number.isInteger(n) || n < lo || n > hi) throw new MilvusError(`${key} out of range: [${lo}, ${hi}]`);
  }
  const metrics = METRICS_2_3[indexType];
  if (metrics && !metrics.includes(flat.get('metric_type') ?? '')) throw new MilvusError(`metric type not found or not supported, supported: [${metrics.join(' ')}]`);
  if (indexType !== 'IVF_PQ') return;
  const m = flat.get('m');
  const dim = Number(field.typeParams.dim);
  if (m === undefined) throw new MilvusError('parameter `m` not found');
  if (dim % Number(m) !== 0) throw new MilvusError(`dimension must be able to be divided by \`m\`, dimension: ${dim}, m: ${m}`);
}
