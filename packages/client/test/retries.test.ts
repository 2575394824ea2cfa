import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_RETRIES,
  MilvusAbortError,
  MilvusClient,
  MilvusConnectionError,
  MilvusError,
  MilvusTimeoutError,
  OPERATIONS,
  type CallOptions,
  type OperationName,
  type Transport,
} from '../src/index.js';
import { rejection } from './helpers.js';

interface Attempt {
  op: OperationName;
  at: number;
  timeout: number | undefined;
}

/**
 * A transport that answers each call with `answer(op, attemptIndex)`: an error to throw or a
 * result to return. It records every attempt (operation, time, the timeout it was given).
 */
function scriptedTransport(answer: (op: OperationName, n: number) => unknown) {
  const attempts: Attempt[] = [];
  const transport: Transport = {
    kind: 'scripted',
    async connect() {},
    async close() {},
    async call(op: OperationName, _request: unknown, options: CallOptions = {}) {
      const n = attempts.filter((a) => a.op === op).length;
      attempts.push({ op, at: performance.now(), timeout: options.timeout });
      const outcome = answer(op, n);
      if (outcome instanceof Error) throw outcome;
      return outcome as never;
    },
  };
  return { transport, attempts, gaps: (op: OperationName) => attempts.filter((a) => a.op === op).map((a, i, all) => (i === 0 ? 0 : a.at - all[i - 1]!.at)).slice(1) };
}

const refused = () => new MilvusConnectionError('service unavailable: connect ECONNREFUSED 127.0.0.1:1', { origin: 'grpc', transportStatus: 14 });
const ok = { status: { code: 0 }, value: true };
const book = { collection_name: 'book' };

