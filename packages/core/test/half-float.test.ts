import { describe, expect, it } from 'vitest';
import { DataType, floatsOfHalfBytes, halfBytesOf, halfFormatOf, roundToHalf } from '../src/index.js';

describe('half-precision vectors', () => {
  it('encodes as Milvus does: float16 rounded to nearest, bfloat16 truncated (bytes from upstream tests)', () => {
    // milvus-io/milvus placeholder tests: [1/9, 2/9] as float32 → float16 `\x1c/\x1c3`, bfloat16 `\xe3=c>`.
    const values = Float32Array.from([1 / 9, 2 / 9]);
    expect([...halfBytesOf(values, 'float16')]).toEqual([0x1c, 0x2f, 0x1c, 0x33]);
    expect([...halfBytesOf(values, 'bfloat16')]).toEqual([0xe3, 0x3d, 0x63, 0x3e]);
    expect([...halfBytesOf([1, -2, 65504, 1e6], 'float16')]).toEqual([0x00, 0x3c, 0x00, 0xc0, 0xff, 0x7b, 0x00, 0x7c]);
    expect([...halfBytesOf([1, -2], 'bfloat16')]).toEqual([0x80, 0x3f, 0x00, 0xc0]);
  });

  it('decodes what it encodes, from any offset, and rounds only once', () => {
    for (const format of ['float16', 'bfloat16'] as const) {
      const values = Array.from({ length: 64 }, (_, i) => Math.sin(i) * 100);
      const rounded = roundToHalf(values, format);
      expect(roundToHalf(rounded, format)).toEqual(rounded);
      const bytes = halfBytesOf(values, format);
      const padded = new Uint8Array(bytes.length + 6);
      padded.set(bytes, 6);
      expect(floatsOfHalfBytes(padded, format, 6, 64)).toEqual(rounded);
      for (let i = 0; i < 64; i++) expect(Math.abs(rounded[i]! - values[i]!)).toBeLessThanOrEqual(Math.abs(values[i]!) * (format === 'float16' ? 2 ** -11 : 2 ** -7));
      expect(() => floatsOfHalfBytes(bytes, format, 2, 64)).toThrow(RangeError);
    }
  });

  it('names the format of each vector type', () => {
    expect([DataType.Float16Vector, DataType.BFloat16Vector, DataType.FloatVector].map(halfFormatOf)).toEqual(['float16', 'bfloat16', undefined]);
  });
});
