#!/usr/bin/env bash
# Runs the benchmarks and writes BENCHMARKS.md: each benchmark prints a
# Markdown section; this script adds the machine and the command.
set -euo pipefail
cd "$(dirname "$0")/.."
export CGO_ENABLED=0
N=${BENCH_ARTICLES:-100000}
out=$(mktemp)
# The generated archive is made once and shared with the benchmarks that
# need one (the browser UI's), through STORYDIFF_BENCH_DB.
work=$(mktemp -d)
trap 'rm -rf "$work" "$out"' EXIT
export STORYDIFF_BENCH_DB="$work/archive.db" BENCH_ARTICLES="$N"
{
  echo "# Benchmarks"
  echo
  echo "Produced by \`make bench\` (scripts/bench.sh) on $(date -u +%Y-%m-%d)."
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1e6}' /proc/meminfo) RAM,"\
       "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go version | cut -d' ' -f3)."
  echo "The machines are shared: compare figures measured in the same run, not across runs."
  echo
  echo "## Archive"
  echo
  echo "\`go run ./bench/importbench -n $N\`"
  echo
  go run ./bench/importbench -n "$N" -dir "$work"
  rm -rf "$work/corpus"
  for extra in scripts/bench.d/*.sh; do
    [ -e "$extra" ] || continue
    bash "$extra"
  done
} > "$out"
cp "$out" BENCHMARKS.md
echo "wrote BENCHMARKS.md"
