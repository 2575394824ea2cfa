/**
 * The bin's embedded descriptors (scripts/embedded-descriptors.mjs, decision 0011): every file
 * descriptor the bin builds from build-time JSON must be the one protobuf-es hydrates from the
 * generated base64, to the last own property, prototype default and derived field attribute.
 */
import { toBinary, type DescEnum, type DescFile, type DescMessage } from '@bufbuild/protobuf';
import * as wkt from '@bufbuild/protobuf/wkt';
import * as proto from '@mvkit/proto';
import * as v1 from '@mvkit/proto/v1';
import { describe, expect, it } from 'vitest';
import { embeddedDescriptorJson } from '../scripts/embedded-descriptors.mjs';
import { embeddedFileDesc } from '../scripts/embedded-file-desc.mjs';

/** Every `file_*` export of a module that is a file descriptor. */
function filesOf(module: Record<string, unknown>): DescFile[] {
  return Object.entries(module)
    .filter(([name, value]) => name.startsWith('file_') && (value as DescFile | undefined)?.kind === 'file')
    .map(([, value]) => value as DescFile);
}

/** A message tree as protobuf-es sees it: own properties in order, and the prototype's defaults. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null || typeof value !== 'object') return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  return { own: Object.entries(value).map(([key, v]) => [key, shape(v)]), defaults: prototype === Object.prototype ? null : Object.entries(prototype as object) };
}

/** What the registry derives from a file: every type, field attribute, enum value and RPC. */
function fingerprint(file: DescFile): unknown {
  const enumOf = (e: DescEnum) => [e.typeName, e.open, e.sharedPrefix, e.values.map((v) => [v.name, v.localName, v.number, v.jsonName])];
  const messageOf = (m: DescMessage): unknown => [
    m.typeName,
    m.fields.map((f) => [f.name, f.localName, f.number, f.jsonName, f.fieldKind, f.scalar, f.presence, f.packed, f.listKind, f.mapKind, f.mapKey, f.delimitedEncoding, f.longAsString, f.oneof?.name, f.message?.typeName, f.enum?.typeName, f.getDefaultValue?.()]),
    m.oneofs.map((o) => [o.name, o.localName, o.fields.map((f) => f.name)]),
    m.nestedMessages.map(messageOf),
    m.nestedEnums.map(enumOf),
  ];
  return [
    file.name,
    file.edition,
    file.dependencies.map((d) => d.name),
    file.messages.map(messageOf),
    file.enums.map(enumOf),
    file.services.map((s) => [s.typeName, s.methods.map((m) => [m.name, m.localName, m.methodKind, m.input.typeName, m.output.typeName, m.idempotency])]),
  ];
}

// descriptor.proto is not embedded: protobuf-es builds it from its own `boot` form.
const files = [...filesOf(proto), ...filesOf(v1), ...filesOf(wkt)].filter((f) => f !== wkt.file_google_protobuf_descriptor);

describe('embedded descriptors', () => {
  it('covers the Milvus 2.x and 1.x protos and the well-known types', () => {
    expect(files.map((f) => f.proto.name)).toEqual(expect.arrayContaining(['milvus/proto/milvus/milvus.proto', 'milvus/proto/common/common.proto', 'milvus/grpc/milvus.proto', 'google/protobuf/struct.proto', 'google/protobuf/any.proto']));
  });

  it.each(files.map((f) => [f.proto.name, f] as const))('%s: the same FileDescriptorProto and file descriptor as protobuf-es hydrates', (_, file) => {
    const rebuilt = embeddedFileDesc(embeddedDescriptorJson(file), file.dependencies);
    expect(shape(rebuilt.proto)).toEqual(shape(file.proto));
    expect(toBinary(wkt.FileDescriptorProtoSchema, rebuilt.proto)).toEqual(toBinary(wkt.FileDescriptorProtoSchema, file.proto));
    expect(fingerprint(rebuilt)).toEqual(fingerprint(file));
  });

  it('refuses a tree JSON cannot carry', () => {
    const file = proto.file_milvus_proto_msg_msg;
    const withBytes = { ...file, name: file.name, proto: { ...file.proto, $unknown: [{ no: 99, wireType: 2, data: new Uint8Array([1]) }] } } as unknown as DescFile;
    expect(() => embeddedDescriptorJson(withBytes)).toThrow(/is not JSON/);
  });
});
