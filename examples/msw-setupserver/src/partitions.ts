/**
 * Application code under test: a tiny Milvus RESTful v2 client written with the global `fetch`,
 * as many apps do (cURL-style calls from the Milvus docs). Nothing here knows about msw.
 */

/** A Milvus REST v2 failure: Milvus's `code` and `message`. */
export class MilvusRestError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Calls `POST <baseUrl>/v2/vectordb/<path>` and returns `data`, or throws {@link MilvusRestError}. */
export async function milvus<T>(baseUrl: string, path: string, body: object, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/v2/vectordb/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const envelope = (await response.json()) as { code: number; data?: T; message?: string };
  if (envelope.code !== 0) throw new MilvusRestError(envelope.code, envelope.message ?? '');
  return envelope.data as T;
}

/** Makes sure `collection` exists (quick setup) and has `partition`; returns the partition names. */
export async function ensurePartition(baseUrl: string, collection: string, partition: string, dimension = 8): Promise<string[]> {
  const { has } = await milvus<{ has: boolean }>(baseUrl, 'collections/has', { collectionName: collection });
  if (!has) await milvus(baseUrl, 'collections/create', { collectionName: collection, dimension });
  await milvus(baseUrl, 'partitions/create', { collectionName: collection, partitionName: partition });
  return milvus<string[]>(baseUrl, 'partitions/list', { collectionName: collection });
}
