import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '@mvkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePythonEnv, type PythonEnv } from '../src/runners/python.js';

/**
 * The Milvus 1.x protocol through pymilvus 1.1.2 (the pinned `pymilvus-1.x` venv, module
 * `milvus`) against an embedded reference server. Each test is one Python program; its asserts
 * are the checks, and expected results are computed in the program (brute-force nearest
 * neighbours, the segment size from `index_file_size`), never copied from the server.
 * SearchByID, which pymilvus 1.1.2's client does not call, goes through the wheel's own gRPC stub.
 */

/** Helpers every program starts with: the client, status checks, brute-force search. */
const PRELUDE = `
import sys, json, random, grpc
from milvus import Milvus, MetricType, IndexType
from milvus.grpc_gen import milvus_pb2, milvus_pb2_grpc
host, port = sys.argv[1], int(sys.argv[2])
m = Milvus(host, port)
stub = milvus_pb2_grpc.MilvusServiceStub(grpc.insecure_channel(f"{host}:{port}"))
random.seed(7)

def ok(status):
    assert status.OK(), status
    return status

def refused(status, code, message=None):
    assert status.code == code, (status.code, status.message)
    if message is not None:
        assert status.message == message, status.message

def vectors(n, dim):
    return [[random.random() for _ in range(dim)] for _ in range(n)]

def l2(a, b):
    return sum((x - y) ** 2 for x, y in zip(a, b))

def ip(a, b):
    return sum(x * y for x, y in zip(a, b))

def hamming(a, b):
    return sum(bin(x ^ y).count("1") for x, y in zip(a, b))

def brute(data, q, k, dist, largest=False):
    ranked = sorted(data.items(), key=lambda kv: (-dist(kv[1], q) if largest else dist(kv[1], q), kv[0]))
    return [i for i, _ in ranked[:k]]

def close(a, b):
    return abs(a - b) <= 1e-4 * max(1.0, abs(b))
`;

let env: PythonEnv | undefined;
let envError: string | undefined;
let server: RunningServer;
let dir: string;
beforeAll(async () => {
  await ensurePythonEnv({ name: 'pymilvus-1.x' }).then((e) => (env = e), (e: Error) => (envError = e.message));
}, 300_000);
beforeAll(async () => {
  server = await startServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'mvkit-pymilvus1-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

let programs = 0;
/** Runs `code` (after the prelude) against the server; resolves with its stdout, fails the test on a non-zero exit. */
async function py(code: string, target: RunningServer = server): Promise<string> {
  expect(envError, `the pymilvus-1.x environment could not be set up: ${envError}`).toBeUndefined();
  expect(env!.pymilvus).toBe('1.1.2');
  const file = join(dir, `p${programs++}.py`);
  writeFileSync(file, `${PRELUDE}\n${code}\nprint("done")\n`);
  const [host, port] = [target.address.slice(0, target.address.lastIndexOf(':')), target.address.slice(target.address.lastIndexOf(':') + 1)];
  return new Promise((resolve, reject) => {
    execFile(env!.python, [file, host, port], { timeout: 120_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`python failed: ${stderr.trim().split('\n').slice(-12).join('\n')}`));
      else resolve(stdout);
    });
  });
}

