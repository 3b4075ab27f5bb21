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

// sharedKeys counted by position picks what topCandidates picks from the
// same counts by id, and is left cleared for the next article.
func TestSharedKeysPickAsTopCandidates(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	ids := make([]int64, 600)
	for i := range ids {
		ids[i] = int64(3*i + rng.Intn(3) + 1) // ascending, with gaps
	}
	shared := newSharedKeys(len(ids))
	for trial := 0; trial < 300; trial++ {
		counts := map[int64]int{}
		for range rng.Intn(400) {
			pos := uint32(rng.Intn(len(ids)))
			for range 1 + rng.Intn(5) {
				shared.add(pos)
				counts[ids[pos]]++
			}
		}
		self := ids[rng.Intn(len(ids))]
		n := rng.Intn(60) + 1
		extra := []int64{self, ids[rng.Intn(len(ids))], 7000}
		want := topCandidates(counts, self, extra, n)
		if got := shared.top(ids, self, extra, n); !slices.Equal(got, want) {
			t.Fatalf("trial %d (n %d): got %v, want %v", trial, n, got, want)
		}
		if len(shared.touched) != 0 || slices.ContainsFunc(shared.n, func(c int32) bool { return c != 0 }) {
			t.Fatalf("trial %d: counts left behind", trial)
		}
	}
}
