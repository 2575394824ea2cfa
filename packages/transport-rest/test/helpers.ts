import type { RestHandler } from '@mvkit/server';

/** A fetch served in-process by a REST handler (the transport's fetch seam, no port). */
export function fetchFor(handler: RestHandler, onRequest?: (r: Request) => void): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    onRequest?.(request);
    request.signal.throwIfAborted();
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => (headers[k] = v));
    const answer = await handler({ method: request.method, path: url.pathname, headers, body: new Uint8Array(await request.arrayBuffer()) });
    request.signal.throwIfAborted();
    return new Response(answer.status === 204 || answer.status === 307 ? null : answer.body, { status: answer.status, headers: answer.headers });
  };
}
