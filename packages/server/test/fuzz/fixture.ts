import { DataType } from '@mvkit/core';
import type { ColumnField, ColumnRow } from '@mvkit/proto';
import type { Rng } from './rng.js';

/**
 * The state every fuzz batch starts from: a database and two collections with a few fields, an
 * index, partitions and rows; the rich one loaded. The generators use these names often, so that
 * mutated requests reach the engine instead of stopping at "collection not found".
 *
 * @packageDocumentation
 */

/** One field of a fixture collection, in the terms of both fronts. */
export interface FixtureField {
  readonly name: string;
  /** `schema.DataType` name as REST writes it, e.g. `FloatVector`. */
  readonly type: keyof typeof DataType;
  readonly primary?: boolean;
  readonly dim?: number;
  readonly maxLength?: number;
  readonly elementType?: keyof typeof DataType;
  readonly nullable?: boolean;
}

/** A fixture collection. */
export interface FixtureCollection {
  readonly name: string;
  readonly fields: readonly FixtureField[];
  readonly vectorField: string;
  readonly index: { readonly indexType: string; readonly metricType: string; readonly params?: Record<string, number> };
  readonly partitions: readonly string[];
  readonly rows: number;
  readonly loaded: boolean;
}

/** The database the fixture creates next to `default`. */
export const FIXTURE_DB = 'fuzz_db';

/** The fixture collections, all in the `default` database. */
export const FIXTURE_COLLECTIONS: readonly FixtureCollection[] = [
  {
    name: 'fuzz_books',
    fields: [
      { name: 'id', type: 'Int64', primary: true },
      { name: 'title', type: 'VarChar', maxLength: 64 },
      { name: 'year', type: 'Int32' },
      { name: 'rating', type: 'Double' },
      { name: 'small', type: 'Int8' },
      { name: 'flag', type: 'Bool' },
      { name: 'tags', type: 'Array', elementType: 'Int64' },
      { name: 'meta', type: 'JSON' },
      { name: 'note', type: 'VarChar', maxLength: 32, nullable: true },
      { name: 'vector', type: 'FloatVector', dim: 8 },
    ],
    vectorField: 'vector',
    index: { indexType: 'HNSW', metricType: 'L2', params: { M: 8, efConstruction: 32 } },
    partitions: ['p1', 'p2'],
    rows: 40,
    loaded: true,
  },
  {
    name: 'fuzz_bits',
    fields: [
      { name: 'key', type: 'VarChar', primary: true, maxLength: 32 },
      { name: 'count', type: 'Int64' },
      { name: 'bits', type: 'BinaryVector', dim: 16 },
    ],
    vectorField: 'bits',
    index: { indexType: 'BIN_FLAT', metricType: 'HAMMING' },
    partitions: ['p1'],
    rows: 10,
    loaded: false,
  },
];

/** Every name the fixture defines, by kind: the vocabulary the generators draw from. */
export const NAMES = {
  databases: ['default', FIXTURE_DB, ''],
  collections: FIXTURE_COLLECTIONS.map((c) => c.name),
  partitions: ['_default', ...new Set(FIXTURE_COLLECTIONS.flatMap((c) => c.partitions))],
  fields: [...new Set(FIXTURE_COLLECTIONS.flatMap((c) => c.fields.map((f) => f.name))), '$meta', 'dyn_key', '*', 'count(*)'],
  indexes: FIXTURE_COLLECTIONS.map((c) => c.vectorField),
} as const;

/** The codec view of a fixture collection's fields (with the dynamic `$meta` column). */
export function columnFieldsOf(c: FixtureCollection): ColumnField[] {
  return [
    ...c.fields.map((f) => ({
      name: f.name,
      dataType: DataType[f.type],
      dim: f.dim ?? 0,
      elementType: f.elementType ? DataType[f.elementType] : DataType.None,
      nullable: f.nullable ?? false,
      isDynamic: false,
    })),
    { name: '$meta', dataType: DataType.JSON, dim: 0, elementType: DataType.None, nullable: false, isDynamic: true },
  ];
}

/** A valid value of a fixture field (Int64 as bigint, binary vectors as bytes). */
function valueOf(f: FixtureField, i: number, rng: Rng): unknown {
  switch (f.type) {
    case 'Int64':
      return f.primary ? BigInt(i) : BigInt(rng.int(-1000, 1000));
    case 'VarChar':
      if (f.nullable && rng.chance(0.3)) return null;
      return f.primary ? `k${i}` : `t${rng.int(0, 99)}`.slice(0, f.maxLength);
    case 'Int32':
      return rng.int(1900, 2030);
    case 'Int8':
      return rng.int(-128, 127);
    case 'Double':
      return rng.float() * 10;
    case 'Bool':
      return rng.chance(0.5);
    case 'Array':
      return Array.from({ length: rng.int(0, 3) }, () => BigInt(rng.int(0, 9)));
    case 'JSON':
      return { n: rng.int(0, 9), s: rng.pick(['a', 'b']), arr: [1, 2] };
    case 'FloatVector':
      return Array.from({ length: f.dim ?? 0 }, () => rng.float() * 2 - 1);
    case 'BinaryVector':
      return rng.bytes((f.dim ?? 0) / 8);
    default:
      return null;
  }
}

/** `count` valid rows of `c`, primary keys from `from` (codec form; see {@link restRow} for JSON). */
export function fixtureRows(c: FixtureCollection, from: number, count: number, rng: Rng): ColumnRow[] {
  return Array.from({ length: count }, (_, k) => {
    const row: ColumnRow = Object.fromEntries(c.fields.map((f) => [f.name, valueOf(f, from + k, rng)]));
    row.$meta = { dyn_key: rng.int(0, 5) };
    return row;
  });
}

/** A codec row as the RESTful v2 `data` rows write it (bigints as numbers, bytes as arrays, `$meta` spread). */
export function restRow(row: ColumnRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === '$meta') Object.assign(out, v);
    else out[k] = typeof v === 'bigint' ? Number(v) : v instanceof Uint8Array ? [...v] : Array.isArray(v) ? v.map((x) => (typeof x === 'bigint' ? Number(x) : x)) : v;
  }
  return out;
}

/** The RESTful v2 `collections/create` body of a fixture collection (schema, index, no load). */
export function createBodyOf(c: FixtureCollection): Record<string, unknown> {
  return {
    collectionName: c.name,
    schema: {
      enableDynamicField: true,
      fields: c.fields.map((f) => ({
        fieldName: f.name,
        dataType: f.type,
        ...(f.primary ? { isPrimary: true } : {}),
        ...(f.nullable ? { nullable: true } : {}),
        ...(f.elementType ? { elementDataType: f.elementType } : {}),
        elementTypeParams: { ...(f.dim ? { dim: f.dim } : {}), ...(f.maxLength ? { max_length: f.maxLength } : {}), ...(f.type === 'Array' ? { max_capacity: 8 } : {}) },
      })),
    },
  };
}
