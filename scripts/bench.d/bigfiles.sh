#!/usr/bin/env bash
# Peak memory of importing large single files (a one-line text, a JSON array
# of a million records, the same as JSONL) with the built binary, measured by
# /usr/bin/time -v.
set -euo pipefail
echo
echo "## Large single files"
echo
echo "\`go run ./bench/bigfiles -storydiff build/bin/storydiff-cli\` (\`storydiff import --no-analyze\` of one file into a"
echo "new archive; peak resident memory from /usr/bin/time -v). Load average when it started: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
go run ./bench/bigfiles -storydiff build/bin/storydiff-cli
