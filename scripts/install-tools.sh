#!/usr/bin/env bash
# Installs the pinned build and test tools that are missing; skips what is already there at the
# pinned version, so a warm machine pays nothing. Only package registries are used (crates.io,
# npm, Debian): Trunk runs offline and never downloads a tool itself.
#   scripts/install-tools.sh build   -> wasm32 target, trunk, wasm-bindgen-cli, npm packages
#   scripts/install-tools.sh test    -> the above plus Debian chromium + chromium-driver
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen crate version in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3}' Cargo.lock)

have_version() { # command, expected version string
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"
}

install_rust_tools() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || rustup target add wasm32-unknown-unknown
  have_version trunk "trunk $TRUNK_VERSION" \
    || cargo install --locked trunk --version "$TRUNK_VERSION"
  # --locked fails for wasm-bindgen-cli today (its lockfile pins a yanked crate): exact version.
  have_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION" \
    || cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
}

install_npm_packages() {
  # node_modules is (re)installed only when package-lock.json changed since the last install.
  local stamp=node_modules/.trailscope-installed-lock.json
  if ! cmp -s package-lock.json "$stamp" 2>/dev/null; then
    npm ci --no-audit --no-fund
    cp package-lock.json "$stamp"
  fi
}

install_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
}

install_rust_tools
install_npm_packages
if [ "${1:-build}" = test ]; then install_chromium; fi
