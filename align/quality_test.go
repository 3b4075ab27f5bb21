package align_test

import (
	"fmt"
	"testing"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/diffing/synth"
)

// tally counts linked sentence pairs against the generated truth, and how
// many moved sentences were linked as moved. A sentence the generator put
// back where it was in order is not out of order, so the share of moves
// found is a lower bound.
type tally struct{ tp, fp, fn, moves, movesFound int }

func (t *tally) add(v version, r align.Alignment) {
	got := map[truthPair]bool{}
	for _, l := range r.Links {
		for _, i := range l.A {
			for _, j := range l.B {
				got[truthPair{i, j}] = true
			}
		}
	}
	for p := range got {
		if v.truth[p] {
			t.tp++
		} else {
			t.fp++
		}
	}
	for p := range v.truth {
		if !got[p] {
			t.fn++
		}
	}
	for j := range v.moved {
		t.moves++
		if r.Links[r.LinkOfB[j]].Moved {
			t.movesFound++
		}
	}
}

func (t tally) precision() float64 { return float64(t.tp) / float64(max(1, t.tp+t.fp)) }
func (t tally) recall() float64    { return float64(t.tp) / float64(max(1, t.tp+t.fn)) }
func (t tally) f1() float64 {
	p, r := t.precision(), t.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (t tally) String() string {
	return fmt.Sprintf("precision %.3f recall %.3f F1 %.3f moves found %d/%d",
		t.precision(), t.recall(), t.f1(), t.movesFound, t.moves)
}

// corpora are the texts the quality is measured on: the five seed articles
// (real scraped news, with chrome lines and repeats) and generated articles
// whose small vocabulary makes unrelated sentences look alike.
func corpora(t testing.TB) map[string][]string {
	var gen []string
	for k := range 5 {
		gen = append(gen, synth.Article(uint64(100+k), 8_000))
	}
	return map[string][]string{"seeds": seeds(t), "generated": gen}
}

// measure aligns versions of every text, made with edits from n seeds.
func measure(t testing.TB, texts []string, n int, rt rates, opts align.Options) tally {
	var tl tally
	for k, a := range texts {
		for s := range n {
			v := gen(t, uint64(1000*k+s), a, rt)
			tl.add(v, align.Align(v.a, v.b, opts))
		}
	}
	return tl
}

func TestQuality(t *testing.T) {
	// The floors sit a little under what the defaults measure (see the
	// log), so that a change making alignment clearly worse fails here.
	floors := map[string]struct{ f1, moves float64 }{
		"seeds":     {0.97, 0.75},
		"generated": {0.97, 0.85},
	}
	for name, texts := range corpora(t) {
		t.Run(name, func(t *testing.T) {
			tl := measure(t, texts, 20, defaultRates, align.Options{})
			t.Log(tl)
			if tl.f1() < floors[name].f1 {
				t.Errorf("F1 %.3f, want at least %.2f", tl.f1(), floors[name].f1)
			}
			if share := float64(tl.movesFound) / float64(max(1, tl.moves)); share < floors[name].moves {
				t.Errorf("found %.2f of moves, want at least %.2f", share, floors[name].moves)
			}
		})
	}
}

// TestDefaultMinScore checks that DefaultMinScore stays near the best
// threshold on the generated versions; run with -v to see the sweep.
func TestDefaultMinScore(t *testing.T) {
	cs := corpora(t)
	var texts []string
	for _, name := range []string{"seeds", "generated"} {
		texts = append(texts, cs[name]...)
	}
	best, bestAt, atDefault := 0.0, 0.0, 0.0
	for _, m := range []float64{0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5} {
		tl := measure(t, texts, 8, defaultRates, align.Options{MinScore: m})
		t.Logf("MinScore %.2f: %v", m, tl)
		if tl.f1() > best {
			best, bestAt = tl.f1(), m
		}
		if m == align.DefaultMinScore {
			atDefault = tl.f1()
		}
	}
	if atDefault < best-0.01 {
		t.Errorf("F1 %.3f at the default %.2f, %.3f at %.2f", atDefault, align.DefaultMinScore, best, bestAt)
	}
}
