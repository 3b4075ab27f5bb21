#!/usr/bin/env bash
# Diff engine: in process, and whole processes against git diff --word-diff
# on the same files in the same run (diffbench prints its own "## Diff"
# section with the command). Runs alone too: `bash scripts/bench.d/diff.sh`.
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
echo
go run ./bench/diffbench -storydiff "$bin"
