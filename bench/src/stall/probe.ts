/**
 * Probe worker of the stall benchmark: in its own thread (so neither the server nor the load
 * client's work delays its timers), it sends a GetVersion over gRPC (`@mvkit/client`) every
 * `intervalMs`, open-loop: a probe leaves on schedule even while earlier ones are still waiting,
 * so a stall of S ms shows as about S/interval slow samples, not one.
 *
 * Protocol: posts `'ready'` after connecting and 50 warm-up calls, then probes until it receives
 * any message; then waits for the probes in flight and posts a {@link ProbeResult}.
 *
 * @packageDocumentation
 */
import { parentPort, workerData } from 'node:worker_threads';
import { MilvusClient } from '@mvkit/client';
import { now, type ProbeInput, type ProbeResult } from './samples.js';

const { address, intervalMs } = workerData as ProbeInput;
const client = new MilvusClient({ address });
for (let i = 0; i < 50; i++) await client.getVersion();

const result: ProbeResult = { starts: [], latencies: [], errors: 0 };
const inFlight = new Set<Promise<void>>();
const probe = (): void => {
  const start = now();
  const p: Promise<void> = client
    .getVersion()
    .then(
      () => undefined,
      (e: unknown) => {
        result.errors++;
        result.firstError ??= e instanceof Error ? e.message : String(e);
      },
    )
    .then(() => {
      result.starts.push(start);
      result.latencies.push(now() - start);
      inFlight.delete(p);
    });
  inFlight.add(p);
};
const timer = setInterval(probe, intervalMs);
parentPort!.postMessage('ready');
parentPort!.once('message', async () => {
  clearInterval(timer);
  await Promise.all(inFlight);
  parentPort!.postMessage(result);
  await client.close();
});
