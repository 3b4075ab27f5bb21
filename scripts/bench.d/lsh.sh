#!/usr/bin/env bash
# Near-duplicate search on a million generated articles, beside
# github.com/ekzhu/minhash-lsh on the same signatures.
set -euo pipefail
n=${LSH_ARTICLES:-1000000}
out=$(mktemp)
go run ./bench/eval -lsh "$n" -o "$out" -bbc /nonexistent -clough /nonexistent >/dev/null
echo
echo "## Near-duplicate index at scale"
echo
echo "\`go run ./bench/eval -lsh $n\`"
echo
# Keep only the LSH section of the evaluation report.
awk '/^## .*(LSH|million|index)/{p=1} p' "$out"
rm -f "$out"
