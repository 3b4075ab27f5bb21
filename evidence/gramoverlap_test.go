package evidence

import (
	"math/rand"
	"slices"
	"testing"
)

// gramOverlapByBranches is gramOverlap as first written: the samples
// counted to the limit and merged with a branch on their order.
func gramOverlapByBranches(a, b []uint32) (float64, float64) {
	if len(a) == 0 || len(b) == 0 {
		return 0, 0
	}
	limit := min(a[len(a)-1], b[len(b)-1])
	na, nb := 0, 0
	for na < len(a) && a[na] <= limit {
		na++
	}
	for nb < len(b) && b[nb] <= limit {
		nb++
	}
	n, i, j := 0, 0, 0
	for i < na && j < nb {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return float64(n) / float64(max(1, min(na, nb))), float64(n) / float64(max(1, na+nb-n))
}

// gramSample draws a sorted sample of n distinct hashes holding shared.
func gramSample(r *rand.Rand, shared []uint32, n int, top bool) []uint32 {
	set := map[uint32]bool{}
	for _, x := range shared {
		set[x] = true
	}
	if top {
		set[^uint32(0)] = true
	}
	for len(set) < n {
		set[r.Uint32()>>uint(r.Intn(8))] = true
	}
	out := make([]uint32, 0, len(set))
	for x := range set {
		out = append(out, x)
	}
	slices.Sort(out)
	return out[:n]
}

func TestGramOverlapAsMergeByBranches(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for k := range 5000 {
		var shared []uint32
		for range r.Intn(300) {
			shared = append(shared, r.Uint32()>>uint(r.Intn(8)))
		}
		a := gramSample(r, shared, r.Intn(maxGrams+1), k%7 == 0)
		b := gramSample(r, shared, r.Intn(maxGrams+1), k%5 == 0)
		x, y := gramOverlap(a, b)
		wx, wy := gramOverlapByBranches(a, b)
		if x != wx || y != wy {
			t.Fatalf("case %d (%d and %d grams): gramOverlap = %v, %v; by branches %v, %v", k, len(a), len(b), x, y, wx, wy)
		}
	}
}

func BenchmarkGramOverlap(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	var as, bs [][]uint32
	for range 100 {
		var shared []uint32
		for range r.Intn(40) {
			shared = append(shared, r.Uint32())
		}
		as = append(as, gramSample(r, shared, maxGrams, false))
		bs = append(bs, gramSample(r, shared, maxGrams, false))
	}
	b.Run("merge", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			gramOverlap(as[i%100], bs[i%100])
		}
	})
	b.Run("by-branches", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			gramOverlapByBranches(as[i%100], bs[i%100])
		}
	})
}
