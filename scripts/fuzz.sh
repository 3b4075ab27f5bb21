#!/usr/bin/env bash
# Runs every Go fuzz target for a bounded time: "short" (make test) or "long"
# (make fuzz). A crash is saved under the package's testdata/fuzz and from
# then on replayed by plain `go test` as a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-short}
case "$mode" in
  short) fuzztime=${FUZZTIME:-3s} ;;
  long)  fuzztime=${FUZZTIME:-60s} ;;
  *) echo "usage: $0 short|long" >&2; exit 2 ;;
esac
export CGO_ENABLED=0
total=0
for pkg in $(go list ./...); do
  for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
    echo "fuzz $pkg $target ($fuzztime)"
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" >/tmp/storydiff-fuzz.log 2>&1 || {
      cat /tmp/storydiff-fuzz.log; echo "fuzz target $target in $pkg failed" >&2; exit 1; }
    total=$((total + 1))
  done
done
echo "fuzzed $total targets for $fuzztime each"