describe('the Milvus 1.x protocol through pymilvus 1.1.2', () => {
  it('reports a 1.1 server version and status', async () => {
    const out = await py(`
st, v = m.server_version(); ok(st); print("version", v)
st, s = m.server_status(); ok(st); print("status", s)`);
    expect(out).toMatch(/^version 1\.1\.\d+$/m);
    expect(out).toMatch(/^status OK$/m);
  });

  it('creates, lists, describes, counts and drops collections, with 1.1 errors', async () => {
    const out = await py(`
ok(m.create_collection({"collection_name": "c_basic", "dimension": 8, "index_file_size": 64, "metric_type": MetricType.IP}))
st, has = m.has_collection("c_basic"); ok(st); assert has is True
st, info = m.get_collection_info("c_basic"); ok(st)
assert (info.collection_name, info.dimension, info.index_file_size, info.metric_type) == ("c_basic", 8, 64, MetricType.IP), info
st, names = m.list_collections(); ok(st); assert "c_basic" in names, names
st, n = m.count_entities("c_basic"); ok(st); assert n == 0
refused(m.create_collection({"collection_name": "c_basic", "dimension": 8, "index_file_size": 64, "metric_type": MetricType.L2}), 9, "Collection already exists")
refused(m.create_collection({"collection_name": "1bad", "dimension": 8, "index_file_size": 64, "metric_type": MetricType.L2}), 9,
        "Invalid collection name: 1bad. The first character of a collection name must be an underscore or letter.")
refused(m.create_collection({"collection_name": "bad-name", "dimension": 8, "index_file_size": 64, "metric_type": MetricType.L2}), 9,
        "Invalid collection name: bad-name. Collection name can only contain numbers, letters, and underscores.")
refused(m.create_collection({"collection_name": "c_dim", "dimension": 32769, "index_file_size": 64, "metric_type": MetricType.L2}), 7,
        "Invalid collection dimension: 32769. The collection dimension must be within the range of 1 ~ 32768.")
refused(m.create_collection({"collection_name": "c_bin", "dimension": 12, "index_file_size": 64, "metric_type": MetricType.HAMMING}), 7,
        "Invalid collection dimension: 12. The collection dimension must be a multiple of 8")
refused(m.create_collection({"collection_name": "c_size", "dimension": 8, "index_file_size": 4097, "metric_type": MetricType.L2}), 5,
        "Invalid index file size: 4097. The index file size must be within the range of 1 ~ 4096.")
st, has = m.has_collection("c_dim"); ok(st); assert has is False
missing = "Collection nope does not exist. Use milvus.has_collection to verify whether the collection exists. You also can check whether the collection name exists."
st, _ = m.get_collection_info("nope"); refused(st, 4, missing)
st, _ = m.count_entities("nope"); refused(st, 4, missing)
refused(m.drop_collection("nope"), 4, missing)
ok(m.drop_collection("c_basic"))
st, has = m.has_collection("c_basic"); ok(st); assert has is False`);
    expect(out).toContain('done');
  });

  it('creates, lists and drops partitions, and inserts with and without ids into tags', async () => {
    const out = await py(`
ok(m.create_collection({"collection_name": "c_part", "dimension": 4, "index_file_size": 1024, "metric_type": MetricType.L2}))
ok(m.create_partition("c_part", "p1"))
st, has = m.has_partition("c_part", "p1"); ok(st); assert has is True
st, has = m.has_partition("c_part", "p2"); ok(st); assert has is False
st, tags = m.list_partitions("c_part"); ok(st); assert sorted(p.tag for p in tags) == ["_default", "p1"], tags
refused(m.create_partition("c_part", "_default"), 1, "'_default' is built-in partition tag")
refused(m.create_partition("c_part", "p1"), 9)
vs = vectors(6, 4)
st, ids = m.insert("c_part", vs[:3], ids=[1, 2, 3]); ok(st); assert ids == [1, 2, 3]
st, ids = m.insert("c_part", vs[3:], ids=[4, 5, 6], partition_tag="p1"); ok(st); assert ids == [4, 5, 6]
st, _ = m.insert("c_part", vs[:1]); refused(st, 12, "Entities IDs are user-defined. Please provide IDs for all entities of the collection.")
# pymilvus checks this one itself: the wheel's stub sends it as it is.
reply = stub.Insert(milvus_pb2.InsertParam(collection_name="c_part", row_record_array=[milvus_pb2.RowRecord(float_data=v) for v in vs[:2]], row_id_array=[7]))
assert (reply.status.error_code, reply.status.reason) == (12, "The size of vector ID array must be equal to the size of the vector."), reply.status
st, _ = m.insert("c_part", [[1.0, 2.0]], ids=[9]); refused(st, 7, "The vector dimension must be equal to the collection dimension.")
st, _ = m.insert("c_part", vs[:1], ids=[8], partition_tag="nope"); assert not st.OK()
ok(m.flush(["c_part"]))
st, n = m.count_entities("c_part"); ok(st); assert n == 6, n
st, stats = m.get_collection_stats("c_part"); ok(st)
assert stats["row_count"] == 6 and {p["tag"]: p["row_count"] for p in stats["partitions"]} == {"_default": 3, "p1": 3}, stats

ok(m.create_collection({"collection_name": "c_auto", "dimension": 4, "index_file_size": 1024, "metric_type": MetricType.L2}))
st, ids = m.insert("c_auto", vs); ok(st); assert len(ids) == 6 and len(set(ids)) == 6, ids
st, _ = m.insert("c_auto", vs[:1], ids=[1]); refused(st, 12, "Entities IDs are auto-generated. All vectors of this collection must use auto-generated IDs.")
st, got = m.get_entity_by_id("c_auto", ids[:2]); ok(st)
assert all(close(a, b) for g, v in zip(got, vs[:2]) for a, b in zip(g, v)), got

ok(m.release_collection("c_part"))
ok(m.drop_partition("c_part", "p1"))
st, tags = m.list_partitions("c_part"); ok(st); assert [p.tag for p in tags] == ["_default"], tags
st, n = m.count_entities("c_part"); ok(st); assert n == 3, n`);
    expect(out).toContain('done');
  });

  it('searches (topk, params, partition tags) as brute force does, and by id', async () => {
    const out = await py(`
ok(m.create_collection({"collection_name": "c_search", "dimension": 8, "index_file_size": 1024, "metric_type": MetricType.L2}))
ok(m.create_partition("c_search", "blue"))
data = {i: v for i, v in enumerate(vectors(200, 8))}
blue = {i: data[i] for i in range(100, 200)}
ok(m.insert("c_search", [data[i] for i in range(100)], ids=list(range(100)))[0])
ok(m.insert("c_search", [data[i] for i in range(100, 200)], ids=list(range(100, 200)), partition_tag="blue")[0])
queries = vectors(3, 8)
st, res = m.search("c_search", 5, queries, params={"nprobe": 8}); ok(st)
assert len(res) == 3
for q, hits in zip(queries, res):
    assert [h.id for h in hits] == brute(data, q, 5, l2), ([h.id for h in hits], brute(data, q, 5, l2))
    assert all(close(h.distance, l2(data[h.id], q)) for h in hits)
st, res = m.search("c_search", 4, queries, partition_tags=["blue"]); ok(st)
for q, hits in zip(queries, res):
    assert [h.id for h in hits] == brute(blue, q, 4, l2)
st, _ = m.search("c_search", 0, queries); refused(st, 10, "Invalid topk: 0. The topk must be within the range of 1 ~ 2048.")
st, _ = m.search("c_search", 2049, queries); refused(st, 10, "Invalid topk: 2049. The topk must be within the range of 1 ~ 2048.")
st, _ = m.search("c_search", 3, [[0.5] * 7]); refused(st, 7)

ok(m.create_index("c_search", IndexType.IVF_FLAT, {"nlist": 64}))
st, idx = m.get_index_info("c_search"); ok(st); assert (idx.index_type, idx.params) == (IndexType.IVF_FLAT, {"nlist": 64}), idx
st, _ = m.search("c_search", 3, queries); refused(st, 5, "Parameter list must contain: nprobe")
st, _ = m.search("c_search", 3, queries, params={"nprobe": 0}); refused(st, 5, "Invalid nprobe value: 0. Valid range is [1, 999999]")
st, res = m.search("c_search", 5, queries, params={"nprobe": 16}); ok(st)
assert [[h.id for h in hits] for hits in res] == [brute(data, q, 5, l2) for q in queries]

ok(m.create_index("c_search", IndexType.HNSW, {"M": 16, "efConstruction": 200}))
st, _ = m.search("c_search", 10, queries, params={"ef": 5}); refused(st, 5, "Invalid ef value: 5. Valid range is [10, 4096]")
st, res = m.search("c_search", 3, queries, params={"ef": 200}); ok(st)
assert [[h.id for h in hits] for hits in res] == [brute(data, q, 3, l2) for q in queries]

reply = stub.SearchByID(milvus_pb2.SearchByIDParam(collection_name="c_search", id_array=[7, 150], topk=3, extra_params=[milvus_pb2.KeyValuePair(key="params", value='{"ef": 64}')]))
assert reply.status.error_code == 0, reply.status
assert reply.row_num == 2 and len(reply.ids) == 6
assert list(reply.ids[:3]) == brute(data, data[7], 3, l2) and list(reply.ids[3:]) == brute(data, data[150], 3, l2), list(reply.ids)

ok(m.create_collection({"collection_name": "c_ip", "dimension": 8, "index_file_size": 1024, "metric_type": MetricType.IP}))
ok(m.insert("c_ip", [data[i] for i in range(100)], ids=list(range(100)))[0])
st, res = m.search("c_ip", 5, queries); ok(st)
for q, hits in zip(queries, res):
    assert [h.id for h in hits] == brute({i: data[i] for i in range(100)}, q, 5, ip, largest=True)

ok(m.create_collection({"collection_name": "c_ham", "dimension": 64, "index_file_size": 1024, "metric_type": MetricType.HAMMING}))
bins = {i: bytes(random.getrandbits(8) for _ in range(8)) for i in range(50)}
ok(m.insert("c_ham", [bins[i] for i in range(50)], ids=list(range(50)))[0])
q = bytes(random.getrandbits(8) for _ in range(8))
st, res = m.search("c_ham", 5, [q]); ok(st)
assert [h.distance for h in res[0]] == sorted(hamming(bins[i], q) for i in bins)[:5], res
assert all(h.distance == hamming(bins[h.id], q) for h in res[0])

st, res = m.search("c_search", 3, queries[:1], params={"ef": 64}); ok(st)
ok(m.create_collection({"collection_name": "c_few", "dimension": 8, "index_file_size": 1024, "metric_type": MetricType.L2}))
ok(m.insert("c_few", [data[0], data[1]], ids=[10, 11])[0])
st, res = m.search("c_few", 5, queries[:1]); ok(st)
assert sorted(h.id for h in res[0]) == [10, 11], res`);
    expect(out).toContain('done');
  });

  it('gets, deletes and compacts by id; load and release; index create, describe and drop with 1.1 checks', async () => {
    const out = await py(`
ok(m.create_collection({"collection_name": "c_data", "dimension": 4, "index_file_size": 1024, "metric_type": MetricType.L2}))
data = {i: v for i, v in enumerate(vectors(20, 4))}
ok(m.insert("c_data", [data[i] for i in range(20)], ids=list(range(20)))[0])
st, got = m.get_entity_by_id("c_data", [3, 999, 5]); ok(st)
assert all(close(a, b) for a, b in zip(got[0], data[3])) and got[1] == [] and all(close(a, b) for a, b in zip(got[2], data[5])), got
ok(m.delete_entity_by_id("c_data", [3, 4]))
ok(m.flush(["c_data"]))
st, n = m.count_entities("c_data"); ok(st); assert n == 18, n
st, got = m.get_entity_by_id("c_data", [3]); ok(st); assert got == [[]], got
st, res = m.search("c_data", 20, [data[3]]); ok(st)
assert 3 not in [h.id for h in res[0]] and len(res[0]) == 18
ok(m.compact("c_data"))
st, n = m.count_entities("c_data"); ok(st); assert n == 18, n
ok(m.release_collection("c_data"))
st, res = m.search("c_data", 1, [data[7]]); ok(st); assert res[0][0].id == 7
ok(m.load_collection("c_data"))

st, idx = m.get_index_info("c_data"); ok(st); assert idx.index_type == IndexType.FLAT, idx
refused(m.create_index("c_data", IndexType.IVF_FLAT, {}), 5, "Parameter list must contain: nlist")
refused(m.create_index("c_data", IndexType.IVF_FLAT, {"nlist": 0}), 5, "Invalid nlist value: 0. Valid range is [1, 999999]")
refused(m.create_index("c_data", IndexType.HNSW, {"M": 4, "efConstruction": 200}), 5, "Invalid M value: 4. Valid range is [5, 48]")
refused(m.create_index("c_data", IndexType.ANNOY, {"n_trees": 2000}), 5, "Invalid n_trees value: 2000. Valid range is [1, 1024]")
refused(m.create_index("c_data", IndexType.IVF_SQ8H, {"nlist": 16}), 8, "Unsupported index type: 5")
for it, params in [(IndexType.IVF_SQ8, {"nlist": 16}), (IndexType.IVF_PQ, {"nlist": 16, "m": 2}), (IndexType.ANNOY, {"n_trees": 8}), (IndexType.RNSG, {"search_length": 45, "out_degree": 50, "candidate_pool_size": 300, "knng": 100})]:
    ok(m.create_index("c_data", it, params))
    st, idx = m.get_index_info("c_data"); ok(st); assert (idx.index_type, idx.params) == (it, params), idx
ok(m.drop_index("c_data"))
st, idx = m.get_index_info("c_data"); ok(st); assert idx.index_type == IndexType.FLAT, idx
st, res = m.search("c_data", 1, [data[9]]); ok(st); assert res[0][0].id == 9`);
    expect(out).toContain('done');
  });

  it('seals a segment every index_file_size MB of vectors and lists the ids of a segment', async () => {
    // 1 MB of 256-dimensional float vectors (1 KiB each) is 1,024 rows: computed here, not read from the server.
    const rows = (1024 * 1024) / (256 * 4);
    const out = await py(`
ok(m.create_collection({"collection_name": "c_seal", "dimension": 256, "index_file_size": 1, "metric_type": MetricType.L2}))
ids = list(range(1000, 1000 + ${2 * rows + 300}))
vs = vectors(len(ids), 256)
for start in range(0, len(ids), 500):
    ok(m.insert("c_seal", vs[start:start + 500], ids=ids[start:start + 500])[0])
st, stats = m.get_collection_stats("c_seal"); ok(st)
segments = stats["partitions"][0]["segments"]
assert sorted(s["row_count"] for s in segments) == [${rows}, ${rows}], stats
ok(m.flush(["c_seal"]))
st, stats = m.get_collection_stats("c_seal"); ok(st)
segments = stats["partitions"][0]["segments"]
assert sorted(s["row_count"] for s in segments) == [300, ${rows}, ${rows}], stats
listed = []
for s in segments:
    st, seg_ids = m.list_id_in_segment("c_seal", s["name"]); ok(st)
    assert len(seg_ids) == s["row_count"]
    listed.extend(seg_ids)
assert sorted(listed) == ids
st, _ = m.list_id_in_segment("c_seal", "12345"); assert not st.OK()`);
    expect(out).toContain('done');
  });
});

