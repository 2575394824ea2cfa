import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataType } from '@mvkit/core';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { beforeEach, describe, expect, it } from 'vitest';
import { Engine, type FieldInput, type ImportJob, type ImportSource } from '../src/engine/index.js';
import { importDirSource } from '../src/import-dir.js';
import { bytesOf, npy, unicode } from './npy.js';
import { refused } from './refusal.js';

const base = { description: '', isPartitionKey: false, isDynamic: false, isClusteringKey: false, elementType: 0, nullable: false, autoID: false };
const fields: FieldInput[] = [
  { ...base, name: 'id', dataType: DataType.Int64, isPrimaryKey: true, typeParams: {} },
  { ...base, name: 'title', dataType: DataType.VarChar, isPrimaryKey: false, typeParams: { max_length: '16' } },
  { ...base, name: 'v', dataType: DataType.FloatVector, isPrimaryKey: false, typeParams: { dim: '2' } },
];

let dir: string;
let engine: Engine;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mvkit-import-'));
  engine = new Engine({ importSource: importDirSource(dir) });
  engine.createCollection({ collectionName: 'books', fields });
  engine.createPartition({ collectionName: 'books', partitionName: 'p1' });
});

/** Runs an import of `files` into `books` to its end. */
async function imported(files: string[][], partitionName?: string): Promise<ImportJob> {
  const job = engine.importFiles({ collectionName: 'books', files, ...(partitionName ? { partitionName } : {}) });
  await engine.importsIdle();
  return engine.importJob(String(job.id));
}

async function rows(): Promise<unknown[]> {
  engine.createIndex({ collectionName: 'books', fieldName: 'v', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'L2' }] });
  engine.loadCollection({ collectionName: 'books' });
  return (await engine.query({ collectionName: 'books', filter: 'id >= 0', outputFields: ['id', 'title', 'v'] })).rows.map((r) => ({ ...r, v: Array.from(r.v as Float32Array) }));
}

describe('bulk import: JSON files', () => {
  it('imports a {"rows": [...]} object and a row array into sealed segments of the named partition', async () => {
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ rows: [{ id: 1, title: 'one', v: [1, 0] }, { id: 2, title: 'two', v: [0, 1] }] }));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'b.json'), JSON.stringify([{ id: 3, title: 'three', v: [1, 1] }]));
    const job = await imported([['a.json'], ['sub/b.json']], 'p1');
    expect(job).toMatchObject({ state: 'Completed', progress: 100, totalRows: 3, importedRows: 3, reason: '' });
    expect(job.tasks.map((t) => [t.fileName, t.state, t.progress, t.totalRows, t.importedRows])).toEqual([['[a.json]', 'Completed', 100, 2, 2], ['[sub/b.json]', 'Completed', 100, 1, 1]]);
    expect(job.completeTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const coll = engine.collectionOf({ collectionName: 'books' });
    expect(coll.data.rowCount(coll.partitions.get('p1')!.id)).toBe(3);
    expect(coll.data.segmentsOf(coll.partitions.get('p1')!.id).every((s) => s.state === 'Sealed')).toBe(true);
    expect(job.segmentIds).toEqual(coll.data.sealedSegmentIds());
    expect(await rows()).toEqual([{ id: 1n, title: 'one', v: [1, 0] }, { id: 2n, title: 'two', v: [0, 1] }, { id: 3n, title: 'three', v: [1, 1] }]);
  });

  it('fails the job with the reason of a malformed file, a wrong shape or a row the write rules refuse, and writes none of its rows', async () => {
    // Read failures (pre-import) fail the job before any import task exists; row failures fail the tasks too.
    const cases: [string, string, string, boolean][] = [
      ['broken.json', '{"rows": [', 'failed to decode the JSON file, error: ', false],
      ['key.json', '{"data": []}', "invalid JSON format, the root key should be 'rows', but get 'data': importing data failed", false],
      ['list.json', '{"Rows": 3}', "invalid JSON format, rows list should begin with '[': importing data failed", false],
      ['scalar.json', '7', "invalid JSON format, the content should be started with '{' or '[': importing data failed", false],
      ['row.json', '[[1, 2]]', 'invalid JSON format, each row should be a key-value map, but got type []interface {}: importing data failed', false],
      ['missing.json', '[{"id": 1, "v": [1, 0]}]', 'Insert missed an field `title` to collection without set nullable==true or set default_value', true],
      ['dim.json', '[{"id": 1, "title": "x", "v": [1, 0, 0]}]', 'the dim (3) of field data(v) is not equal to schema dim (2)', true],
      ['long.json', '[{"id": 1, "title": "a title longer than 16", "v": [1, 0]}]', 'length of varchar field title exceeds max length', true],
    ];
    writeFileSync(join(dir, 'good.json'), '[{"id": 9, "title": "nine", "v": [1, 0]}]');
    for (const [name, text, reason, written] of cases) {
      writeFileSync(join(dir, name), text);
      const job = await imported([['good.json'], [name]]);
      expect(job.state, name).toBe('Failed');
      expect(job.reason, name).toContain(reason);
      expect([job.progress, job.totalRows, job.importedRows, job.completeTime]).toEqual([0, 0, 0, '']);
      expect(job.tasks.map((t) => [t.state, t.reason])).toEqual(written ? [['Failed', job.reason], ['Failed', job.reason]] : []);
    }
    expect(engine.getCollectionStatistics({ collectionName: 'books' }).rowCount).toBe(0);
  });

  it('refuses paths that leave the import directory and files that do not exist', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'mvkit-outside-'));
    writeFileSync(join(outside, 'x.json'), '[]');
    symlinkSync(join(outside, 'x.json'), join(dir, 'link.json'));
    mkdirSync(join(dir, 'folder.json'));
    for (const [path, reason] of [
      ['../x.json', "the import file path '../x.json' is outside the import directory: importing data failed"],
      [join(outside, 'x.json'), `the import file path '${join(outside, 'x.json')}' is outside the import directory: importing data failed`],
      ['link.json', "the import file path 'link.json' is outside the import directory: importing data failed"],
      ['nope.json', "the import file 'nope.json' does not exist: importing data failed"],
      ['folder.json', "the import file 'folder.json' is not a file: importing data failed"],
    ]) {
      expect(await imported([[path!]])).toMatchObject({ state: 'Failed', reason });
    }
    // a name that merely starts with `..` stays inside, as does an absolute path inside
    writeFileSync(join(dir, '..rows.json'), '[{"id": 1, "title": "t", "v": [1, 0]}]');
    expect(await imported([['..rows.json']])).toMatchObject({ state: 'Completed', importedRows: 1 });
    expect(await imported([[join(dir, '..rows.json')]])).toMatchObject({ state: 'Completed', importedRows: 1 });
  });
});

