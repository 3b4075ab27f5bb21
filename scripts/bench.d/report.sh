#!/usr/bin/env bash
# Prints the "## Reports" section of BENCHMARKS.md: a story report on 50
# versions of a 10 KB article, in every format, from the archive to the bytes
# (49 word diffs, their shared passages, the rendering).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CGO_ENABLED=0
runs=${BENCH_REPORT_RUNS:-3}
out=$(go test ./app -run '^$' -bench '^BenchmarkReportStory50$' -benchtime "${runs}x" -count 1)
echo "## Reports"
echo
echo "\`go test ./app -run '^\$' -bench BenchmarkReportStory50 -benchtime ${runs}x\`: a story report on 50 versions"
echo "of a 10 KB article (each an edit of the one before: words replaced, a sentence added, every fifth a paragraph"
echo "moved), mean of $runs runs. Wall time is what a user waits; CPU time is the process's user + system time per"
echo "report, which a loaded machine does not inflate. Aims: HTML under 2 s, PDF under 5 s."
echo
echo "| Format | Wall time (s) | CPU time (s) | Size (MB) |"
echo "|---|---:|---:|---:|"
echo "$out" | awk '/^BenchmarkReportStory50\// {
  split($1, name, "/"); sub(/-[0-9]+$/, "", name[2])
  wall = ""; cpu = ""; mb = ""
  for (i = 3; i < NF; i++) {
    if ($(i+1) == "ns/op") wall = sprintf("%.2f", $i / 1e9)
    if ($(i+1) == "cpu-s/op") cpu = sprintf("%.2f", $i)
    if ($(i+1) == "MB") mb = sprintf("%.2f", $i)
  }
  printf "| %s | %s | %s | %s |\n", name[2], wall, cpu, mb
}'
echo
echo "Machine load while measuring (1-minute load average / cores): $(cut -d' ' -f1 /proc/loadavg) / $(nproc)."
echo
