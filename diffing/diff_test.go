package diffing_test

import (
	"encoding/json"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/storydiff/storydiff/diffing"
	"github.com/storydiff/storydiff/diffing/synth"
)

var granularities = []diffing.Granularity{diffing.Word, diffing.Char, diffing.Sentence, diffing.Paragraph}

// checkApply fails t unless the ops of r turn a into b.
func checkApply(t *testing.T, a, b string, r *diffing.Result) {
	t.Helper()
	got, err := diffing.Apply(a, r.Ops)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if want := diffing.Clean(b); got != want {
		t.Fatalf("Apply gave %q, want %q", got, want)
	}
}

func TestApplyGivesB(t *testing.T) {
	long := synth.Article(1, 100_000)
	oneParagraph := strings.ReplaceAll(long, "\n\n", " ")
	cases := []struct {
		name, a, b string
	}{
		{"both empty", "", ""},
		{"from empty", "", "Hello world.\n"},
		{"to empty", "Hello world.\n", ""},
		{"identical", "Same text.\n\nTwice.", "Same text.\n\nTwice."},
		{"word replaced", "The quick brown fox.", "The slow brown fox."},
		{"paragraph added", "One.\n\nTwo.\n", "One.\n\nOne and a half.\n\nTwo.\n"},
		{"no final newline", "One.\n\nTwo.", "One.\n\nTwo.\n\nThree."},
		{"crlf", "One.\r\n\r\nTwo.\r\n", "One.\r\n\r\nTwo!\r\n"},
		{"invalid utf-8", "caf\xe9 au lait\xff\xfe", "caf\xc3\xa9 au lait\xff"},
		{"combining marks", "Cafe\u0301 Zu\u0308rich", "Cafe\u0300 Zurich"},
		{"right to left", "שלום עולם. مرحبا بالعالم.", "שלום לכולם. مرحبا بالعالم!"},
		{"emoji", "Hi 👋🏽 team 👨‍👩‍👧 ok", "Hi 👋 team 👨‍👩‍👧‍👦 ok!"},
		{"ideographs", "国防部长今天通话。", "国防部长昨天通话。"},
		{"control characters", "a\x00b\x1b[31mc", "a\x00b\x1b[32mc"},
		{"long one paragraph", oneParagraph, synth.Edit(2, oneParagraph, 0.05)},
		{"long article", long, synth.Edit(3, long, 0.05)},
	}
	for _, c := range cases {
		for _, g := range granularities {
			t.Run(c.name+"/"+g.String(), func(t *testing.T) {
				// No time bound: a loaded machine must not make the result coarser.
				r := diffing.Diff(c.a, c.b, diffing.Options{Granularity: g, Timeout: -1})
				checkApply(t, c.a, c.b, r)
				if r.Degraded {
					t.Errorf("degraded without a time bound: %s", r.Reason)
				}
			})
		}
	}
}

// A word diff never cuts inside a word: at every op boundary, the runes on
// either side are not both letters.
func TestWordDiffKeepsWordsWhole(t *testing.T) {
	cases := []struct{ name, a, b string }{
		{"suffix added", "The quick brown fox.", "The quick browny fox."},
		{"prefix changed", "an unlikely outcome", "a likely outcome"},
		{"shared stem", "Austin talks to counterpart", "Austin talked to counterparts"},
		{"generated", synth.Article(4, 3000), synth.Edit(5, synth.Article(4, 3000), 0.1)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := diffing.Diff(c.a, c.b, diffing.Options{})
			checkApply(t, c.a, c.b, r)
			b := []rune(c.b)
			for k := 1; k < len(r.Ops); k++ {
				p := r.Ops[k].B.Start
				if p > 0 && p < len(b) && unicode.IsLetter(b[p-1]) && unicode.IsLetter(b[p]) &&
					r.Ops[k].Op != diffing.Delete && r.Ops[k-1].Op != diffing.Delete {
					t.Errorf("op %d (%s %q) starts inside a word of B at %d", k, r.Ops[k].Op, r.Ops[k].Text, p)
				}
			}
			a := []rune(c.a)
			for k := 1; k < len(r.Ops); k++ {
				p := r.Ops[k].A.Start
				if p > 0 && p < len(a) && unicode.IsLetter(a[p-1]) && unicode.IsLetter(a[p]) &&
					r.Ops[k].Op != diffing.Insert && r.Ops[k-1].Op != diffing.Insert {
					t.Errorf("op %d (%s %q) starts inside a word of A at %d", k, r.Ops[k].Op, r.Ops[k].Text, p)
				}
			}
		})
	}
}

