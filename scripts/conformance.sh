#!/usr/bin/env bash
# Conformance against a real peer: botocore's ParamValidator (pinned, from PyPI) judges every
# ParamValidationError trailscope reports (tests/conformance/botocore_params.py).
set -euo pipefail
cd "$(dirname "$0")/.."
BOTOCORE_VERSION=1.44.8
if ! .venv/bin/python -c "import botocore, sys; sys.exit(botocore.__version__ != '$BOTOCORE_VERSION')" 2>/dev/null; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check "botocore==$BOTOCORE_VERSION"
fi
cargo build --locked --quiet -p trailscope-cli
# Wherever cargo puts its output (CARGO_TARGET_DIR, build.target-dir or ./target).
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | .venv/bin/python -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
.venv/bin/python tests/conformance/botocore_params.py "$TARGET_DIR/debug/trailscope" 400
