/**
 * `mvkit` command line (`mvkit --version`, `mvkit --help`): `mvkit serve [--host H] [--port P] [--profile 2.2|2.3|2.5] [--legacy-http-port P] [--log-level L] [--auth user:password] [--segment-max-rows N] [--query-nodes N] [--import-dir DIR]
 * [--tls-cert FILE --tls-key FILE [--tls-ca FILE]] [--reset-route]` starts the reference server (gRPC and REST on one port; TLS with
 * `--tls-cert`/`--tls-key`, mutual TLS with `--tls-ca` as Milvus `tlsMode` 1/2), prints `mvkit listening on <host:port>`
 * once it accepts calls (`--profile` picks the Milvus release whose rules it follows, see the engine's `profiles.ts`;
 * an unknown one is refused with the list of valid ones), and shuts down on SIGINT/SIGTERM within a drain deadline (see
 * `shutdown.ts`).
 *
 * @packageDocumentation
 */
import { readFileSync, statSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { Command, InvalidArgumentError, Option } from 'commander';
// Inlined by the bundle (scripts/bundle.mjs), so that `mvkit --version` needs no file beside it.
import manifest from '../package.json' with { type: 'json' };
import { DEFAULT_PROFILE, PROFILE_NAMES, type ProfileName } from './engine/profiles.js';
import { LOG_LEVELS, type LogLevel } from './logger.js';
import { startServer } from './server.js';
import { closeOnSignals } from './shutdown.js';

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('must be an integer from 0 to 65535');
  return port;
}

function credential(value: string, previous: [string, string][]): [string, string][] {
  const colon = value.indexOf(':');
  if (colon <= 0) throw new InvalidArgumentError('expected user:password');
  return [...previous, [value.slice(0, colon), value.slice(colon + 1)]];
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/** A directory named on the command line (`--import-dir`), as given. */
function directory(path: string): string {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (e) {
    throw new InvalidArgumentError(`cannot read it: ${(e as Error).message}`);
  }
  if (!isDirectory) throw new InvalidArgumentError('not a directory');
  return path;
}

/** The contents of a PEM file named on the command line. */
function pemFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InvalidArgumentError(`cannot read it: ${(e as Error).message}`);
  }
}

const program = new Command('mvkit')
  .description('In-memory, wire-compatible Milvus reference server: the Milvus gRPC API and RESTful v2 (/v2/vectordb/...) on the same port, as Milvus 2.4+')
  .version(manifest.version)
  .showHelpAfterError()
  .addHelpText('after', '\nExample:\n  npx @mvkit/server serve --port 19530   # gRPC and RESTful v2 on 127.0.0.1:19530');

program
  .command('serve')
  .description('serve the Milvus gRPC API and RESTful v2 (same port) from an in-memory engine')
  .option('--host <host>', 'interface to bind', '127.0.0.1')
  .option('--port <port>', 'port (0 = any free port)', portNumber, 19530)
  .addOption(new Option('--profile <version>', 'Milvus release whose behaviour to follow (2.2: the 2.0–2.2 load rules and legacy status codes; 2.3: Milvus 2.3.5\'s answers; 2.5: current)').choices(PROFILE_NAMES).default(DEFAULT_PROFILE))
  .addOption(new Option('--log-level <level>', 'log level (debug: every gRPC call and REST request)').choices(LOG_LEVELS).default('warn'))
  .option('--legacy-http-port <port>', 'also serve the legacy /api/v1 HTTP API on this port (Milvus: 9091)', portNumber)
  .option('--auth <user:password...>', 'require credentials (Milvus authorizationEnabled); repeat for several users', credential, [])
  .option('--segment-max-rows <rows>', 'rows at which a growing segment is sealed and indexed', positiveInt, 10_000)
  .option('--query-nodes <n>', 'query nodes to simulate (IDs 1..N in __default_resource_group); replicas need one node each', positiveInt, 1)
  .option('--import-dir <dir>', 'directory bulk import reads files from (paths in import requests are relative to it)', directory)
  .option('--tls-cert <file>', 'serve over TLS with this PEM certificate chain (Milvus tls.serverPemPath; needs --tls-key)', pemFile)
  .option('--tls-key <file>', 'PEM private key of --tls-cert (Milvus tls.serverKeyPath)', pemFile)
  .option('--reset-route', 'also serve POST /_mvkit/reset (not a Milvus route): drops everything back to the start, for test suites sharing one server (root only with --auth)')
  .option('--tls-ca <file>', 'require client certificates signed by this PEM CA: mutual TLS (Milvus tls.caPemPath, tlsMode 2)', pemFile)
  .action(async (opts: { host: string; port: number; profile: ProfileName; legacyHttpPort?: number; logLevel: LogLevel; auth: [string, string][]; segmentMaxRows: number; queryNodes: number; importDir?: string; tlsCert?: Buffer; tlsKey?: Buffer; tlsCa?: Buffer; resetRoute?: boolean }) => {
    const auth = opts.auth.length ? { auth: { users: Object.fromEntries(opts.auth) } } : {};
    const legacy = opts.legacyHttpPort !== undefined ? { legacyHttpPort: opts.legacyHttpPort } : {};
    if ((opts.tlsCert === undefined) !== (opts.tlsKey === undefined) || (opts.tlsCa && !opts.tlsCert)) throw new Error('--tls-cert and --tls-key go together (and --tls-ca needs both)');
    const tls = opts.tlsCert && opts.tlsKey ? { cert: opts.tlsCert, key: opts.tlsKey, ...(opts.tlsCa ? { ca: opts.tlsCa } : {}) } : undefined;
    const options = { host: opts.host, port: opts.port, profile: opts.profile, logLevel: opts.logLevel, segmentMaxRows: opts.segmentMaxRows, queryNodes: opts.queryNodes, ...(opts.importDir !== undefined ? { importDir: opts.importDir } : {}), ...(opts.resetRoute ? { resetRoute: true } : {}), ...auth, ...legacy, ...(tls ? { tls } : {}) };
    const server = await startServer(options);
    closeOnSignals(server);
    process.stdout.write(`mvkit listening on ${server.address}${!tls ? '' : tls.ca ? ' (mutual TLS)' : ' (TLS)'}\n`);
    if (server.legacyUrl) process.stdout.write(`mvkit legacy HTTP API on ${server.legacyUrl}\n`);
  });

// The decode and index worker threads run this bundle too (as their module); they serve their role instead.
if (isMainThread) {
  program.parseAsync().catch((e: unknown) => {
    process.stderr.write(`mvkit: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
