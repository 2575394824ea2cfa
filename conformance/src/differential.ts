/**
 * The differential test: corpora of steps as data (`conformance/differential/*.corpus.json`), run
 * by one pymilvus 2.3.7 interpreter (`run-corpus.py`) against a real Milvus
 * {@link REAL_MILVUS_VERSION} and against the reference server, compared step by step.
 *
 * A corpus is `{ "about": string, "steps": Entry[] }`. An entry names an operation (`op`) and its
 * arguments; with a `step` name its answer is recorded as one line (`{ step, ok: true, value }`, or
 * `{ step, ok: false, code, message }` with the MilvusException's code, or `"python"` and
 * `"<ExceptionType>: <text>"` for any other exception); without one it runs for its effect and an
 * error ends the run. `project` names what of the answer is recorded, `read: true` repeats a read
 * (every 0.1 s, at most 20 times) until two answers in a row agree, and `ops: Entry[]` runs several
 * operations as one step (the value is the projection of the last that names one; the first error
 * is the step's answer). The operations (arguments besides `collection`, the collection's name):
 * - `drop_all_collections`: drops every collection of the current database.
 * - `create_collection` `fields` (`{ name, type: DataType name, ...FieldSchema options }`), `schema` (CollectionSchema options, e.g. `enable_dynamic_field`), `options` (Collection options: `num_partitions`, `consistency_level`).
 * - `drop_collection`; `list_collections`.
 * - `flush`; `num_entities`.
 * - `insert` `data`, `layout` (`"columns"`, the default: one list per field; `"rows"`: one object per row), `partition`.
 * - `delete` `filter`.
 * - `query` `filter`, `output_fields`, `partitions`.
 * - `search` `vectors`, `field` (the anns field), `params` (search params), `limit`: the hits of the first vector.
 * - `create_index` `field`, `params` (index params), `index_name`; `describe_indexes`; `index_building_progress` `index_name`.
 * - `load` `partitions` (LoadPartitions, else LoadCollection), `replica_number`; `release` `partitions`; `load_state` `partitions`.
 * - `list_partitions`; `has_partition` `partition`; `create_partition` `partition` (pymilvus refuses an existing one itself); `open_partition` `partition` (pymilvus's `Partition(collection, name)`: creates it unless it exists); `drop_partition` `partition`.
 * - `create_database`, `drop_database`, `use_database` `database`; `list_databases`.
 * - `sleep` `seconds` (the real server's timing).
 *
 * Projections: `raw`, `str`, `len`, `sorted`, `name`, `insert_count`, `delete_count`, `count`
 * (`count(*)` of the first row), `names` / `sorted_names` (of partitions), `num_entities_by_name`
 * (`{ partition: num_entities }`), `sorted_ids` (of query rows), `sorted_hit_ids`,
 * `sorted_id_distance` (`[id, distance]` of hits), `indexes` (`[field_name, index_name, params]`).
 *
 * Row data is `{ "range": n | [start, stop], "fields": { name: value } }` (one row per `i`) or a
 * list of `{ name: value }`. A value is a JSON number, boolean, null or array as is; a string is an
 * expression over `i` (integers, floats, `+ - * %`, parentheses, unary minus, `vec(x)` =
 * `[x % 7, x % 5, 1.0, 0.5]` as floats), parsed by the interpreter, never evaluated as Python;
 * `{ "str": "tenant-{i}" }` a string whose `{…}` are expressions; `{ "bytes": [..] }` bytes (a
 * binary vector); `{ "json": x }` x as is (a JSON field's object). Search `vectors` are values too.
 *
 * @packageDocumentation
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startServer } from '@mvkit/server';
import { normalizeRunDependent } from './match.js';
import { REAL_MILVUS_VERSION, startRealMilvus } from './real-milvus.js';
import type { KnownDivergence } from './replay.js';

/** The corpora (format: this module's documentation). */
export const DIFFERENTIAL_CORPORA = ['data-model.corpus.json', 'partitions.corpus.json'].map((f) => fileURLToPath(new URL(`../differential/${f}`, import.meta.url)));
/** The interpreter: `python run-corpus.py [--no-sleep] <corpus> <host> <port>` prints one JSON object per recorded step. */
export const CORPUS_INTERPRETER = fileURLToPath(new URL('../differential/run-corpus.py', import.meta.url));

