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

/** The era a page was replayed under, or `-` when the report has none for it. */
const profileOf = (report: Report, page: string) => report.profiles[page] ?? '-';

/** `Profiles: create_drop_collection_python.md 1.x, drop_partition.md 2.2, …`: each page's era. */
export function profilesLine(report: Report): string {
  return `Profiles: ${Object.entries(report.profiles).map(([page, profile]) => `${page} ${profile}`).join(', ')}`;
}

/** The result table as aligned text: page, profile, block, client, outcome, detail. */
export function textTable(report: Report): string {
  const rows = [['page', 'profile', 'block', 'client', 'outcome', 'detail'], ...report.results.map((r) => [r.page, profileOf(report, r.page), `${r.language}#${r.block}`, r.client, r.outcome, detailOf(r)])];
  const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < 5 ? cell.padEnd(widths[c]!) : cell)).join('  ')).join('\n');
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
    profilesLine(report),
    '',
    ...Object.entries(report.endpoints).map(([page, e]) => `cURL endpoints of ${page}: RESTful v2 ${e.rest}, legacy ${e.legacy ?? 'none'}`),
    '',
    '| page | profile | block | client | outcome | detail |',
    '| --- | --- | --- | --- | --- | --- |',
    ...report.results.map((r) => `| ${r.page} | ${profileOf(report, r.page)} | ${r.language}#${r.block} | ${r.client} | ${r.outcome} | ${esc(detailOf(r))} |`),
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

/** One block and client on two targets, and why they differ (undefined when they agree). */
export interface SideBySideRow {
  page: string;
  block: string;
  client: string;
  embedded?: BlockResult;
  real?: BlockResult;
  /** Why the outcomes differ: a known class of difference, or `unexplained: …`. */
  explanation?: string;
}

/** The rows of {@link sideBySide} and the counts per explanation. */
export interface SideBySide {
  embeddedTarget: string;
  realTarget: string;
  rows: SideBySideRow[];
}

/**
 * Why a block's outcome on the real Milvus differs from the reference server's, when a known
 * class of difference accounts for it; kept as data, each rule with its reason.
 */
export const DIFFERENCE_CLASSES: readonly { name: string; applies: (embedded: BlockResult | undefined, real: BlockResult) => boolean }[] = [
  {
    name: 'era: Milvus 2.3 has no RESTful v2 API (/v2/vectordb answers 404); the reference server is 2.5',
    applies: (_, real) => real.language === 'bash' && real.outcome === 'fail' && /\b404\b/.test(real.detail),
  },
  {
    name: "era: the page's constraint is a rule of another Milvus release (the 2.0–2.2 load model), replayed on the reference server under that release's profile; a real Milvus 2.3 loads partitions incrementally",
    applies: (embedded, real) => real.language === 'constraint' && real.outcome === 'n/a' && /^target is Milvus \S+, the constraint is (\S+)'s/.test(real.detail) && embedded?.outcome === 'pass',
  },
  {
    name: 'era: Milvus 2.x does not serve the Milvus 1.x protocol (gRPC `unknown service milvus.grpc.MilvusService`) that pymilvus 1.x speaks; the reference server serves it beside the v2 service',
    applies: (embedded, real) => real.outcome === 'fail' && /unknown service milvus\.grpc\.MilvusService/.test(real.detail) && embedded?.outcome === 'pass',
  },
];

/** Pairs two reports block by block and client by client and explains each difference. */
export function sideBySide(embedded: Report, real: Report): SideBySide {
  const key = (r: BlockResult) => `${r.page}\u0000${r.language}#${r.block}\u0000${r.client}`;
  const rows = new Map<string, SideBySideRow>();
  const row = (r: BlockResult) => rows.get(key(r)) ?? rows.set(key(r), { page: r.page, block: `${r.language}#${r.block}`, client: r.client }).get(key(r))!;
  for (const r of embedded.results) row(r).embedded = r;
  for (const r of real.results) row(r).real = r;
  for (const r of rows.values()) {
    if (r.embedded?.outcome === r.real?.outcome) continue;
    const cls = r.real && DIFFERENCE_CLASSES.find((c) => c.applies(r.embedded, r.real!));
    r.explanation = cls ? cls.name : `unexplained: real ${r.real?.outcome ?? 'not run'}${r.real ? ` (${r.real.detail})` : ''}, embedded ${r.embedded?.outcome ?? 'not run'}${r.embedded ? ` (${r.embedded.detail})` : ''}`;
  }
  return { embeddedTarget: embedded.target, realTarget: real.target, rows: [...rows.values()] };
}

/** `N blocks agree, N differ (N explained, N unexplained); real: N passed, embedded: N passed`. */
export function comparisonLine(c: SideBySide): string {
  const differ = c.rows.filter((r) => r.explanation);
  const unexplained = differ.filter((r) => r.explanation!.startsWith('unexplained'));
  const passed = (side: 'embedded' | 'real') => c.rows.filter((r) => r[side]?.outcome === 'pass').length;
  return `${c.rows.length - differ.length} agree, ${differ.length} differ (${differ.length - unexplained.length} explained, ${unexplained.length} unexplained); passed on the real Milvus ${passed('real')}, on the reference server ${passed('embedded')}`;
}

/** The side-by-side comparison as Markdown. */
export function sideBySideMarkdown(c: SideBySide): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    '# Conformance side by side',
    '',
    `- reference server: ${c.embeddedTarget}`,
    `- real Milvus: ${c.realTarget}`,
    '',
    `**${comparisonLine(c)}**`,
    '',
    '| page | block | client | reference server | real Milvus | why they differ |',
    '| --- | --- | --- | --- | --- | --- |',
    ...c.rows.map((r) => `| ${r.page} | ${r.block} | ${r.client} | ${r.embedded?.outcome ?? '-'} | ${r.real?.outcome ?? '-'} | ${esc(r.explanation ?? '')} |`),
    '',
  ].join('\n');
}
