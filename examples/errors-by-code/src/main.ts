/**
 * Example: handle Milvus failures by their code. @mvkit/client throws every failure as a
 * `MilvusError` (never a returned failed status) with Milvus's merr `code`, the legacy
 * `errorCode`, the server's `reason` and `retriable` (whether the same call may succeed later).
 * Branch on `code`, compared with the `Merr` catalogue of `@mvkit/core` (re-exported by the client):
 *
 * - 100 collection not found: create it (or report the typo);
 * - 1100 invalid parameter: a bug in the request, never worth a retry;
 * - 2 service unavailable (`MilvusConnectionError`, retriable): the server is not there; the
 *   client already retried idempotent calls `maxRetries` times.
 *
 * The answers come from an embedded reference server, which answers as Milvus 2.5 does; point
 * `address` at a real Milvus and the same code runs there. Exits non-zero (an AssertionError)
 * when an error is not the one Milvus gives.
 */
import assert from 'node:assert/strict';
import { Merr, MilvusClient, MilvusConnectionError, MilvusError } from '@mvkit/client';
import { startServer } from '@mvkit/server';

/** What the application does with a failure, chosen by its Milvus code. */
function handle(e: unknown): string {
  if (!(e instanceof MilvusError)) throw e;
  switch (e.code) {
    case Merr.CollectionNotFound.code:
      return `collection not found (${e.code}, retriable ${e.retriable}), create it first: ${e.reason}`;
    case Merr.ParameterInvalid.code:
      return `invalid request (${e.code}, retriable ${e.retriable}), fix the call: ${e.reason}`;
    case Merr.ServiceUnavailable.code:
      return `${e.name} (${e.code}, retriable ${e.retriable}), try again later`;
    default:
      return `${e.retriable ? 'retriable' : 'permanent'} failure (${e.code}): ${e.reason}`;
  }
}

/** Runs `call`, which must fail; returns the failure. */
async function failure(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (e) {
    return e;
  }
  throw new assert.AssertionError({ message: 'the call succeeded' });
}

/** Runs the example; `log` receives what it prints. */
export async function run(log: (line: string) => void = console.log): Promise<void> {
  const server = await startServer({ port: 0 });
  const client = new MilvusClient({ address: server.address });
  try {
    // 100: a collection that does not exist.
    const missing = await failure(() => client.describeCollection({ collection_name: 'no_such_books' }));
    assert.ok(missing instanceof MilvusError);
    assert.equal(missing.code, 100);
    assert.equal(missing.retriable, false);
    log(handle(missing));

    // 1100: a collection name Milvus refuses.
    const badName = await failure(() => client.createCollection({ collection_name: '1books', dimension: 4 }));
    assert.ok(badName instanceof MilvusError);
    assert.equal(badName.code, 1100);
    assert.equal(badName.retriable, false);
    log(handle(badName));

    // 2: nothing listens any more (the server is closed); one attempt only (maxRetries 0).
    await server.close();
    const down = await failure(() => client.hasCollection({ collection_name: 'books' }, { maxRetries: 0 }));
    assert.ok(down instanceof MilvusConnectionError);
    assert.equal(down.code, 2);
    assert.equal(down.retriable, true);
    log(handle(down));
  } finally {
    await client.close();
    await server.close(); // idempotent
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