describe('bulk import: Parquet files', () => {
  it('imports one column per field', async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: [5n, 6n], type: 'INT64' },
        { name: 'title', data: ['five', 'six'], type: 'STRING' },
        { name: 'v', data: [[0.5, 0.25], [1, 2]] },
      ],
    });
    writeFileSync(join(dir, 'a.parquet'), new Uint8Array(buffer));
    expect(await imported([['a.parquet']])).toMatchObject({ state: 'Completed', totalRows: 2, importedRows: 2 });
    expect(await rows()).toEqual([{ id: 5n, title: 'five', v: [0.5, 0.25] }, { id: 6n, title: 'six', v: [1, 2] }]);
  });

  it('fails for a file that is not Parquet, a column of no field and a field without a column', async () => {
    writeFileSync(join(dir, 'bad.parquet'), 'not parquet at all');
    expect((await imported([['bad.parquet']])).reason).toMatch(/^failed to read parquet file 'bad.parquet': .*: importing data failed$/);
    writeFileSync(join(dir, 'extra.parquet'), new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'id', data: [1n], type: 'INT64' }, { name: 'title', data: ['x'], type: 'STRING' }, { name: 'v', data: [[1, 0]] }, { name: 'other', data: [1], type: 'INT32' }] })));
    expect(await imported([['extra.parquet']])).toMatchObject({ state: 'Failed', reason: "the field: other is not in schema, if it's a dynamic field, please reformat data by bulk_writer: importing data failed" });
    writeFileSync(join(dir, 'short.parquet'), new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'id', data: [1n], type: 'INT64' }, { name: 'v', data: [[1, 0]] }] })));
    expect(await imported([['short.parquet']])).toMatchObject({ state: 'Failed', reason: "schema not equal, err=field 'title' not in arrow schema: importing data failed: importing data failed" });
  });
});

