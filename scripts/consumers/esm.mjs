// ESM consumer of the installed tarballs: a server from @mvkit/server, a client from @mvkit/client
// over both transports. Prints one JSON line for scripts/test/packages.test.ts to check.
import { MilvusClient, MilvusError } from '@mvkit/client';
import { startServer } from '@mvkit/server';

const server = await startServer({ port: 0 });
const out = {};
for (const [transport, address] of [['grpc', server.address], ['rest', server.restUrl]]) {
  const client = new MilvusClient({ address, transport });
  const collection_name = `books_${transport}`;
  await client.createCollection({ collection_name, dimension: 2 });
  await client.insert({ collection_name, data: [{ id: 1, vector: [1, 0] }, { id: 2, vector: [0, 1] }] });
  const { results } = await client.search({ collection_name, data: [0.1, 0.9], limit: 1 });
  const error = await client.describeCollection({ collection_name: 'missing' }).catch((e) => e);
  out[transport] = { nearest: String(results[0]?.id), missingCode: error instanceof MilvusError ? error.code : String(error) };
  await client.close();
}
await server.close();
console.log(JSON.stringify(out));
