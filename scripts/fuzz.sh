#!/usr/bin/env bash
# Runs every Go fuzz target for a bounded time: "short" (make test) or "long"
# (make fuzz). Each package's test binary is built once with fuzzing
# instrumentation and run per target from the package folder, so a crash is
# saved under the package's testdata/fuzz and from then on replayed by plain
# `go test` as a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-short}
case "$mode" in
  short) fuzztime=${FUZZTIME:-3s} ;;
  long)  fuzztime=${FUZZTIME:-60s} ;;
  *) echo "usage: $0 short|long" >&2; exit 2 ;;
esac
export CGO_ENABLED=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$(pwd)
total=0
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  targets=$(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u || true)
  [ -n "$targets" ] || continue
  bin="$work/$(basename "$dir").test"
  go test -c -fuzz=. -o "$bin" "$pkg"
  for target in $targets; do
    echo "fuzz $pkg $target ($fuzztime)"
    run() {
      (cd "$dir" && "$bin" -test.run='^$' -test.fuzz="^${target}\$" -test.fuzztime="$fuzztime" \
        -test.fuzzcachedir="$work/cache" >"$work/log" 2>&1)
    }
    # Go's fuzzing engine sometimes ends a run at its time limit with
    # "context deadline exceeded" and no failing input (a worker still
    # busy when the time is up): that says nothing of the code, so such a
    # run is tried once more. A real failure saves its input and fails.
    run || { grep -q 'context deadline exceeded' "$work/log" && ! grep -q 'Failing input written' "$work/log" &&
      echo "fuzz $pkg $target: the engine stopped at its time limit; once more" && run; } || {
      cat "$work/log"; echo "fuzz target $target in $pkg failed; the input is saved under ${dir#$root/}/testdata/fuzz" >&2; exit 1; }
    total=$((total + 1))
  done
done
echo "fuzzed $total targets for $fuzztime each"
