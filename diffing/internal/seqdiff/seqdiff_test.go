package seqdiff

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// goDiffBlocks is what the diffing package read from go-diff before this
// package: the equal runs of DiffMainRunes on one code point per token.
func goDiffBlocks(a, b []int32, timeout time.Duration) []Block {
	toRunes := func(x []int32) []rune {
		out := make([]rune, len(x))
		for i, v := range x {
			out[i] = rune(v) + 'a' // small ids, all valid code points
		}
		return out
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = timeout
	var out []Block
	i, j := 0, 0
	for _, d := range dmp.DiffMainRunes(toRunes(a), toRunes(b), false) {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			out = append(out, Block{i, j, n})
			i += n
			j += n
		case diffmatchpatch.DiffDelete:
			i += n
		case diffmatchpatch.DiffInsert:
			j += n
		}
	}
	return out
}

// edited returns a copy of x with about share of its tokens replaced,
// deleted, inserted before, or with a run copied elsewhere (so that
// half-matches, containment and repeated runs all occur).
func edited(rng *rand.Rand, x []int32, share float64, alphabet int) []int32 {
	var out []int32
	for _, v := range x {
		if rng.Float64() >= share {
			out = append(out, v)
			continue
		}
		switch rng.IntN(4) {
		case 0:
			out = append(out, int32(rng.IntN(alphabet)))
		case 1:
		case 2:
			out = append(out, int32(rng.IntN(alphabet)), v)
		case 3:
			if len(x) > 0 {
				k := rng.IntN(len(x))
				out = append(out, x[k:min(len(x), k+rng.IntN(8)+1)]...)
			}
		}
	}
	return out
}

func randomSeq(rng *rand.Rand, n, alphabet int) []int32 {
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(rng.IntN(alphabet))
	}
	return out
}

// TestMatchIsGoDiff compares Match with go-diff on random pairs: related
// ones (one an edit of the other) and unrelated ones, over alphabets from
// two tokens (every run repeats) to thousands, with and without a time
// bound (with one, go-diff also tries half-matches).
func TestMatchIsGoDiff(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var m Matcher
	for k := range 3000 {
		alphabet := []int{2, 3, 5, 20, 1000}[k%5]
		n := rng.IntN([]int{8, 40, 300}[k%3] + 1)
		a := randomSeq(rng, n, alphabet)
		var b []int32
		switch k % 4 {
		case 0:
			b = randomSeq(rng, rng.IntN(n+2), alphabet)
		case 1:
			b = edited(rng, a, 0.3, alphabet)
		default:
			b = edited(rng, a, 0.05, alphabet)
		}
		if k%7 == 0 {
			a, b = b, a
		}
		for _, bounded := range []bool{false, true} {
			var deadline time.Time
			timeout := time.Duration(0)
			if bounded {
				timeout = time.Hour
				deadline = time.Now().Add(timeout)
			}
			want := goDiffBlocks(a, b, timeout)
			got := m.Match(a, b, deadline)
			if !slices.Equal(got, want) {
				t.Fatalf("case %d (bounded %v):\na=%v\nb=%v\ngot  %v\nwant %v", k, bounded, a, b, got, want)
			}
		}
	}
}

// TestMatchBlocksAreEqual checks the blocks on their own: in order, inside
// both sequences, and equal there.
func TestMatchBlocksAreEqual(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var m Matcher
	for range 500 {
		a := randomSeq(rng, rng.IntN(200), 4)
		b := edited(rng, a, 0.2, 4)
		i, j := 0, 0
		for _, bl := range m.Match(a, b, time.Now().Add(time.Hour)) {
			if bl.A < i || bl.B < j || bl.A+bl.N > len(a) || bl.B+bl.N > len(b) {
				t.Fatalf("block %+v out of order or bounds (a %d, b %d)", bl, len(a), len(b))
			}
			if !slices.Equal(a[bl.A:bl.A+bl.N], b[bl.B:bl.B+bl.N]) {
				t.Fatalf("block %+v is not equal", bl)
			}
			i, j = bl.A+bl.N, bl.B+bl.N
		}
	}
}

// BenchmarkMatch compares the two on a 30,000-token pair with 5% edits.
func BenchmarkMatch(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	x := randomSeq(rng, 30000, 3000)
	y := edited(rng, x, 0.05, 3000)
	b.Run("seqdiff", func(b *testing.B) {
		var m Matcher
		for b.Loop() {
			m.Match(x, y, time.Now().Add(time.Hour))
		}
	})
	b.Run("go-diff", func(b *testing.B) {
		for b.Loop() {
			goDiffBlocks(x, y, time.Hour)
		}
	})
}
