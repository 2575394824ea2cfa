/**
 * The wire contract of the Milvus 1.x protocol (`@mvkit/proto/v1`, package `milvus.grpc`). Every
 * message and enum we declare must match the descriptor pymilvus 1.1.2 is generated from (its
 * `milvus/grpc_gen/*_pb2.py`, dumped by fixtures/dump-pymilvus-1x-descriptors.py in the pinned
 * `pymilvus-1.x` venv): field names, numbers, types, labels, enum values both ways; every field
 * the wheel declares on a message we declare; and the RPCs of `MilvusService` are the wheel's
 * minus the hybrid/entity ones listed in HYBRID, with the same request and response types.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { DescEnum, DescFile, DescMessage } from '@bufbuild/protobuf';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensurePythonEnv } from '../../../conformance/scripts/python-env.mjs';
import { MilvusService, file_milvus_grpc_milvus, file_milvus_grpc_status } from '../src/v1.js';

interface FieldJson { name: string; number: number; label: string; type: string; type_name?: string }
interface MessageJson { name: string; field?: FieldJson[]; nested_type?: unknown[]; enum_type?: unknown[] }
interface EnumJson { name: string; value: { name: string; number?: number }[] }
interface FileJson {
  name: string;
  package: string;
  message_type?: MessageJson[];
  enum_type?: EnumJson[];
  service?: { name: string; method: { name: string; input_type: string; output_type: string }[] }[];
}

const DUMP = fileURLToPath(new URL('./fixtures/dump-pymilvus-1x-descriptors.py', import.meta.url));

/**
 * The RPCs of the wheel's service we do not declare: the "hybrid" entity API of the 0.x line,
 * still in the 1.1 descriptor, never called by pymilvus 1.1.2's client.
 */
const HYBRID = [
  'CreateHybridCollection', 'HasHybridCollection', 'DropHybridCollection', 'DescribeHybridCollection', 'CountHybridCollection',
  'ShowHybridCollections', 'ShowHybridCollectionInfo', 'PreloadHybridCollection', 'InsertEntity', 'HybridSearch',
  'HybridSearchInSegments', 'GetEntityByID', 'GetEntityIDs', 'DeleteEntitiesByID',
];

const TYPE: Record<number, string> = { 1: 'TYPE_DOUBLE', 2: 'TYPE_FLOAT', 3: 'TYPE_INT64', 4: 'TYPE_UINT64', 5: 'TYPE_INT32', 8: 'TYPE_BOOL', 9: 'TYPE_STRING', 11: 'TYPE_MESSAGE', 12: 'TYPE_BYTES', 13: 'TYPE_UINT32', 14: 'TYPE_ENUM' };
const LABEL: Record<number, string> = { 1: 'LABEL_OPTIONAL', 3: 'LABEL_REPEATED' };

let wheel: FileJson[];
beforeAll(async () => {
  const { python } = await ensurePythonEnv({ name: 'pymilvus-1.x', log: () => {} });
  const { stdout } = await promisify(execFile)(python, [DUMP], { maxBuffer: 16 << 20, env: { ...process.env, PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION: 'python' } });
  wheel = (JSON.parse(stdout) as { files: FileJson[] }).files;
}, 600_000);

const OURS: DescFile[] = [file_milvus_grpc_status, file_milvus_grpc_milvus];
const ourMessages: DescMessage[] = OURS.flatMap((f) => f.messages);
const ourEnums: DescEnum[] = OURS.flatMap((f) => f.enums);

function wheelMessage(typeName: string): MessageJson | undefined {
  for (const file of wheel) for (const m of file.message_type ?? []) if (`${file.package}.${m.name}` === typeName) return m;
  return undefined;
}
function wheelEnum(typeName: string): EnumJson | undefined {
  for (const file of wheel) for (const e of file.enum_type ?? []) if (`${file.package}.${e.name}` === typeName) return e;
  return undefined;
}

