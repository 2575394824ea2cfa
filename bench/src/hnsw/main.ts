/**
 * HNSW benchmark: @mvkit/hnsw versus hnswlib-node (same M, efConstruction), measured in the same
 * run: recall@k and single-thread QPS per `ef`, build time, index memory, and ratios ours/theirs.
 *
 * Usage: `pnpm bench hnsw [--dataset glove,mnist,gauss] [--size 50000,all] [--metric COSINE,L2,IP] [--queries 1000]
 *   [--ef 16,32,64,128,256] [--M 16] [--ef-construction 200] [--k 10] [--min-ms 2000] [--rounds 5] [--no-peer]`
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { HnswIndex } from '@mvkit/hnsw';
import type { HierarchicalNSW as HnswlibIndex } from 'hnswlib-node';
import { glove, gauss, mnist, type Dataset } from './datasets.js';
import { groundTruth } from './truth.js';

const require = createRequire(import.meta.url);

interface Options {
  dataset: string;
  size?: string;
  metric?: string;
  queries: string;
  ef: string;
  M: string;
  efConstruction: string;
  k: string;
  minMs: string;
  rounds: string;
  peer: boolean;
}

const program = new Command('hnsw')
  .description('@mvkit/hnsw vs hnswlib-node: recall@k, QPS per ef, build time, memory')
  .option('--dataset <list>', 'comma list of glove, mnist, gauss', 'glove,mnist,gauss')
  .option('--size <list>', 'comma list of index sizes (numbers or "all") for each dataset; default glove 50000,all; mnist all; gauss 100000')
  .option('--metric <list>', "comma list of L2, IP, COSINE to search each dataset with instead of its own metric (GloVe's is COSINE, MNIST's and gauss's L2)")
  .option('--queries <n>', 'held-out queries', '1000')
  .option('--ef <list>', 'search ef values', '16,32,64,128,256')
  .option('--M <n>', 'HNSW M', '16')
  .option('--ef-construction <n>', 'HNSW efConstruction', '200')
  .option('--k <n>', 'top-k for recall', '10')
  .option('--min-ms <n>', 'timed milliseconds per (library, ef), split into rounds', '2000')
  .option('--rounds <n>', 'alternating timed rounds per ef; QPS is the best round', '5')
  .option('--no-peer', 'skip hnswlib-node');
program.parse(process.argv.slice(3), { from: 'user' });
const opts = program.opts<Options>();

const nq = Number(opts.queries);
const k = Number(opts.k);
const M = Number(opts.M);
const efC = Number(opts.efConstruction);
const efs = opts.ef.split(',').map(Number);
const minMs = Number(opts.minMs);
const rounds = Number(opts.rounds);

function sizesFor(name: string): number[] {
  const spec = opts.size ?? (name === 'glove' ? '50000,all' : name === 'gauss' ? '100000' : 'all');
  return spec.split(',').map((s) => (s === 'all' ? Infinity : Number(s)));
}

/** The dataset searched with `metric` (its own when undefined); the name says when it is another. */
function withMetric(ds: Dataset, metric: string | undefined): Dataset {
  if (metric === undefined || metric === ds.metric) return ds;
  if (metric !== 'L2' && metric !== 'IP' && metric !== 'COSINE') throw new Error(`unknown metric ${metric}`);
  return { ...ds, name: `${ds.name}-${metric}`, metric };
}

function load(name: string, size: number): Dataset {
  if (name === 'glove') return glove(size, nq);
  if (name === 'mnist') return mnist(size, nq);
  if (name === 'gauss') return gauss(size === Infinity ? 100_000 : size, nq);
  throw new Error(`unknown dataset ${name}`);
}

interface PerEf {
  ef: number;
  recall: number;
  qps: number;
}

interface LibResult {
  buildS: number;
  memBytes: number;
  memNote: string;
  perEf: PerEf[];
}

/** Recall@k of `ids` (nq × k, -1 padded) against ground truth. */
function recallOf(ids: Int32Array, gt: Int32Array): number {
  let hit = 0;
  for (let q = 0; q < nq; q++) {
    const truth = new Set(gt.subarray(q * k, (q + 1) * k));
    for (let j = 0; j < k; j++) if (truth.has(ids[q * k + j]!)) hit++;
  }
  return hit / (nq * k);
}

/** Recall of one search-all pass (which also warms the JIT and caches). */
function recallPass(searchAll: (out: Int32Array | null) => void, gt: Int32Array): number {
  const ids = new Int32Array(nq * k).fill(-1);
  searchAll(ids);
  return recallOf(ids, gt);
}

