import { DataType, Merr, MilvusError, dataTypeName, formatMerr, type DataTypeValue } from '@mvkit/core';
import type { KeyValue } from './catalog.js';
import type { CollectionSpec, FieldSpec } from './schema.js';
import { BM25_AUTOINDEX_KEYS, checkBm25Index, prepareFunctionOutputIndex } from './functions/bm25-index.js';
import type { IndexCheckRule } from './profiles.js';
import { checkScalarIndex2_3, checkVectorIndex2_3, defaultScalarIndex2_3 } from './proxy-index-checks.js';

/** Index types accepted on float vector fields, and how the reference server serves each. */
export const FLOAT_VECTOR_INDEX_TYPES: ReadonlySet<string> = new Set(['FLAT', 'IVF_FLAT', 'IVF_SQ8', 'IVF_PQ', 'HNSW', 'AUTOINDEX', 'DISKANN', 'SCANN']);
/** Index types accepted on binary vector fields. */
export const BINARY_VECTOR_INDEX_TYPES: ReadonlySet<string> = new Set(['BIN_FLAT', 'BIN_IVF_FLAT', 'AUTOINDEX']);
/** Index types accepted on sparse vector fields. */
export const SPARSE_VECTOR_INDEX_TYPES: ReadonlySet<string> = new Set(['SPARSE_INVERTED_INDEX', 'SPARSE_WAND', 'AUTOINDEX']);
/** Index types accepted on scalar fields. */
export const SCALAR_INDEX_TYPES: ReadonlySet<string> = new Set(['INVERTED', 'STL_SORT', 'Trie', 'TRIE', 'BITMAP', 'AUTOINDEX']);

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

/** CreateIndex parameters as stored: what DescribeIndex returns, and the flattened form the engine reads. */
export interface IndexParams {
  /** The parameters as sent (Milvus's `user_index_params`); `[index_type=AUTOINDEX, metric_type=<m>]` for a vector AUTOINDEX. */
  user: KeyValue[];
  /** Flattened (`params` JSON merged in), with `index_type` and, for vectors, `metric_type` set. */
  flat: KeyValue[];
}

/** `checkTrain`'s wrapping of an index checker's error (1100). */
const badParams = (why: string): MilvusError => MilvusError.parameterInvalid(why, { expected: 'valid index params', actual: 'invalid index params' });


const NUMERIC_TYPES: ReadonlySet<number> = new Set([DataType.Int8, DataType.Int16, DataType.Int32, DataType.Int64, DataType.Float, DataType.Double]);
const BITMAP_TYPES: ReadonlySet<number> = new Set([DataType.Bool, DataType.Int8, DataType.Int16, DataType.Int32, DataType.Int64, DataType.VarChar]);
/** `json_cast_type` values of a JSON path index. */
const JSON_CAST_TYPES: ReadonlySet<string> = new Set(['BOOL', 'DOUBLE', 'VARCHAR', 'ARRAY_BOOL', 'ARRAY_DOUBLE', 'ARRAY_VARCHAR', 'JSON']);

/** Integer ranges knowhere checks for index build parameters, by index type. */
const PARAM_RANGES: Readonly<Record<string, Readonly<Record<string, readonly [number, number]>>>> = {
  HNSW: { M: [2, 2048], efConstruction: [1, 2147483647] },
  IVF_FLAT: { nlist: [1, 65536] },
  IVF_SQ8: { nlist: [1, 65536] },
  IVF_PQ: { nlist: [1, 65536] },
  BIN_IVF_FLAT: { nlist: [1, 65536] },
  SCANN: { nlist: [1, 65536] },
};

/** Knowhere's check of one integer build parameter (`Out of range in json: …`). */
function checkRange(indexType: string, key: string, text: string): void {
  const range = PARAM_RANGES[indexType]?.[key];
  if (!range) return;
  const n = Number(text);
  if (text.trim() === '' || Number.isNaN(n)) throw badParams(`invalid integer value, key: '${key}', value: '${text}'`);
  if (!Number.isInteger(n)) throw badParams('wrong data type in json');
  if (n < range[0] || n > range[1]) throw badParams(`Out of range in json: param '${key}' (${text}) should be in range [${range[0]}, ${range[1]}]`);
}

