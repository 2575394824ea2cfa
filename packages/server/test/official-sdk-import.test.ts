import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataType, HttpClient, MilvusClient } from '@zilliz/milvus2-sdk-node';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index.js';
import { bytesOf, npy } from './npy.js';

/**
 * Bulk import through the official Node SDK (pinned 3.0.6) against a reference server started
 * with an import directory: `bulkInsert` / `getImportState` / `listImportTasks` over gRPC, and
 * the HttpClient's `createImportJobs` / `getImportJobProgress` / `listImportJobs` over RESTful v2.
 */
let server: RunningServer;
let client: MilvusClient;
let http: HttpClient;
const dir = mkdtempSync(join(tmpdir(), 'mvkit-sdk-import-'));

const fields = [
  { name: 'id', data_type: DataType.Int64, is_primary_key: true },
  { name: 'vector', data_type: DataType.FloatVector, dim: 2 },
];

beforeAll(async () => {
  server = await startServer({ port: 0, importDir: dir });
  client = new MilvusClient({ address: server.address, token: 'root:Milvus', logLevel: 'error' });
  await client.connectPromise;
  http = new HttpClient({ endpoint: server.restUrl, token: 'root:Milvus' });
  writeFileSync(join(dir, 'rows.json'), JSON.stringify([{ id: 1, vector: [1, 0] }, { id: 2, vector: [0, 1] }]));
  writeFileSync(join(dir, 'rows.parquet'), new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'id', data: [3n, 4n, 5n], type: 'INT64' }, { name: 'vector', data: [[1, 1], [2, 2], [3, 3]] }] })));
  mkdirSync(join(dir, 'np'));
  writeFileSync(join(dir, 'np', 'id.npy'), npy('<i8', [1], bytesOf(new BigInt64Array([6n]))));
  writeFileSync(join(dir, 'np', 'vector.npy'), npy('<f4', [1, 2], bytesOf(new Float32Array([0.5, 0.5]))));
  writeFileSync(join(dir, 'bad.json'), '{"rows": 5}');
});
afterAll(async () => {
  await client.closeConnection();
  await server.close();
});

/** Polls GetImportState until the job leaves Pending/Started. */
async function finished(task: string | number) {
  for (let i = 0; i < 200; i++) {
    const s = await client.getImportState({ task: task as number });
    if (s.state !== 'ImportPending' && s.state !== 'ImportStarted') return s;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`import job ${task} did not finish`);
}

describe('official Node SDK over gRPC: bulkInsert, getImportState, listImportTasks', () => {
  it('imports JSON, Parquet and NumPy files and reports each job', async () => {
    expect((await client.createCollection({ collection_name: 'sdk_import', fields })).error_code).toBe('Success');
    const jobs: string[] = [];
    for (const files of [['rows.json'], ['rows.parquet'], ['np/id.npy', 'np/vector.npy']]) {
      const res = await client.bulkInsert({ collection_name: 'sdk_import', files });
      expect(res.status.error_code).toBe('Success');
      expect(res.tasks).toHaveLength(1);
      jobs.push(String(res.tasks[0]));
    }
    const rows = [];
    for (const job of jobs) {
      const s = await finished(job);
      expect(s.state).toBe('ImportCompleted');
      expect(String(s.id)).toBe(job);
      expect(Object.fromEntries(s.infos.map((kv) => [kv.key, kv.value]))).toMatchObject({ collection: 'sdk_import', failed_reason: '', progress_percent: '100' });
      rows.push(String(s.row_count));
    }
    expect(rows).toEqual(['2', '3', '1']);
    const listed = await client.listImportTasks({ collection_name: 'sdk_import', limit: 2 });
    expect(listed.tasks.map((t) => [String(t.id), t.state])).toEqual([[jobs[1], 'ImportCompleted'], [jobs[2], 'ImportCompleted']]);
    await client.createIndex({ collection_name: 'sdk_import', field_name: 'vector', index_type: 'FLAT', metric_type: 'L2' });
    await client.loadCollectionSync({ collection_name: 'sdk_import' });
    const q = await client.query({ collection_name: 'sdk_import', filter: 'id > 0', output_fields: ['id'], consistency_level: 'Strong' as never });
    expect(q.data.map((r) => String(r.id)).sort()).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('reports a failed job with its reason and refuses bad requests with Milvus codes', async () => {
    await client.createCollection({ collection_name: 'sdk_import_bad', fields });
    const { tasks } = await client.bulkInsert({ collection_name: 'sdk_import_bad', files: ['bad.json'] });
    const s = await finished(String(tasks[0]));
    expect(s.state).toBe('ImportFailed');
    expect(s.infos.find((kv) => kv.key === 'failed_reason')?.value).toBe("invalid JSON format, rows list should begin with '[': importing data failed");
    let res = await client.bulkInsert({ collection_name: 'sdk_missing', files: ['rows.json'] });
    expect([res.status.code, res.status.reason]).toEqual([100, 'collection not found[database=default][collection=sdk_missing]']);
    res = await client.bulkInsert({ collection_name: 'sdk_import_bad', partition_name: 'nope', files: ['rows.json'] });
    expect([res.status.code, res.status.reason]).toEqual([200, 'partition not found[partition=nope]']);
    res = await client.bulkInsert({ collection_name: 'sdk_import_bad', files: ['rows.csv'] });
    expect([res.status.code, res.status.reason]).toEqual([2100, 'unexpect file type, files=[rows.csv]: importing data failed']);
    const missing = await client.getImportState({ task: 42 });
    expect([missing.status.code, missing.status.reason]).toEqual([2100, 'import job does not exist, jobID=42: importing data failed']);
  });
});

describe('official Node SDK over RESTful v2: createImportJobs, getImportJobProgress, listImportJobs', () => {
  it('creates a job, follows its progress and lists it', async () => {
    expect((await http.createCollection({ collectionName: 'rest_import', dimension: 2 } as never)).code).toBe(0);
    const created = await http.createImportJobs({ collectionName: 'rest_import', files: [['rows.json']] });
    expect(created.code).toBe(0);
    const jobId = created.data.jobId;
    expect(jobId).toMatch(/^\d+$/);
    let progress = await http.getImportJobProgress({ jobId });
    for (let i = 0; i < 200 && progress.data.state !== 'Completed'; i++) progress = await http.getImportJobProgress({ jobId });
    expect(progress.code).toBe(0);
    const fileSize = statSync(join(dir, 'rows.json')).size;
    expect(progress.data).toMatchObject({ jobId, collectionName: 'rest_import', state: 'Completed', progress: 100, importedRows: 2, totalRows: 2, fileSize });
    expect(progress.data.details).toEqual([{ fileName: '[rows.json]', fileSize, progress: 100, completeTime: progress.data.completeTime, state: 'Completed', importedRows: 2, totalRows: 2 }]);
    const listed = await http.listImportJobs({ collectionName: 'rest_import' });
    expect(listed).toEqual({ code: 0, data: { records: [{ jobId, collectionName: 'rest_import', state: 'Completed', progress: 100 }] } });
    const missing = (await http.getImportJobProgress({ jobId: '1' })) as unknown as { code: number; message: string };
    expect([missing.code, missing.message]).toEqual([2100, 'import job does not exist, jobID=1: importing data failed']);
    const empty = (await http.createImportJobs({ collectionName: 'rest_import', files: [] })) as unknown as { code: number; message: string };
    expect([empty.code, empty.message]).toEqual([1100, 'import request is empty: invalid parameter']);
  });
});