describe('bulk import: NumPy files', () => {
  beforeEach(() => {
    mkdirSync(join(dir, 'np'));
    writeFileSync(join(dir, 'np', 'id.npy'), npy('<i8', [2], bytesOf(new BigInt64Array([7n, 8n]))));
    writeFileSync(join(dir, 'np', 'title.npy'), npy('<U5', [2], unicode(['seven', 'eight'], 5)));
    writeFileSync(join(dir, 'np', 'v.npy'), npy('<f4', [2, 2], bytesOf(new Float32Array([1, 2, 3, 4]))));
  });

  it('imports one file per field', async () => {
    expect(await imported([['np/id.npy', 'np/title.npy', 'np/v.npy']])).toMatchObject({ state: 'Completed', importedRows: 2 });
    expect(await rows()).toEqual([{ id: 7n, title: 'seven', v: [1, 2] }, { id: 8n, title: 'eight', v: [3, 4] }]);
  });

  it('fails for a missing field file, a wrong shape, different row counts and a truncated or foreign file', async () => {
    expect((await imported([['np/id.npy', 'np/v.npy']])).reason).toBe('no file for field: title, files: [np/id.npy np/v.npy]: importing data failed');
    writeFileSync(join(dir, 'np', 'v3.npy'), npy('<f4', [2, 3], bytesOf(new Float32Array(6))));
    mkdirSync(join(dir, 'np3'));
    writeFileSync(join(dir, 'np3', 'v.npy'), npy('<f4', [2, 3], bytesOf(new Float32Array(6))));
    expect((await imported([['np/id.npy', 'np/title.npy', 'np3/v.npy']])).reason).toBe("the numpy file 'np3/v.npy' of field 'v' holds <f4 (2, 3), which does not match the field's type: importing data failed");
    writeFileSync(join(dir, 'np3', 'id.npy'), npy('<i8', [3], bytesOf(new BigInt64Array(3))));
    expect((await imported([['np3/id.npy', 'np/title.npy', 'np/v.npy']])).reason).toBe('the numpy files have different row counts: id has 3, title has 2: importing data failed');
    writeFileSync(join(dir, 'np3', 'title.npy'), npy('<U5', [1000000], new Uint8Array(8)));
    expect((await imported([['np/id.npy', 'np3/title.npy', 'np/v.npy']])).reason).toBe("invalid numpy file 'np3/title.npy': the data holds 8 bytes, the header announces 20000000: importing data failed");
    writeFileSync(join(dir, 'np3', 'other.npy'), 'hello');
    // a file of no field is not read; the fields still need theirs
    expect((await imported([['np3/other.npy', 'np/title.npy', 'np/v.npy']])).reason).toBe('no file for field: id, files: [np3/other.npy np/title.npy np/v.npy]: importing data failed');
    writeFileSync(join(dir, 'np3', 'title.npy'), 'hello');
    expect((await imported([['np/id.npy', 'np3/title.npy', 'np/v.npy']])).reason).toBe("invalid numpy file 'np3/title.npy': missing the \\x93NUMPY magic string: importing data failed");
  });
});

describe('bulk import: NumPy files and the dynamic and nullable fields', () => {
  it('reads $meta.npy into the dynamic field and refuses collections with a nullable field', async () => {
    const dyn = new Engine({ importSource: importDirSource(dir) });
    dyn.createCollection({ collectionName: 'd', fields, enableDynamicField: true });
    mkdirSync(join(dir, 'dyn'));
    writeFileSync(join(dir, 'dyn', 'id.npy'), npy('<i8', [2], bytesOf(new BigInt64Array([1n, 2n]))));
    writeFileSync(join(dir, 'dyn', 'title.npy'), npy('<U1', [2], unicode(['a', 'b'], 1)));
    writeFileSync(join(dir, 'dyn', 'v.npy'), npy('<f8', [2, 2], bytesOf(new Float64Array([1, 0, 0, 1]))));
    writeFileSync(join(dir, 'dyn', '$meta.npy'), npy('<U12', [2], unicode(['{"color": 1}', '{}'], 12)));
    const job = dyn.importFiles({ collectionName: 'd', files: [['dyn/id.npy', 'dyn/title.npy', 'dyn/v.npy', 'dyn/$meta.npy']] });
    await dyn.importsIdle();
    expect(dyn.importJob(job.id)).toMatchObject({ state: 'Completed', importedRows: 2 });
    dyn.createIndex({ collectionName: 'd', fieldName: 'v', params: [{ key: 'index_type', value: 'FLAT' }, { key: 'metric_type', value: 'L2' }] });
    dyn.loadCollection({ collectionName: 'd' });
    const { rows } = await dyn.query({ collectionName: 'd', filter: 'id >= 0', outputFields: ['id', 'title', 'color'] });
    expect(rows).toEqual([{ id: 1n, title: 'a', $meta: { color: 1 } }, { id: 2n, title: 'b', $meta: {} }]);
    dyn.createCollection({ collectionName: 'n', fields: [...fields, { ...base, name: 'note', dataType: DataType.VarChar, isPrimaryKey: false, nullable: true, typeParams: { max_length: '8' } }] });
    const refused = dyn.importFiles({ collectionName: 'n', files: [['dyn/id.npy', 'dyn/title.npy', 'dyn/v.npy']] });
    await dyn.importsIdle();
    expect(dyn.importJob(refused.id).reason).toBe('not support bulk insert numpy files in field(note) which set nullable == true: invalid parameter');
  });
});

