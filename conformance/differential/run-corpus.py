"""Runs a differential corpus (a JSON file of steps, see RESULTS.md "The corpus format") with pymilvus 2.3.7.

Usage: python run-corpus.py [--no-sleep] <corpus.json> <host> <port>
  -> prints one JSON object per recorded step: {"step", "ok": true, "value"} or {"step", "ok": false, "code", "message"}
     (code: the MilvusException's code, or "python" with "<ExceptionType>: <text>" for any other exception).

An entry with a "step" name is recorded: its operation's answer, projected by its "project", or its
error. An entry without one runs for its effect only, and its error ends the run (exit status 1).
--no-sleep skips the "sleep" entries and the pauses between repeated reads, which only a real
Milvus needs (its answers settle a moment after a load or release).
"""
import json
import re
import sys
import time

from pymilvus import Collection, CollectionSchema, DataType, FieldSchema, MilvusException, Partition, connections, db, utility


# ---- values: the tiny expression form of row generators and query vectors -------------------------

TOKEN = re.compile(r"\s*(?:(\d+\.\d+)|(\d+)|([A-Za-z_]\w*)|(.))")


def parse_expr(text):
    """Parses `text` (integers, floats, the variable `i`, + - * %, parentheses, unary minus,
    and the call `vec(x)`) into a tree of tuples; anything else is a ValueError."""
    tokens = TOKEN.findall(text.strip())
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else ("", "", "", "")

    def take(symbol):
        nonlocal pos
        if peek()[3] != symbol:
            raise ValueError(f"expected {symbol!r} in expression {text!r}")
        pos += 1

    def expr():
        node = term()
        while peek()[3] in ("+", "-"):
            op = peek()[3]
            take(op)
            node = (op, node, term())
        return node

    def term():
        node = factor()
        while peek()[3] in ("*", "%"):
            op = peek()[3]
            take(op)
            node = (op, node, factor())
        return node

    def factor():
        nonlocal pos
        flt, integer, name, sym = peek()
        if sym == "-":
            take("-")
            return ("neg", factor())
        if sym == "(":
            take("(")
            node = expr()
            take(")")
            return node
        pos += 1
        if flt:
            return ("num", float(flt))
        if integer:
            return ("num", int(integer))
        if name == "i":
            return ("i",)
        if name == "vec":
            take("(")
            node = ("vec", expr())
            take(")")
            return node
        raise ValueError(f"unexpected {(name or sym or 'end')!r} in expression {text!r}")

    node = expr()
    if pos != len(tokens):
        raise ValueError(f"trailing input in expression {text!r}")
    return node


def vec(x):
    """The 4-dimensional float vector of row `x`: [x % 7, x % 5, 1.0, 0.5]."""
    return [float(x % 7), float(x % 5), 1.0, 0.5]


BINARY = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "%": lambda a, b: a % b}


def evaluate(node, i):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "i":
        if i is None:
            raise ValueError("`i` is only defined in a generator")
        return i
    if kind == "neg":
        return -evaluate(node[1], i)
    if kind == "vec":
        return vec(evaluate(node[1], i))
    return BINARY[kind](evaluate(node[1], i), evaluate(node[2], i))


def value(spec, i=None):
    """A field value from its spec: a string is an expression; {"str": "tenant-{i}"} a string whose
    {...} are expressions; {"bytes": [..]} bytes; {"json": x} x as is; any other JSON value as is."""
    if isinstance(spec, str):
        return evaluate(parse_expr(spec), i)
    if isinstance(spec, dict) and len(spec) == 1:
        (kind, arg), = spec.items()
        if kind == "str":
            return re.sub(r"\{([^}]*)\}", lambda m: str(evaluate(parse_expr(m.group(1)), i)), arg)
        if kind == "bytes":
            return bytes(arg)
        if kind == "json":
            return arg
    if isinstance(spec, dict):
        raise ValueError(f"unknown value spec {spec!r}")
    return spec


def rows_of(entry):
    """The rows of an insert: {"range": n | [start, stop], "fields": {name: spec}} or a list of {name: spec}."""
    data = entry["data"]
    if isinstance(data, dict):
        bounds = data["range"] if isinstance(data["range"], list) else [0, data["range"]]
        return [{name: value(spec, i) for name, spec in data["fields"].items()} for i in range(*bounds)]
    return [{name: value(spec) for name, spec in row.items()} for row in data]


def insert_data(entry):
    """What Collection.insert gets: the rows (layout "rows") or one list per field, in the fields' order (layout "columns")."""
    rows = rows_of(entry)
    if entry.get("layout", "columns") == "rows":
        return rows
    names = list(rows[0]) if rows else []
    return [[row[name] for row in rows] for name in names]


# ---- operations ----------------------------------------------------------------------------------

class Run:
    """The interpreter's state: the current database, the Collection objects the corpus created, by
    (database, name), and the seconds to wait between repeated reads."""

    def __init__(self, sleep):
        self.db = "default"
        self.collections = {}
        self.sleep = sleep

    def collection(self, name):
        """The Collection object the corpus created under `name` in the current database, else Collection(name)."""
        return self.collections.get((self.db, name)) or Collection(name)

    def create_collection(self, e):
        fields = [FieldSchema(f["name"], DataType[f["type"]], **{k: v for k, v in f.items() if k not in ("name", "type")}) for f in e["fields"]]
        c = Collection(e["collection"], CollectionSchema(fields, **e.get("schema", {})), **e.get("options", {}))
        self.collections[(self.db, e["collection"])] = c
        return c

    def drop_collection(self, e):
        self.collections.pop((self.db, e["collection"]), None)
        return utility.drop_collection(e["collection"])

    def drop_all_collections(self, e):
        for name in utility.list_collections():
            self.drop_collection({"collection": name})

    def use_database(self, e):
        self.db = e["database"]  # pymilvus switches the connection's database before it reconnects
        return db.using_database(e["database"])


