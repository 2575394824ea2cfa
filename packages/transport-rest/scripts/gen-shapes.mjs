#!/usr/bin/env node
/**
 * Writes `src/gen/shapes.ts` (checked in) from the protobuf-es descriptors of `@mvkit/proto`
 * (a devDependency: read here, at generation time, never by the built package): for the response
 * message of each MilvusService method the REST operations answer, and every message and enum it
 * reaches, a table of its fields that `src/result-shape.ts` turns into the message's proto JSON
 * form, the TypeScript shape of its init, and the enum constants the operations name.
 *
 *   node scripts/gen-shapes.mjs           write src/gen/shapes.ts (needs @mvkit/proto built)
 *   node scripts/gen-shapes.mjs --check   exit 1 if the checked-in module is stale
 *
 * `generateShapesSource()` is also imported by the staleness test.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScalarType } from '@bufbuild/protobuf';
import * as proto from '@mvkit/proto';
import { writeGenerated } from '../../../scripts/generated-file.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const shapesPath = join(here, '..', 'src', 'gen', 'shapes.ts');

/** The MilvusService methods (their `method` keys) whose responses the REST operations build. */
const METHODS = [
  'alterAlias',
  'alterCollection',
  'alterCollectionField',
  'alterDatabase',
  'alterIndex',
  'checkHealth',
  'createAlias',
  'createCollection',
  'createDatabase',
  'createIndex',
  'createPartition',
  'createResourceGroup',
  'createRole',
  'describeAlias',
  'describeCollection',
  'describeDatabase',
  'describeIndex',
  'describeResourceGroup',
  'dropAlias',
  'dropCollection',
  'dropDatabase',
  'dropIndex',
  'dropPartition',
  'dropResourceGroup',
  'getCollectionStatistics',
  'getImportState',
  'getLoadingProgress',
  'getLoadState',
  'getPartitionStatistics',
  'hasCollection',
  'hasPartition',
  'import',
  'listAliases',
  'listCredUsers',
  'listDatabases',
  'listImportTasks',
  'listPrivilegeGroups',
  'listResourceGroups',
  'loadCollection',
  'loadPartitions',
  'releaseCollection',
  'releasePartitions',
  'renameCollection',
  'selectGrant',
  'selectRole',
  'selectUser',
  'showCollections',
  'showPartitions',
  'transferReplica',
  'updateResourceGroups',
];

/** Enums the operations name by member (exported as `{ Name: number }` constants). */
const ENUM_CONSTANTS = ['milvus.proto.common.IndexState', 'milvus.proto.common.ImportState'];

const PROTO3 = 999;
const IMPLICIT = 2;

/** The value kind of a scalar type in the table (`src/result-shape.ts` `ValueKind`). */
const SCALAR_KINDS = new Map([
  [ScalarType.DOUBLE, 'float'],
  [ScalarType.FLOAT, 'float'],
  [ScalarType.INT64, 'int64'],
  [ScalarType.UINT64, 'int64'],
  [ScalarType.FIXED64, 'int64'],
  [ScalarType.SFIXED64, 'int64'],
  [ScalarType.SINT64, 'int64'],
  [ScalarType.INT32, 'int32'],
  [ScalarType.UINT32, 'int32'],
  [ScalarType.FIXED32, 'int32'],
  [ScalarType.SFIXED32, 'int32'],
  [ScalarType.SINT32, 'int32'],
  [ScalarType.BOOL, 'bool'],
  [ScalarType.STRING, 'string'],
  [ScalarType.BYTES, 'bytes'],
]);

/** The TypeScript type of an init value of each kind (what protobuf-es `create` accepts). */
const INIT_TYPES = { float: 'number', int64: 'bigint | number | string', int32: 'number', bool: 'boolean', string: 'string', bytes: 'Uint8Array | number[]', enum: 'number' };

const unsupported = (what, field) => new Error(`gen-shapes: ${what} (${field.parent.typeName}.${field.name}) is not supported by src/result-shape.ts`);

/** Kind and referenced type of a field's (item / map) value. */
function valueOf(field) {
  const kind = field.fieldKind === 'list' ? field.listKind : field.fieldKind === 'map' ? field.mapKind : field.fieldKind;
  if (kind === 'message') {
    if (field.message.typeName.startsWith('google.protobuf.')) throw unsupported(`the well-known type ${field.message.typeName}`, field);
    return { kind: 'message', ref: field.message };
  }
  if (kind === 'enum') {
    if (field.enum.values[0]?.number !== 0) throw unsupported('an enum whose first value is not 0', field);
    return { kind: 'enum', ref: field.enum };
  }
  return { kind: SCALAR_KINDS.get(field.scalar) };
}

/** The response messages of METHODS and every message and enum they reach, by type name (first reached first). */
function collect() {
  const messages = new Map();
  const enums = new Map();
  const visit = (desc) => {
    if (messages.has(desc.typeName)) return;
    if (desc.file.edition !== PROTO3) throw new Error(`gen-shapes: ${desc.typeName} is not proto3`);
    messages.set(desc.typeName, desc);
    for (const field of desc.fields) {
      if (field.fieldKind !== 'message' && field.fieldKind !== 'list' && field.fieldKind !== 'map' && !field.oneof && field.presence !== IMPLICIT) throw unsupported('a field with explicit presence', field);
      if (field.getDefaultValue?.() !== undefined) throw unsupported('a field with a default value', field);
      const { kind, ref } = valueOf(field);
      if (kind === 'message') visit(ref);
      if (kind === 'enum') enums.set(ref.typeName, ref);
    }
  };
  for (const name of METHODS) {
    const method = proto.MilvusService.method[name];
    if (!method) throw new Error(`gen-shapes: MilvusService has no method ${name}`);
    visit(method.output);
  }
  return { messages, enums };
}

