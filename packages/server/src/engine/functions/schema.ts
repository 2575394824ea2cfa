/**
 * Collection functions (`schema.FunctionSchema`) as Milvus 2.5 checks and stores them: the proxy's
 * `validateFunction` (run first in `createCollectionTask.PreExecute`), and rootcoord's
 * `assignFieldAndFunctionID`. Milvus 2.5 knows one function type, BM25: a VarChar input field
 * with `enable_analyzer` whose text the server turns into the SparseFloatVector of its output field.
 *
 * @packageDocumentation
 */
import { DataType, FunctionType, MilvusError, dataTypeName } from '@mvkit/core';
import type { CollectionSpec, FieldInput, FieldSpec } from '../schema.js';
import { bm25FunctionsOf } from './bm25.js';

/** A function of a CreateCollection request (`schema.FunctionSchema` without IDs). */
export interface FunctionInput {
  name: string;
  description: string;
  /** `schema.FunctionType` number (1: BM25). */
  type: number;
  inputFieldNames: readonly string[];
  outputFieldNames: readonly string[];
  /** `params` key-value pairs; BM25 takes none. */
  params: readonly { key: string; value: string }[];
}

/** A function as the engine stores it (mirrors `schema.FunctionSchema`): IDs assigned as rootcoord does. */
export interface FunctionSpec extends FunctionInput {
  /** 100, 101, … in schema order (`common.StartOfUserFunctionID`). */
  id: bigint;
  inputFieldIds: bigint[];
  outputFieldIds: bigint[];
}

/** First function ID (`common.StartOfUserFunctionID`). */
export const START_OF_USER_FUNCTION_ID = 100n;

/** The texts Go's `strconv.ParseBool` reads as true (`FieldSchemaHelper.EnableAnalyzer`). */
const PARSE_BOOL_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/**
 * `checkFunctionBasicParams`: a name, input and output names (none empty, none repeated, none both
 * input and output), and the type's parameters (BM25: none; any other type is unknown to 2.5).
 */
function checkBasicParams(fn: FunctionInput): void {
  if (fn.name === '') throw new MilvusError('function name cannot be empty');
  if (fn.inputFieldNames.length === 0) throw new MilvusError(`function input field names cannot be empty, function: ${fn.name}`);
  if (fn.outputFieldNames.length === 0) throw new MilvusError(`function output field names cannot be empty, function: ${fn.name}`);
  const count = (list: readonly string[], name: string) => list.filter((x) => x === name).length;
  for (const input of fn.inputFieldNames) {
    if (input === '') throw new MilvusError(`function input field name cannot be empty string, function: ${fn.name}`);
    if (count(fn.inputFieldNames, input) > 1) {
      throw new MilvusError(`each function input field should be used exactly once in the same function, function: ${fn.name}, input field: ${input}`);
    }
  }
  for (const output of fn.outputFieldNames) {
    if (output === '') throw new MilvusError(`function output field name cannot be empty string, function: ${fn.name}`);
    if (count(fn.inputFieldNames, output) > 0) throw new MilvusError(`a single field cannot be both input and output in the same function, function: ${fn.name}, field: ${output}`);
    if (count(fn.outputFieldNames, output) > 1) {
      throw new MilvusError(`each function output field should be used exactly once in the same function, function: ${fn.name}, output field: ${output}`);
    }
  }
  if (fn.type !== FunctionType.BM25) throw new MilvusError('check function params with unknown function type');
  if (fn.params.length !== 0) throw new MilvusError('BM25 function accepts no params');
}

/** `checkFunctionInputField` for BM25: one VarChar field with `enable_analyzer`. */
function checkInputFields(fields: readonly FieldInput[]): void {
  const first = fields[0]!;
  if (fields.length !== 1 || first.dataType !== DataType.VarChar) {
    throw new MilvusError(`BM25 function input field must be a VARCHAR field, got ${fields.length} field with type ${dataTypeName(first.dataType)}`);
  }
  if (!PARSE_BOOL_TRUE.has(first.typeParams.enable_analyzer ?? '')) throw new MilvusError('BM25 function input field must set enable_analyzer to true');
}

