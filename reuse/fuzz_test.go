package reuse_test

import (
	"testing"
	"unicode/utf8"

	"github.com/storydiff/storydiff/reuse"
)

// Whatever the input (invalid UTF-8, combining marks, digits with points and
// commas), passages point inside their texts, carry the text they point
// at, score within 0..1, and come out the same on a second run.
func FuzzFind(f *testing.F) {
	quote := "the importance of maintaining lines of communication amid the ongoing war"
	f.Add("Austin stressed "+quote+" on Friday.", "Officials said Austin emphasised "+quote+", a readout said.")
	f.Add("for the first time since February 18, 1,348 people", "exchanged \u201cfor the first time since February 18\u201d and 1,348")
	f.Add("\xff\xfe bad bytes e\u0301e\u0301 word word word word word word word", "word word word word word word word e\u0301")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		ps := reuse.Find(a, b, reuse.Options{})
		ra, rb := []rune(a), []rune(b)
		for _, p := range ps {
			if p.AStart < 0 || p.AStart >= p.AEnd || p.AEnd > len(ra) || p.BStart < 0 || p.BStart >= p.BEnd || p.BEnd > len(rb) {
				t.Fatalf("offsets out of the texts: %+v (lengths %d, %d)", p, len(ra), len(rb))
			}
			if string(ra[p.AStart:p.AEnd]) != p.AText || string(rb[p.BStart:p.BEnd]) != p.BText {
				t.Fatalf("texts do not match offsets: %+v", p)
			}
			if !utf8.ValidString(p.AText) || !utf8.ValidString(p.BText) {
				t.Fatalf("invalid UTF-8 in %+v", p)
			}
			if p.Score < 0 || p.Score > 1 {
				t.Fatalf("score %v", p.Score)
			}
		}
		again := reuse.Find(a, b, reuse.Options{})
		if len(again) != len(ps) {
			t.Fatalf("second run: %d passages, first %d", len(again), len(ps))
		}
		for i := range ps {
			if again[i] != ps[i] {
				t.Fatalf("second run differs: %+v vs %+v", again[i], ps[i])
			}
		}
	})
}
