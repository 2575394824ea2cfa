/**
 * `mvkit` command line: `mvkit serve [--host H] [--port P] [--legacy-http-port P] [--log-level L] [--auth user:password] [--segment-max-rows N]` starts the reference
 * server (gRPC and REST on one port), prints `mvkit listening on <host:port>` once it accepts calls, and shuts down cleanly on
 * SIGINT/SIGTERM.
 *
 * @packageDocumentation
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { LOG_LEVELS, type LogLevel } from './logger.js';
import { startServer } from './server.js';

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

const program = new Command('mvkit').description('In-memory, wire-compatible Milvus reference server').showHelpAfterError();

program
  .command('serve')
  .description('serve the Milvus gRPC API from an in-memory engine')
  .option('--host <host>', 'interface to bind', '127.0.0.1')
  .option('--port <port>', 'port (0 = any free port)', portNumber, 19530)
  .addOption(new Option('--log-level <level>', 'log level').choices(LOG_LEVELS).default('warn'))
  .option('--legacy-http-port <port>', 'also serve the legacy /api/v1 HTTP API on this port (Milvus: 9091)', portNumber)
  .option('--auth <user:password...>', 'require credentials (Milvus authorizationEnabled); repeat for several users', credential, [])
  .option('--segment-max-rows <rows>', 'rows at which a growing segment is sealed and indexed', positiveInt, 10_000)
  .action(async (opts: { host: string; port: number; legacyHttpPort?: number; logLevel: LogLevel; auth: [string, string][]; segmentMaxRows: number }) => {
    const auth = opts.auth.length ? { auth: { users: Object.fromEntries(opts.auth) } } : {};
    const legacy = opts.legacyHttpPort !== undefined ? { legacyHttpPort: opts.legacyHttpPort } : {};
    const server = await startServer({ host: opts.host, port: opts.port, logLevel: opts.logLevel, segmentMaxRows: opts.segmentMaxRows, ...auth, ...legacy });
    process.stdout.write(`mvkit listening on ${server.address}\n`);
    if (server.legacyUrl) process.stdout.write(`mvkit legacy HTTP API on ${server.legacyUrl}\n`);
    const stop = (signal: string) => {
      process.stderr.write(`mvkit: ${signal}, shutting down\n`);
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });

program.parseAsync().catch((e: unknown) => {
  process.stderr.write(`mvkit: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
