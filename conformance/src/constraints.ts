/**
 * The Constraints sections of the pages as replayed cases (data: `docs/constraints.json`): each
 * case is a sentence of a page and the client calls that check it, run after the page's fixture
 * with `@mvkit/client` against a target of the page's era, and reported like a block (language
 * `constraint`). A target of another era (its GetVersion) makes the case not applicable, with the
 * reason, rather than failed: the constraint is that era's rule.
 *
 * @packageDocumentation
 */
import type { BlockResult, FixtureStep, Target } from './runners/node.js';

/** The error a step must fail with: the legacy `error_code` name and the reason (`<id>` stands for a numeric ID). */
export interface ExpectedError {
  errorCode: string;
  reason: string;
}

/** One call of a case: a fixture step, optionally expected to fail. */
export interface ConstraintStep extends FixtureStep {
  expect?: { error: ExpectedError };
}

/** One replayed constraint: its page, the sentence, the calls. */
export interface ConstraintCase {
  page: string;
  constraint: string;
  steps: ConstraintStep[];
}

/** The shape of `docs/constraints.json`. */
export interface ConstraintsFile {
  cases: ConstraintCase[];
}

/** The client that runs the cases (the `client` of their results). */
export const CONSTRAINT_CLIENT = 'mvkit';

/** `major.minor` of a version string (`v2.3.5` → `2.3`), or the string itself when it is not one. */
export function eraOf(version: string): string {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  return m ? `${m[1]}.${m[2]}` : version;
}

/** Whether `reason` is `expected` with each `<id>` standing for a (possibly negative) integer. */
function reasonMatches(expected: string, reason: string): boolean {
  const pattern = expected.split('<id>').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('-?\\d+');
  return new RegExp(`^${pattern}$`).test(reason);
}

type Client = Record<string, (req: unknown) => Promise<unknown>> & { getVersion(req: object): Promise<{ version: string }>; close(): Promise<void> };

/** Runs one case's steps; returns why it failed, or undefined when every step answered as expected. */
async function runCase(client: Client, c: ConstraintCase): Promise<string | undefined> {
  for (const [i, step] of c.steps.entries()) {
    const call = client[step.op];
    if (typeof call !== 'function') return `step ${i + 1}: ${step.op} is not a method of @mvkit/client`;
    let error: { errorCode?: string; reason?: string; message?: string } | undefined;
    try {
      await call.call(client, step.args);
    } catch (e) {
      error = e as typeof error;
    }
    const want = step.expect?.error;
    if (!want && error) return `step ${i + 1} ${step.op} failed: ${error.errorCode ?? ''} ${error.reason ?? error.message}`;
    if (want && !error) return `step ${i + 1} ${step.op} succeeded; expected ${want.errorCode} \`${want.reason}\``;
    if (want && error && (error.errorCode !== want.errorCode || !reasonMatches(want.reason, error.reason ?? ''))) {
      return `step ${i + 1} ${step.op}: expected ${want.errorCode} \`${want.reason}\`, got ${error.errorCode} \`${error.reason ?? error.message}\``;
    }
  }
  return undefined;
}

/**
 * Replays a page's constraint cases against `target`, each after `setup` (the page's fixture).
 * @param profile - the page's era (`profiles.json`); a target whose GetVersion is of another era
 *   answers every case `n/a: target is Milvus <version>, the constraint is <profile>'s`.
 * @returns one result per case, numbered from 1 in file order (`constraint#<n>`).
 */
export async function runConstraints(page: string, cases: readonly ConstraintCase[], options: { target: Target; profile: string; setup: () => Promise<void> }): Promise<BlockResult[]> {
  if (cases.length === 0) return [];
  const { MilvusClient } = await import('@mvkit/client');
  const client = new MilvusClient({ address: options.target.address, ...(options.target.token !== undefined ? { token: options.target.token } : {}) }) as unknown as Client;
  const result = (i: number, outcome: BlockResult['outcome'], detail: string): BlockResult => ({ page, language: 'constraint', block: i + 1, client: CONSTRAINT_CLIENT, outcome, detail });
  try {
    const { version } = await client.getVersion({});
    if (eraOf(version) !== options.profile) return cases.map((c, i) => result(i, 'n/a', `target is Milvus ${version}, the constraint is ${options.profile}'s: ${c.constraint}`));
    const results: BlockResult[] = [];
    for (const [i, c] of cases.entries()) {
      await options.setup();
      const failure = await runCase(client, c);
      results.push(result(i, failure ? 'fail' : 'pass', failure ? `${c.constraint} — ${failure}` : `${c.constraint} — holds on Milvus ${version}`));
    }
    return results;
  } catch (e) {
    return cases.map((c, i) => result(i, 'fail', `${c.constraint} — ${e instanceof Error ? e.message : String(e)}`));
  } finally {
    await client.close();
  }
}
