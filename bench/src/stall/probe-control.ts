/**
 * Starting and stopping the stall probe worker (`probe.ts`) from the main thread: used by the
 * stall benchmark and by the server benchmark (the probe beside a pymilvus workload).
 *
 * @packageDocumentation
 */
import { Worker } from 'node:worker_threads';
import type { ProbeInput, ProbeResult } from './samples.js';

/** Starts the probe worker; resolves once it is connected and warm (50 GetVersion calls). */
export async function startProbe(input: ProbeInput): Promise<Worker> {
  const worker = new Worker(new URL('./probe.js', import.meta.url), { workerData: input });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`probe worker exited with ${code} before it was ready`)));
  });
  return worker;
}

/** `p`'s value, or undefined if it has not settled within `ms`. */
export async function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const value = await Promise.race([p, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
  clearTimeout(timer);
  return value;
}

/**
 * Stops the probe worker and collects its samples once its in-flight probes are answered. If
 * they are not within `waitMs`, `kill` is called (killing the server ends them; `killed` is then
 * true) and the samples are collected after it; `samples` is unset if the worker still does not
 * answer within 10 s.
 */
export async function stopProbe(worker: Worker, waitMs: number, kill: () => Promise<void>): Promise<{ samples?: ProbeResult; killed: boolean }> {
  const result = new Promise<ProbeResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  worker.postMessage('stop');
  let samples = await within(result, waitMs);
  const killed = samples === undefined;
  if (killed) {
    await kill();
    samples = await within(result, 10_000);
  }
  await worker.terminate();
  return { ...(samples ? { samples } : {}), killed };
}
