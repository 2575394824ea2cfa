#!/usr/bin/env node
/**
 * `mvkit-conformance replay [--target embedded|milvus|both] [--uri URI] [--token T] [--legacy-uri URI] [--no-curl] [--no-java] [--no-python] [--no-go] [--no-milvus-cli] [--client mvkit|official|both] [--page NAME] [--out DIR]`:
 * replays the documentation corpus (each page under the profile of its era, `docs/profiles.json`, and
 * the pages' Constraints sections, `docs/constraints.json`), prints the table and a summary line, writes JSON and
 * Markdown reports, and exits 1 if any block failed.
 *
 * @packageDocumentation
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { replay, type ClientChoice } from './replay.js';
import { clientLines, comparisonLine, profilesLine, sideBySide, sideBySideMarkdown, summaryLine, textTable, writeReport } from './report.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('mvkit-conformance')
  .description('Replay Milvus documentation examples against a Milvus server')
  .version(version)
  .showHelpAfterError()
  .addHelpText('after', '\nExit codes: 0 when no block failed; 1 when a block failed (an unreachable target, or one refusing the token, fails every block and still writes the report) or the replay could not run (the reason on stderr).');

program
  .command('replay')
  .description('run every documented example and report pass / fail / n/a per block and client')
  .addOption(new Option('--target <target>', 'embedded: the reference server (or --uri); milvus: a real Milvus 2.3.5 installed into conformance/.cache on first use and started for the run; both: each of them, with a side-by-side report').choices(['embedded', 'milvus', 'both']).default('embedded'))
  .option('--uri <uri>', 'a Milvus to test instead of the embedded reference server (e.g. http://localhost:19530)')
  .option('--token <token>', 'token or user:password for --uri')
  .option('--legacy-uri <uri>', 'the legacy /api/v1 HTTP API of --uri (default: the same host, port 9091)')
  .option('--no-curl', 'skip the cURL blocks (curl and REST transport runners)')
  .option('--no-java', 'skip the Java blocks (java-sdk runner: official Milvus Java SDK, needs a JDK and Maven); reported as n/a')
  .option('--no-python', 'skip the Python blocks (pymilvus runner; reported n/a "skipped by --no-python")')
  .option('--no-go', 'skip the Go blocks (go-sdk runner: official Milvus Go SDK, needs Go; reported n/a "skipped by --no-go")')
  .option('--no-milvus-cli', 'skip the shell blocks (milvus_cli runner: the pinned milvus-cli from PyPI; reported n/a "skipped by --no-milvus-cli")')
  .addOption(new Option('--client <client>', 'Node client(s) to run').choices(['mvkit', 'official', 'both']).default('both'))
  .option('--page <name>', 'only this page (file name in conformance/docs)')
  .option('--out <dir>', 'where to write report.json and report.md', fileURLToPath(new URL('../reports/', import.meta.url)))
  .action(async (opts: { target: 'embedded' | 'milvus' | 'both'; uri?: string; token?: string; legacyUri?: string; curl: boolean; java: boolean; python: boolean; go: boolean; milvusCli: boolean; client: ClientChoice; page?: string; out: string }) => {
    const targets = opts.target === 'both' ? (['embedded', 'milvus'] as const) : [opts.target];
    const reports = [];
    for (const target of targets) {
      const report = await replay({
        target,
        ...(opts.uri ? { uri: opts.uri } : {}),
        ...(opts.token ? { token: opts.token } : {}),
        ...(opts.legacyUri ? { legacyUri: opts.legacyUri } : {}),
        curl: opts.curl,
        java: opts.java,
        python: opts.python,
        go: opts.go,
        milvusCli: opts.milvusCli,
        client: opts.client,
        ...(opts.page ? { page: opts.page } : {}),
        // A line per block as each page finishes.
        onResults: (results) => {
          for (const r of results) console.log(`${r.page} ${r.language}#${r.block} ${r.client}: ${r.outcome}`);
        },
      });
      console.log(`Target: ${report.target}`);
      console.log(`Clients: ${Object.entries(report.clients).map(([k, v]) => `${k}=${v}`).join(', ')}`);
      console.log(`${profilesLine(report)}\n`);
      console.log(textTable(report));
      const paths = writeReport(report, targets.length > 1 ? join(opts.out, target) : opts.out);
      console.log(`\nReports: ${paths.json}, ${paths.markdown}`);
      for (const line of clientLines(report)) console.log(line);
      console.log(summaryLine(report));
      reports.push(report);
    }
    if (reports.length === 2) {
      const comparison = sideBySide(reports[0]!, reports[1]!);
      const file = join(opts.out, 'side-by-side.md');
      mkdirSync(opts.out, { recursive: true });
      writeFileSync(file, sideBySideMarkdown(comparison));
      console.log(`\nSide by side: ${file}`);
      console.log(comparisonLine(comparison));
    }
    process.exitCode = reports.some((r) => r.summary.fail > 0) ? 1 : 0;
  });

program.parseAsync().catch((e: unknown) => {
  console.error(`mvkit-conformance: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
