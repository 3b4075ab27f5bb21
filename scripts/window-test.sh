#!/usr/bin/env bash
# Opens the real desktop window under Xvfb on a temporary archive holding the
# seed articles, drives it with xdotool and checks screenshots are not blank;
# then an empty archive's first run, and the sample's pictures opened by --open.
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
	# The seeds, and a republished copy of seed 000 (a new headline, one
	# word changed) so that the duplicates view has a group to show.
	mkdir "$tmp/extra"
	sed -e '1s/^/UPDATED: /' -e 's/Pentagon/US Defense Department/' testdata/seeds/000_*.txt >"$tmp/extra/republished-000.txt"
	"$bin" import testdata/seeds "$tmp/extra" >/dev/null
	"$bin" analyze >/dev/null
	exec xvfb-run -a -s "-screen 0 1280x900x24" "$0" inner
fi

# --- inside Xvfb ---
app=""
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT

# open_window starts the app on $STORYDIFF_DB (with the arguments given,
# e.g. --open VIEW) and finds its window ($wid).
open_window() {
"$bin" "$@" >"$screens/window.log" 2>&1 &
app=$!
wid=""
for _ in $(seq 1 60); do
	# xdotool matches names without regard to case: keep the window whose
	# title really says StoryDiff.
	for w in $(xdotool search --onlyvisible --name StoryDiff 2>/dev/null || true); do
		case "$(xdotool getwindowname "$w")" in *StoryDiff*) wid=$w ;; esac
	done
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
}
open_window

# shot NAME: capture the window; fail when it stays (nearly) one colour, or
# the same picture as the one before (the action did nothing), for 20 s.
# WebKit's rendering is invisible to X, and on a loaded machine a view can
# take far longer than the settle time to paint, so a picture that is not
# there yet is taken again rather than failed at once.
prev=""
shot() {
	local f="$screens/$1.png" problem="" k diff total
	for _ in $(seq 1 20); do
		import -window "$wid" "$f"
		k=$(identify -format '%k' "$f")
		problem=""
		if [ "$k" -le "$min_colours" ]; then
			problem="$f looks blank ($k colours, want more than $min_colours)"
		elif [ -n "$prev" ]; then
			# A new view changes far more than a focus ring: ask for 2% of the pixels.
			diff=$(compare -metric AE "$prev" "$f" null: 2>&1 || true)
			diff=${diff%% *}
			total=$(identify -format '%[fx:w*h]' "$f")
			if [ "${diff%.*}" -lt $((total / 50)) ]; then
				problem="$f is nearly the same as $prev ($diff pixels differ): the view did not change"
			fi
		fi
		[ -z "$problem" ] && break
		sleep 1
	done
	if [ -n "$problem" ]; then
		echo "window-test: $problem" >&2
		exit 1
	fi
	echo "window-test: $f: $k colours${prev:+, ${diff} pixels differ from $prev}"
	prev=$f
}

# settle: what the page shows is invisible to X, so wait a fixed, generous
# time for WebKit to render after each action.
settle() { sleep "${1:-2}"; }

settle 3
shot library

# Keys go to the focused window (GTK ignores synthetic events sent to a
# window), and without a window manager nothing focuses it but us.
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"

# Open the second article from the keyboard: the library's table has the
# focus when it opens; Home, Down, Enter.
xdotool key Home Down Return
settle 2
shot article

# The other views through their keyboard shortcuts (Alt+2..5).
for v in 2:duplicates 3:stories 4:overview 5:import; do
	xdotool key "alt+${v%%:*}"
	settle 1.5
	shot "${v#*:}"
done

# The first run: an empty archive offers the sample, its button focused;
# Enter opens it.
kill "$app"
wait "$app" 2>/dev/null || true
STORYDIFF_DB="$(dirname "$STORYDIFF_DB")/empty/archive.db"
export STORYDIFF_DB
mkdir -p "$(dirname "$STORYDIFF_DB")"
open_window
prev=""
settle 3
shot first-run-empty
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"
xdotool key Return
settle 4
shot first-run-sample
sample="$(dirname "$STORYDIFF_DB")/storydiff-sample/sample.db"
[ -f "$sample" ] || { echo "window-test: no sample archive was made" >&2; exit 1; }

# The pictures, opened from the command line on a deep link (--open): the
# sample thread's timeline, its largest event's reuse network, the
# overview.
kill "$app"
wait "$app" 2>/dev/null || true
STORYDIFF_DB=$sample
export STORYDIFF_DB
thread=$("$bin" threads --json | sed -n 's/^ *"id": \([0-9]*\),*$/\1/p' | head -1)
event=$("$bin" stories --json | sed -n 's/^ *"id": \([0-9]*\),*$/\1/p' | head -1)
[ -n "$thread" ] && [ -n "$event" ] || { echo "window-test: the sample has no thread or event" >&2; exit 1; }
prev=""
for v in "timeline:#/thread/$thread" "network:#/story/$event/network" "overview:#/overview"; do
	open_window --open "${v#*:}"
	settle 4
	shot "window-${v%%:*}"
	kill "$app"
	wait "$app" 2>/dev/null || true
done
echo "window-test: ok"
