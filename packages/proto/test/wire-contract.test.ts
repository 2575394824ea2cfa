/**
 * The wire contract. Every message, enum and RPC declared in proto/ must match the descriptors
 * bundled with the official Node SDK (@zilliz/milvus2-sdk-node 3.0.6, which tracks milvus-proto
 * 3.0 / 2.6): package-qualified name, field names (exact case — the SDK's `milvus.js` keeps the
 * .proto case), numbers, types, cardinality (singular / repeated / map), oneof membership,
 * proto3 `optional`, `deprecated`; enum values both ways; and every field the SDK declares on a
 * message we declare must be declared by us too. Deliberate differences go in ALLOWED below.
 *
 * The RPCs of `MilvusService` are exactly those of Milvus 2.5 (pymilvus 2.5.18's descriptor,
 * checked in as fixtures/pymilvus-2.5.18-milvus-service.json), with its request and response types.
 */
import { createRequire } from 'node:module';
import { ScalarType, type DescEnum, type DescField, type DescFile, type DescMessage } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import {
  MilvusService,
  file_milvus_proto_common_common,
  file_milvus_proto_feder_feder,
  file_milvus_proto_milvus_milvus,
  file_milvus_proto_msg_msg,
  file_milvus_proto_rg_rg,
  file_milvus_proto_schema_schema,
} from '../src/index.js';

interface SdkField {
  type: string;
  id: number;
  rule?: string;
  keyType?: string;
  options?: { proto3_optional?: boolean; deprecated?: boolean };
}
interface SdkNode {
  fields?: Record<string, SdkField>;
  oneofs?: Record<string, { oneof: string[] }>;
  values?: Record<string, number>;
  nested?: Record<string, SdkNode>;
  methods?: Record<string, { requestType: string; responseType: string; options?: { deprecated?: boolean } }>;
}

/** fixtures/pymilvus-2.5.18-milvus-service.json (written by fixtures/extract-pymilvus-service.py). */
interface ServiceFixture {
  source: string;
  service: string;
  methods: { name: string; input: string; output: string }[];
}

const require = createRequire(import.meta.url);
// `milvus.js` keeps field names as written in the .proto files (`milvus.base.js` camel-cases them).
const sdkRoot = (require('@zilliz/milvus2-sdk-node/dist/milvus/proto-json/milvus.js') as { default: SdkNode }).default;
const sdkVersion = (require('@zilliz/milvus2-sdk-node/package.json') as { version: string }).version;

/**
 * Deliberate differences from the SDK descriptors, `<type>` or `<type>.<field>` → reason. The
 * test fails on a difference that is not listed and on a listed entry that is no longer a
 * difference, so this list stays exact.
 */
const ALLOWED: Record<string, string> = {
  // Nothing at the moment. Not compared at all (they do not reach the wire): message options
  // such as the RBAC `privilege_ext_obj`, file options (go_package, java_package), comments.
};

/** The Milvus 2.5 service (pymilvus 2.5.18); ours must declare exactly its RPCs, with its types. */
const MILVUS_25 = require('./fixtures/pymilvus-2.5.18-milvus-service.json') as ServiceFixture;

function sdkNode(typeName: string): SdkNode | undefined {
  let node: SdkNode | undefined = sdkRoot;
  for (const part of typeName.split('.')) node = node?.nested?.[part];
  return node;
}

const SCALAR: Record<ScalarType, string> = {
  [ScalarType.DOUBLE]: 'double', [ScalarType.FLOAT]: 'float', [ScalarType.INT64]: 'int64', [ScalarType.UINT64]: 'uint64',
  [ScalarType.INT32]: 'int32', [ScalarType.FIXED64]: 'fixed64', [ScalarType.FIXED32]: 'fixed32', [ScalarType.BOOL]: 'bool',
  [ScalarType.STRING]: 'string', [ScalarType.BYTES]: 'bytes', [ScalarType.UINT32]: 'uint32', [ScalarType.SFIXED32]: 'sfixed32',
  [ScalarType.SFIXED64]: 'sfixed64', [ScalarType.SINT32]: 'sint32', [ScalarType.SINT64]: 'sint64',
};
const SCALAR_NAMES = new Set(Object.values(SCALAR));

/** Resolves a protobufjs type reference from `scope` outwards (protobufjs' own rule); scalars stay as they are. */
function resolveSdk(ref: string, scope: string): string {
  if (SCALAR_NAMES.has(ref)) return ref;
  const parts = scope.split('.');
  for (let i = parts.length; i >= 0; i--) {
    const candidate = [...parts.slice(0, i), ref].join('.');
    if (sdkNode(candidate)) return candidate;
  }
  return `<unresolved ${ref}>`;
}