describe('MilvusClient retries', () => {
  it('retries an idempotent call on a connection error with backoff growing as base·2^n (random = 1), then succeeds', async () => {
    const t = scriptedTransport((_op, n) => (n < 2 ? refused() : ok));
    const client = new MilvusClient({ address: 'x', transport: t.transport, retryBackoff: { baseDelay: 60, maxDelay: 1000, random: () => 1 } });
    expect(await client.hasCollection(book)).toEqual(ok);
    expect(t.attempts.map((a) => a.op)).toEqual(['hasCollection', 'hasCollection', 'hasCollection']);
    const [first, second] = t.gaps('hasCollection');
    expect(first).toBeGreaterThanOrEqual(59);
    expect(first).toBeLessThan(60 + 40);
    expect(second).toBeGreaterThanOrEqual(119);
    expect(second).toBeLessThan(120 + 40);
    // Each attempt gets the time left of the one 15 s default deadline.
    for (const a of t.attempts) expect(a.timeout).toBeLessThanOrEqual(15_000);
    expect(t.attempts[2]!.timeout).toBeLessThan(t.attempts[0]!.timeout! - 170);
  });

  it('jitters each delay to random() times its cap, the cap doubling up to maxDelay', async () => {
    const draws = [0.5, 0.25, 1, 0.75, 0.1];
    let i = 0;
    const t = scriptedTransport(() => refused());
    const client = new MilvusClient({ address: 'x', transport: t.transport, maxRetries: 5, retryBackoff: { baseDelay: 40, maxDelay: 200, random: () => draws[i++]! } });
    const e = await rejection(client.describeCollection(book));
    expect(e).toBeInstanceOf(MilvusConnectionError);
    expect(t.attempts).toHaveLength(6);
    const caps = [40, 80, 160, 200, 200];
    const gaps = t.gaps('describeCollection');
    gaps.forEach((gap, k) => {
      const expected = draws[k]! * caps[k]!;
      expect(gap).toBeGreaterThanOrEqual(expected - 1);
      expect(gap).toBeLessThan(expected + 40);
    });
  });

  it('with the default Math.random keeps every delay within [0, cap]', async () => {
    const t = scriptedTransport(() => refused());
    const client = new MilvusClient({ address: 'x', transport: t.transport, maxRetries: 6, retryBackoff: { baseDelay: 20, maxDelay: 80 } });
    await rejection(client.query({ ...book, filter: 'id > 0' }));
    expect(t.attempts).toHaveLength(7);
    const caps = [20, 40, 80, 80, 80, 80];
    t.gaps('query').forEach((gap, k) => {
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(caps[k]! + 40);
    });
  });

  it(`is bounded: ${DEFAULT_MAX_RETRIES} retries by default, the client's maxRetries, a per-call maxRetries (0: none)`, async () => {
    const fast = { baseDelay: 1, maxDelay: 1 };
    let t = scriptedTransport(() => refused());
    let client = new MilvusClient({ address: 'x', transport: t.transport, retryBackoff: fast });
    expect((await rejection(client.search({ ...book, data: [0.1, 0.2] }))).code).toBe(2);
    expect(t.attempts).toHaveLength(DEFAULT_MAX_RETRIES + 1);

    t = scriptedTransport(() => refused());
    client = new MilvusClient({ address: 'x', transport: t.transport, maxRetries: 4, retryBackoff: fast });
    await rejection(client.hasCollection(book));
    expect(t.attempts).toHaveLength(5);
    await rejection(client.hasCollection(book, { maxRetries: 0 }));
    expect(t.attempts).toHaveLength(6);
    await rejection(client.hasCollection(book, { maxRetries: 1 }));
    expect(t.attempts).toHaveLength(8);
  });

  it('never retries a non-idempotent operation (insert, createDatabase, compact, renameCollection)', async () => {
    const t = scriptedTransport(() => refused());
    const client = new MilvusClient({ address: 'x', transport: t.transport, maxRetries: 5, retryBackoff: { baseDelay: 1 } });
    await rejection(client.insert({ ...book, data: [{ id: 1 }] }));
    await rejection(client.createDatabase({ db_name: 'db1' }));
    await rejection(client.compact(book));
    await rejection(client.renameCollection({ collection_name: 'book', new_collection_name: 'novel' }));
    expect(t.attempts.map((a) => a.op)).toEqual(['insert', 'createDatabase', 'compact', 'renameCollection']);
    expect([OPERATIONS.insert.idempotent, OPERATIONS.upsert.idempotent, OPERATIONS.delete.idempotent, OPERATIONS.search.idempotent]).toEqual([false, true, true, true]);
  });

  it('retries a retriable Milvus status (8 rate limit) but not a non-retriable one (100) nor a timeout or an abort', async () => {
    const rateLimited = () => new MilvusError('rate limit exceeded[rate=1]', { code: 8, retriable: true });
    let t = scriptedTransport((_op, n) => (n === 0 ? rateLimited() : ok));
    const client = (tr: Transport) => new MilvusClient({ address: 'x', transport: tr, retryBackoff: { baseDelay: 1 } });
    expect(await client(t.transport).hasCollection(book)).toEqual(ok);
    expect(t.attempts).toHaveLength(2);

    for (const error of [
      new MilvusError("can't find collection[database=default][collection=book]", { code: 100 }),
      new MilvusTimeoutError('context deadline exceeded: Deadline exceeded', { origin: 'grpc', transportStatus: 4 }),
      new MilvusAbortError('context canceled: Cancelled on client', { origin: 'rest' }),
    ]) {
      t = scriptedTransport(() => error);
      expect(await rejection(client(t.transport).describeCollection(book))).toBe(error);
      expect(t.attempts).toHaveLength(1);
    }
  });

  it('stops at the call deadline: a retry that could not start before it is not made, the last error is thrown', async () => {
    const t = scriptedTransport(() => refused());
    const client = new MilvusClient({ address: 'x', transport: t.transport, retryBackoff: { baseDelay: 1000, random: () => 1 } });
    const start = performance.now();
    const e = await rejection(client.hasCollection(book, { timeout: 300 }));
    expect(e).toBeInstanceOf(MilvusConnectionError);
    expect(t.attempts).toHaveLength(1);
    expect(performance.now() - start).toBeLessThan(200);
  });

  it('an abort during the backoff ends the call at once with MilvusAbortError 10000', async () => {
    const t = scriptedTransport(() => refused());
    const client = new MilvusClient({ address: 'x', transport: t.transport, retryBackoff: { baseDelay: 5000, random: () => 1 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const start = performance.now();
    const e = await rejection(client.hasCollection(book, { signal: controller.signal, timeout: 0 }));
    const elapsed = performance.now() - start;
    expect(e).toBeInstanceOf(MilvusAbortError);
    expect([e.code, e.origin, e.retriable]).toEqual([10000, 'client', false]);
    expect(t.attempts).toHaveLength(1);
    expect(elapsed).toBeGreaterThanOrEqual(45);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('MilvusClient waiting for a load', () => {
  const loading = (progress: string) => scriptedTransport((op) => (op === 'getLoadingProgress' ? { status: {}, progress, refresh_progress: progress } : { code: 0 }));

  it('bounds the whole wait by the call timeout, not each poll', async () => {
    const t = loading('50');
    const client = new MilvusClient({ address: 'x', transport: t.transport, pollInterval: 20 });
    const start = performance.now();
    const e = await rejection(client.loadCollectionSync(book, { timeout: 400 }));
    const elapsed = performance.now() - start;
    expect(e).toBeInstanceOf(MilvusTimeoutError);
    expect([e.code, e.origin]).toEqual([10001, 'client']);
    expect(elapsed).toBeGreaterThanOrEqual(398);
    expect(elapsed).toBeLessThan(600);
    expect(t.attempts.filter((a) => a.op === 'getLoadingProgress').length).toBeGreaterThan(5);
    // Every poll got only the time left of the one deadline.
    for (const a of t.attempts) expect(a.timeout).toBeLessThanOrEqual(400);
  });

  it("bounds it by the client's timeout, and a request timeout as well (loadPartitionsSync, quick setup)", async () => {
    let t = loading('10');
    let client = new MilvusClient({ address: 'x', transport: t.transport, pollInterval: 20, timeout: 300 });
    let start = performance.now();
    expect((await rejection(client.loadPartitionsSync({ ...book, partition_names: ['p'] }))).code).toBe(10001);
    expect(performance.now() - start).toBeGreaterThanOrEqual(298);
    expect(performance.now() - start).toBeLessThan(500);

    t = loading('10');
    client = new MilvusClient({ address: 'x', transport: t.transport, pollInterval: 20 });
    start = performance.now();
    expect((await rejection(client.createCollection({ collection_name: 'quick', dimension: 4, timeout: 300 }))).code).toBe(10001);
    expect(performance.now() - start).toBeLessThan(500);
    expect(t.attempts.slice(0, 3).map((a) => a.op)).toEqual(['createCollection', 'createIndex', 'loadCollection']);
  });

  it('by default gives each RPC of the wait at most the 15 s per-call deadline, and the wait 5 minutes', async () => {
    const t = loading('100');
    const client = new MilvusClient({ address: 'x', transport: t.transport });
    await client.loadCollectionSync(book);
    for (const a of t.attempts) {
      expect(a.timeout).toBeLessThanOrEqual(15_000);
      expect(a.timeout).toBeGreaterThan(14_000);
    }
  });

  it("gives each RPC of a long wait the client's per-call timeout afresh, the wait the call's timeout", async () => {
    const start = performance.now();
    const t = scriptedTransport((op) =>
      op === 'getLoadingProgress' ? { status: {}, progress: performance.now() - start > 300 ? '100' : '40', refresh_progress: '0' } : { code: 0 },
    );
    const client = new MilvusClient({ address: 'x', transport: t.transport, pollInterval: 20, timeout: 100 });
    await client.loadCollectionSync(book, { timeout: 1000 });
    const polls = t.attempts.filter((a) => a.op === 'getLoadingProgress');
    expect(polls.at(-1)!.at - start).toBeGreaterThan(300);
    for (const a of t.attempts) {
      expect(a.timeout).toBeLessThanOrEqual(100);
      expect(a.timeout).toBeGreaterThan(80);
    }
  });

  it('an abort while polling ends the wait with MilvusAbortError', async () => {
    const t = loading('0');
    const client = new MilvusClient({ address: 'x', transport: t.transport, pollInterval: 1000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const e = await rejection(client.loadCollectionSync(book, { signal: controller.signal }));
    expect(e).toBeInstanceOf(MilvusAbortError);
    expect(e.code).toBe(10000);
  });

  it('timeout 0 and Infinity mean no deadline; a negative timeout is refused with 1100', async () => {
    const t = scriptedTransport(() => ok);
    const client = new MilvusClient({ address: 'x', transport: t.transport });
    await client.hasCollection(book, { timeout: 0 });
    await client.hasCollection(book, { timeout: Infinity });
    expect(t.attempts.map((a) => a.timeout)).toEqual([Infinity, Infinity]);
    const e = await rejection(client.hasCollection(book, { timeout: -1 }));
    expect([e.code, e.origin]).toEqual([1100, 'client']);
  });
});
