#!/usr/bin/env bash
# Builds the frontend into frontend/dist (embedded by the Go binary).
#   scripts/frontend-build.sh        -> npm ci when needed, then vite build
#   scripts/frontend-build.sh deps   -> npm ci when needed, nothing else
# node_modules is reinstalled only when package-lock.json is newer than the
# install (npm writes node_modules/.package-lock.json on every install).
set -euo pipefail
cd "$(dirname "$0")/../frontend"

stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
	npm ci --no-audit --no-fund
fi
[ "${1:-}" = deps ] && exit 0

npm run --silent build

# The app runs under a CSP without 'unsafe-inline': an inline <script> in the
# built page would be blocked and leave a blank window, so refuse it here.
if grep -Eo '<script[^>]*>' dist/index.html | grep -vq ' src='; then
	echo "frontend-build: dist/index.html has an inline <script>; the CSP would block it" >&2
	exit 1
fi
touch dist/.gitkeep
