"""Whole-server workload of the server benchmark (bench/src/server/main.ts), one program for every target.

`python workload.py --host 127.0.0.1 --port <gRPC port> [--rows 100000] [--batch 5000]
[--searches 1000] [--queries 1000] [--dim 128] [--seed 1] [--recall-queries 100]`, with the
milvus-2.3 venv's interpreter (pymilvus 2.3.7, the client all three targets accept: mvkit serve,
Milvus 2.3.5 and milvus-lite's gRPC server). Through pymilvus's ORM (`connections`,
`Collection`, `utility`) it runs, timing each phase with the wall clock:

- create: a collection `bench_server` (int64 pk `id`, float vector `vector` of `--dim`, int64
  scalar `category` in [0, 100)) and two partitions `p0`, `p1`;
- insert: `--rows` rows in batches of `--batch`, alternating between the two partitions;
- flush; index: HNSW (M 16, efConstruction 200, L2) on `vector`, waited for until built;
- load: the collection, waited for until loaded;
- search: `--searches` searches, top 10, ef 64, no partition named;
- search_partition: the same number naming `p1` only;
- query: `--queries` queries `category == <k>`, limit 10, output `id`.

Each timed phase reports its wall time, and the phases of many operations (insert batches,
searches, queries) each operation's latency p50/p99 (nearest rank) and operations per second.
Vectors and query vectors are drawn from a seeded generator before their phase starts. Also
checked and reported: hits per search, that partition searches only return `p1`'s ids, rows per
query, the row count after flush, and recall@10 of the first `--recall-queries` searches against
an exact L2 scan (numpy) of the inserted vectors.

Prints one JSON object on stdout (see `Result` in main.ts); progress lines go to stderr. Every
phase's start and end are also given as epoch milliseconds (`clock`), so the caller can line up
its own samples (the stall probe) with the phases. Exits 1 with the error on stderr when a call
fails.
"""

import argparse
import json
import math
import sys
import time

import numpy as np
import pymilvus
from pymilvus import Collection, CollectionSchema, DataType, FieldSchema, connections, utility

COLLECTION = "bench_server"
PARTITIONS = ["p0", "p1"]
CATEGORIES = 100
TOP_K = 10
TIMEOUT = 600  # seconds per call: a 2-core machine building HNSW over 100k rows is slow
INDEX = {"index_type": "HNSW", "metric_type": "L2", "params": {"M": 16, "efConstruction": 200}}
SEARCH_PARAM = {"metric_type": "L2", "params": {"ef": 64}}


def percentile(sorted_ms, p):
    """Nearest-rank percentile of a sorted list (as bench/src/stats.ts)."""
    if not sorted_ms:
        return None
    rank = min(len(sorted_ms) - 1, max(0, math.ceil(p / 100 * len(sorted_ms)) - 1))
    return sorted_ms[rank]


class Phases:
    """Wall time and epoch bounds of each phase, per-operation latencies of the many-op phases."""

    def __init__(self):
        self.out = {}
        self.clock = {}

    def run(self, name, fn):
        """Times `fn()` as one operation; returns its value."""
        start, t = time.time(), time.perf_counter()
        value = fn()
        wall = (time.perf_counter() - t) * 1000
        self.clock[name] = [start * 1000, time.time() * 1000]
        self.out[name] = {"wall_ms": wall}
        log("%s: %.0f ms" % (name, wall))
        return value

    def many(self, name, items, fn):
        """Times `fn(item)` for each item, sequentially; returns the values."""
        values, latencies = [], []
        start, t0 = time.time(), time.perf_counter()
        for item in items:
            t = time.perf_counter()
            values.append(fn(item))
            latencies.append((time.perf_counter() - t) * 1000)
        wall = (time.perf_counter() - t0) * 1000
        self.clock[name] = [start * 1000, time.time() * 1000]
        latencies.sort()
        self.out[name] = {
            "wall_ms": wall,
            "ops": len(latencies),
            "p50_ms": percentile(latencies, 50),
            "p99_ms": percentile(latencies, 99),
            "ops_per_s": len(latencies) / wall * 1000 if wall else None,
        }
        log("%s: %d ops in %.0f ms, p50 %.2f ms, p99 %.2f ms" % (name, len(latencies), wall, percentile(latencies, 50) or 0, percentile(latencies, 99) or 0))
        return values


def log(line):
    sys.stderr.write("workload: %s\n" % line)
    sys.stderr.flush()


