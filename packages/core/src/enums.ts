/**
 * Milvus enums used in requests and results, by their wire numbers. Names match
 * `milvus.proto.schema.DataType`, `milvus.proto.common.LoadState` and
 * `milvus.proto.common.ConsistencyLevel` (a test checks them against the generated codecs).
 *
 * @packageDocumentation
 */

/** Field data types (`schema.DataType`); the official Node SDK exports the same `DataType`. */
export const DataType = {
  None: 0,
  Bool: 1,
  Int8: 2,
  Int16: 3,
  Int32: 4,
  Int64: 5,
  Float: 10,
  Double: 11,
  String: 20,
  VarChar: 21,
  Array: 22,
  JSON: 23,
  BinaryVector: 100,
  FloatVector: 101,
  Float16Vector: 102,
  BFloat16Vector: 103,
  SparseFloatVector: 104,
  Int8Vector: 105,
} as const;

/** Name of a {@link DataType}, e.g. `'FloatVector'`. */
export type DataTypeName = keyof typeof DataType;
/** Number of a {@link DataType}. */
export type DataTypeValue = (typeof DataType)[DataTypeName];

/** Load state of a collection or partitions (`common.LoadState`). */
export const LoadState = {
  LoadStateNotExist: 0,
  LoadStateNotLoad: 1,
  LoadStateLoading: 2,
  LoadStateLoaded: 3,
} as const;

/** Name of a {@link LoadState}, e.g. `'LoadStateLoaded'` (the form results carry). */
export type LoadStateName = keyof typeof LoadState;
/** Number of a {@link LoadState}. */
export type LoadStateValue = (typeof LoadState)[LoadStateName];

/** Consistency levels (`common.ConsistencyLevel`). */
export const ConsistencyLevel = {
  Strong: 0,
  Session: 1,
  Bounded: 2,
  Eventually: 3,
  Customized: 4,
} as const;

/** Name of a {@link ConsistencyLevel}. */
export type ConsistencyLevelName = keyof typeof ConsistencyLevel;

/** Which collections/partitions a Show* call lists (`milvus.ShowType`): all created, or only loaded (deprecated). */
export const ShowType = {
  All: 0,
  InMemory: 1,
} as const;

const DATA_TYPE_NAMES = new Map<number, DataTypeName>(Object.entries(DataType).map(([name, value]) => [value, name as DataTypeName]));

/**
 * The `schema.DataType` name of a value, as Go's `DataType.String()` prints it in Milvus's
 * messages (`FloatVector`, `VarChar`, …); undefined for a value that is no data type.
 */
export function dataTypeName(value: number): DataTypeName | undefined {
  return DATA_TYPE_NAMES.get(value);
}

/** Whether a data type is a vector type (vector fields need an index before load). */
export function isVectorType(dataType: number): boolean {
  return dataType >= DataType.BinaryVector && dataType <= DataType.Int8Vector;
}

/** Collection function types (`schema.FunctionType`); BM25 is the one Milvus 2.5 runs. The official Node SDK exports the same `FunctionType`. */
export const FunctionType = {
  Unknown: 0,
  BM25: 1,
  TextEmbedding: 2,
  Rerank: 3,
} as const;

/** A {@link FunctionType} name. */
export type FunctionTypeName = keyof typeof FunctionType;
