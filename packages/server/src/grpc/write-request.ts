/**
 * How the gRPC front reads an Insert or Upsert request: its target, and its rows decoded against
 * the collection's columns once the target is resolved. By default the message is decoded by
 * the gRPC server (`http2-server.ts`) and read here; the Node server can plug in a {@link WriteDecoder} that decodes large
 * messages in a worker thread (`../decode-worker.ts`).
 *
 * @packageDocumentation
 */
import { GrpcCode } from './grpc-status.js';
import { fromBinary } from '@bufbuild/protobuf';
import { InsertRequestSchema, rowsOfColumns, UpsertRequestSchema, type ColumnField, type ColumnRow, type FieldData } from '@mvkit/proto';
import { GrpcStatusError } from './adapter.js';

/** An Insert or Upsert request. */
export interface WriteRequest {
  readonly dbName: string;
  readonly collectionName: string;
  readonly partitionName: string;
  /**
   * The rows of `fields_data` (see `rowsOfColumns`), the columns checked against the schema first
   * as the proxy checks an Insert's or Upsert's.
   * @throws MilvusError 1100 / 65535 for columns that do not fit `fields` or `num_rows`.
   */
  rows(fields: readonly ColumnField[]): Promise<ColumnRow[]>;
  /** Frees what was kept to answer {@link WriteRequest.rows}. */
  release(): void;
}

/** Decodes the raw bytes of an Insert (`upsert` false) or Upsert request. */
export type WriteDecoder = (bytes: Uint8Array, upsert: boolean) => Promise<WriteRequest>;

/** The fields of a decoded Insert or Upsert message that {@link writeRequestOf} reads. */
export interface WriteMessage {
  dbName: string;
  collectionName: string;
  partitionName: string;
  fieldsData: FieldData[];
  numRows: number;
}

/** A {@link WriteRequest} over an already decoded Insert (`upsert` false) or Upsert message. */
export function writeRequestOf(message: WriteMessage, upsert: boolean): WriteRequest {
  return {
    dbName: message.dbName,
    collectionName: message.collectionName,
    partitionName: message.partitionName,
    rows: async (fields) => rowsOfColumns(fields, message.fieldsData, message.numRows, { upsert }),
    release: () => {},
  };
}

/**
 * Decodes Insert or Upsert bytes in this thread.
 * @throws GrpcStatusError INTERNAL `Error deserializing request` for malformed bytes, as the gRPC server answers them.
 */
export function decodeWriteMessage(bytes: Uint8Array, upsert: boolean): WriteMessage {
  try {
    return fromBinary(upsert ? UpsertRequestSchema : InsertRequestSchema, bytes);
  } catch {
    throw new GrpcStatusError(GrpcCode.INTERNAL, 'Error deserializing request');
  }
}

/** A {@link WriteDecoder} that decodes in this thread. */
export const decodeWriteInThread: WriteDecoder = async (bytes, upsert) => writeRequestOf(decodeWriteMessage(bytes, upsert), upsert);
