/**
 * What the fuzzers record: failures with their reproduction, per-front case counts and the
 * slowest cases.
 *
 * @packageDocumentation
 */

/** The fronts and checks a failure can come from. */
export type Front = 'grpc' | 'rest' | 'legacy' | 'stream' | 'health';

/** One failed case. */
export interface Failure {
  readonly front: Front;
  /** What was wrong, e.g. `OK reply without status`. */
  readonly problem: string;
  /** How to send the case again: `RPC <name> hex <bytes>` or `POST <route> body <json>`. */
  readonly repro: string;
  /** The whole request (body or message bytes) when the repro had to be cut; the script saves it to a file. */
  readonly payload?: string | Uint8Array;
}

/** A case's timing, for the slowest-case list. */
export interface Timing {
  readonly front: Front;
  readonly ms: number;
  readonly repro: string;
  /** As {@link Failure.payload}. */
  readonly payload?: string | Uint8Array;
}

/** Largest reproduction printed inline; longer ones are cut (the case seed regenerates them). */
const MAX_REPRO = 8192;

/** Hex of `bytes`, cut after {@link MAX_REPRO} characters with the full length noted. */
export function hex(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  return text.length <= MAX_REPRO ? text : `${text.slice(0, MAX_REPRO)}… (${bytes.length} bytes in all)`;
}

/** `text` cut after {@link MAX_REPRO} characters with the full length noted. */
export function clip(text: string): string {
  return text.length <= MAX_REPRO ? text : `${text.slice(0, MAX_REPRO)}… (${text.length} characters in all)`;
}

/** Running totals of a fuzz run: cases per front, failures, slowest cases. */
export class FuzzReport {
  /** Cases sent per front (`health`: probes after a batch). */
  readonly cases: Record<Front, number> = { grpc: 0, rest: 0, legacy: 0, stream: 0, health: 0 };
  readonly failures: Failure[] = [];
  /** How often each kind of answer came back, e.g. `Search status 0` or `POST /v2/vectordb/entities/query code 1100`. */
  readonly outcomes: Record<string, number> = {};
  readonly #slowest: Timing[] = [];

  /** Counts a case and keeps its timing when it is among the 5 slowest. */
  record(t: Timing): void {
    this.cases[t.front]++;
    this.#slowest.push(t);
    this.#slowest.sort((a, b) => b.ms - a.ms);
    this.#slowest.length = Math.min(this.#slowest.length, 5);
  }

  /** Counts one answer kind (see {@link FuzzReport.outcomes}). */
  outcome(label: string): void {
    this.outcomes[label] = (this.outcomes[label] ?? 0) + 1;
  }

  /** Share of answers to each RPC or route that succeeded (status / code 0): how deep the cases got. */
  successRates(): Record<string, number> {
    const totals: Record<string, [number, number]> = {};
    for (const [label, n] of Object.entries(this.outcomes)) {
      const m = /^(.*) (?:status|code) (\S+)$/.exec(label);
      if (!m) continue;
      const t = (totals[m[1]!] ??= [0, 0]);
      t[1] += n;
      if (m[2] === '0') t[0] += n;
    }
    return Object.fromEntries(Object.entries(totals).map(([k, [ok, all]]) => [k, ok / all]));
  }

  /** Records a failed case. */
  fail(f: Failure): void {
    this.failures.push(f);
  }

  /** The slowest cases, slowest first. */
  get slowest(): readonly Timing[] {
    return this.#slowest;
  }

  /** A multi-line summary: counts, slowest cases and every failure. */
  summary(): string {
    const lines = [
      `cases: ${Object.entries(this.cases)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
      ...this.#slowest.map((t) => `slow: ${t.ms.toFixed(1)} ms ${t.front} ${t.repro.slice(0, 300)}`),
      `failures: ${this.failures.length}`,
      ...this.failures.map((f) => `FAIL [${f.front}] ${f.problem}\n  repro: ${f.repro}`),
    ];
    return lines.join('\n');
  }
}
