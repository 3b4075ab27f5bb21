package diffing_test

import (
	"strings"
	"testing"

	"github.com/storydiff/storydiff/diffing"
)

func TestMoves(t *testing.T) {
	p1 := "Austin spoke with Belousov on Tuesday, the Pentagon said."
	p2 := "The Russian ministry confirmed the call late on Wednesday."
	p3 := "Both sides exchanged views on the war in Ukraine."
	p1edited := "Austin spoke with Belousov on Tuesday, the Pentagon said on Wednesday."
	cases := []struct {
		name, a, b string
		moves      int    // move pairs expected
		text       string // text of the move-to end, if one move
		detail     bool   // whether the move carries a word diff
	}{
		{"paragraph moved down", p1 + "\n\n" + p2 + "\n\n" + p3, p2 + "\n\n" + p3 + "\n\n" + p1, 1, p1, true},
		{"paragraph moved up", p1 + "\n\n" + p2 + "\n\n" + p3 + "\n", p3 + "\n" + p1 + "\n\n" + p2 + "\n\n", 1, p3 + "\n", false},
		{"moved and edited", p1 + "\n\n" + p2 + "\n\n" + p3, p2 + "\n\n" + p3 + "\n\n" + p1edited, 1, p1edited, true},
		{"two paragraphs moved together", p1 + "\n\n" + p2 + "\n\n" + p3 + "\n\n", p3 + "\n\n" + p1 + "\n\n" + p2 + "\n\n", 1, p3 + "\n\n", false},
		{"edited in place is no move", p1 + "\n\n" + p2, p1edited + "\n\n" + p2, 0, "", false},
		{"a short line stays, the paragraph moves", "Read more\n\n" + p1, p1 + "\n\nRead more", 1, p1 + "\n\n", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := diffing.Diff(c.a, c.b, diffing.Options{})
			checkApply(t, c.a, c.b, r)
			from, to := map[int]diffing.Op{}, map[int]diffing.Op{}
			for _, o := range r.Ops {
				if o.Op != diffing.Move {
					continue
				}
				switch o.Role {
				case diffing.MoveFrom:
					from[o.MoveID] = o
				case diffing.MoveTo:
					to[o.MoveID] = o
				default:
					t.Errorf("move op with role %q", o.Role)
				}
			}
			if len(from) != c.moves || len(to) != c.moves || r.Stats.Moves != c.moves {
				t.Fatalf("moves: %d from, %d to, stats %d; want %d (ops %+v)", len(from), len(to), r.Stats.Moves, c.moves, r.Ops)
			}
			for id, o := range to {
				if _, ok := from[id]; !ok {
					t.Errorf("move %d has no from end", id)
				}
				if c.moves == 1 && o.Text != c.text {
					t.Errorf("move-to text = %q, want %q", o.Text, c.text)
				}
				if (len(o.Detail) > 0) != c.detail {
					t.Errorf("move-to detail = %+v, want detail: %v", o.Detail, c.detail)
				}
			}
		})
	}
}

func TestMovesCanBeTurnedOff(t *testing.T) {
	a := "One two three four five six.\n\nSeven eight."
	b := "Seven eight.\n\nOne two three four five six."
	r := diffing.Diff(a, b, diffing.Options{MinMoveWords: -1})
	checkApply(t, a, b, r)
	for _, o := range r.Ops {
		if o.Op == diffing.Move {
			t.Fatalf("got a move with moves turned off: %+v", o)
		}
	}
}

func TestSentenceMoves(t *testing.T) {
	moved := "The Kremlin said the call had been requested by Washington."
	cases := []struct {
		name, a, b string
		moves      int
	}{
		{"sentence moved to another paragraph",
			"Austin and Belousov spoke on Tuesday. " + moved + "\n\nThe talks lasted about an hour and covered the war in Ukraine.\n",
			"Austin and Belousov spoke on Tuesday.\n\nThe talks lasted about an hour and covered the war in Ukraine. " + moved + "\n", 1},
		{"sentence moved and recased",
			"Austin and Belousov spoke on Tuesday. " + moved + "\n\nThe talks lasted about an hour and covered the war in Ukraine.\n",
			"Austin and Belousov spoke on Tuesday.\n\nThe talks lasted about an hour and covered the war in Ukraine. " + strings.ToUpper(moved) + "\n", 1},
		{"two sentences swapped in a paragraph",
			"Austin and Belousov spoke on Tuesday. " + moved + " Both sides declined to give details of the talks.",
			"Austin and Belousov spoke on Tuesday. Both sides declined to give details of the talks. " + moved, 1},
		{"short sentence stays a delete and insert",
			"They spoke. It was brief.\n\nThe talks lasted an hour.\n",
			"They spoke.\n\nThe talks lasted an hour. It was brief.\n", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := diffing.Diff(c.a, c.b, diffing.Options{})
			checkApply(t, c.a, c.b, r)
			if r.Stats.Moves != c.moves {
				t.Fatalf("moves = %d, want %d; ops %+v", r.Stats.Moves, c.moves, r.Ops)
			}
			for _, o := range r.Ops {
				// The final point may be matched as unchanged elsewhere.
				if o.Op == diffing.Move && strings.Trim(strings.ToLower(o.Text), " .\n") != strings.Trim(strings.ToLower(moved), ".") {
					t.Errorf("moved text = %q, want the sentence %q", o.Text, moved)
				}
			}
		})
	}
}
