#!/usr/bin/env bash
# Import throughput beside its reference (bench/ftsref: the same files into
# one FTS5 table in one transaction), each a process of its own in the same
# run: the BBC corpus without and with analysis, and IMPORT_ARTICLES
# generated 3 KB articles (default 50,000). Runs alone too:
# `bash scripts/bench.d/import.sh`; IMPORT_PROFILES=DIR also keeps a CPU
# and a heap profile of each storydiff step.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=build/bin/storydiff-cli
if [ ! -x "$bin" ]; then
	bin=build/bin/storydiff-bench
	CGO_ENABLED=0 go build -o "$bin" .
fi
args=(-bin "$bin" -n "${IMPORT_ARTICLES:-50000}")
[ -n "${IMPORT_PROFILES:-}" ] && args+=(-profiles "$IMPORT_PROFILES")
echo
go run ./bench/importspeed "${args[@]}"