def optional(e, **names):
    """The keyword arguments {pymilvus_name: e[corpus_name]} for the corpus names `e` has."""
    return {kw: e[key] for kw, key in names.items() if key in e}


OPS = {
    "drop_all_collections": Run.drop_all_collections,
    "create_collection": Run.create_collection,
    "drop_collection": Run.drop_collection,
    "list_collections": lambda r, e: utility.list_collections(),
    "flush": lambda r, e: r.collection(e["collection"]).flush(),
    "num_entities": lambda r, e: r.collection(e["collection"]).num_entities,
    "insert": lambda r, e: r.collection(e["collection"]).insert(insert_data(e), **optional(e, partition_name="partition")),
    "delete": lambda r, e: r.collection(e["collection"]).delete(e["filter"]),
    "query": lambda r, e: r.collection(e["collection"]).query(e["filter"], output_fields=e["output_fields"], **optional(e, partition_names="partitions")),
    "search": lambda r, e: r.collection(e["collection"]).search([value(v) for v in e["vectors"]], e["field"], e["params"], limit=e["limit"])[0],
    "create_index": lambda r, e: r.collection(e["collection"]).create_index(e["field"], e["params"], **optional(e, index_name="index_name")),
    "describe_indexes": lambda r, e: r.collection(e["collection"]).indexes,
    "index_building_progress": lambda r, e: utility.index_building_progress(e["collection"], **optional(e, index_name="index_name")),
    "load": lambda r, e: r.collection(e["collection"]).load(**optional(e, partition_names="partitions", replica_number="replica_number")),
    "release": lambda r, e: r.collection(e["collection"]).release(**optional(e, partition_names="partitions")),
    "load_state": lambda r, e: utility.load_state(e["collection"], **optional(e, partition_names="partitions")),
    "list_partitions": lambda r, e: r.collection(e["collection"]).partitions,
    "has_partition": lambda r, e: utility.has_partition(e["collection"], e["partition"]),
    "create_partition": lambda r, e: r.collection(e["collection"]).create_partition(e["partition"]),
    "open_partition": lambda r, e: Partition(r.collection(e["collection"]), e["partition"]),
    "drop_partition": lambda r, e: r.collection(e["collection"]).drop_partition(e["partition"]),
    "create_database": lambda r, e: db.create_database(e["database"]),
    "drop_database": lambda r, e: db.drop_database(e["database"]),
    "list_databases": lambda r, e: db.list_database(),
    "use_database": Run.use_database,
    "sleep": lambda r, e: time.sleep(e["seconds"] if r.sleep else 0),
}


PROJECTIONS = {
    "raw": lambda a: a,
    "str": str,
    "len": len,
    "sorted": sorted,
    "name": lambda a: a.name,
    "insert_count": lambda a: a.insert_count,
    "delete_count": lambda a: a.delete_count,
    "count": lambda a: a[0]["count(*)"],
    "names": lambda a: [x.name for x in a],
    "sorted_names": lambda a: sorted(x.name for x in a),
    "num_entities_by_name": lambda a: {x.name: x.num_entities for x in a},
    "sorted_ids": lambda a: sorted(r["id"] for r in a),
    "sorted_hit_ids": lambda a: sorted(h.id for h in a),
    "sorted_id_distance": lambda a: sorted((h.id, h.distance) for h in a),
    "indexes": lambda a: [(x.field_name, x.index_name, x.params) for x in a],
}


def perform(run, entry):
    """Runs an entry's operation, or each of its "ops" in turn; the value is the projection of the
    last one that names a "project" (None when none does)."""
    result = None
    for e in entry.get("ops", [entry]):
        if e["op"] not in OPS:
            raise ValueError(f"unknown operation {e['op']!r}")
        answer = OPS[e["op"]](run, e)
        if "project" in e:
            result = PROJECTIONS[e["project"]](answer)
    return result


def answer(run, entry):
    try:
        return {"ok": True, "value": perform(run, entry)}
    except MilvusException as e:
        return {"ok": False, "code": e.code, "message": e.message}
    except Exception as e:  # noqa: BLE001
        return {"ok": False, "code": "python", "message": f"{type(e).__name__}: {e}"}


def out(run, entry):
    a = answer(run, entry)
    if entry.get("read"):  # a read: repeat until two answers in a row agree
        for _ in range(20):
            if run.sleep:
                time.sleep(0.1)
            b = answer(run, entry)
            if b == a:
                break
            a = b
    print(json.dumps({"step": entry["step"], **a}, default=str, sort_keys=True))
    sys.stdout.flush()


def main():
    args = sys.argv[1:]
    sleep = "--no-sleep" not in args
    corpus_path, host, port = [a for a in args if a != "--no-sleep"]
    with open(corpus_path, encoding="utf-8") as f:
        corpus = json.load(f)
    connections.connect(host=host, port=port)
    run = Run(sleep)
    for entry in corpus["steps"]:
        if "step" in entry:
            out(run, entry)
        else:
            perform(run, entry)


if __name__ == "__main__":
    main()