describe('the 1.x limit of 4,096 collections and partitions', () => {
  let fresh: RunningServer;
  beforeAll(async () => {
    fresh = await startServer({ port: 0 });
  });
  afterAll(async () => {
    await fresh?.close();
  });

  it('refuses the partition and the collection past 4,096 together (2,000 tags in one collection), and accepts one again after a drop', async () => {
    const out = await py(
      `
limit = 4096
for c in range(5):
    ok(m.create_collection({"collection_name": f"lim_{c}", "dimension": 2, "index_file_size": 1024, "metric_type": MetricType.L2}))
used = 5
refusal = None
while refusal is None:
    c, p = divmod(used - 5, 2000)
    st = m.create_partition(f"lim_{c}", f"p{p}")
    if st.OK():
        used += 1
    else:
        refusal = st
assert used == limit, used
refused(refusal, 1, "The number of partitions exceeds the upper limit(4096)")
st = m.create_collection({"collection_name": "lim_more", "dimension": 2, "index_file_size": 1024, "metric_type": MetricType.L2})
assert st.code == 1, st
counted = 0
st, names = m.list_collections(); ok(st)
for name in names:
    st, tags = m.list_partitions(name); ok(st); counted += len(tags)
assert counted == limit, counted
# One collection holds more tags than 2.5's 1,024 partitions: 1.x caps only the sum.
st, tags = m.list_partitions("lim_0"); ok(st)
assert len(tags) == 2001, len(tags)
ok(m.drop_partition("lim_0", "p0"))
ok(m.create_collection({"collection_name": "lim_more", "dimension": 2, "index_file_size": 1024, "metric_type": MetricType.L2}))`,
      fresh,
    );
    expect(out).toContain('done');
  }, 120_000);
});
