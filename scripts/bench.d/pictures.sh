#!/usr/bin/env bash
# The pictures' benchmark section for BENCHMARKS.md (run by scripts/bench.sh):
# how long each picture (timeline, reuse network, overview, collation heat)
# takes to draw in Chromium, on the archive of $STORYDIFF_BENCH_DB.
set -euo pipefail
cd "$(dirname "$0")/../.."

printf '## Pictures (timeline, reuse network, overview, collation heat)\n\n'
if [ ! -x build/bin/storydiff-cli ] || [ ! -x /usr/bin/chromium ] || [ ! -d frontend/node_modules/playwright-core ] || [ ! -f "${STORYDIFF_BENCH_DB:-}" ]; then
	printf 'Skipped: needs build/bin/storydiff-cli, Debian chromium, playwright-core and the archive of $STORYDIFF_BENCH_DB.\n\n'
	exit 0
fi
printf '`node e2e/picturebench.mjs --db ARCHIVE --runs 3`\n\n'
STORYDIFF_CLI="$PWD/build/bin/storydiff-cli" node e2e/picturebench.mjs --db "$STORYDIFF_BENCH_DB" --runs 3 2>/dev/null
printf '\n'
