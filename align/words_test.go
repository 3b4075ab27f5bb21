package align

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/textnorm"
)

// checkWords checks that the vocabulary's word split and keys are those of
// textnorm.WordsRunes, which the rest of StoryDiff uses.
func checkWords(t *testing.T, text string) {
	t.Helper()
	v := newVocab()
	got := v.words(text, nil)
	want := textnorm.Words(text)
	if len(got) != len(want) {
		t.Fatalf("%d words, textnorm has %d in %.80q", len(got), len(want), text)
	}
	for k, w := range want {
		if key := latinKey(w.Key); v.terms[key] != got[k].id {
			t.Fatalf("word %d %q: term %d, want that of %q", k, w.Text, got[k].id, key)
		}
		if r := []rune(w.Text)[0]; r != got[k].first {
			t.Fatalf("word %d %q: first letter %q", k, w.Text, got[k].first)
		}
	}
}

func TestWordsAsTextnorm(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(paths) == 0 {
		t.Fatal("no seed articles")
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkWords(t, string(b))
	}
	for _, s := range []string{"", "Kyiv's 15.8m, 1,000 don't", "Шойгу и Белоусов 18 февраля", "a'", "'a", "1.", "x\u0301y ÉTÉ", "é\u0301"} {
		checkWords(t, s)
	}
}

func FuzzWords(f *testing.F) {
	f.Add("Kyiv's 15.8m, 1,000 don't")
	f.Add("Шойгу, Zelenskyy’s")
	f.Fuzz(func(t *testing.T, s string) {
		if s = string([]rune(s)); s != "" {
			checkWords(t, s)
		}
	})
}
