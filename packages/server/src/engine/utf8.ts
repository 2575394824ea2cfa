/**
 * UTF-8 in the engine without Node's `Buffer`: the engine also runs in browsers and workers (msw).
 * Milvus measures names and VarChar values in UTF-8 bytes, as Go's `len` does.
 *
 * @packageDocumentation
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The UTF-8 bytes of `text`. */
export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The length of `text` in UTF-8 bytes (Go's `len` of the string). */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** `bytes` decoded as UTF-8 (invalid sequences become U+FFFD). */
export function utf8Text(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
