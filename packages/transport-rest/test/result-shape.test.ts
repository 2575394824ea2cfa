/**
 * The REST transport's results written from the generated field tables (`src/result-shape.ts`,
 * `src/gen/shapes.ts`) against protobuf-es, their reference: `toJson(desc, create(desc, init),
 * { useProtoFieldName: true, alwaysEmitImplicit: true })` over the descriptors of `@mvkit/proto`,
 * for hand-picked inits with tricky fields and for seeded random inits of every tabled message.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ScalarType, create, toJson, type DescEnum, type DescField, type DescMessage, type JsonValue } from '@bufbuild/protobuf';
import { MilvusService } from '@mvkit/proto';
import { describe, expect, it } from 'vitest';
import { MESSAGES, OUTPUTS } from '../src/gen/shapes.js';
import { result, type MessageShape } from '../src/result-shape.js';

type Init = Record<string, unknown>;

/** Every message reachable from MilvusService's responses, by type name. */
const DESCS = new Map<string, DescMessage>();
const reach = (desc: DescMessage) => {
  if (DESCS.has(desc.typeName)) return;
  DESCS.set(desc.typeName, desc);
  for (const f of desc.fields) if (f.message) reach(f.message);
};
for (const method of Object.values(MilvusService.method)) reach(method.output);

const descOf = (typeName: string): DescMessage => {
  const desc = DESCS.get(typeName);
  if (!desc) throw new Error(`no descriptor for ${typeName}`);
  return desc;
};

/** What the transport returned before the tables: protobuf-es, with the served success status. */
function reference(desc: DescMessage, init: Init): JsonValue {
  const withStatus = desc.fields.some((f) => f.localName === 'status') ? { status: {}, ...init } : init;
  return toJson(desc, create(desc, withStatus as never), { useProtoFieldName: true, alwaysEmitImplicit: true });
}

const shapeOf = (typeName: string) => ({ typeName }) as MessageShape<Init>;

/** Same JSON as the reference, keys in the same order. */
function expectSame(typeName: string, init: Init): void {
  const want = reference(descOf(typeName), init);
  const got = result(shapeOf(typeName), init);
  expect(got).toStrictEqual(want);
  expect(JSON.stringify(got)).toBe(JSON.stringify(want));
}

