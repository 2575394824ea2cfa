import { parseJsonExact } from '@mvkit/core';
import type { CollectionSpec } from '../schema.js';
import type { Row } from '../data/values.js';
import { utf8Text } from '../utf8.js';
import { importFailed } from './source.js';

/** The name Go's `%T` gives a value `encoding/json` decoded (with `UseNumber`). */
function goTypeOf(v: unknown): string {
  if (v === null) return '<nil>';
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'number' || typeof v === 'bigint') return 'json.Number';
  return typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'map[string]interface {}';
}

/**
 * The rows of a JSON import file, as `importutilv2/json` accepts them: a row array
 * (`[{...}, ...]`) or, as in 2.2/2.3, an object whose first key is `rows` (any case) holding that
 * array. Each row is an object of field values, checked later by the engine's write rules (as
 * Insert checks rows). Integers beyond ±(2^53 − 1) are read exactly.
 * @throws MilvusError 2100 `failed to decode the JSON file, error: <why>` for text that is not
 *   JSON, `invalid JSON format, the content should be started with '{' or '['`,
 *   `invalid JSON format, the root key should be 'rows', but get '<key>'`,
 *   `invalid JSON format, rows list should begin with '['`,
 *   `invalid JSON format, each row should be a key-value map, but got type <T>`, or
 *   `the primary key '<pk>' is auto-generated, no need to provide`.
 */
export function readJsonRows(bytes: Uint8Array, schema: CollectionSpec): Row[] {
  let doc: unknown;
  try {
    doc = parseJsonExact(utf8Text(bytes));
  } catch (e) {
    throw importFailed(`failed to decode the JSON file, error: ${(e as Error).message}`);
  }
  let rows: unknown = doc;
  if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
    const key = Object.keys(doc)[0] ?? '';
    if (key.toLowerCase() !== 'rows') throw importFailed(`invalid JSON format, the root key should be 'rows', but get '${key}'`);
    rows = (doc as Record<string, unknown>)[key];
    if (!Array.isArray(rows)) throw importFailed("invalid JSON format, rows list should begin with '['");
  } else if (!Array.isArray(doc)) {
    throw importFailed("invalid JSON format, the content should be started with '{' or '['");
  }
  const autoPk = schema.fields.find((f) => f.isPrimaryKey && f.autoID)?.name;
  for (const r of rows as unknown[]) {
    if (goTypeOf(r) !== 'map[string]interface {}') throw importFailed(`invalid JSON format, each row should be a key-value map, but got type ${goTypeOf(r)}`);
    if (autoPk !== undefined && autoPk in (r as Row)) throw importFailed(`the primary key '${autoPk}' is auto-generated, no need to provide`);
  }
  return rows as Row[];
}
