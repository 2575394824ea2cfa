/**
 * Sparse float vectors as Milvus carries them (`SparseFloatVector`, DataType 104): per row a list
 * of (uint32 index, float32 value) pairs, 8 bytes a pair, little-endian, indices ascending, in
 * `schema.SparseFloatArray.contents` and in placeholders of type 104; in RESTful rows and the
 * official SDKs as `{ "<index>": value }` objects (or `{ indices, values }`).
 *
 * @packageDocumentation
 */
import { verifyFloat } from './float-check.js';
import { MilvusError } from './milvus-error.js';

/** A sparse row: `indices` and the `values` at them, of the same length (absent indices are 0). */
export interface SparseRow {
  readonly indices: Uint32Array;
  readonly values: Float32Array;
}

/**
 * A sparse vector as callers give it: a {@link SparseRow}; `{ indices, values }` arrays; an object
 * of index → value (`{ "3": 0.5 }`, the SDKs' and RESTful form); an array of `{ index, value }`
 * pairs (COO); or an array whose defined entries are the non-zeros (the Node SDK's "array" form).
 */
export type SparseInput = SparseRow | { indices: ArrayLike<number>; values: ArrayLike<number> } | Record<string, number> | { index: number; value: number }[] | (number | undefined)[];

/** Largest index + 1 (uint32 max is reserved, as in Milvus). */
const INDEX_LIMIT = 2 ** 32 - 1;

/** Whether `v` is a {@link SparseRow} (typed `indices` and `values`). */
export function isSparseRow(v: unknown): v is SparseRow {
  return typeof v === 'object' && v !== null && (v as SparseRow).indices instanceof Uint32Array && (v as SparseRow).values instanceof Float32Array;
}

/**
 * Reads a row's wire bytes. The arrays are copies.
 * @throws MilvusError 65535 `invalid data length in sparse float vector: <n>` for a length that is not a multiple of 8.
 */
export function sparseRowOfBytes(bytes: Uint8Array): SparseRow {
  if (bytes.length % 8 !== 0) throw new MilvusError(`invalid data length in sparse float vector: ${bytes.length}`);
  const n = bytes.length / 8;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const indices = new Uint32Array(n);
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    indices[i] = view.getUint32(i * 8, true);
    values[i] = view.getFloat32(i * 8 + 4, true);
  }
  return { indices, values };
}

/** The wire bytes of a row: 8 per pair, little-endian. */
export function sparseBytesOf(row: { indices: ArrayLike<number>; values: ArrayLike<number> }): Uint8Array {
  const out = new Uint8Array(row.indices.length * 8);
  const view = new DataView(out.buffer);
  for (let i = 0; i < row.indices.length; i++) {
    view.setUint32(i * 8, row.indices[i]!, true);
    view.setFloat32(i * 8 + 4, row.values[i]!, true);
  }
  return out;
}

/**
 * Checks a row as Milvus's `typeutil.ValidateSparseFloatRows` does, pair by pair.
 * @throws MilvusError 65535 `invalid index in sparse float vector: must be less than 2^32-1`,
 *   `unsorted or same indices in sparse float vector`, `negative value in sparse float vector`;
 *   1100 `value '<v>' is not a number or infinity` (`typeutil.VerifyFloat`).
 */
export function validateSparseRow(row: SparseRow): SparseRow {
  const { indices, values } = row;
  for (let i = 0; i < indices.length; i++) {
    if (indices[i] === INDEX_LIMIT) throw new MilvusError('invalid index in sparse float vector: must be less than 2^32-1');
    if (i > 0 && indices[i]! <= indices[i - 1]!) throw new MilvusError('unsorted or same indices in sparse float vector');
    const v = values[i]!;
    verifyFloat(v);
    if (v < 0) throw new MilvusError('negative value in sparse float vector');
  }
  return row;
}

/** An index of a JSON form, as `CreateSparseFloatRowFromMap` reads it. */
function indexOf(key: unknown): number {
  const n = typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : key;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new MilvusError(`invalid index in JSON: ${String(key)}`);
  if (n >= INDEX_LIMIT) throw new MilvusError(`index too large in JSON: ${n}`);
  return n;
}

