"""The SQL trailscope writes, run on real engines against the replay's own verdicts (issue 13 §2).

Reads the cases `cargo run -p trailscope-core --example sql_cases` wrote (log files, and for each
selector set its SQL in every dialect and mode with the replay's verdicts: eventID -> the first
selector that matched) and checks, event for event:

- DuckDB over the raw files (`--source`, .json and .json.gz; the samples, the edge cases and
  `--files N` random sets): `select` returns exactly the logged events with the deciding
  selector;
- DuckDB over a table with the Athena layout (`--table`): the `where` predicate selects the
  logged events and its NOT exactly the others (it is never NULL); the `view` holds them;
- Spark local mode (`--spark N`: the samples, the edge cases and the first N random sets, in
  batches through one session): `select` over the same table;
- sqlglot: every Athena query parses as Trino SQL (every mode; `--parse N` random sets), every
  Spark query as Spark SQL.

The table the Athena/Spark layout describes is built here as Athena's JSON SerDe reads a
record (decisions D40): keys case-insensitive (a resource's `ARN`, else `arn`), booleans as
"true"/"false".

Usage: engines.py CASES_DIR [--files N] [--spark N] [--parse N]
"""

import argparse
import glob
import gzip
import json
import os
import shutil
import sys
import time

import duckdb
import sqlglot

TABLE = "cloudtrail_logs_pp"
COLUMNS = {
    "eventid": "eventID", "eventtime": "eventTime", "eventsource": "eventSource", "eventname": "eventName",
    "eventtype": "eventType", "eventcategory": "eventCategory", "awsregion": "awsRegion",
    "recipientaccountid": "recipientAccountId", "errorcode": "errorCode", "vpcendpointid": "vpcEndpointId",
    "readonly": "readOnly", "sessioncredentialfromconsole": "sessionCredentialFromConsole",
    "managementevent": "managementEvent",
}


