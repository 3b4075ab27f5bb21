package diffing

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// wordTokensByRune is wordTokens as it was before its ASCII path: every
// character decoded and classed the same way.
func wordTokensByRune(s string, from, to pos) []pos {
	out := []pos{from}
	p := from
	prevCls := -1
	var prev rune
	prevJoin := false
	for p.b < to.b {
		r, n := utf8.DecodeRuneInString(s[p.b:to.b])
		cls := class(r)
		cut := p != from
		switch {
		case !cut:
		case prevJoin || extends(r):
			cut = false
		case cls == clsWord && prevCls == clsWord:
			cut = false
		case cls == clsSpace && prevCls == clsSpace:
			cut = false
		case prevCls == clsWord && isInnerJoiner(prev, r, s[p.b+n:to.b]):
			cut = false
			cls = clsWord
		}
		if cut {
			out = append(out, p)
		}
		prevJoin = r == '\u200D'
		prevCls, prev = cls, r
		p.b += n
		p.r++
	}
	if from != to {
		out = append(out, to)
	}
	return out
}

// countWordsByRune is countWords as it was before its ASCII path.
func countWordsByRune(s string) int {
	n := 0
	in := false
	var prev rune
	for i, r := range s {
		c := class(r)
		switch {
		case c == clsIdeo:
			n++
			in = false
		case c == clsWord || (in && extends(r)):
			if !in {
				n++
			}
			in = true
		case in && isInnerJoiner(prev, r, s[i+utf8.RuneLen(r):]):
		default:
			in = false
		}
		prev = r
	}
	return n
}

// anchorTokensByRune is anchorTokens as it was before it went byte by byte.
func anchorTokensByRune(s string, from, to pos) []pos {
	out := []pos{from}
	p := from
	stop, gap := false, false
	for p.b < to.b {
		c := s[p.b]
		space := c == ' ' || c == '\n' || c == '\t' || c == '\r'
		switch {
		case stop && gap && !space:
			out = append(out, p)
			stop, gap = false, false
		case stop && space:
			gap = true
		case !space:
			stop = false
		}
		if c == '.' || c == '!' || c == '?' || c == '\n' {
			stop = true
			gap = c == '\n'
		}
		if c < utf8.RuneSelf {
			p.b++
		} else {
			_, n := utf8.DecodeRuneInString(s[p.b:to.b])
			p.b += n
		}
		p.r++
	}
	if from != to {
		out = append(out, to)
	}
	return out
}

// tokenPieces mix ASCII words, digits with points and commas,
// apostrophes of three kinds, combining marks, joiners, emoji, ideographs
// and white space, so that every rule of the tokenizer meets the others.
var tokenPieces = []string{"a", "?", "!", ". ", ".\n", "\r\n", "U.S.", "Kyiv", "15", "8", ".", ",", "'", "\u2019", "\u02bc", " ", "  ", "\n", "\t", "\u00a0",
	"e\u0301", "\u0301", "\u200d", "👨", "\U0001F3FD", "中", "カ", "-", "!", "\"", "Ж", "٣", "\ufe0f"}

func randomTokenText(rng *rand.Rand) string {
	var b strings.Builder
	for range rng.IntN(40) {
		b.WriteString(tokenPieces[rng.IntN(len(tokenPieces))])
	}
	return b.String()
}

// TestWordTokensASCIIPath checks that wordTokens and anchorTokens cut as
// the rune-by-rune versions do, over whole texts and over ranges starting and ending
// anywhere, and that countWords counts as the rune-by-rune version does.
func TestWordTokensASCIIPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for k := range 20000 {
		s := randomTokenText(rng)
		checkTokens(t, k, s, rng)
	}
}

func FuzzWordTokens(f *testing.F) {
	f.Add("Kyiv's 15.8m, 1,000 e\u0301 👨\u200d👩 中文", uint8(3), uint8(9))
	f.Fuzz(func(t *testing.T, s string, i, j uint8) {
		s = Clean(s)
		checkTokens(t, 0, s, rand.New(rand.NewPCG(uint64(i), uint64(j))))
	})
}

func checkTokens(t *testing.T, k int, s string, rng *rand.Rand) {
	t.Helper()
	end := pos{utf8.RuneCountInString(s), len(s)}
	if got, want := wordTokens(s, pos{}, end), wordTokensByRune(s, pos{}, end); !slices.Equal(got, want) {
		t.Fatalf("case %d: wordTokens(%q) = %v, want %v", k, s, got, want)
	}
	if got, want := anchorTokens(s, pos{}, end), anchorTokensByRune(s, pos{}, end); !slices.Equal(got, want) {
		t.Fatalf("case %d: anchorTokens(%q) = %v, want %v", k, s, got, want)
	}
	if got, want := countWords(s), countWordsByRune(s); got != want {
		t.Fatalf("case %d: countWords(%q) = %d, want %d", k, s, got, want)
	}
	// A range between two rune boundaries.
	var bounds []pos
	p := pos{}
	for _, r := range s {
		bounds = append(bounds, p)
		p.b += utf8.RuneLen(r)
		p.r++
	}
	bounds = append(bounds, end)
	x, y := bounds[rng.IntN(len(bounds))], bounds[rng.IntN(len(bounds))]
	if y.b < x.b {
		x, y = y, x
	}
	if got, want := wordTokens(s, x, y), wordTokensByRune(s, x, y); !slices.Equal(got, want) {
		t.Fatalf("case %d: wordTokens(%q, %v, %v) = %v, want %v", k, s, x, y, got, want)
	}
	if got, want := anchorTokens(s, x, y), anchorTokensByRune(s, x, y); !slices.Equal(got, want) {
		t.Fatalf("case %d: anchorTokens(%q, %v, %v) = %v, want %v", k, s, x, y, got, want)
	}
	if got, want := countWords(s[x.b:y.b]), countWordsByRune(s[x.b:y.b]); got != want {
		t.Fatalf("case %d: countWords(%q) = %d, want %d", k, s[x.b:y.b], got, want)
	}
}
