// A TypeScript CommonJS consumer (`module: node16`, this folder has no "type"): imports compile to
// require() and resolve through the packages' `require` types (.d.cts). Type-checked only.
import { MilvusClient, MilvusError, type SearchResults } from '@mvkit/client';
import { startServer, type RunningServer } from '@mvkit/server';
import { createRestHandler, Engine } from '@mvkit/server/rest';

export async function run(): Promise<string> {
  const server: RunningServer = await startServer({ port: 0 });
  const client = new MilvusClient({ address: server.address, transport: 'grpc' });
  const { results } = await client.search({ collection_name: 'books', data: [1, 0], limit: 1 });
  const rows: SearchResults['results'] = results;
  // @ts-expect-error collection_name is a string: the types are real, not `any`
  await client.hasCollection({ collection_name: 1 });
  const handle = createRestHandler(new Engine(), {});
  await server.close();
  return `${rows.length} ${typeof handle} ${new MilvusError('x').code}`;
}
