/**
 * Example: start an in-memory Milvus reference server on a free port, then manage partitions with
 * @mvkit/client exactly as the Milvus docs do with the official Node SDK.
 * Point `address` at a real Milvus (e.g. `localhost:19530`) and the same code runs there.
 */
import { MilvusClient, MilvusError } from '@mvkit/client';
import { startServer } from '@mvkit/server';

/** Runs the example and returns what it printed, line by line. */
export async function run(log: (line: string) => void = console.log): Promise<void> {
  const server = await startServer({ port: 0 });
  const client = new MilvusClient({ address: server.address, token: 'root:Milvus' });
  try {
    await client.createCollection({ collection_name: 'my_collection', dimension: 5 });
    await client.createPartition({ collection_name: 'my_collection', partition_name: 'partitionA' });
    const { partition_names } = await client.listPartitions({ collection_name: 'my_collection' });
    log(`partitions: ${partition_names.join(', ')}`);
    const { state } = await client.getLoadState({ collection_name: 'my_collection', partition_names: ['partitionA'] });
    log(`partitionA: ${state}`);
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
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