/** The index checker's field-type rule of a scalar index type (`CheckValidDataType`). */
function checkScalarField(indexType: string, field: FieldSpec, flat: ReadonlyMap<string, string>): void {
  const dt = field.dataType;
  const name = dataTypeName(dt) ?? String(dt);
  switch (indexType) {
    case 'STL_SORT':
      if (!NUMERIC_TYPES.has(dt)) throw badParams('STL_SORT are only supported on numeric field');
      return;
    case 'Trie':
    case 'TRIE':
      if (dt !== DataType.VarChar) throw badParams('TRIE are only supported on varchar field');
      return;
    case 'BITMAP':
      if (field.isPrimaryKey) throw badParams('create bitmap index on primary key not supported');
      if (dt === DataType.Array) {
        if (!BITMAP_TYPES.has(field.elementType)) throw badParams('bitmap index are only supported on bool, int, string for array field');
      } else if (!BITMAP_TYPES.has(dt)) throw badParams('bitmap index are only supported on bool, int, string and array field');
      return;
    case 'INVERTED':
      if (dt === DataType.JSON) {
        const cast = flat.get('json_cast_type');
        if (cast === undefined) throw badParams('json index must specify cast type: missing parameter[missing_param=json_cast_type]');
        if (!JSON_CAST_TYPES.has(cast.toUpperCase())) throw badParams(`json_cast_type ${cast} is not supported: ${Merr.ParameterInvalid.message}`);
        if (flat.get('json_path') === undefined) throw badParams('json index must specify json path: missing parameter[missing_param=json_path]');
        return;
      }
      if (dt !== DataType.Bool && dt !== DataType.VarChar && dt !== DataType.Array && !NUMERIC_TYPES.has(dt)) throw badParams(`INVERTED are not supported on ${name} field`);
      return;
    default:
  }
}

/**
 * The 2.5 checks of a vector index's metric and build parameters (`checkTrain`): the metric fits
 * the vector family, BM25 options, knowhere's ranges, IVF_PQ `m` divides the dimension.
 * @throws MilvusError 1100 as {@link checkIndexParams} says.
 */
function checkVectorIndex(field: FieldSpec, indexType: string, metric: string, flat: Map<string, string>): void {
  const binary = field.dataType === DataType.BinaryVector;
  const sparse = field.dataType === DataType.SparseFloatVector;
  const metrics = binary ? BINARY_METRICS : sparse ? SPARSE_METRICS : FLOAT_METRICS;
  const structure = metric === 'SUBSTRUCTURE' || metric === 'SUPERSTRUCTURE';
  if (!metrics.has(metric) || (structure && indexType !== 'BIN_FLAT')) throw badParams(sparse ? 'only IP&BM25 is the supported metric type for sparse index' : `${binary ? 'binary' : 'float'} vector index does not support metric type: ${metric}`);
  if (sparse) checkBm25Index(field, metric, flat, badParams);
  for (const [key, value] of flat) checkRange(indexType, key, value);
  const m = flat.get('m');
  if (indexType === 'IVF_PQ' && m !== undefined && Number(field.typeParams.dim) % Number(m) !== 0) {
    throw badParams('The dimension of a vector (dim) should be a multiple of the number of subquantizers (m)');
  }
}

/**
 * Checks CreateIndex parameters for a field as the Milvus proxy does (`parseIndexParams`,
 * `checkTrain`): the index type fits the field's data type (none means AUTOINDEX), a vector
 * AUTOINDEX takes nothing but a metric (its user parameters become `[index_type=AUTOINDEX,
 * metric_type=<m>]`), the metric fits the vector family (defaults: COSINE, HAMMING, IP;
 * SUBSTRUCTURE and SUPERSTRUCTURE on BIN_FLAT only), build
 * parameters are in knowhere's ranges, scalar index types fit their field types, a JSON index
 * names its `json_cast_type` and `json_path`.
 *
 * @throws MilvusError 1100 `invalid parameter[expected=valid index][actual=invalid index type:
 *   <t>]` for an unknown index type; 1100 `<why>: invalid parameter[expected=valid index
 *   params][actual=invalid index params]` for the checkers' refusals (`index <t> only supports
 *   vector data type`, `float vector index does not support metric type: <m>`, `binary vector
 *   index …`, `only IP&BM25 is the supported metric type for sparse index`, `Out of range in json:
 *   param 'M' (<v>) should be in range [2, 2048]`, `STL_SORT are only supported on numeric field`,
 *   `json index must specify cast type: missing parameter[missing_param=json_cast_type]`, …);
 *   65535 `only metric type can be passed when use AutoIndex`, `data type <T> can't build with
 *   this index <t>`, unparsable `params`. With `rules` `proxy` (profile 2.3), the type and
 *   parameter checks of `proxy-index-checks.ts` instead (65535 plain errors; 1100 `index type not
 *   match` for a scalar field's index other than its default, which an index without type gets).
 */
