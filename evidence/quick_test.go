package evidence

import (
	"math"
	"strings"
	"testing"
)

// Quick gives Score's probabilities, for every pair of seeds, dated or not.
func TestQuickIsScore(t *testing.T) {
	for dated, dates := range [][]string{nil, importedDates, seedDates} {
		ps := seedProfilesDated(t, dates)
		for i := range ps {
			for j := range ps {
				if i == j {
					continue
				}
				e := Score(ps[i], ps[j])
				ev, th := Quick(ps[i], ps[j])
				if math.Abs(ev-e.Score) > 1e-12 || math.Abs(th-e.Thread) > 1e-12 {
					t.Errorf("seeds %d %d (dates %d): Quick %.6f %.6f, Score %.6f %.6f", i, j, dated, ev, th, e.Score, e.Thread)
				}
			}
		}
	}
}

func BenchmarkQuick(b *testing.B) {
	ps := seedProfiles(b, true)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Quick(ps[3], ps[4])
	}
}

// The list-free helpers Quick uses give what the lists Score makes give,
// to the bit, on every pair of seeds and every list a profile has.
func TestQuickHelpersAreTheListsTheyStandFor(t *testing.T) {
	ps := seedProfiles(t, true)
	for _, a := range ps {
		for _, b := range ps {
			if got, want := missingShare(a.Key, b), share(missing(a.Key, b), a.Key); got != want {
				t.Errorf("missingShare %v, share of missing %v", got, want)
			}
			for i, la := range a.lists() {
				lb := b.lists()[i]
				if got, want := lacksSome(*la, *lb), len(unshared(*la, *lb)) > 0; got != want {
					t.Errorf("list %d: lacksSome %v, unshared %v", i, got, want)
				}
			}
		}
	}
	for _, w := range []string{"lindqvist", "wax", "xqw", "plain", "", "quixotic"} {
		if got, want := respellQWX(w), strings.NewReplacer("q", "k", "w", "v", "x", "ks").Replace(w); got != want {
			t.Errorf("respellQWX(%q) = %q, want %q", w, got, want)
		}
	}
}