/** Our field as the SDK would describe it: value type, cardinality, map key type. */
function ourShape(f: DescField): { type: string; cardinality: 'singular' | 'repeated' | 'map'; keyType?: string } {
  switch (f.fieldKind) {
    case 'scalar':
      return { type: SCALAR[f.scalar], cardinality: 'singular' };
    case 'enum':
      return { type: f.enum.typeName, cardinality: 'singular' };
    case 'message':
      return { type: f.message.typeName, cardinality: 'singular' };
    case 'list':
      return { type: f.listKind === 'scalar' ? SCALAR[f.scalar] : f.listKind === 'enum' ? f.enum.typeName : f.message.typeName, cardinality: 'repeated' };
    case 'map':
      return {
        type: f.mapKind === 'scalar' ? SCALAR[f.scalar] : f.mapKind === 'enum' ? f.enum.typeName : f.message.typeName,
        cardinality: 'map',
        keyType: SCALAR[f.mapKey],
      };
  }
}

function sdkShape(f: SdkField, scope: string): { type: string; cardinality: 'singular' | 'repeated' | 'map'; keyType?: string } {
  const type = resolveSdk(f.type, scope);
  if (f.keyType !== undefined) return { type, cardinality: 'map', keyType: f.keyType };
  return { type, cardinality: f.rule === 'repeated' ? 'repeated' : 'singular' };
}

/** The real oneof a field belongs to in the SDK (protobufjs lists proto3 `optional` as synthetic `_name` oneofs). */
function sdkOneof(node: SdkNode, fieldName: string): string | undefined {
  for (const [name, oneof] of Object.entries(node.oneofs ?? {})) {
    if (node.fields?.[fieldName]?.options?.proto3_optional) continue;
    if (oneof.oneof.includes(fieldName)) return name;
  }
  return undefined;
}

const FILES: DescFile[] = [
  file_milvus_proto_common_common,
  file_milvus_proto_schema_schema,
  file_milvus_proto_msg_msg,
  file_milvus_proto_rg_rg,
  file_milvus_proto_feder_feder,
  file_milvus_proto_milvus_milvus,
];
const messages: DescMessage[] = [];
const enums: DescEnum[] = [];
function collect(m: DescMessage): void {
  messages.push(m);
  enums.push(...m.nestedEnums);
  m.nestedMessages.forEach(collect);
}
for (const file of FILES) {
  enums.push(...file.enums);
  file.messages.forEach(collect);
}

/** Every difference between our declarations and the SDK's, as `key: description`. */
function differences(): Map<string, string> {
  const diffs = new Map<string, string>();
  const add = (key: string, what: string) => diffs.set(key, diffs.has(key) ? `${diffs.get(key)}; ${what}` : what);
  for (const message of messages) {
    const sdk = sdkNode(message.typeName);
    if (!sdk?.fields) {
      add(message.typeName, 'message missing in the SDK');
      continue;
    }
    for (const f of message.fields) {
      const key = `${message.typeName}.${f.name}`;
      const theirs = sdk.fields[f.name];
      if (!theirs) {
        add(key, 'field missing in the SDK');
        continue;
      }
      if (theirs.id !== f.number) add(key, `number ${f.number} vs SDK ${theirs.id}`);
      const [ours, sdkField] = [ourShape(f), sdkShape(theirs, message.typeName)];
      if (JSON.stringify(ours) !== JSON.stringify(sdkField)) add(key, `shape ${JSON.stringify(ours)} vs SDK ${JSON.stringify(sdkField)}`);
      const oneof = f.oneof && !f.proto.proto3Optional ? f.oneof.name : undefined;
      if (oneof !== sdkOneof(sdk, f.name)) add(key, `oneof ${oneof} vs SDK ${sdkOneof(sdk, f.name)}`);
      if (f.proto.proto3Optional !== (theirs.options?.proto3_optional ?? false)) add(key, 'proto3 optional differs');
      if (f.deprecated !== (theirs.options?.deprecated ?? false)) add(key, 'deprecated differs');
    }
    for (const name of Object.keys(sdk.fields)) {
      if (!message.fields.some((f) => f.name === name)) add(`${message.typeName}.${name}`, 'SDK field we do not declare');
    }
  }
  for (const desc of enums) {
    const sdk = sdkNode(desc.typeName);
    if (!sdk?.values) {
      add(desc.typeName, 'enum missing in the SDK');
      continue;
    }
    for (const v of desc.values) if (sdk.values[v.name] !== v.number) add(`${desc.typeName}.${v.name}`, `value ${v.number} vs SDK ${sdk.values[v.name]}`);
    for (const [name, number] of Object.entries(sdk.values)) {
      if (!desc.values.some((v) => v.name === name)) add(`${desc.typeName}.${name}`, `SDK value ${number} we do not declare`);
    }
  }
  return diffs;
}

