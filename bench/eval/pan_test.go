package main

import (
	"strings"
	"testing"
)

// The generated pairs' ground truth must point at the inserted text: a
// verbatim case is the same words at both offsets, an obfuscated one
// shares most of its words with its source, and negative pairs have none.
func TestPANPairsGroundTruth(t *testing.T) {
	pool := generatedPool()
	syn := synonyms()
	sub := func(s string, off, n int) string { return string([]rune(s)[off : off+n]) }
	for _, p := range panPairs(pool, 0, 20, 0, true, syn) {
		if len(p.cases) == 0 {
			t.Fatal("a positive pair without cases")
		}
		for _, c := range p.cases {
			if a, b := sub(p.susp, c.tOff, c.tLen), sub(p.src, c.sOff, c.sLen); strings.Join(strings.Fields(a), " ") != strings.Join(strings.Fields(b), " ") {
				t.Fatalf("verbatim case differs:\n%q\n%q", a, b)
			}
		}
	}
	for _, p := range panPairs(pool, 100, 20, 0.3, true, syn) {
		for _, c := range p.cases {
			a, b := strings.Fields(sub(p.susp, c.tOff, c.tLen)), strings.Fields(sub(p.src, c.sOff, c.sLen))
			inB := map[string]bool{}
			for _, w := range b {
				inB[w] = true
			}
			kept := 0
			for _, w := range a {
				if inB[w] {
					kept++
				}
			}
			if share := float64(kept) / float64(len(a)); share < 0.5 || share > 0.99 || strings.Join(a, " ") == strings.Join(b, " ") {
				t.Errorf("obfuscated case keeps %.2f of its words (%d vs %d words)", share, len(a), len(b))
			}
		}
	}
	for _, p := range panPairs(pool, 200, 5, 0, false, syn) {
		if len(p.cases) != 0 || p.susp == "" || p.src == "" {
			t.Fatalf("negative pair: %d cases", len(p.cases))
		}
	}
}

// Generated pairs are the same on every run, so figures can be compared.
func TestPANPairsDeterministic(t *testing.T) {
	pool := generatedPool()
	x := panPairs(pool, 0, 5, 0.2, true, synonyms())
	y := panPairs(generatedPool(), 0, 5, 0.2, true, synonyms())
	for i := range x {
		if x[i].susp != y[i].susp || x[i].src != y[i].src || len(x[i].cases) != len(y[i].cases) {
			t.Fatalf("pair %d differs between runs", i)
		}
	}
}