/** A value of a JSON form: a finite number within float32. */
function valueOf(value: unknown): number {
  if (typeof value !== 'number') throw new MilvusError(`invalid value type in JSON: ${value === null ? 'null' : typeof value}`);
  if (!Number.isFinite(value)) throw new MilvusError(`invalid value in JSON: ${value}`);
  if (Math.abs(value) > 3.4028234663852886e38) throw new MilvusError(`value too large in JSON: ${value}`);
  return value;
}

/** Pairs sorted by index into a row. */
function rowOfPairs(indices: number[], values: number[]): SparseRow {
  if (indices.length !== values.length) throw new MilvusError('indices and values length mismatch');
  const order = indices.map((_, i) => i).sort((a, b) => indices[a]! - indices[b]!);
  return { indices: Uint32Array.from(order, (i) => indices[i]!), values: Float32Array.from(order, (i) => values[i]!) };
}

/**
 * A sparse row from any {@link SparseInput}, or from its wire bytes. Bytes and {@link SparseRow}s
 * are taken as they are (checked by {@link validateSparseRow}); the JSON forms are read as Milvus's
 * `typeutil.CreateSparseFloatRowFromMap` reads RESTful input (pairs sorted by index, then checked).
 * @throws MilvusError 1100 for a value that is none of the forms; 65535 for a bad index or value
 *   in a JSON form (`invalid index in JSON: <k>`, `index too large in JSON: <k>`, `invalid value
 *   type in JSON: <type>`, `invalid value in JSON: <v>`, `indices and values length mismatch`,
 *   `invalid JSON input`); as {@link sparseRowOfBytes} and {@link validateSparseRow}.
 * @param validate - false: only read the form, without Milvus's checks (what a client sends is the server's to refuse).
 */
export function sparseRowOf(input: unknown, validate = true): SparseRow {
  const checked = validate ? validateSparseRow : (row: SparseRow) => row;
  if (input instanceof Uint8Array) return checked(sparseRowOfBytes(input));
  if (isSparseRow(input)) return checked(input);
  if (typeof input !== 'object' || input === null) throw MilvusError.parameterInvalid(`a sparse float vector must be an object of index to value, got ${typeof input}`);
  const indices: number[] = [];
  const values: number[] = [];
  if (Array.isArray(input)) {
    input.forEach((entry: unknown, i) => {
      if (entry === undefined) return;
      if (typeof entry === 'object' && entry !== null) {
        indices.push(indexOf((entry as { index?: unknown }).index));
        values.push(valueOf((entry as { value?: unknown }).value));
      } else {
        indices.push(i);
        values.push(valueOf(entry));
      }
    });
  } else {
    const { indices: is, values: vs } = input as { indices?: unknown; values?: unknown };
    const listed = is !== undefined || vs !== undefined;
    if (listed) {
      const list = (x: unknown) => (Array.isArray(x) || ArrayBuffer.isView(x) ? Array.from(x as ArrayLike<unknown>) : undefined);
      const li = list(is);
      const lv = list(vs);
      if (!li || !lv) throw new MilvusError('invalid JSON input');
      for (const k of li) indices.push(indexOf(k));
      for (const v of lv) values.push(valueOf(v));
    } else {
      for (const [k, v] of Object.entries(input)) {
        indices.push(indexOf(k));
        values.push(valueOf(v));
      }
    }
  }
  return checked(rowOfPairs(indices, values));
}

/** The row as the SDKs and RESTful rows show it: `{ "<index>": value }`, indices ascending. */
export function sparseObjectOf(row: { indices: ArrayLike<number>; values: ArrayLike<number> }): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < row.indices.length; i++) out[String(row.indices[i])] = row.values[i]!;
  return out;
}

/** The dimension Milvus gives a sparse row (`SparseFloatRowDim`): last index + 1, 0 when empty. */
export function sparseDimOf(row: { indices: ArrayLike<number> }): number {
  return row.indices.length === 0 ? 0 : row.indices[row.indices.length - 1]! + 1;
}
