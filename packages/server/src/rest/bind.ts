import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { Merr, MilvusError } from '@mvkit/core';
import { OPENAPI_SCHEMAS } from './gen/openapi.js';
import { scanGoJson } from '../gojson.js';

/** A JSON schema node of `openapi/milvus-v2.yaml`. */
type Schema = Readonly<Record<string, unknown>> & {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Readonly<Record<string, Schema>>;
  required?: readonly string[];
  items?: Schema;
  additionalProperties?: unknown;
};

const DOC_ID = 'mvkit:milvus-v2';
const REF_PREFIX = '#/components/schemas/';
const schemaNamed = (name: string): Schema | undefined => OPENAPI_SCHEMAS[name] as Schema | undefined;

/** Follows `$ref`s; returns the schema and, for a named component, its name. */
function deref(schema: Schema | undefined): { schema: Schema; name?: string } {
  let s: Schema = schema ?? {};
  let name: string | undefined;
  for (let hops = 0; s.$ref && hops < 8; hops++) {
    name = s.$ref.slice(REF_PREFIX.length);
    s = schemaNamed(name) ?? {};
  }
  return name === undefined ? { schema: s } : { schema: s, name };
}

/** A Go struct: an object schema with declared properties and no catch-all. */
const isStruct = (s: Schema) => s.type === 'object' && s.properties !== undefined && !s.additionalProperties;

/** The Go type a schema stands for, as `reflect.Type.String()` prints it in decode errors. */
function goType(schema: Schema | undefined): string {
  const { schema: s, name } = deref(schema);
  if (isStruct(s)) return `httpserver.${name ?? 'struct'}`;
  switch (s.type) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'integer':
      return s.format === 'int32' ? 'int32' : 'int64';
    case 'number':
      return 'float64';
    case 'array':
      return `[]${goType(s.items)}`;
    case 'object':
      return 'map[string]interface {}';
    default:
      return 'interface {}';
  }
}

/** Go's name for the kind of a JSON value in `cannot unmarshal <kind>`. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

/** The zero value Go leaves in an array element that was `null`. */
function zeroOf(schema: Schema | undefined): unknown {
  const { schema: s } = deref(schema);
  // a struct's zero value, or a nil map (kept as an empty object, which is what the handlers read)
  if (isStruct(s) || s.type === 'object') return {};
  return s.type === 'string' ? '' : s.type === 'boolean' ? false : s.type === 'integer' || s.type === 'number' ? 0 : undefined;
}

/**
 * Rewrites a decoded body the way Go's decoder fills a struct: keys match struct fields exactly,
 * else case-insensitively; unknown keys are dropped; `null` leaves a field at its zero value
 * (dropped here) and an array element at the element's zero value. Records the document order of
 * every visited path (JSON pointer with canonical keys), since Go reports the first type error in
 * document order.
 */
function canonicalize(schema: Schema | undefined, value: unknown, path: string, order: Map<string, number>): unknown {
  order.set(path, order.size);
  if (value === null) return undefined;
  const { schema: s } = deref(schema);
  if (isStruct(s) && value && typeof value === 'object' && !Array.isArray(value)) {
    const props = s.properties ?? {};
    const folded = new Map(Object.keys(props).map((k) => [k.toLowerCase(), k]));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const prop = key in props ? key : folded.get(key.toLowerCase());
      if (prop === undefined) continue;
      const c = canonicalize(props[prop], v, `${path}/${prop}`, order);
      if (c === undefined) {
        const t = deref(props[prop]).schema.type;
        if (t === 'array' || t === 'object' || t === undefined) delete out[prop];
      } else {
        out[prop] = c;
      }
    }
    return out;
  }
  if (s.type === 'array' && Array.isArray(value)) {
    return value.map((v, i) => canonicalize(s.items, v, `${path}/${i}`, order) ?? zeroOf(s.items));
  }
  return value;
}

/** Milvus's 1801 error: `can only accept json format request, error: <detail>`. */
function incorrectFormat(detail: string): MilvusError {
  return MilvusError.of(Merr.IncorrectParameterFormat, `${Merr.IncorrectParameterFormat.message}, error: ${detail}`);
}

/**
 * Binds request bodies to Milvus's Go request structs as `wrapperPost` in `handler_v2.go` does
 * (`c.ShouldBindBodyWith(req, binding.JSON)`): Go `encoding/json` decoding, then gin's validator
 * on the `binding:"required"` tags. The struct schemas come from `openapi/milvus-v2.yaml`
 * (`components.schemas`, named after the Go structs); types are checked with ajv.
 *
 * Errors, exactly as Milvus words them:
 * - empty body → 1801 `can only accept json format request, the request body should be nil, however {} is valid`;
 * - bad JSON → 1801 `can only accept json format request, error: <Go syntax error>`;
 * - wrong type → 1801 `..., error: json: cannot unmarshal <kind> into Go struct field <Struct>.<path> of type <type>`
 *   (the first one in document order);
 * - missing or zero required field → 1802 `missing required parameters, error: Key: '<Struct>.<Field>' Error:Field validation for '<Field>' failed on the 'required' tag`
 *   (one line per field, in struct order; fields of a nested struct that is present as `<Struct>.<Field>.<Inner>`).
 */
