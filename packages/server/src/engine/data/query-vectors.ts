/**
 * Query vectors as a query node reads them: segcore parses the placeholder group only when it has
 * a segment to search (`ParsePlaceholderGroup` in `Plan.cpp`), so a vector of the wrong size is
 * refused only then; a collection with no segment answers empty results instead.
 *
 * @packageDocumentation
 */
import { DataType, Merr, MilvusError, halfFormatOf, sparseRowOf, type SparseRow } from '@mvkit/core';
import type { FieldSpec } from '../schema.js';
import { binaryVector, dimOf, floatVector, halfVector } from './values.js';

/** A query vector in a field's format: floats, packed bits, or a sparse row. */
export type QueryVector = Float32Array | Uint8Array | SparseRow;

/** Bytes one vector of `field` takes in segcore (`FieldMeta::get_sizeof`); undefined for sparse vectors. */
function expectedBytes(field: FieldSpec): number | undefined {
  const dim = dimOf(field);
  switch (field.dataType) {
    case DataType.FloatVector:
      return dim * 4;
    case DataType.Float16Vector:
    case DataType.BFloat16Vector:
      return dim * 2;
    case DataType.BinaryVector:
      return dim / 8;
    default:
      return undefined;
  }
}

/** Bytes a query value takes once in the placeholder group of `field`'s type; undefined when it is not a vector value. */
function actualBytes(value: unknown, field: FieldSpec): number | undefined {
  if (value instanceof Uint8Array) return value.length;
  if (value instanceof Float32Array || Array.isArray(value)) {
    const per = field.dataType === DataType.FloatVector ? 4 : field.dataType === DataType.BinaryVector ? 1 : 2;
    return value.length * per;
  }
  return undefined;
}

/**
 * The query vectors of a search in `field`'s format. A vector whose size differs from the field's
 * is refused when the search reads a segment (`withSegments`); without one, the search has nothing
 * to parse it against and the answer is undefined (empty results).
 * @throws MilvusError 2000 `vector dimension mismatch, expected vector size(byte) <e>, actual <a>.:
 *   segcore error`; 1100 for a value that is not a vector of the field's type (see `floatVector`).
 */
export function queryVectorsOf(field: FieldSpec, values: readonly unknown[], withSegments: boolean): QueryVector[] | undefined {
  const expected = expectedBytes(field);
  if (expected !== undefined) {
    for (const v of values) {
      const actual = actualBytes(v, field);
      if (actual === undefined || actual === expected) continue;
      if (!withSegments) return undefined;
      throw MilvusError.of(Merr.Segcore, `vector dimension mismatch, expected vector size(byte) ${expected}, actual ${actual}.: ${Merr.Segcore.message}`);
    }
  }
  const half = halfFormatOf(field.dataType);
  // Query vectors for a half-precision field are taken in its format, as Milvus converts them.
  return values.map((v) =>
    field.dataType === DataType.BinaryVector ? binaryVector(v, field) : field.dataType === DataType.SparseFloatVector ? sparseRowOf(v) : half ? halfVector(v, field, half) : floatVector(v, field),
  );
}
