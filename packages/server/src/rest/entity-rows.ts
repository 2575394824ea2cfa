/**
 * Entity rows between JSON and the engine, as Milvus 2.5's RESTful v2 front converts them
 * (`internal/distributed/proxy/httpserver/utils.go`): `checkAndSetData` and `anyToColumns` read
 * the rows of an insert/upsert body against the collection schema; `buildQueryResp` writes the rows
 * of query, get and search answers.
 *
 * @packageDocumentation
 */
import { DataType, Merr, MilvusError, dataTypeName, halfBytesOf, halfFormatOf, sparseObjectOf, sparseRowOf, stringifyJsonExact, type DataTypeValue, type SparseRow } from '@mvkit/core';
import type { CollectionSpec, FieldSpec, Pacer, Row } from '../engine/index.js';
import { utf8Bytes } from '../engine/utf8.js';
import { scanGoJson } from '../gojson.js';
import { gjsonType, memberOf, nodeString, nodeValue, parseJsonNode, type JsonNode } from './json-node.js';
import { base64ToBytes, bytesToBase64 } from '../engine/base64.js';

/** Name of the hidden dynamic field. */
const META = '$meta';

const typeName = (t: DataTypeValue): string => dataTypeName(t) ?? String(t);

/** `merr.WrapErrParameterInvalid(expected, actual, msg)`'s text. */
const wrapInvalid = (expected: string, actual: string, msg: string) => MilvusError.parameterInvalid(msg, { expected, actual }).reason;
/** `merr.WrapErrParameterInvalidMsg(msg)`'s text. */
const wrapInvalidMsg = (msg: string) => MilvusError.parameterInvalid(msg).reason;

/** The 1804 answer of insert/upsert: `invalid insert data, error: <detail>`. */
function insertDataError(detail: string): MilvusError {
  return MilvusError.of(Merr.InvalidInsertData, `${Merr.InvalidInsertData.message}, error: ${detail}`);
}

/** Go's `%#v` of a string (a quoted Go string literal; JSON quoting for the printable ASCII cases). */
const goQuote = (s: string) => JSON.stringify(s);

// ------------------------------------------------------------------ Go scalar parsers (strconv, spf13/cast)

/** `strconv.ParseInt(s, 10, 64)` (what `json.Number.Int64` does). */
function parseInt64(s: string): bigint {
  if (!/^[+-]?\d+$/.test(s)) throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`);
  const v = BigInt(s);
  if (v > 2n ** 63n - 1n || v < -(2n ** 63n)) throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`);
  return v;
}

/** cast's `trimZeroDecimal`: `"5.00"` → `"5"`. */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') return foundZero ? s.slice(0, i - 1) : s;
    if (c === '0') foundZero = true;
    else return s;
  }
  return s;
}

/**
 * `cast.ToInt8E` / `ToInt16E` / `ToInt32E` of a string: `strconv.ParseInt(trimZeroDecimal(s), 0, 0)`
 * (base prefixes allowed), then a Go conversion to the narrow type (which wraps on overflow).
 */
function castInt(s: string, bits: 8 | 16 | 32): number {
  const fail = () => new Error(`unable to cast ${goQuote(s)} of type string to int${bits}`);
  const t = trimZeroDecimal(s);
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9]\d*)$/.exec(t);
  if (!m) throw fail();
  const body = m[2]!;
  let v: bigint;
  if (/^0[oO]/.test(body)) v = BigInt(`0o${body.slice(2)}`);
  else if (/^0[0-7]+$/.test(body)) v = BigInt(`0o${body.slice(1)}`);
  else v = BigInt(body);
  if (m[1] === '-') v = -v;
  if (v > 2n ** 63n - 1n || v < -(2n ** 63n)) throw fail();
  return Number(BigInt.asIntN(bits, v));
}

