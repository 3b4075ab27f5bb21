package report

import (
	"github.com/storydiff/storydiff/core"
	"sort"
)

// summarise fills the archive's counts from its articles, groups and stories.
func (a *Archive) summarise() {
	t := ArchiveTotals{Articles: len(a.Articles), Stories: len(a.Stories)}
	outlets, langs, months := map[string]int{}, map[string]int{}, map[string]int{}
	for _, ar := range a.Articles {
		outlets[orUnknown(ar.Outlet)]++
		langs[orUnknown(ar.Language)]++
		if ar.Published == nil {
			t.Undated++
			continue
		}
		months[ar.Published.UTC().Format("2006-01")]++
	}
	for _, g := range a.Groups {
		if g.Kind == "exact" {
			t.ExactGroups++
		} else {
			t.NearGroups++
		}
		if len(g.Members) > 1 {
			t.Duplicates += len(g.Members) - 1
		}
	}
	if t.Articles > 0 {
		t.DuplicateRate = float64(t.Duplicates) / float64(t.Articles)
	}
	a.Totals = t
	a.ByOutlet, a.ByLanguage = byCount(outlets), byCount(langs)
	// Months read best in calendar order.
	a.ByMonth = byCount(months)
	sort.Slice(a.ByMonth, func(i, j int) bool { return a.ByMonth[i].Value < a.ByMonth[j].Value })
	if a.Groups == nil {
		a.Groups = []Group{}
	}
	for i := range a.Groups {
		if a.Groups[i].Pairs == nil {
			a.Groups[i].Pairs = []core.Pair{}
		}
	}
	if a.Stories == nil {
		a.Stories = []StorySummary{}
	}
	if a.Articles == nil {
		a.Articles = []Article{}
	}
}

func orUnknown(s string) string {
	if s == "" {
		return "(unknown)"
	}
	return s
}

// byCount orders counts most frequent first, ties by value, so that the
// output does not depend on map order.
func byCount(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for v, n := range m {
		out = append(out, Count{Value: v, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}
