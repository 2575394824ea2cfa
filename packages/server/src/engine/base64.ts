/**
 * Standard base64 without Node's `Buffer`: the engine and the RESTful front also run in browsers
 * and workers (under msw).
 *
 * @packageDocumentation
 */

/** Standard base64 (with padding) of `bytes`. */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/**
 * The bytes of standard base64 `text`.
 * @throws DOMException `InvalidCharacterError` when `text` is not base64.
 */
export function base64ToBytes(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