const GO_FLOAT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/** `cast.ToFloat32E` / `ToFloat64E` of a string (`strconv.ParseFloat`). */
function castFloat(s: string, bits: 32 | 64): number {
  const fail = () => new Error(`unable to cast ${goQuote(s)} of type string to float${bits}`);
  if (!GO_FLOAT.test(s)) throw fail();
  const lower = s.toLowerCase().replace(/^[+]/, '');
  const v = lower.includes('nan') ? NaN : lower.includes('inf') ? (lower.startsWith('-') ? -Infinity : Infinity) : Number(s);
  if (bits === 32) {
    const f = Math.fround(v);
    if (Number.isFinite(v) && !Number.isFinite(f)) throw fail();
    return f;
  }
  if (Number.isNaN(v) && !lower.includes('nan')) throw fail();
  return v;
}

/** `strconv.ParseBool` (what `cast.ToBoolE` does with a string). */
function parseBool(s: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  throw new Error(`strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`);
}

// ------------------------------------------------------------------ json.Unmarshal into typed slices

/** Go element types the row decoder unmarshals into. */
type GoElem = 'float32' | 'float64' | 'int32' | 'int64' | 'uint8' | 'bool' | 'string';

const GO_KIND: Record<JsonNode['kind'], string> = { null: 'null', bool: 'bool', number: 'number', string: 'string', array: 'array', object: 'object' };
const INT_RANGE: Record<'int32' | 'int64' | 'uint8', [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n],
};

/** One element as `json.Unmarshal` stores it into `elem`, or the UnmarshalTypeError text. */
function goElement(node: JsonNode, elem: GoElem): { value: unknown } | { error: string } {
  const typeError = (what: string) => ({ error: `json: cannot unmarshal ${what} into Go value of type ${elem}` });
  if (node.kind === 'null') return { value: elem === 'bool' ? false : elem === 'string' ? '' : elem === 'int64' ? 0n : 0 };
  switch (elem) {
    case 'bool':
      return node.kind === 'bool' ? { value: node.value } : typeError(GO_KIND[node.kind]);
    case 'string':
      return node.kind === 'string' ? { value: node.value } : typeError(GO_KIND[node.kind]);
    case 'float32':
    case 'float64': {
      if (node.kind !== 'number') return typeError(GO_KIND[node.kind]);
      const v = Number(node.raw);
      const f = elem === 'float32' ? Math.fround(v) : v;
      return Number.isFinite(f) ? { value: f } : typeError(`number ${node.raw}`);
    }
    default: {
      if (node.kind !== 'number') return typeError(GO_KIND[node.kind]);
      const [min, max] = INT_RANGE[elem];
      if (!/^-?\d+$/.test(node.raw)) return typeError(`number ${node.raw}`);
      const v = BigInt(node.raw);
      if (v < min || v > max) return typeError(`number ${node.raw}`);
      return { value: elem === 'int64' ? v : Number(v) };
    }
  }
}

/**
 * `json.Unmarshal([]byte(text), &[]elem)`: the decoded slice, or Go's error text (syntax errors as
 * `Unmarshal` words them, else the first type error). `[]uint8` also takes a base64 string.
 */
function goUnmarshalSlice(text: string, elem: GoElem): { value: unknown[] } | { error: string } {
  const scan = scanGoJson(text);
  if (scan.kind === 'eof' || (scan.kind === 'error' && scan.message === 'unexpected EOF')) return { error: 'unexpected end of JSON input' };
  if (scan.kind === 'error') return { error: scan.message };
  const rest = text.slice(scan.end).trimStart();
  if (rest) return { error: `invalid character ${goQuoteChar(rest)} after top-level value` };
  const node = parseJsonNode(text);
  if (node.kind === 'null') return { value: [] };
  if (elem === 'uint8' && node.kind === 'string') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(node.value) || node.value.length % 4 !== 0) {
      const at = /[^A-Za-z0-9+/=]/.exec(node.value)?.index ?? node.value.length - (node.value.length % 4);
      return { error: `illegal base64 data at input byte ${at}` };
    }
    return { value: [...base64ToBytes(node.value)] };
  }
  if (node.kind !== 'array') return { error: `json: cannot unmarshal ${GO_KIND[node.kind]} into Go value of type []${elem}` };
  const out: unknown[] = [];
  let firstError: string | undefined;
  for (const item of node.items) {
    const r = goElement(item, elem);
    if ('error' in r) {
      firstError ??= r.error;
      out.push(undefined);
    } else out.push(r.value);
  }
  return firstError ? { error: firstError } : { value: out };
}

