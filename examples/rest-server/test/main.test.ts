import { expect, it } from 'vitest';
import { run } from '../src/main.js';

it('runs the RESTful v2 example against the server it starts', async () => {
  const lines: string[] = [];
  await run((l) => lines.push(l));
  expect(lines).toEqual(['inserted: 3', 'search: 1 novel 1.000, 3 novel 0.994', 'query: [{"genre":"poetry","id":"2"}]', 'count novel: 2']);
});