// changes returns the non-equal ops as "op:text" strings.
func changes(r *diffing.Result) []string {
	var out []string
	for _, o := range r.Ops {
		if o.Op != diffing.Equal {
			out = append(out, string(o.Op)+":"+o.Text)
		}
	}
	return out
}

func TestWordDiffReadsAsProse(t *testing.T) {
	cases := []struct {
		name, a, b string
		want       []string
	}{
		{"one word", "The quick brown fox jumps.", "The quick red fox jumps.", []string{"delete:brown", "insert:red"}},
		{"phrase, not word salad", "He said the cat sat on it today.", "He said a dog lay on it today.",
			[]string{"delete:the cat sat", "insert:a dog lay"}},
		{"inserted word takes its space", "sat on the mat", "sat on the big mat", []string{"insert:big "}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := diffing.Diff(c.a, c.b, diffing.Options{})
			checkApply(t, c.a, c.b, r)
			got := changes(r)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("changes = %q, want %q", got, c.want)
			}
		})
	}
}

func TestTypoHasCharacterDetail(t *testing.T) {
	a := "The goverment said on Friday."
	b := "The government said on Friday."
	r := diffing.Diff(a, b, diffing.Options{})
	checkApply(t, a, b, r)
	var detail []diffing.Op
	for _, o := range r.Ops {
		if o.Op == diffing.Insert {
			detail = o.Detail
		}
	}
	var got []string
	for _, d := range detail {
		if d.Op != diffing.Equal {
			got = append(got, string(d.Op)+":"+d.Text)
		}
	}
	if strings.Join(got, "|") != "insert:n" {
		t.Errorf("detail changes = %q, want [insert:n]", got)
	}
	// A different word is no typo: no detail.
	r = diffing.Diff("on Monday.", "on Friday.", diffing.Options{})
	for _, o := range r.Ops {
		if len(o.Detail) > 0 {
			t.Errorf("Monday -> Friday got detail %+v", o.Detail)
		}
	}
}

func TestCharGranularity(t *testing.T) {
	a, b := "The goverment said.", "The government said."
	r := diffing.Diff(a, b, diffing.Options{Granularity: diffing.Char})
	checkApply(t, a, b, r)
	if got := changes(r); strings.Join(got, "|") != "insert:n" {
		t.Errorf("changes = %q, want [insert:n]", got)
	}
}

func TestSentenceAndParagraphGranularity(t *testing.T) {
	a := "First sentence here. Second one stays.\n\nAnother paragraph."
	b := "First sentence there. Second one stays.\n\nAnother paragraph."
	cases := []struct {
		g    diffing.Granularity
		want []string
	}{
		{diffing.Sentence, []string{"delete:First sentence here. ", "insert:First sentence there. "}},
		{diffing.Paragraph, []string{"delete:First sentence here. Second one stays.\n\n", "insert:First sentence there. Second one stays.\n\n"}},
	}
	for _, c := range cases {
		t.Run(c.g.String(), func(t *testing.T) {
			r := diffing.Diff(a, b, diffing.Options{Granularity: c.g})
			checkApply(t, a, b, r)
			if got := changes(r); strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("changes = %q, want %q", got, c.want)
			}
		})
	}
}

func TestStats(t *testing.T) {
	cases := []struct {
		name, a, b               string
		opts                     diffing.Options
		inserted, deleted, moved int
		paragraphs               int
		similarity               float64
	}{
		{"identical", "a b c", "a b c", diffing.Options{}, 0, 0, 0, 0, 1},
		{"one word replaced", "alpha beta gamma", "alpha delta gamma", diffing.Options{}, 1, 1, 0, 1, 4.0 / 6},
		{"paragraph deleted", "One two.\n\nThree four.\n\nFive six.", "One two.\n\nFive six.", diffing.Options{}, 0, 2, 0, 1, 8.0 / 10},
		{"minor counted", "Zelensky spoke.", "Zelenskyy spoke.", diffing.Options{}, 1, 1, 0, 1, 2.0 / 4},
		{"minor ignored", "Zelensky spoke.", "Zelenskyy spoke.", diffing.Options{IgnoreMinor: true}, 0, 0, 0, 0, 1},
		{"moved paragraph", "Alpha beta gamma delta epsilon.\n\nZeta eta.\n\nTheta iota.", "Zeta eta.\n\nTheta iota.\n\nAlpha beta gamma delta epsilon.",
			diffing.Options{}, 0, 0, 5, 1, 1},
		{"both empty", "", "", diffing.Options{}, 0, 0, 0, 0, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := diffing.Diff(c.a, c.b, c.opts)
			checkApply(t, c.a, c.b, r)
			s := r.Stats
			if s.WordsInserted != c.inserted || s.WordsDeleted != c.deleted || s.WordsMoved != c.moved {
				t.Errorf("inserted/deleted/moved = %d/%d/%d, want %d/%d/%d", s.WordsInserted, s.WordsDeleted, s.WordsMoved, c.inserted, c.deleted, c.moved)
			}
			if s.ParagraphsChanged != c.paragraphs {
				t.Errorf("paragraphs changed = %d, want %d", s.ParagraphsChanged, c.paragraphs)
			}
			// The share of both texts' words the diff marks changed.
			if d := s.ChangedShare - (1 - c.similarity); d > 1e-9 || d < -1e-9 {
				t.Errorf("changed share = %v, want %v", s.ChangedShare, 1-c.similarity)
			}
		})
	}
}

