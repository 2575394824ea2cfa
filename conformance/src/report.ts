import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from './replay.js';
import type { BlockResult } from './runners/node.js';

/** The one-line summary: `N passed, N failed, N doc errors, N not applicable`. */
export function summaryLine(report: Report): string {
  const s = report.summary;
  return `${s.pass} passed, ${s.fail} failed, ${s.docError} doc errors, ${s.notApplicable} not applicable`;
}

/** Counts per client or runner (`-` for blocks no runner ran): `{ mvkit: { pass: 7, … }, curl: … }`. */
export function summaryByClient(report: Report): Record<string, Record<BlockResult['outcome'], number>> {
  const out: Record<string, Record<BlockResult['outcome'], number>> = {};
  for (const r of report.results) {
    const c = (out[r.client] ??= { pass: 0, fail: 0, 'n/a': 0, 'doc-error': 0 });
    c[r.outcome]++;
  }
  return out;
}

/** One line per client or runner: `curl: 8 passed, 0 failed, 1 doc errors, 0 not applicable`. */
export function clientLines(report: Report): string[] {
  return Object.entries(summaryByClient(report)).map(([client, c]) => `${client}: ${c.pass} passed, ${c.fail} failed, ${c['doc-error']} doc errors, ${c['n/a']} not applicable`);
}

/** A result's detail with the rewrites made to its block. */
const detailOf = (r: BlockResult) => (r.rewrites?.length ? `${r.detail} [rewrote ${r.rewrites.join('; ')}]` : r.detail);

/** The result table as aligned text: page, block, client, outcome, detail. */
export function textTable(report: Report): string {
  const rows = [['page', 'block', 'client', 'outcome', 'detail'], ...report.results.map((r) => [r.page, `${r.language}#${r.block}`, r.client, r.outcome, detailOf(r)])];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]!) : cell)).join('  ')).join('\n');
}

/** The report as Markdown: target, clients, summary, the table, known divergences. */
export function markdown(report: Report): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    '# Conformance report',
    '',
    `Target: ${report.target}`,
    '',
    `Clients: ${Object.entries(report.clients).map(([k, v]) => `${k} = \`${v}\``).join(', ')}`,
    '',
    `**${summaryLine(report)}**`,
    '',
    ...clientLines(report).map((l) => `- ${l}`),
    '',
    ...(report.endpoints ? [`cURL endpoints: RESTful v2 ${report.endpoints.rest}, legacy ${report.endpoints.legacy ?? 'none'}`, ''] : []),
    '| page | block | client | outcome | detail |',
    '| --- | --- | --- | --- | --- |',
    ...report.results.map((r) => `| ${r.page} | ${r.language}#${r.block} | ${r.client} | ${r.outcome} | ${esc(detailOf(r))} |`),
    '',
    '## Known divergences of the reference server',
    '',
    ...(report.knownDivergences.length
      ? report.knownDivergences.map((d) => `- **${d.area}**: ${d.behaviour} — ${d.reason}`)
      : ['None recorded.']),
    '',
  ];
  return lines.join('\n');
}

/** Writes `report.json` and `report.md` into `dir` (created if needed); returns their paths. */
export function writeReport(report: Report, dir: string): { json: string; markdown: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'report.json');
  const md = join(dir, 'report.md');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(md, markdown(report));
  return { json, markdown: md };
}
