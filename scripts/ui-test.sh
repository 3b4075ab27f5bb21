#!/usr/bin/env bash
# The frontend's tests: type check, Vitest unit tests of the stores and the
# API client, then end-to-end tests in Debian's Chromium against
# `storydiff-cli serve` on a fresh archive (build it first: make build-cli).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/frontend-build.sh deps
(cd frontend && npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings && npx vitest run)

[ -x build/bin/storydiff-cli ] || { echo "ui-test: build/bin/storydiff-cli missing (make build-cli)" >&2; exit 1; }
STORYDIFF_CLI="$PWD/build/bin/storydiff-cli" node --test --test-concurrency=1 e2e/