/** The descriptor of an enum of ENUM_CONSTANTS. */
function enumNamed(typeName) {
  const desc = Object.values(proto).find((d) => d?.kind === 'enum' && d.typeName === typeName);
  if (!desc) throw new Error(`gen-shapes: @mvkit/proto exports no enum ${typeName}`);
  return desc;
}

/** `XInit`: the init type's name of a message (short names must not collide). */
function initNames(messages) {
  const names = new Map();
  const taken = new Map();
  for (const desc of messages.values()) {
    const name = `${desc.name}Init`;
    if (taken.has(name)) throw new Error(`gen-shapes: ${desc.typeName} and ${taken.get(name)} share the name ${name}`);
    taken.set(name, desc.typeName);
    names.set(desc.typeName, name);
  }
  return names;
}

const q = (s) => `'${s}'`;
const byNumber = (fields) => fields.concat().sort((a, b) => a.number - b.number);

function fieldRow(field) {
  const { kind, ref } = valueOf(field);
  const parts = [`name: ${q(field.name)}`, `local: ${q(field.localName)}`, `kind: ${q(kind)}`];
  if (ref) parts.push(`ref: ${q(ref.typeName)}`);
  if (field.fieldKind === 'list' || field.fieldKind === 'map') parts.push(`card: ${q(field.fieldKind)}`);
  if (field.oneof) parts.push(`oneof: ${q(field.oneof.localName)}`);
  return `    { ${parts.join(', ')} },`;
}

function initProperty(field, names) {
  const { kind, ref } = valueOf(field);
  const value = kind === 'message' ? names.get(ref.typeName) : INIT_TYPES[kind];
  const item = value.includes('|') ? `(${value})` : value;
  const type = field.fieldKind === 'list' ? `readonly ${item}[]` : field.fieldKind === 'map' ? `Readonly<Record<string, ${value}>>` : value;
  return { doc: `\`${field.name}\`${ref ? ` (${ref.typeName})` : ''}`, type };
}

function initInterface(desc, names) {
  const lines = [`/** @internal Init of \`${desc.typeName}\` (protobuf-es \`create\`'s, local field names). */`, `export interface ${names.get(desc.typeName)} {`];
  for (const field of byNumber(desc.fields.filter((f) => !f.oneof))) {
    const { doc, type } = initProperty(field, names);
    lines.push(`  /** ${doc} */`, `  ${field.localName}?: ${type};`);
  }
  for (const oneof of desc.oneofs) {
    const cases = oneof.fields.map((f) => `{ case: ${q(f.localName)}; value: ${initProperty(f, names).type} }`);
    lines.push(`  /** oneof \`${oneof.name}\` */`, `  ${oneof.localName}?: ${[...cases, '{ case: undefined; value?: undefined }'].join(' | ')};`);
  }
  lines.push('}');
  return lines.join('\n');
}

/** The full text of src/gen/shapes.ts for the current descriptors of @mvkit/proto. */
export function generateShapesSource() {
  const { messages, enums } = collect();
  const names = initNames(messages);
  const out = [
    '// GENERATED by packages/transport-rest/scripts/gen-shapes.mjs from the descriptors of @mvkit/proto.',
    '// Do not edit: run `pnpm --filter @mvkit/transport-rest gen:shapes`.',
    "import type { EnumNames, FieldShape, MessageShape } from '../result-shape.js';",
    '',
    '/** @internal Value-to-name tables (proto JSON names) of the enums the response messages reach. */',
    'export const ENUMS: { readonly [typeName: string]: EnumNames } = {',
  ];
  for (const desc of [...enums.values()].sort((a, b) => a.typeName.localeCompare(b.typeName))) {
    const values = new Map();
    for (const v of desc.values) if (!values.has(v.number)) values.set(v.number, v.jsonName);
    out.push(`  ${q(desc.typeName)}: { ${[...values].map(([n, name]) => `${n}: ${q(name)}`).join(', ')} },`);
  }
  out.push('};', '', '/** @internal The fields of each message the response messages reach, in field-number order. */', 'export const MESSAGES: { readonly [typeName: string]: readonly FieldShape[] } = {');
  for (const desc of messages.values()) out.push(`  ${q(desc.typeName)}: [`, ...byNumber(desc.fields).map(fieldRow), '  ],');
  out.push('};', '');
  for (const desc of messages.values()) out.push(initInterface(desc, names), '');
  out.push('/** @internal The response message of each MilvusService method the REST operations answer, by method (`MilvusService.method` key). */', 'export const OUTPUTS = {');
  for (const name of METHODS) {
    const desc = proto.MilvusService.method[name].output;
    out.push(`  ${name}: { typeName: ${q(desc.typeName)} } as MessageShape<${names.get(desc.typeName)}>,`);
  }
  out.push('} as const;', '');
  for (const typeName of ENUM_CONSTANTS) {
    const desc = enumNamed(typeName);
    out.push(
      `/** @internal \`${typeName}\` by member name. */`,
      `export const ${desc.name} = { ${desc.values.map((v) => `${v.name}: ${v.number}`).join(', ')} } as const;`,
      `/** @internal A \`${typeName}\` value. */`,
      `export type ${desc.name} = (typeof ${desc.name})[keyof typeof ${desc.name}];`,
      '',
    );
  }
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeGenerated(shapesPath, generateShapesSource(), 'pnpm --filter @mvkit/transport-rest gen:shapes');
}
