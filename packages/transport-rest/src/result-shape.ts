/**
 * The gRPC transport's result shapes without protobuf at run time: a response message's init
 * (protobuf-es `create`'s, local field names) written as the proto JSON form the gRPC transport
 * returns, `toJson(desc, create(desc, init), { useProtoFieldName: true, alwaysEmitImplicit: true })`
 * (decision 0003), from the field tables `scripts/gen-shapes.mjs` generates into `gen/shapes.ts`.
 *
 * @packageDocumentation
 */
import { ENUMS, MESSAGES } from './gen/shapes.js';

/**
 * The kind of a field's value: `float` (float, double), `int64` (every 64-bit integer type),
 * `int32` (every 32-bit integer type), `bool`, `string`, `bytes`, `enum`, `message`.
 */
export type ValueKind = 'float' | 'int64' | 'int32' | 'bool' | 'string' | 'bytes' | 'enum' | 'message';

/** One field of a message table (proto3: a singular scalar or enum has implicit presence). */
export interface FieldShape {
  /** Proto field name: the key in the JSON form. */
  readonly name: string;
  /** protobuf-es local (camelCase) name: the key in the init. */
  readonly local: string;
  /** Kind of the value (of each item of a list, of each value of a map). */
  readonly kind: ValueKind;
  /** Type name of the enum or message of an `enum` / `message` value (a key of `ENUMS` / `MESSAGES`). */
  readonly ref?: string;
  /** `list` (repeated) or `map` (string-keyed in JSON); absent for a singular field. */
  readonly card?: 'list' | 'map';
  /** Local name of the oneof group the field belongs to: the init holds `{ case, value }` under it. */
  readonly oneof?: string;
}

/** The proto JSON names of an enum's values, by number. */
export type EnumNames = { readonly [value: number]: string };

/** A response message by type name; `I` is the type of its init (type-level only). */
export interface MessageShape<I> {
  /** Full proto type name, e.g. `milvus.proto.common.Status` (a key of `MESSAGES`). */
  readonly typeName: string;
  /** Never set: carries the init type `I` for {@link result}. */
  readonly init?: I;
}

/** A JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

type Init = { readonly [local: string]: unknown };

/** The implicit default of a singular scalar or enum field that the init leaves unset. */
const ZERO: Readonly<Record<Exclude<ValueKind, 'message'>, unknown>> = { float: 0, int64: 0, int32: 0, bool: false, string: '', bytes: [], enum: 0 };

const misfit = (f: FieldShape, v: unknown) => new Error(`cannot write field ${f.name} (${f.ref ?? f.kind}) as JSON: got ${typeof v} ${String(v)}`);

/** Standard base64 with padding (bytes fields in proto JSON). */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** One value of field `f` (a singular value, a list item or a map value) in proto JSON. */
function valueJson(f: FieldShape, v: unknown): JsonValue {
  switch (f.kind) {
    case 'float':
      if (typeof v !== 'number') throw misfit(f, v);
      return Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : v;
    case 'int64':
      if (typeof v === 'bigint' || typeof v === 'string' || Number.isInteger(v)) return String(v);
      throw misfit(f, v);
    case 'bytes':
      if (v instanceof Uint8Array) return base64(v);
      if (Array.isArray(v)) return base64(new Uint8Array(v as number[]));
      throw misfit(f, v);
    case 'enum':
      if (typeof v !== 'number') throw misfit(f, v);
      return ENUMS[f.ref!]![v] ?? v;
    case 'message':
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw misfit(f, v);
      return messageJson(f.ref!, v as Init);
    case 'int32':
      if (typeof v !== 'number') throw misfit(f, v);
      return v;
    case 'bool':
      if (typeof v !== 'boolean') throw misfit(f, v);
      return v;
    case 'string':
      if (typeof v !== 'string') throw misfit(f, v);
      return v;
  }
}

/**
 * A message's JSON form from its init: every field in field-number order, under its proto name;
 * implicit scalars and enums with their defaults when unset; lists and maps always (empty when
 * unset); message fields and oneof members only when set.
 */
function messageJson(typeName: string, init: Init): JsonObject {
  const json: JsonObject = {};
  for (const f of MESSAGES[typeName]!) {
    if (f.oneof !== undefined) {
      const group = init[f.oneof] as { case?: unknown; value?: unknown } | null | undefined;
      if (group?.case === f.local) json[f.name] = valueJson(f, group.value);
      continue;
    }
    const v = init[f.local];
    if (f.card === 'list') json[f.name] = ((v ?? []) as unknown[]).map((item) => valueJson(f, item));
    else if (f.card === 'map') json[f.name] = Object.fromEntries(Object.entries((v ?? {}) as object).map(([k, x]) => [k, valueJson(f, x)]));
    else if (f.kind !== 'message') json[f.name] = valueJson(f, v ?? ZERO[f.kind]);
    else if (v != null) json[f.name] = valueJson(f, v);
  }
  return json;
}

/**
 * The result of an operation in the gRPC transport's shape: the response message `shape` built
 * from `init` in its proto JSON form, with proto field names and every implicit field present
 * (int64 as decimal strings, bytes as base64, enums by name — an unknown number as itself —,
 * NaN and ±Infinity as strings), as protobuf-es `toJson(desc, create(desc, init), {
 * useProtoFieldName: true, alwaysEmitImplicit: true })` writes it. A response with a `status`
 * carries the success status, as the gRPC front sends it.
 *
 * @param shape - the response message, from `OUTPUTS` of `gen/shapes.ts`.
 * @param init - its fields by local (camelCase) name; unknown keys are ignored.
 * @throws Error when a value does not fit its field (e.g. a fractional number for an int64), as
 *   protobuf-es's `toJson` does: a bug of the operation, not a Milvus error.
 */
export function result<I>(shape: MessageShape<I>, init: NoInfer<I>): JsonObject {
  const fields = MESSAGES[shape.typeName]!;
  const withStatus = fields.some((f) => f.local === 'status') ? { status: {}, ...(init as Init) } : (init as Init);
  return messageJson(shape.typeName, withStatus);
}
