#!/usr/bin/env bash
# Diff engine: in process, and whole processes against git diff --word-diff
# (diffbench prints its own "## Diff" section with the command).
set -euo pipefail
echo
go run ./bench/diffbench -storydiff build/bin/storydiff-cli