/** One step's answer as the interpreter printed it. */
export interface StepAnswer {
  step: string;
  ok: boolean;
  value?: unknown;
  code?: number | string;
  message?: string;
}

/** A step whose answers differ (ids and timestamps masked). */
export interface Divergence {
  step: string;
  real?: StepAnswer;
  mvkit?: StepAnswer;
}

/** The result of {@link runDifferential}: step counts and the divergences, each with the known divergence that lists it. */
export interface DifferentialResult {
  milvus: string;
  steps: number;
  divergences: (Divergence & { known?: KnownDivergence })[];
}

/**
 * Runs one corpus through {@link CORPUS_INTERPRETER} against the server at `address` (`host:port`).
 * @param python - an interpreter that imports pymilvus 2.3.7 (the `milvus-2.3` environment).
 * @param corpus - the corpus file's path (one of {@link DIFFERENTIAL_CORPORA}).
 * @param options.sleep - false skips the corpus's `sleep` entries and the pauses between repeated reads (`--no-sleep`), which only a real Milvus needs; default true.
 * @returns the recorded steps' answers, in corpus order.
 * @throws Error when the interpreter fails outright (an unrecorded entry's error, a malformed corpus) or runs over 10 minutes.
 */
export async function runCorpus(python: string, corpus: string, address: string, options: { sleep?: boolean } = {}): Promise<StepAnswer[]> {
  const [host, port] = address.split(':') as [string, string];
  const flags = options.sleep === false ? ['--no-sleep'] : [];
  const { stdout } = await promisify(execFile)(python, [CORPUS_INTERPRETER, ...flags, corpus, host, port], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 600_000 });
  return stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as StepAnswer);
}

/**
 * Runs every corpus of {@link DIFFERENTIAL_CORPORA} through pymilvus 2.3.7 against a real
 * Milvus started for the run and against an embedded reference server under the `2.3` behaviour
 * profile (the rules of that era where they differ from 2.5), masks the run-dependent
 * values (`normalizeRunDependent`: ids, timestamps), and pairs each divergent step with the entry
 * of `known` whose `steps` name it.
 * @throws Error when the real Milvus cannot be installed or started, or the interpreter fails outright.
 */
export async function runDifferential(known: readonly KnownDivergence[]): Promise<DifferentialResult> {
  // The reference server under the 2.3 profile: where Milvus 2.3's rules differ from 2.5's, the
  // profile answers as 2.3 does, so that only the remaining differences are divergences.
  const server = await startServer({ port: 0, profile: '2.3' });
  const milvus = await startRealMilvus().catch(async (e: unknown) => {
    await server.close();
    throw e;
  });
  try {
    const divergences: DifferentialResult['divergences'] = [];
    let steps = 0;
    for (const corpus of DIFFERENTIAL_CORPORA) {
      const real = await runCorpus(milvus.python, corpus, milvus.address);
      const mvkit = await runCorpus(milvus.python, corpus, server.address);
      const byStep = new Map<string, Divergence>();
      for (const a of real) byStep.set(a.step, { step: a.step, real: a });
      for (const a of mvkit) byStep.set(a.step, { ...(byStep.get(a.step) ?? { step: a.step }), mvkit: a });
      steps += byStep.size;
      for (const d of byStep.values()) {
        if (JSON.stringify(normalizeRunDependent(d.real)) === JSON.stringify(normalizeRunDependent(d.mvkit))) continue;
        const entry = known.find((k) => k.steps?.includes(d.step));
        divergences.push({ ...d, ...(entry ? { known: entry } : {}) });
      }
    }
    return { milvus: REAL_MILVUS_VERSION, steps, divergences };
  } finally {
    await server.close();
    await milvus.close();
  }
}
