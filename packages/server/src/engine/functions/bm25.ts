/**
 * The BM25 function as Milvus 2.5 runs it on writes (`BM25FunctionRunner`): the input field's
 * text through the field's analyzer, each token hashed to a uint32 term ID, the output field
 * set to the sparse vector of term frequencies.
 *
 * @packageDocumentation
 */
import { FunctionType, MilvusError, type SparseRow } from '@mvkit/core';
import { createAnalyzer, type Analyzer } from '../analyzer/analyzer.js';
import { tokenHash } from '../analyzer/run.js';
import type { CollectionSpec, FieldSpec } from '../schema.js';
import type { Row } from '../data/values.js';
import type { FunctionSpec } from './schema.js';

/** A collection's BM25 function, ready to run. */
export interface Bm25Function {
  spec: FunctionSpec;
  input: FieldSpec;
  output: FieldSpec;
  /** The input field's analyzer (`analyzer_params`, default the standard analyzer). */
  analyzer: Analyzer;
}

const cache = new WeakMap<CollectionSpec, Bm25Function[]>();

/**
 * The BM25 functions of a schema, their analyzers built once per schema.
 * @throws MilvusError 2000 for invalid `analyzer_params` on an input field (see `createAnalyzer`).
 */
export function bm25FunctionsOf(schema: CollectionSpec): Bm25Function[] {
  let fns = cache.get(schema);
  if (fns) return fns;
  fns = (schema.functions ?? [])
    .filter((f) => f.type === FunctionType.BM25)
    .map((spec) => {
      const input = schema.fields.find((f) => f.name === spec.inputFieldNames[0])!;
      const output = schema.fields.find((f) => f.name === spec.outputFieldNames[0])!;
      return { spec, input, output, analyzer: createAnalyzer(input.typeParams.analyzer_params ?? '') };
    });
  cache.set(schema, fns);
  return fns;
}

/** The BM25 function whose output is `field`, if any. */
export function bm25FunctionOf(schema: CollectionSpec, field: string): Bm25Function | undefined {
  return bm25FunctionsOf(schema).find((f) => f.output.name === field);
}

/**
 * The term frequencies of a text (`BM25FunctionRunner.run`): per distinct token hash
 * ({@link tokenHash}), how many of the text's tokens hash to it; indices ascending.
 */
export function termFrequencies(analyzer: Analyzer, text: string): SparseRow {
  const counts = new Map<number, number>();
  for (const t of analyzer(text)) {
    const h = tokenHash(t.text);
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const indices = Uint32Array.from(counts.keys()).sort();
  const values = new Float32Array(indices.length);
  for (let i = 0; i < indices.length; i++) values[i] = counts.get(indices[i]!)!;
  return { indices, values };
}

/**
 * A row to write with its BM25 outputs computed from its input texts. The user may not give an
 * output field; an input that is not a string is left for the row's own checks to refuse.
 * @throws MilvusError 1100 `the field <name> is output by function, no need to provide` (a guess:
 *   see the conformance divergences).
 */
export function withFunctionOutputs(schema: CollectionSpec, row: Row): Row {
  const fns = bm25FunctionsOf(schema);
  if (fns.length === 0 || row === null || typeof row !== 'object') return row;
  const out: Row = { ...row };
  for (const fn of fns) {
    if (row[fn.output.name] !== undefined) throw MilvusError.parameterInvalid(`the field ${fn.output.name} is output by function, no need to provide`);
    const text = row[fn.input.name];
    if (typeof text === 'string') out[fn.output.name] = termFrequencies(fn.analyzer, text);
  }
  return out;
}
