import { createRequire } from 'node:module';
import { ScalarType, type DescEnum, type DescField, type DescMessage } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import * as proto from '../src/index.js';

/**
 * The wire contract: every message, enum and RPC we declare must match, name for name and number
 * for number, the descriptors bundled with the official Node SDK (milvus-proto 2.6/3.0 line).
 */
const require = createRequire(import.meta.url);
interface JsonField { type: string; id: number; rule?: string; keyType?: string }
interface JsonType { fields?: Record<string, JsonField>; values?: Record<string, number>; nested?: Record<string, JsonType>; methods?: Record<string, { requestType: string; responseType: string }> }
const sdkRoot = (require('@zilliz/milvus2-sdk-node/dist/milvus/proto-json/milvus.base.js') as { default: { nested: Record<string, JsonType> } }).default;

function sdkType(typeName: string): JsonType | undefined {
  let node: JsonType | undefined = { nested: sdkRoot.nested };
  for (const part of typeName.split('.')) node = node?.nested?.[part];
  return node;
}

/** protobufjs camel-cases field names; this is its rule. */
const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const scalarName: Record<number, string> = {
  [ScalarType.DOUBLE]: 'double', [ScalarType.FLOAT]: 'float', [ScalarType.INT64]: 'int64', [ScalarType.UINT64]: 'uint64',
  [ScalarType.INT32]: 'int32', [ScalarType.FIXED64]: 'fixed64', [ScalarType.FIXED32]: 'fixed32', [ScalarType.BOOL]: 'bool',
  [ScalarType.STRING]: 'string', [ScalarType.BYTES]: 'bytes', [ScalarType.UINT32]: 'uint32', [ScalarType.SFIXED32]: 'sfixed32',
  [ScalarType.SFIXED64]: 'sfixed64', [ScalarType.SINT32]: 'sint32', [ScalarType.SINT64]: 'sint64',
};

function ourType(f: DescField): string {
  switch (f.fieldKind) {
    case 'scalar': return scalarName[f.scalar]!;
    case 'enum': return f.enum.typeName;
    case 'message': return f.message.typeName;
    case 'list': return f.listKind === 'scalar' ? scalarName[f.scalar]! : f.listKind === 'enum' ? f.enum.typeName : f.message.typeName;
    case 'map': return f.mapKind === 'scalar' ? scalarName[f.scalar]! : f.mapKind === 'enum' ? f.enum.typeName : f.message.typeName;
  }
}

/** The SDK's type reference, resolved to a fully qualified name (or a scalar name). */
function resolveSdk(ref: string, scope: string): string {
  if (Object.values(scalarName).includes(ref)) return ref;
  const parts = scope.split('.');
  for (let i = parts.length; i >= 0; i--) {
    const candidate = [...parts.slice(0, i), ref].join('.');
    if (sdkType(candidate)) return candidate;
  }
  return ref;
}

const values = Object.values(proto) as unknown[];
const messages = values.filter((v): v is DescMessage => typeof v === 'object' && v !== null && (v as DescMessage).kind === 'message');
const enums = values.filter((v): v is DescEnum => typeof v === 'object' && v !== null && (v as DescEnum).kind === 'enum');

describe('wire contract against the official SDK descriptors', () => {
  it('covers the messages we need', () => {
    expect(messages.length).toBeGreaterThan(100);
    expect(enums.length).toBeGreaterThan(10);
  });

  it.each(messages.map((m) => [m.typeName, m] as const))('%s has upstream field names, numbers and types', (typeName, message) => {
    const sdk = sdkType(typeName);
    expect(sdk?.fields, `${typeName} missing in the SDK`).toBeDefined();
    for (const f of message.fields) {
      const theirs = sdk!.fields![camel(f.name)];
      expect(theirs, `${typeName}.${f.name}`).toBeDefined();
      expect(theirs!.id, `${typeName}.${f.name} number`).toBe(f.number);
      expect(resolveSdk(theirs!.type, typeName), `${typeName}.${f.name} type`).toBe(ourType(f));
      expect(theirs!.rule === 'repeated', `${typeName}.${f.name} repeated`).toBe(f.fieldKind === 'list');
      expect(theirs!.keyType !== undefined, `${typeName}.${f.name} map`).toBe(f.fieldKind === 'map');
    }
  });

  it.each(enums.map((e) => [e.typeName, e] as const))('enum %s has upstream values', (typeName, desc) => {
    const sdk = sdkType(typeName);
    expect(sdk?.values, `${typeName} missing in the SDK`).toBeDefined();
    for (const v of desc.values) expect(sdk!.values![v.name], `${typeName}.${v.name}`).toBe(v.number);
  });

  it('declares every RPC with upstream request and response types', () => {
    const sdkService = sdkType('milvus.proto.milvus.MilvusService')!.methods!;
    for (const m of proto.MilvusService.methods) {
      const theirs = sdkService[m.name];
      expect(theirs, m.name).toBeDefined();
      expect(resolveSdk(theirs!.requestType, 'milvus.proto.milvus')).toBe(m.input.typeName);
      expect(resolveSdk(theirs!.responseType, 'milvus.proto.milvus')).toBe(m.output.typeName);
    }
  });
});
