package store_test

import (
	"context"
	"database/sql"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// A phrase of two common words is ranked from the pair index exactly as
// FTS5 ranks every match (ORDER BY bm25, then the newer article), hits and
// ranks double for double, and counted as FTS5 counts it, over many
// phrases (lists cut short and lists of every holder), filters and pages;
// the index says when it cannot prove a page; and it stays exact after an
// import, an edit, a revert and a deletion once refreshed.
func TestPairIndexGivesTheFullRanking(t *testing.T) {
	defer store.SetRankingLists(60, 25)()
	const keep = 8
	defer store.SetPairKeep(keep)()
	ctx := context.Background()
	db := MustOpenDB(t)
	rng := rand.New(rand.NewSource(11))
	arts, vocab := zipfArticles(rng, 0, 400, 300)
	addBatch(t, db, arts...)
	if err := db.RefreshSearchRanking(ctx, nil); err != nil {
		t.Fatal(err)
	}
	march := func(day int) *time.Time { d := time.Date(2024, 3, day, 0, 0, 0, 0, time.UTC); return &d }
	filters := []struct {
		f    core.SearchFilter
		cond string
		args []any
	}{
		{core.SearchFilter{}, "", nil},
		{core.SearchFilter{Language: "fr"}, "a.language = ?", []any{"fr"}},
		{core.SearchFilter{From: march(10), To: march(20)}, "a.published >= ? AND a.published <= ?",
			[]any{march(10).Format(time.RFC3339), march(20).Format(time.RFC3339)}},
	}
	raw, err := sql.Open("sqlite", "file:"+db.Path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// Phrases of the commonest words in both orders, a word twice, and
	// pairs of rarer listed words (some never side by side).
	var phrases []string
	for i := 0; i < 12; i++ {
		for j := 0; j < 12; j += 1 + i%3 {
			phrases = append(phrases, `"`+vocab[i]+" "+vocab[j]+`"`)
		}
		phrases = append(phrases, `"`+vocab[i+12]+" "+strings.ToUpper(vocab[30-i])+`"`)
	}
	type tally struct{ tried, proven, cut, filtered, none int }
	check := func(t *testing.T, stage string) tally {
		t.Helper()
		var n tally
		for _, phrase := range phrases {
			for fi, fl := range filters {
				wantIDs, wantRanks := fullRanking(t, raw, phrase, fl.cond, fl.args...)
				got, err := db.CountMatches(ctx, phrase, core.SearchOptions{Filter: fl.f})
				if err != nil || got != len(wantIDs) {
					t.Fatalf("%s: %s with %+v counts %d matches (%v), want %d", stage, phrase, fl.f, got, err, len(wantIDs))
				}
				for _, page := range []struct{ offset, limit int }{{0, 1}, {0, 5}, {2, 4}, {5, 3}, {0, 20}, {30, 10}} {
					opt := core.SearchOptions{Offset: page.offset, Limit: page.limit, Filter: fl.f}
					ids, ranks, ok, err := db.RankFromIndex(ctx, phrase, opt)
					if err != nil {
						t.Fatal(err)
					}
					n.tried++
					lo, hi := min(page.offset, len(wantIDs)), min(page.offset+page.limit, len(wantIDs))
					if ok {
						n.proven++
						if len(wantIDs) > keep && fi == 0 && page.offset+page.limit < keep {
							n.cut++ // from a list that left holders out
						}
						if fi > 0 {
							n.filtered++
						}
						if len(wantIDs) == 0 {
							n.none++
						}
						if !slices.Equal(ids, wantIDs[lo:hi]) || !slices.Equal(ranks, wantRanks[lo:hi]) {
							t.Fatalf("%s: %s %+v from the pair index: %v %v, want FTS5's %v %v", stage, phrase, opt, ids, ranks, wantIDs[lo:hi], wantRanks[lo:hi])
						}
					}
					hits, err := db.Search(ctx, phrase, opt)
					if err != nil {
						t.Fatal(err)
					}
					if ok && len(hits) > 0 && hits[0].Partial != nil {
						t.Fatalf("%s: %s %+v proven from the index but said to be partial", stage, phrase, opt)
					}
					if len(hits) > 0 && hits[0].Partial != nil {
						continue
					}
					if got := hitIDs(hits); !slices.Equal(got, wantIDs[lo:hi]) {
						t.Fatalf("%s: search %s %+v gives %v, want %v", stage, phrase, opt, got, wantIDs[lo:hi])
					}
				}
			}
		}
		t.Logf("%s: %+v", stage, n)
		return n
	}
	enough := func(t *testing.T, stage string, n tally) {
		t.Helper()
		// Pages within the lists come from the index (deeper pages of lists
		// cut short cannot), among them first pages of lists cut short,
		// filtered pages and phrases no article holds.
		if n.proven < n.tried*2/5 || n.cut < 20 || n.filtered < 100 || n.none == 0 {
			t.Errorf("%s: too few pages proven from the pair index: %+v", stage, n)
		}
	}
	enough(t, "built", check(t, "built"))

	// New articles the index has not taken in: no page of a phrase they
	// hold comes from it until it is refreshed.
	more, _ := zipfArticles(rng, 400, 150, 300)
	addBatch(t, db, more...)
	first := `"` + vocab[0] + " " + vocab[1] + `"`
	if _, _, ok, _ := db.RankFromIndex(ctx, first, core.SearchOptions{Limit: 5}); ok {
		t.Errorf("a page of %s from a pair index that has not taken in the last import", first)
	}
	check(t, "behind an import")
	if err := db.RefreshSearchRanking(ctx, nil); err != nil {
		t.Fatal(err)
	}
	enough(t, "after an import", check(t, "after an import"))

	// An edited title (titles weigh five times) puts its article first for
	// the phrase at once.
	title := strings.Repeat(vocab[3]+" "+vocab[4]+" ", 4)
	if err := db.EditArticle(ctx, 3, core.ArticleEdit{Title: &title}); err != nil {
		t.Fatal(err)
	}
	ids, _, ok, err := db.RankFromIndex(ctx, `"`+vocab[3]+" "+vocab[4]+`"`, core.SearchOptions{Limit: 3})
	if err != nil || !ok || len(ids) == 0 || ids[0] != 3 {
		t.Errorf("after the edit: %v (proven %v, %v), want article 3 first", ids, ok, err)
	}
	enough(t, "after an edit", check(t, "after an edit"))
	if err := db.RevertArticle(ctx, 3, []string{core.FieldTitle}); err != nil {
		t.Fatal(err)
	}
	enough(t, "after a revert", check(t, "after a revert"))

	// Deleted articles leave the lists and the counts at the next refresh.
	rw, err := sql.Open("sqlite", "file:"+db.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	best, _ := fullRanking(t, raw, first, "")
	for _, id := range best[:3] {
		if _, err := rw.Exec(`DELETE FROM articles WHERE id = ?`, id); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, ok, _ := db.RankFromIndex(ctx, first, core.SearchOptions{Limit: 5}); ok {
		t.Errorf("a page of %s from a pair index behind a deletion", first)
	}
	if err := db.RefreshSearchRanking(ctx, nil); err != nil {
		t.Fatal(err)
	}
	enough(t, "after a deletion", check(t, "after a deletion"))
}
