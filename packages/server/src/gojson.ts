/**
 * The two halves of Go's `encoding/json` that Milvus's REST fronts expose to clients: the syntax
 * errors of `json.Decoder` (which Milvus puts into its 1801 messages) and the JSON text Go's
 * `json.Marshal` writes (HTML-safe escaping, int64 as bare numbers, `gin.H` maps with sorted keys).
 *
 * @packageDocumentation
 */

/** Outcome of scanning the first JSON value of a body as `json.Decoder.Decode` does. */
export type GoScan =
  | { readonly kind: 'eof' }
  | { readonly kind: 'value'; readonly end: number }
  | { readonly kind: 'error'; readonly message: string };

/**
 * Deepest nesting of objects and arrays a body may have. Go's decoder allows 10,000 levels
 * (`maxNestingDepth`) with the same message; the reference server stops at 1,000 so that no
 * recursive reader of the value can run out of stack (a known divergence).
 */
export const MAX_JSON_DEPTH = 1000;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/**
 * Go's `quoteChar`: the offending byte as `'x'`, `'\''`, `'"'` or a Go escape such as `'\x01'`.
 * Go works on bytes, so a non-ASCII character is reported by its first UTF-8 byte (e.g. `'Ã'`).
 */
function quoteChar(text: string, i: number): string {
  const cp = text.codePointAt(i) ?? 0;
  const byte = cp < 0x80 ? cp : (new TextEncoder().encode(String.fromCodePoint(cp))[0] ?? 0);
  if (byte === 0x27) return `'\\''`;
  if (byte === 0x22) return `'"'`;
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 0x5c: '\\\\' };
  if (named[byte]) return `'${named[byte]}'`;
  if (byte < 0x20 || byte === 0x7f) return `'\\x${byte.toString(16).padStart(2, '0')}'`;
  if (byte >= 0x80 && byte < 0xa0) return `'\\u00${byte.toString(16)}'`;
  return `'${String.fromCharCode(byte)}'`;
}

/**
 * Scans the first JSON value of `text` with the states and messages of Go's `encoding/json`
 * scanner, as `json.Decoder.Decode` sees it: leading whitespace is skipped, text after the first
 * complete value is ignored, input ending inside a value is `unexpected EOF`, a bad byte is
 * `invalid character 'x' <context>` (e.g. `looking for beginning of value`, `after object key`),
 * and an object or array opened beyond `MAX_JSON_DEPTH` is `invalid character '[' exceeded max depth`.
 *
 * @returns `eof` for a body with no value, `value` with the end offset of the first value, or
 *   `error` with Go's message.
 */
