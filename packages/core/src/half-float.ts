/**
 * Half-precision vectors as Milvus carries them: `Float16Vector` (IEEE 754 binary16) and
 * `BFloat16Vector` (the high 16 bits of a float32), two bytes per dimension, little-endian, in
 * `schema.VectorField.float16_vector` / `bfloat16_vector`, in placeholders of type 102 / 103 and,
 * base64-encoded, in RESTful v2 rows.
 *
 * @packageDocumentation
 */
import { getFloat16, setFloat16 } from '@petamoriken/float16';
import { DataType } from './enums.js';

/** The two half-precision formats: `float16` (binary16) or `bfloat16`. */
export type HalfFormat = 'float16' | 'bfloat16';

/** The half-precision format of a vector data type: `float16` for Float16Vector (102), `bfloat16` for BFloat16Vector (103), else undefined. */
export function halfFormatOf(dataType: number): HalfFormat | undefined {
  return dataType === DataType.Float16Vector ? 'float16' : dataType === DataType.BFloat16Vector ? 'bfloat16' : undefined;
}

/**
 * The bytes of `values` in `format`, as Milvus's `typeutil.Float32ArrayToFloat16Bytes` /
 * `Float32ArrayToBFloat16Bytes` make them: each value first taken as a float32, then float16
 * rounded to nearest (ties to even; out of range → ±Infinity), bfloat16 truncated to its high 16 bits.
 * @returns `2 × values.length` bytes.
 */
export function halfBytesOf(values: ArrayLike<number>, format: HalfFormat): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  if (format === 'float16') {
    for (let i = 0; i < values.length; i++) setFloat16(view, i * 2, Math.fround(values[i]!), true);
  } else {
    const bits = new Uint32Array(Float32Array.from(values).buffer);
    for (let i = 0; i < bits.length; i++) view.setUint16(i * 2, bits[i]! >>> 16, true);
  }
  return out;
}

/**
 * The values of `count` half-precision numbers in `format` from `bytes` at byte `offset` (all of
 * them by default), as Milvus's `Float16BytesToFloat32Vector` / `BFloat16BytesToFloat32Vector` read them.
 * @throws RangeError when the bytes do not hold `count` values from `offset`.
 */
export function floatsOfHalfBytes(bytes: Uint8Array, format: HalfFormat, offset = 0, count = (bytes.length - offset) >> 1): Float32Array {
  if (offset < 0 || offset + count * 2 > bytes.length) throw new RangeError(`${count} ${format} values do not fit in ${bytes.length - offset} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, count * 2);
  const out = new Float32Array(count);
  if (format === 'float16') for (let i = 0; i < count; i++) out[i] = getFloat16(view, i * 2, true);
  else {
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < count; i++) bits[i] = view.getUint16(i * 2, true) << 16;
  }
  return out;
}

/** `values` as `format` holds them: what a round trip through {@link halfBytesOf} gives. */
export function roundToHalf(values: ArrayLike<number>, format: HalfFormat): Float32Array {
  return floatsOfHalfBytes(halfBytesOf(values, format), format);
}