const goQuoteChar = (s: string) => {
  const c = s[0] ?? '';
  return c === "'" ? `'\\''` : `'${c}'`;
};

const ARRAY_ELEM: Partial<Record<DataTypeValue, GoElem>> = {
  [DataType.Bool]: 'bool',
  [DataType.Int8]: 'int32',
  [DataType.Int16]: 'int32',
  [DataType.Int32]: 'int32',
  [DataType.Int64]: 'int64',
  [DataType.Float]: 'float32',
  [DataType.Double]: 'float64',
  [DataType.VarChar]: 'string',
  [DataType.String]: 'string',
};

// ------------------------------------------------------------------ rows in

/** The value of one schema field of a row, as `checkAndSetData` converts it (or its error text). */
function fieldOf(field: FieldSpec, node: JsonNode | undefined): unknown {
  const ds = nodeString(node);
  const type = typeName(field.dataType);
  const invalid = (actual: string, msg: string) => new Error(wrapInvalid(type, actual, msg));
  switch (field.dataType) {
    case DataType.FloatVector:
    case DataType.BinaryVector: {
      if (ds === '') throw invalid('', `missing vector field: ${field.name}`);
      const r = goUnmarshalSlice(field.dataType === DataType.FloatVector ? ds : (node?.raw ?? ''), field.dataType === DataType.FloatVector ? 'float32' : 'uint8');
      if ('error' in r) throw invalid(ds, r.error);
      return r.value;
    }
    case DataType.Float16Vector:
    case DataType.BFloat16Vector: {
      // A `[]float32` (converted to the field's format) or the vector's bytes as a base64 string.
      if (ds === '') throw invalid('', `missing vector field: ${field.name}`);
      const bytes = node?.kind === 'string';
      const r = goUnmarshalSlice(bytes ? (node?.raw ?? '') : ds, bytes ? 'uint8' : 'float32');
      if ('error' in r) throw invalid(ds, r.error);
      return bytes ? Uint8Array.from(r.value as number[]) : r.value;
    }
    case DataType.SparseFloatVector:
      // `{"<index>": value}` or `{"indices": [...], "values": [...]}` (`CreateSparseFloatRowFromJSON`)
      if (ds === '') throw invalid('', `missing vector field: ${field.name}`);
      return guard(() => sparseRowOf(JSON.parse(ds)), (m) => invalid(ds, m));
    case DataType.Bool:
      return guard(() => parseBool(ds), (m) => invalid(ds, m));
    case DataType.Int8:
      return guard(() => castInt(ds, 8), (m) => invalid(ds, m));
    case DataType.Int16:
      return guard(() => castInt(ds, 16), (m) => invalid(ds, m));
    case DataType.Int32:
      return guard(() => castInt(ds, 32), (m) => invalid(ds, m));
    case DataType.Int64:
      return guard(() => parseInt64(ds), (m) => invalid(ds, m));
    case DataType.Float:
      return guard(() => castFloat(ds, 32), (m) => invalid(ds, m));
    case DataType.Double:
      return guard(() => castFloat(ds, 64), (m) => invalid(ds, m));
    case DataType.VarChar:
    case DataType.String:
      return ds;
    case DataType.JSON:
      // the JSON text as sent (a string's contents are the JSON text), as bytes: the engine parses it
      return utf8Bytes(ds);
    case DataType.Array: {
      const elem = ARRAY_ELEM[field.elementType];
      if (!elem) return node ? nodeValue(node) : undefined;
      const r = goUnmarshalSlice(ds, elem);
      if ('error' in r) throw new Error(wrapInvalid(`Array of ${typeName(field.elementType)}`, ds, r.error));
      return r.value;
    }
    default:
      // vector types the engine does not store: it refuses them with its own message
      return node ? nodeValue(node) : undefined;
  }
}

