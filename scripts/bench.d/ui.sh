#!/usr/bin/env bash
# The browser build's benchmark section for BENCHMARKS.md (run by
# scripts/bench.sh): launch to the first library page, search-as-you-type
# latency and scrolling, on an archive of $BENCH_ARTICLES generated articles.
# Uses $STORYDIFF_BENCH_DB when the archive already exists, else builds one.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${BENCH_ARTICLES:-100000}

if [ ! -x build/bin/storydiff-cli ] || [ ! -x /usr/bin/chromium ] || [ ! -d frontend/node_modules/playwright-core ]; then
	printf '## User interface (browser build)\n\nSkipped: needs build/bin/storydiff-cli, Debian chromium and playwright-core (make deps-test build-cli).\n\n'
	exit 0
fi

db=${STORYDIFF_BENCH_DB:-}
if [ -z "$db" ]; then
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	# importbench leaves its archive in -dir; its own report is printed by bench.sh.
	go run ./bench/importbench -n "$N" -dir "$work" >/dev/null
	rm -rf "$work/corpus"
	db="$work/archive.db"
fi
STORYDIFF_CLI="$PWD/build/bin/storydiff-cli" node e2e/bench.mjs --db "$db" --runs 5
