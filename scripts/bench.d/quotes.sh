#!/usr/bin/env bash
# Quote finder: Find on a 10 KB article and Group over 10,000 quotes (the
# Go benchmarks of package quotes), as a Markdown table.
set -euo pipefail
echo
echo "## Quotes"
echo
echo "\`go test -run '^\$' -bench . -benchmem ./quotes\`"
echo
echo "| benchmark | time/op | memory/op | allocs/op | result |"
echo "|---|---|---|---|---|"
go test -run '^$' -bench . -benchmem ./quotes | awk '/^Benchmark/ {
  t = $3 / 1e6; extra = ""
  for (i = 4; i < NF; i++) {
    if ($(i+1) == "B/op") mem = $i
    if ($(i+1) == "allocs/op") al = $i
    if ($(i+1) == "quotes" || $(i+1) == "groups") extra = $i " " $(i+1)
  }
  printf "| %s | %.2f ms | %.0f KB | %s | %s |\n", $1, t, mem / 1024, al, extra
}'
