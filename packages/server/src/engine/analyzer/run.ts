/**
 * RunAnalyzer as Milvus 2.5's querynode runs it (`runAnalyzer`): each text through one analyzer,
 * tokens with or without detail, hashed as BM25 term IDs when asked; and the analyzer of a
 * collection's VarChar field.
 *
 * @packageDocumentation
 */
import CRC32 from 'crc-32';
import { DataType, Merr, MilvusError } from '@mvkit/core';
import type { FieldSpec } from '../schema.js';
import { utf8Bytes } from '../utf8.js';
import { createAnalyzer } from './analyzer.js';

/** One token of a RunAnalyzer answer (`milvuspb.AnalyzerToken`). */
export interface AnalyzedToken {
  token: string;
  /** UTF-8 byte offsets and position; 0 without `withDetail`. */
  startOffset: number;
  endOffset: number;
  position: number;
  positionLength: number;
  /** {@link tokenHash} of the token with `withHash`, else 0. */
  hash: number;
}

/** What RunAnalyzer analyzes and how it answers. */
export interface RunAnalyzerInput {
  /** `analyzer_params` JSON text; empty: the standard analyzer. Ignored when a field is named. */
  analyzerParams: string;
  texts: readonly string[];
  withDetail: boolean;
  withHash: boolean;
}

/** Bytes of a token that are hashed (`substringLengthForCRC`). */
const HASHED_BYTES = 100;

/**
 * The term ID Milvus gives a token (`typeutil.HashString2LessUint32`): CRC-32 (IEEE) of its first
 * 100 UTF-8 bytes, modulo 2^32 − 1.
 */
export function tokenHash(token: string): number {
  return (CRC32.buf(utf8Bytes(token).subarray(0, HASHED_BYTES)) >>> 0) % 0xffffffff;
}

/**
 * The tokens of each text, in order.
 * @throws MilvusError 2000 for invalid `analyzerParams` (see `createAnalyzer`).
 */
export function runAnalyzer(input: RunAnalyzerInput): AnalyzedToken[][] {
  const analyzer = createAnalyzer(input.analyzerParams);
  return input.texts.map((text) =>
    analyzer(text).map((t) => ({
      token: t.text,
      startOffset: input.withDetail ? t.startOffset : 0,
      endOffset: input.withDetail ? t.endOffset : 0,
      position: input.withDetail ? t.position : 0,
      positionLength: input.withDetail ? t.positionLength : 0,
      hash: input.withHash ? tokenHash(t.text) : 0,
    })),
  );
}

/** The texts Go's `strconv.ParseBool` reads as true. */
const PARSE_BOOL_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/**
 * The `analyzer_params` of field `fieldName` of a collection: its type param, or empty (the
 * standard analyzer) when the field enables the analyzer without one.
 * @throws MilvusError 1700 `field not found[field=<name>]`; 1100 `field <name> is not a VarChar
 *   field with enable_analyzer: invalid parameter`, or `multi analyzer field <name> is not
 *   supported: invalid parameter` for a field with `multi_analyzer_params`.
 */
export function fieldAnalyzerParams(fields: readonly FieldSpec[], fieldName: string): string {
  const field = fields.find((f) => f.name === fieldName);
  if (!field) throw new MilvusError(`field not found[field=${fieldName}]`, { code: Merr.FieldNotFound.code });
  if (field.dataType !== DataType.VarChar || !PARSE_BOOL_TRUE.has(field.typeParams.enable_analyzer ?? '')) {
    throw new MilvusError(`field ${fieldName} is not a VarChar field with enable_analyzer: invalid parameter`, { code: Merr.ParameterInvalid.code });
  }
  if (field.typeParams.multi_analyzer_params !== undefined) {
    throw new MilvusError(`multi analyzer field ${fieldName} is not supported: invalid parameter`, { code: Merr.ParameterInvalid.code });
  }
  return field.typeParams.analyzer_params ?? '';
}