/** QPS of `searchAll` over one timed segment of at least `ms`. */
function qpsSegment(searchAll: (out: Int32Array | null) => void, ms: number): number {
  let count = 0;
  const t0 = performance.now();
  let t = t0;
  do {
    searchAll(null);
    count += nq;
    t = performance.now();
  } while (t - t0 < ms);
  return (count / (t - t0)) * 1000;
}

/** A built index under test: how to search all queries into `out` (or nowhere) at a given ef. */
interface Built {
  buildS: number;
  memBytes: number;
  memNote: string;
  /** Prepares `ef`, then returns the search-all function. */
  at(ef: number): (out: Int32Array | null) => void;
}

function buildOurs(ds: Dataset): Built {
  const { dim, base, queries } = ds;
  const n = base.length / dim;
  const t0 = performance.now();
  const index = new HnswIndex({ dim, metric: ds.metric, M, efConstruction: efC, capacity: n, seed: 100 });
  for (let i = 0; i < n; i++) index.add(base.subarray(i * dim, (i + 1) * dim), i);
  const buildS = (performance.now() - t0) / 1000;
  const views: Float32Array[] = [];
  for (let q = 0; q < nq; q++) views.push(queries.subarray(q * dim, (q + 1) * dim));
  return {
    buildS,
    memBytes: index.memoryBytes(),
    memNote: 'memoryBytes()',
    at(ef) {
      const options = { ef };
      return (out) => {
        for (let q = 0; q < nq; q++) {
          const hits = index.search(views[q]!, k, options);
          if (out) for (let j = 0; j < hits.length; j++) out[q * k + j] = hits[j]!.label;
        }
      };
    },
  };
}

function buildPeer(ds: Dataset): Built {
  const { HierarchicalNSW } = require('hnswlib-node') as typeof import('hnswlib-node');
  const { dim, base, queries } = ds;
  const n = base.length / dim;
  const space = ds.metric === 'COSINE' ? 'cosine' : ds.metric === 'IP' ? 'ip' : 'l2';
  const buf = new Array<number>(dim).fill(0);
  const t0 = performance.now();
  const index: HnswlibIndex = new HierarchicalNSW(space, dim);
  index.initIndex(n, M, efC, 100);
  for (let i = 0; i < n; i++) {
    const o = i * dim;
    for (let j = 0; j < dim; j++) buf[j] = base[o + j]!;
    index.addPoint(buf, i);
  }
  const buildS = (performance.now() - t0) / 1000;
  const dir = mkdtempSync(join(tmpdir(), 'hnswlib-'));
  const file = join(dir, 'index.bin');
  index.writeIndexSync(file);
  const memBytes = statSync(file).size;
  rmSync(dir, { recursive: true });
  const qs: number[][] = [];
  for (let q = 0; q < nq; q++) qs.push(Array.from(queries.subarray(q * dim, (q + 1) * dim)));
  return {
    buildS,
    memBytes,
    memNote: 'serialised index size (writeIndexSync)',
    at(ef) {
      index.setEf(ef);
      return (out) => {
        for (let q = 0; q < nq; q++) {
          const res = index.searchKnn(qs[q]!, k);
          if (out) for (let j = 0; j < res.neighbors.length; j++) out[q * k + j] = res.neighbors[j]!;
        }
      };
    },
  };
}

/** Builds ours (then the peer), then measures both per ef, alternating, so background noise hits both. */
function run(ds: Dataset, gt: Int32Array): { ours: LibResult; peer: LibResult | null } {
  const a = buildOurs(ds);
  const b = opts.peer ? buildPeer(ds) : null;
  const ours: LibResult = { buildS: a.buildS, memBytes: a.memBytes, memNote: a.memNote, perEf: [] };
  const peer: LibResult | null = b ? { buildS: b.buildS, memBytes: b.memBytes, memNote: b.memNote, perEf: [] } : null;
  for (const ef of efs) {
    const sa = a.at(ef);
    const sb = b?.at(ef);
    const o: PerEf = { ef, recall: recallPass(sa, gt), qps: 0 };
    const p: PerEf | null = sb ? { ef, recall: recallPass(sb, gt), qps: 0 } : null;
    // Alternating timed segments; the best segment of each library is kept (robust to bursts of
    // background load on a shared machine, and fair: both get the same number of chances).
    for (let r = 0; r < rounds; r++) {
      o.qps = Math.max(o.qps, qpsSegment(sa, minMs / rounds));
      if (sb && p) p.qps = Math.max(p.qps, qpsSegment(sb, minMs / rounds));
    }
    ours.perEf.push(o);
    if (p) peer?.perEf.push(p);
  }
  return { ours, peer };
}