function guard<T>(f: () => T, wrap: (message: string) => Error): T {
  try {
    return f();
  } catch (e) {
    throw wrap((e as Error).message);
  }
}

/** A dynamic key's value as `checkAndSetData` keeps it (`null` skipped; integers as int64). */
function dynamicValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'number':
      if (node.raw.includes('.')) return Number(node.raw);
      try {
        return parseInt64(node.raw);
      } catch {
        return 0n; // cast.ToInt64 of "1e5" or an out-of-range literal: 0
      }
    case 'null':
      return undefined;
    default:
      return nodeValue(node);
  }
}

/**
 * Decodes the rows of an insert (`insert` true) or upsert body: the raw `data` member (gjson's
 * exact-key `Get(body, "data")`) checked against the schema, as `checkAndSetData` then
 * `anyToColumns` do it in Milvus 2.5:
 *
 * - each schema field is read from its gjson text: Int64 via `json.Number.Int64` (numbers or
 *   decimal strings, exact), Int8–Int32 / Float / Double / Bool via spf13/cast, VarChar as the
 *   text of any value, FloatVector as `[]float32`, BinaryVector as `[]byte` (byte array or
 *   base64), Float16Vector / BFloat16Vector as `[]float32` or their bytes in base64,
 *   SparseFloatVector as an object of index → value or `{indices, values}`, Array as a typed
 *   slice, JSON as its text;
 * - nullable fields and fields with a default value that are null or absent are null (the engine
 *   stores the default); the auto-ID primary key may be absent;
 * - keys outside the schema go to the dynamic field when it is enabled (`$meta` itself is refused),
 *   else the row is refused;
 * - a function's output field is skipped (the engine computes it);
 * - then the auto-ID key passed on insert, a missing field and vector lengths are checked.
 *
 * Pauses with `pacer` between rows, so a large body does not stall other requests.
 *
 * @returns rows for {@link Engine.insert} / {@link Engine.upsert} (dynamic keys at the top level).
 * @throws MilvusError 1804 `invalid insert data, error: <detail>` with upstream's detail text.
 */
export async function decodeRows(schema: CollectionSpec, data: JsonNode | undefined, insert: boolean, pacer: Pacer): Promise<Row[]> {
  const rowsIn = data?.kind === 'array' ? data.items : [];
  if (rowsIn.length === 0) throw insertDataError(Merr.MissingRequiredParameters.message);
  // A function's output (BM25) is computed by the server: `checkAndSetData` and `anyToColumns` skip it (a value given for it is dropped).
  const fields = schema.fields.filter((f) => !f.isDynamic && !f.isFunctionOutput);
  const names = new Set(schema.fields.filter((f) => !f.isDynamic).map((f) => f.name));
  const rows: Row[] = [];
  try {
    for (const rowNode of rowsIn) {
      if (pacer.due()) await pacer.pause();
      if (rowNode.kind !== 'object') {
        throw new Error(wrapInvalid('JSON', gjsonType(rowNode), 'NULL:0, FALSE:1, NUMBER:2, STRING:3, TRUE:4, JSON:5'));
      }
      const row: Row = {};
      for (const field of fields) {
        const node = memberOf(rowNode, field.name);
        if ((field.nullable || field.defaultValue) && (!node || node.kind === 'null')) {
          row[field.name] = null;
          continue;
        }
        if (field.isPrimaryKey && field.autoID && nodeString(node) === '') continue;
        row[field.name] = fieldOf(field, node);
      }
      const seen = new Set<string>();
      for (const [key, node] of rowNode.entries) {
        if (names.has(key) || seen.has(key)) continue;
        seen.add(key);
        if (!schema.enableDynamicField) throw new Error(wrapInvalidMsg('has pass more field without dynamic schema, please check it'));
        if (key === META) throw new Error(wrapInvalidMsg(`use the invalid field name(${META}) when enable dynamicField`));
        const value = dynamicValue(node);
        if (value !== undefined) row[key] = value;
      }
      rows.push(row);
    }
    // anyToColumns
    for (const row of rows) {
      schema.fields.forEach((field, idx) => {
        if (field.isDynamic || field.isFunctionOutput) return;
        const present = field.name in row;
        if (field.isPrimaryKey && field.autoID && insert) {
          if (present) throw new Error(wrapInvalidMsg(`no need to pass pk field(${field.name}) when autoid==true in insert`));
          return;
        }
        if (!present) throw new Error(`row ${idx} does not has field ${field.name}`);
      });
    }
    for (const field of fields) {
      const half = halfFormatOf(field.dataType) !== undefined;
      if (field.dataType !== DataType.FloatVector && field.dataType !== DataType.BinaryVector && !half) continue;
      const dim = Number(field.typeParams.dim);
      for (const row of rows) {
        const v = row[field.name] as ArrayLike<unknown>;
        const bytes = field.dataType === DataType.BinaryVector || v instanceof Uint8Array;
        const expected = field.dataType === DataType.BinaryVector ? Math.floor(dim / 8) : bytes ? dim * 2 : dim;
        if (v.length !== expected) throw new Error(`[]${bytes ? 'byte' : 'float32'} size ${v.length} doesn't equal to vector dimension ${dim} of ${typeName(field.dataType)}`);
      }
    }
  } catch (e) {
    if (MilvusError.is(e)) throw e;
    throw insertDataError((e as Error).message);
  }
  return rows;
}