func TestTimeBoundDegrades(t *testing.T) {
	a := synth.Article(6, 300_000)
	b := synth.Edit(7, a, 0.2)
	r := diffing.Diff(a, b, diffing.Options{Timeout: time.Microsecond})
	checkApply(t, a, b, r)
	if !r.Degraded || r.Reason == "" {
		t.Errorf("Degraded = %v, Reason = %q; want a degraded result with a reason", r.Degraded, r.Reason)
	}
	r = diffing.Diff(a, b, diffing.Options{Timeout: -1})
	checkApply(t, a, b, r)
	if r.Degraded {
		t.Errorf("unbounded diff degraded: %s", r.Reason)
	}
}

func TestDiffManyAndChain(t *testing.T) {
	v := []string{"One two three.", "One two four.", "One five four.", "Six five four."}
	many := diffing.DiffMany(v[0], v[1:], diffing.Options{})
	if len(many) != 3 {
		t.Fatalf("DiffMany gave %d results, want 3", len(many))
	}
	for k, r := range many {
		checkApply(t, v[0], v[k+1], r)
	}
	chain := diffing.DiffChain(v, diffing.Options{})
	if len(chain) != 3 {
		t.Fatalf("DiffChain gave %d results, want 3", len(chain))
	}
	for k, r := range chain {
		checkApply(t, v[k], v[k+1], r)
	}
	if got := diffing.DiffChain(v[:1], diffing.Options{}); got != nil {
		t.Errorf("DiffChain of one version = %v, want nil", got)
	}
}

// Long changed stretches, and the changed stretches between equal
// paragraphs of a long text, are refined on several cores; the ops must be
// the same as on one.
func TestParallelRefineIsDeterministic(t *testing.T) {
	text := synth.Article(8, 200_000)
	oneLine := strings.ReplaceAll(text, "\n\n", " ")
	moved := strings.Split(text, "\n\n")
	moved[3], moved[len(moved)-4] = moved[len(moved)-4], moved[3]
	for _, c := range []struct{ name, a, b string }{
		{"one paragraph", oneLine, synth.Edit(9, oneLine, 0.05)},
		{"paragraphs", text, synth.Edit(9, text, 0.05)},
		{"paragraphs, a few changed, two moved", text, synth.Edit(10, strings.Join(moved, "\n\n"), 0.002)},
	} {
		prev := runtime.GOMAXPROCS(1)
		one := diffing.Diff(c.a, c.b, diffing.Options{Timeout: -1})
		runtime.GOMAXPROCS(4)
		four := diffing.Diff(c.a, c.b, diffing.Options{Timeout: -1})
		runtime.GOMAXPROCS(prev)
		checkApply(t, c.a, c.b, four)
		if !reflect.DeepEqual(one, four) {
			t.Errorf("%s: results differ between 1 and 4 procs: %d and %d ops", c.name, len(one.Ops), len(four.Ops))
		}
	}
}

func TestEmptyDiffMarshalsOpsAsArray(t *testing.T) {
	js, err := json.Marshal(diffing.Diff("", "", diffing.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(js), `"ops":[]`) {
		t.Errorf("JSON = %s, want \"ops\":[]", js)
	}
}

// Sentence anchors never cut a number or an abbreviation.
func TestNumbersStayWhole(t *testing.T) {
	a := "Prices rose 15.8 percent in the U.S. last year. Officials said so on Monday."
	b := "Prices rose 15.9 percent in the U.K. last year. Officials said so on Monday."
	r := diffing.Diff(a, b, diffing.Options{})
	checkApply(t, a, b, r)
	got := strings.Join(changes(r), "|")
	if want := "delete:15.8|insert:15.9|delete:S|insert:K"; got != want {
		t.Errorf("changes = %q, want %q", got, want)
	}
}