describe(`wire contract against @zilliz/milvus2-sdk-node ${sdkVersion} descriptors`, () => {
  it('reads the SDK version the contract was written against', () => {
    expect(sdkVersion).toBe('3.0.6');
  });

  it('declares the messages and enums the served RPCs need', () => {
    const names = new Set([...messages, ...enums].map((d) => d.typeName));
    for (const required of [
      'milvus.proto.common.Status', 'milvus.proto.common.ErrorCode', 'milvus.proto.common.MsgBase', 'milvus.proto.common.MsgType',
      'milvus.proto.common.KeyValuePair', 'milvus.proto.common.KeyDataPair', 'milvus.proto.common.ClientInfo', 'milvus.proto.common.ServerInfo',
      'milvus.proto.common.LoadState', 'milvus.proto.common.ConsistencyLevel', 'milvus.proto.common.IndexState', 'milvus.proto.common.SegmentState',
      'milvus.proto.common.PlaceholderGroup', 'milvus.proto.common.PlaceholderValue', 'milvus.proto.common.PlaceholderType',
      'milvus.proto.common.DslType', 'milvus.proto.common.CompactionState', 'milvus.proto.schema.DataType', 'milvus.proto.schema.FieldSchema',
      'milvus.proto.schema.CollectionSchema', 'milvus.proto.schema.FunctionSchema', 'milvus.proto.schema.FieldState', 'milvus.proto.schema.FieldData',
      'milvus.proto.schema.ScalarField', 'milvus.proto.schema.VectorField', 'milvus.proto.schema.SparseFloatArray', 'milvus.proto.schema.IDs',
      'milvus.proto.schema.LongArray', 'milvus.proto.schema.StringArray', 'milvus.proto.schema.SearchResultData', 'milvus.proto.schema.ValueField',
      'milvus.proto.schema.TemplateValue', 'milvus.proto.milvus.ShowType', 'milvus.proto.milvus.QuotaState', 'milvus.proto.milvus.IndexDescription',
      'milvus.proto.milvus.BoolResponse', 'milvus.proto.milvus.StringResponse', 'milvus.proto.milvus.MutationResult',
      'milvus.proto.milvus.SearchResults', 'milvus.proto.milvus.QueryResults', 'milvus.proto.milvus.FlushResponse',
    ]) {
      expect(names, required).toContain(required);
    }
  });

  it('has no field, enum value or type that differs from the SDK except the allow-listed ones', () => {
    const diffs = differences();
    const unexpected = [...diffs].filter(([key]) => !(key in ALLOWED)).map(([key, what]) => `${key}: ${what}`);
    const stale = Object.keys(ALLOWED).filter((key) => !diffs.has(key));
    expect(unexpected).toEqual([]);
    expect(stale, 'allow-list entries that are no longer differences').toEqual([]);
  });

  it('detects a difference (the comparison is not vacuous)', () => {
    // A field of ours renamed to snake_case would be caught: upstream writes `oldName`.
    const rename = MilvusService.method.renameCollection.input.fields.find((f) => f.number === 3)!;
    expect(rename.name).toBe('oldName');
    expect(sdkNode('milvus.proto.milvus.RenameCollectionRequest')?.fields?.['old_name']).toBeUndefined();
    expect(messages.length).toBeGreaterThan(100);
    expect(enums.length).toBeGreaterThan(15);
    expect(messages.reduce((n, m) => n + m.fields.length, 0)).toBeGreaterThan(500);
  });

  it('declares exactly the RPCs of the Milvus 2.5 service (pymilvus 2.5.18), with its request and response types', () => {
    expect(MilvusService.typeName).toBe(MILVUS_25.service);
    const sorted = (names: string[]) => [...names].sort();
    expect(sorted(MilvusService.methods.map((m) => m.name))).toEqual(sorted(MILVUS_25.methods.map((m) => m.name)));
    expect(MilvusService.methods.length).toBe(95);
    for (const { name, input, output } of MILVUS_25.methods) {
      const m = MilvusService.methods.find((x) => x.name === name)!;
      expect([m.input.typeName, m.output.typeName], name).toEqual([input, output]);
      expect(m.methodKind, name).toBe('unary');
    }
  });

  it('declares each RPC the SDK also has with the SDK request and response types and deprecation', () => {
    // An RPC of Milvus 2.5 that the SDK lacks would be checked against the fixture only (none today).
    const sdkMethods = sdkNode('milvus.proto.milvus.MilvusService')?.methods ?? {};
    expect(MilvusService.methods.filter((m) => !sdkMethods[m.name]).map((m) => m.name)).toEqual([]);
    for (const m of MilvusService.methods) {
      const theirs = sdkMethods[m.name];
      if (!theirs) continue;
      expect(resolveSdk(theirs.requestType, 'milvus.proto.milvus'), m.name).toBe(m.input.typeName);
      expect(resolveSdk(theirs.responseType, 'milvus.proto.milvus'), m.name).toBe(m.output.typeName);
      expect(m.deprecated, m.name).toBe(theirs.options?.deprecated ?? false);
    }
  });
});
