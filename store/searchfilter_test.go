package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// filtered returns the ids of arts (in order) that f keeps, the reference
// a filtered search is checked against.
func filtered(arts []store.NewArticle, ids []int64, f core.SearchFilter) []int64 {
	var out []int64
	for i, a := range arts {
		d := a.Doc
		switch {
		case f.Outlet != "" && d.Outlet != f.Outlet,
			f.Language != "" && d.Language != f.Language,
			f.From != nil && (d.Published == nil || d.Published.Before(*f.From)),
			f.To != nil && (d.Published == nil || d.Published.After(*f.To)),
			f.IDs != nil && !slices.Contains(f.IDs, ids[i]):
			continue
		}
		out = append(out, ids[i])
	}
	return out
}

// sameRanking says whether two lists of hits rank alike: the same ranked
// and unranked hits, by the same score.
func sameRanking(a, b []core.SearchHit) bool {
	return slices.EqualFunc(a, b, func(x, y core.SearchHit) bool {
		return x.Article.ID == y.Article.ID && x.Unranked == y.Unranked && x.Rank == y.Rank
	})
}

// A search keeps only the articles its filter keeps, whether it ranks
// every match or a window of them, and its pages reach every such match.
func TestSearchCombinesWithFilters(t *testing.T) {
	db := MustOpenDB(t)
	var arts []store.NewArticle
	for i := 0; i < 24; i++ {
		lang, outlet := "en", "reuters"
		if i%3 == 0 {
			lang, outlet = "fr", "afp"
		}
		title := fmt.Sprintf("Report %d", i)
		if i%5 == 0 {
			title = fmt.Sprintf("Dividend report %d", i)
		}
		arts = append(arts, dated(fmt.Sprintf("/c/%d.txt", i), title+"\n\n"+body("dividend", 1+i%4, 8+i), outlet, lang, 1+i%12))
	}
	ids := addBatch(t, db, arts...)
	day := func(d int) *time.Time { t := time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC); return &t }
	filters := []core.SearchFilter{
		{Language: "fr"},
		{Language: "en", Outlet: "reuters"},
		{Outlet: "afp"},
		{From: day(6)},
		{To: day(3)},
		{From: day(4), To: day(8), Language: "en"},
		{Language: "de"},
		{IDs: []int64{ids[0], ids[5], ids[9], ids[20]}},
		{IDs: []int64{ids[0], ids[3], ids[6]}, Language: "en"},
		{IDs: []int64{}},
	}
	for _, f := range filters {
		want := filtered(arts, ids, f)
		for _, window := range []int{-1, 3} {
			t.Run(fmt.Sprintf("%+v window %d", f, window), func(t *testing.T) {
				opt := core.SearchOptions{Limit: 4, Window: window, Filter: f}
				hits := allPages(t, db, "dividend", opt)
				got := hitIDs(hits)
				// A filter that keeps few articles is a set of their ids, one
				// that keeps many a join: the same hits in the same order.
				restore := store.SetNarrowFilter(-1)
				joined := allPages(t, db, "dividend", opt)
				restore()
				if !slices.Equal(got, hitIDs(joined)) || !sameRanking(hits, joined) {
					t.Errorf("hits %v as a set of ids, %v as a join", got, hitIDs(joined))
				}
				if len(got) != len(want) {
					t.Fatalf("%d hits %v, want the %d filtered articles %v", len(got), got, len(want), want)
				}
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Errorf("hits %v, want the filtered articles %v", got, want)
				}
				n, err := db.CountMatches(context.Background(), "dividend", opt)
				if err != nil || n != len(want) {
					t.Errorf("count %d, %v; want %d", n, err, len(want))
				}
			})
		}
	}
}

// A broad search ranks a window and says so; its later pages carry the
// other matches, newest first and marked unranked, so nothing is dropped.
func TestSearchPagesPastTheRankedWindow(t *testing.T) {
	db := MustOpenDB(t)
	var texts []string
	for i := 0; i < 20; i++ {
		title := fmt.Sprintf("Report %d", i)
		if i == 2 {
			title = "Alpha in the title"
		}
		texts = append(texts, title+"\n\n"+body("alpha", 1+i%3, 10+i))
	}
	ids := addTexts(t, db, texts)
	hits := allPages(t, db, "alpha", core.SearchOptions{Limit: 3, Window: 5})
	if len(hits) != 20 {
		t.Fatalf("%d hits, want all 20 matches", len(hits))
	}
	seen := map[int64]bool{}
	for i, h := range hits {
		if seen[h.Article.ID] {
			t.Fatalf("article %d listed twice", h.Article.ID)
		}
		seen[h.Article.ID] = true
		if h.Partial == nil {
			t.Fatalf("hit %d has no partial ranking", i)
		}
		if ranked := i < 6; h.Unranked == ranked { // the title match and the 5 newest
			t.Errorf("hit %d (article %d): unranked %v, want %v", i, h.Article.ID, h.Unranked, !ranked)
		}
	}
	if hits[0].Article.ID != ids[2] {
		t.Errorf("first hit %d, want the title match %d", hits[0].Article.ID, ids[2])
	}
	// The unranked rest is newest first, without the title match.
	var rest []int64
	for i := 14; i >= 0; i-- {
		if i != 2 {
			rest = append(rest, ids[i])
		}
	}
	if got := hitIDs(hits[6:]); !slices.Equal(got, rest) {
		t.Errorf("unranked hits %v, want newest first %v", got, rest)
	}
}
