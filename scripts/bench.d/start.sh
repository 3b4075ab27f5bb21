#!/usr/bin/env bash
# Start of commands that read the archive, beside sqlite3 on the same archive
# in the same run (bench/startbench prints its own section). Uses
# $STORYDIFF_BENCH_DB when bench.sh made one, else generates a small archive;
# runs alone too: `bash scripts/bench.d/start.sh`.
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/deps.sh bench >&2
# The binary `make build-cli` builds; run alone without it, the same build
# without the frontend (the UI is not timed here).
bin=build/bin/storydiff-cli
if [ ! -x "$bin" ]; then
	bin=build/bin/storydiff-bench
	CGO_ENABLED=0 go build -o "$bin" .
fi
args=()
if [ -n "${STORYDIFF_BENCH_DB:-}" ]; then
	args=(-db "$STORYDIFF_BENCH_DB")
fi
echo
go run ./bench/startbench -storydiff "$bin" "${args[@]}"
