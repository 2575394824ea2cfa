/**
 * Concurrent soak: mixed clients at once against one `mvkit serve` child process (loopback),
 * then a check that no row was lost or conjured.
 *
 * By default 8 clients: 3 `@mvkit/client` over gRPC, 3 over RESTful v2, 2 pymilvus (the
 * conformance suite's pinned venv, `conformance/scripts/python-env.mjs`). Client i owns the
 * primary keys [i·10^6, (i+1)·10^6) in the shared collection, and the odd ones the same range in
 * a second collection. Each runs a sequential, seeded random loop of insert (fresh or deleted
 * keys), upsert, delete, query by id, search and count on its own range for `--seconds`, and
 * keeps the rows it expects to be live; its reads are checked against that as they come back
 * (the collections are Strong). A write that fails makes its keys uncertain (left out of the
 * checks). The server seals a segment every `--segment-max-rows` rows, so the soak runs across
 * seals and background index builds.
 *
 * At the end, every client range of both collections is read back whole over gRPC, before and
 * after a Flush: rows expected but missing (lost), present but not expected (phantom), returned
 * twice (duplicate) or holding other values than the last write (wrong value), and rows outside
 * every range. Exits 1 on any of those, on any failed operation or mismatching read, and when
 * the run overruns its bound (`--seconds` + 180 s).
 *
 * Usage: `node bench/dist/index.js soak [--seconds 60] [--grpc 3] [--rest 3] [--python 2] [--seed 1] [--segment-max-rows 2000]`
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { MilvusClient } from '@mvkit/client';
import { startChildServer, type ChildServer } from '../child-server.js';
import { percentile } from '../stats.js';
import { mvkitClient, pymilvusClient, rowOf, type Kind, type Row, type SoakClient } from './clients.js';
import { seededRandom as prng } from '../random.js';

const RANGE = 1_000_000;
const SHARED = 'soak_shared';
const SECOND = 'soak_second';
const OPS = ['insert', 'upsert', 'delete', 'get', 'search', 'count'] as const;
type Op = (typeof OPS)[number];
/** Relative frequency of each operation in a client's loop. */
const WEIGHTS: Record<Op, number> = { insert: 25, upsert: 15, delete: 15, get: 20, search: 15, count: 10 };
/** Bound on the whole run beyond `--seconds`: setup, the last operations, the checks. */
const OVERRUN_MS = 180_000;

/** `conformance/scripts/python-env.mjs`, the project's one way to get the pinned pymilvus venv. */
const PYTHON_ENV = new URL('../../../conformance/scripts/python-env.mjs', import.meta.url);
type EnsurePythonEnv = (options?: { log?: (line: string) => void }) => Promise<{ python: string; pymilvus: string }>;

