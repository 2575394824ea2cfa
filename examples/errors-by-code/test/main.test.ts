import { expect, it } from 'vitest';
import { run } from '../src/main.js';

it('branches on the Milvus code of each failure', async () => {
  const lines: string[] = [];
  await run((l) => lines.push(l));
  expect(lines).toEqual([
    "collection not found (100, retriable false), create it first: can't find collection[database=default][collection=no_such_books]",
    'invalid request (1100, retriable false), fix the call: Invalid collection name: 1books. the first character of a collection name must be an underscore or letter: invalid parameter',
    'MilvusConnectionError (2, retriable true), try again later',
  ]);
});
