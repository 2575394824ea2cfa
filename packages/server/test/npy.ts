/**
 * Writes `.npy` files (NumPy format 1.0) for the import tests.
 */

/** The bytes of a `.npy` file holding `data` (little-endian) with dtype `descr` and `shape`. */
export function npy(descr: string, shape: number[], data: Uint8Array): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const out = new Uint8Array(10 + header.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  out.set(data, 10 + header.length);
  return out;
}

/** The bytes of a typed array. */
export const bytesOf = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** `<U<width>` data of `strings` (UTF-32LE, NUL-padded). */
export function unicode(strings: readonly string[], width: number): Uint8Array {
  const out = new Uint32Array(strings.length * width);
  strings.forEach((s, i) => [...s].forEach((ch, k) => (out[i * width + k] = ch.codePointAt(0)!)));
  return bytesOf(out);
}