// ------------------------------------------------------------------ vectors of a search

/**
 * The query vectors of a search body (`serializeFloatVectors` / `serializeByteVectors` over the
 * raw `data` member): `[][]float32` for a FloatVector field, `[][]byte` for a BinaryVector one,
 * each of the field's dimension; for a SparseFloatVector field each an object read as a row is
 * (`serializeSparseFloatVectors`).
 * @throws Error with upstream's text (the caller answers 1801).
 */
export function decodeQueryVectors(field: FieldSpec, data: JsonNode | undefined): unknown[] {
  const raw = data?.raw ?? '';
  const type = typeName(field.dataType);
  const dim = Number(field.typeParams.dim);
  const float = field.dataType !== DataType.BinaryVector;
  const scan = scanGoJson(raw);
  const syntax = scan.kind === 'eof' || (scan.kind === 'error' && scan.message === 'unexpected EOF') ? 'unexpected end of JSON input' : scan.kind === 'error' ? scan.message : undefined;
  if (syntax) throw new Error(wrapInvalid(type, raw, syntax));
  const node = parseJsonNode(raw);
  if (node.kind === 'null') return [];
  // A BM25 function's output is searched by text: `data` is read as VarChar (gjson's `String()` of each item).
  if (field.isFunctionOutput) return node.kind === 'array' ? node.items.map((item) => (item.kind === 'string' ? item.value : item.raw)) : [];
  if (field.dataType === DataType.SparseFloatVector) {
    // each item read as `CreateSparseFloatRowFromJSON` reads it (`serializeSparseFloatVectors`)
    if (node.kind !== 'array') throw new Error(wrapInvalid(type, raw, `json: cannot unmarshal ${GO_KIND[node.kind]} into Go value of type []map[string]interface {}`));
    return node.items.map((item) => guard(() => sparseRowOf(JSON.parse(item.raw)), (m) => new Error(wrapInvalid(type, item.raw, m))));
  }
  if (node.kind !== 'array') throw new Error(wrapInvalid(type, raw, `json: cannot unmarshal ${GO_KIND[node.kind]} into Go value of type [][]${float ? 'float32' : 'uint8'}`));
  const out: unknown[] = [];
  for (const item of node.items) {
    const r = goUnmarshalSlice(item.raw, float ? 'float32' : 'uint8');
    if ('error' in r) throw new Error(wrapInvalid(type, raw, r.error));
    out.push(r.value);
  }
  for (const v of out as unknown[][]) {
    if (float && v.length !== dim) throw new Error(wrapInvalid(type, raw, `dimension: ${dim}, but length of []float: ${v.length}`));
    if (!float && v.length !== dim / 8) {
      throw new Error(wrapInvalid(type, String.fromCharCode(...(v as number[])), `dimension: ${dim}, bytesLen: ${dim / 8}, but length of []byte: ${v.length}`));
    }
  }
  return out;
}

