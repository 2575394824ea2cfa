/**
 * The argument checks of Milvus 1.1's server (`core/src/utils/ValidationUtil.cpp`), with its
 * limits, codes and messages. They are rules of the 1.x protocol only (its names, dimensions,
 * `index_file_size`, metric and index type numbers, JSON parameter ranges), checked before the
 * request reaches the engine, which then applies its own rules to the translated request.
 *
 * @packageDocumentation
 */
import { ErrorCode } from '@mvkit/proto/v1';
import { V1Error } from './status.js';

/** Longest collection name or partition tag (`COLLECTION_NAME_SIZE_LIMIT`). */
const NAME_LIMIT = 255;
/** Largest dimension (`COLLECTION_DIMENSION_LIMIT`). */
const DIMENSION_LIMIT = 32768;
/** Largest `index_file_size`, in MB (`INDEX_FILE_SIZE_LIMIT`). */
export const INDEX_FILE_SIZE_LIMIT = 4096;
/** Largest topk (`QUERY_MAX_TOPK`). */
export const MAX_TOPK = 2048;
/** Largest payload of one insert, in bytes (`MAX_INSERT_DATA_SIZE`, 256 MB). */
export const MAX_INSERT_BYTES = 256 * 1024 * 1024;

/** 1.x `MetricType` numbers (pymilvus `MetricType`) → names; 3…7 are the binary metrics. */
export const METRIC_NAMES: Readonly<Record<number, string>> = { 1: 'L2', 2: 'IP', 3: 'HAMMING', 4: 'JACCARD', 5: 'TANIMOTO', 6: 'SUBSTRUCTURE', 7: 'SUPERSTRUCTURE' };

/** Whether a 1.x metric number is a binary-vector metric (`IsBinaryMetricType`). */
export function isBinaryMetric(metric: number): boolean {
  return metric >= 3 && metric <= 7;
}

/** 1.x `IndexType` numbers (pymilvus `IndexType`, 1.1's `EngineType`) → names. */
export const INDEX_NAMES: Readonly<Record<number, string>> = { 1: 'FLAT', 2: 'IVF_FLAT', 3: 'IVF_SQ8', 4: 'RNSG', 5: 'IVF_SQ8H', 6: 'IVF_PQ', 11: 'HNSW', 12: 'ANNOY' };
/** Largest 1.1 `EngineType` value (`EngineType::MAX_VALUE`, ANNOY). */
const INDEX_TYPE_MAX = 12;

function checkName(name: string, what: 'collection' | 'partition'): void {
  const Kind = what === 'collection' ? 'Collection' : 'Partition';
  if (name === '') throw new V1Error(ErrorCode.ILLEGAL_COLLECTION_NAME, `${Kind} name should not be empty.`);
  const invalid = `Invalid ${what} name: ${name}. `;
  if (name.length > NAME_LIMIT) throw new V1Error(ErrorCode.ILLEGAL_COLLECTION_NAME, `${invalid}The length of a ${what} name must be less than 255 characters.`);
  if (!/^[A-Za-z_]/.test(name)) throw new V1Error(ErrorCode.ILLEGAL_COLLECTION_NAME, `${invalid}The first character of a ${what} name must be an underscore or letter.`);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new V1Error(ErrorCode.ILLEGAL_COLLECTION_NAME, `${invalid}${Kind} name can only contain numbers, letters, and underscores.`);
}

/** `ValidateCollectionName`. @throws V1Error ILLEGAL_COLLECTION_NAME. */
export function validateCollectionName(name: string): void {
  checkName(name, 'collection');
}

/**
 * `ValidatePartitionTags` of one tag (blanks at either end trimmed first) and the built-in tag.
 * @returns the trimmed tag.
 * @throws V1Error UNEXPECTED_ERROR (1.1's SERVER_INVALID_PARTITION_TAG is not in its error map)
 *   for an empty or too long tag, and, with `creating`, for `_default`.
 */
