#!/usr/bin/env bash
# Opens the real desktop window under Xvfb on a temporary archive holding the
# seed articles, drives it with xdotool and checks screenshots are not blank.
# Screenshots are kept in build/screens/ (look at them).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=build/bin/storydiff
screens=build/screens
min_colours=50

if [ "${1:-}" != inner ]; then
	[ -x "$bin" ] || { echo "window-test: $bin missing (make build)" >&2; exit 1; }
	mkdir -p "$screens"
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	export STORYDIFF_DB="$tmp/archive.db"
	"$bin" import testdata/seeds >/dev/null
	exec xvfb-run -a -s "-screen 0 1280x900x24" "$0" inner
fi

# --- inside Xvfb ---
"$bin" >"$screens/window.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT

wid=""
for _ in $(seq 1 60); do
	wid=$(xdotool search --onlyvisible --name StoryDiff 2>/dev/null | head -1 || true)
	[ -n "$wid" ] && break
	if ! kill -0 "$app" 2>/dev/null; then
		echo "window-test: the app exited before showing a window:" >&2
		cat "$screens/window.log" >&2
		exit 1
	fi
	sleep 0.5
done
[ -n "$wid" ] || { echo "window-test: no window named StoryDiff within 30 s" >&2; exit 1; }
echo "window-test: window $wid: $(xdotool getwindowname "$wid")"

# shot NAME: capture the window and fail when it is (nearly) one colour.
shot() {
	local f="$screens/$1.png"
	import -window "$wid" "$f"
	local k
	k=$(identify -format '%k' "$f")
	echo "window-test: $f: $k colours"
	if [ "$k" -le "$min_colours" ]; then
		echo "window-test: $f looks blank ($k colours, want more than $min_colours)" >&2
		exit 1
	fi
}

# settle: what the page shows is invisible to X, so wait a fixed, generous
# time for WebKit to render after each action.
settle() { sleep "${1:-2}"; }

settle 3
shot library

# Open the first article from the keyboard: focus the table, Enter.
xdotool mousemove --window "$wid" 300 140 click 1
settle 0.5
xdotool key --window "$wid" Home Return
settle 2
shot article

# The import view through its navigation link in the header.
xdotool mousemove --window "$wid" 215 20 click 1
settle 1.5
shot import
echo "window-test: ok"
