import { ScalarType, create, fromJson, toBinary, type DescField, type DescMessage, type DescMethod, type JsonValue } from '@bufbuild/protobuf';
import { CallMetadata } from '../grpc/metadata.js';
import { CollectionSchemaSchema, MilvusService } from '@mvkit/proto';
import type { MilvusServiceHandlers } from '../grpc/adapter.js';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { DEFAULT_DATABASE, Engine, PermissionDeniedError, Rbac, type AuthOptions } from '../engine/index.js';
import { grpcFront } from '../grpc/front.js';
import { createLogger, type Logger } from '../logger.js';
import { httpUserOf, NOT_AUTHENTICATED } from './auth.js';
import type { RestHandler, RestResponse } from './handler.js';
import { goJson } from '../gojson.js';

type RpcName = keyof typeof MilvusService.method;

/**
 * `METHOD path` → RPC of the legacy HTTP API (`RegisterRoutesTo` in `httpserver/handler.go`,
 * Milvus 2.1–2.5, served under `/api/v1` on the metrics port 9091): the routes whose RPC the
 * reference server implements.
 */
export const LEGACY_ROUTES: Readonly<Record<string, RpcName>> = {
  'POST /api/v1/collection': 'createCollection',
  'DELETE /api/v1/collection': 'dropCollection',
  'GET /api/v1/collection/existence': 'hasCollection',
  'GET /api/v1/collection': 'describeCollection',
  'POST /api/v1/collection/load': 'loadCollection',
  'DELETE /api/v1/collection/load': 'releaseCollection',
  'GET /api/v1/collection/statistics': 'getCollectionStatistics',
  'GET /api/v1/collections': 'showCollections',
  'POST /api/v1/partition': 'createPartition',
  'DELETE /api/v1/partition': 'dropPartition',
  'GET /api/v1/partition/existence': 'hasPartition',
  'POST /api/v1/partitions/load': 'loadPartitions',
  'DELETE /api/v1/partitions/load': 'releasePartitions',
  'GET /api/v1/partition/statistics': 'getPartitionStatistics',
  'GET /api/v1/partitions': 'showPartitions',
  'POST /api/v1/index': 'createIndex',
  'GET /api/v1/index': 'describeIndex',
  'GET /api/v1/index/state': 'getIndexState',
  'GET /api/v1/index/progress': 'getIndexBuildProgress',
  'DELETE /api/v1/index': 'dropIndex',
};

const INT64_TYPES: ReadonlySet<ScalarType> = new Set([ScalarType.INT64, ScalarType.UINT64, ScalarType.FIXED64, ScalarType.SFIXED64, ScalarType.SINT64]);

/** Go's exported field name for a proto name, as protoc-gen-go derives it (`db_name` → `DbName`). */
const goName = (protoName: string) => protoName.replace(/(?:^|_)([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Standard base64 of `bytes` (through Buffer: a per-byte string and `btoa` take seconds for a large schema). */
function bytesBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** One scalar as Go's encoding/json writes the Go type protoc-gen-go uses (int64 as a bare number). */
function goScalar(type: ScalarType, v: unknown): unknown {
  if (INT64_TYPES.has(type)) return BigInt(v as bigint | number | string);
  if (type === ScalarType.BYTES) return bytesBase64(v as Uint8Array);
  return v;
}

const isZeroScalar = (v: unknown) => v === undefined || v === 0 || v === 0n || v === false || v === '' || (v instanceof Uint8Array && v.length === 0);

function goFieldValue(field: DescField, v: unknown): unknown {
  switch (field.fieldKind) {
    case 'scalar':
      return goScalar(field.scalar, v);
    case 'enum':
      return v;
    case 'message':
      return goProtoValue(field.message, v as Record<string, unknown>);
    case 'list':
      return (v as unknown[]).map((x) => (field.listKind === 'message' ? goProtoValue(field.message, x as Record<string, unknown>) : field.listKind === 'scalar' ? goScalar(field.scalar, x) : x));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        out[k] = field.mapKind === 'message' ? goProtoValue(field.message, x as Record<string, unknown>) : field.mapKind === 'scalar' ? goScalar(field.scalar, x) : x;
      }
      return out;
    }
  }
}

/**
 * A protobuf-es message as Go's `encoding/json` writes the protoc-gen-go struct: JSON names are
 * the proto field names, every field `omitempty` (zero scalars, empty lists and maps and unset
 * messages are left out), enums as numbers, 64-bit integers as bigints (written as bare numbers),
 * bytes as base64, a oneof as `{"<Oneof>": {"<Field>": value}}`.
 */
export function goProtoValue(desc: DescMessage, message: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const member of desc.members) {
    if (member.kind === 'oneof') {
      const sel = message[member.localName] as { case?: string; value?: unknown } | undefined;
      const field = member.fields.find((f) => f.localName === sel?.case);
      if (field && sel) out[goName(member.name)] = { [goName(field.name)]: goFieldValue(field, sel.value) };
      continue;
    }
    const v = message[member.localName];
    if (member.fieldKind === 'list' ? (v as unknown[]).length === 0 : member.fieldKind === 'map' ? Object.keys(v as object).length === 0 : member.fieldKind === 'message' ? v === undefined : isZeroScalar(v)) continue;
    out[member.name] = goFieldValue(member, v);
  }
  return out;
}

