import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentedOutputs, type CodeBlock } from '../src/extract.js';
import { runPythonPage } from '../src/runners/python.js';
import { usePythonAndServer } from './python-fixture.js';

/**
 * Bulk import through pymilvus (the pinned 2.5 release) against a reference server started with
 * an import directory: `utility.do_bulk_insert` of a JSON file and of NumPy files written by
 * NumPy itself, `get_bulk_insert_state` until the job finishes, `list_bulk_insert_tasks`, a
 * failed job's reason, and Milvus's refusals as pymilvus raises them. The program's asserts are
 * the checks. (`pymilvus.bulk_writer.bulk_import` needs `requests` and `pyarrow`, which the
 * pinned venv does not install.)
 */
function block(code: string): CodeBlock {
  return { page: 'import.md', index: 1, languageIndex: 1, language: 'python', group: 0, code, documentedOutputs: documentedOutputs('python', code) };
}

const importDir = mkdtempSync(join(tmpdir(), 'mvkit-py-import-'));

describe('bulk import through pymilvus', () => {
  const py = usePythonAndServer({ importDir });

  it('imports JSON and NumPy files as jobs, reports their states and lists them', async () => {
    py.needsPython();
    const code = [
      'import json, os, time',
      'import numpy as np',
      'from pymilvus import BulkInsertState, MilvusClient, MilvusException, connections, utility',
      `d = ${JSON.stringify(importDir)}`,
      'client = MilvusClient(uri="http://localhost:19530", token="root:Milvus")',
      'client.create_collection("py_import", dimension=2)',
      'with open(os.path.join(d, "rows.json"), "w") as f:',
      '    json.dump({"rows": [{"id": 1, "vector": [1.0, 0.0], "color": "red"}, {"id": 2, "vector": [0.0, 1.0]}]}, f)',
      'os.makedirs(os.path.join(d, "np"), exist_ok=True)',
      'np.save(os.path.join(d, "np", "id.npy"), np.array([3, 4], dtype=np.int64))',
      'np.save(os.path.join(d, "np", "vector.npy"), np.array([[1, 1], [2, 2]], dtype=np.float32))',
      'with open(os.path.join(d, "bad.json"), "w") as f:',
      '    f.write(\'[{"id": 5, "vector": [1.0]}]\')',
      'connections.connect(uri="http://localhost:19530", token="root:Milvus")',
      'def finished(task):',
      '    for _ in range(500):',
      '        s = utility.get_bulk_insert_state(task)',
      '        if s.state in (BulkInsertState.ImportCompleted, BulkInsertState.ImportFailed):',
      '            return s',
      '        time.sleep(0.01)',
      '    raise AssertionError(f"import job {task} did not finish")',
      't1 = utility.do_bulk_insert("py_import", files=["rows.json"])',
      't2 = utility.do_bulk_insert("py_import", files=["np/id.npy", "np/vector.npy"])',
      's1, s2 = finished(t1), finished(t2)',
      'assert (s1.state_name, s1.row_count, s1.progress, s1.collection_name, s1.partition_name, s1.files, s1.failed_reason) == ("Completed", 2, 100, "py_import", "", "rows.json", ""), s1',
      'assert (s2.state_name, s2.row_count, s2.files) == ("Completed", 2, "np/id.npy,np/vector.npy"), s2',
      'assert [t.task_id for t in utility.list_bulk_insert_tasks(collection_name="py_import")] == [t1, t2]',
      'assert [t.task_id for t in utility.list_bulk_insert_tasks(limit=1, collection_name="py_import")] == [t2]',
      'rows = client.query("py_import", filter="id >= 0", output_fields=["id", "color"], consistency_level="Strong")',
      'assert sorted(r["id"] for r in rows) == [1, 2, 3, 4], rows',
      'assert [r.get("color") for r in rows if r["id"] == 1] == ["red"], rows',
      's = finished(utility.do_bulk_insert("py_import", files=["bad.json"]))',
      'assert (s.state_name, s.row_count, s.progress) == ("Failed", 0, 0), s',
      'assert s.failed_reason.startswith("the dim (1) of field data(vector) is not equal to schema dim (2)"), s.failed_reason',
      's = finished(utility.do_bulk_insert("py_import", files=["../escape.json"]))',
      'assert s.failed_reason == "the import file path \'../escape.json\' is outside the import directory: importing data failed", s.failed_reason',
      'assert client.query("py_import", filter="", output_fields=["count(*)"], consistency_level="Strong")[0]["count(*)"] == 4',
      'for files, partition, expected in [',
      '    (["rows.json"], None, (100, "collection not found[database=default][collection=py_nope]")),',
      '    (["rows.json"], "nope", (200, "partition not found[partition=nope]")),',
      '    (["rows.json", "bad.json"], None, (2100, "for JSON or parquet file, each task only accepts one file: importing data failed")),',
      '    ([], None, (1100, "import request is empty: invalid parameter")),',
      ']:',
      '    try:',
      '        utility.do_bulk_insert("py_nope" if expected[0] == 100 else "py_import", files=files, partition_name=partition)',
      '        raise AssertionError(f"import of {files} was accepted")',
      '    except MilvusException as e:',
      '        assert (e.code, e.message) == expected, (e.code, e.message)',
      'try:',
      '    utility.get_bulk_insert_state(12345)',
      '    raise AssertionError("an unknown job was described")',
      'except MilvusException as e:',
      '    assert (e.code, e.message) == (2100, "import job does not exist, jobID=12345: importing data failed"), (e.code, e.message)',
    ].join('\n');
    const [r] = await runPythonPage('import.md', [block(code)], { target: { uri: py.server.restUrl, token: 'root:Milvus' }, env: py.env, setup: async () => undefined, fixture: [], errata: [] });
    expect(r, r?.detail).toMatchObject({ outcome: 'pass' });
  }, 120_000);
});
