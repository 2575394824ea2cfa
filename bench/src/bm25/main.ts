/**
 * BM25 full-text search benchmark (issue 12): on one generated corpus (Zipf-distributed words,
 * as in natural text), measured in the same run,
 * - the reference server's full-text search (BM25 function, `SPARSE_INVERTED_INDEX`, metric BM25)
 *   in process (`Engine.search`) and over gRPC (`@mvkit/client`), one query text per call;
 * - an exhaustive BM25 (every document scored, same k1/b/idf/avgdl): the ground truth, and a peer;
 * - MiniSearch (a JS full-text library, its own BM25+ scoring) over the same tokens: a peer.
 * It prints QPS, recall@k against the exhaustive ranking, and the ratios.
 *
 * Usage: `pnpm bench bm25 [--docs 100000] [--queries 200] [--k 10] [--min-ms 3000] [--segment-rows 20000] [--no-grpc]`
 */
import { Command } from 'commander';
import MiniSearch from 'minisearch';
import { DataType, FunctionType, MilvusClient, normalizeField } from '@mvkit/client';
import { Engine, startServer } from '@mvkit/server';
import { seededRandom as rng } from '../random.js';

interface Options {
  docs: string;
  queries: string;
  k: string;
  minMs: string;
  segmentRows: string;
  grpc: boolean;
}

const program = new Command('bm25')
  .description('BM25 full-text search QPS and recall@k: reference server vs exhaustive BM25 vs MiniSearch')
  .option('--docs <n>', 'documents', '100000')
  .option('--queries <n>', 'query texts', '200')
  .option('--k <n>', 'top-k', '10')
  .option('--min-ms <n>', 'timed milliseconds per contender', '3000')
  .option('--segment-rows <n>', 'rows per sealed segment', '20000')
  .option('--no-grpc', 'skip the gRPC measurement');
program.parse(process.argv.slice(3), { from: 'user' });
const opts = program.opts<Options>();
const nDocs = Number(opts.docs);
const nQueries = Number(opts.queries);
const k = Number(opts.k);
const minMs = Number(opts.minMs);
const K1 = 1.2;
const B = 0.75;

// ------------------------------------------------------------------ corpus

const random = rng(12);
const VOCABULARY = 30_000;
const words = Array.from({ length: VOCABULARY }, (_, i) => `w${i.toString(36)}`);
// Zipf (s = 1.05) by inverse CDF over the cumulative weights.
const cdf = new Float64Array(VOCABULARY);
let total = 0;
for (let i = 0; i < VOCABULARY; i++) cdf[i] = total += 1 / (i + 1) ** 1.05;
function zipfWord(): string {
  const x = random() * total;
  let lo = 0;
  let hi = VOCABULARY - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return words[lo]!;
}
const docs = Array.from({ length: nDocs }, () => Array.from({ length: 20 + Math.floor(random() * 100) }, zipfWord).join(' '));
// Queries of 2–4 words of middle frequency (ranks 50–5000), as keyword queries are.
const queries = Array.from({ length: nQueries }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => words[50 + Math.floor(random() * 4950)]!).join(' '));

// ------------------------------------------------------------------ exhaustive BM25

const docTerms = docs.map((d) => {
  const tf = new Map<string, number>();
  const tokens = d.split(' ');
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return { tf, length: tokens.length };
});
const df = new Map<string, number>();
for (const d of docTerms) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
const avgdl = docTerms.reduce((s, d) => s + d.length, 0) / nDocs;

/** The top-k document ids of a query, every document scored (Milvus's formula: idf × query count × BM25 tf part). */
function exhaustive(query: string): number[] {
  const qtf = new Map<string, number>();
  for (const t of query.split(' ')) qtf.set(t, (qtf.get(t) ?? 0) + 1);
  const weights = [...qtf].map(([t, c]) => {
    const n = df.get(t) ?? 0;
    return [t, c * Math.log(1 + (nDocs - n + 0.5) / (n + 0.5))] as const;
  });
  const top: { id: number; score: number }[] = [];
  for (let id = 0; id < nDocs; id++) {
    const d = docTerms[id]!;
    let score = 0;
    for (const [t, w] of weights) {
      const tf = d.tf.get(t);
      if (tf) score += (w * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * d.length) / avgdl));
    }
    if (score > 0 && (top.length < k || score > top[top.length - 1]!.score)) {
      top.push({ id, score });
      top.sort((a, b) => b.score - a.score || a.id - b.id);
      if (top.length > k) top.pop();
    }
  }
  return top.map((h) => h.id);
}

// ------------------------------------------------------------------ measurement