/** `checkFunctionOutputField` for BM25: one SparseFloatVector field. */
function checkOutputFields(fields: readonly FieldInput[]): void {
  if (fields.length !== 1) throw new MilvusError(`BM25 function only need 1 output field, but got ${fields.length}`);
  if (fields[0]!.dataType !== DataType.SparseFloatVector) {
    throw new MilvusError(`BM25 function output field must be a SparseFloatVector field, but got ${dataTypeName(fields[0]!.dataType)}`);
  }
}

/**
 * Validates a schema's functions as the 2.5 proxy's `validateFunction`, function by function:
 * basic parameters, a unique name, input fields that exist and are not nullable, the type's input
 * rule, output fields that exist and are neither primary, partition nor clustering key, nor
 * nullable, nor another function's output, then the type's output rule.
 * @returns the names of the output fields (which Milvus marks `is_function_output`).
 * @throws MilvusError 65535 with the proxy's words, e.g. `duplicate function name: <f>`,
 *   `function input field not found: <name>`, `BM25 function input field must set enable_analyzer
 *   to true`, `function output field cannot be primary key: function <f>, field <name>`.
 */
export function validateFunctions(fields: readonly FieldInput[], functions: readonly FunctionInput[]): Set<string> {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const usedOutputs = new Set<string>();
  const usedNames = new Set<string>();
  for (const fn of functions) {
    checkBasicParams(fn);
    if (usedNames.has(fn.name)) throw new MilvusError(`duplicate function name: ${fn.name}`);
    usedNames.add(fn.name);
    const inputs = fn.inputFieldNames.map((name) => {
      const f = byName.get(name);
      if (!f) throw new MilvusError(`function input field not found: ${name}`);
      if (f.nullable) throw new MilvusError(`function input field cannot be nullable: function ${fn.name}, field ${f.name}`);
      return f;
    });
    checkInputFields(inputs);
    const outputs = fn.outputFieldNames.map((name) => {
      const f = byName.get(name);
      if (!f) throw new MilvusError(`function output field not found: ${name}`);
      if (f.isPrimaryKey) throw new MilvusError(`function output field cannot be primary key: function ${fn.name}, field ${f.name}`);
      if (f.isPartitionKey || f.isClusteringKey) throw new MilvusError(`function output field cannot be partition key or clustering key: function ${fn.name}, field ${f.name}`);
      if (f.nullable) throw new MilvusError(`function output field cannot be nullable: function ${fn.name}, field ${f.name}`);
      if (usedOutputs.has(name)) throw new MilvusError(`duplicate function output field: function ${fn.name}, field ${name}`);
      usedOutputs.add(name);
      return f;
    });
    checkOutputFields(outputs);
  }
  return usedOutputs;
}

/**
 * Rootcoord's `assignFieldAndFunctionID` for functions: IDs 100, 101, … in order, and the IDs of
 * their input and output fields (which {@link validateFunctions} has checked exist).
 */
export function assignFunctionIds(fields: readonly FieldSpec[], functions: readonly FunctionInput[]): FunctionSpec[] {
  const ids = new Map(fields.map((f) => [f.name, f.fieldID]));
  return functions.map((fn, i) => ({
    name: fn.name,
    description: fn.description,
    type: fn.type,
    inputFieldNames: [...fn.inputFieldNames],
    outputFieldNames: [...fn.outputFieldNames],
    params: fn.params.map((p) => ({ ...p })),
    id: START_OF_USER_FUNCTION_ID + BigInt(i),
    inputFieldIds: fn.inputFieldNames.map((n) => ids.get(n)!),
    outputFieldIds: fn.outputFieldNames.map((n) => ids.get(n)!),
  }));
}

/**
 * Stores validated functions on a built schema: their IDs ({@link assignFunctionIds}) and the
 * `is_function_output` mark on each output field; then builds the BM25 input fields' analyzers,
 * so that invalid `analyzer_params` fail the CreateCollection rather than every insert. A schema
 * without functions is left as it is.
 * @throws MilvusError 2000 for invalid `analyzer_params` of an input field (see `createAnalyzer`).
 */
export function attachFunctions(schema: CollectionSpec, functions: readonly FunctionInput[], outputs: ReadonlySet<string>): void {
  if (functions.length === 0) return;
  for (const f of schema.fields) if (outputs.has(f.name)) f.isFunctionOutput = true;
  schema.functions = assignFunctionIds(schema.fields, functions);
  bm25FunctionsOf(schema);
}
