/**
 * Index properties: AlterIndex with `extra_params` or `delete_keys` (DropIndexProperties), with
 * the proxy's checks of `alterIndexTask.PreExecute` (only configurable keys, not both lists, not
 * while the collection is loaded) and datacoord's `AlterIndex` (the index by name, then
 * `ValidateIndexParams` on the index and user parameters as they would become).
 *
 * @packageDocumentation
 */
import { Merr, MilvusError, formatMerr } from '@mvkit/core';
import type { Collection, IndexSpec, KeyValue } from '../catalog.js';
import { paramOf } from '../indexes.js';
import { INDEX_OFFSET_CACHE_KEY, MMAP_ENABLED_KEY, deleteProperties, mergeProperties, parseGoBool } from './keys.js';

/** Keys AlterIndex may set or delete (`indexparams.ConfigableIndexParams`). */
const CONFIGURABLE: ReadonlySet<string> = new Set([MMAP_ENABLED_KEY, INDEX_OFFSET_CACHE_KEY]);

/** Index types whose data may be memory-mapped (`indexparamcheck.ValidateMmapIndexParams`): AUTOINDEX, the vector types but DISKANN, and INVERTED, BITMAP, HYBRID. */
const MMAP_INDEX_TYPES: ReadonlySet<string> = new Set([
  'AUTOINDEX',
  'FLAT',
  'IVF_FLAT',
  'IVF_SQ8',
  'IVF_PQ',
  'HNSW',
  'SCANN',
  'BIN_FLAT',
  'BIN_IVF_FLAT',
  'SPARSE_INVERTED_INDEX',
  'SPARSE_WAND',
  'INVERTED',
  'BITMAP',
  'HYBRID',
]);

/**
 * One of datacoord's `ValidateIndexParams` checks of a parameter list, `null` when it passes. The
 * checker's error is passed to a format string without a verb, so Go's fmt renders it as
 * `%!(EXTRA string=…)` (reproduced as Milvus sends it).
 */
function invalidParams(indexType: string, params: readonly KeyValue[], what: string): string | null {
  const mmap = paramOf(params, MMAP_ENABLED_KEY);
  if (mmap !== undefined) {
    const on = parseGoBool(mmap);
    if (on === undefined) return `invalid mmap ${what}%!(EXTRA string=invalid ${MMAP_ENABLED_KEY} value: ${mmap}, expected: true, false)`;
    if (on && !MMAP_INDEX_TYPES.has(indexType)) return `invalid mmap ${what}%!(EXTRA string=index type ${indexType} does not support mmap)`;
  }
  const cache = paramOf(params, INDEX_OFFSET_CACHE_KEY);
  if (cache !== undefined) {
    const on = parseGoBool(cache);
    if (on === undefined) return `invalid offset cache index params%!(EXTRA string=invalid ${INDEX_OFFSET_CACHE_KEY} value: ${cache}, expected: true, false)`;
    if (on && indexType !== 'BITMAP') return `invalid offset cache index params%!(EXTRA string=only bitmap index support ${INDEX_OFFSET_CACHE_KEY} now)`;
  }
  return null;
}

/**
 * AlterIndex: sets `params` on (or, with `deleteKeys`, removes keys from) the parameters of the
 * index `indexName`; DescribeIndex then shows them among the index's parameters.
 * @throws MilvusError 1100 `<key> is not a configable index proptery: invalid parameter` (upstream's
 *   spelling); 1100 `cannot provide both DeleteKeys and ExtraParams`; 1100 `index name is empty`;
 *   104 `can't alter index on loaded collection, please release the collection first: collection
 *   already loaded[collection=<name>]`; 700 `index not found[indexName=<name>]`; 1100 `invalid mmap
 *   index params%!(EXTRA string=index type DISKANN does not support mmap): invalid parameter` and
 *   the like for values the index refuses.
 */
export function alterIndex(coll: Collection, indexName: string, params: readonly KeyValue[], deleteKeys: readonly string[]): void {
  for (const key of [...params.map((p) => p.key), ...deleteKeys]) {
    if (!CONFIGURABLE.has(key)) throw MilvusError.parameterInvalid(`${key} is not a configable index proptery`);
  }
  if (params.length > 0 && deleteKeys.length > 0) throw MilvusError.parameterInvalid('cannot provide both DeleteKeys and ExtraParams');
  if (indexName === '') throw MilvusError.parameterInvalid('index name is empty');
  if (coll.loadType !== 'none') {
    throw MilvusError.of(Merr.CollectionLoaded, formatMerr(Merr.CollectionLoaded, { collection: coll.name }, "can't alter index on loaded collection, please release the collection first"));
  }
  const index: IndexSpec | undefined = coll.indexes.get(indexName);
  if (!index) throw MilvusError.of(Merr.IndexNotFound, formatMerr(Merr.IndexNotFound, { indexName }));
  const edit = (list: readonly KeyValue[]) => (deleteKeys.length > 0 ? deleteProperties(list, deleteKeys) : mergeProperties(list, params));
  const next = { params: edit(index.params), userParams: edit(index.userParams) };
  const indexType = paramOf(index.params, 'index_type') ?? '';
  const why = invalidParams(indexType, next.params, 'index params') ?? invalidParams(indexType, next.userParams, 'user index params');
  if (why) throw MilvusError.parameterInvalid(why);
  index.params = next.params;
  index.userParams = next.userParams;
}