def text(value):
    """A string column as the JSON SerDe gives it: booleans as "true"/"false"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def table_row(record):
    row = {column: text(record.get(key)) for column, key in COLUMNS.items()}
    identity = record.get("userIdentity")
    row["useridentity"] = {"arn": text(identity.get("arn"))} if isinstance(identity, dict) else None
    resources = record.get("resources")
    if isinstance(resources, list):
        row["resources"] = [
            {"arn": text(r.get("ARN", r.get("arn"))), "arnprefix": text(r.get("ARNPrefix")), "type": text(r.get("type"))}
            for r in resources
        ]
    else:
        row["resources"] = None
    return row


def load(directory):
    records = []
    for name in sorted(glob.glob(os.path.join(directory, "events-*.json*"))):
        with (gzip.open if name.endswith(".gz") else open)(name, "rt", encoding="utf-8") as f:
            records.extend(json.load(f)["Records"])
    # One file of the two is read gzipped, as CloudTrail delivers them.
    plain = os.path.join(directory, "events-b.json")
    if os.path.exists(plain):
        with open(plain, "rb") as f, gzip.open(plain + ".gz", "wb") as out:
            shutil.copyfileobj(f, out)
        os.remove(plain)
    with open(os.path.join(directory, "cases.jsonl"), encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    return records, cases


class Failures:
    def __init__(self):
        self.items = []

    def check(self, case, what, got, expected):
        if got == expected:
            return
        extra = sorted(set(got) - set(expected))[:5] if isinstance(got, (dict, set)) else None
        missing = sorted(set(expected) - set(got))[:5] if isinstance(got, (dict, set)) else None
        wrong = None
        if isinstance(got, dict):
            wrong = [(k, got[k], expected[k]) for k in sorted(set(got) & set(expected)) if got[k] != expected[k]][:5]
        self.items.append(f"{case['name']}: {what}: extra {extra} missing {missing} wrong selector {wrong}"
                          if extra is not None else f"{case['name']}: {what}: got {got}, expected {expected}")


def duckdb_table(con, directory, records):
    """The table, loaded from the rows as JSON Lines (one insert per row is slow)."""
    rows = os.path.join(directory, "table-rows.jsonl")
    with open(rows, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(table_row(record)) + "\n")
    columns = {c: "VARCHAR" for c in COLUMNS}
    columns["useridentity"] = "STRUCT(arn VARCHAR)"
    columns["resources"] = "STRUCT(arn VARCHAR, arnprefix VARCHAR, type VARCHAR)[]"
    con.execute(f"CREATE TABLE {TABLE} AS SELECT * FROM read_json(?, format = 'newline_delimited', columns = {columns!r})",
                [rows])


def run_duckdb(directory, records, cases, files_random, failures):
    con = duckdb.connect()
    duckdb_table(con, directory, records)
    source = os.path.join(directory, "events-*.json*").replace("'", "''")
    all_ids = {r["eventID"] for r in records}
    over_files = {id(c) for c in chosen(cases, files_random)}
    for case in cases:
        expected = case["expected"]
        sql = case["sql"]
        table_checks(con, case, expected, all_ids, failures)
        count_checks(con, case, expected, failures)
        if id(case) not in over_files:
            continue
        rows = con.execute(sql["duckdb select"].replace("@SOURCE@", source)).fetchall()
        # eventid, eventtime, eventsource, eventname, awsregion, category, selector
        got = {r[0]: r[6] for r in rows}
        failures.check(case, "duckdb select over the files", got, expected)
        if len(rows) != len(got):
            failures.items.append(f"{case['name']}: duckdb select returned an event twice")


def count_checks(con, case, expected, failures):
    """`count` over the table: its rows add up to the logged events, per selector and in all."""
    counts = con.execute(case["sql"]["duckdb-table count"]).fetchall()
    total = [r for r in counts if r[0] is None and r[1] is None]
    total_events = total[0][4] if total else 0
    failures.check(case, "duckdb count total", total_events, len(expected))
    by_selector = {}
    for r in counts:
        if r[0] is not None:
            by_selector[r[0]] = by_selector.get(r[0], 0) + r[4]
    want = {}
    for s in expected.values():
        want[s] = want.get(s, 0) + 1
    failures.check(case, "duckdb count per selector", by_selector, want)


def table_checks(con, case, expected, all_ids, failures):
    """`where`, its negation and `view` over the table with the Athena layout."""
    sql = case["sql"]
    where = sql["duckdb-table where"]
    logged = {r[0] for r in con.execute(f"SELECT eventid FROM {TABLE} WHERE {where}").fetchall()}
    failures.check(case, "duckdb where over the table", logged, set(expected))
    unlogged = {r[0] for r in con.execute(f"SELECT eventid FROM {TABLE} WHERE NOT ({where})").fetchall()}
    failures.check(case, "duckdb NOT where over the table", unlogged, all_ids - set(expected))
    con.execute(sql["duckdb-table view"])
    got = dict(con.execute("SELECT eventid, trailscope_selector FROM trailscope_logged").fetchall())
    failures.check(case, "duckdb view over the table", got, expected)


def parse_all(cases, parse_random, failures):
    parsed = 0
    for case in chosen(cases, parse_random):
        for key, sql in case["sql"].items():
            dialect = {"athena": "trino", "spark": "spark"}.get(key.split()[0])
            if dialect is None:
                continue
            try:
                sqlglot.parse(sql, read=dialect)
                parsed += 1
            except sqlglot.errors.SqlglotError as e:
                failures.items.append(f"{case['name']}: {key} does not parse as {dialect}: {str(e)[:300]}")
    return parsed


def chosen(cases, random):
    """The non-random cases and the first `random` random ones."""
    fixed = [c for c in cases if not c["name"].startswith("random ")]
    return fixed + [c for c in cases if c["name"].startswith("random ")][:random]


def run_spark(records, cases, failures, batch=25):
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession
    from pyspark.sql.types import ArrayType, StringType, StructField, StructType

    spark = (SparkSession.builder.master("local[2]").appName("trailscope-sql")
             .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    schema = StructType([StructField(c, StringType()) for c in COLUMNS] + [
        StructField("useridentity", StructType([StructField("arn", StringType())])),
        StructField("resources", ArrayType(StructType([StructField(n, StringType()) for n in ("arn", "arnprefix", "type")]))),
    ])
    names = list(COLUMNS) + ["useridentity", "resources"]
    rows = [tuple(table_row(r)[n] if n != "useridentity" or table_row(r)[n] is None else (table_row(r)[n]["arn"],)
                  for n in names) for r in records]
    rows = [tuple(tuple(x.values()) if isinstance(x, dict) else
                  ([tuple(e.values()) for e in x] if isinstance(x, list) else x) for x in row) for row in rows]
    spark.createDataFrame(rows, schema).cache().createOrReplaceTempView(TABLE)
    picked = chosen(cases, run_spark.random)
    for start in range(0, len(picked), batch):
        group = picked[start:start + batch]
        selects = []
        for i, case in enumerate(group):
            body = "\n".join(l for l in case["sql"]["spark select"].splitlines() if not l.startswith("--")).rstrip(";\n ")
            selects.append(f"SELECT {i} AS trailscope_case, eventid, selector FROM (\n{body}\n)")
        got = [dict() for _ in group]
        for r in spark.sql("\nUNION ALL\n".join(selects)).collect():
            got[r[0]][r[1]] = r[2]
        for case, result in zip(group, got):
            failures.check(case, "spark select", result, case["expected"])
    spark.stop()
    return len(picked)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cases")
    parser.add_argument("--spark", type=int, default=-1, help="random sets run on Spark (-1: no Spark)")
    parser.add_argument("--files", type=int, default=10**9, help="random sets DuckDB also runs over the files")
    parser.add_argument("--parse", type=int, default=10**9, help="random sets whose queries sqlglot parses")
    args = parser.parse_args()
    records, cases = load(args.cases)
    failures = Failures()
    started = time.monotonic()
    run_duckdb(args.cases, records, cases, args.files, failures)
    print(f"duckdb: {len(cases)} selector sets x {len(records)} events ({time.monotonic() - started:.1f} s)")
    started = time.monotonic()
    parsed = parse_all(cases, args.parse, failures)
    print(f"sqlglot: {parsed} Athena (Trino) and Spark queries parsed ({time.monotonic() - started:.1f} s)")
    if args.spark >= 0:
        started = time.monotonic()
        run_spark.random = args.spark
        count = run_spark(records, cases, failures)
        print(f"spark: {count} selector sets x {len(records)} events ({time.monotonic() - started:.1f} s)")
    for item in failures.items[:40]:
        print("FAIL", item)
    if failures.items:
        print(f"{len(failures.items)} failures")
        sys.exit(1)
    print("the SQL selects exactly the events the replay logs")


if __name__ == "__main__":
    main()