describe('bulk import: requests and jobs', () => {
  it('refuses requests as Milvus 2.5 does', () => {
    expect(refused(() => engine.importFiles({ collectionName: 'nope', files: [['a.json']] }))).toEqual({ code: 100, reason: 'collection not found[database=default][collection=nope]' });
    expect(refused(() => engine.importFiles({ collectionName: 'books', partitionName: 'p9', files: [['a.json']] }))).toEqual({ code: 200, reason: 'partition not found[partition=p9]' });
    expect(refused(() => engine.importFiles({ collectionName: 'books', files: [[]] }))).toEqual({ code: 1100, reason: 'import request is empty: invalid parameter' });
    expect(refused(() => engine.importFiles({ collectionName: 'books', files: [['a.json', 'b.json']] }))).toEqual({ code: 2100, reason: 'for JSON or parquet file, each task only accepts one file: importing data failed' });
    expect(refused(() => engine.importFiles({ collectionName: 'books', files: [['id.npy', 'v.json']] }))).toEqual({ code: 2100, reason: 'inconsistency in file types, (id.npy) vs (v.json): importing data failed' });
    expect(refused(() => engine.importFiles({ collectionName: 'books', files: [['a.csv']] }))).toEqual({ code: 2100, reason: 'unexpect file type, files=[a.csv]: importing data failed' });
    engine.createCollection({ collectionName: 'keyed', fields: [...fields, { ...base, name: 'k', dataType: DataType.Int64, isPrimaryKey: false, isPartitionKey: true, typeParams: {} }] });
    expect(refused(() => engine.importFiles({ collectionName: 'keyed', partitionName: '_default_0', files: [['a.json']] }))).toEqual({ code: 2100, reason: 'not allow to set partition name for collection with partition key: importing data failed' });
    expect(refused(() => engine.importJob('12x'))).toEqual({ code: 2100, reason: 'parse job id failed, err=%wstrconv.ParseInt: parsing "12x": invalid syntax: importing data failed' });
    expect(refused(() => engine.importJob('9223372036854775808'))).toEqual({ code: 2100, reason: 'parse job id failed, err=%wstrconv.ParseInt: parsing "9223372036854775808": value out of range: importing data failed' });
    expect(refused(() => engine.importJob('5'))).toEqual({ code: 2100, reason: 'import job does not exist, jobID=5: importing data failed' });
    const plain = new Engine();
    plain.createCollection({ collectionName: 'books', fields });
    expect(refused(() => plain.importFiles({ collectionName: 'books', files: [['a.json']] }))).toEqual({ code: 2100, reason: 'the server has no import directory (start it with --import-dir): importing data failed' });
  });

  it('advances Pending → Importing (files being read, progress 10) → Completed, routes rows by partition key, and lists jobs by collection', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const text = new TextEncoder().encode(JSON.stringify([{ id: 1, title: 'a', v: [1, 0], k: 1 }, { id: 2, title: 'b', v: [0, 1], k: 2 }]));
    const source: ImportSource = { size: async () => text.length, read: async () => (await gate, text) };
    const gated = new Engine({ importSource: source });
    gated.createCollection({ collectionName: 'keyed', fields: [...fields, { ...base, name: 'k', dataType: DataType.Int64, isPrimaryKey: false, isPartitionKey: true, typeParams: {} }], numPartitions: 4 });
    gated.createCollection({ collectionName: 'other', fields });
    const job = gated.importFiles({ collectionName: 'keyed', files: [['rows.json']] });
    expect([job.state, job.progress, job.totalRows, job.tasks]).toEqual(['Pending', 0, 0, []]);
    await new Promise((r) => setImmediate(r));
    // Reading the files (pre-import) is reported as Importing, as datacoord's GetJobProgress does.
    expect([job.state, job.progress, job.totalRows, job.tasks]).toEqual(['Importing', 10, 0, []]);
    release();
    await gated.importsIdle();
    expect(gated.importJob(job.id)).toMatchObject({ state: 'Completed', progress: 100, totalRows: 2, importedRows: 2 });
    expect(gated.getCollectionStatistics({ collectionName: 'keyed' }).rowCount).toBe(2);
    const second = gated.importFiles({ collectionName: 'other', files: [['rows.json']] });
    await gated.importsIdle();
    gated.createDatabase('db2');
    expect(gated.listImportJobs({ dbName: 'db2' }).map((j) => j.id)).toEqual([job.id, second.id]);
    expect(gated.listImportJobs({ collectionName: 'other' }).map((j) => [j.id, j.state])).toEqual([[second.id, 'Failed']]);
    expect(gated.importJob(second.id).reason).toBe('field k does not exist in the collection schema and the dynamic field is disabled: invalid parameter');
    expect(refused(() => gated.listImportJobs({ collectionName: 'nope' }))).toEqual({ code: 100, reason: 'collection not found[database=default][collection=nope]' });
  });
});
