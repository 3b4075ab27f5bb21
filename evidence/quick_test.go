package evidence

import (
	"math"
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