def wait_index_built():
    """Polls the index's build progress until every row is indexed (create_index already waits on Milvus)."""
    while True:
        progress = utility.index_building_progress(COLLECTION, index_name="", using="bench", timeout=TIMEOUT)
        if int(progress.get("indexed_rows", 0)) >= int(progress.get("total_rows", 0)):
            return progress
        time.sleep(0.1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=5_000)
    ap.add_argument("--searches", type=int, default=1_000)
    ap.add_argument("--queries", type=int, default=1_000)
    ap.add_argument("--dim", type=int, default=128)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--recall-queries", type=int, default=100)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    vectors = rng.random((args.rows, args.dim), dtype=np.float32)
    categories = rng.integers(0, CATEGORIES, args.rows)
    # Row i goes to partition (i // batch) % 2: batches alternate between p0 and p1.
    partition_of = (np.arange(args.rows) // args.batch) % 2
    batches = [
        (PARTITIONS[(start // args.batch) % 2], [list(range(start, min(start + args.batch, args.rows))), vectors[start : start + args.batch].tolist(), categories[start : start + args.batch].tolist()])
        for start in range(0, args.rows, args.batch)
    ]
    search_vectors = rng.random((args.searches, args.dim), dtype=np.float32).tolist()
    query_categories = rng.integers(0, CATEGORIES, args.queries).tolist()

    connections.connect(alias="bench", host=args.host, port=str(args.port), timeout=60)
    server_version = utility.get_server_version(using="bench")
    if utility.has_collection(COLLECTION, using="bench"):
        utility.drop_collection(COLLECTION, using="bench")
    phases = Phases()
    schema = CollectionSchema(
        [
            FieldSchema("id", DataType.INT64, is_primary=True),
            FieldSchema("vector", DataType.FLOAT_VECTOR, dim=args.dim),
            FieldSchema("category", DataType.INT64),
        ]
    )

    def create():
        c = Collection(COLLECTION, schema, using="bench", timeout=TIMEOUT)
        for p in PARTITIONS:
            c.create_partition(p, timeout=TIMEOUT)
        return c

    collection = phases.run("create", create)
    phases.many("insert", batches, lambda b: collection.insert(b[1], partition_name=b[0], timeout=TIMEOUT).insert_count)
    phases.out["insert"]["rows_per_s"] = args.rows / phases.out["insert"]["wall_ms"] * 1000
    phases.run("flush", lambda: collection.flush(timeout=TIMEOUT))
    entities = collection.num_entities

    def index():
        collection.create_index("vector", INDEX, timeout=TIMEOUT)
        return wait_index_built()

    index_progress = phases.run("index", index)
    phases.run("load", lambda: collection.load(timeout=TIMEOUT))

    def search(partitions):
        return lambda v: collection.search([v], "vector", SEARCH_PARAM, limit=TOP_K, partition_names=partitions, timeout=TIMEOUT)[0].ids

    hits = phases.many("search", search_vectors, search(None))
    partition_hits = phases.many("search_partition", search_vectors, search([PARTITIONS[1]]))
    query_rows = phases.many("query", query_categories, lambda k: collection.query("category == %d" % k, output_fields=["id"], limit=TOP_K, timeout=TIMEOUT))

    # Exact top 10 (L2) of the first searches, over every row and over p1's rows.
    n = min(args.recall_queries, args.searches)
    norms = (vectors * vectors).sum(axis=1)
    recall, recall_partition = [], []
    in_p1 = partition_of == 1
    for i in range(n):
        q = np.asarray(search_vectors[i], dtype=np.float32)
        d = norms - 2 * vectors @ q
        exact = set(np.argsort(d)[:TOP_K].tolist())
        recall.append(len(exact & set(hits[i])) / TOP_K)
        dp = np.where(in_p1, d, np.inf)
        exact_p1 = set(np.argsort(dp)[:TOP_K].tolist())
        recall_partition.append(len(exact_p1 & set(partition_hits[i])) / TOP_K)
    p1_ids = set(np.nonzero(in_p1)[0].tolist())

    collection.release(timeout=TIMEOUT)
    utility.drop_collection(COLLECTION, using="bench", timeout=TIMEOUT)
    connections.disconnect("bench")
    print(
        json.dumps(
            {
                "pymilvus": pymilvus.__version__,
                "server_version": server_version,
                "config": {"rows": args.rows, "batch": args.batch, "searches": args.searches, "queries": args.queries, "dim": args.dim, "top_k": TOP_K, "index": INDEX, "search_params": SEARCH_PARAM, "seed": args.seed},
                "phases": phases.out,
                "clock": phases.clock,
                "checks": {
                    "entities_after_flush": entities,
                    "index_progress": {k: int(v) for k, v in index_progress.items() if k in ("indexed_rows", "total_rows")},
                    "search_hits_min": min((len(h) for h in hits), default=0),
                    "search_hits_total": sum(len(h) for h in hits),
                    "search_partition_hits_min": min((len(h) for h in partition_hits), default=0),
                    "search_partition_foreign_ids": sum(1 for h in partition_hits for i in h if i not in p1_ids),
                    "query_rows_total": sum(len(r) for r in query_rows),
                    "query_rows_wrong_category": sum(1 for k, rows in zip(query_categories, query_rows) for r in rows if categories[r["id"]] != k),
                    "recall_at_10": sum(recall) / n if n else None,
                    "recall_at_10_partition": sum(recall_partition) / n if n else None,
                    "recall_queries": n,
                },
            }
        )
    )


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # the caller reads the reason from stderr
        sys.stderr.write("workload failed: %s: %s\n" % (type(e).__name__, e))
        sys.exit(1)