/** A set of keys with O(1) add, delete and uniform random pick. */
class KeySet {
  readonly #keys: number[] = [];
  readonly #at = new Map<number, number>();
  get size(): number {
    return this.#keys.length;
  }
  add(k: number): void {
    if (this.#at.has(k)) return;
    this.#at.set(k, this.#keys.length);
    this.#keys.push(k);
  }
  delete(k: number): void {
    const i = this.#at.get(k);
    if (i === undefined) return;
    const last = this.#keys.pop()!;
    if (last !== k) {
      this.#keys[i] = last;
      this.#at.set(last, i);
    }
    this.#at.delete(k);
  }
  pick(rng: () => number): number | undefined {
    return this.#keys.length ? this.#keys[Math.floor(rng() * this.#keys.length)] : undefined;
  }
}

/** What one client expects of its key range in one collection. */
class Expected {
  /** Live rows: the last write of each key not deleted since. */
  readonly live = new Map<number, Row>();
  readonly liveKeys = new KeySet();
  /** Deleted keys (candidates for re-insertion). */
  readonly dead = new KeySet();
  /** Keys of writes that failed: their state is unknown, so no check looks at them. */
  readonly uncertain = new Set<number>();
  /** Next never-used key. */
  next: number;
  constructor(readonly lo: number) {
    this.next = lo;
  }
  put(row: Row): void {
    this.live.set(row.id, row);
    this.liveKeys.add(row.id);
    this.dead.delete(row.id);
  }
  remove(id: number): void {
    this.live.delete(id);
    this.liveKeys.delete(id);
    this.dead.add(id);
  }
  forget(id: number): void {
    this.live.delete(id);
    this.liveKeys.delete(id);
    this.dead.delete(id);
    this.uncertain.add(id);
  }
}

/** Counters of one client. */
interface Tally {
  ops: Record<Op, number>;
  latencies: number[];
  errors: number;
  mismatches: number;
  notes: string[];
}

const vectorOf = (id: number, version: number): number[] => Array.from({ length: 8 }, (_, j) => ((id * 7 + version * 13 + j * 31) % 97) / 4);
const sameRow = (a: Row, b: Row) => a.tag === b.tag && a.vector.length === b.vector.length && a.vector.every((x, j) => x === b.vector[j]);
const rangeFilter = (lo: number) => `id >= ${lo} and id < ${lo + RANGE}`;

/** A client's loop until `until` (ms, `performance.now()`): random operations on its own ranges, each read checked. */
async function runClient(index: number, client: SoakClient, states: Map<string, Expected>, until: number, rng: () => number, tally: Tally): Promise<void> {
  let version = 0;
  const collections = [...states.keys()];
  const total = OPS.reduce((s, op) => s + WEIGHTS[op], 0);
  const pickOp = (): Op => {
    let r = rng() * total;
    for (const op of OPS) if ((r -= WEIGHTS[op]) < 0) return op;
    return 'count';
  };
  const note = (what: string) => {
    if (tally.notes.length < 5) tally.notes.push(`client ${index} (${client.kind}): ${what}`);
  };
  const mismatch = (what: string) => {
    tally.mismatches++;
    note(what);
  };
  const distinct = (n: number, pick: () => number | undefined): number[] => {
    const out = new Set<number>();
    for (let i = 0; i < n; i++) {
      const k = pick();
      if (k !== undefined) out.add(k);
    }
    return [...out];
  };
  while (performance.now() < until) {
    const coll = collections[Math.floor(rng() * collections.length)]!;
    const st = states.get(coll)!;
    const op = pickOp();
    const n = rng() < 0.1 ? 50 + Math.floor(rng() * 150) : 1 + Math.floor(rng() * 10);
    const fresh = () => st.next++;
    const neverUsed = () => st.lo + RANGE - 1 - Math.floor(rng() * 1000);
    let written: number[] = [];
    const t = performance.now();
    try {
      switch (op) {
        case 'insert': {
          written = distinct(n, () => (rng() < 0.3 ? (st.dead.pick(rng) ?? fresh()) : fresh()));
          const rows = written.map((id) => ({ id, vector: vectorOf(id, ++version), tag: `c${index}v${version}` }));
          const count = await client.insert(coll, rows);
          if (count !== rows.length) mismatch(`insert of ${rows.length} rows reported ${count}`);
          rows.forEach((r) => st.put(r));
          break;
        }
        case 'upsert': {
          written = distinct(n, () => (rng() < 0.8 ? (st.liveKeys.pick(rng) ?? fresh()) : fresh()));
          const rows = written.map((id) => ({ id, vector: vectorOf(id, ++version), tag: `c${index}v${version}` }));
          const count = await client.upsert(coll, rows);
          if (count !== rows.length) mismatch(`upsert of ${rows.length} rows reported ${count}`);
          rows.forEach((r) => st.put(r));
          break;
        }
        case 'delete': {
          written = distinct(n, () => (rng() < 0.9 ? st.liveKeys.pick(rng) : neverUsed()));
          if (written.length === 0) break;
          await client.delete(coll, written);
          written.forEach((id) => st.remove(id));
          break;
        }
        case 'get': {
          const ids = distinct(n, () => (rng() < 0.7 ? st.liveKeys.pick(rng) : (st.dead.pick(rng) ?? neverUsed()))).filter((id) => !st.uncertain.has(id));
          if (ids.length === 0) break;
          const rows = await client.get(coll, ids);
          const seen = new Set<number>();
          for (const r of rows) {
            const want = st.live.get(r.id);
            if (seen.has(r.id)) mismatch(`${coll}: query by id returned ${r.id} twice`);
            else if (!want) mismatch(`${coll}: query by id returned ${r.id}, which is not live`);
            else if (!sameRow(r, want)) mismatch(`${coll}: query by id returned ${r.id} as ${JSON.stringify(r)}, expected ${JSON.stringify(want)}`);
            seen.add(r.id);
          }
          for (const id of ids) if (st.live.has(id) && !seen.has(id)) mismatch(`${coll}: query by id did not return live row ${id}`);
          break;
        }
        case 'search': {
          const hits = await client.search(coll, vectorOf(Math.floor(rng() * 1e6), 0), rangeFilter(st.lo), 10);
          for (const id of hits) if (!st.live.has(id) && !st.uncertain.has(id)) mismatch(`${coll}: search hit ${id} is not live`);
          break;
        }
        case 'count': {
          const count = await client.count(coll, rangeFilter(st.lo));
          if (st.uncertain.size === 0 && count !== st.live.size) mismatch(`${coll}: count(*) of the range is ${count}, expected ${st.live.size}`);
          break;
        }
      }
      tally.ops[op]++;
      tally.latencies.push(performance.now() - t);
    } catch (e) {
      tally.errors++;
      note(`${op} on ${coll} failed: ${e instanceof Error ? e.message : String(e)}`);
      written.forEach((id) => st.forget(id));
    }
  }
}

/** Result of reading back every range of a collection. */
interface Check {
  expected: number;
  found: number;
  lost: number;
  phantom: number;
  duplicates: number;
  wrong: number;
  notes: string[];
}

/** Reads back every client range of `collection` (and everything outside them) and compares it with what the clients expect. */
async function verify(checker: MilvusClient, collection: string, ranges: Expected[]): Promise<Check> {
  const c: Check = { expected: 0, found: 0, lost: 0, phantom: 0, duplicates: 0, wrong: 0, notes: [] };
  const note = (what: string) => {
    if (c.notes.length < 5) c.notes.push(`${collection}: ${what}`);
  };
  for (const st of ranges) {
    const { data } = await checker.query({ collection_name: collection, filter: rangeFilter(st.lo), output_fields: ['id', 'vector', 'tag'] });
    const seen = new Set<number>();
    c.expected += st.live.size;
    c.found += data.length;
    for (const r of data.map(rowOf)) {
      if (seen.has(r.id)) {
        c.duplicates++;
        note(`row ${r.id} returned twice`);
        continue;
      }
      seen.add(r.id);
      if (st.uncertain.has(r.id)) continue;
      const want = st.live.get(r.id);
      if (!want) {
        c.phantom++;
        note(`phantom row ${JSON.stringify(r)}`);
      } else if (!sameRow(r, want)) {
        c.wrong++;
        note(`row ${r.id} is ${JSON.stringify(r)}, the last write was ${JSON.stringify(want)}`);
      }
    }
    for (const id of st.live.keys()) {
      if (!seen.has(id)) {
        c.lost++;
        note(`lost row ${id} (last write ${st.live.get(id)!.tag})`);
      }
    }
  }
  const outside = await checker.query({ collection_name: collection, filter: `id < 0 or id >= ${ranges.length * RANGE}`, output_fields: ['id'] });
  c.phantom += outside.data.length;
  c.found += outside.data.length;
  if (outside.data.length) note(`${outside.data.length} rows outside every client range`);
  return c;
}

async function createCollection(client: MilvusClient, name: string): Promise<void> {
  await client.createCollection({
    collection_name: name,
    consistency_level: 'Strong',
    fields: [
      { name: 'id', data_type: 'Int64', is_primary_key: true },
      { name: 'vector', data_type: 'FloatVector', dim: 8 },
      { name: 'tag', data_type: 'VarChar', max_length: 64 },
    ],
  });
  await client.createIndex({ collection_name: name, field_name: 'vector', index_type: 'HNSW', metric_type: 'L2', params: { M: 16, efConstruction: 64 } });
  await client.loadCollectionSync({ collection_name: name });
}

/** Options of a soak run (strings, as parsed from the command line). */
interface SoakOptions {
  seconds: string;
  grpc: string;
  rest: string;
  python: string;
  seed: string;
  'segment-max-rows': string;
}

/** The soak against `server`; true when it passed. */
async function soak(server: ChildServer, values: SoakOptions): Promise<boolean> {
  const kinds: Kind[] = [
    ...Array.from({ length: Number(values.grpc) }, (): Kind => 'grpc'),
    ...Array.from({ length: Number(values.rest) }, (): Kind => 'rest'),
    ...Array.from({ length: Number(values.python) }, (): Kind => 'pymilvus'),
  ];
  let pymilvus = '';
  let python = '';
  if (kinds.includes('pymilvus')) {
    const { ensurePythonEnv } = (await import(PYTHON_ENV.href)) as { ensurePythonEnv: EnsurePythonEnv };
    ({ python, pymilvus } = await ensurePythonEnv({ log: (line) => console.error(line) }));
  }
  console.log(
    `node ${process.version}, ${availableParallelism()} CPUs; soak ${values.seconds} s, ${kinds.length} clients (${values.grpc} gRPC, ${values.rest} REST, ${values.python} pymilvus${pymilvus ? ` ${pymilvus}` : ''}), mvkit serve --segment-max-rows ${values['segment-max-rows']}, seed ${values.seed}`,
  );

  const checker = new MilvusClient({ address: server.address, timeout: 60_000 });
  await createCollection(checker, SHARED);
  await createCollection(checker, SECOND);
  const clients = await Promise.all(kinds.map((k) => (k === 'pymilvus' ? pymilvusClient(python, server.address) : mvkitClient(k, k === 'grpc' ? server.address : server.restUrl))));
  const states = clients.map((_, i) => {
    const m = new Map([[SHARED, new Expected(i * RANGE)]]);
    if (i % 2 === 1) m.set(SECOND, new Expected(i * RANGE));
    return m;
  });
  const tallies = clients.map((): Tally => ({ ops: { insert: 0, upsert: 0, delete: 0, get: 0, search: 0, count: 0 }, latencies: [], errors: 0, mismatches: 0, notes: [] }));

  const start = performance.now();
  const until = start + Number(values.seconds) * 1000;
  await Promise.all(clients.map((c, i) => runClient(i, c, states[i]!, until, prng(Number(values.seed) * 1000 + i), tallies[i]!)));
  const wallS = (performance.now() - start) / 1000;
  await Promise.all(clients.map((c) => c.close()));

  console.log(`\nops per client kind over ${wallS.toFixed(1)} s (latency of each call as the client sees it):`);
  console.log(`  ${'kind'.padEnd(9)}${'clients'.padStart(8)}${'ops'.padStart(8)}${'ops/s'.padStart(8)}${OPS.map((op) => op.padStart(8)).join('')}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}${'bad reads'.padStart(11)}`);
  for (const kind of ['grpc', 'rest', 'pymilvus'] as const) {
    const mine = tallies.filter((_, i) => kinds[i] === kind);
    if (mine.length === 0) continue;
    const per = (op: Op) => mine.reduce((s, t) => s + t.ops[op], 0);
    const all = OPS.reduce((s, op) => s + per(op), 0);
    const lat = mine.flatMap((t) => t.latencies).sort((a, b) => a - b);
    const sum = (f: (t: Tally) => number) => mine.reduce((s, t) => s + f(t), 0);
    console.log(
      `  ${kind.padEnd(9)}${String(mine.length).padStart(8)}${String(all).padStart(8)}${(all / wallS).toFixed(0).padStart(8)}${OPS.map((op) => String(per(op)).padStart(8)).join('')}${percentile(lat, 50).toFixed(2).padStart(9)}${percentile(lat, 99).toFixed(2).padStart(9)}${String(sum((t) => t.errors)).padStart(8)}${String(sum((t) => t.mismatches)).padStart(11)}`,
    );
  }
  const errors = tallies.reduce((s, t) => s + t.errors, 0);
  const mismatches = tallies.reduce((s, t) => s + t.mismatches, 0);
  const uncertain = states.reduce((s, m) => s + [...m.values()].reduce((x, st) => x + st.uncertain.size, 0), 0);
  for (const line of tallies.flatMap((t) => t.notes).slice(0, 10)) console.log(`  ! ${line}`);
  if (uncertain) console.log(`  ${uncertain} keys of failed writes are left out of the checks`);

  const bad: Record<string, number> = {};
  for (const when of ['before flush', 'after flush'] as const) {
    if (when === 'after flush') await checker.flush({ collection_names: [SHARED, SECOND] });
    console.log(`\nread-back ${when} (every range over gRPC):`);
    bad[when] = 0;
    for (const coll of [SHARED, SECOND]) {
      const ranges = states.map((m, i) => m.get(coll) ?? new Expected(i * RANGE));
      const c = await verify(checker, coll, ranges);
      bad[when] += c.lost + c.phantom + c.duplicates + c.wrong;
      console.log(`  ${coll.padEnd(12)} expected ${c.expected}  found ${c.found}  lost ${c.lost}  phantom ${c.phantom}  duplicates ${c.duplicates}  wrong values ${c.wrong}`);
      for (const line of c.notes) console.log(`  ! ${line}`);
    }
  }
  await checker.close();
  const pass = Object.values(bad).every((n) => n === 0) && errors === 0 && mismatches === 0;
  const rows = Object.entries(bad).map(([when, n]) => `${n} ${when}`).join(', ');
  console.log(`\n${pass ? 'PASS' : 'FAIL'}: lost/phantom/duplicate/wrong rows ${rows}; ${errors} failed operations; ${mismatches} mismatching reads`);
  return pass;
}

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: {
    seconds: { type: 'string', default: '60' },
    grpc: { type: 'string', default: '3' },
    rest: { type: 'string', default: '3' },
    python: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    'segment-max-rows': { type: 'string', default: '2000' },
  },
});
const server = await startChildServer(['--segment-max-rows', values['segment-max-rows']]);
const overrun = setTimeout(() => {
  console.error(`soak: FAIL, still running ${Number(values.seconds) + OVERRUN_MS / 1000} s after the start; stopping`);
  void server.stop(0).then(() => process.exit(1));
}, Number(values.seconds) * 1000 + OVERRUN_MS);
let pass = false;
try {
  pass = await soak(server, values);
} catch (e) {
  console.error(`soak: FAIL, ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
} finally {
  clearTimeout(overrun);
  await server.stop();
}
process.exit(pass ? 0 : 1);