const f = (x: number, d = 3): string => x.toFixed(d);
const pad = (s: string, w: number): string => s.padStart(w);

/** Smallest-ef entry reaching recall ≥ target. */
function atRecall(r: LibResult, target: number): PerEf | undefined {
  return r.perEf.find((p) => p.recall >= target);
}

function report(ds: Dataset, ours: LibResult, peer: LibResult | null): void {
  const n = ds.base.length / ds.dim;
  const mb = (b: number): string => `${(b / 1e6).toFixed(1)} MB (${Math.round(b / n)} B/vector)`;
  console.log(`\n## ${ds.name}: ${ds.metric}, dim ${ds.dim}, ${n} indexed, ${nq} held-out queries, k ${k}, M ${M}, efConstruction ${efC}`);
  console.log(`build time : ours ${f(ours.buildS, 2)} s` + (peer ? `, hnswlib-node ${f(peer.buildS, 2)} s, ratio ours/hnswlib ${f(ours.buildS / peer.buildS, 2)}×` : ''));
  console.log(`memory     : ours ${mb(ours.memBytes)} [${ours.memNote}]` + (peer ? `, hnswlib-node ${mb(peer.memBytes)} [${peer.memNote}], ratio ${f(ours.memBytes / peer.memBytes, 2)}` : ''));
  console.log(`${pad('ef', 5)} ${pad('recall ours', 12)} ${pad('recall hnswlib', 15)} ${pad('Δrecall', 8)} ${pad('QPS ours', 10)} ${pad('QPS hnswlib', 12)} ${pad('QPS ratio', 10)}`);
  for (let i = 0; i < ours.perEf.length; i++) {
    const o = ours.perEf[i]!;
    const p = peer?.perEf[i];
    console.log(
      `${pad(String(o.ef), 5)} ${pad(f(o.recall), 12)} ${pad(p ? f(p.recall) : '-', 15)} ${pad(p ? (o.recall - p.recall >= 0 ? '+' : '') + f(o.recall - p.recall) : '-', 8)} ` +
        `${pad(f(o.qps, 0), 10)} ${pad(p ? f(p.qps, 0) : '-', 12)} ${pad(p ? f(o.qps / p.qps, 2) : '-', 10)}`,
    );
  }
  if (!peer) return;
  for (const target of [0.9, 0.95, 0.99]) {
    const o = atRecall(ours, target);
    const p = atRecall(peer, target);
    console.log(
      `matched recall ≥${target}: ` +
        (o ? `ours ef ${o.ef} (${f(o.recall)}) ${f(o.qps, 0)} QPS` : 'ours never reaches it') +
        ', ' +
        (p ? `hnswlib ef ${p.ef} (${f(p.recall)}) ${f(p.qps, 0)} QPS` : 'hnswlib never reaches it') +
        (o && p ? `, ratio ${f(o.qps / p.qps, 2)}` : ''),
    );
  }
  const maxDelta = Math.max(...ours.perEf.map((o, i) => Math.abs(o.recall - peer.perEf[i]!.recall)));
  const o95 = atRecall(ours, 0.95);
  const p95 = atRecall(peer, 0.95);
  // The goals of issue 15.
  const qpsRatio = o95 && p95 ? o95.qps / p95.qps : NaN;
  const buildRatio = ours.buildS / peer.buildS;
  const perVector = Math.round(ours.memBytes / n);
  const yes = (ok: boolean): string => (ok ? 'yes' : 'NO');
  console.log(
    `checks: max |Δrecall| ${f(maxDelta)} (≤0.005: ${yes(maxDelta <= 0.005)}); ` +
      `QPS ratio at recall ≥0.95 ${Number.isNaN(qpsRatio) ? 'n/a' : f(qpsRatio, 2)} (≥0.7: ${yes(qpsRatio >= 0.7)}); ` +
      `build ratio ${f(buildRatio, 2)} (≤1.5: ${yes(buildRatio <= 1.5)}); ` +
      `memory ${perVector} B/vector (≤800 for 100-d: ${ds.dim === 100 ? yes(perVector <= 800) : 'n/a'})`,
  );
}

console.log(`# HNSW bench — ${new Date().toISOString()} — node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), single-thread search, QPS = best of ${rounds} alternating rounds`);
for (const name of opts.dataset.split(',')) {
  for (const size of sizesFor(name)) {
    const loaded = load(name, size);
    for (const metric of opts.metric?.split(',') ?? [undefined]) {
      const ds = withMetric(loaded, metric);
      const gt = groundTruth(ds, k);
      const { ours, peer } = run(ds, gt);
      report(ds, ours, peer);
    }
  }
}