export function validatePartitionTag(tag: string, creating = false): string {
  if (creating && tag === '_default') throw new V1Error(ErrorCode.UNEXPECTED_ERROR, "'_default' is built-in partition tag");
  const trimmed = tag.trim();
  if (trimmed === '') throw new V1Error(ErrorCode.UNEXPECTED_ERROR, `Invalid partition tag: ${trimmed}. Partition tag should not be empty.`);
  if (trimmed.length > NAME_LIMIT) throw new V1Error(ErrorCode.UNEXPECTED_ERROR, `Invalid partition tag: ${trimmed}. Partition tag exceed max length(255).`);
  return trimmed;
}

/**
 * `ValidateTableDimension`, `ValidateCollectionIndexFileSize`, `ValidateCollectionIndexMetricType`,
 * in CreateCollection's order.
 * @throws V1Error ILLEGAL_DIMENSION, ILLEGAL_ARGUMENT (index file size), ILLEGAL_METRIC_TYPE.
 */
export function validateCollectionParams(dimension: number, indexFileSize: number, metric: number): void {
  if (dimension <= 0 || dimension > DIMENSION_LIMIT) {
    throw new V1Error(ErrorCode.ILLEGAL_DIMENSION, `Invalid collection dimension: ${dimension}. The collection dimension must be within the range of 1 ~ ${DIMENSION_LIMIT}.`);
  }
  if (isBinaryMetric(metric) && dimension % 8 !== 0) {
    throw new V1Error(ErrorCode.ILLEGAL_DIMENSION, `Invalid collection dimension: ${dimension}. The collection dimension must be a multiple of 8`);
  }
  if (indexFileSize <= 0 || indexFileSize > INDEX_FILE_SIZE_LIMIT) {
    throw new V1Error(ErrorCode.ILLEGAL_ARGUMENT, `Invalid index file size: ${indexFileSize}. The index file size must be within the range of 1 ~ ${INDEX_FILE_SIZE_LIMIT}.`);
  }
  if (METRIC_NAMES[metric] === undefined) {
    throw new V1Error(ErrorCode.ILLEGAL_METRIC_TYPE, `Invalid index metric type: ${metric}. Make sure the metric type is in MetricType list.`);
  }
}

/** `ValidateSearchTopk`. @throws V1Error ILLEGAL_TOPK. */
export function validateTopk(topk: number): void {
  if (topk <= 0 || topk > MAX_TOPK) throw new V1Error(ErrorCode.ILLEGAL_TOPK, `Invalid topk: ${topk}. The topk must be within the range of 1 ~ 2048.`);
}

/** `ValidateCollectionIndexType`: 1…12 and not IVF_SQ8H (GPU builds only). @throws V1Error ILLEGAL_INDEX_TYPE. */
export function validateIndexType(indexType: number): void {
  if (indexType <= 0 || indexType > INDEX_TYPE_MAX || INDEX_NAMES[indexType] === undefined) {
    throw new V1Error(ErrorCode.ILLEGAL_INDEX_TYPE, `Invalid index type: ${indexType}. Make sure the index type is in IndexType list.`);
  }
  if (INDEX_NAMES[indexType] === 'IVF_SQ8H') throw new V1Error(ErrorCode.ILLEGAL_INDEX_TYPE, `Unsupported index type: ${indexType}`);
}