/** Options of {@link createLegacyHandler}. */
export interface LegacyHandlerOptions {
  /** Logger of the gRPC front built for an engine; default warn level. */
  logger?: Logger;
  /**
   * Require credentials on every route but `/api/v1/health`, as the RESTful v2 front does
   * (`Authorization: Bearer <user>:<password>` or `Basic`; HTTP 401 code 1800 otherwise).
   */
  auth?: AuthOptions;
}

/**
 * The legacy HTTP API (`/api/v1/...`, `httpserver/handler.go` + `wrapper.go` of Milvus 2.1–2.5,
 * on the metrics port 9091), framework-free like {@link createRestHandler}:
 *
 * - the body of every method (also GET and DELETE) is the request message in Go's JSON form
 *   (snake_case proto field names; YAML with `Content-Type: application/x-yaml`); an empty body is
 *   an empty request; `POST /collection` takes `schema` as an object;
 * - the answer is the response message as Go's encoding/json writes it ({@link goProtoValue}:
 *   omitempty, enums and int64 as numbers), HTTP 200 also for business errors, so a success status
 *   is `{}`; YAML when `Accept` asks for `application/x-yaml`;
 * - with `auth`, a route called without valid credentials is HTTP 401 `{"code":1800,...}`, and one
 *   whose RPC the user lacks the privilege of is HTTP 403 `{"error_code":1,"reason":"Privilege<X>: permission deny to <user> in the `<db>` database"}`;
 * - an unparsable body is HTTP 400 `{"error_code":5,"reason":"..."}` (IllegalArgument), another
 *   failure HTTP 500 `{"error_code":1,...}`; `GET /api/v1/health` is `{"status":"ok"}`; other
 *   paths 404.
 *
 * It calls the gRPC front's per-RPC handlers, so no rule is implemented twice.
 *
 * @param source - the engine to serve (a gRPC front is built for it), or ready gRPC handlers.
 */
export function createLegacyHandler(source: Engine | Partial<MilvusServiceHandlers>, options: LegacyHandlerOptions = {}): RestHandler {
  const handlers = (source instanceof Engine ? grpcFront(source, options.logger ?? createLogger('warn')) : source) as Record<
    string,
    ((req: unknown, md: CallMetadata) => Promise<unknown>) | undefined
  >;
  const answer = (status: number, payload: unknown, accept: string | undefined): RestResponse =>
    /application\/x-yaml/.test(accept ?? '')
      ? { status, headers: { 'content-type': 'application/x-yaml; charset=utf-8' }, body: stringifyYaml(payload) }
      : { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: goJson(payload, { sortKeys: false }) };

  // Users log in against the engine's RBAC store (seeded with `auth`'s users); ready handlers bring no engine.
  const rbac = source instanceof Engine ? source.rbac : new Rbac();
  if (options.auth) rbac.seedUsers(options.auth.users);

  return async (request) => {
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
    const path = (request.path.split('?')[0] ?? '').replace(/(.)\/+$/, '$1');
    const method = request.method.toUpperCase();
    if (method === 'GET' && path === '/api/v1/health') return answer(200, { status: 'ok' }, headers.accept);
    const name = LEGACY_ROUTES[`${method} ${path}`];
    const handler = name ? handlers[name] : undefined;
    if (!name || !handler) return { status: 404, headers: { 'content-type': 'text/plain' }, body: '404 page not found' };
    const user = options.auth ? await httpUserOf(rbac, headers.authorization) : undefined;
    if (options.auth && user === undefined) return answer(401, NOT_AUTHENTICATED, headers.accept);
    const rpc: DescMethod = MilvusService.method[name];
    let message;
    try {
      const text = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
      let parsed: unknown = text.trim() === '' ? {} : /application\/x-yaml/.test(headers['content-type'] ?? '') ? parseYaml(text) : JSON.parse(text);
      if (name === 'createCollection' && parsed && typeof parsed === 'object' && 'schema' in parsed) {
        const { schema, ...rest } = parsed as { schema: unknown };
        const bytes = toBinary(CollectionSchemaSchema, fromJson(CollectionSchemaSchema, schema as JsonValue, { ignoreUnknownFields: true }));
        parsed = { ...rest, schema: bytesBase64(bytes) };
      }
      message = fromJson(rpc.input, parsed as JsonValue, { ignoreUnknownFields: true });
    } catch (e) {
      return answer(400, { error_code: 5, reason: `parse body failed: ${(e as Error).message}: bad request` }, headers.accept);
    }
    if (user !== undefined) {
      // The privilege of the route's RPC, as on the other fronts (the body's `db_name`, else `default`).
      try {
        rbac.authorize(rpc.name, message, { user, dbName: (message as { dbName?: string }).dbName || DEFAULT_DATABASE });
      } catch (e) {
        if (e instanceof PermissionDeniedError) return answer(403, { error_code: 1, reason: e.message }, headers.accept);
        throw e;
      }
    }
    try {
      const response = create(rpc.output, (await handler(message, new CallMetadata())) as never);
      return answer(200, goProtoValue(rpc.output, response as unknown as Record<string, unknown>), headers.accept);
    } catch (e) {
      return answer(500, { error_code: 1, reason: e instanceof Error ? e.message : String(e) }, headers.accept);
    }
  };
}
