import type { CallOptions, OperationName, OperationRequest, OperationResult, Transport } from '@mvkit/core';

/**
 * A transport loaded on first use: `MilvusClient({ transport: 'grpc' })` imports
 * `@mvkit/transport-grpc` (and grpc-js) only when the first call is made, so a program that
 * uses the REST transport never loads gRPC (a browser bundle resolves the gRPC transport's
 * `browser` build, which refuses to run).
 */
export class LazyTransport implements Transport {
  #loaded: Promise<Transport> | undefined;

  /**
   * @param kind - the transport's short name (`grpc`).
   * @param load - imports and creates the transport; called at most once.
   */
  constructor(
    readonly kind: string,
    private readonly load: () => Promise<Transport>,
  ) {}

  #get(): Promise<Transport> {
    this.#loaded ??= this.load();
    return this.#loaded;
  }

  /** As {@link Transport.connect}, once the transport is loaded. */
  async connect(options?: CallOptions): Promise<void> {
    await (await this.#get()).connect(options);
  }

  /** As {@link Transport.call}, once the transport is loaded. */
  async call<K extends OperationName>(op: K, request: OperationRequest<K>, options?: CallOptions): Promise<OperationResult<K>> {
    return (await this.#get()).call(op, request, options);
  }

  /** Closes the transport (once loaded, if a call is loading it); nothing to do when it was never used. */
  async close(): Promise<void> {
    const transport = await this.#loaded?.catch(() => undefined);
    await transport?.close();
  }
}
