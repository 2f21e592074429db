#!/usr/bin/env bash
# Gzipped size of what the page loads (wasm + JS + CSS in dist/: loader.js, wasm-bindgen's JS,
# the editor bundle, the stylesheet), checked against the budget.
# The workers (dist/worker/) load only when a replay starts or a question is asked, and the Ask
# and Export and SQL panels (dist/ask/, dist/output/) only when opened, the file view (dist/iac/)
# when the request editor holds a CloudFormation, Terraform or CDK file: they are listed, not counted.
# dist/docs/ (the spec and decisions pages the badges link to) are other pages: not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_KB=${BUDGET_KB:-400}
total=0
while IFS= read -r file; do
  size=$(gzip -9c "$file" | wc -c)
  total=$((total + size))
  printf '%8d B gz  %8d B raw  %s\n' "$size" "$(wc -c < "$file")" "${file#dist/}"
done < <(find dist \( -path dist/worker -o -path dist/ask -o -path dist/output -o -path dist/iac -o -path dist/complete -o -path dist/docs \) -prune -o -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) -print | sort)
for file in $(find dist/worker dist/ask dist/output dist/iac dist/complete -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) 2>/dev/null | sort); do
  printf '%8d B gz  %8d B raw  %s (loaded on demand)\n' "$(gzip -9c "$file" | wc -c)" "$(wc -c < "$file")" "${file#dist/}"
done
printf '%8d B gz  total (budget %d KB)\n' "$total" "$BUDGET_KB"
if [ "$total" -gt $((BUDGET_KB * 1024)) ]; then
  echo "size: over the budget of $BUDGET_KB KB gzipped" >&2
  exit 1
fi
