/**
 * The request metadata a gRPC handler reads: the custom HTTP/2 headers of the call.
 *
 * @packageDocumentation
 */
import type { IncomingHttpHeaders } from 'node:http2';

/** Headers that carry the transport's own state, never handed to handlers as metadata. */
const TRANSPORT_HEADERS: ReadonlySet<string> = new Set(['grpc-timeout', 'grpc-encoding', 'grpc-accept-encoding', 'accept-encoding', 'te', 'content-type']);

const NO_HEADERS: IncomingHttpHeaders = {};

/**
 * The metadata of one call, read lazily from its request headers: pseudo-headers (`:path`, …)
 * and the transport headers (`grpc-timeout`, `grpc-encoding`, `grpc-accept-encoding`,
 * `accept-encoding`, `te`, `content-type`) are not metadata. A key ending in `-bin` holds binary
 * values sent base64-encoded; custom ones (not `grpc-…`) may carry several, comma-separated.
 */
export class CallMetadata {
  readonly #headers: IncomingHttpHeaders;

  /** @param headers - the request headers as `node:http2` delivers them (keys lower-case); default none. */
  constructor(headers: IncomingHttpHeaders = NO_HEADERS) {
    this.#headers = headers;
  }

  /**
   * The values under `key` (case-insensitive), in the order received; `[]` when there are none.
   * Binary (`-bin`) keys give `Buffer`s decoded from base64, other keys strings.
   */
  get(key: string): (string | Buffer)[] {
    const name = key.toLowerCase();
    if (name.startsWith(':') || TRANSPORT_HEADERS.has(name)) return [];
    const value = this.#headers[name];
    if (value === undefined) return [];
    const values = Array.isArray(value) ? value : [value];
    if (!name.endsWith('-bin')) return values.slice();
    const parts = Array.isArray(value) || name.startsWith('grpc-') ? values : value.split(',').map((v) => v.trim());
    return parts.map((v) => Buffer.from(v, 'base64'));
  }
}
