import type { IncomingMessage, ServerResponse } from 'node:http';
import { Merr } from '@mvkit/core';
import type { RestHandler, RestResponse } from './handler.js';
import { goJson } from '../gojson.js';
import type { Logger } from '../logger.js';

/**
 * Default limit of a buffered request body, in bytes (64 MiB): the size of the largest gRPC
 * request Milvus's proxy accepts (`proxy.grpc.serverMaxRecvSize`). Milvus's gin server itself reads
 * REST bodies whole; the cap protects the reference server's memory (a known divergence).
 */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Options of {@link restListener}. */
export interface RestListenerOptions {
  /** Largest body buffered, in bytes; default {@link MAX_BODY_BYTES}. A larger one is drained and answered HTTP 413 (code 1102). */
  maxBodyBytes?: number;
  /**
   * Logs every answered request at debug level, as the gRPC front logs its calls:
   * `REST <method> <path> <HTTP status> code <Milvus code> <ms> ms` (no code when the body carries none).
   */
  logger?: Logger;
}

/** The Milvus `code` an answer's JSON body starts with (`{"code":1100,...}`, as goJson writes it), or undefined. */
const codeOf = (body: string) => /^\{"code":(-?\d+)/.exec(body)?.[1];

/**
 * Mounts a transport-neutral handler ({@link createRestHandler} or {@link createLegacyHandler})
 * on node:http: buffers the body, calls the handler, writes its answer. Works for an
 * `http.Server` of its own and for connections the one-port server hands over
 * (`httpServer.emit('connection', socket)`). Never throws into node:http: a handler failure is
 * HTTP 500 `{"code":65535,...}`, a body over the limit HTTP 413 after draining it (the connection
 * stays usable).
 */
export function restListener(handler: RestHandler, options: RestListenerOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const logger = options.logger;
  return (req, res) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    let size = 0;
    const respond = (r: RestResponse) => {
      if (res.headersSent || res.destroyed) return;
      res.writeHead(r.status, r.headers);
      res.end(r.body);
      if (logger) {
        const code = codeOf(r.body);
        logger.debug(`REST ${req.method} ${req.url} ${r.status}${code === undefined ? '' : ` code ${code}`} ${(performance.now() - started).toFixed(1)} ms`);
      }
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (size > limit) {
        respond({
          status: 413,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: goJson({ code: Merr.ParameterTooLarge.code, message: `${Merr.ParameterTooLarge.message}: request body of ${size} bytes exceeds the limit of ${limit} bytes` }),
        });
        return;
      }
      // A repeated header counts once, by its first value, as Go's `Header.Get` reads it.
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headersDistinct)) headers[k] = v?.[0];
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      chunks.length = 0;
      handler({ method: req.method ?? 'GET', path: req.url ?? '/', headers, body }).then(respond, (e: unknown) =>
        respond({
          status: 500,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: goJson({ code: Merr.Unexpected.code, message: e instanceof Error ? e.message : String(e) }),
        }),
      );
    });
  };
}
