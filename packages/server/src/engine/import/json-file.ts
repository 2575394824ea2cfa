import { parseJsonExact } from '@mvkit/core';
import type { Row } from '../data/values.js';
import { utf8Text } from '../utf8.js';
import { importFailed } from './source.js';

/**
 * The rows of a JSON import file, as `importutilv2/json` accepts them: a row array
 * (`[{...}, ...]`) or an object whose only member is that array under `rows`
 * (`{"rows": [{...}, ...]}`). Each row is an object of field values, checked later by the
 * engine's write rules (as Insert checks rows). Integers beyond ±(2^53 − 1) are read exactly.
 * @throws MilvusError 2100 for text that is not JSON, another top-level shape, or a row that is not an object.
 */
export function readJsonRows(bytes: Uint8Array, path: string): Row[] {
  let doc: unknown;
  try {
    doc = parseJsonExact(utf8Text(bytes));
  } catch (e) {
    throw importFailed(`failed to parse JSON file '${path}': ${(e as Error).message}`);
  }
  let rows: unknown = doc;
  if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
    const keys = Object.keys(doc);
    if (keys.length !== 1 || keys[0] !== 'rows') throw importFailed(`invalid JSON format, the key should be 'rows', but got '${keys.find((k) => k !== 'rows') ?? ''}'`);
    rows = (doc as { rows: unknown }).rows;
    if (!Array.isArray(rows)) throw importFailed("invalid JSON format, rows list should begin with '['");
  } else if (!Array.isArray(doc)) {
    throw importFailed("invalid JSON format, the content should be started with '{' or '['");
  }
  for (const r of rows as unknown[]) {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) throw importFailed(`invalid JSON format, each row should be a key-value map, but got '${typeof r === 'bigint' ? String(r) : JSON.stringify(r)}'`);
  }
  return rows as Row[];
}
