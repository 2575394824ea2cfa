import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../src/corpus.js';
import { DIFFERENTIAL_CORPORA, runCorpus, type StepAnswer } from '../src/differential.js';
import type { KnownDivergence } from '../src/replay.js';
import { ensurePythonEnv, type PythonEnv } from '../src/runners/python.js';

/** The step names of a corpus file, in order (its entries with a `step`). */
function stepNames(corpus: string): string[] {
  const { steps } = JSON.parse(readFileSync(corpus, 'utf8')) as { steps: { step?: string }[] };
  return steps.flatMap((e) => (e.step === undefined ? [] : [e.step]));
}

// The differential corpora through their interpreter (pymilvus 2.3.7, the milvus-2.3 environment)
// against an embedded reference server only: no real Milvus, no sleeps.
describe('the differential corpora', () => {
  let env: PythonEnv | undefined;
  let envError: string | undefined;
  let server: RunningServer;
  const answers = new Map<string, StepAnswer[]>();
  beforeAll(async () => {
    await ensurePythonEnv({ name: 'milvus-2.3' }).then((e) => (env = e), (e: Error) => (envError = e.message));
    server = await startServer({ port: 0 });
    if (env) for (const corpus of DIFFERENTIAL_CORPORA) answers.set(corpus, await runCorpus(env.python, corpus, server.address, { sleep: false }));
  }, 600_000);
  afterAll(async () => {
    await server?.close();
  });

  it('records every step of both corpora once, in corpus order, 351 or more in all', () => {
    expect(envError, `the Python environment could not be set up: ${envError}`).toBeUndefined();
    let total = 0;
    for (const corpus of DIFFERENTIAL_CORPORA) {
      const names = stepNames(corpus);
      expect(new Set(names).size, `${corpus} names a step twice`).toBe(names.length);
      expect(answers.get(corpus)!.map((a) => a.step)).toEqual(names);
      total += names.length;
    }
    expect(total).toBeGreaterThanOrEqual(351);
  });

  it('names every step that conformance/known-divergences.json lists', () => {
    const names = new Set(DIFFERENTIAL_CORPORA.flatMap(stepNames));
    const listed = loadData<KnownDivergence[]>('../known-divergences.json').flatMap((k) => k.steps ?? []);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((s) => !names.has(s))).toEqual([]);
  });

  it('projects the answers as the corpus says (generated rows, partition names, counts, hit ids)', () => {
    expect(envError).toBeUndefined();
    const byStep = new Map([...answers.values()].flat().map((a) => [a.step, a]));
    expect(byStep.get('pk_int.partitions')).toEqual({ step: 'pk_int.partitions', ok: true, value: Array.from({ length: 16 }, (_, i) => `_default_${i}`) });
    expect(byStep.get('pk_str.insert')).toEqual({ step: 'pk_str.insert', ok: true, value: 200 });
    expect(byStep.get('dups.num_entities')).toEqual({ step: 'dups.num_entities', ok: true, value: 9 });
    expect(byStep.get('dups.search_unique')).toEqual({ step: 'dups.search_unique', ok: true, value: [2, 3] });
    expect(byStep.get('parts.create_dup')).toEqual({ step: 'parts.create_dup', ok: false, code: 1, message: 'Partition already exist.' });
    expect(byStep.get('seq3.1.load:p1.count_p2')).toEqual({ step: 'seq3.1.load:p1.count_p2', ok: true, value: 7 });
    expect(byStep.get('db.list_after')).toEqual({ step: 'db.list_after', ok: true, value: ['books', 'default'] });
  });

  it('refuses a row expression outside its restricted form instead of evaluating it', async () => {
    expect(envError).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'mvkit-corpus-'));
    try {
      const corpus = join(dir, 'bad.corpus.json');
      const rows = { range: 1, fields: { id: "__import__('os').getpid()", v: 'vec(i)' } };
      const fields = [{ name: 'id', type: 'INT64', is_primary: true }, { name: 'v', type: 'FLOAT_VECTOR', dim: 4 }];
      const steps = [{ op: 'create_collection', collection: 'bad', fields }, { step: 'bad.insert', op: 'insert', collection: 'bad', data: rows, project: 'insert_count' }];
      writeFileSync(corpus, JSON.stringify({ about: 'bad', steps }));
      expect(await runCorpus(env!.python, corpus, server.address, { sleep: false })).toEqual([
        { step: 'bad.insert', ok: false, code: 'python', message: `ValueError: unexpected '__import__' in expression "__import__('os').getpid()"` },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