/** Every difference between our 1.x declarations and the wheel's, as `key: description`. */
function differences(): string[] {
  const diffs: string[] = [];
  for (const message of ourMessages) {
    const theirs = wheelMessage(message.typeName);
    if (!theirs) {
      diffs.push(`${message.typeName}: message missing in the wheel`);
      continue;
    }
    if (message.nestedMessages.length || message.nestedEnums.length || theirs.nested_type?.length || theirs.enum_type?.length) diffs.push(`${message.typeName}: nested types`);
    for (const f of message.proto.field) {
      const key = `${message.typeName}.${f.name}`;
      const t = (theirs.field ?? []).find((x) => x.name === f.name);
      if (!t) {
        diffs.push(`${key}: field missing in the wheel`);
        continue;
      }
      const ours = { number: f.number, label: LABEL[f.label], type: TYPE[f.type], type_name: f.typeName || undefined };
      const wheelField = { number: t.number, label: t.label, type: t.type, type_name: t.type_name };
      if (JSON.stringify(ours) !== JSON.stringify(wheelField)) diffs.push(`${key}: ${JSON.stringify(ours)} vs wheel ${JSON.stringify(wheelField)}`);
    }
    for (const t of theirs.field ?? []) if (!message.fields.some((f) => f.name === t.name)) diffs.push(`${message.typeName}.${t.name}: wheel field we do not declare`);
  }
  for (const desc of ourEnums) {
    const theirs = wheelEnum(desc.typeName);
    if (!theirs) {
      diffs.push(`${desc.typeName}: enum missing in the wheel`);
      continue;
    }
    const values = (e: { name: string; number?: number }[]) => e.map((v) => `${v.name}=${v.number ?? 0}`).sort();
    if (JSON.stringify(values(desc.values)) !== JSON.stringify(values(theirs.value))) diffs.push(`${desc.typeName}: values ${values(desc.values).join(',')} vs wheel ${values(theirs.value).join(',')}`);
  }
  return diffs;
}

describe('Milvus 1.x wire contract against pymilvus 1.1.2 descriptors', () => {
  it('reads the wheel it was written against (package milvus.grpc, status.proto and milvus.proto)', () => {
    expect(wheel.map((f) => [f.name, f.package])).toEqual([['status.proto', 'milvus.grpc'], ['milvus.proto', 'milvus.grpc']]);
  });

  it('has no message, field or enum value that differs from the wheel', () => {
    expect(differences()).toEqual([]);
  });

  it('declares the ErrorCode enum and every message the declared RPCs use', () => {
    expect(ourEnums.map((e) => e.typeName)).toEqual(['milvus.grpc.ErrorCode']);
    const used = new Set(MilvusService.methods.flatMap((m) => [m.input.typeName, m.output.typeName]));
    for (const name of used) expect(ourMessages.map((m) => m.typeName), name).toContain(name);
    expect(ourMessages.length).toBe(27);
  });

  it('declares exactly the non-hybrid RPCs of the wheel, with its request and response types', () => {
    const service = wheel[1]!.service!.find((s) => s.name === 'MilvusService')!;
    expect(MilvusService.typeName).toBe('milvus.grpc.MilvusService');
    const expected = service.method.filter((m) => !HYBRID.includes(m.name));
    expect(service.method.length - expected.length, 'every HYBRID entry is an RPC of the wheel').toBe(HYBRID.length);
    expect(MilvusService.methods.map((m) => m.name).sort()).toEqual(expected.map((m) => m.name).sort());
    expect(MilvusService.methods.length).toBe(27);
    for (const m of expected) {
      const ours = MilvusService.methods.find((x) => x.name === m.name)!;
      expect([`.${ours.input.typeName}`, `.${ours.output.typeName}`], m.name).toEqual([m.input_type, m.output_type]);
      expect(ours.methodKind, m.name).toBe('unary');
    }
  });

  it('detects a difference (the comparison is not vacuous)', () => {
    // DeleteByIDParam declares partition_tag = 3 before id_array = 2: a renumbering would show.
    const del = ourMessages.find((m) => m.name === 'DeleteByIDParam')!;
    expect(del.fields.map((f) => [f.name, f.number])).toEqual([['collection_name', 1], ['partition_tag', 3], ['id_array', 2]]);
    expect(wheelMessage('milvus.grpc.DeleteByIDParam')!.field!.map((f) => [f.name, f.number])).toEqual([['collection_name', 1], ['partition_tag', 3], ['id_array', 2]]);
    expect(ourMessages.reduce((n, m) => n + m.fields.length, 0)).toBe(70);
  });
});
