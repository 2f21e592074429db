#!/usr/bin/env bash
# Tests the npm package (built by scripts/package.sh) as users get it: packed with `npm pack`,
# installed into the consumer tests/npm/, then Node's test runner and tsc on a TypeScript
# consumer. Prepares target/npm/site/ (the README's plain page + the installed package), which
# tests/e2e/npm-package.spec.ts loads in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=$(npm pack --silent --pack-destination target/npm target/npm/trailscope)
mv "target/npm/$tarball" target/npm/trailscope.tgz
rm -rf tests/npm/node_modules
npm install --prefix tests/npm --offline --no-package-lock --no-audit --no-fund --silent
tsc -p tests/npm
node --test --test-reporter=spec tests/npm/
rm -rf target/npm/site
mkdir -p target/npm/site/node_modules
cp -r tests/npm/node_modules/trailscope target/npm/site/node_modules/
node tests/npm/readme.mjs page > target/npm/site/index.html
