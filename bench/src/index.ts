/**
 * Benchmark dispatcher: `node bench/dist/index.js <name> [flags]`, where name is `bm25` (full-text
 * search vs exhaustive BM25 and MiniSearch), `grpc` (client vs
 * official SDK, cold start), `hnsw` (our HNSW vs hnswlib-node), `hybrid` (hybridSearch vs two
 * searches fused client-side), `rest` (REST vs gRPC transport and
 * fronts), `server` (one pymilvus workload against mvkit serve, a real Milvus 2.3.5 and
 * milvus-lite), `stall` (how long one large request holds up a concurrent GetVersion, against the
 * 100 ms goal) or `soak` (8 mixed gRPC / REST / pymilvus clients, then a lost/phantom-row check).
 * The ratio benches print the ratio to the peer measured in the same run.
 *
 * @packageDocumentation
 */
const BENCHES = ['bm25', 'grpc', 'hnsw', 'hybrid', 'rest', 'server', 'soak', 'stall'] as const;
const name = process.argv[2];
if (!name || !(BENCHES as readonly string[]).includes(name)) {
  console.error(`usage: pnpm bench <${BENCHES.join('|')}> [flags]`);
  process.exit(2);
}
await import(`./${name}/main.js`);
