package textnorm

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/core"
)

// paragraphsOfRunes is Paragraphs as it was written on the text's runes;
// Paragraphs now walks the string and must give the same spans.
func paragraphsOfRunes(text string) []core.Span {
	rs := []rune(text)
	ls := lines(rs)
	blankBetween := func(gap []rune) bool {
		n := 0
		for k, r := range gap {
			if r == '\n' || (r == '\r' && (k+1 == len(gap) || gap[k+1] != '\n')) {
				n++
			}
		}
		return n >= 2
	}
	blank := false
	for k := 1; k < len(ls); k++ {
		if blankBetween(rs[ls[k-1].End:ls[k].Start]) {
			blank = true
			break
		}
	}
	if !blank {
		return ls
	}
	var out []core.Span
	cur := core.Span{Start: -1, End: -1}
	for k, l := range ls {
		if k > 0 && blankBetween(rs[ls[k-1].End:l.Start]) {
			out = append(out, cur)
			cur = core.Span{Start: -1, End: -1}
		}
		if cur.Start < 0 {
			cur.Start = l.Start
		}
		cur.End = l.End
	}
	if cur.Start >= 0 {
		out = append(out, cur)
	}
	return out
}

// TestParagraphsAsOnRunes compares Paragraphs with the rune version on
// random texts of line breaks (\n, \r, \r\n), Unicode white space (no-break
// space, NEL, ideographic space), multi-byte letters and broken bytes.
func TestParagraphsAsOnRunes(t *testing.T) {
	pieces := []string{"\n", "\r", "\r\n", " ", "\t", "\u00a0", "\u0085", "\u3000", "a", "word", "é", "Київ", "中", "\xff", "\xe2\x80", ".", "\n\n", " \n \n"}
	rng := rand.New(rand.NewPCG(7, 8))
	for k := range 20000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		got, want := Paragraphs(s), paragraphsOfRunes(s)
		if !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("case %d: Paragraphs(%q) = %v, want %v", k, s, got, want)
		}
	}
}

func FuzzParagraphsAsOnRunes(f *testing.F) {
	f.Add("One.\n\nTwo\r\n\r\nthree \u00a0\n")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Paragraphs(s), paragraphsOfRunes(s); !slices.Equal(got, want) {
			t.Fatalf("Paragraphs(%q) = %v, want %v", s, got, want)
		}
	})
}
