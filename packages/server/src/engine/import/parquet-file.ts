import { DataType, Merr } from '@mvkit/core';
import { parquetMetadata, parquetReadObjects, parquetSchema, type FileMetaData } from 'hyparquet';
import type { CollectionSpec, FieldSpec } from '../schema.js';
import { DYNAMIC_FIELD, type Row } from '../data/values.js';
import { utf8Bytes } from '../utf8.js';
import { importFailed } from './source.js';

/** Most bytes the column chunks of one Parquet file may hold uncompressed (checked in the footer before any page is decompressed). */
export const MAX_PARQUET_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;

/** A column value as the write rules take it: JSON text as bytes (parsed there), half-float vectors as bytes, sparse vectors parsed from their JSON text. */
function fieldInput(field: FieldSpec | undefined, value: unknown): unknown {
  if (value === null || value === undefined || !field) return value;
  switch (field.dataType) {
    case DataType.JSON:
      return typeof value === 'string' ? utf8Bytes(value) : value;
    case DataType.Float16Vector:
    case DataType.BFloat16Vector:
      return Array.isArray(value) && value.every((b) => Number.isInteger(b) && b >= 0 && b <= 255) ? Uint8Array.from(value as number[]) : value;
    case DataType.SparseFloatVector:
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        throw importFailed(`the sparse vector of field '${field.name}' is not JSON: ${value}`);
      }
    default:
      return value;
  }
}

/**
 * The rows of a Parquet import file (`importutilv2/parquet`): one top-level column per field,
 * named after it (lists for vectors and Array fields, strings for VarChar and JSON, JSON text for
 * sparse vectors, lists of bytes for half-float vectors; nulls for nullable fields), except the
 * auto-ID primary key, plus an optional `$meta` column (JSON text) for the dynamic field. The footer's row count (against `maxRows`) and uncompressed size (against
 * {@link MAX_PARQUET_UNCOMPRESSED_BYTES}) are checked before any page is decoded.
 * @throws MilvusError 2100 for a file that is not Parquet, more rows than `maxRows` or more bytes
 *   than allowed, `schema not equal, err=field '<f>' not in arrow schema: importing data failed`
 *   (wrapped twice, as Milvus), `the field: <c> is not in schema, if it's a dynamic field, please
 *   reformat data by bulk_writer`, or `the primary key '<pk>' is auto-generated, no need to provide`.
 */
export async function readParquetRows(bytes: Uint8Array, path: string, schema: CollectionSpec, maxRows: number): Promise<Row[]> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(buffer);
  } catch (e) {
    throw importFailed(`failed to read parquet file '${path}': ${(e as Error).message}`);
  }
  if (metadata.num_rows > BigInt(maxRows)) throw importFailed(`the parquet file '${path}' holds ${metadata.num_rows} rows, more than the ${maxRows} one import accepts`);
  const uncompressed = metadata.row_groups.reduce((n, g) => g.columns.reduce((m, c) => m + (c.meta_data?.total_uncompressed_size ?? 0n), n), 0n);
  if (uncompressed > BigInt(MAX_PARQUET_UNCOMPRESSED_BYTES)) throw importFailed(`the parquet file '${path}' holds ${uncompressed} bytes uncompressed, more than the ${MAX_PARQUET_UNCOMPRESSED_BYTES} one file may`);
  const columns = parquetSchema(metadata).children.map((c) => c.element.name);
  const fields = new Map(schema.fields.map((f) => [f.isDynamic ? DYNAMIC_FIELD : f.name, f]));
  // As importutilv2/parquet's CreateFieldReaders: every field a column (isSchemaEqual) first, then each column a field.
  for (const f of schema.fields) {
    if (!f.isDynamic && !(f.isPrimaryKey && f.autoID) && !columns.includes(f.name)) {
      throw importFailed(`schema not equal, err=field '${f.name}' not in arrow schema: ${Merr.ImportFailed.message}`);
    }
  }
  for (const c of columns) {
    const f = fields.get(c);
    if (!f) throw importFailed(`the field: ${c} is not in schema, if it's a dynamic field, please reformat data by bulk_writer`);
    if (f.isPrimaryKey && f.autoID) throw importFailed(`the primary key '${f.name}' is auto-generated, no need to provide`);
  }
  let records: Record<string, unknown>[];
  try {
    records = await parquetReadObjects({ file: buffer, metadata, rowFormat: 'object' });
  } catch (e) {
    throw importFailed(`failed to read parquet file '${path}': ${(e as Error).message}`);
  }
  return records.map((rec) => {
    const row: Row = {};
    for (const c of columns) {
      const f = fields.get(c)!;
      const v = fieldInput(f, rec[c]);
      if (f.isDynamic) {
        if (v !== null && v !== undefined) Object.assign(row, dynamicKeys(v, path));
      } else row[c] = v;
    }
    return row;
  });
}

/** The keys of a `$meta` value (JSON text of an object), which the write rules put back into the dynamic field. */
function dynamicKeys(value: unknown, path: string): Row {
  let parsed: unknown = value;
  if (value instanceof Uint8Array || typeof value === 'string') {
    try {
      parsed = JSON.parse(typeof value === 'string' ? value : new TextDecoder().decode(value));
    } catch {
      parsed = undefined;
    }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw importFailed(`the $meta column of the parquet file '${path}' must hold JSON objects`);
  return parsed as Row;
}
