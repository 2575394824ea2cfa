/**
 * Hybrid search benchmark (issue 12): QPS of `hybridSearch` over two vector fields (RRF and
 * Weighted rankers) on 100k rows, against its peer measured in the same run: the same two ANN
 * searches sent as two `search` calls and fused client-side with the same ranker, which is what an
 * application does without HybridSearch. Server: `mvkit serve` as a child process (HNSW on both
 * fields, sealed and indexed before measuring); client: @mvkit/client over loopback gRPC.
 *
 * Usage: `node bench/dist/index.js hybrid [--rows N] [--dim D] [--calls N] [--concurrency C]`
 */
import { parseArgs } from 'node:util';
import { DataType, MilvusClient, RRFRanker, WeightedRanker } from '@mvkit/client';
import { startChildServer } from '../child-server.js';
import { measure } from '../stats.js';
import { seededRandom as random } from '../random.js';

const collection_name = 'hybrid_bench';
const LIMIT = 10;

type Hit = { id: string; score: number };

/** RRF(60) fusion of ranked lists, as Milvus's ranker: Σ 1 / (60 + rank). */
function fuseRrf(lists: Hit[][]): Hit[] {
  const sums = new Map<string, number>();
  for (const list of lists) list.forEach((h, i) => sums.set(h.id, (sums.get(h.id) ?? 0) + 1 / (60 + i + 1)));
  return [...sums].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score).slice(0, LIMIT);
}

/** Weighted fusion with Milvus's normalisation: IP by arctan, L2 by 1 - 2·arctan(d)/π. */
function fuseWeighted(lists: Hit[][], weights: number[], metrics: ('IP' | 'L2')[]): Hit[] {
  const sums = new Map<string, number>();
  lists.forEach((list, i) => {
    for (const h of list) {
      const norm = metrics[i] === 'IP' ? 0.5 + Math.atan(h.score) / Math.PI : 1 - (2 * Math.atan(h.score)) / Math.PI;
      sums.set(h.id, (sums.get(h.id) ?? 0) + weights[i]! * norm);
    }
  });
  return [...sums].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score).slice(0, LIMIT);
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { rows: { type: 'string', default: '100000' }, dim: { type: 'string', default: '32' }, calls: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '1,8' } },
  });
  const rows = Number(values.rows);
  const dim = Number(values.dim);
  const calls = Number(values.calls);
  const server = await startChildServer(['--segment-max-rows', '20000']);
  const client = new MilvusClient({ address: server.address });
  try {
    await client.createCollection({
      collection_name,
      fields: [
        { name: 'id', data_type: DataType.Int64, is_primary_key: true },
        { name: 'a', data_type: DataType.FloatVector, dim },
        { name: 'b', data_type: DataType.FloatVector, dim },
      ],
    });
    const params = { M: 16, efConstruction: 100 };
    await client.createIndex({ collection_name, field_name: 'a', index_type: 'HNSW', metric_type: 'IP', params });
    await client.createIndex({ collection_name, field_name: 'b', index_type: 'HNSW', metric_type: 'L2', params });
    const rnd = random(12);
    const vec = () => Array.from({ length: dim }, () => rnd() * 2 - 1);
    const t0 = performance.now();
    for (let from = 0; from < rows; from += 5000) {
      const data = Array.from({ length: Math.min(5000, rows - from) }, (_, i) => ({ id: from + i, a: vec(), b: vec() }));
      await client.insert({ collection_name, data });
    }
    await client.flush({ collection_names: [collection_name] });
    for (const field_name of ['a', 'b']) {
      for (;;) {
        const d = await client.describeIndex({ collection_name, field_name });
        if (d.index_descriptions.every((x) => x.pending_index_rows === '0')) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await client.loadCollection({ collection_name });
    console.log(`hybrid search bench: ${rows} rows, two ${dim}-d fields (a: HNSW IP, b: HNSW L2, M 16, efConstruction 100), inserted and indexed in ${fmt((performance.now() - t0) / 1000, 1)} s`);

    const queries = Array.from({ length: 64 }, () => ({ a: vec(), b: vec() }));
    let q = 0;
    const next = () => queries[q++ % queries.length]!;
    const subs = (v: { a: number[]; b: number[] }) => [
      { data: v.a, anns_field: 'a', limit: LIMIT, params: { ef: 64 } },
      { data: v.b, anns_field: 'b', limit: LIMIT, params: { ef: 64 } },
    ];
    const twoSearches = async (v: { a: number[]; b: number[] }) => {
      const [ra, rb] = await Promise.all(subs(v).map((s) => client.search({ collection_name, ...s, output_fields: ['id'] })));
      return [ra!.results as unknown as Hit[], rb!.results as unknown as Hit[]];
    };
    const rankers = {
      RRF: { hybrid: () => client.hybridSearch({ collection_name, data: subs(next()), rerank: RRFRanker(60), limit: LIMIT }), peer: async () => fuseRrf(await twoSearches(next())) },
      Weighted: {
        hybrid: () => client.hybridSearch({ collection_name, data: subs(next()), rerank: WeightedRanker([0.6, 0.4]), limit: LIMIT }),
        peer: async () => fuseWeighted(await twoSearches(next()), [0.6, 0.4], ['IP', 'L2']),
      },
    };
    for (const [name, { hybrid, peer }] of Object.entries(rankers)) {
      for (const concurrency of String(values.concurrency).split(',').map(Number)) {
        // Alternate the two twice so drift on a shared machine hits both alike; keep each one's best.
        const h1 = await measure(hybrid, calls, concurrency);
        const p1 = await measure(peer, calls, concurrency);
        const h2 = await measure(hybrid, calls, concurrency);
        const p2 = await measure(peer, calls, concurrency);
        const h = h1.opsPerSec >= h2.opsPerSec ? h1 : h2;
        const p = p1.opsPerSec >= p2.opsPerSec ? p1 : p2;
        console.log(`${name}, limit ${LIMIT}, ${calls} calls, concurrency ${concurrency}:`);
        console.log(`  hybridSearch                       p50 ${fmt(h.p50, 3)} ms  p99 ${fmt(h.p99, 3)} ms  ${fmt(h.opsPerSec, 0)} QPS`);
        console.log(`  peer: 2 searches + client fusion   p50 ${fmt(p.p50, 3)} ms  p99 ${fmt(p.p99, 3)} ms  ${fmt(p.opsPerSec, 0)} QPS`);
        console.log(`  ratio hybrid/peer: QPS ${fmt(h.opsPerSec / p.opsPerSec)}x, p50 ${fmt(h.p50 / p.p50)}x`);
      }
    }
  } finally {
    await client.close();
    await server.stop();
  }
}

await main();
