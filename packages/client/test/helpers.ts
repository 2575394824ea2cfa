import type { RunningServer } from '@mvkit/server';
import { expect } from 'vitest';
import { MilvusClient, MilvusError, type MilvusClientOptions } from '../src/index.js';

/** The transports the client test matrix runs over. */
export const TRANSPORTS = ['grpc', 'rest'] as const;
export type TransportKind = (typeof TRANSPORTS)[number];

/**
 * A client of `server` over `kind`: gRPC to `host:port`, or RESTful v2 over real HTTP (undici
 * keep-alive pool) to the server's `restUrl` (`http://host:port`, the same port).
 */
export function clientFor(kind: TransportKind, server: RunningServer, options: Partial<MilvusClientOptions> = {}): MilvusClient {
  return new MilvusClient({ address: kind === 'grpc' ? server.address : server.restUrl, transport: kind, ...options });
}

/**
 * The value expected over `kind` where RESTful v2 does not carry what the gRPC answer has: both
 * values are written in the test, so the difference is stated, never skipped.
 */
export function per<T>(kind: TransportKind, expected: { grpc: T; rest: T }): T {
  return expected[kind];
}

/** Awaits a rejection and checks it is a {@link MilvusError}. */
export async function rejection(p: Promise<unknown>): Promise<MilvusError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(MilvusError.is(e), `expected a MilvusError, got ${String(e)}`).toBe(true);
  return e as MilvusError;
}
