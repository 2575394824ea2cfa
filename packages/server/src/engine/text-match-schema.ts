/**
 * The `enable_match` type param of VarChar fields (text match, Milvus 2.5): what CreateCollection
 * checks (`validateAnalyzer` in the proxy's `createCollectionTask.PreExecute`), and
 * the view of a field the filter compiler needs to run `TEXT_MATCH` / `PHRASE_MATCH`.
 *
 * @packageDocumentation
 */
import { dataTypeName, MilvusError } from '@mvkit/core';
import { matchAnalyzer } from './expr/text-match.js';
import type { FilterField } from './expr/index.js';
import type { FieldInput, FieldSpec } from './schema.js';

/** The texts Go's `strconv.ParseBool` reads as true (`FieldSchemaHelper.EnableMatch` / `EnableAnalyzer`). */
const PARSE_BOOL_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/** Whether a field's type params switch text match on (`enable_match` parses as true). */
export function enablesMatch(f: Pick<FieldInput, 'typeParams'>): boolean {
  return PARSE_BOOL_TRUE.has(f.typeParams.enable_match ?? '');
}

/**
 * The proxy's `validateAnalyzer` for a field with `enable_match` (2.5): it must also enable the
 * analyzer, must not use `multi_analyzer_params` (those serve BM25 only), and its
 * `analyzer_params` must build an analyzer (`ctokenizer.ValidateTokenizer`). Fields without
 * `enable_match` pass.
 * @throws MilvusError 65535 `field <name> is set to enable match or bm25 function but not enable
 *   analyzer`, `multi analyzer now only support for bm25, but now field <name> enable match`;
 *   2000 with the analyzer's message for bad `analyzer_params` (see `createAnalyzer`).
 */
export function checkTextMatchField(f: FieldInput): void {
  if (!enablesMatch(f)) return;
  if (!PARSE_BOOL_TRUE.has(f.typeParams.enable_analyzer ?? '')) {
    throw new MilvusError(`field ${f.name} is set to enable match or bm25 function but not enable analyzer`);
  }
  if (f.typeParams.multi_analyzer_params !== undefined) {
    throw new MilvusError(`multi analyzer now only support for bm25, but now field ${f.name} enable match`);
  }
  matchAnalyzer(f.typeParams.analyzer_params ?? '');
}

/**
 * The filter compiler's view of a stored field: name, type by name, element type, nullability,
 * ID, and with `enable_match` its analyzer params (the compiler refuses non-string fields itself).
 */
export function filterFieldOf(f: FieldSpec): FilterField {
  return {
    name: f.name,
    type: dataTypeName(f.dataType)!,
    ...(f.elementType ? { elementType: dataTypeName(f.elementType)! } : {}),
    nullable: f.nullable,
    id: Number(f.fieldID),
    ...(enablesMatch(f) ? { enableMatch: true, analyzerParams: f.typeParams.analyzer_params ?? '' } : {}),
  };
}
