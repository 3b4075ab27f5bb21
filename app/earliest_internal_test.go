package app

import (
	"slices"
	"testing"
	"time"

	"github.com/storydiff/storydiff/core"
)

// The rule for undated versions: they sort after the dated ones and are
// never the earliest of an event any of whose versions is dated, even when
// they were imported first; with no version dated the first imported leads.
func TestEarliestIsTheFirstDatedVersion(t *testing.T) {
	day := func(d int) *time.Time { t := time.Date(2022, 5, d, 0, 0, 0, 0, time.UTC); return &t }
	cases := []struct {
		name     string
		arts     []core.EventArticle
		order    []int64
		earliest int64
	}{
		{"undated imported first", []core.EventArticle{{ID: 1}, {ID: 7, Published: day(13)}, {ID: 4, Published: day(12)}}, []int64{4, 7, 1}, 4},
		{"same date, smaller id first", []core.EventArticle{{ID: 9, Published: day(12)}, {ID: 3, Published: day(12)}, {ID: 2}}, []int64{3, 9, 2}, 3},
		{"none dated", []core.EventArticle{{ID: 8}, {ID: 5}}, []int64{5, 8}, 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := core.Event{Earliest: 1, Articles: c.arts}
			slices.SortStableFunc(e.Articles, compareVersions)
			markEarliest(&e)
			var order []int64
			marked := 0
			for _, a := range e.Articles {
				order = append(order, a.ID)
				if a.Earliest {
					marked++
					if a.ID != c.earliest {
						t.Errorf("marked %d, want %d", a.ID, c.earliest)
					}
				}
			}
			if !slices.Equal(order, c.order) || marked != 1 || e.Earliest != c.earliest {
				t.Errorf("order %v (want %v), %d marked, event earliest %d (want %d)", order, c.order, marked, e.Earliest, c.earliest)
			}
		})
	}
}
