import { DataType, MilvusError, parseJsonExact } from '@mvkit/core';
import type { CollectionSpec, FieldSpec } from '../schema.js';
import { DYNAMIC_FIELD, dimOf, type Row } from '../data/values.js';
import { utf8Bytes } from '../utf8.js';
import { importFailed } from './source.js';

/** An element type of a `.npy` file (`descr`), little-endian or byte-sized only. */
interface NpyType {
  kind: 'bool' | 'int' | 'uint8' | 'float' | 'unicode';
  /** Bytes per element; for `<U<n>` 4 × n. */
  size: number;
}

/** A parsed `.npy` array: its type, shape and the bytes of its data (not copied). */
export interface NpyArray {
  type: NpyType;
  descr: string;
  shape: number[];
  data: DataView;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

const FIXED: Readonly<Record<string, NpyType>> = {
  '|b1': { kind: 'bool', size: 1 },
  '|i1': { kind: 'int', size: 1 },
  '<i2': { kind: 'int', size: 2 },
  '<i4': { kind: 'int', size: 4 },
  '<i8': { kind: 'int', size: 8 },
  '|u1': { kind: 'uint8', size: 1 },
  '<f4': { kind: 'float', size: 4 },
  '<f8': { kind: 'float', size: 8 },
};

function npyType(descr: string, path: string): NpyType {
  const fixed = FIXED[descr];
  if (fixed) return fixed;
  const unicode = /^<U(\d{1,6})$/.exec(descr);
  if (unicode && Number(unicode[1]) > 0) return { kind: 'unicode', size: 4 * Number(unicode[1]) };
  throw importFailed(`unsupported numpy data type '${descr}' in file '${path}'`);
}

/**
 * Parses a `.npy` file (format versions 1 to 3) without copying its data: the magic string, the
 * header dictionary (`descr`, `fortran_order`, `shape`), and a data section whose length must be
 * exactly the shape's element count times the element size, checked before any value is read.
 * @throws MilvusError 2100 for a file that is not `.npy`, a Fortran-order or big-endian array, an
 *   unsupported type, or a data length other than the header announces.
 */
export function parseNpy(bytes: Uint8Array, path: string): NpyArray {
  const bad = (why: string) => importFailed(`invalid numpy file '${path}': ${why}`);
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw bad('missing the \\x93NUMPY magic string');
  const major = bytes[6]!;
  if (major < 1 || major > 3) throw bad(`unsupported format version ${major}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) throw bad('truncated header');
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lengthBytes;
  if (headerLength > bytes.length - start) throw bad('truncated header');
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + headerLength));
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) throw bad('malformed header');
  if (fortran === 'True') throw bad('Fortran-order arrays are not supported');
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  if (shape.some((n) => !Number.isSafeInteger(n) || n < 0)) throw bad(`invalid shape (${shapeText})`);
  const type = npyType(descr, path);
  const dataStart = start + headerLength;
  const expected = shape.reduce((a, n) => a * n, 1) * type.size;
  if (!Number.isSafeInteger(expected) || expected !== bytes.length - dataStart) {
    throw bad(`the data holds ${bytes.length - dataStart} bytes, the header announces ${expected}`);
  }
  return { type, descr, shape, data: new DataView(bytes.buffer, bytes.byteOffset + dataStart, expected) };
}

/** Element `i` of an array as a JS value: boolean, number, bigint (`<i8`) or string (`<U`, trailing NULs dropped). */
function element(a: NpyArray, i: number): unknown {
  const at = i * a.type.size;
  switch (a.type.kind) {
    case 'bool':
      return a.data.getUint8(at) !== 0;
    case 'uint8':
      return a.data.getUint8(at);
    case 'int':
      return a.type.size === 1 ? a.data.getInt8(at) : a.type.size === 2 ? a.data.getInt16(at, true) : a.type.size === 4 ? a.data.getInt32(at, true) : a.data.getBigInt64(at, true);
    case 'float':
      return a.type.size === 4 ? a.data.getFloat32(at, true) : a.data.getFloat64(at, true);
    case 'unicode': {
      let s = '';
      for (let k = 0; k < a.type.size; k += 4) {
        const cp = a.data.getUint32(at + k, true);
        if (cp === 0) break;
        if (cp > 0x10ffff) throw importFailed(`invalid numpy file: code point ${cp} is not Unicode`);
        s += String.fromCodePoint(cp);
      }
      return s;
    }
  }
}

/** The file name of a path without directories and without `.npy`: the field it holds. */
const fieldNameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.npy$/, '');

/** What a field's `.npy` array must look like: its element kinds and the shape after the row count. */
function expectedShape(field: FieldSpec): { kinds: NpyType['kind'][]; inner: number[] } | undefined {
  switch (field.dataType) {
    case DataType.Bool:
      return { kinds: ['bool'], inner: [] };
    case DataType.Int8:
    case DataType.Int16:
    case DataType.Int32:
    case DataType.Int64:
      return { kinds: ['int'], inner: [] };
    case DataType.Float:
    case DataType.Double:
      return { kinds: ['float'], inner: [] };
    case DataType.VarChar:
    case DataType.String:
    case DataType.JSON:
      return { kinds: ['unicode'], inner: [] };
    case DataType.FloatVector:
      return { kinds: ['float'], inner: [dimOf(field)] };
    case DataType.BinaryVector:
      return { kinds: ['uint8'], inner: [dimOf(field) / 8] };
    case DataType.Float16Vector:
    case DataType.BFloat16Vector:
      return { kinds: ['uint8'], inner: [dimOf(field) * 2] };
    default:
      return undefined;
  }
}

/** The value of row `r` of a field's array: a scalar, or the row's vector (numbers, or bytes for binary and half vectors). */
function rowValue(field: FieldSpec, a: NpyArray, r: number): unknown {
  const width = a.shape.slice(1).reduce((x, n) => x * n, 1);
  if (a.shape.length === 1) {
    const v = element(a, r);
    return field.dataType === DataType.JSON ? utf8Bytes(v as string) : v;
  }
  if (a.type.kind === 'uint8') return new Uint8Array(a.data.buffer, a.data.byteOffset + r * width, width).slice();
  return Array.from({ length: width }, (_, k) => element(a, r * width + k));
}

/**
 * The rows of a NumPy import group (`importutilv2/numpy`): one `.npy` file per field, named after
 * it (`<field>.npy`; files of no field are not read), every array with the same number of rows
 * (its first dimension). Scalars are one-dimensional; vectors `(rows, dim)` (`float32`/`float64`),
 * binary vectors `(rows, dim / 8)` and half-float vectors `(rows, 2 × dim)` of `uint8`; VarChar
 * and JSON `<U` strings; the dynamic field's optional `$meta.npy` holds JSON objects as `<U`
 * strings. Every other field needs its file, except the auto-ID primary key, which must have none;
 * nullable fields cannot be imported from NumPy, nor Array or sparse vector fields.
 * @throws MilvusError 1100 `not support bulk insert numpy files in field(<f>) which set nullable == true`;
 *   2100 `no file for field: <f>, files: [<paths>]`, `the primary key '<pk>' is auto-generated, no
 *   need to provide`, a file of the wrong type or shape, or arrays of different lengths.
 */
export function readNumpyRows(files: readonly { path: string; bytes: Uint8Array }[], schema: CollectionSpec): Row[] {
  const nullable = schema.fields.find((f) => f.nullable);
  if (nullable) throw MilvusError.parameterInvalid(`not support bulk insert numpy files in field(${nullable.name}) which set nullable == true`);
  const byName = new Map(files.map((f) => [fieldNameOf(f.path), f]));
  const arrays = new Map<FieldSpec, NpyArray>();
  for (const field of schema.fields) {
    const file = byName.get(field.isDynamic ? DYNAMIC_FIELD : field.name);
    if (field.isPrimaryKey && field.autoID) {
      if (file) throw importFailed(`the primary key '${field.name}' is auto-generated, no need to provide`);
      continue;
    }
    if (!file) {
      if (field.isDynamic) continue;
      throw importFailed(`no file for field: ${field.name}, files: [${files.map((x) => x.path).join(' ')}]`);
    }
    const want = expectedShape(field);
    if (!want) throw importFailed(`the numpy format does not support field '${field.name}' of type ${field.dataType}`);
    const a = parseNpy(file.bytes, file.path);
    if (!want.kinds.includes(a.type.kind) || a.shape.length !== 1 + want.inner.length || want.inner.some((n, i) => a.shape[i + 1] !== n)) {
      throw importFailed(`the numpy file '${file.path}' of field '${field.name}' holds ${a.descr} (${a.shape.join(', ')}), which does not match the field's type`);
    }
    arrays.set(field, a);
  }
  const counts = [...arrays].map(([f, a]) => ({ name: f.name, rows: a.shape[0]! }));
  const rows = counts[0]?.rows ?? 0;
  const odd = counts.find((c) => c.rows !== rows);
  if (odd) throw importFailed(`the numpy files have different row counts: ${counts[0]!.name} has ${rows}, ${odd.name} has ${odd.rows}`);
  const out: Row[] = [];
  for (let r = 0; r < rows; r++) {
    const row: Row = {};
    for (const [f, a] of arrays) {
      if (f.isDynamic) Object.assign(row, dynamicObject(element(a, r) as string, r));
      else row[f.name] = rowValue(f, a, r);
    }
    out.push(row);
  }
  return out;
}

/** Row `r` of `$meta.npy`: a JSON object, whose keys the write rules put back into the dynamic field. */
function dynamicObject(text: string, r: number): Row {
  let v: unknown;
  try {
    v = parseJsonExact(text);
  } catch {
    v = undefined;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw importFailed(`row ${r} of the $meta numpy file is not a JSON object: ${text}`);
  return v as Row;
}
