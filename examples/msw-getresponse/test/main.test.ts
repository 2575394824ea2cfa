import { expect, it } from 'vitest';
import { run } from '../src/main.js';

it('runs the partition example over REST, served by msw getResponse', async () => {
  const lines: string[] = [];
  await run((l) => lines.push(l));
  expect(lines).toEqual([
    'partitions: _default, partitionA',
    'partitionA: LoadStateLoaded',
    'drop refused: code 65535: partition cannot be dropped, partition is loaded, please release it first',
    'after drop: _default',
  ]);
});