export function checkIndexParams(field: FieldSpec, given: readonly KeyValue[], rules: IndexCheckRule = 'knowhere'): IndexParams {
  const flat = flattenIndexParams(given);
  const dt: DataTypeValue = field.dataType;
  const vector = dt === DataType.FloatVector || dt === DataType.Float16Vector || dt === DataType.BFloat16Vector || dt === DataType.Int8Vector;
  const binary = dt === DataType.BinaryVector;
  const sparse = dt === DataType.SparseFloatVector;
  const anyVector = vector || binary || sparse;
  // The 2.3 checkers apply to the field types 2.3 had (scalars, FloatVector, BinaryVector).
  const legacy = rules === 'proxy' && (!anyVector || dt === DataType.FloatVector || binary);
  let indexType = flat.get('index_type') ?? '';
  if (legacy && !anyVector && indexType === '') indexType = defaultScalarIndex2_3(field);
  const auto = indexType === '' || indexType === 'AUTOINDEX';
  if (auto) indexType = 'AUTOINDEX';
  const vectorTypes = [FLOAT_VECTOR_INDEX_TYPES, BINARY_VECTOR_INDEX_TYPES, SPARSE_VECTOR_INDEX_TYPES];
  const allowed = vector ? FLOAT_VECTOR_INDEX_TYPES : binary ? BINARY_VECTOR_INDEX_TYPES : sparse ? SPARSE_VECTOR_INDEX_TYPES : SCALAR_INDEX_TYPES;
  if (legacy && !anyVector) checkScalarIndex2_3(field, indexType);
  else if (!legacy && !allowed.has(indexType)) {
    if (!anyVector && vectorTypes.some((t) => t.has(indexType))) throw badParams(`index ${indexType} only supports vector data type`);
    if (anyVector && vectorTypes.some((t) => t.has(indexType))) throw new MilvusError(`data type ${dataTypeName(dt)} can't build with this index ${indexType}`);
    throw MilvusError.of(Merr.ParameterInvalid, formatMerr(Merr.ParameterInvalid, { expected: 'valid index', actual: `invalid index type: ${indexType}` }));
  }
  flat.set('index_type', indexType);
  if (!anyVector) {
    if (!legacy) checkScalarField(indexType, field, flat);
    return { user: given.map((p) => ({ ...p })), flat: [...flat].map(([key, value]) => ({ key, value })) };
  }
  if (auto && [...flat.keys()].some((k) => k !== 'index_type' && k !== 'metric_type' && !(field.isFunctionOutput && BM25_AUTOINDEX_KEYS.has(k)))) {
    throw new MilvusError('only metric type can be passed when use AutoIndex');
  }
  prepareFunctionOutputIndex(field, flat);
  const metric = (flat.get('metric_type') ?? '').toUpperCase() || (binary ? DEFAULT_BINARY_METRIC : sparse ? 'IP' : DEFAULT_FLOAT_METRIC);
  flat.set('metric_type', metric);
  if (legacy) checkVectorIndex2_3(field, indexType, flat);
  else checkVectorIndex(field, indexType, metric, flat);
  const user = auto ? [{ key: 'index_type', value: 'AUTOINDEX' }, { key: 'metric_type', value: metric }] : given.map((p) => ({ ...p }));
  return { user, flat: [...flat].map(([key, value]) => ({ key, value })) };
}

/**
 * CreateIndex parameters flattened as the proxy reads them: the `params` JSON's keys merged in
 * beside the others (`index_type`, `metric_type`, `json_path`, …).
 * @throws MilvusError 1100 `params <text> is not a json object`.
 */
export function flattenIndexParams(given: readonly KeyValue[]): Map<string, string> {
  const flat = new Map<string, string>();
  for (const { key, value } of given) {
    if (key !== 'params') {
      flat.set(key, value);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw MilvusError.parameterInvalid(`params ${value} is not a json object`);
    }
    if (parsed && typeof parsed === 'object') for (const [k, v] of Object.entries(parsed)) flat.set(k, String(v));
  }
  return flat;
}

/**
 * A JSON index's `json_path` (`my_json['a']['b']`, `my_json`, or for `$meta` a dynamic key
 * `key['x']`) as datacoord stores it: `/a/b` (`/` for the whole field); on `$meta` an undeclared
 * name is the path's first key (`/key/x`).
 * @throws MilvusError 1100 for a path that is not an identifier with `[...]` keys, or one naming another field.
 */
export function normaliseJsonPath(schema: CollectionSpec, field: FieldSpec, text: string): string {
  const m = /^\s*([A-Za-z_$][A-Za-z0-9_]*)((?:\[(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\d+)\])*)\s*$/.exec(text);
  if (!m) throw MilvusError.parameterInvalid(`invalid json path: ${text}`);
  const keys = [...m[2]!.matchAll(/\[("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\d+)\]/g)].map((k) => (/^\d/.test(k[1]!) ? k[1]! : k[1]!.slice(1, -1)));
  const head = m[1]!;
  if (head !== field.name) {
    const declared = schema.fields.some((f) => f.name === head && !f.isDynamic);
    if (!field.isDynamic || declared) throw MilvusError.parameterInvalid(`fieldID not match with field name: ${head}`);
    keys.unshift(head);
  }
  return `/${keys.join('/')}`;
}

/** Whether two stored parameter lists are equal regardless of order (a repeated CreateIndex is then a no-op). */
export function sameParams(a: readonly KeyValue[], b: readonly KeyValue[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((p) => paramOf(b, p.key) === p.value);
}
