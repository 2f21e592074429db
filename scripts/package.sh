#!/usr/bin/env bash
# The npm package `trailscope` in target/npm/trailscope/ (README: "Use the core from
# JavaScript/TypeScript"). wasm-bindgen's three ESM targets emit the same wasm binary, so the
# package ships it once (wasm-opt'd as `make wasm-pkg` does) with three glue modules:
#   node.js    --target experimental-nodejs-module: Node >= 18 loads the wasm synchronously
#   bundler.js --target bundler: the wasm as an ES module import (webpack, Vite + wasm plugin)
#   web.js     --target web: a plain <script type="module"> page, `await init()` first
# types.d.ts is the wire schema generated from core's Rust types (crates/wasm/types.d.ts).
# package.json (crates/wasm/npm/) gets the wasm crate's version, description and license; README.md is the
# README's JavaScript section.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/npm/trailscope
gen=target/npm/bindgen
wasm=target/wasm32-unknown-unknown/release/trailscope_wasm.wasm

cargo build --locked --release --target wasm32-unknown-unknown -p trailscope-wasm
rm -rf "$out" "$gen"
mkdir -p "$out"
for target in web experimental-nodejs-module bundler; do
  wasm-bindgen --target "$target" --out-name trailscope --out-dir "$gen/$target" "$wasm"
done
for target in experimental-nodejs-module bundler; do
  cmp "$gen/web/trailscope_bg.wasm" "$gen/$target/trailscope_bg.wasm" \
    || { echo "package: wasm-bindgen's $target wasm differs from web's; one shared binary no longer works" >&2; exit 1; }
done
cmp "$gen/experimental-nodejs-module/trailscope.d.ts" "$gen/bundler/trailscope.d.ts"

wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int \
  "$gen/web/trailscope_bg.wasm" -o "$out/trailscope_bg.wasm"
cp "$gen/web/trailscope_bg.wasm.d.ts" "$gen/bundler/trailscope_bg.js" "$gen/bundler/trailscope.d.ts" "$out/"
cp "$gen/web/trailscope.d.ts" "$out/web.d.ts"
# The wire types both declarations import, generated from the Rust types (crates/core/src/wire.rs;
# `make test-rust` fails when the committed file is out of date).
cp crates/wasm/types.d.ts "$out/types.d.ts"
# Each glue module names its types (`@ts-self-types`, read by Deno) by its new file name.
glue() { sed "1s|@ts-self-types=\"./trailscope.d.ts\"|@ts-self-types=\"./$2\"|" "$gen/$1/trailscope.js" > "$out/$3"; }
glue web web.d.ts web.js
glue experimental-nodejs-module trailscope.d.ts node.js
glue bundler trailscope.d.ts bundler.js

node - "$out" <<'JS'
const fs = require('fs');
const { execFileSync } = require('child_process');
const out = process.argv[2];
const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--locked', '--no-deps', '--format-version', '1']));
const crate = metadata.packages.find((p) => p.name === 'trailscope-wasm');
const manifest = JSON.parse(fs.readFileSync('crates/wasm/npm/package.json', 'utf8'));
Object.assign(manifest, { version: crate.version, description: crate.description, license: crate.license });
fs.writeFileSync(`${out}/package.json`, JSON.stringify(manifest, null, 2) + '\n');
// The README section between the npm-readme markers is the package's README.
const readme = fs.readFileSync('README.md', 'utf8');
const section = readme.match(/<!-- npm-readme:start -->\n([\s\S]*?)<!-- npm-readme:end -->/);
if (!section) throw new Error('README.md: no npm-readme markers');
fs.writeFileSync(`${out}/README.md`, `# trailscope\n\n${crate.description}\n\n${section[1]}`);
JS
rm -rf "$gen"
echo "package: $out"
