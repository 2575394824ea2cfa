/**
 * Benchmark dispatcher: `node bench/dist/index.js <name> [flags]`, where name is `grpc` (client vs
 * official SDK, cold start) or `hnsw` (our HNSW vs hnswlib-node). Each prints its figures and the
 * ratio to the peer measured in the same run.
 *
 * @packageDocumentation
 */
const BENCHES = ['grpc', 'hnsw', 'rest'] as const;
const name = process.argv[2];
if (!name || !(BENCHES as readonly string[]).includes(name)) {
  console.error(`usage: pnpm bench <${BENCHES.join('|')}> [flags]`);
  process.exit(2);
}
await import(`./${name}/main.js`);
