# trailscope: `make serve` and `make test` work on a bare machine of this kind; every tool is
# installed at a pinned version from a package registry (scripts/install-tools.sh).
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export TRUNK_OFFLINE := true
PORT ?= 8080

.PHONY: serve test build dist wasm-pkg tools test-tools editor wire-types test-rust test-wasm test-e2e test-conformance test-export lint bench bench-e2e size clean fuzz mutants

## Install the build tools (wasm32 target, trunk, wasm-bindgen-cli, npm packages) if missing.
tools:
	scripts/install-tools.sh build

test-tools:
	scripts/install-tools.sh test

## The CodeMirror editor bundle the web crate imports.
editor: tools
	npm run --silent build:editor

## The JS/wasm library the replay worker imports (wasm-bindgen --target web, then wasm-opt).
wasm-pkg: tools
	cargo build --locked --release --target wasm32-unknown-unknown -p trailscope-wasm
	wasm-bindgen --target web --out-dir www/worker/pkg target/wasm32-unknown-unknown/release/trailscope_wasm.wasm
	wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int www/worker/pkg/trailscope_wasm_bg.wasm -o www/worker/pkg/trailscope_wasm_bg.wasm

## The npm package target/npm/trailscope/ (web, Node and bundler builds, TypeScript types).
.PHONY: package test-package
package: tools
	scripts/package.sh

## The package as users get it (npm pack, installed into tests/npm/): Node's test runner, tsc on
## a TypeScript consumer; prepares target/npm/site/ (a plain HTML page) for test-e2e.
test-package: package
	scripts/test-package.sh

## Release build of the page into dist/ (static files, relative URLs), with the spec and the
## decisions beside it (spec.html, decisions.html: what the page's badges link to).
build: editor wasm-pkg
	cargo fetch --locked
	trunk build --release --offline
	# The page budget counts gzipped bytes: esbuild minifies wasm-bindgen's JS glue, the loader, the
	# stylesheet and the crate's inline_js snippets (the panels' host) in place (Trunk's own
	# minifier also rewrites index.html's quoting).
	for file in dist/*.js dist/*.css dist/snippets/*/*.js; do esbuild "$$file" --minify --target=es2022 --allow-overwrite --log-level=warning --outfile="$$file"; done
	node scripts/docs-html.mjs

## dist/, checked to be the folder to host anywhere: relative URLs, strict CSP, no inline script.
dist: build
	node scripts/check-dist.mjs

## Build, then serve dist/ as plain static files on 127.0.0.1:$(PORT).
serve: dist
	@echo "trailscope: http://127.0.0.1:$(PORT)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

## Every test: Rust unit/integration (core + CLI), lint, wasm in Chromium, browser end-to-end.
test: test-tools editor lint test-rust test-conformance test-sql test-export test-wasm dist size test-package test-e2e

lint:
	cargo fmt --all -- --check
	cargo clippy --locked --workspace --all-targets -- -D warnings
	cargo clippy --locked -p trailscope-core --features ts,iac --all-targets -- -D warnings
	cargo clippy --locked -p trailscope-core --all-targets -- -D warnings
	cargo clippy --locked -p trailscope-web -p trailscope-wasm --target wasm32-unknown-unknown -- -D warnings

test-rust:
	cargo test --locked --workspace --exclude trailscope-wasm
	cargo test --locked -p trailscope-wasm --lib
	cargo test --locked -p trailscope-core --features ts,iac --lib wire::

## Write crates/wasm/types.d.ts (the npm package's TypeScript types) from core's Rust types.
wire-types:
	TRAILSCOPE_WRITE_TYPES=1 cargo test --locked -p trailscope-core --features ts,iac --lib wire::

test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
	  WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --locked -p trailscope-wasm --target wasm32-unknown-unknown

test-conformance:
	scripts/conformance.sh
	scripts/sarif-schema.sh

## The selectors' SQL (trailscope sql) on DuckDB and Spark against the replay, event for event,
## and every Athena query parsed as Trino SQL.
test-sql:
	scripts/sql-engines.sh
## The exports (CLI, boto3, CloudFormation, Terraform, CDK) of random valid requests, read back
## by real tools: botocore, cfn-lint, python-hcl2 (pinned, in .venv), tsc and aws-cdk-lib.
test-export: tools
	scripts/export-check.sh

test-e2e:
	npx playwright test

## Every cargo-fuzz target (fuzz/) for FUZZ_SECONDS each, one at a time, niced (nightly; installs
## cargo-fuzz pinned if missing), then the hand-written worst-case inputs timed natively against
## the 1 s budget. The committed corpora and crash inputs also run in test-rust, on stable.
FUZZ_SECONDS ?= 60
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh
	nice -n 19 cargo run --locked --release -p trailscope-fuzz-checks --example adversarial

## cargo-mutants over the core's rules, matcher, trail lookup and service (.cargo/mutants.toml),
## niced; installs cargo-mutants pinned if missing; results in mutants.out/. About 2.5 hours here.
CARGO_MUTANTS_VERSION = 25.3.1
mutants:
	cargo mutants --version 2>/dev/null | grep -q $(CARGO_MUTANTS_VERSION) || cargo install --locked cargo-mutants --version $(CARGO_MUTANTS_VERSION)
	nice -n 19 cargo mutants --no-shuffle

## Gzipped size of the page's wasm + JS + CSS, against the 400 KB budget.
size:
	scripts/size.sh

## Benchmarks: validation of maximum-size requests (criterion), replay throughput against a
## bare serde_json scan (native), the replay field reader against serde's derive (native and
## wasm under Node's WASI), and the wasm build's replay throughput in headless Chromium.
bench: tools test-tools
	cargo bench --locked -p trailscope-core --bench validate
	cargo bench --locked -p trailscope-core --bench ask
	cargo run --locked --release -p trailscope-bench --bin replay
	cargo run --locked --release -p trailscope-bench --bin extract-ablation
	rustup target list --installed | grep -qx wasm32-wasip1 || rustup target add wasm32-wasip1
	CARGO_TARGET_WASM32_WASIP1_RUNNER="node --no-warnings scripts/wasi-run.mjs" \
	  cargo run --locked --release -p trailscope-bench --bin extract-ablation --target wasm32-wasip1
	scripts/bench-wasm.sh
	$(MAKE) bench-e2e

## Issue 14 §2 at full size: the tab replays a ~1 GB synthetic log under the memory, click and
## cancel budgets (test-e2e runs the same test at 100 MB).
bench-e2e: dist
	TRAILSCOPE_REPLAY_BYTES=1000000000 npx playwright test tests/e2e/replay-pressure.spec.ts

clean:
	rm -rf dist target/criterion
