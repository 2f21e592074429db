#!/usr/bin/env bash
# The SQL trailscope writes (issue 13), proven on real engines against the replay: DuckDB (over
# the raw log files and over a table with the Athena layout), Spark in local mode, and every
# Athena query parsed as Trino SQL by sqlglot. Pinned PyPI packages go into .venv (skipped when
# the pinned version is there); Spark needs a JRE 17+ (Debian's, installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
PINS="duckdb==2.0.1 sqlglot==30.30.0 pyspark==4.3.0"
RANDOM_SETS=${SQL_RANDOM_SETS:-300}
SPARK_RANDOM_SETS=${SQL_SPARK_RANDOM_SETS:-40}
[ -x .venv/bin/python ] || python3 -m venv .venv
for pin in $PINS; do
  if ! .venv/bin/python -c "import importlib.metadata as m, sys; sys.exit(m.version('${pin%%==*}') != '${pin##*==}')" 2>/dev/null; then
    .venv/bin/pip install --quiet --disable-pip-version-check "$pin"
  fi
done
if ! java -version >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless
fi
# Wherever cargo puts its output (CARGO_TARGET_DIR, build.target-dir or ./target).
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | .venv/bin/python -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
OUT="$TARGET_DIR/sql-cases"
rm -rf "$OUT"
cargo run --locked --quiet -p trailscope-core --example sql_cases -- "$OUT" "$RANDOM_SETS" "${SQL_SEED:-1}"
# Spark stays on loopback (toolchain notes): its driver binds 127.0.0.1, its UI is off.
SPARK_LOCAL_IP=127.0.0.1 .venv/bin/python tests/sql/engines.py "$OUT" --files 10 --spark "$SPARK_RANDOM_SETS" --parse 100