// ------------------------------------------------------------------ rows out

/**
 * A float32 as Go's encoding/json writes it (the shortest decimal that reads back as the same
 * float32), returned as the double of that decimal so `JSON.stringify` prints the same digits.
 */
export function float32Json(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  for (let p = 1; p <= 9; p++) {
    const d = Number(x.toPrecision(p));
    if (Math.fround(d) === x) return d;
  }
  return x;
}

const SCALAR_FIELD_KIND: Partial<Record<DataTypeValue, string>> = {
  [DataType.Bool]: 'BoolData',
  [DataType.Int8]: 'IntData',
  [DataType.Int16]: 'IntData',
  [DataType.Int32]: 'IntData',
  [DataType.Int64]: 'LongData',
  [DataType.Float]: 'FloatData',
  [DataType.Double]: 'DoubleData',
  [DataType.VarChar]: 'StringData',
  [DataType.String]: 'StringData',
};

/** A stored value of `field` as `buildQueryResp` writes it. */
function answerValue(field: FieldSpec, value: unknown, allowInt64: boolean): unknown {
  if (value === null || value === undefined) return null;
  switch (field.dataType) {
    case DataType.Int64:
      return allowInt64 ? value : String(value);
    case DataType.Float:
      return float32Json(value as number);
    case DataType.FloatVector:
      return Array.from(value as Float32Array, float32Json);
    case DataType.BinaryVector:
      // []byte: Go marshals it as base64
      return bytesToBase64(value as Uint8Array);
    case DataType.Float16Vector:
    case DataType.BFloat16Vector:
      // the vector's bytes ([]byte), base64 as well
      return bytesToBase64(halfBytesOf(value as Float32Array, halfFormatOf(field.dataType)!));
    case DataType.SparseFloatVector:
      // `map[uint32]float32`: an object of index → value
      return Object.fromEntries(Object.entries(sparseObjectOf(value as SparseRow)).map(([k, v]) => [k, float32Json(v)]));
    case DataType.JSON:
      // the JSON bytes as a string, not as nested JSON
      return stringifyJsonExact(value);
    case DataType.Array: {
      // the proto `schema.ScalarField` as Go's encoding/json writes it (upstream issue #52048)
      const items = (value as unknown[]).map((v) => (field.elementType === DataType.Float ? float32Json(v as number) : v));
      const kind = SCALAR_FIELD_KIND[field.elementType] ?? 'JsonData';
      return { Data: { [kind]: items.length ? { data: items } : {} } };
    }
    default:
      return value;
  }
}

/**
 * An engine row as a query/get/search answer row (`buildQueryResp`): schema fields by name (Int64
 * as a JSON number, or a string when `allowInt64` is false; Float with float32 digits; vectors as
 * arrays / base64; JSON fields as their JSON text; Array fields as proto `ScalarField`s; null for
 * a null value), dynamic keys flattened into the row. `count(*)` is written as an Int64.
 */
export function answerRow(schema: CollectionSpec, row: Row, allowInt64: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = new Map(schema.fields.map((f) => [f.name, f]));
  for (const [key, value] of Object.entries(row)) {
    if (key === META) {
      if (value && typeof value === 'object') Object.assign(out, value);
      continue;
    }
    const field = fields.get(key);
    if (!field) out[key] = typeof value === 'bigint' && !allowInt64 ? String(value) : value;
    else out[key] = answerValue(field, value, allowInt64);
  }
  return out;
}
