#!/usr/bin/env bash
# Sentence alignment: aligned comparison of two 10 KB and two 200 KB
# articles, and the collation of a story of 50 versions of 10 KB (the Go
# benchmarks of package align), as a Markdown table with the aims.
set -euo pipefail
echo
echo "## Alignment"
echo
echo "\`go test -run '^\$' -bench . -benchmem ./align/\` (generated articles; each version a rewrite of the one"
echo "before: 60% of sentences reworded, some split, merged, moved, dropped or new). Load average when it"
echo "started: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| benchmark | what | time/op | memory/op | allocs/op | aim |"
echo "|---|---|---|---|---|---|"
go test -run '^$' -bench . -benchmem ./align/ | awk '
BEGIN {
  what["BenchmarkPair/aligned/10KB"] = "aligned comparison, two 10 KB articles (rows and word diffs)"; aim["BenchmarkPair/aligned/10KB"] = "< 20 ms"
  what["BenchmarkPair/aligned/200KB"] = "aligned comparison, two 200 KB articles"; aim["BenchmarkPair/aligned/200KB"] = "< 500 ms"
  what["BenchmarkPair/diff/10KB"] = "near-duplicates: word diff cut into rows, 10 KB"
  what["BenchmarkPair/mode/10KB"] = "choosing the mode, 10 KB"
  what["BenchmarkAlign/10KB"] = "sentence links alone, 10 KB"
  what["BenchmarkAlign/200KB"] = "sentence links alone, 200 KB"
  what["BenchmarkCollate"] = "collation of 50 versions of 10 KB"; aim["BenchmarkCollate"] = "< 2 s"
}
/^Benchmark/ {
  name = $1; sub(/-[0-9]+$/, "", name)
  for (i = 3; i < NF; i++) {
    if ($(i+1) == "ns/op") t = $i
    if ($(i+1) == "B/op") mem = $i
    if ($(i+1) == "allocs/op") al = $i
  }
  ms = t / 1e6
  shown = ms >= 1000 ? sprintf("%.2f s", ms / 1000) : sprintf("%.1f ms", ms)
  printf "| %s | %s | %s | %.1f MB | %s | %s |\n", name, what[name], shown, mem / 1048576, al, aim[name]
}'
echo
echo "The collation as the app serves it (the versions read from an archive; 50 versions of a 10 KB article,"
echo "each a light edit of the one before), with the process's CPU time per collation beside the wall time:"
echo
echo "\`go test -run '^\$' -bench Collation50 -benchtime 3x ./app\`"
echo
echo "| benchmark | wall time/op | CPU time/op | rows |"
echo "|---|---|---|---|"
go test -run '^$' -bench Collation50 -benchtime 3x ./app | awk '/^Benchmark/ {
  for (i = 3; i < NF; i++) {
    if ($(i+1) == "ns/op") t = $i
    if ($(i+1) == "cpu-s/op") cpu = $i
    if ($(i+1) == "rows") rows = $i
  }
  printf "| %s | %.2f s | %.2f s | %d |\n", $1, t / 1e9, cpu, rows
}'