/** The JSON object of a 1.x `extra_params` entry `params` ('{}' when absent). @throws V1Error ILLEGAL_ARGUMENT for text that is not a JSON object. */
export function paramsJson(extra: readonly { key: string; value: string }[]): Record<string, unknown> {
  const text = extra.find((kv) => kv.key === 'params')?.value ?? '{}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text === '' ? '{}' : text);
  } catch (e) {
    throw new V1Error(ErrorCode.ILLEGAL_ARGUMENT, `Invalid params: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new V1Error(ErrorCode.ILLEGAL_ARGUMENT, 'Invalid params: not a JSON object');
  return parsed as Record<string, unknown>;
}

/** `CheckParameterRange`: present, an integer, within [min, max]. @throws V1Error ILLEGAL_ARGUMENT. */
function checkRange(params: Record<string, unknown>, name: string, min: number, max: number): number {
  if (!(name in params)) throw new V1Error(ErrorCode.ILLEGAL_ARGUMENT, `Parameter list must contain: ${name}`);
  const value = params[name];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new V1Error(ErrorCode.ILLEGAL_ARGUMENT, `Invalid ${name}: type must be number`);
  if (value < min || value > max) throw new V1Error(ErrorCode.ILLEGAL_ARGUMENT, `Invalid ${name} value: ${value}. Valid range is [${min}, ${max}]`);
  return value;
}

/** The values of IVF_PQ's `m` 1.1 accepts for a dimension (`IVFPQConfAdapter::GetValidMList`: divisors of dim among its list, dim / m ≤ 64… as 1.1 lists them). */
function validPqM(dimension: number): number[] {
  return [96, 64, 56, 48, 40, 32, 28, 24, 20, 16, 12, 8, 4, 3, 2, 1].filter((m) => dimension % m === 0).reverse();
}

/**
 * `ValidateIndexParams`: the index-building parameters of each index type.
 * @throws V1Error ILLEGAL_ARGUMENT for a missing or out-of-range parameter, ILLEGAL_DIMENSION when
 *   no IVF_PQ `m` fits the dimension.
 */
export function validateIndexParams(indexType: string, params: Record<string, unknown>, dimension: number): void {
  switch (indexType) {
    case 'IVF_FLAT':
    case 'IVF_SQ8':
      checkRange(params, 'nlist', 1, 999999);
      return;
    case 'IVF_PQ': {
      checkRange(params, 'nlist', 1, 999999);
      if (!('m' in params)) throw new V1Error(ErrorCode.ILLEGAL_ARGUMENT, 'Parameter list must contain: m');
      const m = params.m;
      if (typeof m !== 'number' || !Number.isInteger(m)) throw new V1Error(ErrorCode.ILLEGAL_ARGUMENT, 'Invalid m: type must be number');
      if (m < 0) throw new V1Error(ErrorCode.ILLEGAL_ARGUMENT, `Invalid m value: ${m}`);
      const valid = validPqM(dimension);
      if (valid.length === 0) throw new V1Error(ErrorCode.ILLEGAL_DIMENSION, "Invalid collection dimension, unable to get reasonable values for 'm'");
      if (!valid.includes(m)) throw new V1Error(ErrorCode.ILLEGAL_ARGUMENT, `Invalid m, must be one of the following values: ${valid.join(',')}`);
      return;
    }
    case 'RNSG':
      checkRange(params, 'search_length', 10, 300);
      checkRange(params, 'out_degree', 5, 300);
      checkRange(params, 'candidate_pool_size', 50, 1000);
      checkRange(params, 'knng', 5, 300);
      return;
    case 'HNSW':
      checkRange(params, 'M', 5, 48);
      checkRange(params, 'efConstruction', 100, 500);
      return;
    case 'ANNOY':
      checkRange(params, 'n_trees', 1, 1024);
      return;
    default:
      return; // FLAT: no parameters
  }
}

/**
 * `ValidateSearchParams` for the collection's index type.
 * @returns the HNSW `ef` when the index is HNSW, else undefined.
 * @throws V1Error ILLEGAL_ARGUMENT.
 */
export function validateSearchParams(indexType: string, params: Record<string, unknown>, topk: number): number | undefined {
  switch (indexType) {
    case 'IVF_FLAT':
    case 'IVF_SQ8':
    case 'IVF_PQ':
      checkRange(params, 'nprobe', 1, 999999);
      return undefined;
    case 'RNSG':
      checkRange(params, 'search_length', 10, 300);
      return undefined;
    case 'HNSW':
      return checkRange(params, 'ef', topk, 4096);
    case 'ANNOY':
      checkRange(params, 'search_k', topk, Number.MAX_SAFE_INTEGER);
      return undefined;
    default:
      return undefined;
  }
}
