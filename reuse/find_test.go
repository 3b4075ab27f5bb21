package reuse_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storydiff/storydiff/reuse"
)

func seed(t testing.TB, prefix string) string {
	t.Helper()
	fs, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", prefix+"_*.txt"))
	if err != nil || len(fs) != 1 {
		t.Fatalf("seed %s: %v %v", prefix, fs, err)
	}
	b, err := os.ReadFile(fs[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// covers reports whether some passage holds, in a's copy, the words wantA
// and, in b's copy, the words wantB (each compared case-insensitively).
func covers(ps []reuse.Passage, wantA, wantB []string) bool {
	for _, p := range ps {
		if containsAll(p.AText, wantA) && containsAll(p.BText, wantB) {
			return true
		}
	}
	return false
}

func containsAll(s string, words []string) bool {
	s = strings.ToLower(s)
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// The seed articles carry one statement by the Pentagon, reworded by each
// outlet: the finder must link every pair of them.
func TestSeedsLinesOfCommunication(t *testing.T) {
	texts := map[string]string{"002": seed(t, "002"), "003": seed(t, "003"), "004": seed(t, "004")}
	// The words each outlet's copy of the statement keeps.
	core := map[string][]string{
		"002": {"importance", "maintaining", "communication"},
		"003": {"important", "maintain", "communication"},
		"004": {"importance", "maintaining", "communication"},
	}
	for _, pair := range [][2]string{{"002", "003"}, {"002", "004"}, {"003", "004"}} {
		a, b := pair[0], pair[1]
		for _, swap := range []bool{false, true} {
			if swap {
				a, b = b, a
			}
			ps := reuse.Find(texts[a], texts[b], reuse.Options{})
			if !covers(ps, core[a], core[b]) {
				t.Errorf("%s-%s: no passage with %v / %v among %d: %+v", a, b, core[a], core[b], len(ps), ps)
			}
		}
	}
}

func TestSeedsFirstTimeSince(t *testing.T) {
	ps := reuse.Find(seed(t, "000"), seed(t, "001"), reuse.Options{})
	phrase := []string{"for the first time since february 18"}
	if !covers(ps, phrase, phrase) {
		t.Fatalf("no passage with %q among %+v", phrase[0], ps)
	}
	for _, p := range ps {
		if strings.Contains(p.AText, "February 18") && !strings.HasPrefix(p.AText, "for the first") {
			t.Errorf("passage should start where the copies start agreeing, got %q", p.AText)
		}
	}
}

func TestOffsetsAreRunes(t *testing.T) {
	a, b := seed(t, "002"), seed(t, "004")
	ra, rb := []rune(a), []rune(b)
	ps := reuse.Find(a, b, reuse.Options{})
	if len(ps) == 0 {
		t.Fatal("no passage")
	}
	for _, p := range ps {
		if string(ra[p.AStart:p.AEnd]) != p.AText || string(rb[p.BStart:p.BEnd]) != p.BText {
			t.Errorf("offsets do not give the texts: %+v", p)
		}
		if p.Score <= 0 || p.Score > 1 {
			t.Errorf("score %v out of (0,1]", p.Score)
		}
	}
}

func TestVerbatimIsExact(t *testing.T) {
	quote := "The committee will publish its final report on the harbour dredging contract before the end of the summer recess."
	a := "Councillors met on Monday. " + quote + " Nothing else was decided."
	b := "In other news, the ferry was late. “" + strings.ToUpper(quote[:1]) + quote[1:] + "” The weather stayed dry."
	ps := reuse.Find(a, b, reuse.Options{})
	if len(ps) != 1 {
		t.Fatalf("want one passage, got %+v", ps)
	}
	p := ps[0]
	if !p.Exact || p.Score != 1 || !strings.HasPrefix(p.AText, "The committee") || !strings.HasSuffix(p.AText, "recess") {
		t.Errorf("want the exact quote, got %+v", p)
	}
}

func TestReworded(t *testing.T) {
	src := "Dock workers in the port of Valmora ended a nine-day strike on Tuesday after the harbour authority agreed to raise night-shift pay and hire forty more crane operators before the winter season."
	// Words inserted, dropped, replaced and moved about.
	re := "After the harbour authority agreed on Tuesday to hire forty additional crane operators and raise pay for night shifts before winter, dock workers at Valmora's port called off their nine-day strike."
	filler := "The regional football league announced its fixtures for the coming season, with the opening match set for a Saturday afternoon."
	ps := reuse.Find(filler+" "+src, re+" "+filler, reuse.Options{})
	found := false
	for _, p := range ps {
		if strings.Contains(p.AText, "crane operators") && strings.Contains(p.BText, "crane operators") {
			found = true
			if p.Exact {
				t.Errorf("reworded passage marked exact: %+v", p)
			}
		}
	}
	if !found {
		t.Fatalf("reworded passage not found: %+v", ps)
	}
}

// Texts drawn independently from one vocabulary with news-like word
// frequencies (a few words very common, most rare) share many words and no
// passage.
func TestUnrelatedGeneratedTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	vocab := make([]string, 3000)
	for i := range vocab {
		w := make([]byte, 3+r.IntN(7))
		for k := range w {
			w[k] = byte('a' + r.IntN(26))
		}
		vocab[i] = string(w)
	}
	glue := strings.Fields("the a of in on and to for with at by from")
	zipf := rand.NewZipf(rand.New(rand.NewPCG(3, 5)), 1.1, 2, uint64(len(vocab)-1))
	gen := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			if i%3 == 0 {
				b.WriteString(glue[r.IntN(len(glue))])
			} else {
				b.WriteString(vocab[zipf.Uint64()])
			}
			b.WriteByte(' ')
		}
		return b.String()
	}
	for i := 0; i < 20; i++ {
		a, b := gen(2000), gen(2000)
		if ps := reuse.Find(a, b, reuse.Options{}); len(ps) != 0 {
			t.Fatalf("unrelated texts share %d passages, first %+v", len(ps), ps[0])
		}
	}
}

func TestDeterministicAndSafe(t *testing.T) {
	a, b := seed(t, "000"), seed(t, "001")
	first := reuse.Find(a, b, reuse.Options{})
	for i := 0; i < 3; i++ {
		again := reuse.Find(a, b, reuse.Options{})
		if len(again) != len(first) {
			t.Fatalf("run %d: %d passages, first run %d", i, len(again), len(first))
		}
		for k := range again {
			if again[k] != first[k] {
				t.Fatalf("run %d differs at %d: %+v vs %+v", i, k, again[k], first[k])
			}
		}
	}
	for _, pair := range [][2]string{{"", ""}, {"word", ""}, {"\xff\xfe bad", a}, {strings.Repeat("the ", 500), strings.Repeat("the ", 500)}} {
		for _, p := range reuse.Find(pair[0], pair[1], reuse.Options{}) {
			if !utf8.ValidString(p.AText) && p.AEnd > utf8.RuneCountInString(pair[0]) {
				t.Errorf("bad passage %+v", p)
			}
		}
	}
}
