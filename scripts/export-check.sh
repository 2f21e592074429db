#!/usr/bin/env bash
# The exports (issue 11 §3) read back by independent, real parsers: a Rust test writes
# EXPORT_CASES (default 200) random valid requests with their six exports, then
# tests/export/check.py reads the CLI, boto3, CloudFormation and Terraform exports (botocore,
# cfn-lint, python-hcl2: pinned here, installed into .venv when missing) and
# tests/export/cdk.mjs the CDK ones (tsc and aws-cdk-lib, pinned in package.json).
set -euo pipefail
cd "$(dirname "$0")/.."
PINS=("botocore==1.44.8" "cfn-lint==1.58.0" "python-hcl2==8.1.4" "lark==1.3.1")
if ! .venv/bin/python -c '
import importlib.metadata as m, sys
sys.exit(any(m.version(n) != v for n, v in (p.split("==") for p in sys.argv[1:])))' "${PINS[@]}" 2>/dev/null; then
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check "${PINS[@]}"
fi
# Inside the repository, so that the CDK exports resolve aws-cdk-lib from its node_modules.
CORPUS="$PWD/target/export-corpus"
rm -rf "$CORPUS"
TRAILSCOPE_EXPORT_CORPUS="$CORPUS" TRAILSCOPE_EXPORT_CASES="${EXPORT_CASES:-200}" \
  cargo test --locked --quiet -p trailscope-core --test export write_corpus_for_the_independent_readers
.venv/bin/python tests/export/check.py "$CORPUS"
node tests/export/cdk.mjs "$CORPUS"
