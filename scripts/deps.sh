#!/usr/bin/env bash
# Installs what StoryDiff needs on a fresh Debian 12 (Go, Node 20 and npm assumed).
#   scripts/deps.sh desktop  -> GTK/WebKit headers to build the desktop window
#   scripts/deps.sh test     -> the desktop set plus what the UI and window tests use,
#                               and the frontend's npm packages (npm ci)
#   scripts/deps.sh bench    -> the reference commands benchmarks time beside
#                               storydiff (sqlite3, git)
# Idempotent and quick when everything is present: apt is asked only about
# missing packages, and `apt-get update` runs only when an install is needed.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-}"
desktop_pkgs=(build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev)
test_pkgs=("${desktop_pkgs[@]}" xvfb xauth imagemagick xdotool fonts-dejavu-core chromium poppler-utils git)
bench_pkgs=(sqlite3 git)

case "$what" in
desktop) pkgs=("${desktop_pkgs[@]}") ;;
test) pkgs=("${test_pkgs[@]}") ;;
bench) pkgs=("${bench_pkgs[@]}") ;;
*)
	echo "usage: $0 desktop|test|bench" >&2
	exit 2
	;;
esac

missing=()
for p in "${pkgs[@]}"; do
	# dpkg-query prints "install ok installed" only for a fully installed package.
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing+=("$p")
	fi
done

if ((${#missing[@]})); then
	sudo=()
	if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
	echo "deps: installing ${missing[*]}" >&2
	export DEBIAN_FRONTEND=noninteractive
	# Only refresh the package lists when they are absent or do not know a package.
	if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e lock -e partial)" ] ||
		! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
		"${sudo[@]}" apt-get update -q
	fi
	"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ "$what" = test ]; then
	./scripts/frontend-build.sh deps
fi
