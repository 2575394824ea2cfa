/**
 * The HTTP side of the one credential rule (the engine's RBAC users), shared by the RESTful v2
 * front and the legacy `/api/v1` front: how an `Authorization` header names a user, and the
 * answer Milvus's HTTP middleware gives when it does not.
 *
 * @packageDocumentation
 */
import { Merr } from '@mvkit/core';
import type { Rbac } from '../engine/index.js';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Base64 (standard alphabet) to text, or `undefined` when malformed. */
function fromBase64(text: string): string | undefined {
  try {
    const bin = atob(text);
    return decoder.decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/**
 * Milvus's `ParseUsernamePassword` (`internal/proxy/util.go`, used by the HTTP middleware): HTTP
 * Basic, else the `Authorization` value without `Bearer ` split at the first `:`; both parts must
 * be non-empty. Anything else (an API key) yields no credentials, as in open-source Milvus.
 */
export function httpCredentialsOf(header: string | undefined): { user: string; password: string } | undefined {
  if (!header) return undefined;
  let text: string | undefined;
  if (/^basic /i.test(header)) text = fromBase64(header.slice(6));
  else text = header.startsWith('Bearer ') ? header.slice(7) : header;
  const colon = text?.indexOf(':') ?? -1;
  if (text === undefined || colon < 0) return undefined;
  const user = text.slice(0, colon);
  const password = text.slice(colon + 1);
  return user && password ? { user, password } : undefined;
}

/** The user an HTTP `Authorization` header authenticates as with the engine's users, or `undefined`. */
export async function httpUserOf(rbac: Rbac, header: string | undefined): Promise<string | undefined> {
  const c = httpCredentialsOf(header);
  return c !== undefined && (await rbac.authenticate(c.user, c.password)) ? c.user : undefined;
}

/** The body of Milvus's HTTP answer to missing or wrong credentials (HTTP 401, code 1800). */
export const NOT_AUTHENTICATED = { code: Merr.NeedAuthenticate.code, message: Merr.NeedAuthenticate.message } as const;
