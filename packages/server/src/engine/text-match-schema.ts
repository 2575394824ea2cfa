/**
 * The `enable_match` type param of VarChar fields (text match, Milvus 2.5): what CreateCollection
 * checks (`validateAnalyzer` in the proxy's `createCollectionTask.PreExecute`), and
 * the view of a field the filter compiler needs to run `TEXT_MATCH` / `PHRASE_MATCH`, and the
 * analysis of those fields' texts when rows are written.
 *
 * @packageDocumentation
 */
import { DataType, dataTypeName, MilvusError } from '@mvkit/core';
import type { Row } from './data/values.js';
import { matchAnalyzer, rowTokensOf, type RowTokens } from './expr/text-match.js';
import type { FilterField } from './expr/index.js';
import type { CollectionSpec, FieldInput, FieldSpec } from './schema.js';

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

/** The token caches of a schema's `enable_match` VarChar fields, by field name (built once per schema). */
const matchFields = new WeakMap<CollectionSpec, readonly { name: string; tokens: RowTokens }[]>();

/**
 * Analyses a row being written: each `enable_match` VarChar text goes through its field's analyzer
 * into the field's token cache (`rowTokensOf`, token IDs and positions kept beside the row object),
 * as Milvus's text index takes rows as they arrive, so a `TEXT_MATCH` / `PHRASE_MATCH` only reads
 * tokens and never analyses a stored row. Call it with the row object that is stored (after
 * normalisation). A null or absent text is skipped. Cost: one analysis per such text (jieba or the
 * standard analyzer: ~15–40 µs for a sentence); memory ~8 bytes a token.
 */
export function analyseMatchTexts(schema: CollectionSpec, row: Row): void {
  let fields = matchFields.get(schema);
  if (!fields) {
    fields = schema.fields.filter((f) => f.dataType === DataType.VarChar && enablesMatch(f)).map((f) => ({ name: f.name, tokens: rowTokensOf(f.name, f.typeParams.analyzer_params ?? '') }));
    matchFields.set(schema, fields);
  }
  for (const { name, tokens } of fields) {
    const text = row[name];
    if (typeof text === 'string') tokens.of(row, text);
  }
}
