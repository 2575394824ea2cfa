import type { Message } from '@bufbuild/protobuf';

/**
 * Known server problems that are being fixed elsewhere. The CI fuzz test does not send cases
 * that match them (they would hang or kill the test process; `regressions.ts` keeps one case of
 * each, run against a child process, failing until fixed); the long script sends them unless
 * told not to (`--skip-known`). Remove an entry once its fix has landed.
 *
 * @packageDocumentation
 */

/** One known problem and how to recognise a case that triggers it. */
export interface KnownIssue {
  readonly id: string;
  readonly description: string;
  /** Whether a string of a request (a gRPC `expr`/`dsl`, a REST or legacy body) triggers it. */
  triggeredBy(text: string): boolean;
}

/** The known problems (see the module comment); none open now (the LIKE ReDoS is fixed). */
export const KNOWN_ISSUES: readonly KnownIssue[] = [];

/** String members of a message, recursively (for the filter checks). */
function strings(value: unknown, out: string[], depth = 0): string[] {
  if (depth > 20) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out, depth + 1);
  else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) for (const v of Object.values(value)) strings(v, out, depth + 1);
  return out;
}

/** The id of the first known issue a decoded gRPC request triggers, if any. */
export function knownGrpcIssue(message: Message): string | undefined {
  const texts = strings(message, []);
  return KNOWN_ISSUES.find((k) => texts.some((t) => k.triggeredBy(t)))?.id;
}

/** The id of the first known issue a REST or legacy HTTP body triggers, if any. */
export function knownHttpIssue(body: string): string | undefined {
  return KNOWN_ISSUES.find((k) => k.triggeredBy(body))?.id;
}
