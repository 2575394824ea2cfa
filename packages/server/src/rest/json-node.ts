/**
 * A lossless view of a JSON body, as Milvus's REST handlers read it with gjson next to the bound
 * Go struct: every value keeps its raw text (numbers exactly as written, objects and arrays with
 * their original spacing), so int64 values beyond 2^53 survive and error messages can quote the
 * client's text.
 *
 * @packageDocumentation
 */

/** One JSON value with its raw text. */
export type JsonNode =
  | { readonly kind: 'null'; readonly raw: string }
  | { readonly kind: 'bool'; readonly value: boolean; readonly raw: string }
  | { readonly kind: 'number'; readonly raw: string }
  | { readonly kind: 'string'; readonly value: string; readonly raw: string }
  | { readonly kind: 'array'; readonly items: readonly JsonNode[]; readonly raw: string }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, JsonNode])[]; readonly raw: string };

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * Parses the first JSON value of `text` (text after it is ignored, as Go's decoder does).
 * @throws SyntaxError when `text` does not start with a valid JSON value (callers validate the
 *   body with {@link scanGoJson} first).
 */
export function parseJsonNode(text: string): JsonNode {
  let i = 0;
  const skip = () => {
    while (isSpace(text[i])) i++;
  };
  const fail = (): never => {
    throw new SyntaxError(`invalid JSON at offset ${i}`);
  };
  const value = (): JsonNode => {
    skip();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: [string, JsonNode][] = [];
      skip();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          skip();
          const key = value();
          if (key.kind !== 'string') fail();
          skip();
          if (text[i++] !== ':') fail();
          entries.push([(key as { value: string }).value, value()]);
          skip();
          const sep = text[i++];
          if (sep === '}') break;
          if (sep !== ',') fail();
        }
      }
      return { kind: 'object', entries, raw: text.slice(start, i) };
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      skip();
      if (text[i] === ']') i++;
      else {
        for (;;) {
          items.push(value());
          skip();
          const sep = text[i++];
          if (sep === ']') break;
          if (sep !== ',') fail();
        }
      }
      return { kind: 'array', items, raw: text.slice(start, i) };
    }
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      if (i >= text.length) fail();
      i++;
      const raw = text.slice(start, i);
      return { kind: 'string', value: JSON.parse(raw) as string, raw };
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m && m[0].length) {
      i += m[0].length;
      return { kind: 'number', raw: m[0] };
    }
    for (const [word, node] of [
      ['true', { kind: 'bool', value: true, raw: 'true' }],
      ['false', { kind: 'bool', value: false, raw: 'false' }],
      ['null', { kind: 'null', raw: 'null' }],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return node;
      }
    }
    return fail();
  };
  return value();
}

/** The first member named exactly `key` of an object node (gjson's `Get(body, key)`), or `undefined`. */
export function memberOf(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.kind !== 'object') return undefined;
  return node.entries.find(([k]) => k === key)?.[1];
}

/**
 * gjson's `Result.String()`: a string's value, a number's or an object's/array's raw text,
 * `true`/`false`, and `""` for null or a missing value.
 */
export function nodeString(node: JsonNode | undefined): string {
  if (!node || node.kind === 'null') return '';
  if (node.kind === 'string') return node.value;
  return node.raw;
}

/** Whether a number's text is an integer literal (no fraction, no exponent). */
const isIntegerText = (raw: string) => /^-?\d+$/.test(raw);

/**
 * The JavaScript value of a node: integers that a double cannot hold exactly become `bigint`
 * (so int64 values round-trip), other numbers `number`.
 */
export function nodeValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'null':
      return null;
    case 'bool':
    case 'string':
      return node.value;
    case 'number': {
      const n = Number(node.raw);
      return isIntegerText(node.raw) && !Number.isSafeInteger(n) ? BigInt(node.raw) : n;
    }
    case 'array':
      return node.items.map(nodeValue);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of node.entries) out[k] = nodeValue(v);
      return out;
    }
  }
}

/** gjson's type name of a node (`Result.Type.String()`): Null, False, True, Number, String, JSON. */
export function gjsonType(node: JsonNode | undefined): string {
  if (!node || node.kind === 'null') return 'Null';
  if (node.kind === 'bool') return node.value ? 'True' : 'False';
  if (node.kind === 'number') return 'Number';
  if (node.kind === 'string') return 'String';
  return 'JSON';
}