describe('result() against protobuf-es toJson', () => {
  it('tables every message the responses reach, and nothing else', () => {
    const reached = new Set<string>();
    const walk = (desc: DescMessage) => {
      if (reached.has(desc.typeName)) return;
      reached.add(desc.typeName);
      for (const f of desc.fields) if (f.message) walk(f.message);
    };
    for (const { typeName } of Object.values(OUTPUTS)) walk(descOf(typeName));
    expect(Object.keys(MESSAGES).sort()).toEqual([...reached].sort());
    for (const [method, shape] of Object.entries(OUTPUTS)) expect(shape.typeName, method).toBe(MilvusService.method[method as keyof typeof MilvusService.method].output.typeName);
  });

  it('writes every message from an empty init: implicit defaults, empty lists and maps, no message fields', () => {
    for (const typeName of Object.keys(MESSAGES)) expectSame(typeName, {});
    expect(result(OUTPUTS.getImportState, {})).toMatchObject({ status: { error_code: 'Success', code: 0, extra_info: {} }, state: 'ImportPending', row_count: '0', id_list: [], infos: [] });
    expect(result(OUTPUTS.describeCollection, {})).not.toHaveProperty('schema');
  });

  it('describeCollection: int64 beyond 2^53 as bigint, number and string; known and unknown enums; nested lists; oneof default values; bytes', () => {
    expectSame('milvus.proto.milvus.DescribeCollectionResponse', {
      collectionID: 2n ** 62n + 3n,
      numPartitions: 16,
      createdTimestamp: '449781220561059842',
      shardsNum: 2,
      consistencyLevel: 2,
      aliases: ['a', 'b'],
      properties: [{ key: 'collection.ttl.seconds', value: '60' }],
      startPositions: [
        { key: 'ch-1', data: new Uint8Array([1]) },
        { key: 'ch-2', data: [250, 251] },
        { key: 'ch-3', data: new Uint8Array([0, 1, 2, 255]) },
      ],
      schema: {
        name: 'books',
        autoID: true,
        fields: [
          { fieldID: 100n, name: 'id', isPrimaryKey: true, dataType: 5, typeParams: [] },
          { fieldID: 101n, name: 'v', dataType: 101, typeParams: [{ key: 'dim', value: '4' }], elementType: 9999 },
          { fieldID: 102n, name: 'n', dataType: 5, nullable: true, defaultValue: { data: { case: 'longData', value: -(2n ** 63n) } } },
          { fieldID: 103n, name: 'f', dataType: 11, defaultValue: { data: { case: 'doubleData', value: Number.NaN } } },
          { fieldID: 104n, name: 'b', dataType: 100, defaultValue: { data: { case: 'bytesData', value: new Uint8Array([104, 105, 33]) } } },
          { fieldID: 105n, name: 's', dataType: 21, defaultValue: { data: { case: undefined } } },
        ],
        functions: [{ name: 'bm25', id: '7', type: 1, inputFieldNames: ['s'], outputFieldNames: ['v'], params: [] }],
        enableDynamicField: true,
      },
    });
  });

  it('describeResourceGroup: maps of int32, nested messages, lists of messages with int64', () => {
    expectSame('milvus.proto.milvus.DescribeResourceGroupResponse', {
      resourceGroup: {
        name: 'rg',
        capacity: 3,
        numAvailableNode: 1,
        numLoadedReplica: { books: 1, films: 0 },
        numOutgoingNode: {},
        config: { requests: { nodeNum: 1 }, limits: { nodeNum: 2 }, transferFrom: [{ resourceGroup: '__default_resource_group' }], nodeFilter: { nodeLabels: [{ key: 'zone', value: 'a' }] } },
        nodes: [{ nodeId: 9007199254740993n, address: '10.0.0.1:21123', hostname: 'qn-1' }],
      },
    });
  });

  it('float and double values: NaN and ±Infinity as strings, -0 kept, in oneofs', () => {
    for (const value of [Number.NaN, Infinity, -Infinity, -0, 1.5e300, 0.1]) {
      expectSame('milvus.proto.schema.ValueField', { data: { case: 'floatData', value } });
      expectSame('milvus.proto.schema.ValueField', { data: { case: 'doubleData', value } });
    }
  });

  it('lists of enums and int64, with unknown enum numbers written as numbers', () => {
    expectSame('milvus.proto.milvus.CheckHealthResponse', { isHealthy: false, reasons: ['disk'], quotaStates: [2, 42, 6] });
    expectSame('milvus.proto.milvus.ShowCollectionsResponse', { collectionNames: ['a', 'b'], collectionIds: [1n, '2'], inMemoryPercentages: [100, 0], queryServiceAvailable: [true, false] });
    expect(result(OUTPUTS.checkHealth, { quotaStates: [2, 42] }).quota_states).toEqual(['ReadLimited', 42]);
  });

  it('an init that fills a status keeps it; unknown init keys are ignored', () => {
    expectSame('milvus.proto.milvus.BoolResponse', { status: { errorCode: 1, reason: 'r', code: 65535, retriable: true, extraInfo: { a: 'b' } }, value: true, notAField: 1 });
  });

  it('throws as protobuf-es does for values that fit no field', () => {
    const cases: [string, Init][] = [
      ['milvus.proto.milvus.GetLoadingProgressResponse', { progress: 1.5 }],
      ['milvus.proto.milvus.GetLoadStateResponse', { state: 'LoadStateLoaded' }],
      ['milvus.proto.milvus.BoolResponse', { value: 'yes' }],
    ];
    for (const [typeName, init] of cases) {
      expect(() => reference(descOf(typeName), init), typeName).toThrow();
      expect(() => result(shapeOf(typeName), init), typeName).toThrow(/cannot write field/);
    }
  });

  it('matches on seeded random inits of every tabled message', () => {
    let seed = 0x2545f491;
    const rnd = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 2 ** 32;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
    const scalar = (type: ScalarType): unknown => {
      switch (type) {
        case ScalarType.DOUBLE:
        case ScalarType.FLOAT:
          return pick([0, -0, 1.5, -2.25, Number.NaN, Infinity, -Infinity, 1e300]);
        case ScalarType.INT64:
        case ScalarType.UINT64:
        case ScalarType.FIXED64:
        case ScalarType.SFIXED64:
        case ScalarType.SINT64:
          return pick([0n, 1n, -5n, 2n ** 63n - 1n, '123', '0', 42, 0, 2 ** 53]);
        case ScalarType.BOOL:
          return rnd() < 0.5;
        case ScalarType.STRING:
          return pick(['', 'a', 'ü東京', '"quoted"\n']);
        case ScalarType.BYTES:
          return rnd() < 0.3 ? Array.from({ length: Math.floor(rnd() * 5) }, () => Math.floor(rnd() * 256)) : new Uint8Array(Array.from({ length: Math.floor(rnd() * 7) }, () => Math.floor(rnd() * 256)));
        default:
          return pick([0, 1, -7, 2147483647]);
      }
    };
    const enumValue = (desc: DescEnum) => (rnd() < 0.15 ? 999 : pick(desc.values).number);
    const value = (f: DescField, kind: 'scalar' | 'enum' | 'message', depth: number): unknown =>
      kind === 'message' ? randomInit(f.message!, depth + 1) : kind === 'enum' ? enumValue(f.enum!) : scalar(f.scalar!);
    function randomInit(desc: DescMessage, depth: number): Init {
      const init: Init = {};
      for (const member of desc.members) {
        if (rnd() < 0.3) continue;
        if (rnd() < 0.05) {
          init[member.localName] = pick([undefined, null]);
          continue;
        }
        if (member.kind === 'oneof') {
          const f = pick(member.fields);
          init[member.localName] = { case: f.localName, value: value(f, f.fieldKind as 'scalar' | 'enum' | 'message', depth) };
          continue;
        }
        if (member.fieldKind === 'list') init[member.localName] = Array.from({ length: Math.floor(rnd() * 4) }, () => value(member, member.listKind, depth));
        else if (member.fieldKind === 'map') init[member.localName] = Object.fromEntries(Array.from({ length: Math.floor(rnd() * 3) }, (_, i) => [pick(['k', 'ключ', '__proto__', '0']) + (i ? String(i) : ''), value(member, member.mapKind, depth)]));
        else if (member.fieldKind !== 'message' || depth < 4) init[member.localName] = value(member, member.fieldKind, depth);
      }
      return init;
    }
    for (const typeName of Object.keys(MESSAGES)) {
      for (let i = 0; i < 40; i++) expectSame(typeName, randomInit(descOf(typeName), 0));
    }
  });
});

describe('generated shapes module', () => {
  it('is up to date with the descriptors of @mvkit/proto (run `pnpm --filter @mvkit/transport-rest gen:shapes`)', async () => {
    const script = fileURLToPath(new URL('../scripts/gen-shapes.mjs', import.meta.url));
    const mod = (await import(pathToFileURL(script).href)) as { generateShapesSource(): string; shapesPath: string };
    expect(readFileSync(mod.shapesPath, 'utf8') === mod.generateShapesSource()).toBe(true);
  });
});
