import { fromBinary, type DescMethod, type Message } from '@bufbuild/protobuf';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { MilvusService, methodPath } from '@mvkit/proto';
import { MilvusService as MilvusV1Service } from '@mvkit/proto/v1';
import { checkGrpcReply } from './checks.js';
import { NAMES } from './fixture.js';
import { mutateBytes } from './mutate.js';
import { deeplyNested, randomRequest } from './proto-gen.js';
import { hex, type FuzzReport } from './report.js';
import type { BatchOptions } from './batch.js';
import type { Rng } from './rng.js';
import type { RawGrpc } from './wire.js';

/**
 * The gRPC fuzzer: for every RPC of `MilvusService`, random valid-ish requests built from the
 * descriptors and byte mutations of them, sent raw; plus calls to RPCs the service does not
 * define. Each reply is checked with `checkGrpcReply`.
 *
 * @packageDocumentation
 */

/** RPCs of upstream Milvus (and other paths) that `MilvusService` here does not define: UNIMPLEMENTED. */
const UNDEFINED_PATHS = [
  '/milvus.proto.milvus.MilvusService/NoSuchRpc',
  '/milvus.proto.milvus.MilvusService/createPartition',
  '/milvus.proto.milvus.MilvusService/',
  '/milvus.proto.milvus.MilvusServic/Connect',
  '/milvus.grpc.MilvusService/NoSuchRpc',
  '/milvus.grpc.MilvusService/search',
  '/grpc.health.v1.Health/Check',
  '/',
];

/** Options of one gRPC batch. */
export interface GrpcBatchOptions extends BatchOptions {
  /** Local names of the RPCs the server implements. */
  readonly served: ReadonlySet<string>;
}

/** Random request metadata: usually none, sometimes a database or credentials header. */
function metadataOf(rng: Rng): Record<string, string> {
  return rng.weighted<Record<string, string>>([
    [8, {}],
    [1, { dbname: rng.pick(NAMES.databases.filter((d) => d)) }],
    [1, { dbname: rng.pick(['nope', 'x'.repeat(300), '%E4%B8%AD', ' ']) }],
    [1, { authorization: rng.pick(['cm9vdDpNaWx2dXM=', 'Og==', '', '!!!', 'Basic x']) }],
  ]);
}

/** The `status.code` of an OK reply, or `undecodable`. */
function statusCode(method: DescMethod, bytes: Uint8Array): string {
  try {
    const out = fromBinary(method.output, bytes) as unknown as { code?: number; status?: { code: number } };
    if (method.output.typeName === 'milvus.grpc.Status') return `1.x ${(out as { errorCode?: number }).errorCode}`;
    return String(method.output.typeName === 'milvus.proto.common.Status' ? out.code : out.status?.code);
  } catch {
    return 'undecodable';
  }
}

function decodes(method: DescMethod, bytes: Uint8Array): Message | undefined {
  try {
    return fromBinary(method.input, bytes);
  } catch {
    return undefined;
  }
}

/**
 * Sends one batch: for each RPC, `cases` cases (alternately a generated request and a
 * mutation of one) and, when its input has a recursive type, one deeply nested request; then one
 * call to each undefined path. Records every case and failure in
 * `report`.
 */
export async function grpcBatch(client: RawGrpc, report: FuzzReport, o: GrpcBatchOptions): Promise<void> {
  // The v2 service, then the Milvus 1.x one (every 1.x RPC is served).
  for (const method of [...MilvusService.methods, ...MilvusV1Service.methods]) {
    const v1 = method.parent === MilvusV1Service;
    const served = v1 || o.served.has(method.localName);
    const name = v1 ? `1.x ${method.name}` : method.name;
    const path = methodPath(method);
    for (let i = 0; i < o.cases; i++) {
      const caseRng = o.rng.fork();
      const base = randomRequest(method.input, caseRng, o.limits);
      const mutated = i % 2 === 0 ? undefined : mutateBytes(caseRng, base.bytes, randomRequest(method.input, caseRng, o.limits).bytes);
      const bytes = mutated?.bytes ?? base.bytes;
      const decoded = decodes(method, bytes);
      const metadata = metadataOf(caseRng);
      const repro = `RPC ${name}${Object.keys(metadata).length ? ` metadata ${JSON.stringify(metadata)}` : ''} hex ${hex(bytes)} (${mutated ? `mutation ${mutated.mutation}, ` : ''}case seed ${caseRng.seed})`;
      o.onCase?.(repro);
      const reply = await client.call(path, bytes, metadata);
      report.record({ front: 'grpc', ms: reply.ms, repro, payload: bytes });
      report.outcome(`${name} ${reply.ok ? `status ${statusCode(method, reply.bytes)}` : `grpc ${GrpcStatus[reply.code]}`}`);
      const problem = checkGrpcReply(method, served, decoded !== undefined, reply);
      if (problem) report.fail({ front: 'grpc', problem: `${name}: ${problem}`, repro, payload: bytes });
      if (!(await o.proceed(problem))) return;
    }
    const deep = deeplyNested(method.input, o.rng.pick([10, 90, 99, 100, 101, o.rng.size(o.limits.maxNesting)]));
    if (deep) {
      const repro = `RPC ${name} hex ${hex(deep)} (deeply nested)`;
      o.onCase?.(repro);
      const reply = await client.call(path, deep);
      report.record({ front: 'grpc', ms: reply.ms, repro, payload: deep });
      const problem = checkGrpcReply(method, served, decodes(method, deep) !== undefined, reply);
      if (problem) report.fail({ front: 'grpc', problem: `${name}: ${problem}`, repro, payload: deep });
      if (!(await o.proceed(problem))) return;
    }
    await o.between?.();
  }
  for (const path of UNDEFINED_PATHS) {
    const bytes = o.rng.bytes(o.rng.int(0, 16));
    const repro = `path ${path} hex ${hex(bytes)}`;
    o.onCase?.(repro);
    const reply = await client.call(path, bytes);
    report.record({ front: 'grpc', ms: reply.ms, repro });
    const problem = reply.ok || reply.code !== GrpcStatus.UNIMPLEMENTED ? `${path}: ${reply.ok ? 'answered OK' : `gRPC ${GrpcStatus[reply.code]} ${reply.details}`}, not UNIMPLEMENTED` : undefined;
    if (problem) report.fail({ front: 'grpc', problem, repro });
    if (!(await o.proceed(problem))) return;
  }
}
