#!/usr/bin/env bash
# Scale: import, analysis, one-file import, search, the first library page and
# verdicts on a generated archive, each step a process of the real binary with
# its peak memory.
# SCALE_ARTICLES sets the size of the live run (default 100,000: about 15
# minutes on 2 cores; its analysis peaks near 0.5 GB); the million-article
# figures take two hours on this machine, so they are recorded from a
# separate run (bench/scale/recorded.md) with the command that made them.
set -euo pipefail
n=${SCALE_ARTICLES:-100000}
bin=build/bin/storydiff-cli
[ -x "$bin" ] || CGO_ENABLED=0 go build -o "$bin" .
echo
echo "## Scale"
echo
cat bench/scale/recorded.md
echo
echo "\`go run ./bench/scale -bin $bin -n $n\` (measured $(date -u +%Y-%m-%d); each step is one process;"
echo "peak memory is the kernel's max RSS of that process; archive size counts the WAL)"
echo
# A step that fails or passes the memory limit is in the table with how far
# it got; the other benchmarks still run.
go run ./bench/scale -bin "$bin" -n "$n" -progress 5m || echo "(stopped early: see the last row)"
