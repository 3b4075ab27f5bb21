package report

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/storydiff/storydiff/core"
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
		if p := ar.Published.UTC(); t.FirstPublished == nil || p.Before(*t.FirstPublished) {
			t.FirstPublished = &p
		}
		if p := ar.Published.UTC(); t.LastPublished == nil || p.After(*t.LastPublished) {
			t.LastPublished = &p
		}
	}
	t.Outlets, t.Languages = len(outlets), len(langs)
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
	if !a.Full {
		a.keepLargest()
	}
}

// keepLargest makes the archive a summary: the TopN largest groups,
// stories, outlets and languages, and no article. The totals keep the
// whole archive's figures.
func (a *Archive) keepLargest() {
	sort.SliceStable(a.Groups, func(i, j int) bool {
		gi, gj := a.Groups[i], a.Groups[j]
		if len(gi.Members) != len(gj.Members) {
			return len(gi.Members) > len(gj.Members)
		}
		return gi.Similarity > gj.Similarity
	})
	sort.SliceStable(a.Stories, func(i, j int) bool {
		if a.Stories[i].Versions != a.Stories[j].Versions {
			return a.Stories[i].Versions > a.Stories[j].Versions
		}
		return a.Stories[i].ID < a.Stories[j].ID
	})
	a.Groups, a.Stories = a.Groups[:min(TopN, len(a.Groups))], a.Stories[:min(TopN, len(a.Stories))]
	a.ByOutlet, a.ByLanguage = a.ByOutlet[:min(TopN, len(a.ByOutlet))], a.ByLanguage[:min(TopN, len(a.ByLanguage))]
	a.Articles = []Article{}
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

// summaryNote says what a summary leaves out and how to get it, "" for a
// full report.
func (a *Archive) SummaryNote() string {
	if a.Full {
		return ""
	}
	t := a.Totals
	return fmt.Sprintf("This is a summary: it lists the %d largest of %d duplicate groups, of %d stories, of %d outlets "+
		"and of %d languages, and no article. The full report lists every one of the %d articles "+
		"(storydiff report --archive --full; full=1 over HTTP; \"Every article\" in the app).",
		len(a.Groups), t.ExactGroups+t.NearGroups, t.Stories, t.Outlets, t.Languages, t.Articles)
}

// dateRange is the span of the dated articles, as a report shows it.
func (a *Archive) DateRange() string {
	t := a.Totals
	if t.FirstPublished == nil || t.LastPublished == nil {
		return "no article is dated"
	}
	return t.FirstPublished.Format("2006-01-02") + " to " + t.LastPublished.Format("2006-01-02")
}

// groupsHeading and storiesHeading name the lists for what they hold.
func (a *Archive) GroupsHeading() string {
	if a.Full {
		return "Duplicate groups"
	}
	return "Largest duplicate groups"
}

func (a *Archive) StoriesHeading() string {
	if a.Full {
		return "Stories"
	}
	return "Largest stories"
}

// firstMember names a group's first member, for the archive's list.
func firstMember(g Group) string {
	if len(g.Members) == 0 {
		return ""
	}
	return strconv.FormatInt(g.Members[0].ID, 10) + ": " + orDash(g.Members[0].Title)
}