export function scanGoJson(text: string): GoScan {
  const stack: ('object' | 'array')[] = [];
  let i = 0;
  const n = text.length;
  const fail = (context: string): GoScan => ({ kind: 'error', message: `invalid character ${quoteChar(text, i)} ${context}` });
  const eof = (): GoScan => ({ kind: 'error', message: 'unexpected EOF' });
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (i >= n) return { kind: 'eof' };

  // expect: what the scanner looks for next.
  let expect: 'value' | 'keyOrEnd' | 'key' | 'colon' | 'afterValue' | 'valueOrEnd' = 'value';
  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return stack.length === 0 && expect === 'afterValue' ? { kind: 'value', end: i } : eof();
    const c = text.charCodeAt(i);
    if (expect === 'afterValue') {
      const top = stack[stack.length - 1];
      if (top === undefined) return { kind: 'value', end: i };
      if (c === 0x2c) {
        i++;
        expect = top === 'object' ? 'key' : 'value';
        continue;
      }
      if ((top === 'object' && c === 0x7d) || (top === 'array' && c === 0x5d)) {
        i++;
        stack.pop();
        if (stack.length === 0) return { kind: 'value', end: i };
        expect = 'afterValue';
        continue;
      }
      return fail(top === 'object' ? 'after object key:value pair' : 'after array element');
    }
    if (expect === 'colon') {
      if (c !== 0x3a) return fail('after object key');
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'keyOrEnd' || expect === 'key') {
      if (expect === 'keyOrEnd' && c === 0x7d) {
        i++;
        stack.pop();
        if (stack.length === 0) return { kind: 'value', end: i };
        expect = 'afterValue';
        continue;
      }
      if (c !== 0x22) return fail('looking for beginning of object key string');
      const r = scanString();
      if (r) return r;
      expect = 'colon';
      continue;
    }
    // a value (or the end of an empty array)
    if (expect === 'valueOrEnd' && c === 0x5d) {
      i++;
      stack.pop();
      if (stack.length === 0) return { kind: 'value', end: i };
      expect = 'afterValue';
      continue;
    }
    if ((c === 0x7b || c === 0x5b) && stack.length >= MAX_JSON_DEPTH) return fail('exceeded max depth');
    if (c === 0x7b) {
      i++;
      stack.push('object');
      expect = 'keyOrEnd';
      continue;
    }
    if (c === 0x5b) {
      i++;
      stack.push('array');
      expect = 'valueOrEnd';
      continue;
    }
    if (c === 0x22) {
      const r = scanString();
      if (r) return r;
    } else if (c === 0x2d || isDigit(c)) {
      const r = scanNumber();
      if (r) return r;
    } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
      const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
      i++;
      for (let k = 1; k < word.length; k++, i++) {
        if (i >= n) return eof();
        if (text[i] !== word[k]) return fail(`in literal ${word} (expecting '${word[k]}')`);
      }
    } else {
      return fail('looking for beginning of value');
    }
    expect = 'afterValue';
    if (stack.length === 0) return { kind: 'value', end: i };
  }

  function scanString(): GoScan | undefined {
    i++; // opening quote
    for (;;) {
      if (i >= n) return eof();
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return fail('in string literal');
      if (c === 0x5c) {
        i++;
        if (i >= n) return eof();
        const e = text[i];
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= n) return eof();
            if (!isHex(text.charCodeAt(i))) return fail('in \\u hexadecimal character escape');
          }
        } else if (!e || !'"\\/bfnrt'.includes(e)) {
          return fail('in string escape code');
        }
      }
      i++;
    }
  }

  function scanNumber(): GoScan | undefined {
    if (text.charCodeAt(i) === 0x2d) {
      i++;
      if (i >= n) return eof();
      if (!isDigit(text.charCodeAt(i))) return fail('in numeric literal');
    }
    if (text.charCodeAt(i) === 0x30) i++;
    else while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (i < n && text.charCodeAt(i) === 0x2e) {
      i++;
      if (i >= n) return eof();
      if (!isDigit(text.charCodeAt(i))) return fail('after decimal point in numeric literal');
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    if (i < n && (text[i] === 'e' || text[i] === 'E')) {
      i++;
      if (i < n && (text[i] === '+' || text[i] === '-')) i++;
      if (i >= n) return eof();
      if (!isDigit(text.charCodeAt(i))) return fail('in exponent of numeric literal');
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    return undefined;
  }
}

/** Options of {@link goJson}. */
export interface GoJsonOptions {
  /**
   * Write object keys in sorted order, as Go marshals maps (`gin.H`); default true. Objects that
   * stand for Go structs (the legacy API's proto messages) keep their own order.
   */
  sortKeys?: boolean;
  /** Write bigints as decimal strings instead of bare JSON numbers. Default false. */
  int64AsString?: boolean;
}

/**
 * JSON text as Go's `json.Marshal` writes it: bigints (int64/uint64) as bare numbers (never through
 * a lossy double), `<`, `>`, `&`, U+2028 and U+2029 escaped as `\u003c`…, map keys sorted, no
 * trailing newline. `undefined` members are omitted.
 */
export function goJson(value: unknown, options: GoJsonOptions = {}): string {
  const sortKeys = options.sortKeys ?? true;
  const bigints: string[] = [];
  const prepare = (v: unknown): unknown => {
    if (typeof v === 'bigint') {
      if (options.int64AsString) return v.toString();
      bigints.push(v.toString());
      return `\u0000${bigints.length - 1}\u0000`;
    }
    if (Array.isArray(v)) return v.map(prepare);
    if (isMap(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of members(v, sortKeys)) out[k] = prepare(x);
      return out;
    }
    return v;
  };
  let text = JSON.stringify(prepare(value)) ?? 'null';
  if (bigints.length) text = text.replace(/"\\u0000(\d+)\\u0000"/g, (_m, k: string) => bigints[Number(k)]!);
  return text.replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether `v` is written as a JSON object member by member (not a byte array or a primitive). */
const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !(v instanceof Uint8Array);

const GO_STRUCT = Symbol('go struct');

/**
 * Marks an object as a Go struct (e.g. a proto message a handler puts in a `gin.H`): {@link goJson}
 * writes its members in their own order, where it sorts a map's keys. Returns the same object.
 */
export function goStruct<T extends object>(v: T): T {
  Object.defineProperty(v, GO_STRUCT, { value: true });
  return v;
}

/** The members of an object that Go writes (`undefined` ones left out), in the order it writes them. */
function members(v: Record<string, unknown>, sortKeys: boolean): [string, unknown][] {
  const entries = Object.entries(v).filter(([, x]) => x !== undefined);
  if (sortKeys && !(GO_STRUCT in v)) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries;
}

/** Longest time, in ms, that {@link goJsonPaced} aims to spend on one slice of an array. */
const SLICE_TARGET_MS = 4;

/**
 * The text of {@link goJson}, written a slice of array elements at a time, awaiting `pause()`
 * between slices, so that a 200,000-row answer does not hold the event loop in one piece. Objects
 * are walked member by member; every array is written in slices whose size adapts so that one
 * takes about 4 ms (from 64 elements, doubling or halving).
 *
 * @param pause - awaited between slices (e.g. the engine's `Pacer.pause`); its rejection rejects the call.
 */
export async function goJsonPaced(value: unknown, pause: () => Promise<void>, options: GoJsonOptions = {}): Promise<string> {
  if (Array.isArray(value)) {
    const parts: string[] = [];
    let size = 64;
    for (let at = 0; at < value.length; ) {
      const started = performance.now();
      const slice = value.slice(at, at + size);
      parts.push(goJson(slice, options).slice(1, -1));
      at += slice.length;
      const took = performance.now() - started;
      if (took < SLICE_TARGET_MS / 2) size *= 2;
      else if (took > SLICE_TARGET_MS && size > 1) size >>= 1;
      if (at < value.length) await pause();
    }
    return `[${parts.join(',')}]`;
  }
  if (isMap(value)) {
    const parts: string[] = [];
    for (const [k, x] of members(value, options.sortKeys ?? true)) parts.push(`${goJson(k)}:${await goJsonPaced(x, pause, options)}`);
    return `{${parts.join(',')}}`;
  }
  return goJson(value, options);
}

/** Go's `fmt` `%v` of a decoded JSON value (float64 numbers, `<nil>` for null). */
export function goFormat(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'number') return String(value).replace(/e([+-])(\d)$/, 'e$10$2');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goFormat).join(' ')}]`;
  return `map[${Object.entries(value as Record<string, unknown>)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}:${goFormat(v)}`)
    .join(' ')}]`;
}

/** Go's `strconv.ParseBool`. */
export function goParseBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** Go's `strconv.ParseInt(s, 10, 64)`, or `undefined` when `s` is not a base-10 integer. */
export function goParseInt(text: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const v = BigInt(text);
  return v > 2n ** 63n - 1n || v < -(2n ** 63n) ? undefined : v;
}
