import { expect, it } from 'vitest';
import { run } from '../src/main.js';

it('fails calls to a server that never answers at their deadline or abort, with the typed errors', async () => {
  const lines: string[] = [];
  await run((l) => lines.push(l));
  expect(lines).toEqual([
    'default deadline: 15000 ms',
    ...['grpc', 'rest'].flatMap((transport) => [
      `${transport}: client timeout 1000 ms -> MilvusTimeoutError 10001, retriable true`,
      `${transport}: call timeout 100 ms -> MilvusTimeoutError 10001`,
      `${transport}: aborted after 50 ms -> MilvusAbortError 10000, retriable false`,
      `${transport}: already aborted -> MilvusAbortError 10000`,
    ]),
  ]);
});
