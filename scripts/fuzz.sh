#!/usr/bin/env bash
# `make fuzz`: runs every cargo-fuzz target (fuzz/fuzz_targets/) for FUZZ_SECONDS each, one
# after the other, one fuzzer process at a time, at the lowest CPU priority. Nightly toolchain;
# cargo-fuzz is installed (pinned, --locked) when missing.
#   FUZZ_SECONDS=60        seconds per target
#   FUZZ_TARGETS="a b"     only these targets (default: all)
#   FUZZ_LOG_DIR=dir       where each target's libFuzzer log goes (default fuzz/target/logs)
# New inputs go to fuzz/target/work/<target>/ (not committed); the committed seed corpus
# fuzz/corpus/<target>/ and crash inputs fuzz/regressions/<target>/ are only read. A crash or a
# unit slower than 1 s stops that target, leaves the input in fuzz/artifacts/<target>/ and makes
# the run fail (fix it, then commit the input under fuzz/regressions/<target>/).
# To refresh a committed corpus: cargo +nightly fuzz cmin <target> fuzz/corpus/<target>.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

CARGO_FUZZ_VERSION=0.13.2
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_LOG_DIR=$(realpath -m "${FUZZ_LOG_DIR:-fuzz/target/logs}")

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
cargo +nightly fuzz --version 2>/dev/null | grep -qF "$CARGO_FUZZ_VERSION" \
  || cargo +nightly install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"

targets=${FUZZ_TARGETS:-$(cargo +nightly fuzz list --fuzz-dir "$root/fuzz")}
# Debug assertions and overflow checks on: a wrapped offset is a bug even where release wraps.
nice -n 19 cargo +nightly fuzz build -a --fuzz-dir "$root/fuzz"

# A unit slower than 1 s on a shared 2-core machine, at nice 19, may only have waited for the
# CPU: each timeout input is run again alone, and when it then takes under STALL_MS the fuzzer
# goes on for the rest of its time (the input is kept in fuzz/target/stalls/).
STALL_MS=${STALL_MS:-250}
binary_dir=$root/fuzz/target/x86_64-unknown-linux-gnu/release

failed=()
for target in $targets; do
  work=$root/fuzz/target/work/$target
  log_dir=$FUZZ_LOG_DIR/$target
  artifacts=$root/fuzz/artifacts/$target
  mkdir -p "$work" "$log_dir" "$artifacts" "$root/fuzz/target/stalls/$target"
  corpora=("$work" "$root/fuzz/corpus/$target")
  [ -d "$root/fuzz/regressions/$target" ] && corpora+=("$root/fuzz/regressions/$target")
  remaining=$FUZZ_SECONDS
  segment=0
  while [ "$remaining" -gt 0 ]; do
    segment=$((segment + 1))
    log=$log_dir/fuzz-0.log
    echo "== $target: ${remaining}s (log: $log_dir/segment-$segment.log)"
    started=$(date +%s)
    # libFuzzer appends to fuzz-0.log: a segment after a stall must not read the last one's.
    rm -f "$log"
    # -jobs=1 -workers=1: one fuzzer process, its output in fuzz-0.log of the working directory.
    (cd "$log_dir" && nice -n 19 cargo +nightly fuzz run -a --fuzz-dir "$root/fuzz" "$target" "${corpora[@]}" -- \
      -max_total_time="$remaining" -timeout=1 -rss_limit_mb=2048 -max_len=65536 \
      -jobs=1 -workers=1 -print_final_stats=1 >"$log_dir/driver.log" 2>&1) || true
    cp "$log" "$log_dir/segment-$segment.log"
    remaining=$((remaining - ($(date +%s) - started)))
    grep -E '(DONE|^stat::|^Done|==[0-9]+== ERROR|SUMMARY|Test unit written)' "$log" || true
    # libFuzzer's job driver exits 0 even when its job found a crash: read the job's log.
    unit=$(grep -oE 'Test unit written to [^ ]+' "$log" | awk '{print $5}' | tail -1)
    if [ -z "$unit" ]; then
      grep -qE '==[0-9]+== ERROR|deadly signal' "$log" && failed+=("$target")
      break
    fi
    if grep -q 'libFuzzer: timeout' "$log"; then
      ms=$(nice -n 19 "$binary_dir/$target" "$unit" 2>&1 | sed -nE 's/^Executed .* in ([0-9]+) ms$/\1/p')
      if [ -n "$ms" ] && [ "$ms" -lt "$STALL_MS" ]; then
        echo "   a stall, not a slow input: $(basename "$unit") runs in $ms ms alone; going on"
        mv "$unit" "$root/fuzz/target/stalls/$target/"
        continue
      fi
    fi
    failed+=("$target")
    break
  done
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: problems in: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
echo "fuzz: every target ran ${FUZZ_SECONDS}s without a crash or a slow unit"
