// A TypeScript consumer with `moduleResolution: bundler` (Vite, esbuild, webpack users): resolves
// through the packages' `import` types (.d.ts). Type-checked only.
import { MilvusClient, MilvusError } from '@mvkit/client';
import { Merr } from '@mvkit/core';
import { HnswIndex, type Hit } from '@mvkit/hnsw';
import { RestTransport } from '@mvkit/transport-rest';
import { GrpcTransport } from '@mvkit/transport-grpc';
import { MilvusService } from '@mvkit/proto';
import { startServer } from '@mvkit/server';
import { createMilvusHandlers } from '@mvkit/msw';

export async function run(): Promise<number> {
  const server = await startServer({ port: 0 });
  const client = new MilvusClient({ address: server.restUrl, transport: new RestTransport({ address: server.restUrl }) });
  const { value }: { value: boolean } = await client.hasCollection({ collection_name: 'books' });
  // @ts-expect-error search needs a collection_name
  await client.search({ data: [1, 0] });
  const hits: Hit[] = new HnswIndex({ dim: 2, metric: 'L2' }).search([1, 0], 1);
  const grpc = new GrpcTransport({ address: server.address });
  await server.close();
  return Number(value) + hits.length + Merr.CollectionNotFound.code + MilvusService.methods.length + (grpc ? 1 : 0) + createMilvusHandlers({ baseUrl: server.restUrl }).length + new MilvusError('x').code;
}
