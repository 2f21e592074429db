#!/usr/bin/env bash
# Wasm replay throughput in headless Chromium vs the native CLI on the same synthetic log.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench-wasm
cargo build --locked --quiet --release -p trailscope-cli
cargo build --locked --quiet --release --target wasm32-unknown-unknown -p trailscope-wasm
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out/pkg" target/wasm32-unknown-unknown/release/trailscope_wasm.wasm
cp tests/bench/wasm-replay.html tests/bench/wasm-replay.js tests/bench/replay-selectors.json "$out/"
python3 -m http.server 8191 --bind 127.0.0.1 --directory "$out" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
node tests/bench/wasm-replay.mjs 8191 target/release/trailscope
