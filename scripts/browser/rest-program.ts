/**
 * Browser program (a): `@mvkit/client` over RESTful v2 against a real `mvkit serve`, whose address
 * (`http://host:port`, another origin than the page's, so the browser sends CORS preflights) the
 * page passes to {@link run}. Bundled for browsers by `scripts/test/browser.test.ts`.
 */
import { MilvusClient } from '@mvkit/client';
import { exercise, type ExerciseResult } from './exercise.js';

/** Runs {@link exercise} against the Milvus server at `address` and closes the client. */
export async function run(address: string): Promise<ExerciseResult> {
  const client = new MilvusClient({ address, transport: 'rest' });
  try {
    return await exercise(client, 'browser_rest');
  } finally {
    await client.close();
  }
}
