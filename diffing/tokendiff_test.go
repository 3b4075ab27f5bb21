package diffing

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// The matcher asks go-diff's DiffMainRunesSpans (added in third_party/go-diff)
// for positions instead of DiffMainRunes for strings: it must give the same
// operations, with and without the time limit that turns on the half match,
// and so must DiffMainRunesSpansWith with one set of buffers reused for every
// pair, as the matcher reuses them (pairs of every size in turn, so that a
// pair meets vectors and lists left longer by the one before).
func TestSpansAreDiffMainRunes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, timeout := range []time.Duration{0, time.Hour} {
		dmp := diffmatchpatch.New()
		dmp.DiffTimeout = timeout
		var buf diffmatchpatch.SpanBuffers
		for k := range 20_000 {
			a, b := randomTokenPair(rng)
			want := spansOf(dmp.DiffMainRunes(a, b, false))
			got := dmp.DiffMainRunesSpans(a, b)
			if !slices.Equal(got, want) {
				t.Fatalf("case %d (timeout %v):\nA %q\nB %q\nDiffMainRunes      %v\nDiffMainRunesSpans %v", k, timeout, string(a), string(b), want, got)
			}
			reused := dmp.DiffMainRunesSpansWith(&buf, a, b)
			if !slices.Equal(reused, want) {
				t.Fatalf("case %d (timeout %v), buffers reused:\nA %q\nB %q\nDiffMainRunes          %v\nDiffMainRunesSpansWith %v", k, timeout, string(a), string(b), want, reused)
			}
		}
	}
}

// spansOf gives the positions of DiffMainRunes's operations.
func spansOf(diffs []diffmatchpatch.Diff) []diffmatchpatch.Span {
	var out []diffmatchpatch.Span
	i, j := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		out = append(out, diffmatchpatch.Span{Type: d.Type, A: i, B: j, Len: n})
		if d.Type != diffmatchpatch.DiffInsert {
			i += n
		}
		if d.Type != diffmatchpatch.DiffDelete {
			j += n
		}
	}
	return out
}

// randomTokenPair draws two sequences of token ids like the matcher's: B is
// an edited copy of A (words replaced, dropped, added, a passage moved) or,
// now and then, unrelated to it. Small alphabets make the repeats that the
// half match, the bisection's ties and the merging's shifts turn on.
func randomTokenPair(rng *rand.Rand) (a, b []rune) {
	alphabet := []rune{'a', 'b', 'c', ' ', ',', 'é', '中', 0x10000, 0xE000, 'x', 'y', 'z', '.', 0x10FFFF - 0x800}
	size := 2 + rng.IntN(len(alphabet)-1)
	draw := func() rune { return alphabet[rng.IntN(size)] }
	a = make([]rune, rng.IntN(120))
	for i := range a {
		a[i] = draw()
	}
	if rng.IntN(10) == 0 {
		b = make([]rune, rng.IntN(120))
		for i := range b {
			b[i] = draw()
		}
		return a, b
	}
	share := rng.Float64() * 0.4
	for i := 0; i < len(a); i++ {
		switch r := rng.Float64(); {
		case r < share/3:
			b = append(b, draw())
		case r < 2*share/3:
		case r < share:
			b = append(b, a[i], draw())
		default:
			b = append(b, a[i])
		}
	}
	if len(b) > 10 && rng.IntN(4) == 0 {
		i, j := rng.IntN(len(b)/2), len(b)/2+rng.IntN(len(b)/2)
		moved := slices.Clone(b[i : i+(j-i)/3])
		b = slices.Insert(slices.Delete(b, i, i+len(moved)), j-len(moved), moved...)
	}
	return a, b
}