export class GoBinder {
  #ajv: Ajv2020 | undefined;
  readonly #validators = new Map<string, ValidateFunction>();

  /** The validator of the OpenAPI document's schemas, made at the first bind (not at server start: ~6 ms of a cold start). */
  #schemas(): Ajv2020 {
    if (this.#ajv) return this.#ajv;
    // `validateSchema: false`: the schemas are generated from the linted OpenAPI document; checking
    // them against the 2020-12 meta-schema at startup cost ~70 ms of the server's cold start.
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false, validateSchema: false });
    ajv.addSchema({ $id: DOC_ID, components: { schemas: OPENAPI_SCHEMAS } });
    return (this.#ajv = ajv);
  }

  /**
   * Decodes `text` into the struct `struct` (a `components.schemas` name, e.g. `PartitionReq`).
   * @returns the body with canonical keys and no nulls.
   * @throws MilvusError 1801 / 1802 as described on the class.
   */
  bind(struct: string, text: string): Record<string, unknown> {
    const scan = scanGoJson(text);
    if (scan.kind === 'eof') {
      throw MilvusError.of(Merr.IncorrectParameterFormat, `${Merr.IncorrectParameterFormat.message}, the request body should be nil, however {} is valid`);
    }
    if (scan.kind === 'error') throw incorrectFormat(scan.message);
    const raw: unknown = JSON.parse(scan.end === text.length ? text : text.slice(0, scan.end));
    if (raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
      throw incorrectFormat(`json: cannot unmarshal ${jsonKind(raw)} into Go value of type httpserver.${struct}`);
    }
    const root: Schema = { $ref: `${REF_PREFIX}${struct}` };
    const order = new Map<string, number>();
    const body = (canonicalize(root, raw ?? {}, '', order) ?? {}) as Record<string, unknown>;

    const validate = this.#validator(struct);
    if (!validate(body)) {
      const typeErrors = (validate.errors ?? []).filter((e) => e.keyword === 'type' || e.keyword === 'minimum' || e.keyword === 'maximum');
      typeErrors.sort((a, b) => (order.get(a.instancePath) ?? Infinity) - (order.get(b.instancePath) ?? Infinity));
      const first = typeErrors[0];
      if (first) throw this.#typeError(struct, body, first);
    }

    const lines = missingRequired(root, body, struct);
    if (lines.length) throw MilvusError.of(Merr.MissingRequiredParameters, `${Merr.MissingRequiredParameters.message}, error: ${lines.join('\n')}`);
    return body;
  }

  #validator(struct: string): ValidateFunction {
    let v = this.#validators.get(struct);
    if (!v) {
      v = this.#schemas().compile({ $ref: `${DOC_ID}${REF_PREFIX}${struct}` });
      this.#validators.set(struct, v);
    }
    return v;
  }

  /** Go's UnmarshalTypeError text for an ajv error: innermost struct, JSON field path, Go type. */
  #typeError(struct: string, body: unknown, error: ErrorObject): MilvusError {
    const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let schema: Schema | undefined = { $ref: `${REF_PREFIX}${struct}` };
    let value: unknown = body;
    let structName = struct;
    const fields: string[] = [];
    for (const seg of segments) {
      const { schema: s, name } = deref(schema);
      value = (value as Record<string, unknown>)[seg];
      if (isStruct(s)) {
        structName = name ?? structName;
        fields.push(seg);
        schema = s.properties?.[seg];
      } else {
        schema = s.items;
      }
    }
    const numeric = typeof value === 'number' && deref(schema).schema.type === 'integer';
    const kind = numeric ? `number ${String(value)}` : jsonKind(value);
    return incorrectFormat(`json: cannot unmarshal ${kind} into Go struct field ${structName}.${fields.join('.')} of type ${goType(schema)}`);
  }
}

/**
 * gin's validator on `binding:"required"`: one line per failing field, in struct order, descending
 * depth-first into nested structs that are present (Go's validator follows non-nil struct pointers,
 * but not slices or maps). `ns` is the Go namespace so far, e.g. `ResourceGroupReq.Config`.
 */
function missingRequired(schema: Schema, body: Record<string, unknown>, ns: string): string[] {
  const { schema: s } = deref(schema);
  const lines: string[] = [];
  for (const [k, prop] of Object.entries(s.properties ?? {})) {
    // the Go field name: `x-go-name` where it is not the JSON key capitalised (`ID` for `id`)
    const goName = prop['x-go-name'];
    const field = typeof goName === 'string' ? goName : k.charAt(0).toUpperCase() + k.slice(1);
    const v = body[k];
    if (s.required?.includes(k) && isZero(v)) {
      lines.push(`Key: '${ns}.${field}' Error:Field validation for '${field}' failed on the 'required' tag`);
    } else if (isStruct(deref(prop).schema) && v && typeof v === 'object' && !Array.isArray(v)) {
      lines.push(...missingRequired(prop, v as Record<string, unknown>, `${ns}.${field}`));
    }
  }
  return lines;
}

/** gin's `required`: zero values fail (empty string, 0, false, absent or null). */
function isZero(v: unknown): boolean {
  return v === undefined || v === null || v === '' || v === 0 || v === false;
}