/** Sequential calls of `op` over the queries for at least `minMs`; queries per second. */
async function qps(op: (q: string, i: number) => unknown): Promise<number> {
  for (let i = 0; i < Math.min(20, nQueries); i++) await op(queries[i]!, i);
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    await op(queries[calls % nQueries]!, calls % nQueries);
    calls++;
  }
  return (calls / (performance.now() - start)) * 1000;
}

function recall(truth: readonly number[][], got: readonly number[][]): number {
  let hit = 0;
  let all = 0;
  truth.forEach((t, i) => {
    const g = new Set(got[i]);
    hit += t.filter((id) => g.has(id)).length;
    all += t.length;
  });
  return all === 0 ? 1 : hit / all;
}

console.log(`corpus: ${nDocs} documents (${avgdl.toFixed(1)} words on average, ${df.size} distinct), ${nQueries} queries of 2–4 words, k=${k}`);

let t = performance.now();
const truth = queries.map(exhaustive);
const exhaustiveQps = await qps((q) => exhaustive(q));
console.log(`exhaustive BM25 (ground truth): ${exhaustiveQps.toFixed(1)} QPS; truth in ${((performance.now() - t) / 1000).toFixed(1)} s`);

// The reference server's engine, in process.
t = performance.now();
const engine = new Engine({ segmentMaxRows: Number(opts.segmentRows) });
const collectionName = 'bm25_bench';
const fields = [
  normalizeField({ name: 'id', data_type: DataType.Int64, is_primary_key: true }),
  normalizeField({ name: 'text', data_type: DataType.VarChar, max_length: 4096, enable_analyzer: true, analyzer_params: { tokenizer: 'whitespace' } }),
  normalizeField({ name: 'sparse', data_type: DataType.SparseFloatVector }),
];
engine.createCollection({ collectionName, fields, functions: [{ name: 'bm25', description: '', type: FunctionType.BM25, inputFieldNames: ['text'], outputFieldNames: ['sparse'], params: [] }] });
engine.createIndex({ collectionName, fieldName: 'sparse', params: [{ key: 'index_type', value: 'SPARSE_INVERTED_INDEX' }, { key: 'metric_type', value: 'BM25' }] });
for (let i = 0; i < nDocs; i += 5000) await engine.insert({ collectionName, rows: docs.slice(i, i + 5000).map((text, j) => ({ id: BigInt(i + j), text })) });
engine.flush(undefined, [collectionName]);
engine.loadCollection({ collectionName });
await engine.search({ collectionName, vectors: [queries[0]!], limit: k });
const engineBuild = (performance.now() - t) / 1000;
const engineHits = await Promise.all(queries.map(async (q) => (await engine.search({ collectionName, vectors: [q], limit: k })).hits[0]!.map((h) => Number(h.pk))));
const engineQps = await qps((q) => engine.search({ collectionName, vectors: [q], limit: k }));
console.log(`mvkit engine (in process): ${engineQps.toFixed(1)} QPS, recall@${k} ${recall(truth, engineHits).toFixed(4)}; insert+flush+load ${engineBuild.toFixed(1)} s`);

// MiniSearch over the same tokens.
t = performance.now();
const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], tokenize: (s) => s.split(' '), processTerm: (term) => term });
mini.addAll(docs.map((text, id) => ({ id, text })));
const miniBuild = (performance.now() - t) / 1000;
const miniSearch = (q: string) => mini.search(q, { combineWith: 'OR', prefix: false, fuzzy: false }).slice(0, k).map((r) => r.id as number);
const miniHits = queries.map(miniSearch);
const miniQps = await qps((q) => miniSearch(q));
console.log(`MiniSearch 7.2.0: ${miniQps.toFixed(1)} QPS, recall@${k} ${recall(truth, miniHits).toFixed(4)} (its BM25+ scoring); index ${miniBuild.toFixed(1)} s`);

let grpcQps: number | undefined;
if (opts.grpc) {
  const server = await startServer({ port: 0, engine });
  const client = new MilvusClient({ address: server.address });
  grpcQps = await qps((q) => client.search({ collection_name: collectionName, data: q, anns_field: 'sparse', limit: k }));
  console.log(`mvkit server over gRPC (@mvkit/client, one call at a time): ${grpcQps.toFixed(1)} QPS`);
  await client.close();
  await server.close();
}

console.log('ratios (ours / peer, QPS):');
console.log(`  engine / exhaustive BM25: ${(engineQps / exhaustiveQps).toFixed(2)}x`);
console.log(`  engine / MiniSearch:      ${(engineQps / miniQps).toFixed(2)}x`);
if (grpcQps !== undefined) console.log(`  gRPC / MiniSearch:        ${(grpcQps / miniQps).toFixed(2)}x`);
