/**
 * The query parameters the SDKs' query iterators send (`iterator`, `reduce_stop_for_best`,
 * `collection_id`), checked as the proxy's `parseQueryParams` and `queryTask.PreExecute` check
 * them. Their pages are ordinary queries with a limit, which the engine answers in primary-key
 * order (see `pk-order.ts`), so every key is returned once across pages of `<pk> > <last key>`.
 *
 * @packageDocumentation
 */
import { MilvusError } from '@mvkit/core';
import { parseGoInt64 } from './rank-params.js';

/** The iterator entries of `query_params`, as sent (strings), unset when absent. */
export interface QueryIteratorParams {
  /** `iterator`. */
  iterator?: string;
  /** `reduce_stop_for_best`. */
  reduceStopForBest?: string;
  /** `collection_id`: the ID the SDK read when the iterator began. */
  collectionId?: string;
}

/** Go's `strconv.ParseBool`: the value, or undefined for anything else. */
export function goParseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/**
 * Checks a query's iterator entries in the proxy's order.
 *
 * @param collectionId - the ID of the collection the query reads.
 * @throws MilvusError 1100 `value for reduce_stop_for_best is invalid: invalid parameter[expected=true
 *   or false][actual=<v>]`, the same for `value for iterator field is invalid`, `value for collection
 *   id is invalid: invalid parameter[expected=int value for collection_id][actual=collection_id]`,
 *   and `Input collection id is not consistent to collectionID in the context,alias or database may
 *   have changed` for another collection's ID.
 */
export function checkQueryIteratorParams(params: QueryIteratorParams | undefined, collectionId: bigint): void {
  if (!params) return;
  const bool = (value: string | undefined, what: string) => {
    if (value !== undefined && goParseBool(value) === undefined) throw MilvusError.parameterInvalid(`value for ${what} is invalid`, { expected: 'true or false', actual: value });
  };
  bool(params.reduceStopForBest, 'reduce_stop_for_best');
  bool(params.iterator, 'iterator field');
  if (params.collectionId === undefined) return;
  const id = parseGoInt64(params.collectionId);
  if (id === undefined) throw MilvusError.parameterInvalid('value for collection id is invalid', { expected: 'int value for collection_id', actual: 'collection_id' });
  if (id > 0n && id !== collectionId) throw MilvusError.parameterInvalid('Input collection id is not consistent to collectionID in the context,alias or database may have changed');
}

/**
 * Checks a search's `collection_id` (parsed leniently, as `parseSearchInfo` does: invalid is 0) against
 * the collection searched.
 * @throws MilvusError 1100 `collection id:<given> in the request is not consistent to that in the
 *   search context,alias or database may have been changed: <actual>`.
 */
export function checkSearchCollectionId(given: string | undefined, collectionId: bigint): void {
  const id = given === undefined ? undefined : parseGoInt64(given);
  if (id !== undefined && id > 0n && id !== collectionId) {
    throw MilvusError.parameterInvalid(`collection id:${id} in the request is not consistent to that in the search context,alias or database may have been changed: ${collectionId}`);
  }
}
