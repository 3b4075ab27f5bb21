package app

import (
	"cmp"
	"math/rand"
	"slices"
	"testing"
)

// topCandidates picks what sorting every candidate would pick: the most
// shared keys, then the smallest ids.
func TestTopCandidatesIsTheSortedPrefix(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for trial := 0; trial < 200; trial++ {
		counts := map[int64]int{}
		for i := 0; i < rng.Intn(300); i++ {
			counts[int64(rng.Intn(500)+1)] = rng.Intn(6)
		}
		self := int64(rng.Intn(500) + 1)
		n := rng.Intn(40) + 1
		var want []int64
		for id, c := range counts {
			if id != self && c > 0 {
				want = append(want, id)
			}
		}
		slices.SortFunc(want, func(a, b int64) int {
			if c := cmp.Compare(counts[b], counts[a]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		want = want[:min(n, len(want))]
		extra := []int64{self, 7, 7000}
		for _, id := range extra[1:] {
			if id != self && !slices.Contains(want, id) {
				want = append(want, id)
			}
		}
		if got := topCandidates(counts, self, extra, n); !slices.Equal(got, want) {
			t.Fatalf("trial %d (n %d): got %v, want %v", trial, n, got, want)
		}
	}
}
