/**
 * The documentation: `pnpm run docs` (TypeDoc over every published package's `exports`) builds the
 * API reference without a warning, with one module per entry point a consumer can import; every
 * decision record has its fields, cites nothing outside the repository and is in the index.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../check-packages.mjs';

const out = mkdtempSync(join(tmpdir(), 'mvkit-docs-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every subpath of every published package, as a consumer imports it (`@mvkit/proto/v1`). */
function importSpecifiers(): string[] {
  return readdirSync(join(ROOT, 'packages')).flatMap((dir) => {
    const { name, exports } = JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
    return Object.entries(exports)
      .filter(([, target]) => typeof target === 'object')
      .map(([subpath]) => (subpath === '.' ? name : `${name}/${subpath.slice(2)}`));
  });
}

it('builds the TypeDoc reference of every package without a warning', () => {
  const run = spawnSync('pnpm', ['exec', 'typedoc', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`;
  expect(output).not.toMatch(/\[(warning|error)\]/);
  expect(run.status, output).toBe(0);
  const specifiers = importSpecifiers();
  expect(specifiers).toContain('@mvkit/proto/v1');
  for (const specifier of specifiers) {
    // TypeDoc names a module page after the `@module` tag of its entry point: `@mvkit/proto/v1` → _mvkit_proto_v1.html.
    expect(existsSync(join(out, 'modules', `${specifier.replace(/[@/]/g, '_')}.html`)), specifier).toBe(true);
  }
  // A re-exported symbol is documented where it is defined (@mvkit/core), not under @mvkit/client.
  expect(existsSync(join(out, 'classes', '_mvkit_core.MilvusError.html'))).toBe(true);
  expect(existsSync(join(out, 'classes', '_mvkit_client.MilvusError.html'))).toBe(false);
}, 90_000);

const DECISIONS = join(ROOT, 'decisions');

/** A decision record's number, file, title and fields (`- **Status:** …`, `## Context`, …). */
interface DecisionRecord {
  number: string;
  file: string;
  title: string;
  status: string | undefined;
  date: string | undefined;
  sections: string[];
  text: string;
}

function decisionRecords(): DecisionRecord[] {
  return readdirSync(DECISIONS)
    .filter((file) => /^\d{4}-.+\.md$/.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(join(DECISIONS, file), 'utf8');
      const heading = /^# (\d{4}) — (.+)$/m.exec(text);
      return {
        number: file.slice(0, 4),
        file,
        title: heading?.[1] === file.slice(0, 4) ? heading[2]! : '',
        status: /^- \*\*Status:\*\* (.+)$/m.exec(text)?.[1],
        date: /^- \*\*Date:\*\* (.+)$/m.exec(text)?.[1],
        sections: [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]!),
        text,
      };
    });
}

describe('decision records', () => {
  const records = decisionRecords();

  it('are numbered 0001 to 000N without a gap', () => {
    expect(records.length).toBeGreaterThanOrEqual(5);
    expect(records.map((r) => r.number)).toEqual(records.map((_, i) => String(i + 1).padStart(4, '0')));
  });

  it.each(records.map((r) => [r.file, r] as const))('%s has a title, Status, Date, Context, Decision and Consequences', (_, record) => {
    expect(record.title).not.toBe('');
    expect(record.status).toMatch(/^(Proposed|Accepted|Superseded by \d{4}|Deprecated)$/);
    expect(record.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(record.date!))).toBe(false);
    expect(record.sections).toEqual(['Context', 'Decision', 'Consequences']);
  });

  it.each(records.map((r) => [r.file, r] as const))('%s cites nothing outside the repository', (_, record) => {
    expect(record.text).not.toMatch(/DESIGN\.md|\bDESIGN\b/);
    expect(record.text).not.toContain('../');
  });

  it('are all in decisions/README.md with their title, status and date', () => {
    const index = readFileSync(join(DECISIONS, 'README.md'), 'utf8');
    const rows = [...index.matchAll(/^\| \[(\d{4})\]\(([^)]+)\) \| (.+) \| (.+) \| (.+) \|$/gm)].map((m) => m.slice(1, 6));
    expect(rows).toEqual(records.map((r) => [r.number, r.file, r.title, r.status, r.date]));
  });
});
