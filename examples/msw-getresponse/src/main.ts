/**
 * Example: drive @mvkit/client over the RESTful v2 transport, served in-process by @mvkit/msw.
 * The fetch is built from msw's `getResponse`, so nothing is patched and no port is opened — the
 * wiring for clients msw cannot intercept (undici's own fetch, Workers, Deno).
 * Drop the `fetch` option and point `address` at a real Milvus 2.4+ to run the same code there.
 */
import { MilvusClient, MilvusError } from '@mvkit/client';
import { createMilvusHandlers } from '@mvkit/msw';
import { RestTransport } from '@mvkit/transport-rest';
import { getResponse } from 'msw';

/** Runs the example; `log` receives what it prints. */
export async function run(log: (line: string) => void = console.log): Promise<void> {
  const address = 'http://localhost:19530';
  const handlers = createMilvusHandlers({ baseUrl: address });
  const fetchFromHandlers: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    return (await getResponse(handlers, request)) ?? new Response('404 page not found', { status: 404 });
  };
  const client = new MilvusClient({ address, transport: new RestTransport({ address, fetch: fetchFromHandlers }) });
  try {
    await client.createCollection({ collection_name: 'my_collection', dimension: 5 });
    await client.createPartition({ collection_name: 'my_collection', partition_name: 'partitionA' });
    log(`partitions: ${(await client.listPartitions({ collection_name: 'my_collection' })).partition_names.join(', ')}`);
    log(`partitionA: ${(await client.getLoadState({ collection_name: 'my_collection', partition_names: ['partitionA'] })).state}`);
    try {
      await client.dropPartition({ collection_name: 'my_collection', partition_name: 'partitionA' });
    } catch (e) {
      if (!(e instanceof MilvusError)) throw e;
      log(`drop refused: code ${e.code}: ${e.reason}`);
    }
    await client.releasePartitions({ collection_name: 'my_collection', partition_names: ['partitionA'] });
    await client.dropPartition({ collection_name: 'my_collection', partition_name: 'partitionA' });
    log(`after drop: ${(await client.listPartitions({ collection_name: 'my_collection' })).partition_names.join(', ')}`);
  } finally {
    await client.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
