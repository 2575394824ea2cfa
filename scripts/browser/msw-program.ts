/**
 * Browser program (b): `@mvkit/msw`'s handlers in msw's browser worker (`setupWorker` from
 * `msw/browser`, the service worker `mockServiceWorker.js` served at the page's origin), and
 * `@mvkit/client` over RESTful v2 calling {@link MSW_ADDRESS}, a host that does not resolve: every
 * call is answered in the page by the `@mvkit/server` engine, no server involved. Bundled for
 * browsers by `scripts/test/browser.test.ts`.
 */
import { MilvusClient } from '@mvkit/client';
import { createMilvusHandlers } from '@mvkit/msw';
import { setupWorker } from 'msw/browser';
import { exercise, type ExerciseResult } from './exercise.js';

/** The Milvus address the worker's handlers answer for (`.invalid` never resolves, RFC 2606). */
export const MSW_ADDRESS = 'http://milvus.invalid:19530';

/**
 * Starts the worker (unhandled requests fail the program), runs {@link exercise} through it, and
 * stops it.
 */
export async function run(): Promise<ExerciseResult> {
  const worker = setupWorker(...createMilvusHandlers({ baseUrl: MSW_ADDRESS }));
  await worker.start({ quiet: true, onUnhandledRequest: 'error', serviceWorker: { url: '/mockServiceWorker.js' } });
  const client = new MilvusClient({ address: MSW_ADDRESS, transport: 'rest' });
  try {
    return await exercise(client, 'browser_msw');
  } finally {
    await client.close();
    worker.stop();
  }
}
