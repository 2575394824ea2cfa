/**
 * The differential test: one pymilvus 2.3.7 program, run against a real Milvus
 * {@link REAL_MILVUS_VERSION} and against the reference server, compared step by step.
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

/** The step programs: each prints one JSON object per step (`{ step, ok, value }` or `{ step, ok: false, code, message }`). */
export const DIFFERENTIAL_PROGRAMS = ['data-model-steps.py', 'partition-steps.py'].map((f) => fileURLToPath(new URL(`../differential/${f}`, import.meta.url)));

/** One step's answer as a program printed it. */
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

async function runProgram(python: string, program: string, address: string): Promise<StepAnswer[]> {
  const [host, port] = address.split(':') as [string, string];
  const { stdout } = await promisify(execFile)(python, [program, host, port], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 600_000 });
  return stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as StepAnswer);
}

/**
 * Runs every program of {@link DIFFERENTIAL_PROGRAMS} through pymilvus 2.3.7 against a real
 * Milvus started for the run and against an embedded reference server, masks the run-dependent
 * values (`normalizeRunDependent`: ids, timestamps), and pairs each divergent step with the entry
 * of `known` whose `steps` name it.
 * @throws Error when the real Milvus cannot be installed or started, or a program fails outright.
 */
export async function runDifferential(known: readonly KnownDivergence[]): Promise<DifferentialResult> {
  const server = await startServer({ port: 0 });
  const milvus = await startRealMilvus().catch(async (e: unknown) => {
    await server.close();
    throw e;
  });
  try {
    const divergences: DifferentialResult['divergences'] = [];
    let steps = 0;
    for (const program of DIFFERENTIAL_PROGRAMS) {
      const real = await runProgram(milvus.python, program, milvus.address);
      const mvkit = await runProgram(milvus.python, program, server.address);
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
