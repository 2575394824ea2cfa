// A TypeScript consumer of @mvkit/server installed alone (no @mvkit/core, @mvkit/proto,
// protobuf-es or grpc-js beside it): the declarations carry every type they use. Type-checked
// under `module: node16` (CommonJS: the `require` types, .d.cts) and `moduleResolution: bundler`
// (the `import` types, .d.ts); not run.
import { createAnalyzer, createLegacyHandler, startServer, type RunningServer, type ServerOptions } from '@mvkit/server';
import { createRestHandler, Engine } from '@mvkit/server/rest';
import { jestGlobalSetup } from '@mvkit/server/jest';
import jestGlobalTeardown from '@mvkit/server/jest/teardown';
import { mvkitGlobalSetup } from '@mvkit/server/vitest';

export async function run(): Promise<string> {
  const options: ServerOptions = { port: 0 };
  const server: RunningServer = await startServer(options);
  const engine = new Engine();
  engine.createCollectionQuick({ collection_name: 'books', dimension: 2 });
  // @ts-expect-error dimension is a number (a type of @mvkit/core, inlined): the types are real, not `any`
  engine.createCollectionQuick({ collection_name: 'books', dimension: '2' });
  const words: string[] = createAnalyzer('{"tokenizer":"jieba"}')('南京市长江大桥').map((t) => t.text);
  // A handler typed by the MilvusService descriptor of @mvkit/proto and protobuf-es's message shapes (inlined).
  const legacy = createLegacyHandler({ showCollections: async () => ({ collectionNames: ['books'] }) });
  // @ts-expect-error collectionNames is a list of strings
  createLegacyHandler({ showCollections: async () => ({ collectionNames: 1 }) });
  const rest = createRestHandler(engine, {});
  await server.close();
  return `${words.length} ${typeof legacy} ${typeof rest} ${typeof jestGlobalSetup()} ${typeof jestGlobalTeardown} ${typeof mvkitGlobalSetup()}`;
}
