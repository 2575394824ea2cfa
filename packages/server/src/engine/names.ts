import { Merr, MilvusError, formatMerr } from '@mvkit/core';
import { utf8Length } from './utf8.js';

/** Longest collection, partition, field or database name Milvus accepts (`proxy.maxNameLength`). */
export const MAX_NAME_LENGTH = 255;

const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/**
 * Validates a collection name as the Milvus 2.5 proxy does (`validateCollectionName`): trimmed,
 * non-empty, at most 255 characters, first `_` or ASCII letter, then `[A-Za-z0-9_]`.
 *
 * @throws MilvusError 1100 (`IllegalArgument`), e.g.
 *   `Invalid collection name: 1c. the first character of a collection name must be an underscore or letter: invalid parameter`
 */
export function validateCollectionName(raw: string): void {
  validateCollectionNameOrAlias(raw, 'name');
}

/**
 * Validates a collection alias as the Milvus 2.5 proxy does (`ValidateCollectionAlias`): the rules
 * of {@link validateCollectionName}, the messages saying "alias".
 *
 * @throws MilvusError 1100, e.g. `Invalid collection alias: 1a. the first character of a collection
 *   alias must be an underscore or letter: invalid parameter`
 */
export function validateCollectionAlias(raw: string): void {
  validateCollectionNameOrAlias(raw, 'alias');
}

function validateCollectionNameOrAlias(raw: string, what: 'name' | 'alias'): void {
  const name = raw.trim();
  const invalid = (why: string): MilvusError =>
    MilvusError.of(Merr.ParameterInvalid, `Invalid collection ${what}: ${name}. ${why}: ${Merr.ParameterInvalid.message}`);
  if (name === '') throw MilvusError.of(Merr.ParameterInvalid, `collection ${what} should not be empty: ${Merr.ParameterInvalid.message}`);
  if (name.length > MAX_NAME_LENGTH) throw invalid(`the length of a collection ${what} must be less than ${MAX_NAME_LENGTH} characters`);
  const first = name[0]!;
  if (first !== '_' && !isLetter(first)) throw invalid(`the first character of a collection ${what} must be an underscore or letter`);
  for (const c of name.slice(1)) {
    if (c !== '_' && !isLetter(c) && !isDigit(c)) throw invalid(`collection ${what} can only contain numbers, letters and underscores`);
  }
}

/**
 * Validates a partition name as the Milvus 2.5 proxy does (`validatePartitionTag`): trimmed,
 * non-empty, at most 255 characters, first `_`, letter or digit (the message names only the first
 * two, as upstream), then `[A-Za-z0-9_-]` (`-` since 2.5.0).
 *
 * @throws MilvusError 65535 (`UnexpectedError`), e.g.
 *   `Invalid partition name: a b. Partition name can only contain numbers, letters and underscores.`
 */
export function validatePartitionName(raw: string): void {
  const name = raw.trim();
  const invalid = (why: string): MilvusError => new MilvusError(`Invalid partition name: ${name}. ${why}`);
  if (name === '') throw invalid('Partition name should not be empty.');
  if (name.length > MAX_NAME_LENGTH) throw invalid(`The length of a partition name must be less than ${MAX_NAME_LENGTH} characters.`);
  const first = name[0]!;
  if (first !== '_' && !isLetter(first) && !isDigit(first)) {
    throw invalid('The first character of a partition name must be an underscore or letter.');
  }
  for (const c of name.slice(1)) {
    if (c !== '_' && c !== '-' && !isLetter(c) && !isDigit(c)) {
      throw invalid('Partition name can only contain numbers, letters and underscores.');
    }
  }
}

/**
 * Validates a field name as the Milvus proxy does (`validateFieldName`): trimmed, non-empty, at
 * most 255 characters, first `_` or letter, then `[A-Za-z0-9_]`, not a word of the filter
 * language (`Invalid field name: like. like is keyword in milvus.`) unless `keywords` is false
 * (Milvus 2.3 had no keyword check).
 *
 * @throws MilvusError 1701 `<why>: field name invalid[field=<name>]`, e.g. `Invalid field name:
 *   (mn). The first character of a field name must be an underscore or letter.: field name invalid[field=(mn)]`.
 */
export function validateFieldName(raw: string, keywords = true): void {
  const name = raw.trim();
  const invalid = (why: string): MilvusError => MilvusError.of(Merr.FieldNameInvalid, `${why}: ${formatMerr(Merr.FieldNameInvalid, { field: name })}`);
  if (name === '') throw invalid('field name should not be empty');
  const prefix = `Invalid field name: ${name}. `;
  if (name.length > MAX_NAME_LENGTH) throw invalid(`${prefix}The length of a field name must be less than ${MAX_NAME_LENGTH} characters.`);
  const first = name[0]!;
  if (first !== '_' && !isLetter(first)) throw invalid(`${prefix}The first character of a field name must be an underscore or letter.`);
  for (const c of name.slice(1)) {
    if (c !== '_' && !isLetter(c) && !isDigit(c)) throw invalid(`${prefix}Field name can only contain numbers, letters, and underscores.`);
  }
  if (keywords && FIELD_NAME_KEYWORDS.has(name)) throw invalid(`${prefix}${name} is keyword in milvus.`);
}

/** Words of the filter language a field may not be named (`common.FieldNameKeywords`, matched exactly). */
const FIELD_NAME_KEYWORDS: ReadonlySet<string> = new Set([
  '$meta', 'like', 'exists', 'EXISTS', 'and', 'or', 'not', 'in',
  'json_contains', 'JSON_CONTAINS', 'json_contains_all', 'JSON_CONTAINS_ALL', 'json_contains_any', 'JSON_CONTAINS_ANY',
  'array_contains', 'ARRAY_CONTAINS', 'array_contains_all', 'ARRAY_CONTAINS_ALL', 'array_contains_any', 'ARRAY_CONTAINS_ANY',
  'array_length', 'ARRAY_LENGTH', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL',
  'text_match', 'TEXT_MATCH', 'phrase_match', 'PHRASE_MATCH',
]);

/**
 * Validates a database name as the Milvus 2.5 proxy does (`ValidateDatabaseName`), on the name as
 * given (not trimmed: `"  "` is invalid, not empty): non-empty, at most 255 bytes, first `_` or
 * ASCII letter, then `[A-Za-z0-9_]`.
 *
 * @throws MilvusError 802 `<reason>: invalid database name[database=<name>]`, the reason one of
 *   `database name couldn't be empty`, `the length of a database name must be less than 255
 *   characters`, `the first character of a database name must be an underscore or letter`,
 *   `database name can only contain numbers, letters and underscores`.
 */
export function validateDatabaseName(name: string): void {
  const invalid = (why: string): MilvusError => MilvusError.of(Merr.DatabaseInvalidName, `${why}: ${formatMerr(Merr.DatabaseInvalidName, { database: name })}`);
  if (name === '') throw invalid("database name couldn't be empty");
  if (utf8Length(name) > MAX_NAME_LENGTH) throw invalid(`the length of a database name must be less than ${MAX_NAME_LENGTH} characters`);
  if (name[0] !== '_' && !isLetter(name[0]!)) throw invalid('the first character of a database name must be an underscore or letter');
  for (const c of name.slice(1)) {
    if (c !== '_' && !isLetter(c) && !isDigit(c)) throw invalid('database name can only contain numbers, letters and underscores');
  }
}
