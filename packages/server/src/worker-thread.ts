/**
 * The part the server's worker threads share (the decode worker, the index worker): a thread
 * started on first use that runs a module of this package in a role, requests that carry an `id`,
 * and replies routed back by it. When the thread stops (closed, crashed, exited), every request
 * still waiting gets the reply the owner makes for that.
 *
 * @packageDocumentation
 */
import { isMainThread, Worker, workerData } from 'node:worker_threads';

/** Whether this thread is a worker started in `role` by a {@link WorkerThread}. */
export function isWorkerRole(role: string): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === role;
}

/** A worker thread running `moduleUrl` in `role`, started with the first request. */
export class WorkerThread<Request extends { id: number }, Reply extends { id: number }> {
  readonly #pending = new Map<number, (reply: Reply) => void>();
  #worker: Worker | undefined;
  #nextId = 1;

  /**
   * @param moduleUrl - the built module the thread runs (it serves requests when {@link isWorkerRole}).
   * @param role - `workerData.role` of the thread.
   * @param stopped - the reply a waiting request gets when the thread stops, given why.
   */
  constructor(
    private readonly moduleUrl: URL,
    private readonly role: string,
    private readonly stopped: (id: number, why: string) => Reply,
  ) {}

  /** A request id not used before. */
  nextId(): number {
    return this.#nextId++;
  }

  /**
   * Sends `request` (starting the thread if needed) and hands each reply with its id to `onReply`
   * until that returns true.
   * @param transfer - buffers to move to the thread instead of copying them.
   */
  ask(request: Request, onReply: (reply: Reply) => boolean, transfer: readonly ArrayBuffer[] = []): void {
    this.#pending.set(request.id, (reply) => {
      if (onReply(reply)) this.#pending.delete(request.id);
    });
    this.#start().postMessage(request, [...transfer]);
  }

  /** Sends a message that expects no new reply handler (e.g. "next batch", "release"); dropped when the thread is not running. */
  post(request: Request): void {
    this.#worker?.postMessage(request);
  }

  /** Whether the thread is running. */
  get running(): boolean {
    return this.#worker !== undefined;
  }

  /** Stops the thread; requests still waiting get their `stopped` reply. Idempotent. */
  async close(): Promise<void> {
    const w = this.#worker;
    this.#worker = undefined;
    await w?.terminate();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    // No inherited flags: the thread loads the built module as plain Node would (no source conditions).
    const w = new Worker(this.moduleUrl, { workerData: { role: this.role }, execArgv: [] });
    w.unref();
    w.on('message', (reply: Reply) => this.#pending.get(reply.id)?.(reply));
    const fail = (why: string) => {
      for (const [id, deliver] of [...this.#pending]) deliver(this.stopped(id, why));
      this.#pending.clear();
      if (this.#worker === w) this.#worker = undefined;
    };
    w.on('error', (e) => fail(e.message));
    w.on('exit', (code) => fail(`exit ${code}`));
    return (this.#worker = w);
  }
}
